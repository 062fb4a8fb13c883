//! Staff creating or changing an event (`/staff/events?edit=new`, `?edit=<id>`): title, description
//! and accessibility note in three languages, kind and audience, on site, online or both, the date
//! and clock times in the library's zone, the place, the video link, seats of each kind, registration
//! and when it opens and closes; a new event can repeat every week or on the same weekday of every
//! month until a date. Saving goes to the event's page.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{
    Audience, Event, EventCategory, EventInput, EventMode, FieldCode, Frequency, Library,
    Localized, Repeat, Weekday,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, Label, focus_later};
use crate::i18n::{Events, Offers as O, StaffEvents as SE, Text, Ui, events};
use crate::prefs::{tr, use_lang};
use crate::routes::staff_events_href;
use crate::session::use_session;

/// A new event, or an existing one read first, with its library (time zone and branches).
#[component]
pub fn EventEditor(
    library: String,
    id: String,
    /// Set to the event's id once it is saved, for its page to say so.
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let found = LocalResource::new(move || {
        let (lang, id, library) = (lang.get_untracked(), id.clone(), library.clone());
        async move {
            let event = if id == "new" {
                None
            } else {
                let event = session
                    .authorized(lang, |token| {
                        let id = id.clone();
                        async move { api::event(&id, lang, Some(&token)).await }
                    })
                    .await
                    .map_err(|e| e.code())?;
                Some(event)
            };
            // An event is changed in its own library, whichever library the staff member is in first.
            let slug = event.as_ref().map_or(library, |e| e.library.clone());
            let details = api::library(&slug, lang).await.map_err(|e| e.code())?;
            Ok::<_, etakirjasto_shared::ErrorCode>((details, event))
        }
    });
    // Only the answer decides what is drawn: a language change must not rebuild the form and lose
    // what was typed.
    (move || match found.get() {
        None => view! { <p role="status">{tr(Ui::Loading)}</p> }.into_any(),
        Some(Err(code)) => {
            view! { <p class="notice">{move || code.message(lang.get())}</p> }.into_any()
        }
        Some(Ok((library, event))) => {
            view! { <EventForm library=library event=event saved=saved /> }.into_any()
        }
    })
    .into_any()
}

/// How a new event repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repeats {
    Once,
    Weekly,
    Monthly,
}

const TITLE_FI: &str = "title-fi";
const TITLE_SV: &str = "title-sv";
const TITLE_EN: &str = "title-en";
const DESC_FI: &str = "description-fi";
const DESC_SV: &str = "description-sv";
const DESC_EN: &str = "description-en";
const CATEGORY: &str = "event-category";
const AUDIENCE: &str = "event-audience";
const MODE: &str = "event-mode";
const DATE: &str = "event-date";
const START: &str = "event-start";
const END: &str = "event-end";
const END_DATE: &str = "event-end-date";
const BRANCH: &str = "event-branch";
const ROOM: &str = "event-room";
const JOIN_URL: &str = "join-url";
const JOIN_VISIBLE: &str = "join-visible";
const ON_SITE: &str = "on-site-capacity";
const ONLINE: &str = "online-capacity";
const MAX_SEATS: &str = "max-seats";
const OPENS_DATE: &str = "opens-date";
const OPENS_TIME: &str = "opens-time";
const CLOSES_DATE: &str = "closes-date";
const CLOSES_TIME: &str = "closes-time";
const A11Y_FI: &str = "a11y-fi";
const A11Y_SV: &str = "a11y-sv";
const A11Y_EN: &str = "a11y-en";
const REPEAT: &str = "event-repeat";
const UNTIL: &str = "event-until";

