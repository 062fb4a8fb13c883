//! One session in the calendar: when, what, how, whose, where it stands and the patron; how to meet
//! (the video room, the number to call or the library); behind a disclosure the contact details, the
//! answers and the internal note; and, while it is booked, marking it held or a no-show, changing its
//! time and cancelling it (after asking once more).
//!
//! Each session says the outcome of an action next to it, in a `role="status"` region, and a failure
//! in its own error summary, which takes focus.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{BookingOutcome, BookingStatus, SessionMode};

use crate::api::{self, BookingKey};
use crate::components::form::{ErrorSummary, FormErrors, Label, focus_later};
use crate::i18n::{self, Booking as B, Pages, Staff as T, Text, booking};
use crate::library::use_library;
use crate::pages::reschedule::{Moved, moved_notice};
use crate::prefs::{tr, use_lang};
use crate::routes::reschedule_href;
use crate::session::use_session;

/// The longest note the server keeps.
const NOTE_MAX: &str = "2000";

/// What staff do to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// Mark it held.
    Held,
    /// Mark the patron absent.
    NoShow,
    /// Keep the note.
    Note,
    /// Cancel it.
    Cancel,
}

impl Act {
    /// What is said once it is done.
    fn done(self) -> Label {
        match self {
            Act::Held => T::HeldNotice.into(),
            Act::NoShow => T::NoShowNotice.into(),
            Act::Note => T::NoteSaved.into(),
            Act::Cancel => B::CancelledNotice.into(),
        }
    }
}

