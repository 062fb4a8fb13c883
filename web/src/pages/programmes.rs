//! Remote programmes for care homes: the offers with their free times for everyone, and for a unit's
//! contact person their unit's bookings (accept a proposed time, cancel, open the video link) and the
//! booking form of one offer (`/programmes?offer=<id>`, so Back and reload keep it).

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{
    FieldCode, Lang, NewProgrammeBooking, Organisation, ProgrammeBooking, ProgrammeOffer,
    ProgrammeStatus,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::i18n::{Programmes as P, Text, Ui, booking, programmes};
use crate::pages::book::time_now;
use crate::pages::me::SignInPrompt;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, programme_offer_href};
use crate::session::{Phase, use_session};

/// The programme page.
#[component]
pub fn ProgrammesPage() -> impl IntoView {
    use_title(P::Title);
    let lang = use_lang();
    let session = use_session();
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.with(|q| q.get("offer")));
    // Moves on after each change, so the bookings and offers are read again.
    let version = RwSignal::new(0u32);
    let offers = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        async move {
            api::programme_offers(lang, None)
                .await
                .map_err(|e| e.code())
        }
    });
    let organisations = LocalResource::new(move || {
        let signed_in = session.phase.get() == Phase::SignedIn;
        let lang = lang.get_untracked();
        async move {
            if !signed_in {
                return Ok(Vec::new());
            }
            session
                .authorized(lang, |token| async move {
                    api::my_organisations(&token, lang).await
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let bookings = LocalResource::new(move || {
        version.get();
        let signed_in = session.phase.get() == Phase::SignedIn;
        let lang = lang.get_untracked();
        async move {
            if !signed_in {
                return Ok(Vec::new());
            }
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
    let orgs = move || organisations.get().and_then(Result::ok).unwrap_or_default();

    let unit_part = move || {
        let l = lang.get();
        match session.phase.get() {
            Phase::Checking => None,
            Phase::SignedOut => Some(
                view! {
                    <section class="notice" aria-labelledby="contacts-heading">
                        <h2 id="contacts-heading">{P::OurBookings.text(l)}</h2>
                        <p>{P::ForContacts.text(l)}</p>
                        <SignInPrompt />
                    </section>
                }
                .into_any(),
            ),
            Phase::SignedIn => match organisations.get() {
                None => None,
                Some(Ok(list)) if list.is_empty() => {
                    Some(view! { <p class="notice">{P::NotAContact.text(l)}</p> }.into_any())
                }
                Some(Err(code)) => {
                    Some(view! { <p class="notice">{code.message(l)}</p> }.into_any())
                }
                Some(Ok(_)) => {
                    Some(view! { <UnitBookings bookings=bookings version=version /> }.into_any())
                }
            },
        }
    };
    let body = move || {
        let l = lang.get();
        match offers.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) => match chosen.get() {
                Some(id) => match list.into_iter().find(|o| o.id == id) {
                    Some(offer) => view! {
                        <p class="back"><a href=Page::Programmes.href() on:click=move |_| version.update(|v| *v += 1)>{P::BackToOffers.text(l)}</a></p>
                        <BookingForm offer=offer organisations=orgs() version=version />
                    }
                    .into_any(),
                    None => view! {
                        <p class="notice">{etakirjasto_shared::ErrorCode::NotFound.message(l)}</p>
                        <p><a href=Page::Programmes.href()>{P::BackToOffers.text(l)}</a></p>
                    }
                    .into_any(),
                },
                None => {
                    let can_book = !orgs().is_empty();
                    view! {
                        <section aria-labelledby="offers-heading">
                            <h2 id="offers-heading">{P::OffersHeading.text(l)}</h2>
                            {list.into_iter().map(|o| view! { <OfferItem offer=o can_book=can_book lang=l /> }).collect_view()}
                        </section>
                    }
                    .into_any()
                }
            },
        }
    };
    view! {
        <h1>{tr(P::Title)}</h1>
        <p class="lead">{tr(P::Intro)}</p>
        {move || chosen.get().is_none().then(unit_part)}
        <div>{body}</div>
    }
}

/// One offer in the list, with its free times.
#[component]
fn OfferItem(offer: ProgrammeOffer, can_book: bool, lang: Lang) -> impl IntoView {
    let heading_id = format!("offer-{}", offer.id);
    let labelled_by = heading_id.clone();
    let size = offer.max_residents.map_or_else(
        || P::AnySize.text(lang).to_owned(),
        |n| programmes::at_most_residents(lang, n),
    );
    let free: Vec<_> = offer.times.iter().filter(|t| t.available).collect();
    let times = if free.is_empty() {
        view! { <p>{P::NoFreeTimes.text(lang)}</p> }.into_any()
    } else {
        view! {
            <ul class="time-list">
                {free.iter().map(|t| view! { <li>{booking::when(lang, t.start, t.end)}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <article class="programme" aria-labelledby=labelled_by>
            <h3 id=heading_id>{offer.title.get(lang).to_owned()}</h3>
            <p>{offer.description.get(lang).to_owned()}</p>
            <dl class="facts">
                <dt>{P::Length.text(lang)}</dt>
                <dd>{programmes::minutes(lang, offer.duration_minutes)}</dd>
                <dt>{P::GroupSize.text(lang)}</dt>
                <dd>{size}</dd>
            </dl>
            <h4>{P::FreeTimes.text(lang)}</h4>
            {times}
            {(can_book && !free.is_empty()).then(|| view! {
                <p><a class="button" href=programme_offer_href(&offer.id)>{P::BookLink.text(lang)}</a></p>
            })}
        </article>
    }
}

/// The unit's bookings, with what the contact person can do about each.
#[component]
fn UnitBookings(
    bookings: LocalResource<Result<Vec<ProgrammeBooking>, etakirjasto_shared::ErrorCode>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let failed = RwSignal::new(None::<etakirjasto_shared::ErrorCode>);
    let act = move |id: String, step: &'static str| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result =
                session
                    .authorized(lang, |token| {
                        let id = id.clone();
                        async move {
                            api::programme_step(&token, &id, step, &api::no_details(), lang).await
                        }
                    })
                    .await;
            match result {
                Ok(_) => {
                    failed.set(None);
                    version.update(|v| *v += 1);
                }
                Err(e) => failed.set(Some(e.code())),
            }
        });
    };
    let list = move || {
        let l = lang.get();
        match bookings.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{P::NoBookings.text(l)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="booking-list">
                    {list.into_iter().map(|b| {
                        let (accept_id, cancel_id) = (b.id.clone(), b.id.clone());
                        let upcoming = b.start > time_now();
                        let can_cancel = match b.status {
                            ProgrammeStatus::Requested | ProgrammeStatus::Confirmed => upcoming,
                            ProgrammeStatus::Proposed => true,
                            _ => false,
                        };
                        view! {
                            <li class="booking-item">
                                <h3>{b.title.get(l).to_owned()}</h3>
                                <p>{booking::when(l, b.start, b.end)} " · " {b.organisation.name.clone()}</p>
                                <p><strong>{P::Status.text(l)} ": "</strong>{programmes::status(l, b.status)}</p>
                                {b.proposed_start.map(|p| view! {
                                    <p><strong>{P::ProposedTime.text(l)} ": "</strong>{booking::when(l, p, p + (b.end - b.start))}</p>
                                })}
                                {b.message.clone().map(|m| view! { <p><strong>{P::MessageFromLibrary.text(l)} ": "</strong>{m}</p> })}
                                {b.meeting_url.clone().filter(|_| upcoming).map(|url| view! {
                                    <p><a class="button" href=url rel="noopener">{P::JoinLink.text(l)}</a></p>
                                })}
                                {(b.status == ProgrammeStatus::Proposed).then(|| view! {
                                    <button type="button" class="button" on:click=move |_| act(accept_id.clone(), "accept")>{P::Accept.text(l)}</button>
                                })}
                                {can_cancel.then(|| view! {
                                    <button type="button" class="button button-secondary" on:click=move |_| act(cancel_id.clone(), "cancel")>{P::Cancel.text(l)}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <section aria-labelledby="our-bookings-heading">
            <h2 id="our-bookings-heading">{tr(P::OurBookings)}</h2>
            {move || failed.get().map(|c| view! { <p class="notice" role="alert">{c.message(lang.get())}</p> })}
            {list}
        </section>
    }
}

const TIME_ID: &str = "programme-time";
const ORG_ID: &str = "organisation";
const RESIDENTS_ID: &str = "residents";
const EQUIPMENT_ID: &str = "equipment";
const ONSITE_NAME_ID: &str = "onsite-name";
const ONSITE_PHONE_ID: &str = "onsite-phone";
const WISHES_ID: &str = "wishes";

/// The booking form of one offer: a free time, the unit (when the person acts for several), the
/// number of residents, the room's equipment, who is with the group, wishes.
#[component]
fn BookingForm(
    offer: ProgrammeOffer,
    organisations: Vec<Organisation>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let free: Vec<(String, String)> = offer
        .times
        .iter()
        .filter(|t| t.available)
        .map(|t| {
            (
                t.id.clone(),
                booking::when(lang.get_untracked(), t.start, t.end),
            )
        })
        .collect();
    let time = RwSignal::new(free.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let organisation = RwSignal::new(
        organisations
            .first()
            .map(|o| o.id.clone())
            .unwrap_or_default(),
    );
    let residents = RwSignal::new(String::new());
    let equipment = RwSignal::new(String::new());
    let onsite_name = RwSignal::new(String::new());
    let onsite_phone = RwSignal::new(String::new());
    let wishes = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let locate = |field: &str| -> Option<(&'static str, P)> {
        Some(match field {
            "time_id" => (TIME_ID, P::TimeLegend),
            "organisation_id" => (ORG_ID, P::OrganisationLabel),
            "residents" => (RESIDENTS_ID, P::ResidentsLabel),
            "equipment" => (EQUIPMENT_ID, P::EquipmentLabel),
            "onsite_contact_name" => (ONSITE_NAME_ID, P::OnsiteNameLabel),
            "onsite_contact_phone" => (ONSITE_PHONE_ID, P::OnsitePhoneLabel),
            "wishes" => (WISHES_ID, P::WishesLabel),
            _ => return None,
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        let Ok(count) = residents.get_untracked().trim().parse::<u32>() else {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: RESIDENTS_ID,
                    label: P::ResidentsLabel.into(),
                    code: if residents.get_untracked().trim().is_empty() {
                        FieldCode::Required
                    } else {
                        FieldCode::InvalidChoice
                    },
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        let wish = wishes.get_untracked().trim().to_owned();
        let body = NewProgrammeBooking {
            time_id: time.get_untracked(),
            organisation_id: organisation.get_untracked(),
            residents: count,
            equipment: equipment.get_untracked(),
            onsite_contact_name: onsite_name.get_untracked(),
            onsite_contact_phone: onsite_phone.get_untracked(),
            wishes: (!wish.is_empty()).then_some(wish),
        };
        busy.set(true);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let body = body.clone();
                    async move { api::create_programme_booking(&token, &body, lang).await }
                })
                .await;
            busy.set(false);
            match result {
                Ok(_) => {
                    errors.set(FormErrors::default());
                    sent.set(true);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };
    let several = organisations.len() > 1;
    let organisations = StoredValue::new(organisations);
    let free = StoredValue::new(free);
    let title = offer.title.clone();
    let confirmation = move || {
        let l = lang.get();
        view! {
            <div class="confirmation" role="status">
                <h2>{P::SentHeading.text(l)}</h2>
                <p>{P::SentText.text(l)}</p>
                // The lists are read again on the way back (not at once: that would redraw this form).
                <p><a href=Page::Programmes.href() on:click=move |_| version.update(|v| *v += 1)>{P::BackToOffers.text(l)}</a></p>
            </div>
        }
    };
    view! {
        <h2>{tr(P::FormHeading)} ": " {move || title.get(lang.get()).to_owned()}</h2>
        <Show when=move || !sent.get() fallback=confirmation>
            <ErrorSummary errors=errors node_ref=summary id="programme-summary" />
            <form class="form" novalidate on:submit=on_submit>
                <fieldset id=TIME_ID tabindex="-1">
                    <legend>{tr(P::TimeLegend)}</legend>
                    {move || free.get_value().into_iter().map(|(id, label)| {
                        let input_id = format!("{TIME_ID}-{id}");
                        let value = id.clone();
                        view! {
                            <div class="radio">
                                <input type="radio" id=input_id.clone() name=TIME_ID value=id.clone()
                                    prop:checked=move || time.get() == id
                                    on:change=move |_| time.set(value.clone()) />
                                <label for=input_id>{label}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                {several.then(|| view! {
                    <div class="field">
                        <label for=ORG_ID>{tr(P::OrganisationLabel)}</label>
                        <select id=ORG_ID name=ORG_ID on:change=move |ev| organisation.set(event_target_value(&ev))>
                            {organisations.get_value().into_iter().map(|o| {
                                let selected = organisation.get_untracked() == o.id;
                                view! { <option value=o.id.clone() selected=selected>{o.name.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <Field id=RESIDENTS_ID label=P::ResidentsLabel hint=P::ResidentsHint kind="number"
                    autocomplete="off" inputmode="numeric" value=residents errors=errors />
                <Field id=EQUIPMENT_ID label=P::EquipmentLabel hint=P::EquipmentHint autocomplete="off"
                    value=equipment errors=errors />
                <Field id=ONSITE_NAME_ID label=P::OnsiteNameLabel autocomplete="name" value=onsite_name errors=errors />
                <Field id=ONSITE_PHONE_ID label=P::OnsitePhoneLabel kind="tel" autocomplete="tel"
                    value=onsite_phone errors=errors />
                <Field id=WISHES_ID label=P::WishesLabel autocomplete="off" value=wishes errors=errors />
                <button type="submit" class="button" disabled=move || busy.get()>{tr(P::Send)}</button>
            </form>
        </Show>
    }
}
