//! "My bookings" for a signed-in patron, and one booking's page for a guest who holds its manage
//! link. Both show each booking as a [`BookingCard`]: the day and time, the service, how, what
//! happens next, a "Change the time" link (to `pages::reschedule`) and a "Cancel" button that asks
//! once more before cancelling. After the booking's cut-off both give way to the library's phone
//! number.
//!
//! A guest's manage token arrives in the address's fragment (`/bookings/{id}#token=…`), which the
//! browser never sends to the server, and is sent only as the `X-Manage-Token` header.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use etakirjasto_shared::{BookingStatus, ErrorCode, Lang, SessionMode};

use crate::api::{self, BookingKey};
use crate::components::layout::PhoneLink;
use crate::i18n::{self, Booking, Text, Ui, booking};
use crate::library::use_library;
use crate::pages::book::time_now;
use crate::pages::me::SignInPrompt;
use crate::pages::reschedule::{Moved, moved_notice};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::reschedule_href;
use crate::session::{Phase, Session, use_session};

/// Who is looking at a booking.
#[derive(Debug, Clone, PartialEq)]
pub enum Owner {
    /// The signed-in patron; calls use the access token.
    Patron,
    /// A guest with the booking's manage token.
    Guest(String),
}

/// The manage token from the address's fragment `#token=…`, if any.
pub fn fragment_token() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let token = hash.strip_prefix("#token=")?;
    let token = js_sys::decode_uri_component(token).ok()?.as_string()?;
    (!token.is_empty()).then_some(token)
}

/// "My bookings".
#[component]
pub fn MyBookings() -> impl IntoView {
    use_title(Booking::MyBookingsTitle);
    let session = use_session();
    let lang = use_lang();
    let list = LocalResource::new(move || {
        let signed_in = session.phase.get() == Phase::SignedIn;
        let lang = lang.get_untracked();
        async move {
            if !signed_in {
                return None;
            }
            let from = time_now().to_rfc3339();
            Some(
                session
                    .authorized(lang, |token| {
                        let from = from.clone();
                        async move { api::my_bookings(&token, &from, lang).await }
                    })
                    .await
                    .map(|page| page.items)
                    .map_err(|e| e.code()),
            )
        }
    });
    let body = move || {
        match session.phase.get() {
        Phase::Checking => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
        Phase::SignedOut => view! { <SignInPrompt /> }.into_any(),
        Phase::SignedIn => match list.get().flatten() {
            None => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
            Some(Err(code)) => {
                view! { <p class="error-message">{move || code.message(lang.get())}</p> }.into_any()
            }
            Some(Ok(items)) if items.is_empty() => view! {
                <p>{tr(Booking::NoBookings)}</p>
                <p><a class="button" href=crate::routes::Page::Book.href()>{tr(Booking::StartLink)}</a></p>
            }
            .into_any(),
            Some(Ok(items)) => view! {
                <ul class="booking-list">
                    {items.into_iter().map(|b| view! { <li><BookingCard booking=b owner=Owner::Patron heading=true /></li> }).collect_view()}
                </ul>
                <p><a class="button button-secondary" href=crate::routes::Page::Book.href()>{tr(Booking::StartLink)}</a></p>
            }
            .into_any(),
        },
    }
    };
    view! {
        <h1>{tr(Booking::MyBookingsTitle)}</h1>
        {body}
        <Show when=move || session.phase.get() == Phase::SignedIn>
            <crate::pages::events::MyRegistrations />
        </Show>
    }
}