/// Where a server field is shown.
fn locate(field: &str) -> Option<(&'static str, Label)> {
    Some(match field {
        "title.fi" => (TITLE_FI, O::TitleFi.into()),
        "title.sv" => (TITLE_SV, O::TitleSv.into()),
        "title.en" => (TITLE_EN, O::TitleEn.into()),
        "description.fi" => (DESC_FI, O::DescriptionFi.into()),
        "description.sv" => (DESC_SV, O::DescriptionSv.into()),
        "description.en" => (DESC_EN, O::DescriptionEn.into()),
        "category" => (CATEGORY, SE::CategoryLabel.into()),
        "audience" => (AUDIENCE, Events::AudienceLabel.into()),
        "mode" => (MODE, SE::ModeLegend.into()),
        "start" => (START, SE::StartLabel.into()),
        "end" => (END, SE::EndLabel.into()),
        "branch" => (BRANCH, SE::BranchLabel.into()),
        "room" => (ROOM, SE::RoomLabel.into()),
        "join_url" => (JOIN_URL, SE::JoinUrlLabel.into()),
        "join_visible_minutes" => (JOIN_VISIBLE, SE::JoinVisibleLabel.into()),
        "on_site_capacity" => (ON_SITE, SE::OnSiteCapacityLabel.into()),
        "online_capacity" => (ONLINE, SE::OnlineCapacityLabel.into()),
        "max_seats_per_registration" => (MAX_SEATS, SE::MaxSeatsLabel.into()),
        "registration_opens" => (OPENS_DATE, SE::OpensLegend.into()),
        "registration_closes" => (CLOSES_DATE, SE::ClosesLegend.into()),
        "accessibility_note.fi" => (A11Y_FI, SE::A11yFi.into()),
        "accessibility_note.sv" => (A11Y_SV, SE::A11ySv.into()),
        "accessibility_note.en" => (A11Y_EN, SE::A11yEn.into()),
        f if f == "repeat" || f.starts_with("repeat.") => (UNTIL, SE::UntilLabel.into()),
        _ => return None,
    })
}

fn weekday_of(date: NaiveDate) -> Weekday {
    match date.weekday() {
        chrono::Weekday::Mon => Weekday::Monday,
        chrono::Weekday::Tue => Weekday::Tuesday,
        chrono::Weekday::Wed => Weekday::Wednesday,
        chrono::Weekday::Thu => Weekday::Thursday,
        chrono::Weekday::Fri => Weekday::Friday,
        chrono::Weekday::Sat => Weekday::Saturday,
        chrono::Weekday::Sun => Weekday::Sunday,
    }
}

