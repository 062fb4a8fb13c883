//! The staff dashboard: the staff member's libraries, "Book for a patron", and the calendar of booked
//! sessions ([`calendar`]) with what staff do about each one ([`session`]). Patrons get a plain
//! sentence saying the page is for staff only; the server enforces the same rule on every staff API
//! call.
//!
//! The calendar's day or week, date and "my sessions" or "whole team" live in the address
//! (`/staff?view=week&date=2026-12-07&who=team`), so Back, reload and a bookmark keep them.

pub mod api_clients;
pub mod audit;
pub mod branding;
mod calendar;
pub mod event_form;
pub mod events;
pub mod guides;
pub mod home_client;
pub mod home_service;
pub mod messages;
pub mod offers;
pub mod organisations;
pub mod programmes;
pub mod scenario;
mod session;
pub mod survey_form;
pub mod surveys;
pub mod training;
pub mod training_form;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::i18n::{Pages, Staff as T, Ui, role_name};
use crate::pages::book::time_now;
use crate::pages::me::SignInPrompt;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::{Phase, use_session};

/// One day or a whole week, Monday to Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// One day.
    #[default]
    Day,
    /// The week of the date.
    Week,
}

/// Whose sessions the calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Who {
    /// The signed-in staff member's own.
    #[default]
    Mine,
    /// Everyone's in the library.
    Team,
}

/// What the calendar shows, as kept in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// Day or week.
    pub view: View,
    /// The date asked for (absent: today in the library).
    pub date: Option<NaiveDate>,
    /// Mine or the team's.
    pub who: Who,
}

impl Place {
    fn from_query(q: &ParamsMap) -> Place {
        Place {
            view: match q.get_str("view") {
                Some("week") => View::Week,
                _ => View::Day,
            },
            date: q.get_str("date").and_then(|d| d.parse().ok()),
            who: match q.get_str("who") {
                Some("team") => Who::Team,
                _ => Who::Mine,
            },
        }
    }

    /// The address of this place.
    pub fn href(&self) -> String {
        let view = match self.view {
            View::Day => "day",
            View::Week => "week",
        };
        let who = match self.who {
            Who::Mine => "mine",
            Who::Team => "team",
        };
        let date = self.date.map(|d| format!("&date={d}")).unwrap_or_default();
        format!("{}?view={view}{date}&who={who}", Page::Staff.href())
    }

    /// The first day shown and how many days, with `today` standing in for a missing date.
    pub fn span(&self, today: NaiveDate) -> (NaiveDate, i64) {
        let date = self.date.unwrap_or(today);
        match self.view {
            View::Day => (date, 1),
            View::Week => (
                date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
                7,
            ),
        }
    }
}

/// The calendar on one day, the team's or one's own; where staff return after moving a session.
pub fn day_href(date: NaiveDate, team: bool) -> String {
    Place {
        view: View::Day,
        date: Some(date),
        who: if team { Who::Team } else { Who::Mine },
    }
    .href()
}

/// Today in the library's time zone, not the browser's: the clock's moment written out there by
/// the browser's time-zone data.
pub fn today(time_zone: &str) -> NaiveDate {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &time_zone.into());
    // Swedish writes dates as ISO 8601 (2026-12-07), which parses without guessing.
    let text = js_sys::Date::new_0().to_locale_date_string("sv-SE", &options);
    String::from(text)
        .parse()
        .unwrap_or_else(|_| time_now().date_naive())
}

/// The library's offset from UTC, in seconds, at the instant `at`: the instant written out in the
/// library's zone by the browser's time-zone data, less the instant itself.
fn offset_at(at: DateTime<Utc>, time_zone: &str) -> Option<i32> {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeZone".into(), &time_zone.into());
    let _ = js_sys::Reflect::set(&options, &"hourCycle".into(), &"h23".into());
    #[allow(clippy::cast_precision_loss)]
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    // Swedish writes "2026-12-07 13:00:00", which parses without guessing.
    let text = String::from(date.to_locale_string("sv-SE", &options));
    let local = NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S").ok()?;
    // Whole seconds on both sides: the written-out time has none of the instant's fraction.
    i32::try_from(local.and_utc().timestamp() - at.timestamp()).ok()
}

/// A date and clock time in the library's zone as an instant with the offset in force then (winter
/// or summer time); `None` for a time the clocks skip in spring, or when the browser lacks the zone.
pub fn in_zone(local: NaiveDateTime, time_zone: &str) -> Option<DateTime<FixedOffset>> {
    let guess = offset_at(local.and_utc(), time_zone)?;
    let offset = offset_at(
        (local - Duration::seconds(i64::from(guess))).and_utc(),
        time_zone,
    )?;
    let at = FixedOffset::east_opt(offset)?
        .from_local_datetime(&local)
        .single()?;
    // In the spring gap the wall-clock time does not exist: the offset found does not hold there.
    (offset_at(at.with_timezone(&Utc), time_zone)? == offset).then_some(at)
}

