//! The calendar of booked sessions: a form to type a date and choose a day or a week and whose
//! sessions, links to the previous, current and next day or week, and the sessions as a list grouped
//! by day (a heading per day, then each session in time order), which screen readers and the keyboard
//! follow as easily as the eye, and which never scrolls sideways.
//!
//! Times are shown as the API gives them, in the library's offset; the browser's own time zone is
//! never used. A day's bookings are asked for with a margin of a day's width of offsets on each side
//! and kept by their local date, so no time-zone rules are needed here.

use chrono::{Duration, NaiveDate};
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{Booking, FieldCode};

use super::session::SessionEntry;
use super::{Place, View, Who, today};
use crate::api::{self, BookingRange};
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::i18n::staff::{parse_date, range, short_date};
use crate::i18n::{Staff as T, Text, Ui, booking};
use crate::library::use_library;
use crate::prefs::{tr, use_lang};
use crate::session::use_session;

/// The id of the date box.
const DATE_ID: &str = "date";
/// Used until the library's details have loaded.
const DEFAULT_TIME_ZONE: &str = "Europe/Helsinki";

/// The calendar.
#[component]
pub fn Calendar() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let navigate = use_navigate();
    let query = use_query_map();
    let place = Memo::new(move |_| query.with(Place::from_query));
    let today = Memo::new(move |_| {
        library
            .get()
            .map_or_else(|| today(DEFAULT_TIME_ZONE), |l| today(&l.time_zone))
    });
    let span = Memo::new(move |_| place.get().span(today.get()));

    // The form starts from the place shown and follows it when a link changes the place.
    let date_text = RwSignal::new(String::new());
    let week = RwSignal::new(false);
    let team = RwSignal::new(false);
    Effect::new(move || {
        let p = place.get();
        date_text.set(short_date(p.date.unwrap_or_else(|| today.get())));
        week.set(p.view == View::Week);
        team.set(p.who == Who::Team);
    });
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    // One key for what the list depends on: the span and whose sessions. (Read as two sources, a
    // change of "whose" alone on the same day did not fetch the list again.)
    let key = Memo::new(move |_| (span.get(), place.with(|p| p.who)));
    let sessions = LocalResource::new(move || {
        let ((first, days), who) = key.get();
        let me = session.me.get();
        let lang = lang.get_untracked();
        async move {
            let me = me?;
            let library = me
                .memberships
                .iter()
                .find(|m| m.role.is_staff())?
                .library
                .clone();
            // Every offset lies within 14 hours of UTC, so these bounds hold the whole local days.
            let range = BookingRange {
                library,
                from: format!("{first}T00:00:00+14:00"),
                to: format!("{}T00:00:00-12:00", first + Duration::days(days)),
                staff_id: (who == Who::Mine).then(|| me.id.clone()),
            };
            let result = session
                .authorized(lang, |token| {
                    let range = range.clone();
                    async move { api::library_bookings(&token, &range, lang).await }
                })
                .await;
            Some(
                result
                    .map(|list| (first, days, who, list))
                    .map_err(|e| e.code()),
            )
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = date_text.get_untracked();
        let Some(date) = parse_date(&text) else {
            let code = if text.trim().is_empty() {
                FieldCode::Required
            } else {
                FieldCode::InvalidFormat
            };
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: DATE_ID,
                    label: T::DateLabel.into(),
                    code,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        errors.set(FormErrors::default());
        let next = Place {
            view: if week.get_untracked() {
                View::Week
            } else {
                View::Day
            },
            date: Some(date),
            who: if team.get_untracked() {
                Who::Team
            } else {
                Who::Mine
            },
        };
        navigate(&next.href(), Default::default());
    };

    // The previous, current and next day or week, and a line saying what is shown, which screen
    // readers announce when it changes.
    let nav = move || {
        let (p, (first, days), lang) = (place.get(), span.get(), lang.get());
        let at = |date| {
            Place {
                date: Some(date),
                ..p
            }
            .href()
        };
        let (prev, next) = match p.view {
            View::Day => (T::PrevDay, T::NextDay),
            View::Week => (T::PrevWeek, T::NextWeek),
        };
        let who = match p.who {
            Who::Mine => T::Mine,
            Who::Team => T::Team,
        };
        view! {
            <p class="calendar-nav">
                <a href=at(first - Duration::days(days)) class="button button-secondary">{prev.text(lang)}</a>
                <a href=at(today.get()) class="button button-secondary">{T::Today.text(lang)}</a>
                <a href=at(first + Duration::days(days)) class="button button-secondary">{next.text(lang)}</a>
            </p>
            <p class="calendar-range" aria-live="polite">
                {format!("{} – {}", range(lang, first, days), who.text(lang))}
            </p>
        }
    };

    let list = move || match sessions.get().flatten() {
        None => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
        Some(Err(code)) => {
            view! { <p class="error-message">{move || code.message(lang.get())}</p> }.into_any()
        }
        Some(Ok((first, days, who, list))) => days_view(first, days, who, list).into_any(),
    };

    view! {
        <section class="calendar" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{tr(T::CalendarHeading)}</h2>
            <ErrorSummary errors=errors node_ref=summary id="calendar-summary" />
            <form class="form calendar-form" novalidate on:submit=on_submit>
                <Field id=DATE_ID label=T::DateLabel hint=T::DateHint autocomplete="off" value=date_text errors=errors />
                {choice("view", T::ViewLegend, week, [T::ViewDay, T::ViewWeek])}
                {choice("who", T::WhoLegend, team, [T::Mine, T::Team])}
                <button type="submit" class="button">{tr(T::Show)}</button>
            </form>
            {nav}
            {list}
        </section>
    }
}

/// Two radio buttons in a fieldset, side by side; the second sets `second`.
fn choice(name: &'static str, legend: T, second: RwSignal<bool>, labels: [T; 2]) -> impl IntoView {
    let options = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let value = i == 1;
            let id = format!("{name}-{i}");
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name=name prop:checked=move || second.get() == value
                        on:change=move |_| second.set(value) />
                    <label for=id>{tr(label)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="inline-choice">
            <legend>{tr(legend)}</legend>
            {options}
        </fieldset>
    }
}

/// The days from `first`, each with its heading and its sessions or a sentence saying it has none.
/// The API lists the sessions in order of start, so each day's stay in time order.
fn days_view(first: NaiveDate, days: i64, who: Who, list: Vec<Booking>) -> impl IntoView {
    let lang = use_lang();
    (0..days)
        .map(|i| {
            let day = first + Duration::days(i);
            let sessions: Vec<Booking> = list
                .iter()
                .filter(|b| b.start.date_naive() == day)
                .cloned()
                .collect();
            let body = if sessions.is_empty() {
                view! { <p class="no-sessions">{tr(T::NoSessions)}</p> }.into_any()
            } else {
                view! {
                    <ul class="session-list">
                        {sessions.into_iter().map(|b| view! { <li><SessionEntry booking=b team=who == Who::Team /></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <div class="calendar-day" data-date=day.to_string()>
                    <h3 class="day-heading">{move || booking::day(lang.get(), day)}</h3>
                    {body}
                </div>
            }
        })
        .collect_view()
}
