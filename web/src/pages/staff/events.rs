//! The staff's events (`/staff/events`): the library's coming events, and one event
//! (`?event=<id>`) with its participants (seat, status, needs; attendance once it has started), the
//! participant list as a spreadsheet, a message to everyone registered, and cancelling the event
//! (everyone registered is told).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{
    ErrorCode, Event, EventMessageInput, EventStatus, FieldCode, Lang, NewRegistration,
    Registration, RegistrationStatus, SeatType,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, Label, focus_later};
use crate::i18n::{Events, StaffEvents as SE, Text, Ui, booking, events, staff_events};
use crate::pages::book::time_now;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{staff_event_edit_href, staff_events_href};
use crate::session::use_session;

/// The page.
#[component]
pub fn StaffEventsPage() -> impl IntoView {
    use_title(SE::Title);
    let session = use_session();
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.with(|q| q.get("event")));
    let editing = Memo::new(move |_| query.with(|q| q.get("edit")));
    // The event just saved, for its page to say so once (not kept in the address, so a reload or
    // Back does not say it again).
    let saved = RwSignal::new(None::<String>);
    view! {
        <h1>{tr(SE::Title)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let library = super::staff_library(me);
            if let Some(id) = editing.get() {
                return view! {
                    <p class="back"><a href=staff_events_href(None)>{tr(SE::BackToList)}</a></p>
                    <super::event_form::EventEditor library=library id=id saved=saved />
                }
                .into_any();
            }
            match chosen.get() {
                Some(id) => view! {
                    <p class="back"><a href=staff_events_href(None)>{tr(SE::BackToList)}</a></p>
                    {(saved.get_untracked().as_deref() == Some(id.as_str())).then(|| {
                        saved.set(None);
                        view! { <SavedNotice /> }
                    })}
                    <OneEvent id=id />
                }
                .into_any(),
                None => view! { <EventList library=library /> }.into_any(),
            }
        }}
    }
}

