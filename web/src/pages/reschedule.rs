//! Choosing a new time for a booking: a patron's from "My bookings", a guest's from the manage link
//! and staff's from the dashboard's calendar, all at `/bookings/{id}/reschedule`.
//!
//! The free times are the booking flow's [`TimeChoice`], with the two weeks and the day in the
//! address (`?from=…&day=…`), so Back and reload keep the place; `by=staff` says the person came from
//! the dashboard, and a guest's manage token stays in the fragment as on the manage page. When the
//! new time was taken meanwhile (409 `slot_taken`) the page says so and loads the times again. After
//! the move the person returns where they came from, and that page says the booking was moved.

use chrono::DateTime;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use etakirjasto_shared::{Booking, BookingStatus, ErrorCode, Lang};

use crate::api::{self, BookingKey};
use crate::components::form::{ErrorSummary, FormErrors, focus_later};
use crate::i18n::{Booking as T, Text, Ui, booking};
use crate::pages::book::{FreeTimes, START_ID, TimeChoice};
use crate::pages::bookings::{fragment_token, load_booking};
use crate::pages::staff::day_href;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, booking_href, reschedule_href};
use crate::session::use_session;

/// The booking just moved, kept until the page the person returns to has said so.
#[derive(Debug, Clone, Copy)]
pub struct Moved(RwSignal<Option<Booking>>);

impl Moved {
    /// Provides the (empty) note through context.
    pub fn provide() {
        provide_context(Moved(RwSignal::new(None)));
    }

    /// The moved booking if it is `id`, taken so that it is announced once.
    pub fn take(id: &str) -> Option<Booking> {
        let moved = use_context::<Moved>()?.0;
        if moved.with_untracked(|m| m.as_ref().is_some_and(|b| b.id == id)) {
            moved.try_update(Option::take).flatten()
        } else {
            None
        }
    }

    fn set(self, booking: Booking) {
        self.0.set(Some(booking));
    }
}

/// "Choose a new time".
#[component]
pub fn Reschedule() -> impl IntoView {
    use_title(T::RescheduleTitle);
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_params_map();
    let query = use_query_map();
    let by_staff = query.with_untracked(|q| q.get_str("by") == Some("staff"));
    let token = StoredValue::new(fragment_token());
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let chosen = RwSignal::new(None::<String>);
    let reloaded = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let moved = expect_context::<Moved>();

    let loaded = LocalResource::new(move || {
        let (id, phase) = (id.get(), session.phase.get());
        load_booking(session, id, token.get_value(), phase, lang.get_untracked())
    });
    let current = Memo::new(move |_| loaded.get().flatten().and_then(Result::ok));
    let times = FreeTimes::new(
        Memo::new(move |_| current.with(|b| b.as_ref().map(|b| b.service_id.clone()))),
        Memo::new(move |_| query.with(|q| q.get_str("from").and_then(|s| s.parse().ok()))),
    );
    let day = Signal::derive(move || query.with(|q| q.get_str("day").and_then(|s| s.parse().ok())));
    let href = Callback::new(move |(from, day)| {
        reschedule_href(&id.get(), from, day, by_staff, token.get_value().as_deref())
    });
    // Where the person came from; after a move, the day of the new time for staff.
    let back = move |b: &Booking| match token.get_value() {
        Some(t) => booking_href(&b.id, &t),
        None if by_staff => {
            let me = session.me.get_untracked().map(|m| m.id).unwrap_or_default();
            day_href(b.start.date_naive(), b.staff_id != me)
        }
        None => Page::MyBookings.href().to_owned(),
    };

    let on_choose = Callback::new(move |start: String| {
        let Ok(start) = DateTime::parse_from_rfc3339(&start) else {
            return;
        };
        let navigate = navigate.clone();
        let lang = lang.get_untracked();
        let id = id.get_untracked();
        sending.set(true);
        spawn_local(async move {
            let result = match token.get_value() {
                Some(t) => api::reschedule_booking(&id, BookingKey::Manage(&t), start, lang).await,
                None => {
                    session
                        .authorized(lang, |t| {
                            let id = id.clone();
                            async move {
                                api::reschedule_booking(&id, BookingKey::Bearer(&t), start, lang)
                                    .await
                            }
                        })
                        .await
                }
            };
            sending.set(false);
            match result {
                Ok(booking) => {
                    let target = back(&booking);
                    moved.set(booking);
                    navigate(&target, Default::default());
                }
                Err(err) => {
                    let taken = err.code() == ErrorCode::SlotTaken;
                    if taken {
                        chosen.set(None);
                        times.slots.refetch();
                    }
                    reloaded.set(taken);
                    errors.set(FormErrors::from_api(&err, |f| {
                        (f == "start").then_some((START_ID, T::TimeLabel))
                    }));
                    focus_later(summary);
                }
            }
        });
    });

    let body = move || {
        let b = match loaded.get().flatten() {
            None => return view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
            Some(Err(code)) => {
                return view! { <p class="error-message">{move || code.message(lang.get())}</p> }
                    .into_any();
            }
            Some(Ok(b)) => b,
        };
        let locked = b.status != BookingStatus::Confirmed;
        let lang_now = lang.get();
        view! {
            <dl class="details">
                <dt>{T::SumService.text(lang_now)}</dt>
                <dd>{b.service_name.get(lang_now).to_owned()}</dd>
                <dt>{T::CurrentTime.text(lang_now)}</dt>
                <dd class="booking-when">{booking::when(lang_now, b.start, b.end)}</dd>
            </dl>
            {if locked {
                view! { <p class="notice">{ErrorCode::BookingLocked.message(lang_now)}</p> }.into_any()
            } else {
                view! {
                    <TimeChoice times=times day=day href=href chosen=chosen errors=errors summary=summary
                        submit=T::MoveConfirm busy=sending on_choose=on_choose />
                }
                .into_any()
            }}
        }
        .into_any()
    };

    view! {
        {move || current.with(|b| b.as_ref().map(back)).map(|href| view! {
            <p class="back"><A href=href attr:class="back-link">{tr(T::Back)}</A></p>
        })}
        <ErrorSummary errors=errors node_ref=summary id="reschedule-summary" />
        <h1 tabindex="-1">{tr(T::RescheduleTitle)}</h1>
        <Show when=move || reloaded.get()>
            <p class="notice">{tr(T::TimesReloaded)}</p>
        </Show>
        {body}
    }
}

/// The sentence said where a moved booking is shown: "The time has been changed. New time: …".
pub fn moved_notice(lang: Lang, b: &Booking) -> String {
    format!(
        "{} {}.",
        T::MovedNotice.text(lang),
        booking::when(lang, b.start, b.end)
    )
}