/// Loads one booking: with a guest's manage token, or without one as the signed-in person (a patron
/// or the library's staff). `None` while the session is being checked; `unauthorized` when nobody is
/// signed in and there is no token.
pub async fn load_booking(
    session: Session,
    id: String,
    token: Option<String>,
    phase: Phase,
    lang: Lang,
) -> Option<Result<etakirjasto_shared::Booking, ErrorCode>> {
    let result = match (token, phase) {
        (Some(token), _) => api::booking(&id, BookingKey::Manage(&token), lang).await,
        (None, Phase::Checking) => return None,
        (None, Phase::SignedOut) => Err(api::ApiError::local(ErrorCode::Unauthorized, lang)),
        (None, Phase::SignedIn) => {
            session
                .authorized(lang, |t| {
                    let id = id.clone();
                    async move { api::booking(&id, BookingKey::Bearer(&t), lang).await }
                })
                .await
        }
    };
    Some(result.map_err(|e| e.code()))
}

/// A guest's page for one booking, opened from the link on the confirmation.
#[component]
pub fn ManageBooking() -> impl IntoView {
    use_title(Booking::ManageTitle);
    let lang = use_lang();
    let session = use_session();
    let params = use_params_map();
    let token = fragment_token();
    let owner = match token.clone() {
        Some(t) => Owner::Guest(t),
        None => Owner::Patron,
    };
    let loaded = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        load_booking(
            session,
            id,
            token.clone(),
            session.phase.get(),
            lang.get_untracked(),
        )
    });
    let body = move || match loaded.get().flatten() {
        None => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
        Some(Err(ErrorCode::Unauthorized)) if owner == Owner::Patron => {
            view! { <p class="notice">{tr(Booking::NoToken)}</p> }.into_any()
        }
        Some(Err(code)) => {
            view! { <p class="error-message">{move || code.message(lang.get())}</p> }.into_any()
        }
        Some(Ok(b)) => view! { <BookingCard booking=b owner=owner.clone() /> }.into_any(),
    };
    view! {
        <h1>{tr(Booking::ManageTitle)}</h1>
        {body}
    }
}

/// Where a cancellation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cancelling {
    /// The button is shown.
    Idle,
    /// "Are you sure?" is shown.
    Asking,
    /// The request is on its way.
    Sending,
    /// It failed.
    Failed(ErrorCode),
}

