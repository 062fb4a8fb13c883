//! Steps 4 to 6: contact details, answers and ground rules; the check of everything with "Change"
//! links; and the confirmation after the booking is made.

use chrono::{DateTime, FixedOffset};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{ErrorCode, FieldCode, NewBooking, Service, validate};

use super::{BackLink, Draft, Loading, Lost, Step, use_flow};
use crate::api::{self, ApiError, BookingKey};
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, Label, focus_later};
use crate::i18n::{self, Auth, Booking, Text, Ui, booking};
use crate::pages::bookings::{BookingCard, Owner};
use crate::prefs::{tr, use_lang};
use crate::routes::{Page, booking_href};
use crate::session::{Phase, use_session};

/// Ids of the answer boxes; a service has at most five questions.
const ANSWER_IDS: [&str; 5] = ["answer-0", "answer-1", "answer-2", "answer-3", "answer-4"];
/// Id of the ground-rules checkbox.
const RULES_ID: &str = "accept_ground_rules";

/// The chosen service and start, or `None` when the address lacks them.
fn chosen(
    service: Option<Service>,
    start: Option<String>,
) -> Option<(Service, DateTime<FixedOffset>)> {
    let start = DateTime::parse_from_rfc3339(&start?).ok()?;
    Some((service?, start))
}

/// Which input shows a field the server named.
fn locate(field: &str) -> Option<(&'static str, Label)> {
    match field {
        "name" => Some(("name", Auth::Name.into())),
        "email" => Some(("email", Auth::Email.into())),
        "phone" => Some(("phone", Booking::PhoneToCall.into())),
        "accept_ground_rules" => Some((RULES_ID, Booking::RulesHeading.into())),
        _ => {
            let i: usize = field
                .strip_prefix("answers[")?
                .strip_suffix(']')?
                .parse()
                .ok()?;
            Some((ANSWER_IDS.get(i)?, Booking::AnswerLabel.into()))
        }
    }
}

