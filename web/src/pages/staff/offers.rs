//! The staff's programme offers (`/staff/programme-offers`): the library's programmes for care homes
//! with their free times, and one offer to publish or change (`?offer=<id>`, `?offer=new`): its
//! title and description in three languages, length, largest group, whether units see it, and the
//! times it can run, entered as dates and clock times in the library's own zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{FieldCode, Localized, ProgrammeOffer, ProgrammeOfferInput};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::i18n::{Offers as O, Programmes, Text, Ui, booking, offers, programmes};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{staff_offers_href, staff_programmes_href};
use crate::session::use_session;

/// The page.
#[component]
pub fn StaffOffers() -> impl IntoView {
    use_title(O::Title);
    let session = use_session();
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.with(|q| q.get("offer")));
    view! {
        <h1>{tr(O::Title)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let library = super::staff_library(me);
            match chosen.get() {
                Some(id) => view! {
                    <p class="back"><a href=staff_offers_href(None)>{tr(O::BackToList)}</a></p>
                    <Editor library=library id=id />
                }
                .into_any(),
                None => view! { <OfferList library=library /> }.into_any(),
            }
        }}
    }
}

/// The library's offers, published or not, as staff see them.
async fn library_offers(
    session: crate::session::Session,
    library: String,
    lang: etakirjasto_shared::Lang,
) -> Result<Vec<ProgrammeOffer>, etakirjasto_shared::ErrorCode> {
    session
        .authorized(lang, |token| {
            let library = library.clone();
            async move { api::library_programme_offers(&library, lang, &token).await }
        })
        .await
        .map_err(|e| e.code())
}