/// One booking: when, what, how, what happens next, and cancelling.
#[component]
pub fn BookingCard(
    /// The booking.
    booking: etakirjasto_shared::Booking,
    /// Who is looking.
    owner: Owner,
    /// True in a list, where the service's name is the card's heading.
    #[prop(optional)]
    heading: bool,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let just_moved = Moved::take(&booking.id);
    let current = RwSignal::new(booking);
    let state = RwSignal::new(Cancelling::Idle);
    let just_cancelled = RwSignal::new(false);
    let owner = StoredValue::new(owner);

    let cancel = move |_| {
        state.set(Cancelling::Sending);
        let id = current.with_untracked(|b| b.id.clone());
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = match owner.get_value() {
                Owner::Guest(token) => {
                    api::cancel_booking(&id, BookingKey::Manage(&token), lang).await
                }
                Owner::Patron => session
                    .authorized(lang, |t| {
                        let id = id.clone();
                        async move { api::cancel_booking(&id, BookingKey::Bearer(&t), lang).await }
                    })
                    .await,
            };
            match result {
                Ok(b) => {
                    current.set(b);
                    just_cancelled.set(true);
                    state.set(Cancelling::Idle);
                }
                Err(e) => state.set(Cancelling::Failed(e.code())),
            }
        });
    };

    let details = move || {
        let lang = lang.get();
        let b = current.get();
        let cancelled = b.status == BookingStatus::Cancelled;
        let title = b.service_name.get(lang).to_owned();
        let next = if cancelled {
            None
        } else {
            Some(match b.mode {
                SessionMode::Video => view! {
                    <p>{Booking::VideoLink.text(lang)} " "
                        {b.meeting_url.clone().map(|u| view! { <a class="meeting-link" href=u.clone()>{u.clone()}</a> })}
                    </p>
                    <p>{Booking::NextVideo.text(lang)}</p>
                }
                .into_any(),
                SessionMode::Phone => view! {
                    <p>{Booking::NextPhone.text(lang)} " "
                        <strong>{b.contact_phone.as_deref().map(i18n::display_phone).unwrap_or_default()}</strong>"."
                    </p>
                }
                .into_any(),
                SessionMode::InPerson => {
                    let address = library.get().and_then(|l| {
                        l.branches.into_iter().find(|br| br.is_main).map(|br| {
                            format!("{}, {} {}", br.street_address, br.postal_code, br.city)
                        })
                    });
                    view! { <p>{Booking::NextInPerson.text(lang)} " " <strong>{address}</strong>"."</p> }.into_any()
                }
            })
        };
        view! {
            {heading.then(|| view! { <h2>{title.clone()}</h2> })}
            {cancelled.then(|| view! { <p class="status-cancelled"><strong>{Booking::Cancelled.text(lang)}</strong></p> })}
            <dl class="details">
                <dt>{Booking::SumWhen.text(lang)}</dt>
                <dd class="booking-when">{booking::when(lang, b.start, b.end)}</dd>
                <dt>{Booking::SumService.text(lang)}</dt>
                <dd>{title}</dd>
                <dt>{Booking::SumHow.text(lang)}</dt>
                <dd>{Booking::mode(b.mode).text(lang)}</dd>
                <dt>{Booking::SumStaff.text(lang)}</dt>
                <dd>{b.staff_name.clone()}</dd>
            </dl>
            {next}
        }
    };

    let actions = move || {
        let lang = lang.get();
        let b = current.get();
        if b.status != BookingStatus::Confirmed {
            return None;
        }
        let until = b
            .cancellable_until
            .fixed_offset()
            .with_timezone(b.start.offset());
        if time_now() >= b.cancellable_until {
            return Some(
                view! {
                    <p class="locked">{Booking::Locked.text(lang)} " "
                        {library.get().map(|l| view! { <PhoneLink phone=l.phone /> })}
                    </p>
                }
                .into_any(),
            );
        }
        let failed = match state.get() {
            Cancelling::Failed(code) => {
                Some(view! { <p class="error-message">{code.message(lang)}</p> })
            }
            _ => None,
        };
        let control = match state.get() {
            Cancelling::Asking | Cancelling::Sending => view! {
                <div class="confirm-cancel">
                    <p><strong>{Booking::CancelQuestion.text(lang)}</strong></p>
                    <button type="button" class="button button-danger confirm-cancel-yes"
                        disabled=move || state.get() == Cancelling::Sending on:click=cancel>
                        {Booking::CancelYes.text(lang)}
                    </button>
                    " "
                    <button type="button" class="button button-secondary"
                        on:click=move |_| state.set(Cancelling::Idle)>
                        {Booking::CancelNo.text(lang)}
                    </button>
                </div>
            }
            .into_any(),
            _ => {
                let token = match owner.get_value() {
                    Owner::Guest(t) => Some(t),
                    Owner::Patron => None,
                };
                let move_href = reschedule_href(&b.id, None, None, false, token.as_deref());
                view! {
                    <a class="button button-secondary reschedule-booking" href=move_href>{Booking::Reschedule.text(lang)}</a>
                    " "
                    <button type="button" class="button button-secondary cancel-booking"
                        on:click=move |_| state.set(Cancelling::Asking)>
                        {Booking::Cancel.text(lang)}
                    </button>
                }
                .into_any()
            }
        };
        Some(
            view! {
                <p>{booking::cancel_until(lang, until)}</p>
                {failed}
                {control}
            }
            .into_any(),
        )
    };

    view! {
        <article class="booking">
            {details}
            <div role="status">
                <Show when=move || just_cancelled.get()>
                    <p class="notice">{tr(Booking::CancelledNotice)}</p>
                </Show>
                {just_moved.map(|b| view! { <p class="notice moved-notice">{move || moved_notice(lang.get(), &b)}</p> })}
            </div>
            {actions}
        </article>
    }
}
