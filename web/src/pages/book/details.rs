//! Step 4: contact details, answers and ground rules.

use chrono::{DateTime, FixedOffset};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{FieldCode, Lang, Service, validate};

use super::{BackLink, Draft, Loading, Lost, Step, use_flow};
use crate::api;
use crate::components::form::{
    ErrorSummary, Field, FieldFault, FieldMessage, FormErrors, Label, focus_later,
};
use crate::i18n::{self, Auth, Booking, Staff, Text, endonym};
use crate::prefs::{tr, use_lang};
use crate::routes::Page;
use crate::session::{Phase, use_session};

/// Ids of the answer boxes; a service has at most five questions.
const ANSWER_IDS: [&str; 5] = ["answer-0", "answer-1", "answer-2", "answer-3", "answer-4"];
/// Id of the ground-rules checkbox.
const RULES_ID: &str = "accept_ground_rules";
/// Id of the checkbox recording the patron's agreement, when staff book for a patron.
const CONSENT_ID: &str = "patron_consent";

/// The chosen service and start, or `None` when the address lacks them.
pub fn chosen(
    service: Option<Service>,
    start: Option<String>,
) -> Option<(Service, DateTime<FixedOffset>)> {
    let start = DateTime::parse_from_rfc3339(&start?).ok()?;
    Some((service?, start))
}

/// Which input shows a field the server named.
pub fn locate(field: &str) -> Option<(&'static str, Label)> {
    match field {
        "name" => Some(("name", Auth::Name.into())),
        "email" => Some(("email", Auth::Email.into())),
        "phone" => Some(("phone", Booking::PhoneToCall.into())),
        "accept_ground_rules" => Some((RULES_ID, Booking::RulesHeading.into())),
        "patron_consent" => Some((CONSENT_ID, Staff::ConsentLabel.into())),
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
    let consent = RwSignal::new(draft.patron_consent);
    let language = RwSignal::new(draft.language.unwrap_or_else(|| lang.get_untracked()));
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
        // Staff booking for a patron give the patron's details, as a guest would.
        let for_patron = place.for_patron && session.is_staff();
        let me = session.me.get_untracked().filter(|_| !for_patron);
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
                    } else if for_patron && phone_mode && p.trim().is_empty() {
                        fault("phone", Booking::PhoneToCall.into(), FieldCode::Required);
                    }
                }
                if has_rules && !accept.get_untracked() {
                    fault(RULES_ID, Booking::RulesHeading.into(), FieldCode::Required);
                }
                if for_patron && !consent.get_untracked() {
                    fault(CONSENT_ID, Staff::ConsentLabel.into(), FieldCode::Required);
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
                    patron_consent: for_patron && consent.get_untracked(),
                    language: for_patron.then(|| language.get_untracked()),
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
            None if for_patron => {
                let phone_field = if phone_mode {
                    view! {
                        <Field id="phone" label=Booking::PhoneToCall hint=Booking::PhoneToCallHintNeeded kind="tel"
                            autocomplete="off" value=phone errors=errors />
                    }
                    .into_any()
                } else {
                    view! { <Field id="phone" label=Auth::Phone kind="tel" autocomplete="off" value=phone errors=errors /> }
                        .into_any()
                };
                view! {
                    <p>{tr(Staff::PatronIntro)}</p>
                    <Field id="name" label=Auth::Name autocomplete="off" value=name errors=errors />
                    <Field id="email" label=Auth::Email kind="email" autocomplete="off" value=email errors=errors />
                    {phone_field}
                    <fieldset class="inline-choice">
                        <legend>{tr(Staff::PatronLanguage)}</legend>
                        {Lang::ALL.map(|l| {
                            let id = format!("language-{}", l.code());
                            view! {
                                <div class="radio">
                                    <input type="radio" id=id.clone() name="language" prop:checked=move || language.get() == l
                                        on:change=move |_| language.set(l) />
                                    <label for=id lang=l.code()>{endonym(l)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
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
                        <label for=RULES_ID>{move || if for_patron { Staff::AcceptRulesForPatron.text(lang.get()) } else { Booking::AcceptRules.text(lang.get()) }}</label>
                    </div>
                </div>
            }
        });

        let agreement = for_patron.then(|| {
            view! {
                <div class="field" class:field-error=move || errors.with(|e| e.field(CONSENT_ID).is_some())>
                    <FieldMessage errors=errors id=CONSENT_ID />
                    <div class="checkbox">
                        <input type="checkbox" id=CONSENT_ID name=CONSENT_ID bind:checked=consent
                            aria-invalid=move || errors.with(|e| e.field(CONSENT_ID)).map(|_| "true") />
                        <label for=CONSENT_ID>{tr(Staff::Consent)}</label>
                    </div>
                </div>
            }
        });

        view! {
            <form class="form" novalidate on:submit=on_submit>
                {contact}
                {question_boxes}
                {rules}
                {agreement}
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
