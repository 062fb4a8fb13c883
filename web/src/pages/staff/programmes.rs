//! Staff handling care-home programme bookings: the list (from a month back), and one booking at a
//! time (`/staff/programmes?booking=<id>`): confirm the requested time, propose another of the
//! programme's free times, cancel, and afterwards record how many took part and the unit's feedback.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{
    ErrorCode, FieldCode, ProgrammeBooking, ProgrammeConfirmation, ProgrammeOutcome,
    ProgrammeProposal, ProgrammeStatus,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{Programmes as P, Text, Ui, booking, programmes};
use crate::pages::book::time_now;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::staff_programmes_href;
use crate::session::use_session;

/// The staff's programme bookings.
#[component]
pub fn StaffProgrammes() -> impl IntoView {
    use_title(P::StaffTitle);
    let session = use_session();
    view! {
        <h1>{tr(P::StaffTitle)}</h1>
        {move || {
            let me = session.me();
            super::refusal(session.phase.get(), me.as_ref())
                .unwrap_or_else(|| view! { <Bookings /> }.into_any())
        }}
    }
}

/// The list, or the booking chosen in the address.
#[component]
fn Bookings() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.with(|q| q.get("booking")));
    let version = RwSignal::new(0u32);
    // Kept here, not in the booking's panel: the panel is drawn anew when the list is read again
    // after a step, and "Saved" must stay on the screen.
    let saved = RwSignal::new(false);
    Effect::new(move || {
        chosen.track();
        saved.set(false);
    });
    let bookings = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        async move {
            let from = (time_now() - chrono::Duration::days(30)).to_rfc3339();
            session
                .authorized(lang, |token| {
                    let from = from.clone();
                    async move { api::programme_bookings(&token, &from, lang).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    move || {
        let l = lang.get();
        match bookings.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) => match chosen.get() {
                Some(id) => match list.into_iter().find(|b| b.id == id) {
                    Some(b) => view! {
                        <p class="back"><a href=staff_programmes_href(None)>{P::BackToList.text(l)}</a></p>
                        <Handle booking=b version=version saved=saved />
                    }
                    .into_any(),
                    None => view! { <p class="notice">{ErrorCode::NotFound.message(l)}</p> }.into_any(),
                },
                None if list.is_empty() => view! {
                    <p>{P::StaffIntro.text(l)}</p>
                    <Manage />
                    <p>{P::NoBookings.text(l)}</p>
                }
                .into_any(),
                None => view! {
                    <p>{P::StaffIntro.text(l)}</p>
                    <Manage />
                    <ul class="booking-list">
                        {list.into_iter().map(|b| view! {
                            <li class="booking-item">
                                <h2>{format!("{} – {}", b.title.get(l), b.organisation.name)}</h2>
                                <p>{booking::when(l, b.start, b.end)}</p>
                                <p><strong>{P::Status.text(l)} ": "</strong>{programmes::status(l, b.status)}</p>
                                <p><a href=staff_programmes_href(Some(&b.id))>{P::Handle.text(l)}<span class="visually-hidden">{format!(": {}, {}", b.organisation.name, booking::when(l, b.start, b.end))}</span></a></p>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            },
        }
    }
}

/// Links to the offers and the units, which the bookings come from.
#[component]
fn Manage() -> impl IntoView {
    view! {
        <ul class="links">
            <li><a href=crate::routes::staff_offers_href(None)>{tr(crate::i18n::Offers::Link)}</a></li>
            <li><a href=crate::routes::staff_organisations_href(None)>{tr(crate::i18n::Offers::OrgLink)}</a></li>
        </ul>
    }
}

const CONFIRM_MESSAGE_ID: &str = "confirm-message";
const PROPOSE_TIME_ID: &str = "propose-time";
const PROPOSE_MESSAGE_ID: &str = "propose-message";
const PARTICIPANTS_ID: &str = "participants";
const FEEDBACK_ID: &str = "feedback";

/// One booking with every detail and the steps staff can take from where it stands.
#[component]
fn Handle(
    booking: ProgrammeBooking,
    version: RwSignal<u32>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let b = StoredValue::new(booking);
    let upcoming = b.with_value(|b| b.start > time_now());
    let status = b.with_value(|b| b.status);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<leptos::html::Div>::new();
    let confirm_message = RwSignal::new(String::new());
    let propose_time = RwSignal::new(String::new());
    let propose_message = RwSignal::new(String::new());
    let participants = RwSignal::new(String::new());
    let feedback = RwSignal::new(String::new());

    // The programme's free times, to propose one of them instead.
    let offer_id = b.with_value(|b| b.offer_id.clone());
    let free_times = LocalResource::new(move || {
        let (lang, offer_id) = (lang.get_untracked(), offer_id.clone());
        async move {
            let offers = session
                .authorized(lang, |token| async move {
                    api::programme_offers(lang, Some(&token)).await
                })
                .await
                .unwrap_or_default();
            offers
                .into_iter()
                .find(|o| o.id == offer_id)
                .map(|o| {
                    o.times
                        .into_iter()
                        .filter(|t| t.available)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    });

    let locate = |field: &str| -> Option<(&'static str, P)> {
        Some(match field {
            "message" => (CONFIRM_MESSAGE_ID, P::MessageLabel),
            "time_id" => (PROPOSE_TIME_ID, P::ProposeLegend),
            "participants" => (PARTICIPANTS_ID, P::ParticipantsLabel),
            "feedback" => (FEEDBACK_ID, P::FeedbackLabel),
            _ => return None,
        })
    };
    let text = |s: RwSignal<String>| {
        let t = s.get_untracked().trim().to_owned();
        (!t.is_empty()).then_some(t)
    };
    // Sends one step; on success the list is read again and the page says "Saved".
    let send = move |step: &'static str, body: serde_json::Value| {
        let lang = lang.get_untracked();
        let id = b.with_value(|b| b.id.clone());
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::programme_step(&token, &id, step, &body, lang).await }
                })
                .await;
            match result {
                Ok(_) => {
                    errors.set(FormErrors::default());
                    saved.set(true);
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };
    let to_json = |v: serde_json::Result<serde_json::Value>| v.unwrap_or_default();
    let on_confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = ProgrammeConfirmation {
            meeting_url: None,
            message: text(confirm_message),
        };
        send("confirm", to_json(serde_json::to_value(&body)));
    };
    let on_propose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = propose_time.get_untracked();
        if chosen.is_empty() {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: PROPOSE_TIME_ID,
                    label: P::ProposeLegend.into(),
                    code: FieldCode::Required,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        }
        let body = ProgrammeProposal {
            time_id: chosen,
            message: text(propose_message),
        };
        send("propose", to_json(serde_json::to_value(&body)));
    };
    let on_outcome = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(count) = participants.get_untracked().trim().parse::<u32>() else {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: PARTICIPANTS_ID,
                    label: P::ParticipantsLabel.into(),
                    code: FieldCode::InvalidChoice,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        let body = ProgrammeOutcome {
            participants: count,
            feedback: text(feedback),
        };
        send("outcome", to_json(serde_json::to_value(&body)));
    };
    let on_cancel = move |_| send("cancel", serde_json::json!({}));

    let can_confirm = status == ProgrammeStatus::Requested && upcoming;
    let can_propose = matches!(
        status,
        ProgrammeStatus::Requested | ProgrammeStatus::Proposed | ProgrammeStatus::Confirmed
    ) && upcoming;
    let can_record =
        matches!(status, ProgrammeStatus::Confirmed | ProgrammeStatus::Held) && !upcoming;
    let can_cancel = match status {
        ProgrammeStatus::Requested | ProgrammeStatus::Confirmed => upcoming,
        ProgrammeStatus::Proposed => true,
        _ => false,
    };
    let facts = move || {
        let l = lang.get();
        b.with_value(|b| {
            view! {
                <h2>{format!("{} – {}", b.title.get(l), b.organisation.name)}</h2>
                <dl class="facts">
                    <dt>{P::Status.text(l)}</dt>
                    <dd>{programmes::status(l, b.status)}</dd>
                    <dt>{crate::i18n::Events::When.text(l)}</dt>
                    <dd>{booking::when(l, b.start, b.end)}</dd>
                    {b.proposed_start.map(|p| view! {
                        <dt>{P::ProposedTime.text(l)}</dt>
                        <dd>{booking::when(l, p, p + (b.end - b.start))}</dd>
                    })}
                    <dt>{P::Residents.text(l)}</dt>
                    <dd>{b.residents}</dd>
                    <dt>{P::Equipment.text(l)}</dt>
                    <dd>{b.equipment.clone()}</dd>
                    <dt>{P::OnsiteContact.text(l)}</dt>
                    <dd>{b.onsite_contact_name.clone()} ", " <PhoneLink phone=b.onsite_contact_phone.clone() /></dd>
                    {b.wishes.clone().map(|w| view! { <dt>{P::Wishes.text(l)}</dt><dd>{w}</dd> })}
                    {b.message.clone().map(|m| view! { <dt>{P::MessageLabel.text(l)}</dt><dd>{m}</dd> })}
                    {b.participants.map(|n| view! { <dt>{P::Participants.text(l)}</dt><dd>{n}</dd> })}
                    {b.feedback.clone().map(|f| view! { <dt>{P::Feedback.text(l)}</dt><dd>{f}</dd> })}
                </dl>
                {b.meeting_url.clone().map(|url| view! {
                    <p><a class="button" href=url rel="noopener">{P::JoinLink.text(l)}</a></p>
                })}
            }
        })
    };
    let proposal_times = move || {
        let l = lang.get();
        match free_times.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(times) if times.is_empty() => {
                view! { <p>{P::NothingToPropose.text(l)}</p> }.into_any()
            }
            Some(times) => times
                .into_iter()
                .map(|t| {
                    let value = t.id.clone();
                    let input_id = format!("{PROPOSE_TIME_ID}-{}", t.id);
                    let (v1, v2) = (value.clone(), value.clone());
                    view! {
                        <div class="radio">
                            <input type="radio" id=input_id.clone() name=PROPOSE_TIME_ID value=value
                                prop:checked=move || propose_time.get() == v1
                                on:change=move |_| propose_time.set(v2.clone()) />
                            <label for=input_id>{booking::when(l, t.start, t.end)}</label>
                        </div>
                    }
                })
                .collect_view()
                .into_any(),
        }
    };
    view! {
        {facts}
        {move || saved.get().then(|| view! { <p class="confirmation" role="status">{P::Saved.text(lang.get())}</p> })}
        <ErrorSummary errors=errors node_ref=summary id="programme-staff-summary" />
        {can_confirm.then(|| view! {
            <form class="form" novalidate on:submit=on_confirm>
                <Field id=CONFIRM_MESSAGE_ID label=P::MessageLabel autocomplete="off" value=confirm_message errors=errors />
                <button type="submit" class="button">{tr(P::Confirm)}</button>
            </form>
        })}
        {can_propose.then(|| view! {
            <form class="form" novalidate on:submit=on_propose>
                <fieldset id=PROPOSE_TIME_ID tabindex="-1">
                    <legend>{tr(P::ProposeLegend)}</legend>
                    {proposal_times}
                </fieldset>
                <Field id=PROPOSE_MESSAGE_ID label=P::MessageLabel autocomplete="off" value=propose_message errors=errors />
                <button type="submit" class="button">{tr(P::ProposeButton)}</button>
            </form>
        })}
        {can_record.then(|| view! {
            <section aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">{tr(P::OutcomeHeading)}</h2>
                <form class="form" novalidate on:submit=on_outcome>
                    <Field id=PARTICIPANTS_ID label=P::ParticipantsLabel kind="number" inputmode="numeric"
                        autocomplete="off" value=participants errors=errors />
                    <Field id=FEEDBACK_ID label=P::FeedbackLabel autocomplete="off" value=feedback errors=errors />
                    <button type="submit" class="button">{tr(P::SaveOutcome)}</button>
                </form>
            </section>
        })}
        {can_cancel.then(|| view! {
            <p><button type="button" class="button button-secondary" on:click=on_cancel>{tr(P::Cancel)}</button></p>
        })}
    }
}