/// The list of offers.
#[component]
fn OfferList(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let list =
        LocalResource::new(move || library_offers(session, library.clone(), lang.get_untracked()));
    move || {
        let l = lang.get();
        let body = match list.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{O::Empty.text(l)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="booking-list staff-offers">
                    {list.into_iter().map(|o| {
                        let free = o.times.iter().filter(|t| t.available).count();
                        let title = o.title.get(l).to_owned();
                        view! {
                            <li class="booking-item">
                                <h2>{title.clone()}</h2>
                                <p>{programmes::minutes(l, o.duration_minutes)} ", " {offers::free_times(l, free)}</p>
                                {(!o.published).then(|| view! { <p class="notice">{O::Unpublished.text(l)}</p> })}
                                <p><a href=staff_offers_href(Some(&o.id))>{O::Edit.text(l)}<span class="visually-hidden">{format!(": {title}")}</span></a></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        };
        view! {
            <p>{O::Intro.text(l)}</p>
            <p><a class="button" href=staff_offers_href(Some("new"))>{O::New.text(l)}</a></p>
            {body}
            <p><a href=staff_programmes_href(None)>{Programmes::StaffTitle.text(l)}</a></p>
        }
    }
}

/// A new offer, or an existing one read first, with the library's time zone the times are typed in.
#[component]
fn Editor(library: String, id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let lib = library.clone();
    let found = LocalResource::new(move || {
        let (id, library, lang) = (id.clone(), lib.clone(), lang.get_untracked());
        async move {
            let details = api::library(&library, lang).await.map_err(|e| e.code())?;
            let offer = if id == "new" {
                None
            } else {
                let list = library_offers(session, library, lang).await?;
                Some(
                    list.into_iter()
                        .find(|o| o.id == id)
                        .ok_or(etakirjasto_shared::ErrorCode::NotFound)?,
                )
            };
            Ok::<_, etakirjasto_shared::ErrorCode>((details.time_zone, offer))
        }
    });
    let library = StoredValue::new(library);
    // Only the answer decides what is drawn: a language change must not rebuild the form and
    // lose what was typed.
    (move || match found.get() {
        None => view! { <p role="status">{tr(Ui::Loading)}</p> }.into_any(),
        Some(Err(code)) => {
            view! { <p class="notice">{move || code.message(lang.get())}</p> }.into_any()
        }
        Some(Ok((zone, offer))) => {
            view! { <OfferForm library=library.get_value() zone=zone offer=offer /> }.into_any()
        }
    })
    .into_any()
}

/// One row of the times: one a unit has asked for (kept as it is), or a date and clock time.
#[derive(Clone)]
enum TimeRow {
    /// A unit has asked for it: it stays.
    Taken(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// Free or new: staff may change or remove it.
    Open {
        key: u32,
        date: RwSignal<String>,
        clock: RwSignal<String>,
    },
}

const TITLE_FI: &str = "title-fi";
const TITLE_SV: &str = "title-sv";
const TITLE_EN: &str = "title-en";
const DESC_FI: &str = "description-fi";
const DESC_SV: &str = "description-sv";
const DESC_EN: &str = "description-en";
const DURATION_ID: &str = "duration";
const MAX_ID: &str = "max-residents";
const TIMES_ID: &str = "offer-times";
const TIMES_ERROR_ID: &str = "offer-times-error";
const ADD_TIME_ID: &str = "add-time";

/// Moves keyboard focus to the element with `id`, if it is on the page.
fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The form of one offer; saving a new one makes later saves change that one.
#[component]
fn OfferForm(library: String, zone: String, offer: Option<ProgrammeOffer>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let text = |s: &str| RwSignal::new(s.to_owned());
    let o = offer.as_ref();
    let title = o.map(|o| o.title.clone()).unwrap_or_default();
    let description = o.map(|o| o.description.clone()).unwrap_or_default();
    let (title_fi, title_sv, title_en) = (text(&title.fi), text(&title.sv), text(&title.en));
    let (desc_fi, desc_sv, desc_en) = (
        text(&description.fi),
        text(&description.sv),
        text(&description.en),
    );
    let duration = RwSignal::new(o.map_or(45, |o| o.duration_minutes).to_string());
    let max = RwSignal::new(
        o.and_then(|o| o.max_residents)
            .map(|m| m.to_string())
            .unwrap_or_default(),
    );
    let published = RwSignal::new(o.is_none_or(|o| o.published));
    let next_key = StoredValue::new(0u32);
    let open_row = move |date: String, clock: String| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        TimeRow::Open {
            key,
            date: RwSignal::new(date),
            clock: RwSignal::new(clock),
        }
    };
    let initial: Vec<TimeRow> = o
        .map(|o| {
            o.times
                .iter()
                .map(|t| {
                    if t.available {
                        open_row(
                            t.start.date_naive().to_string(),
                            t.start.format("%H:%M").to_string(),
                        )
                    } else {
                        TimeRow::Taken(t.start, t.end)
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let rows = RwSignal::new(initial);
    let bad_rows = RwSignal::new(Vec::<u32>::new());
    let current = RwSignal::new(o.map(|o| o.id.clone()));
    let errors = RwSignal::new(FormErrors::default());
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let library = StoredValue::new(library);
    let zone = StoredValue::new(zone);

    let locate = |field: &str| -> Option<(&'static str, O)> {
        Some(match field {
            "title.fi" => (TITLE_FI, O::TitleFi),
            "title.sv" => (TITLE_SV, O::TitleSv),
            "title.en" => (TITLE_EN, O::TitleEn),
            "description.fi" => (DESC_FI, O::DescriptionFi),
            "description.sv" => (DESC_SV, O::DescriptionSv),
            "description.en" => (DESC_EN, O::DescriptionEn),
            "duration_minutes" => (DURATION_ID, O::DurationLabel),
            "max_residents" => (MAX_ID, O::MaxResidentsLabel),
            f if f == "times" || f.starts_with("times[") => (TIMES_ID, O::TimesLegend),
            _ => return None,
        })
    };
    let fail = move |fields: Vec<FieldFault>| {
        errors.set(FormErrors {
            fields,
            ..Default::default()
        });
        focus_later(summary);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let mut faults = Vec::new();
        let duration_minutes = duration.get_untracked().trim().parse::<u32>();
        if duration_minutes.is_err() {
            faults.push(FieldFault {
                id: DURATION_ID,
                label: O::DurationLabel.into(),
                code: FieldCode::InvalidChoice,
            });
        }
        let max_text = max.get_untracked().trim().to_owned();
        let max_residents = if max_text.is_empty() {
            Ok(None)
        } else {
            max_text.parse::<u32>().map(Some)
        };
        if max_residents.is_err() {
            faults.push(FieldFault {
                id: MAX_ID,
                label: O::MaxResidentsLabel.into(),
                code: FieldCode::InvalidChoice,
            });
        }
        let zone = zone.get_value();
        let now = crate::pages::book::time_now();
        let mut times = Vec::new();
        let mut bad = Vec::new();
        let mut keys = Vec::new();
        for row in rows.get_untracked() {
            match row {
                // A time a unit asked for stays; one already past is the server's to keep, and
                // sending it would be refused as past.
                TimeRow::Taken(at, _) if at > now => {
                    times.push(at);
                    keys.push(None);
                }
                TimeRow::Taken(..) => {}
                TimeRow::Open { key, date, clock } => {
                    let at = NaiveDate::parse_from_str(date.get_untracked().trim(), "%Y-%m-%d")
                        .ok()
                        .zip(NaiveTime::parse_from_str(clock.get_untracked().trim(), "%H:%M").ok())
                        .and_then(|(d, t)| super::in_zone(d.and_time(t), &zone));
                    match at {
                        Some(at) => {
                            times.push(at);
                            keys.push(Some(key));
                        }
                        None => bad.push(key),
                    }
                }
            }
        }
        if !bad.is_empty() {
            faults.push(FieldFault {
                id: TIMES_ID,
                label: O::TimesLegend.into(),
                code: FieldCode::InvalidFormat,
            });
        }
        bad_rows.set(bad);
        if !faults.is_empty() {
            fail(faults);
            return;
        }
        let (Ok(duration_minutes), Ok(max_residents)) = (duration_minutes, max_residents) else {
            return;
        };
        let trimmed = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        let body = ProgrammeOfferInput {
            library: library.get_value(),
            title: Localized {
                fi: trimmed(title_fi),
                sv: trimmed(title_sv),
                en: trimmed(title_en),
            },
            description: Localized {
                fi: trimmed(desc_fi),
                sv: trimmed(desc_sv),
                en: trimmed(desc_en),
            },
            duration_minutes,
            max_residents,
            times,
            published: published.get_untracked(),
        };
        let lang = lang.get_untracked();
        let id = current.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let result =
                session
                    .authorized(lang, |token| {
                        let (id, body) = (id.clone(), body.clone());
                        async move {
                            api::save_programme_offer(&token, id.as_deref(), &body, lang).await
                        }
                    })
                    .await;
            busy.set(false);
            match result {
                Ok(offer) => {
                    current.set(Some(offer.id));
                    errors.set(FormErrors::default());
                    saved.set(true);
                }
                Err(e) => {
                    // A time the server refused is marked on its own row too.
                    let at_fault: Vec<u32> = e
                        .problem
                        .errors
                        .iter()
                        .filter_map(|f| {
                            let i = f.field.strip_prefix("times[")?.strip_suffix(']')?;
                            keys.get(i.parse::<usize>().ok()?).copied().flatten()
                        })
                        .collect();
                    bad_rows.set(at_fault);
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };

    let add_time = move |_| {
        let row = open_row(String::new(), "13:00".to_owned());
        let key = match &row {
            TimeRow::Open { key, .. } => *key,
            TimeRow::Taken(..) => 0,
        };
        rows.update(|r| r.push(row));
        request_animation_frame(move || focus_id(&format!("time-{key}-date")));
    };
    let time_rows = move || {
        let l = lang.get();
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, row)| match row {
                TimeRow::Taken(start, end) => view! {
                    <li class="time-row">
                        <p><strong>{booking::when(l, start, end)}</strong> " " {O::TimeTaken.text(l)}</p>
                    </li>
                }
                .into_any(),
                TimeRow::Open { key, date, clock } => {
                    let date_id = format!("time-{key}-date");
                    let clock_id = format!("time-{key}-clock");
                    let legend = offers::nth_time(l, i + 1);
                    let invalid = move || bad_rows.with(|b| b.contains(&key)).then_some("true");
                    view! {
                        <li class="time-row">
                            <fieldset>
                                <legend>{legend.clone()}</legend>
                                <div class="field">
                                    <label for=date_id.clone()>{O::DateLabel.text(l)}</label>
                                    <input id=date_id.clone() type="date" bind:value=date aria-invalid=invalid
                                        aria-describedby=move || invalid().map(|_| TIMES_ERROR_ID) />
                                </div>
                                <div class="field">
                                    <label for=clock_id.clone()>{O::TimeLabel.text(l)}</label>
                                    <input id=clock_id type="time" bind:value=clock aria-invalid=invalid
                                        aria-describedby=move || invalid().map(|_| TIMES_ERROR_ID) />
                                </div>
                                <button type="button" class="button button-secondary"
                                    on:click=move |_| {
                                        rows.update(|r| r.retain(|x| !matches!(x, TimeRow::Open { key: k, .. } if *k == key)));
                                        // The pressed button is gone with its row: keep the keyboard in the list.
                                        request_animation_frame(|| focus_id(ADD_TIME_ID));
                                    }>
                                    {O::RemoveTime.text(l)}<span class="visually-hidden">{format!(" ({legend})")}</span>
                                </button>
                            </fieldset>
                        </li>
                    }
                    .into_any()
                }
            })
            .collect_view()
    };
    let heading = if offer.is_some() {
        O::EditHeading
    } else {
        O::NewHeading
    };
    view! {
        <h2>{tr(heading)}</h2>
        {move || saved.get().then(|| view! { <p class="confirmation" role="status">{O::Saved.text(lang.get())}</p> })}
        <ErrorSummary errors=errors node_ref=summary id="offer-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <Field id=TITLE_FI label=O::TitleFi autocomplete="off" value=title_fi errors=errors />
            <Field id=TITLE_SV label=O::TitleSv autocomplete="off" value=title_sv errors=errors />
            <Field id=TITLE_EN label=O::TitleEn autocomplete="off" value=title_en errors=errors />
            <Field id=DESC_FI label=O::DescriptionFi autocomplete="off" value=desc_fi errors=errors rows=4 />
            <Field id=DESC_SV label=O::DescriptionSv hint=O::TranslationHint autocomplete="off" value=desc_sv errors=errors rows=4 />
            <Field id=DESC_EN label=O::DescriptionEn hint=O::TranslationHint autocomplete="off" value=desc_en errors=errors rows=4 />
            <Field id=DURATION_ID label=O::DurationLabel hint=O::DurationHint kind="number" inputmode="numeric"
                autocomplete="off" value=duration errors=errors />
            <Field id=MAX_ID label=O::MaxResidentsLabel hint=O::MaxResidentsHint kind="number" inputmode="numeric"
                autocomplete="off" value=max errors=errors />
            <div class="checkbox">
                <input type="checkbox" id="offer-published" prop:checked=move || published.get()
                    on:change=move |ev| published.set(event_target_checked(&ev)) />
                <label for="offer-published">{tr(O::PublishedLabel)}</label>
            </div>
            <fieldset id=TIMES_ID tabindex="-1" aria-describedby="offer-times-hint">
                <legend>{tr(O::TimesLegend)}</legend>
                <p class="hint" id="offer-times-hint">{tr(O::TimesHint)}</p>
                {move || errors.with(|e| e.field(TIMES_ID)).map(|code| view! {
                    <p class="error-message" id=TIMES_ERROR_ID>{code.message(lang.get())}</p>
                })}
                <ul class="time-rows">{time_rows}</ul>
                <p><button type="button" id=ADD_TIME_ID class="button button-secondary" on:click=add_time>{tr(O::AddTime)}</button></p>
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(O::Save)}</button>
        </form>
    }
    .into_any()
}