/// One session.
#[component]
pub fn SessionEntry(
    /// The booking.
    booking: etakirjasto_shared::Booking,
    /// True in the team's calendar, where the staff member is named.
    team: bool,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let id = StoredValue::new(booking.id.clone());
    let heading_id = format!("session-{}", booking.id);
    let note_id = format!("note-{}", booking.id);
    let just_moved = Moved::take(&booking.id);
    let note = RwSignal::new(booking.internal_note.clone().unwrap_or_default());
    let current = RwSignal::new(booking);
    let done = RwSignal::new(None::<Act>);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let heading = NodeRef::<html::H4>::new();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);

    // One closure for every button's `disabled`, so the view code for it exists once.
    let busy_now = move || busy.get();
    let act = move |act: Act| {
        busy.set(true);
        errors.set(FormErrors::default());
        done.set(None);
        let lang = lang.get_untracked();
        let id = id.get_value();
        let text = note.get_untracked();
        // A note typed before marking the outcome is kept with it.
        let changed = current.with_untracked(|b| b.internal_note.as_deref().unwrap_or("") != text);
        let outcome = BookingOutcome {
            status: match act {
                Act::Held => Some(BookingStatus::Held),
                Act::NoShow => Some(BookingStatus::NoShow),
                _ => None,
            },
            internal_note: (act == Act::Note || changed).then_some(text),
        };
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, outcome) = (id.clone(), outcome.clone());
                    async move {
                        if act == Act::Cancel {
                            api::cancel_booking(&id, BookingKey::Bearer(&token), lang).await
                        } else {
                            api::record_outcome(&id, &token, &outcome, lang).await
                        }
                    }
                })
                .await;
            busy.set(false);
            match result {
                Ok(b) => {
                    current.set(b);
                    asking.set(false);
                    done.set(Some(act));
                    // The buttons pressed are gone; carry on from the session's heading.
                    if act != Act::Note {
                        request_animation_frame(move || {
                            if let Some(h) = heading.get_untracked() {
                                let _ = h.focus();
                            }
                        });
                    }
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |_| None::<(&'static str, T)>));
                    focus_later(summary);
                }
            }
        });
    };

    // How to meet: the video room, the number to call, or the library.
    let meeting = move |lang, b: etakirjasto_shared::Booking| {
        match b.mode {
            SessionMode::Video => b
                .meeting_url
                .map(|url| {
                    view! {
                        <p><a class="button button-secondary video-link" href=url target="_blank" rel="noopener noreferrer">
                            {T::StartVideo.text(lang)}<span class="visually-hidden">{T::NewTab.text(lang)}</span>
                        </a></p>
                    }
                })
                .into_any(),
            SessionMode::Phone => view! {
                <p>{T::YouCall.text(lang)} " "
                    {b.contact_phone.map(|p| view! {
                        <a class="call-link" href=format!("tel:{p}")>{T::Call.text(lang)} " " <span>{i18n::display_phone(&p)}</span></a>
                    })}
                </p>
            }
            .into_any(),
            SessionMode::InPerson => {
                let place = library.get().map(|l| {
                    let address = l.branches.into_iter().find(|br| br.is_main).map(|br| {
                        format!(", {}, {} {}", br.street_address, br.postal_code, br.city)
                    });
                    format!("{}{}", l.name, address.unwrap_or_default())
                });
                view! { <p>{T::AtLibrary.text(lang)} " " <strong>{place}</strong></p> }.into_any()
            }
        }
    };

    let facts = move || {
        let (lang, b) = (lang.get(), current.get());
        view! {
            <dl class="session-facts">
                <div><dt>{B::SumHow.text(lang)}</dt> <dd>{B::mode(b.mode).text(lang)}</dd></div>
                {team.then(|| view! { <div><dt>{B::SumStaff.text(lang)}</dt> <dd>{b.staff_name.clone()}</dd></div> })}
                <div><dt>{T::SumStatus.text(lang)}</dt> <dd class="session-status">{T::status(b.status).text(lang)}</dd></div>
                <div><dt>{T::SumPatron.text(lang)}</dt> <dd class="session-patron">{b.contact_name.clone()}</dd></div>
            </dl>
            {b.booked_by_staff.then(|| view! { <p class="hint">{T::BookedForPatron.text(lang)}</p> })}
            {(b.status != BookingStatus::Cancelled).then(|| meeting(lang, b))}
        }
    };

    let more = move || {
        let (lang, b) = (lang.get(), current.get());
        let or_not_given =
            |v: Option<String>| v.unwrap_or_else(|| Pages::NotGiven.text(lang).into());
        let answers = b
            .answers
            .iter()
            .map(|a| {
                let answer = if a.answer.trim().is_empty() {
                    B::NoAnswer.text(lang).to_owned()
                } else {
                    a.answer.clone()
                };
                view! { <dt>{a.question.get(lang).to_owned()}</dt> <dd>{answer}</dd> }
            })
            .collect_view();
        view! {
            <dl class="details">
                <dt>{T::SumEmail.text(lang)}</dt>
                <dd>{or_not_given(b.contact_email.clone())}</dd>
                <dt>{T::SumPhone.text(lang)}</dt>
                <dd>{or_not_given(b.contact_phone.as_deref().map(i18n::display_phone))}</dd>
                {answers}
            </dl>
        }
    };

    let actions = move || {
        let (lang, b) = (lang.get(), current.get());
        if b.status != BookingStatus::Confirmed {
            return None;
        }
        let cancel = if asking.get() {
            view! {
                <div class="confirm-cancel">
                    <p><strong>{B::CancelQuestion.text(lang)}</strong></p>
                    <button type="button" class="button button-danger confirm-cancel-yes" disabled=busy_now
                        on:click=move |_| act(Act::Cancel)>{B::CancelYes.text(lang)}</button>
                    " "
                    <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>
                        {B::CancelNo.text(lang)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button-secondary cancel-booking" on:click=move |_| asking.set(true)>
                    {B::Cancel.text(lang)}
                </button>
            }
            .into_any()
        };
        Some(view! {
            <div class="session-actions">
                <button type="button" class="button mark-held" disabled=busy_now
                    on:click=move |_| act(Act::Held)>{T::MarkHeld.text(lang)}</button>
                " "
                <button type="button" class="button button-secondary mark-no-show" disabled=busy_now
                    on:click=move |_| act(Act::NoShow)>{T::MarkNoShow.text(lang)}</button>
                " "
                <a class="button button-secondary reschedule-booking" href=reschedule_href(&b.id, None, None, true, None)>
                    {B::Reschedule.text(lang)}
                </a>
                " "
                {cancel}
            </div>
        })
    };

    let note_hint = format!("{note_id}-hint");
    let labelled_by = heading_id.clone();
    view! {
        <article class="session" aria-labelledby=labelled_by>
            <h4 id=heading_id tabindex="-1" node_ref=heading>
                {move || current.with(|b| {
                    let lang = lang.get();
                    format!("{} {}", booking::time_range(lang, b.start.time(), b.end.time()), b.service_name.get(lang))
                })}
            </h4>
            {facts}
            <details class="session-more">
                <summary>{tr(T::MoreDetails)}</summary>
                {more}
                <div class="field">
                    <label for=note_id.clone()>{tr(T::NoteLabel)}</label>
                    <p class="hint" id=note_hint.clone()>{tr(T::NoteHint)}</p>
                    <textarea id=note_id class="note" rows="3" maxlength=NOTE_MAX aria-describedby=note_hint
                        bind:value=note></textarea>
                </div>
                <button type="button" class="button button-secondary save-note" disabled=busy_now
                    on:click=move |_| act(Act::Note)>{tr(T::SaveNote)}</button>
            </details>
            <ErrorSummary errors=errors node_ref=summary id=format!("problem-{}", id.get_value()) />
            <div role="status">
                {move || done.get().map(|a| view! { <p class="notice">{a.done().text(lang.get())}</p> })}
                {just_moved.map(|b| view! { <p class="notice moved-notice">{move || moved_notice(lang.get(), &b)}</p> })}
            </div>
            {actions}
        </article>
    }
}