/// "Event saved", focused so that a screen reader says it after the page changed under it.
#[component]
fn SavedNotice() -> impl IntoView {
    let node = NodeRef::<html::P>::new();
    Effect::new(move || {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
    view! { <p class="confirmation" role="status" tabindex="-1" node_ref=node>{tr(SE::Saved)}</p> }
}

/// The library's coming events, each linking to its participants.
#[component]
fn EventList(library: String) -> impl IntoView {
    let lang = use_lang();
    let list = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let filters = format!("library={}", api::encode(&library));
        async move { api::events(&filters, lang).await.map_err(|e| e.code()) }
    });
    move || {
        let l = lang.get();
        let new = view! {
            <p><a class="button" href=staff_event_edit_href("new")>{SE::NewEvent.text(l)}</a></p>
        };
        let body = match list.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{SE::NoEvents.text(l)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="booking-list staff-events">
                    {list.into_iter().map(|e| view! {
                        <li class="booking-item">
                            <h2><a href=staff_events_href(Some(&e.id))>{e.title.get(l).to_owned()}</a></h2>
                            <p>{booking::when(l, e.start, e.end)}</p>
                            {(e.status == EventStatus::Cancelled).then(|| view! { <p class="notice">{SE::Cancelled.text(l)}</p> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        };
        view! { {new} {body} }
    }
}

/// One event with its participants and what staff do about it.
#[component]
fn OneEvent(id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let version = RwSignal::new(0u32);
    let event_id = id.clone();
    let loaded = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let id = event_id.clone();
        async move {
            session
                .authorized(lang, |token| {
                    let id = id.clone();
                    async move {
                        let event = api::event(&id, lang, Some(&token)).await?;
                        let people = api::event_registrations(&token, &id, lang).await?;
                        Ok((event, people))
                    }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    // Kept here: the parts below are drawn anew when the list is read again.
    let sent = RwSignal::new(None::<u32>);
    let seat_problem = RwSignal::new(None::<ErrorCode>);
    let registered = RwSignal::new(None::<Registration>);
    // What staff are typing for someone who phoned: kept here, since the parts below are redrawn
    // whenever the list is read again (after a seat move or attendance) or the language changes.
    let draft = Draft::new();
    let download_failed = RwSignal::new(None::<ErrorCode>);
    move || {
        let l = lang.get();
        match loaded.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok((event, people))) => {
                let started = event.start <= time_now();
                let cancelled = event.status == EventStatus::Cancelled;
                let download_id = event.id.clone();
                let download = move |_| {
                    let lang = lang.get_untracked();
                    let id = download_id.clone();
                    download_failed.set(None);
                    spawn_local(async move {
                        let result = session
                            .authorized(lang, |token| {
                                let id = id.clone();
                                async move { api::event_registrations_csv(&token, &id, lang).await }
                            })
                            .await;
                        match result {
                            Ok(csv) => {
                                // The server's byte-order mark (which spreadsheets need to read
                                // UTF-8) is dropped when the answer is read as text: put it back.
                                let csv = format!("\u{feff}{}", csv.trim_start_matches('\u{feff}'));
                                let name = lang.pick(
                                    "osallistujat.csv",
                                    "deltagare.csv",
                                    "participants.csv",
                                );
                                if crate::pages::my_data::save_file(&csv, name, "text/csv").is_err()
                                {
                                    download_failed.set(Some(ErrorCode::Internal));
                                }
                            }
                            Err(e) => download_failed.set(Some(e.code())),
                        }
                    });
                };
                view! {
                    <h2>{event.title.get(l).to_owned()}</h2>
                    <p>{booking::when(l, event.start, event.end)}</p>
                    {cancelled.then(|| view! { <p class="notice">{SE::Cancelled.text(l)}</p> })}
                    {(!cancelled).then(|| view! {
                        <p><a href=staff_event_edit_href(&event.id)>{SE::EditLink.text(l)}</a></p>
                    })}
                    <h3 id="participants-heading">{SE::Participants.text(l)}</h3>
                    <Participants event=event.clone() people=people started=started version=version problem=seat_problem />
                    <p>
                        <button type="button" class="button button-secondary" on:click=download>{SE::Download.text(l)}</button>
                    </p>
                    <p role="status" class="download-status">{move || download_failed.get().map(|c| c.message(lang.get()))}</p>
                    {(!cancelled && !started && event.registration_required).then(|| view! {
                        <RegisterSomeone event=event.clone() version=version registered=registered draft=draft />
                    })}
                    {(!cancelled).then(|| view! {
                        <MessageAll event_id=event.id.clone() sent=sent />
                        <CancelEvent event_id=event.id.clone() version=version />
                    })}
                }
                .into_any()
            }
        }
    }
}

/// The participant table, scrolling inside itself on narrow screens.
#[component]
fn Participants(
    event: Event,
    people: Vec<Registration>,
    started: bool,
    version: RwSignal<u32>,
    /// Why the last move failed (no room in the other seats), kept across redraws.
    problem: RwSignal<Option<ErrorCode>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let l = lang.get_untracked();
    if people.is_empty() {
        return view! { <p>{tr(SE::NoParticipants)}</p> }.into_any();
    }
    let mark = move |event_id: String, id: String, attended: bool| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let _ = session
                .authorized(lang, |token| {
                    let (event_id, id) = (event_id.clone(), id.clone());
                    async move { api::mark_attendance(&token, &event_id, &id, attended, lang).await }
                })
                .await;
            version.update(|v| *v += 1);
        });
    };
    let move_seat = move |event_id: String, id: String, seat: SeatType| {
        let lang = lang.get_untracked();
        problem.set(None);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (event_id, id) = (event_id.clone(), id.clone());
                    async move { api::move_seat(&token, &event_id, &id, seat, lang).await }
                })
                .await;
            if let Err(e) = result {
                problem.set(Some(e.code()));
            }
            version.update(|v| *v += 1);
        });
    };
    let rows = people
        .into_iter()
        .map(|r| {
            let contact = [r.contact_email.clone(), r.contact_phone.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            let seat = match r.seat_type {
                SeatType::OnSite => Events::SeatOnSite,
                SeatType::Online => Events::SeatOnline,
            };
            let status = match (r.status, r.waitlist_position) {
                (RegistrationStatus::Waitlisted, Some(p)) => events::waiting(l, p),
                (RegistrationStatus::Cancelled, _) => Events::RegistrationCancelled.text(l).to_owned(),
                _ => Events::StatusConfirmed.text(l).to_owned(),
            };
            let by_staff = r.booked_by_staff.then(|| format!(" ({})", SE::ByStaff.text(l)));
            // Before a hybrid event, someone can move to the other kind of seat.
            let other = match r.seat_type {
                SeatType::OnSite => SeatType::Online,
                SeatType::Online => SeatType::OnSite,
            };
            let other_capacity = match other {
                SeatType::OnSite => event.on_site.as_ref(),
                SeatType::Online => event.online.as_ref(),
            }
            .map_or(0, |seats| seats.capacity);
            let movable = !started
                && event.status != EventStatus::Cancelled
                && r.status != RegistrationStatus::Cancelled
                && other_capacity > 0;
            let mover = movable.then(|| {
                let (event_id, id) = (event.id.clone(), r.id.clone());
                let label = match other {
                    SeatType::Online => SE::MoveOnline,
                    SeatType::OnSite => SE::MoveOnSite,
                };
                view! {
                    " "
                    <button type="button" class="button button-secondary move-seat"
                        on:click=move |_| move_seat(event_id.clone(), id.clone(), other)>
                        {label.text(l)}<span class="visually-hidden">{format!(": {}", r.contact_name)}</span>
                    </button>
                }
            });
            let attendance = if started && r.status == RegistrationStatus::Confirmed {
                let (e1, i1, e2, i2) = (event.id.clone(), r.id.clone(), event.id.clone(), r.id.clone());
                view! {
                    <button type="button" class="button button-secondary attendance"
                        aria-pressed=if r.attended == Some(true) { "true" } else { "false" }
                        on:click=move |_| mark(e1.clone(), i1.clone(), true)>{SE::Present.text(l)}</button>
                    " "
                    <button type="button" class="button button-secondary attendance"
                        aria-pressed=if r.attended == Some(false) { "true" } else { "false" }
                        on:click=move |_| mark(e2.clone(), i2.clone(), false)>{SE::Absent.text(l)}</button>
                }
                .into_any()
            } else {
                view! { "–" }.into_any()
            };
            view! {
                <tr>
                    <th scope="row">{r.contact_name.clone()}{by_staff}</th>
                    <td>{contact}</td>
                    <td>{format!("{} × {}", seat.text(l), r.seats)}{mover}</td>
                    <td>{status}</td>
                    <td>{r.needs.clone().unwrap_or_default()}</td>
                    <td>{attendance}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!started).then(|| view! { <p class="hint">{SE::AttendanceLater.text(l)}</p> })}
        <p role="status" class="seat-status">{move || problem.get().map(|c| c.message(lang.get()))}</p>
        <div class="month-scroll" role="region" aria-labelledby="participants-heading" tabindex="0">
            <table class="participants">
                <thead>
                    <tr>
                        <th scope="col">{SE::Name.text(l)}</th>
                        <th scope="col">{SE::Contact.text(l)}</th>
                        <th scope="col">{SE::Seat.text(l)}</th>
                        <th scope="col">{SE::Status.text(l)}</th>
                        <th scope="col">{SE::Needs.text(l)}</th>
                        <th scope="col">{SE::Attended.text(l)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

const R_SEAT: &str = "behalf-seat";
const R_SEATS: &str = "behalf-seats";
const R_NAME: &str = "behalf-name";
const R_EMAIL: &str = "behalf-email";
const R_PHONE: &str = "behalf-phone";
const R_NEEDS: &str = "behalf-needs";
const R_LANGUAGE: &str = "behalf-language";
const R_CONSENT: &str = "behalf-consent";

/// The registration form's values and errors, owned by the event's page.
#[derive(Clone, Copy)]
struct Draft {
    seat: RwSignal<Option<SeatType>>,
    seats: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    needs: RwSignal<String>,
    language: RwSignal<Lang>,
    consent: RwSignal<bool>,
    errors: RwSignal<FormErrors>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            seat: RwSignal::new(None),
            seats: RwSignal::new("1".to_owned()),
            name: RwSignal::new(String::new()),
            email: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            needs: RwSignal::new(String::new()),
            language: RwSignal::new(Lang::Fi),
            consent: RwSignal::new(false),
            errors: RwSignal::new(FormErrors::default()),
        }
    }
}

/// Registering someone who phoned or came to the desk: their name and email or phone, the seats,
/// their needs, the language of their messages, and their consent.
#[component]
fn RegisterSomeone(
    event: Event,
    version: RwSignal<u32>,
    registered: RwSignal<Option<Registration>>,
    draft: Draft,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let seat_types: Vec<SeatType> = event.mode.seat_types().to_vec();
    let first_seat = seat_types.first().copied().unwrap_or(SeatType::Online);
    let Draft {
        seats,
        name,
        email,
        phone,
        needs,
        language,
        consent,
        errors,
        ..
    } = draft;
    let seat = Signal::derive(move || draft.seat.get().unwrap_or(first_seat));
    let summary: NodeRef<html::Div> = NodeRef::new();
    let busy = RwSignal::new(false);
    let event_id = event.id.clone();
    // With one kind of seat there is no choice on the form: a fault of it is shown at the number.
    let seat_field = if seat_types.len() > 1 {
        R_SEAT
    } else {
        R_SEATS
    };
    let locate = move |field: &str| -> Option<(&'static str, Label)> {
        Some(match field {
            "seat_type" => (seat_field, Events::SeatLegend.into()),
            "seats" => (R_SEATS, Events::SeatsLabel.into()),
            "name" => (R_NAME, Events::NameLabel.into()),
            "email" | "contact" => (R_EMAIL, Events::EmailLabel.into()),
            "phone" => (R_PHONE, Events::PhoneLabel.into()),
            "needs" => (R_NEEDS, Events::NeedsLabel.into()),
            "patron_consent" => (R_CONSENT, SE::ConsentLabel.into()),
            _ => return None,
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        registered.set(None);
        let text = |s: RwSignal<String>| {
            let t = s.get_untracked().trim().to_owned();
            (!t.is_empty()).then_some(t)
        };
        let Ok(count) = seats.get_untracked().trim().parse::<u32>() else {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: R_SEATS,
                    label: Events::SeatsLabel.into(),
                    code: FieldCode::InvalidChoice,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        let body = NewRegistration {
            seat_type: seat.get_untracked(),
            seats: count,
            needs: text(needs),
            // The name is what tells the server staff register someone else, so it is always sent.
            name: Some(name.get_untracked().trim().to_owned()),
            email: text(email),
            phone: text(phone),
            language: Some(language.get_untracked()),
            patron_consent: consent.get_untracked(),
        };
        let lang = lang.get_untracked();
        let id = event_id.clone();
        busy.set(true);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::register_for_event(&id, &body, lang, Some(&token)).await }
                })
                .await;
            busy.set(false);
            match result {
                Ok(r) => {
                    errors.set(FormErrors::default());
                    for s in [name, email, phone, needs] {
                        s.set(String::new());
                    }
                    seats.set("1".to_owned());
                    consent.set(false);
                    registered.set(Some(r));
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };
    let seat_choice = (seat_types.len() > 1).then(|| {
        let options = seat_types
            .into_iter()
            .map(|s| {
                let id = format!("{R_SEAT}-{}", s.as_str());
                let label = match s {
                    SeatType::OnSite => Events::SeatOnSite,
                    SeatType::Online => Events::SeatOnline,
                };
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=R_SEAT value=s.as_str()
                            prop:checked=move || seat.get() == s
                            on:change=move |_| draft.seat.set(Some(s)) />
                        <label for=id>{tr(label)}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset id=R_SEAT tabindex="-1">
                <legend>{tr(Events::SeatLegend)}</legend>
                {options}
            </fieldset>
        }
    });
    let done = move || {
        let l = lang.get();
        registered.get().map(|r| {
            let line = match (r.status, r.waitlist_position) {
                (RegistrationStatus::Waitlisted, Some(p)) => events::waiting(l, p),
                _ => Events::StatusConfirmed.text(l).to_owned(),
            };
            view! { <p class="confirmation" role="status">{format!("{}: {line}", r.contact_name)}</p> }
        })
    };
    let consent_fault = move || errors.with(|e| e.field(R_CONSENT));
    view! {
        <section aria-labelledby="behalf-heading">
            <h3 id="behalf-heading">{tr(SE::RegisterHeading)}</h3>
            <p>{tr(SE::RegisterIntro)}</p>
            {done}
            <ErrorSummary errors=errors node_ref=summary id="behalf-summary" />
            <form class="form" novalidate on:submit=on_submit>
                <Field id=R_NAME label=Events::NameLabel autocomplete="off" value=name errors=errors />
                <Field id=R_PHONE label=Events::PhoneLabel kind="tel" autocomplete="off" value=phone errors=errors />
                <Field id=R_EMAIL label=Events::EmailLabel kind="email" autocomplete="off" value=email errors=errors />
                {seat_choice}
                <Field id=R_SEATS label=Events::SeatsLabel kind="number" inputmode="numeric" autocomplete="off"
                    value=seats errors=errors />
                <Field id=R_NEEDS label=Events::NeedsLabel autocomplete="off" value=needs errors=errors />
                <div class="field">
                    <label for=R_LANGUAGE>{tr(SE::LanguageLabel)}</label>
                    <select id=R_LANGUAGE name=R_LANGUAGE on:change=move |ev| {
                        if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                            language.set(l);
                        }
                    }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() selected=move || language.get() == l>{crate::i18n::endonym(l)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="checkbox" class:field-error=move || consent_fault().is_some()>
                    {move || consent_fault().map(|code| view! {
                        <p class="error-message" id="behalf-consent-error">{code.message(lang.get())}</p>
                    })}
                    <input type="checkbox" id=R_CONSENT prop:checked=move || consent.get()
                        aria-invalid=move || consent_fault().map(|_| "true")
                        aria-describedby=move || consent_fault().map(|_| "behalf-consent-error")
                        on:change=move |ev| consent.set(event_target_checked(&ev)) />
                    <label for=R_CONSENT>{tr(SE::ConsentLabel)}</label>
                </div>
                <button type="submit" class="button" disabled=move || busy.get()>{tr(SE::RegisterButton)}</button>
            </form>
        </section>
    }
}

/// Writing to everyone registered.
#[component]
fn MessageAll(event_id: String, sent: RwSignal<Option<u32>>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary: NodeRef<html::Div> = NodeRef::new();
    let sending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let id = event_id.clone();
        let body = EventMessageInput {
            message: text.get_untracked(),
        };
        sending.set(true);
        sent.set(None);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::message_event(&token, &id, &body, lang).await }
                })
                .await;
            sending.set(false);
            match result {
                Ok(done) => {
                    errors.set(FormErrors::default());
                    text.set(String::new());
                    sent.set(Some(done.recipients));
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |field| {
                        (field == "message").then_some(("event-message", SE::MessageLabel))
                    }));
                    focus_later(summary);
                }
            }
        });
    };
    let fault = move || errors.with(|e| e.field("event-message"));
    view! {
        <section class="message-all" aria-labelledby="message-all-heading">
            <h3 id="message-all-heading">{tr(SE::MessageHeading)}</h3>
            <form on:submit=submit novalidate>
                <ErrorSummary errors=errors node_ref=summary id="message-all-summary" />
                <div class="field" class:field-error=move || fault().is_some()>
                    <label for="event-message">{tr(SE::MessageLabel)}</label>
                    <p class="hint" id="event-message-hint">{tr(SE::MessageHint)}</p>
                    {move || fault().map(|code| view! {
                        <p class="error-message" id="event-message-error">
                            <span class="visually-hidden">{Ui::ErrorPrefix.text(lang.get())}</span>
                            {code.message(lang.get())}
                        </p>
                    })}
                    <textarea id="event-message" name="event-message" rows="5"
                        aria-invalid=move || fault().map(|_| "true")
                        aria-describedby=move || if fault().is_some() {
                            "event-message-hint event-message-error"
                        } else {
                            "event-message-hint"
                        }
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button" disabled=move || sending.get()>{tr(SE::Send)}</button>
                <p role="status" class="message-all-status">
                    {move || sent.get().map(|n| staff_events::sent_to(lang.get(), n))}
                </p>
            </form>
        </section>
    }
}

