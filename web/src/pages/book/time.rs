//! Step 3: the day and the time. The days of the next two weeks that have free times are listed as
//! links with the weekday and date written out; the chosen day's times are radio buttons. "Show
//! later dates" moves on two weeks. When a time was just taken by someone else the person is sent
//! back here, told so, and shown the times as they are now.

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
const START_ID: &str = "start";
/// How many days one list covers.
const WINDOW_DAYS: i64 = 14;

/// The current time from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Step 3.
#[component]
pub fn TimeStep() -> impl IntoView {
    let flow = use_flow();
    let lang = use_lang();
    let library = use_library();
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

    // Only the service and the two weeks decide what to load; choosing a day does not reload.
    let window = Memo::new(move |_| {
        flow.place.with(|p| {
            let from = p.from.unwrap_or_else(|| now().timestamp());
            (p.service.clone(), from)
        })
    });
    let slots = LocalResource::new(move || {
        let (service, from) = window.get();
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

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(start) = chosen.get_untracked() else {
            errors.set(required(START_ID, Booking::TimeLabel));
            focus_later(summary);
            return;
        };
        let mut next = flow.place.get_untracked().at(Step::Details);
        next.start = Some(start);
        navigate(&next.href(), Default::default());
    };

    let later = move || {
        let mut next = flow.place.get().at(Step::Time);
        next.from = Some(window.get().1 + WINDOW_DAYS * 24 * 60 * 60);
        next.day = None;
        next.start = None;
        next.href()
    };

    // Back two weeks, but never into the past; absent on the first two weeks.
    let earlier = move || {
        let place = flow.place.get();
        let from = place.from?;
        let mut prev = place.at(Step::Time);
        let back = from - WINDOW_DAYS * 24 * 60 * 60;
        prev.from = (back > now().timestamp()).then_some(back);
        prev.day = None;
        prev.start = None;
        Some(
            view! { <A href=prev.href() attr:class="button button-secondary">{tr(Booking::EarlierDates)}</A> " " },
        )
    };

    let body = move || {
        let on_submit = on_submit.clone();
        let slots = match slots.get() {
            None => return view! { <Loading /> }.into_any(),
            Some(Err(code)) => return view! { <Lost code=code /> }.into_any(),
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
        let place = flow.place.get();
        let day_links = days
            .keys()
            .map(|&d| {
                let mut target = place.at(Step::Time);
                target.day = Some(d);
                target.start = None;
                let current = (place.day == Some(d)).then_some("true");
                view! {
                    <li><a class="day-link" href=target.href() aria-current=current>{booking::day(lang, d)}</a></li>
                }
            })
            .collect_view();
        let times = match place.day.and_then(|d| days.get(&d).map(|s| (d, s.clone()))) {
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
                    <button type="submit" class="button">{tr(Booking::Continue)}</button>
                </form>
            }
            .into_any(),
        };
        view! {
            <h2 id="days-heading">{Booking::DaysHeading.text(lang)}</h2>
            <ul class="day-list" aria-labelledby="days-heading">{day_links}</ul>
            <p>{earlier}<A href=later attr:class="button button-secondary">{tr(Booking::LaterDates)}</A></p>
            {times}
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