/// An instant as the date and clock time in the library's zone.
pub fn to_zone(at: DateTime<Utc>, time_zone: &str) -> NaiveDateTime {
    let offset = offset_at(at, time_zone).unwrap_or(0);
    at.naive_utc() + Duration::seconds(i64::from(offset))
}

/// What a staff page shows instead of itself: while the session is checked, to those signed out or
/// not staff, and to staff who have not set up two-step sign-in; `None` when the page may show.
pub fn refusal(phase: Phase, me: Option<&etakirjasto_shared::Me>) -> Option<AnyView> {
    Some(match (phase, me) {
        (Phase::Checking, _) => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
        (Phase::SignedOut, _) | (Phase::SignedIn, None) => {
            view! { <p class="notice">{tr(Pages::StaffOnly)}</p> <SignInPrompt /> }.into_any()
        }
        (Phase::SignedIn, Some(me)) if !me.is_staff() => {
            view! { <p class="notice staff-only">{tr(Pages::StaffOnly)}</p> }.into_any()
        }
        (Phase::SignedIn, Some(me)) if me.second_factor_needed => view! {
            <p class="notice">{tr(crate::i18n::Auth::TwoStepStaffNeeds)}</p>
            <p><a href=Page::TwoStep.href()>{tr(crate::i18n::Auth::TwoStepStart)}</a></p>
        }
        .into_any(),
        _ => return None,
    })
}

/// The slug of the first library the person is staff of (empty when none: the pages refuse first).
pub fn staff_library(me: Option<etakirjasto_shared::Me>) -> String {
    me.and_then(|me| me.memberships.into_iter().find(|m| m.role.is_staff()))
        .map(|m| m.library)
        .unwrap_or_default()
}

/// The staff dashboard.
#[component]
pub fn Staff() -> impl IntoView {
    use_title(Pages::StaffTitle);
    let session = use_session();
    let lang = use_lang();

    view! {
        <h1>{tr(Pages::StaffTitle)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let Some(me) = me else { return ().into_any() };
            let admin_of = me
                .memberships
                .iter()
                .find(|m| m.role == etakirjasto_shared::Role::Admin)
                .map(|m| m.library.clone());
            let admin = admin_of.is_some();
            {
                let libraries = me
                    .memberships
                    .into_iter()
                    .filter(|m| m.role.is_staff())
                    .map(|m| view! { <li>{move || format!("{} ({})", m.library_name, role_name(m.role, lang.get()))}</li> })
                    .collect_view();
                view! {
                    <div class="staff-dashboard">
                        <p>{tr(Pages::StaffIntro)}</p>
                        <p><a class="button book-for-patron" href=crate::pages::book::for_patron_href()>{tr(T::BookForPatron)}</a></p>
                        <p><a href=crate::routes::staff_programmes_href(None)>{tr(crate::i18n::Programmes::StaffLink)}</a></p>
                        <p><a href=crate::routes::staff_offers_href(None)>{tr(crate::i18n::Offers::Link)}</a></p>
                        <p><a href=crate::routes::staff_organisations_href(None)>{tr(crate::i18n::Offers::OrgLink)}</a></p>
                        <p><a href=crate::routes::staff_messages_href()>{tr(crate::i18n::Messages::StaffLink)}</a></p>
                        <p><a href=crate::routes::staff_events_href(None)>{tr(crate::i18n::StaffEvents::StaffLink)}</a></p>
                        <p><a href=crate::routes::staff_home_service_href(None)>{tr(crate::i18n::HomeService::Link)}</a></p>
                        <p><a href=crate::routes::staff_guides_href()>{tr(crate::i18n::guides::Guides::OwnModels)}</a></p>
                        <p><a href=crate::routes::staff_surveys_href()>{tr(crate::i18n::surveys::Surveys::StaffTitle)}</a></p>
                        <p><a href=crate::routes::staff_training_href()>{tr(crate::i18n::training::Training::Title)}</a></p>
                        {admin.then(|| view! { <p><a href=crate::routes::staff_audit_href(None)>{tr(crate::i18n::Audit::Link)}</a></p> })}
                        {admin.then(|| view! { <p><a href=crate::routes::staff_api_clients_href()>{tr(crate::i18n::partners::Partners::Link)}</a></p> })}
                        {admin_of.clone().map(|library| view! { <scenario::ScenarioForm library=library /> })}
                        {admin_of.clone().map(|library| view! { <branding::BrandingForm library=library /> })}
                        <calendar::Calendar />
                        <h2>{tr(Pages::StaffLibraries)}</h2>
                        <ul>{libraries}</ul>
                    </div>
                }
                .into_any()
            }
        }}
    }
}