/// The form; saving opens the event's page.
#[component]
fn EventForm(
    library: Library,
    event: Option<Event>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let zone = library.time_zone.clone();
    let branches = StoredValue::new(library.branches.clone());
    let e = event.as_ref();
    let s = |v: String| RwSignal::new(v);
    let title = e.map(|e| e.title.clone()).unwrap_or_default();
    let description = e.map(|e| e.description.clone()).unwrap_or_default();
    let note = e
        .and_then(|e| e.accessibility_note.clone())
        .unwrap_or_default();
    let (title_fi, title_sv, title_en) = (s(title.fi), s(title.sv), s(title.en));
    let (desc_fi, desc_sv, desc_en) = (s(description.fi), s(description.sv), s(description.en));
    let (a11y_fi, a11y_sv, a11y_en) = (s(note.fi), s(note.sv), s(note.en));
    let category = RwSignal::new(e.map_or(EventCategory::ReadingCircle, |e| e.category));
    let audience = RwSignal::new(e.map_or(Audience::Adults, |e| e.audience));
    let mode = RwSignal::new(e.map_or(EventMode::Online, |e| e.mode));
    let date = s(e
        .map(|e| e.start.date_naive().to_string())
        .unwrap_or_default());
    let end_date = s(e
        .filter(|e| e.end.date_naive() != e.start.date_naive())
        .map(|e| e.end.date_naive().to_string())
        .unwrap_or_default());
    let start = s(e.map_or("18:00".to_owned(), |e| e.start.format("%H:%M").to_string()));
    let end = s(e.map_or("19:30".to_owned(), |e| e.end.format("%H:%M").to_string()));
    let branch = s(e.and_then(|e| e.branch.clone()).unwrap_or_default());
    let room = s(e.and_then(|e| e.room.clone()).unwrap_or_default());
    let join_url = s(e.and_then(|e| e.join_url.clone()).unwrap_or_default());
    let join_visible = s(e.map_or(30, |e| e.join_visible_minutes).to_string());
    let on_site = s(e
        .and_then(|e| e.on_site.as_ref())
        .map_or(0, |x| x.capacity)
        .to_string());
    let online = s(e
        .and_then(|e| e.online.as_ref())
        .map_or(0, |x| x.capacity)
        .to_string());
    let max_seats = s(e.map_or(4, |e| e.max_seats_per_registration).to_string());
    let required = RwSignal::new(e.is_none_or(|e| e.registration_required));
    let local = |at: DateTime<chrono::Utc>| super::to_zone(at, &zone);
    // The server fills in defaults (open from creation, close at the start): shown as filled in,
    // they would be sent back as fixed times, and moving the event would leave them behind.
    let now = crate::pages::book::time_now();
    let (opens_date, opens_time) = match e {
        Some(e) if e.registration_opens > now => {
            let at = local(e.registration_opens);
            (s(at.date().to_string()), s(at.format("%H:%M").to_string()))
        }
        _ => (s(String::new()), s(String::new())),
    };
    let (closes_date, closes_time) = match e {
        Some(e) if e.registration_closes != e.start => {
            let at = local(e.registration_closes);
            (s(at.date().to_string()), s(at.format("%H:%M").to_string()))
        }
        _ => (s(String::new()), s(String::new())),
    };
    let repeats = RwSignal::new(Repeats::Once);
    let until = s(String::new());
    let is_new = event.is_none();
    let id = event.as_ref().map(|e| e.id.clone());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<leptos::html::Div>::new();
    let busy = RwSignal::new(false);
    let library = StoredValue::new(library.slug);
    let zone = StoredValue::new(zone);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut faults: Vec<FieldFault> = Vec::new();
        let mut fault = |id: &'static str, label: Label, code: FieldCode| {
            faults.push(FieldFault { id, label, code });
        };
        let text = |v: RwSignal<String>| v.get_untracked().trim().to_owned();
        let optional = |v: RwSignal<String>| Some(text(v)).filter(|t| !t.is_empty());
        let zone = zone.get_value();
        let day = NaiveDate::parse_from_str(&text(date), "%Y-%m-%d").ok();
        if day.is_none() {
            fault(DATE, O::DateLabel.into(), FieldCode::Required);
        }
        let last_day = if text(end_date).is_empty() {
            day
        } else {
            let d = NaiveDate::parse_from_str(&text(end_date), "%Y-%m-%d").ok();
            if d.is_none() {
                fault(END_DATE, SE::EndDateLabel.into(), FieldCode::InvalidFormat);
            }
            d
        };
        let at = |on: Option<NaiveDate>, clock: RwSignal<String>| {
            let t = NaiveTime::parse_from_str(&text(clock), "%H:%M").ok()?;
            super::in_zone(on?.and_time(t), &zone)
        };
        let (start_at, end_at) = (at(day, start), at(last_day, end));
        if day.is_some() && start_at.is_none() {
            fault(START, SE::StartLabel.into(), FieldCode::InvalidFormat);
        }
        if day.is_some() && last_day.is_some() && end_at.is_none() {
            fault(END, SE::EndLabel.into(), FieldCode::InvalidFormat);
        }
        // Registration opens and closes: both parts or neither.
        let moment = |d: RwSignal<String>,
                      t: RwSignal<String>|
         -> Result<Option<DateTime<FixedOffset>>, ()> {
            match (text(d).is_empty(), text(t).is_empty()) {
                (true, true) => Ok(None),
                _ => {
                    let d = NaiveDate::parse_from_str(&text(d), "%Y-%m-%d").map_err(|_| ())?;
                    let t = NaiveTime::parse_from_str(&text(t), "%H:%M").map_err(|_| ())?;
                    super::in_zone(d.and_time(t), &zone).map(Some).ok_or(())
                }
            }
        };
        let registering = required.get_untracked();
        let opens = if registering {
            moment(opens_date, opens_time)
        } else {
            Ok(None)
        };
        if opens.is_err() {
            fault(OPENS_DATE, SE::OpensLegend.into(), FieldCode::InvalidFormat);
        }
        let closes = if registering {
            moment(closes_date, closes_time)
        } else {
            Ok(None)
        };
        if closes.is_err() {
            fault(
                CLOSES_DATE,
                SE::ClosesLegend.into(),
                FieldCode::InvalidFormat,
            );
        }
        let mut number = |v: RwSignal<String>, id: &'static str, label: Label| {
            let n = text(v).parse::<u32>();
            if n.is_err() {
                faults.push(FieldFault {
                    id,
                    label,
                    code: FieldCode::InvalidChoice,
                });
            }
            n.unwrap_or_default()
        };
        let m = mode.get_untracked();
        let seats_of = |kind| m.seat_types().contains(&kind);
        let on_site_capacity = if seats_of(etakirjasto_shared::SeatType::OnSite) {
            number(on_site, ON_SITE, SE::OnSiteCapacityLabel.into())
        } else {
            0
        };
        let online_capacity = if seats_of(etakirjasto_shared::SeatType::Online) {
            number(online, ONLINE, SE::OnlineCapacityLabel.into())
        } else {
            0
        };
        let max_seats_per_registration = if registering {
            number(max_seats, MAX_SEATS, SE::MaxSeatsLabel.into())
        } else {
            4
        };
        let join_visible_minutes = number(join_visible, JOIN_VISIBLE, SE::JoinVisibleLabel.into());
        let repeat = match (is_new, repeats.get_untracked()) {
            (false, _) | (true, Repeats::Once) => None,
            (true, how) => {
                let last = NaiveDate::parse_from_str(&text(until), "%Y-%m-%d").ok();
                if last.is_none() {
                    faults.push(FieldFault {
                        id: UNTIL,
                        label: SE::UntilLabel.into(),
                        code: FieldCode::Required,
                    });
                }
                day.map(|d| Repeat {
                    frequency: if how == Repeats::Weekly {
                        Frequency::Weekly
                    } else {
                        Frequency::Monthly
                    },
                    interval: 1,
                    weekdays: vec![weekday_of(d)],
                    week_of_month: (how == Repeats::Monthly).then(|| {
                        let n = (d.day0() / 7 + 1) as i8;
                        // The fifth such weekday exists only some months: say "the last".
                        if n >= 5 { -1 } else { n }
                    }),
                    until: last,
                    count: None,
                })
            }
        };
        let (Some(start_at), Some(end_at), Ok(opens), Ok(closes)) =
            (start_at, end_at, opens, closes)
        else {
            errors.set(FormErrors {
                fields: faults,
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        if !faults.is_empty() {
            errors.set(FormErrors {
                fields: faults,
                ..Default::default()
            });
            focus_later(summary);
            return;
        }
        let localized = |fi, sv, en| Localized {
            fi: text(fi),
            sv: text(sv),
            en: text(en),
        };
        let note = localized(a11y_fi, a11y_sv, a11y_en);
        let has_place = seats_of(etakirjasto_shared::SeatType::OnSite);
        let has_link = seats_of(etakirjasto_shared::SeatType::Online);
        let body = EventInput {
            library: library.get_value(),
            title: localized(title_fi, title_sv, title_en),
            description: localized(desc_fi, desc_sv, desc_en),
            category: category.get_untracked(),
            audience: audience.get_untracked(),
            mode: m,
            start: start_at,
            end: end_at,
            branch: if has_place { optional(branch) } else { None },
            room: if has_place { optional(room) } else { None },
            join_url: if has_link { optional(join_url) } else { None },
            join_visible_minutes,
            on_site_capacity,
            online_capacity,
            max_seats_per_registration,
            registration_required: required.get_untracked(),
            registration_opens: opens,
            registration_closes: closes,
            accessibility_note: (!(note.fi.is_empty() && note.sv.is_empty() && note.en.is_empty()))
                .then_some(note),
            repeat,
        };
        let lang = lang.get_untracked();
        let id = id.clone();
        let navigate = navigate.clone();
        busy.set(true);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::save_event(&token, id.as_deref(), &body, lang).await }
                })
                .await;
            busy.set(false);
            match result {
                Ok(event) => {
                    saved.set(Some(event.id.clone()));
                    navigate(&staff_events_href(Some(&event.id)), Default::default());
                }
                Err(err) => {
                    errors.set(FormErrors::from_api(&err, locate));
                    focus_later(summary);
                }
            }
        });
    };

    let select = move |id: &'static str,
                       label: Label,
                       options: Vec<(&'static str, String)>,
                       current: Signal<&'static str>,
                       set: Callback<String>| {
        view! {
            <div class="field">
                <label for=id>{move || label.text(lang.get())}</label>
                <select id=id name=id on:change=move |ev| set.run(event_target_value(&ev))>
                    {options.into_iter().map(|(v, t)| view! {
                        <option value=v selected=move || current.get() == v>{t}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let category_select = move || {
        let l = lang.get();
        select(
            CATEGORY,
            SE::CategoryLabel.into(),
            EventCategory::ALL
                .iter()
                .map(|c| (c.as_str(), events::category(l, *c).to_owned()))
                .collect(),
            Signal::derive(move || category.get().as_str()),
            Callback::new(move |v: String| {
                if let Some(c) = EventCategory::parse(&v) {
                    category.set(c);
                }
            }),
        )
    };
    let audience_select = move || {
        let l = lang.get();
        select(
            AUDIENCE,
            Events::AudienceLabel.into(),
            Audience::ALL
                .iter()
                .map(|a| (a.as_str(), events::audience(l, *a).to_owned()))
                .collect(),
            Signal::derive(move || audience.get().as_str()),
            Callback::new(move |v: String| {
                if let Some(a) = Audience::parse(&v) {
                    audience.set(a);
                }
            }),
        )
    };
    let branch_select = move || {
        let l = lang.get();
        let mut options = vec![(String::new(), SE::NoBranch.text(l).to_owned())];
        options.extend(branches.get_value().into_iter().map(|b| (b.id, b.name)));
        view! {
            <div class="field">
                <label for=BRANCH>{SE::BranchLabel.text(l)}</label>
                <select id=BRANCH name=BRANCH on:change=move |ev| branch.set(event_target_value(&ev))>
                    {options.into_iter().map(|(v, t)| {
                        let chosen = v.clone();
                        view! { <option value=v selected=move || branch.get() == chosen>{t}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let mode_choice = move || {
        let l = lang.get();
        EventMode::ALL
            .iter()
            .map(|m| {
                let m = *m;
                let id = format!("{MODE}-{}", m.as_str());
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name=MODE value=m.as_str()
                            prop:checked=move || mode.get() == m
                            on:change=move |_| mode.set(m) />
                        <label for=id>{events::mode(l, m)}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let repeat_choice = move || {
        let l = lang.get();
        [
            (Repeats::Once, SE::RepeatNone),
            (Repeats::Weekly, SE::RepeatWeekly),
            (Repeats::Monthly, SE::RepeatMonthly),
        ]
        .into_iter()
        .map(|(r, label)| {
            let id = match r {
                Repeats::Once => "event-repeat-once",
                Repeats::Weekly => "event-repeat-weekly",
                Repeats::Monthly => "event-repeat-monthly",
            };
            view! {
                <div class="radio">
                    <input type="radio" id=id name=REPEAT prop:checked=move || repeats.get() == r
                        on:change=move |_| repeats.set(r) />
                    <label for=id>{label.text(l)}</label>
                </div>
            }
        })
        .collect_view()
    };
    let has = move |kind| mode.get().seat_types().contains(&kind);
    let clock = move |id: &'static str, label: Label, value: RwSignal<String>| {
        let fault = move || errors.with(|e| e.field(id)).is_some();
        view! {
            <div class="field" class:field-error=fault>
                <label for=id>{move || label.text(lang.get())}</label>
                {move || errors.with(|e| e.field(id)).map(|c| view! {
                    <p class="error-message" id=format!("{id}-error")>{c.message(lang.get())}</p>
                })}
                <input id=id name=id type="time" bind:value=value aria-invalid=move || fault().then_some("true")
                    aria-describedby=move || fault().then(|| format!("{id}-error")) />
            </div>
        }
    };
    let day_input = move |id: &'static str, label: Label, value: RwSignal<String>| {
        let fault = move || errors.with(|e| e.field(id)).is_some();
        view! {
            <div class="field" class:field-error=fault>
                <label for=id>{move || label.text(lang.get())}</label>
                {move || errors.with(|e| e.field(id)).map(|c| view! {
                    <p class="error-message" id=format!("{id}-error")>{c.message(lang.get())}</p>
                })}
                <input id=id name=id type="date" bind:value=value aria-invalid=move || fault().then_some("true")
                    aria-describedby=move || fault().then(|| format!("{id}-error")) />
            </div>
        }
    };
    let heading = if is_new {
        SE::NewHeading
    } else {
        SE::EditHeading
    };
    view! {
        <h2>{tr(heading)}</h2>
        <ErrorSummary errors=errors node_ref=summary id="event-form-summary" />
        <form class="form event-form" novalidate on:submit=on_submit>
            <Field id=TITLE_FI label=O::TitleFi autocomplete="off" value=title_fi errors=errors />
            <Field id=TITLE_SV label=O::TitleSv autocomplete="off" value=title_sv errors=errors />
            <Field id=TITLE_EN label=O::TitleEn autocomplete="off" value=title_en errors=errors />
            <Field id=DESC_FI label=O::DescriptionFi autocomplete="off" value=desc_fi errors=errors rows=4 />
            <Field id=DESC_SV label=O::DescriptionSv hint=O::TranslationHint autocomplete="off" value=desc_sv errors=errors rows=4 />
            <Field id=DESC_EN label=O::DescriptionEn hint=O::TranslationHint autocomplete="off" value=desc_en errors=errors rows=4 />
            {category_select}
            {audience_select}
            <fieldset id=MODE tabindex="-1">
                <legend>{tr(SE::ModeLegend)}</legend>
                {mode_choice}
            </fieldset>
            {day_input(DATE, O::DateLabel.into(), date)}
            {clock(START, SE::StartLabel.into(), start)}
            {clock(END, SE::EndLabel.into(), end)}
            {day_input(END_DATE, SE::EndDateLabel.into(), end_date)}
            <Show when=move || has(etakirjasto_shared::SeatType::OnSite)>
                {branch_select}
                <Field id=ROOM label=SE::RoomLabel autocomplete="off" value=room errors=errors />
                <Field id=ON_SITE label=SE::OnSiteCapacityLabel kind="number" inputmode="numeric" autocomplete="off" value=on_site errors=errors />
            </Show>
            <Show when=move || has(etakirjasto_shared::SeatType::Online)>
                <Field id=JOIN_URL label=SE::JoinUrlLabel hint=SE::JoinUrlHint kind="url" autocomplete="off" value=join_url errors=errors />
                <Field id=JOIN_VISIBLE label=SE::JoinVisibleLabel kind="number" inputmode="numeric" autocomplete="off" value=join_visible errors=errors />
                <Field id=ONLINE label=SE::OnlineCapacityLabel kind="number" inputmode="numeric" autocomplete="off" value=online errors=errors />
            </Show>
            <div class="checkbox">
                <input type="checkbox" id="registration-required" prop:checked=move || required.get()
                    on:change=move |ev| required.set(event_target_checked(&ev)) />
                <label for="registration-required">{tr(SE::RegistrationRequiredLabel)}</label>
            </div>
            <Show when=move || required.get()>
                <Field id=MAX_SEATS label=SE::MaxSeatsLabel kind="number" inputmode="numeric" autocomplete="off" value=max_seats errors=errors />
                <fieldset>
                    <legend>{tr(SE::OpensLegend)}</legend>
                    {day_input(OPENS_DATE, O::DateLabel.into(), opens_date)}
                    {clock(OPENS_TIME, O::TimeLabel.into(), opens_time)}
                </fieldset>
                <fieldset>
                    <legend>{tr(SE::ClosesLegend)}</legend>
                    {day_input(CLOSES_DATE, O::DateLabel.into(), closes_date)}
                    {clock(CLOSES_TIME, O::TimeLabel.into(), closes_time)}
                </fieldset>
            </Show>
            <Field id=A11Y_FI label=SE::A11yFi hint=SE::A11yHint autocomplete="off" value=a11y_fi errors=errors />
            <Field id=A11Y_SV label=SE::A11ySv autocomplete="off" value=a11y_sv errors=errors />
            <Field id=A11Y_EN label=SE::A11yEn autocomplete="off" value=a11y_en errors=errors />
            {is_new.then(|| view! {
                <fieldset id=REPEAT tabindex="-1">
                    <legend>{tr(SE::RepeatLabel)}</legend>
                    {repeat_choice}
                </fieldset>
                <Show when=move || repeats.get() != Repeats::Once>
                    {day_input(UNTIL, SE::UntilLabel.into(), until)}
                    <p class="hint">{tr(SE::UntilHint)}</p>
                </Show>
            })}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(SE::Save)}</button>
        </form>
    }
    .into_any()
}
