//! Step 3: the day and the time. The days of the next two weeks that have free times are listed as
//! links with the weekday and date written out; the chosen day's times are radio buttons. "Show
//! later dates" moves on two weeks. When a time was just taken by someone else the person is sent
//! back here, told so, and shown the times as they are now.
//!
//! The list itself, [`TimeChoice`], is shared with choosing a new time for a booking
//! (`pages::reschedule`): both keep the two weeks and the day in the address, so only the links'
//! addresses and what the button does differ.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{ErrorCode, Slot};

use super::choose::required;
use super::{BackLink, GroupError, Loading, Lost, Step, use_flow};
use crate::api;
use crate::components::form::{ErrorSummary, FormErrors, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{Booking, Text, booking};
use crate::library::use_library;
use crate::prefs::{tr, use_lang};

/// The id of the first time radio.
pub const START_ID: &str = "start";
/// How many days one list covers.
const WINDOW_DAYS: i64 = 14;
const WINDOW_SECONDS: i64 = WINDOW_DAYS * 24 * 60 * 60;

/// The current time from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The free times of one service, two weeks at a time.
#[derive(Clone, Copy)]
pub struct FreeTimes {
    /// The first moment of the two weeks shown, in Unix seconds.
    start: Memo<i64>,
    /// True when the person moved away from the first two weeks.
    moved: Memo<bool>,
    /// The times; `Err` when they could not be loaded.
    pub slots: LocalResource<Result<Vec<Slot>, ErrorCode>>,
}

impl FreeTimes {
    /// Loads the times of `service` in the two weeks from `from` (Unix seconds; absent: from now).
    /// Only the service and the two weeks decide what to load; choosing a day does not reload.
    pub fn new(service: Memo<Option<String>>, from: Memo<Option<i64>>) -> FreeTimes {
        let start = Memo::new(move |_| from.get().unwrap_or_else(|| now().timestamp()));
        let lang = use_lang();
        let slots = LocalResource::new(move || {
            let (service, from) = (service.get(), start.get());
            let lang = lang.get_untracked();
            async move {
                let service = service.ok_or(ErrorCode::NotFound)?;
                let start = DateTime::from_timestamp(from, 0).unwrap_or_default();
                let end = start + chrono::Duration::days(WINDOW_DAYS);
                api::slots(&service, &start.to_rfc3339(), &end.to_rfc3339(), lang)
                    .await
                    .map(|list| list.slots)
                    .map_err(|e| e.code())
            }
        });
        FreeTimes {
            start,
            moved: Memo::new(move |_| from.get().is_some()),
            slots,
        }
    }
}

/// Step 3.
#[component]
pub fn TimeStep() -> impl IntoView {
    let flow = use_flow();
    let navigate = use_navigate();
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let chosen = RwSignal::new(flow.place.get_untracked().start);
    let reloaded = RwSignal::new(false);
    if let Some(carried) = flow.carry.try_update(Option::take).flatten() {
        reloaded.set(carried.problem == Some(ErrorCode::SlotTaken));
        errors.set(carried);
        focus_later(summary);
    }
    let times = FreeTimes::new(
        Memo::new(move |_| flow.place.with(|p| p.service.clone())),
        Memo::new(move |_| flow.place.with(|p| p.from)),
    );
    let href = Callback::new(move |(from, day): (Option<i64>, Option<NaiveDate>)| {
        let mut target = flow.place.get().at(Step::Time);
        target.from = from;
        target.day = day;
        target.start = None;
        target.href()
    });
    let on_choose = Callback::new(move |start: String| {
        let mut next = flow.place.get_untracked().at(Step::Details);
        next.start = Some(start);
        navigate(&next.href(), Default::default());
    });
    let body = move || {
        if flow.place.with(|p| p.service.is_none()) {
            return view! { <Lost /> }.into_any();
        }
        view! {
            <TimeChoice times=times day=Signal::derive(move || flow.place.with(|p| p.day)) href=href
                chosen=chosen errors=errors summary=summary submit=Booking::Continue on_choose=on_choose />
        }
        .into_any()
    };

    view! {
        <BackLink href=flow.place.get_untracked().at(Step::Mode).href() />
        <ErrorSummary errors=errors node_ref=summary id="time-summary" />
        <h1 tabindex="-1">{tr(Booking::TimeTitle)}</h1>
        <Show when=move || reloaded.get()>
            <p class="notice">{tr(Booking::TimesReloaded)}</p>
        </Show>
        {body}
    }
}

/// The days with free times as links, and the chosen day's times as radio buttons in a form whose
/// button hands the chosen start (exactly as the slots list gave it) to `on_choose`.
#[component]
pub fn TimeChoice(
    /// The free times.
    times: FreeTimes,
    /// The day whose times are shown.
    day: Signal<Option<NaiveDate>>,
    /// The address of the same page with another two weeks (`from`) and day.
    #[prop(into)]
    href: Callback<(Option<i64>, Option<NaiveDate>), String>,
    /// The chosen start.
    chosen: RwSignal<Option<String>>,
    /// The page's errors; an unchosen time is shown at the list.
    errors: RwSignal<FormErrors>,
    /// The page's error summary, focused when no time is chosen.
    summary: NodeRef<html::Div>,
    /// The button's text.
    submit: Booking,
    /// True while the choice is being sent; the button is disabled.
    #[prop(optional, into)]
    busy: Option<Signal<bool>>,
    /// What to do with the chosen start.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let library = use_library();
    let busy = move || busy.is_some_and(|b| b.get());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match chosen.get_untracked() {
            Some(start) => on_choose.run(start),
            None => {
                errors.set(required(START_ID, Booking::TimeLabel));
                focus_later(summary);
            }
        }
    };

    let href = move |from, day| href.run((from, day));
    let later = move || href(Some(times.start.get() + WINDOW_SECONDS), None);
    // Back two weeks, but never into the past; absent on the first two weeks.
    let earlier = move || {
        if !times.moved.get() {
            return None;
        }
        let back = times.start.get() - WINDOW_SECONDS;
        let target = href((back > now().timestamp()).then_some(back), None);
        Some(
            view! { <A href=target attr:class="button button-secondary">{tr(Booking::EarlierDates)}</A> " " },
        )
    };

    move || {
        let slots = match times.slots.get() {
            None => return view! { <Loading /> }.into_any(),
            Some(Err(code)) => {
                return view! { <p class="error-message">{code.message(lang.get())}</p> }
                    .into_any();
            }
            Some(Ok(slots)) => slots,
        };
        let lang = lang.get();
        let mut days: BTreeMap<NaiveDate, Vec<Slot>> = BTreeMap::new();
        for slot in slots {
            days.entry(slot.start.date_naive()).or_default().push(slot);
        }
        if days.is_empty() {
            return view! {
                <p class="notice">{Booking::NoTimes.text(lang)}</p>
                {move || library.get().map(|l| view! { <p class="big-phone"><PhoneLink phone=l.phone /></p> })}
                <p>{earlier}<A href=later attr:class="button button-secondary">{tr(Booking::LaterDates)}</A></p>
            }
            .into_any();
        }
        let shown = day.get();
        let from = times.moved.get().then(|| times.start.get());
        let day_links = days
            .keys()
            .map(|&d| {
                let current = (shown == Some(d)).then_some("true");
                view! {
                    <li><a class="day-link" href=href(from, Some(d)) aria-current=current>{booking::day(lang, d)}</a></li>
                }
            })
            .collect_view();
        let list = match shown.and_then(|d| days.get(&d).map(|s| (d, s.clone()))) {
            None => view! { <p>{Booking::ChooseDayFirst.text(lang)}</p> }.into_any(),
            Some((d, list)) => view! {
                <form class="form" novalidate on:submit=on_submit>
                    <fieldset class:field-error=move || errors.with(|e| e.field(START_ID).is_some())>
                        <legend class="legend-heading"><h2>{booking::day(lang, d)}</h2></legend>
                        <GroupError errors=errors id=START_ID />
                        <div class="time-list">
                            {list.into_iter().enumerate().map(|(i, s)| time_option(i, s, chosen)).collect_view()}
                        </div>
                    </fieldset>
                    <button type="submit" class="button" disabled=busy>{tr(submit)}</button>
                </form>
            }
            .into_any(),
        };
        view! {
            <h2 id="days-heading">{Booking::DaysHeading.text(lang)}</h2>
            <ul class="day-list" aria-labelledby="days-heading">{day_links}</ul>
            <p>{earlier}<A href=later attr:class="button button-secondary">{tr(Booking::LaterDates)}</A></p>
            {list}
        }
        .into_any()
    }
}

fn time_option(i: usize, slot: Slot, chosen: RwSignal<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let id = if i == 0 {
        START_ID.to_owned()
    } else {
        format!("{START_ID}-{i}")
    };
    let value = slot.start.to_rfc3339();
    let checked = {
        let value = value.clone();
        move || chosen.with(|c| c.as_deref() == Some(value.as_str()))
    };
    let (start, end) = (slot.start.time(), slot.end.time());
    view! {
        <div class="radio">
            <input type="radio" id=id.clone() name="start" value=value.clone() prop:checked=checked
                on:change=move |_| chosen.set(Some(value.clone())) />
            <label for=id>{move || booking::time_range(lang.get(), start, end)}</label>
        </div>
    }
}
