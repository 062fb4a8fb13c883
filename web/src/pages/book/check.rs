//! Steps 5 and 6: the check of everything with "Change" links, and the confirmation after the
//! booking is made.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{ErrorCode, NewBooking};

use super::details::{chosen, locate};
use super::{BackLink, Loading, Lost, Step, use_flow};
use crate::api::{self, ApiError};
use crate::components::form::{ErrorSummary, FormErrors, focus_later};
use crate::i18n::{self, Auth, Booking, Staff, Text, booking};
use crate::pages::bookings::{BookingCard, Owner, load_booking};
use crate::prefs::{tr, use_lang};
use crate::routes::{Page, booking_href};
use crate::session::{Phase, use_session};

/// Step 5.
#[component]
pub fn CheckStep() -> impl IntoView {
    let flow = use_flow();
    let session = use_session();
    let lang = use_lang();
    let navigate = use_navigate();
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    let action = Action::new_local(move |req: &NewBooking| {
        let req = req.clone();
        let lang = lang.get_untracked();
        async move {
            if session.phase.get_untracked() == Phase::SignedIn {
                session
                    .authorized(lang, |token| {
                        let req = req.clone();
                        async move { api::create_booking(&req, lang, Some(&token)).await }
                    })
                    .await
            } else {
                api::create_booking(&req, lang, None).await
            }
        }
    });
    Effect::new(move || {
        let Some(result) = action.value().get() else {
            return;
        };
        let place = flow.place.get_untracked();
        match result {
            Ok(booking) => {
                flow.clear_draft();
                let mut done = place.at(Step::Done);
                done.booking = Some(booking.id.clone());
                let href = match &booking.manage_token {
                    Some(token) => format!("{}#token={}", done.href(), api::encode(token)),
                    None => done.href(),
                };
                // Replacing the check step means Back cannot send the same booking again.
                navigate(
                    &href,
                    leptos_router::NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Err(err) => handle_error(&err, &place, errors, summary, &navigate),
        }
    });

    let body = move || {
        if flow.services.get().is_none() || session.phase.get() == Phase::Checking {
            return view! { <Loading /> }.into_any();
        }
        let place = flow.place.get();
        let (Some((service, start)), Some(mode)) =
            (chosen(flow.service(), place.start.clone()), place.mode)
        else {
            return view! { <Lost /> }.into_any();
        };
        let draft = flow.draft.get();
        let for_patron = place.for_patron && session.is_staff();
        let me = session.me.get_untracked().filter(|_| !for_patron);
        let lang_now = lang.get();
        let end = start + chrono::Duration::minutes(i64::from(service.duration_minutes));
        let contact = match &me {
            Some(me) => [
                Some(me.name.clone()),
                me.email.clone(),
                (!draft.phone.is_empty())
                    .then(|| draft.phone.clone())
                    .or_else(|| me.phone.as_deref().map(i18n::display_phone)),
            ],
            None => [
                Some(draft.name.clone()),
                (!draft.email.is_empty()).then(|| draft.email.clone()),
                (!draft.phone.is_empty()).then(|| draft.phone.clone()),
            ],
        };
        let mut contact: Vec<String> = contact.into_iter().flatten().collect();
        if for_patron && draft.patron_consent {
            contact.push(Staff::ConsentGiven.text(lang_now).to_owned());
        }
        let answers: Vec<(String, String)> = service
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let a = draft.answers.get(i).cloned().unwrap_or_default();
                let a = if a.trim().is_empty() {
                    Booking::NoAnswer.text(lang_now).to_owned()
                } else {
                    a
                };
                (q.get(lang_now).to_owned(), a)
            })
            .collect();
        let row = |label: Booking, value: AnyView, step: Step| {
            let href = place.at(step).href();
            view! {
                <div class="summary-row">
                    <dt>{label.text(lang_now)}</dt>
                    <dd>{value}</dd>
                    <dd class="summary-change">
                        <A href=href>{Booking::Change.text(lang_now)}<span class="visually-hidden">{format!(": {}", label.text(lang_now).to_lowercase())}</span></A>
                    </dd>
                </div>
            }
        };
        let req = NewBooking {
            service_id: service.id.clone(),
            start,
            mode,
            answers: draft
                .answers
                .iter()
                .take(service.questions.len())
                .cloned()
                .collect(),
            accept_ground_rules: draft.accept_rules,
            name: me.is_none().then(|| draft.name.trim().to_owned()),
            email: (me.is_none() && !draft.email.trim().is_empty())
                .then(|| draft.email.trim().to_owned()),
            phone: (!draft.phone.trim().is_empty()).then(|| draft.phone.trim().to_owned()),
            language: Some(draft.language.filter(|_| for_patron).unwrap_or(lang_now)),
            patron_consent: for_patron && draft.patron_consent,
        };
        let answers_view = if answers.is_empty() {
            None
        } else {
            Some(row(
                Booking::SumAnswers,
                answers
                    .into_iter()
                    .map(|(q, a)| view! { <p><strong>{q}</strong><br />{a}</p> })
                    .collect_view()
                    .into_any(),
                Step::Details,
            ))
        };
        view! {
            <dl class="summary-list">
                {row(Booking::SumService, view! { {service.name.get(lang_now).to_owned()} }.into_any(), Step::Service)}
                {row(Booking::SumHow, view! { {Booking::mode(mode).text(lang_now)} }.into_any(), Step::Mode)}
                {row(Booking::SumWhen, view! { {booking::when(lang_now, start, end)} }.into_any(), Step::Time)}
                {row(Booking::SumContact, contact.into_iter().map(|c| view! { <span class="summary-line">{c}</span> }).collect_view().into_any(), Step::Details)}
                {answers_view}
            </dl>
            <button type="button" class="button" disabled=move || action.pending().get()
                on:click=move |_| { action.dispatch_local(req.clone()); }>
                {move || if action.pending().get() { Auth::Sending.text(lang.get()) } else { Booking::Confirm.text(lang.get()) }}
            </button>
        }
        .into_any()
    };

    view! {
        <BackLink href=flow.place.get_untracked().at(Step::Details).href() />
        <ErrorSummary errors=errors node_ref=summary id="check-summary" />
        <h1 tabindex="-1">{tr(Booking::CheckTitle)}</h1>
        {body}
    }
}