/// Cancelling the event, with a confirmation step.
#[component]
fn CancelEvent(event_id: String, version: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let asking = RwSignal::new(false);
    let failed = RwSignal::new(None::<ErrorCode>);
    let confirm = move |_| {
        let lang = lang.get_untracked();
        let id = event_id.clone();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let id = id.clone();
                    async move { api::cancel_event(&token, &id, lang).await }
                })
                .await;
            match result {
                Ok(_) => version.update(|v| *v += 1),
                Err(e) => failed.set(Some(e.code())),
            }
        });
    };
    view! {
        <section class="cancel-event" aria-labelledby="cancel-event-heading">
            <h3 id="cancel-event-heading">{tr(SE::CancelHeading)}</h3>
            <p>{tr(SE::CancelWhat)}</p>
            <Show when=move || asking.get() fallback=move || view! {
                <button type="button" class="button button-danger" on:click=move |_| asking.set(true)>{tr(SE::CancelButton)}</button>
            }>
                <div class="button-row">
                    <button type="button" class="button button-danger" on:click=confirm.clone()>{tr(SE::CancelConfirm)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>{tr(SE::Keep)}</button>
                </div>
            </Show>
            <p role="status">{move || failed.get().map(|c| c.message(lang.get()))}</p>
        </section>
    }
}