/// Step 4.
#[component]
pub fn DetailsStep() -> impl IntoView {
    let flow = use_flow();
    let session = use_session();
    let lang = use_lang();
    let navigate = use_navigate();
    let draft = flow.draft.get_untracked();
    let name = RwSignal::new(draft.name.clone());
    let email = RwSignal::new(draft.email.clone());
    let phone = RwSignal::new(draft.phone.clone());
    let answers: Vec<RwSignal<String>> = (0..ANSWER_IDS.len())
        .map(|i| RwSignal::new(draft.answers.get(i).cloned().unwrap_or_default()))
        .collect();
    let accept = RwSignal::new(draft.accept_rules);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    if let Some(carried) = flow.carry.try_update(Option::take).flatten() {
        errors.set(carried);
        focus_later(summary);
    }

    let body = move || {
        if flow.services.get().is_none() || session.phase.get() == Phase::Checking {
            return view! { <Loading /> }.into_any();
        }
        let place = flow.place.get();
        let (Some((service, _)), Some(mode)) =
            (chosen(flow.service(), place.start.clone()), place.mode)
        else {
            return view! { <Lost /> }.into_any();
        };
        let me = session.me.get_untracked();
        let signed_in = me.is_some();
        let phone_mode = mode == etakirjasto_shared::SessionMode::Phone;
        let has_phone = me.as_ref().is_some_and(|m| m.phone.is_some());
        let has_rules = service.ground_rules.is_some();
        let questions = service.questions.len().min(ANSWER_IDS.len());
        let answers = answers.clone();
        let navigate = navigate.clone();

        let on_submit = {
            let answers = answers.clone();
            move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let mut faults = Vec::new();
                let mut fault = |id: &'static str, label: Label, code: FieldCode| {
                    faults.push(FieldFault { id, label, code })
                };
                if signed_in {
                    let p = phone.get_untracked();
                    if phone_mode && !p.trim().is_empty() {
                        if let Err(c) = validate::phone(&p) {
                            fault("phone", Booking::PhoneToCall.into(), c);
                        }
                    } else if phone_mode && !has_phone {
                        fault("phone", Booking::PhoneToCall.into(), FieldCode::Required);
                    }
                } else {
                    if let Err(c) = validate::name(&name.get_untracked()) {
                        fault("name", Auth::Name.into(), c);
                    }
                    let (e, p) = (email.get_untracked(), phone.get_untracked());
                    if e.trim().is_empty() && p.trim().is_empty() {
                        fault("email", Auth::Email.into(), FieldCode::Required);
                    }
                    if !e.trim().is_empty()
                        && let Err(c) = validate::email(&e)
                    {
                        fault("email", Auth::Email.into(), c);
                    }
                    if !p.trim().is_empty()
                        && let Err(c) = validate::phone(&p)
                    {
                        fault("phone", Auth::Phone.into(), c);
                    }
                }
                if has_rules && !accept.get_untracked() {
                    fault(RULES_ID, Booking::RulesHeading.into(), FieldCode::Required);
                }
                flow.save_draft(Draft {
                    name: name.get_untracked(),
                    email: email.get_untracked(),
                    phone: phone.get_untracked(),
                    answers: answers
                        .iter()
                        .take(questions)
                        .map(|a| a.get_untracked())
                        .collect(),
                    accept_rules: accept.get_untracked(),
                });
                if faults.is_empty() {
                    errors.set(FormErrors::default());
                    navigate(
                        &flow.place.get_untracked().at(Step::Check).href(),
                        Default::default(),
                    );
                } else {
                    errors.set(FormErrors {
                        fields: faults,
                        ..Default::default()
                    });
                    focus_later(summary);
                }
            }
        };

        let sign_in_href = format!(
            "{}?next={}",
            Page::SignIn.href(),
            api::encode(&place.href())
        );
        let contact = match me {
            Some(me) => {
                let known = me.phone.as_deref().map(i18n::display_phone);
                let hint = if has_phone {
                    Booking::PhoneToCallHintKnown
                } else {
                    Booking::PhoneToCallHintNeeded
                };
                view! {
                    <p>{tr(Booking::BookedAs)}</p>
                    <p class="booked-as"><strong>{me.name.clone()}</strong>
                        {me.email.clone().map(|e| view! { <br />{e} })}
                        {known.map(|p| view! { <br />{p} })}
                    </p>
                    {phone_mode.then(|| view! {
                        <Field id="phone" label=Booking::PhoneToCall hint=hint kind="tel" autocomplete="tel"
                            value=phone errors=errors />
                    })}
                }
                .into_any()
            }
            None => view! {
                <p>{tr(Booking::GuestIntro)}</p>
                <p><A href=sign_in_href.clone()>{tr(Booking::SignInInstead)}</A></p>
                <Field id="name" label=Auth::Name autocomplete="name" value=name errors=errors />
                <Field id="email" label=Auth::Email hint=Booking::GuestContactHint kind="email" autocomplete="email"
                    value=email errors=errors />
                <Field id="phone" label=Auth::Phone kind="tel" autocomplete="tel" value=phone errors=errors />
            }
            .into_any(),
        };

        let question_boxes = (questions > 0).then(|| {
            let boxes = service
                .questions
                .iter()
                .take(questions)
                .enumerate()
                .map(|(i, q)| {
                    let id = ANSWER_IDS[i];
                    let value = answers[i];
                    let q = q.clone();
                    view! {
                        <div class="field" class:field-error=move || errors.with(|e| e.field(id).is_some())>
                            <label for=id>{move || q.get(lang.get()).to_owned()}</label>
                            <FieldMessage errors=errors id=id />
                            <textarea id=id name=id rows="4" bind:value=value></textarea>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2>{tr(Booking::QuestionsHeading)}</h2>
                <p class="hint">{tr(Booking::QuestionsOptional)}</p>
                {boxes}
            }
        });

        let rules = service.ground_rules.clone().map(|r| {
            view! {
                <h2>{tr(Booking::RulesHeading)}</h2>
                <div class="rules">{move || r.get(lang.get()).to_owned()}</div>
                <div class="field" class:field-error=move || errors.with(|e| e.field(RULES_ID).is_some())>
                    <FieldMessage errors=errors id=RULES_ID />
                    <div class="checkbox">
                        <input type="checkbox" id=RULES_ID name=RULES_ID bind:checked=accept
                            aria-invalid=move || errors.with(|e| e.field(RULES_ID)).map(|_| "true") />
                        <label for=RULES_ID>{tr(Booking::AcceptRules)}</label>
                    </div>
                </div>
            }
        });

        view! {
            <form class="form" novalidate on:submit=on_submit>
                {contact}
                {question_boxes}
                {rules}
                <button type="submit" class="button">{tr(Booking::Continue)}</button>
            </form>
        }
        .into_any()
    };

    view! {
        <BackLink href=flow.place.get_untracked().at(Step::Time).href() />
        <ErrorSummary errors=errors node_ref=summary id="details-summary" />
        <h1 tabindex="-1">{tr(Booking::DetailsTitle)}</h1>
        {body}
    }
}

/// A field's error message, for inputs that are not a [`Field`].
#[component]
fn FieldMessage(errors: RwSignal<FormErrors>, id: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        errors.with(|e| e.field(id)).map(|code| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{Ui::ErrorPrefix.text(lang.get())}</span>
                    {code.message(lang.get())}
                </p>
            }
        })
    }
}

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
        let me = session.me.get_untracked();
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
        let contact: Vec<String> = contact.into_iter().flatten().collect();
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
            language: Some(lang_now),
            patron_consent: false,
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
        let id = flow.place.with(|p| p.booking.clone());
        let phase = session.phase.get();
        let token = token.clone();
        let lang = lang.get_untracked();
        async move {
            let id = id.ok_or(ErrorCode::NotFound)?;
            match (token, phase) {
                (Some(t), _) => api::booking(&id, BookingKey::Manage(&t), lang).await,
                (None, Phase::SignedIn) => {
                    session
                        .authorized(lang, |t| {
                            let id = id.clone();
                            async move { api::booking(&id, BookingKey::Bearer(&t), lang).await }
                        })
                        .await
                }
                (None, _) => return Err(ErrorCode::Unauthorized),
            }
            .map_err(|e| e.code())
        }
    });
    let body = move || {
        let owner = owner.clone();
        match loaded.get() {
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
                                <p><strong>{tr(Booking::KeepLink)}</strong></p>
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