/// A failed booking: a taken time goes back to the times, rejected details back to the form, and
/// anything else is said here.
fn handle_error(
    err: &ApiError,
    place: &super::Place,
    errors: RwSignal<FormErrors>,
    summary: NodeRef<html::Div>,
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
) {
    let flow = use_flow();
    let back_to = |step: Step, carried: FormErrors| {
        flow.carry.set(Some(carried));
        let mut target = place.at(step);
        if step == Step::Time {
            target.start = None;
        }
        navigate(&target.href(), Default::default());
    };
    if err.code() == ErrorCode::SlotTaken {
        back_to(
            Step::Time,
            FormErrors {
                problem: Some(ErrorCode::SlotTaken),
                ..Default::default()
            },
        );
        return;
    }
    let form = FormErrors::from_api(err, locate);
    if !form.fields.is_empty() {
        back_to(Step::Details, form);
        return;
    }
    errors.set(form);
    focus_later(summary);
}

/// Step 6: the confirmation, with the booking loaded by its id (and the guest's token from the
/// address's fragment), so a reload shows it again.
#[component]
pub fn DoneStep() -> impl IntoView {
    let flow = use_flow();
    let session = use_session();
    let lang = use_lang();
    let token = crate::pages::bookings::fragment_token();
    let owner = match token.clone() {
        Some(t) => Owner::Guest(t),
        None => Owner::Patron,
    };
    let loaded = LocalResource::new(move || {
        let id = flow.place.with(|p| p.booking.clone()).unwrap_or_default();
        load_booking(
            session,
            id,
            token.clone(),
            session.phase.get(),
            lang.get_untracked(),
        )
    });
    let for_patron = flow.place.with_untracked(|p| p.for_patron);
    let body = move || {
        let owner = owner.clone();
        match loaded.get().flatten() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(code)) => {
                view! { <p class="error-message">{move || code.message(lang.get())}</p> }.into_any()
            }
            Some(Ok(b)) => {
                let keep = match &owner {
                    Owner::Guest(t) => {
                        let href = booking_href(&b.id, t);
                        // The whole address, so it can be copied, written down or emailed to oneself.
                        let full =
                            format!("{}{href}", window().location().origin().unwrap_or_default());
                        Some(view! {
                            <div class="keep-link">
                                <p><strong>{move || if for_patron { Staff::TellPatronLink.text(lang.get()) } else { Booking::KeepLink.text(lang.get()) }}</strong></p>
                                <p class="manage-link"><a href=href>{tr(Booking::ManageLink)}</a><br /><span class="url">{full}</span></p>
                            </div>
                        })
                    }
                    Owner::Patron => None,
                };
                view! {
                    {keep}
                    <BookingCard booking=b owner=owner.clone() />
                    {matches!(owner, Owner::Patron).then(|| view! {
                        <p><A href=Page::MyBookings.href()>{tr(Booking::MyBookingsTitle)}</A></p>
                    })}
                    {for_patron.then(|| view! {
                        <p><A href=Page::Staff.href()>{tr(Staff::BackToDashboard)}</A></p>
                    })}
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="panel" role="status">
            <h1 tabindex="-1">{tr(Booking::DoneTitle)}</h1>
        </div>
        {body}
    }
}
