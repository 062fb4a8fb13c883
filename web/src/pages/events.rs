//! The coming events and one event's page with its registration form.
//!
//! The list is grouped by day and filtered by kind, audience and place; the filters live in the
//! query string (`/events?category=reading_circle`), so Back, reload and a shared link keep them. An
//! event's page says when, where, how many places are left and what accessibility help there is,
//! links its calendar file, and lets a signed-in patron or a guest register: for this time only or,
//! for a repeating event, for every coming time.

use chrono::{Datelike, NaiveDate};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use etakirjasto_shared::{
    Audience, Event, EventCategory, EventMode, EventStatus, FieldCode, Lang, NewRegistration,
    RegistrationStatus, SeatType,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{Events, Text, Ui, booking, events};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, event_href};
use crate::session::{Phase, use_session};

/// The filters of the list, as in the query string, and the month shown as a calendar (`month=2026-12`;
/// absent: the coming events as a list).
#[derive(Debug, Clone, Default, PartialEq)]
struct Filters {
    /// One library's events; all the region's without it.
    library: Option<String>,
    category: Option<EventCategory>,
    audience: Option<Audience>,
    mode: Option<EventMode>,
    month: Option<(i32, u32)>,
}

impl Filters {
    fn from_query(q: &leptos_router::params::ParamsMap) -> Filters {
        Filters {
            library: q
                .get("library")
                .filter(|v| etakirjasto_shared::validate::slug(v).is_ok()),
            category: q.get("category").and_then(|v| EventCategory::parse(&v)),
            audience: q.get("audience").and_then(|v| Audience::parse(&v)),
            mode: q.get("mode").and_then(|v| EventMode::parse(&v)),
            month: q.get("month").and_then(|v| {
                let (y, m) = v.split_once('-')?;
                let (y, m) = (y.parse().ok()?, m.parse().ok()?);
                NaiveDate::from_ymd_opt(y, m, 1).map(|_| (y, m))
            }),
        }
    }

    /// The page's address with these filters.
    fn href(&self) -> String {
        let query = self.query();
        if query.is_empty() {
            Page::Events.href().to_owned()
        } else {
            format!("{}?{query}", Page::Events.href())
        }
    }

    /// The API's query: the filters, and for a month the days around it (every offset lies within
    /// 14 hours of UTC; the month's own days are picked by the events' local dates).
    fn api_query(&self) -> String {
        let mut query = Filters {
            month: None,
            ..self.clone()
        }
        .query();
        if let Some((first, next)) = self.month.and_then(month_bounds) {
            let around = |d: NaiveDate| d.format("%Y-%m-%dT00:00:00Z").to_string();
            query.push_str(&format!(
                "&from={}&to={}",
                api::encode(&around(first - chrono::Duration::days(1))),
                api::encode(&around(next + chrono::Duration::days(1)))
            ));
        }
        query
    }

    /// The query string, without the `?`.
    fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = &self.library {
            parts.push(format!("library={}", api::encode(l)));
        }
        if let Some(c) = self.category {
            parts.push(format!("category={}", c.as_str()));
        }
        if let Some(a) = self.audience {
            parts.push(format!("audience={}", a.as_str()));
        }
        if let Some(m) = self.mode {
            parts.push(format!("mode={}", m.as_str()));
        }
        if let Some((y, m)) = self.month {
            parts.push(format!("month={y:04}-{m:02}"));
        }
        parts.join("&")
    }
}

/// The first day of a month and of the next.
fn month_bounds((year, month): (i32, u32)) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some((first, next))
}

/// The coming events.
#[component]
pub fn EventsPage() -> impl IntoView {
    use_title(Events::Title);
    let lang = use_lang();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(Filters::from_query));
    let list = LocalResource::new(move || {
        let filters = filters.get();
        let lang = lang.get_untracked();
        async move {
            api::events(&filters.api_query(), lang)
                .await
                .map_err(|e| e.code())
        }
    });
    let body = move || {
        let lang = lang.get();
        match list.get() {
            None => view! { <p role="status">{Ui::Loading.text(lang)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(lang)}</p> }.into_any(),
            Some(Ok(found)) => match filters.get().month {
                Some(month) => month_view(found, month, &filters.get(), lang).into_any(),
                None if found.is_empty() => {
                    view! { <p class="notice" role="status">{Events::NoneFound.text(lang)}</p> }
                        .into_any()
                }
                None => days(found, lang).into_any(),
            },
        }
    };
    let library = use_library();
    // The month view opens on the library's current month.
    let views = move || {
        let f = filters.get();
        let this_month = {
            let today = crate::pages::staff::today(
                &library
                    .get()
                    .map_or_else(|| "Europe/Helsinki".to_owned(), |l| l.time_zone),
            );
            (today.year(), today.month())
        };
        let list = Filters {
            month: None,
            ..f.clone()
        }
        .href();
        let month = Filters {
            month: Some(f.month.unwrap_or(this_month)),
            ..f.clone()
        }
        .href();
        let in_month = f.month.is_some();
        view! {
            <nav class="view-switch" aria-label=move || Events::ViewLabel.text(lang.get())>
                <a href=list aria-current=(!in_month).then_some("page")>{tr(Events::ListView)}</a>
                " "
                <a href=month aria-current=in_month.then_some("page")>{tr(Events::MonthView)}</a>
            </nav>
        }
    };
    view! {
        <h1>{tr(Events::Title)}</h1>
        <p class="lead">{tr(Events::Intro)}</p>
        <FilterForm current=filters />
        {views}
        <div>{body}</div>
    }
}

/// The filters as a form of three selects; submitting puts them in the address.
#[component]
fn FilterForm(current: Memo<Filters>) -> impl IntoView {
    let navigate = use_navigate();
    let library = use_library();
    let chosen_library = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let audience = RwSignal::new(String::new());
    let mode = RwSignal::new(String::new());
    Effect::new(move || {
        let f = current.get();
        chosen_library.set(f.library.clone().unwrap_or_default());
        category.set(
            f.category
                .map(|c| c.as_str().to_owned())
                .unwrap_or_default(),
        );
        audience.set(
            f.audience
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
        );
        mode.set(f.mode.map(|m| m.as_str().to_owned()).unwrap_or_default());
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked = chosen_library.get_untracked();
        let chosen = Filters {
            library: (!picked.is_empty()).then_some(picked),
            category: EventCategory::parse(&category.get_untracked()),
            audience: Audience::parse(&audience.get_untracked()),
            mode: EventMode::parse(&mode.get_untracked()),
            month: current.get_untracked().month,
        };
        navigate(&chosen.href(), Default::default());
    };
    let lang = use_lang();
    let options = move |all: Vec<(&'static str, &'static str)>| {
        let mut out = vec![(String::new(), Events::Any.text(lang.get()).to_owned())];
        out.extend(all.into_iter().map(|(v, t)| (v.to_owned(), t.to_owned())));
        out
    };
    let categories = move || {
        let l = lang.get();
        options(
            EventCategory::ALL
                .iter()
                .map(|c| (c.as_str(), events::category(l, *c)))
                .collect(),
        )
    };
    let audiences = move || {
        let l = lang.get();
        options(
            Audience::ALL
                .iter()
                .map(|a| (a.as_str(), events::audience(l, *a)))
                .collect(),
        )
    };
    let libraries = move || {
        let mut out = vec![(
            String::new(),
            Events::AllLibraries.text(lang.get()).to_owned(),
        )];
        out.extend(library.all().into_iter().map(|l| (l.slug, l.name)));
        out
    };
    let modes = move || {
        let l = lang.get();
        options(
            EventMode::ALL
                .iter()
                .map(|m| (m.as_str(), events::mode(l, *m)))
                .collect(),
        )
    };
    view! {
        <form class="form filters" on:submit=on_submit>
            <fieldset>
                <legend>{tr(Events::FilterLegend)}</legend>
                <Show when=move || { library.all().len() > 1 }>
                    <Select id="filter-library" label=Events::LibraryLabel value=chosen_library options=Signal::derive(libraries) />
                </Show>
                <Select id="filter-category" label=Events::KindLabel value=category options=Signal::derive(categories) />
                <Select id="filter-audience" label=Events::AudienceLabel value=audience options=Signal::derive(audiences) />
                <Select id="filter-mode" label=Events::WhereLabel value=mode options=Signal::derive(modes) />
                <button type="submit" class="button">{tr(Events::Show)}</button>
            </fieldset>
        </form>
    }
}

/// A labelled select bound to a string (empty for "all").
#[component]
fn Select(
    id: &'static str,
    label: Events,
    value: RwSignal<String>,
    options: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            <select id=id name=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || options.get().into_iter().map(|(v, t)| {
                    let selected = value.get() == v;
                    view! { <option value=v selected=selected>{t}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The events grouped under a heading per day.
fn days(found: Vec<Event>, lang: Lang) -> impl IntoView {
    let mut groups: Vec<(chrono::NaiveDate, Vec<Event>)> = Vec::new();
    for e in found {
        let day = e.start.date_naive();
        match groups.last_mut() {
            Some((d, list)) if *d == day => list.push(e),
            _ => groups.push((day, vec![e])),
        }
    }
    groups
        .into_iter()
        .map(|(day, list)| {
            view! {
                <section class="event-day">
                    <h2>{booking::day(lang, day)}</h2>
                    <ul class="event-list">
                        {list.into_iter().map(|e| view! { <EventItem event=e lang=lang /> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view()
}

/// A month as a calendar table (a week a row, Monday first), each day with its events' times and
/// titles as links, and links to the months before and after.
fn month_view(
    found: Vec<Event>,
    month: (i32, u32),
    filters: &Filters,
    lang: Lang,
) -> impl IntoView {
    let Some((first, next)) = month_bounds(month) else {
        return ().into_any();
    };
    let mut by_day: std::collections::BTreeMap<NaiveDate, Vec<Event>> = Default::default();
    for e in found {
        let day = e.start.date_naive();
        if day >= first && day < next {
            by_day.entry(day).or_default().push(e);
        }
    }
    let empty = by_day.is_empty();
    let lead = first.weekday().num_days_from_monday() as usize;
    let mut cells: Vec<Option<NaiveDate>> = vec![None; lead];
    cells.extend(first.iter_days().take_while(|d| *d < next).map(Some));
    while !cells.len().is_multiple_of(7) {
        cells.push(None);
    }
    let before = first.pred_opt().unwrap_or(first);
    let other = |d: NaiveDate| {
        Filters {
            month: Some((d.year(), d.month())),
            ..filters.clone()
        }
        .href()
    };
    let rows = cells
        .chunks(7)
        .map(|week| {
            let days = week
                .iter()
                .map(|cell| match cell {
                    None => view! { <td class="month-empty"></td> }.into_any(),
                    Some(d) => {
                        let list = by_day.remove(d).unwrap_or_default();
                        view! {
                            <td>
                                <span class="day-number">{d.day()}</span>
                                {(!list.is_empty()).then(|| view! {
                                    <ul>
                                        {list.into_iter().map(|e| {
                                            let label = format!(
                                                "{} {}",
                                                booking::time_range(lang, e.start.time(), e.end.time()),
                                                e.title.get(lang)
                                            );
                                            view! { <li><a href=event_href(&e.id)>{label}</a></li> }
                                        }).collect_view()}
                                    </ul>
                                })}
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! { <tr>{days}</tr> }
        })
        .collect_view();
    view! {
        <nav class="month-nav" aria-label=events::month_title(lang, month.0, month.1)>
            <a href=other(before)>{format!("← {}: {}", Events::PreviousMonth.text(lang), events::month_title(lang, before.year(), before.month()))}</a>
            " "
            <a href=other(next)>{format!("{}: {} →", Events::NextMonth.text(lang), events::month_title(lang, next.year(), next.month()))}</a>
        </nav>
        <div class="month-scroll" role="region" aria-labelledby="month-caption" tabindex="0">
            <table class="month-table">
                <caption id="month-caption">{events::month_title(lang, month.0, month.1)}</caption>
                <thead>
                    <tr>
                        {(1..=7u8).map(|d| view! {
                            <th scope="col"><abbr title=crate::i18n::weekday(lang, d).unwrap_or_default()>{events::weekday_short(lang, d)}</abbr></th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p class="notice" role="status">{Events::NoneInMonth.text(lang)}</p> })}
    }
    .into_any()
}

/// One event in the list.
#[component]
fn EventItem(event: Event, lang: Lang) -> impl IntoView {
    // On a regional instance each event names its library.
    let libraries = use_library().all();
    let library = (libraries.len() > 1)
        .then(|| libraries.into_iter().find(|l| l.slug == event.library))
        .flatten()
        .map(|l| view! { <p class="event-library">{l.name}</p> });
    let title = event.title.get(lang).to_owned();
    let time = booking::time_range(lang, event.start.time(), event.end.time());
    let facts = format!(
        "{time} · {} · {}",
        events::mode(lang, event.mode),
        events::category(lang, event.category)
    );
    let cancelled = event.status == EventStatus::Cancelled;
    view! {
        <li class="event-item">
            <h3><a href=event_href(&event.id)>{title}</a></h3>
            {library}
            <p>{facts}</p>
            {cancelled.then(|| view! { <p class="tag">{Events::Cancelled.text(lang)}</p> })}
            {(!cancelled && event.registration_required).then(|| view! { <p>{places(&event, lang)}</p> })}
        </li>
    }
}

/// "Places: 5 free at the library, full online".
fn places(event: &Event, lang: Lang) -> String {
    format!(
        "{}: {}",
        Events::Places.text(lang),
        places_left(event, lang)
    )
}

/// "5 free at the library, full online".
fn places_left(event: &Event, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(s) = event.on_site {
        parts.push(format!(
            "{} {}",
            events::places_left(lang, s.capacity.saturating_sub(s.taken)),
            Events::OnSitePlaces.text(lang)
        ));
    }
    if let Some(s) = event.online {
        parts.push(format!(
            "{} {}",
            events::places_left(lang, s.capacity.saturating_sub(s.taken)),
            Events::OnlinePlaces.text(lang)
        ));
    }
    parts.join(", ")
}

/// One event's page.
#[component]
pub fn EventPage() -> impl IntoView {
    use_title(Events::Title);
    let lang = use_lang();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let event = LocalResource::new(move || {
        let id = id.get();
        let lang = lang.get_untracked();
        // Signed in, the answer carries the video link when this person may see it.
        let signed_in = session.phase.get() == Phase::SignedIn;
        async move {
            let answer = if signed_in {
                session
                    .authorized(lang, |token| {
                        let id = id.clone();
                        async move { api::event(&id, lang, Some(&token)).await }
                    })
                    .await
            } else {
                api::event(&id, lang, None).await
            };
            answer.map_err(|e| e.code())
        }
    });
    Effect::new(move || {
        if let Some(Ok(e)) = event.get() {
            document().set_title(&format!(
                "{} – {}",
                e.title.get(lang.get()),
                crate::i18n::PRODUCT_NAME
            ));
        }
    });
    let body = move || {
        let lang_now = lang.get();
        match event.get() {
            None => view! { <p role="status">{Ui::Loading.text(lang_now)}</p> }.into_any(),
            Some(Err(code)) => view! {
                <h1>{Events::Title.text(lang_now)}</h1>
                <p class="notice">{code.message(lang_now)}</p>
            }
            .into_any(),
            Some(Ok(e)) => view! { <EventDetails event=e /> }.into_any(),
        }
    };
    view! {
        <p class="back"><a href=Page::Events.href()>{tr(Events::BackToList)}</a></p>
        {body}
    }
}

/// What the page says about an event, and its registration form.
#[component]
fn EventDetails(event: Event) -> impl IntoView {
    let lang = use_lang();
    let e = StoredValue::new(event);
    let text = move |f: fn(&Event, Lang) -> String| move || e.with_value(|e| f(e, lang.get()));
    let title = text(|e, l| e.title.get(l).to_owned());
    let description = text(|e, l| e.description.get(l).to_owned());
    let when = text(|e, l| booking::when(l, e.start, e.end));
    let facts = text(|e, l| {
        format!(
            "{} · {} · {}",
            events::mode(l, e.mode),
            events::category(l, e.category),
            events::audience(l, e.audience)
        )
    });
    let room = e.with_value(|e| e.room.clone());
    let note = e.with_value(|e| e.accessibility_note.clone());
    let cancelled = e.with_value(|e| e.status == EventStatus::Cancelled);
    let registration = e.with_value(|e| e.registration_required);
    let calendar = e.with_value(|e| api::event_calendar_href(&e.id));
    let places = text(places_left);
    let join = e.with_value(|e| e.join_url.clone());
    view! {
        <h1 tabindex="-1">{title}</h1>
        {cancelled.then(|| view! { <p class="notice">{tr(Events::Cancelled)}</p> })}
        <dl class="facts">
            <dt>{tr(Events::When)}</dt>
            <dd>{when}</dd>
            <dt>{tr(Events::Place)}</dt>
            <dd>{facts}{room.map(|r| format!(", {r}"))}</dd>
            {(registration && !cancelled).then(|| view! {
                <dt>{tr(Events::Places)}</dt>
                <dd>{places}</dd>
            })}
        </dl>
        {join.map(|url| view! { <p><a class="button button-large" href=url rel="noopener">{tr(Events::JoinLink)}</a></p> })}
        <p class="description">{description}</p>
        {note.map(|n| view! {
            <section aria-labelledby="accessibility-heading">
                <h2 id="accessibility-heading">{tr(Events::Accessibility)}</h2>
                <p>{move || n.get(lang.get()).to_owned()}</p>
            </section>
        })}
        <p><a href=calendar download="event.ics">{tr(Events::AddToCalendar)}</a></p>
        <section aria-labelledby="register-heading">
            <h2 id="register-heading">{tr(Events::RegisterHeading)}</h2>
            {move || {
                let l = lang.get();
                e.with_value(|ev| {
                    if !ev.registration_required {
                        view! { <p>{Events::NoRegistration.text(l)}</p> }.into_any()
                    } else if !ev.registration_open {
                        view! { <p>{Events::RegistrationNotOpen.text(l)}</p> }.into_any()
                    } else {
                        view! { <RegistrationForm event=ev.clone() /> }.into_any()
                    }
                })
            }}
        </section>
    }
}

const SEAT_ID: &str = "seat-type";
const SEATS_ID: &str = "seats";
const NAME_ID: &str = "name";
const EMAIL_ID: &str = "email";
const PHONE_ID: &str = "phone";
const NEEDS_ID: &str = "needs";

/// What registering gave: the status of this time, or how many times a series registration covered.
#[derive(Debug, Clone, PartialEq)]
enum Done {
    One(RegistrationStatus, Option<u32>, Option<String>),
    /// How many times, and a guest's page of each (its date and link).
    Series(usize, Vec<(chrono::NaiveDate, String)>),
}

/// The registration form: seat type (hybrid events), number of people, needs, and a guest's name and
/// email or phone; for a repeating event, "every coming time".
#[component]
fn RegistrationForm(event: Event) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let seat_types: Vec<SeatType> = event.mode.seat_types().to_vec();
    let seat = RwSignal::new(seat_types.first().copied().unwrap_or(SeatType::Online));
    let seats = RwSignal::new("1".to_owned());
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let needs = RwSignal::new(String::new());
    let whole_series = RwSignal::new(false);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let done = RwSignal::new(None::<Done>);
    let busy = RwSignal::new(false);
    let guest = move || session.phase.get() != Phase::SignedIn;
    let max = event.max_seats_per_registration;
    let (event_id, series) = (event.id.clone(), event.series.clone());
    let repeats = series.is_some();

    let locate = |field: &str| -> Option<(&'static str, Events)> {
        Some(match field {
            "seat_type" => (SEAT_ID, Events::SeatLegend),
            "seats" => (SEATS_ID, Events::SeatsLabel),
            "name" => (NAME_ID, Events::NameLabel),
            "email" | "contact" => (EMAIL_ID, Events::EmailLabel),
            "phone" => (PHONE_ID, Events::PhoneLabel),
            "needs" => (NEEDS_ID, Events::NeedsLabel),
            _ => return None,
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        let Ok(count) = seats.get_untracked().trim().parse::<u32>() else {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: SEATS_ID,
                    label: Events::SeatsLabel.into(),
                    code: FieldCode::InvalidChoice,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        };
        let signed_in = !guest();
        let text = |s: RwSignal<String>| {
            let t = s.get_untracked().trim().to_owned();
            (!t.is_empty()).then_some(t)
        };
        let body = NewRegistration {
            seat_type: seat.get_untracked(),
            seats: count,
            needs: text(needs),
            name: if signed_in { None } else { text(name) },
            email: if signed_in { None } else { text(email) },
            phone: if signed_in { None } else { text(phone) },
            language: Some(lang),
            patron_consent: false,
        };
        let (event_id, series) = (event_id.clone(), series.clone());
        let all = whole_series.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let send = |token: Option<String>| {
                let (body, event_id, series) = (body.clone(), event_id.clone(), series.clone());
                async move {
                    match (&series, all) {
                        (Some(series_id), true) => {
                            let dates = api::event_series(series_id, lang)
                                .await
                                .map(|s| s.occurrences)
                                .unwrap_or_default();
                            api::register_for_series(series_id, &body, lang, token.as_deref())
                                .await
                                .map(|r| {
                                    let pages = r
                                        .registrations
                                        .iter()
                                        .filter_map(|reg| {
                                            let token = reg.manage_token.as_deref()?;
                                            let day = dates
                                                .iter()
                                                .find(|o| o.event_id == reg.event_id)?
                                                .start
                                                .date_naive();
                                            Some((
                                                day,
                                                crate::routes::registration_href(
                                                    &reg.event_id,
                                                    &reg.id,
                                                    token,
                                                ),
                                            ))
                                        })
                                        .collect();
                                    Done::Series(r.registrations.len(), pages)
                                })
                        }
                        _ => api::register_for_event(&event_id, &body, lang, token.as_deref())
                            .await
                            .map(|r| {
                                let manage = r
                                    .manage_token
                                    .as_deref()
                                    .map(|t| crate::routes::registration_href(&event_id, &r.id, t));
                                Done::One(r.status, r.waitlist_position, manage)
                            }),
                    }
                }
            };
            let result = if signed_in {
                session.authorized(lang, |token| send(Some(token))).await
            } else {
                send(None).await
            };
            busy.set(false);
            match result {
                Ok(d) => {
                    errors.set(FormErrors::default());
                    done.set(Some(d));
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };

    let seat_types = StoredValue::new(seat_types);
    let seat_choice = move || {
        let types = seat_types.get_value();
        (types.len() > 1).then(|| {
            let options = types
                .into_iter()
                .map(|s| {
                    let id = format!("{SEAT_ID}-{}", s.as_str());
                    let label = match s {
                        SeatType::OnSite => Events::SeatOnSite,
                        SeatType::Online => Events::SeatOnline,
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=SEAT_ID value=s.as_str()
                                prop:checked=move || seat.get() == s
                                on:change=move |_| seat.set(s) />
                            <label for=id>{tr(label)}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset id=SEAT_ID tabindex="-1">
                    <legend>{tr(Events::SeatLegend)}</legend>
                    {options}
                </fieldset>
            }
        })
    };
    let result = move || {
        let l = lang.get();
        done.get().map(|d| {
            let line = match &d {
                Done::One(RegistrationStatus::Waitlisted, Some(p), _) => events::waiting(l, *p),
                Done::One(..) => Events::Confirmed.text(l).to_owned(),
                Done::Series(n, _) => events::series_done(l, *n),
            };
            let (manage, pages) = match d {
                Done::One(_, _, manage) => (manage, Vec::new()),
                Done::Series(_, pages) => (None, pages),
            };
            let pages = (!pages.is_empty()).then(|| view! {
                <ul class="occurrence-links">
                    {pages.into_iter().enumerate().map(|(i, (day, href))| view! {
                        <li><a href=href>{events::manage_occurrence(l, i + 1, &crate::i18n::booking::day(l, day))}</a></li>
                    }).collect_view()}
                </ul>
            });
            view! {
                <div class="confirmation" role="status">
                    <h3>{Events::DoneHeading.text(l)}</h3>
                    <p>{line}</p>
                    {manage.map(|href| view! { <p><a href=href>{Events::ManageLink.text(l)}</a></p> })}
                    {pages}
                    <p>{Events::CannotCome.text(l)} " "
                        {library.get().map(|lib| view! { <PhoneLink phone=lib.phone /> })}</p>
                </div>
            }
        })
    };
    view! {
        <Show when=move || done.get().is_none() fallback=result>
            <ErrorSummary errors=errors node_ref=summary id="register-summary" />
            <form class="form" novalidate on:submit=on_submit.clone()>
                {seat_choice}
                <Field id=SEATS_ID label=Events::SeatsLabel kind="number" autocomplete="off"
                    inputmode="numeric" value=seats errors=errors />
                <p class="hint">{move || events::at_most(lang.get(), max)}</p>
                <Show when=guest>
                    <Field id=NAME_ID label=Events::NameLabel autocomplete="name" value=name errors=errors />
                    <p class="hint">{tr(Events::ContactHint)}</p>
                    <Field id=EMAIL_ID label=Events::EmailLabel kind="email" autocomplete="email" value=email errors=errors />
                    <Field id=PHONE_ID label=Events::PhoneLabel kind="tel" autocomplete="tel" value=phone errors=errors />
                </Show>
                <Field id=NEEDS_ID label=Events::NeedsLabel hint=Events::NeedsHint autocomplete="off" value=needs errors=errors />
                {repeats.then(|| view! {
                    <div class="checkbox">
                        <input type="checkbox" id="whole-series" prop:checked=move || whole_series.get()
                            on:change=move |ev| whole_series.set(event_target_checked(&ev))
                            aria-describedby="whole-series-hint" />
                        <label for="whole-series">{tr(Events::WholeSeries)}</label>
                        <p class="hint" id="whole-series-hint">{tr(Events::WholeSeriesHint)}</p>
                    </div>
                })}
                <button type="submit" class="button" disabled=move || busy.get()>{tr(Events::RegisterButton)}</button>
            </form>
        </Show>
    }
}

/// The signed-in person's coming event registrations, each with its time, seat, place in the queue,
/// the video link when shown, and a button to cancel; on "My bookings".
#[component]
pub fn MyRegistrations() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let version = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<Result<(), etakirjasto_shared::ErrorCode>>);
    let list = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    api::my_registrations(&token, lang).await
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let cancel = move |event_id: String, id: String| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (event_id, id) = (event_id.clone(), id.clone());
                    async move {
                        api::cancel_registration(
                            &event_id,
                            &id,
                            api::BookingKey::Bearer(&token),
                            lang,
                        )
                        .await
                    }
                })
                .await;
            notice.set(Some(result.map(drop).map_err(|e| e.code())));
            version.update(|v| *v += 1);
        });
    };
    let items = move || {
        let l = lang.get();
        match list.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(all)) => {
                let now = crate::pages::book::time_now();
                let coming: Vec<_> = all
                    .into_iter()
                    .filter(|m| {
                        m.registration.status != RegistrationStatus::Cancelled && m.event.end > now
                    })
                    .collect();
                if coming.is_empty() {
                    return view! { <p>{Events::NoRegistrations.text(l)}</p> }.into_any();
                }
                view! {
                    <ul class="booking-list">
                        {coming.into_iter().map(|m| {
                            let (e, r) = (m.event, m.registration);
                            let status = match (r.status, r.waitlist_position) {
                                (RegistrationStatus::Waitlisted, Some(p)) => events::waiting(l, p),
                                _ => Events::StatusConfirmed.text(l).to_owned(),
                            };
                            let seat = match r.seat_type {
                                SeatType::OnSite => Events::SeatOnSite,
                                SeatType::Online => Events::SeatOnline,
                            };
                            let (event_id, id) = (e.id.clone(), r.id.clone());
                            let title = e.title.get(l).to_owned();
                            view! {
                                <li class="booking-item">
                                    <h3><a href=event_href(&e.id)>{title.clone()}</a></h3>
                                    <p>{booking::when(l, e.start, e.end)}</p>
                                    <p>{format!("{} · {} · {}", seat.text(l), r.seats, status)}</p>
                                    {r.join_url.map(|url| view! {
                                        <p><a class="button" href=url rel="noopener">{Events::JoinLink.text(l)}</a></p>
                                    })}
                                    <button type="button" class="button button-secondary"
                                        on:click=move |_| cancel(event_id.clone(), id.clone())>
                                        {Events::CancelRegistration.text(l)}
                                        <span class="visually-hidden">{format!(": {title}")}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }
    };
    view! {
        <section aria-labelledby="my-registrations-heading">
            <h2 id="my-registrations-heading">{tr(Events::MyRegistrations)}</h2>
            {move || notice.get().map(|n| {
                let l = lang.get();
                match n {
                    Ok(()) => view! { <p class="confirmation" role="status">{Events::RegistrationCancelled.text(l)}</p> }.into_any(),
                    Err(code) => view! { <p class="notice" role="alert">{code.message(l)}</p> }.into_any(),
                }
            })}
            {items}
        </section>
    }
}

/// One registration's page, for a guest opening the link from the confirmation (the manage token is
/// in the fragment) or the signed-in owner: the event, the seat and a button to cancel.
#[component]
pub fn ManageRegistration() -> impl IntoView {
    use_title(Events::RegistrationTitle);
    let lang = use_lang();
    let session = use_session();
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        params.with(|p| {
            (
                p.get("id").unwrap_or_default(),
                p.get("rid").unwrap_or_default(),
            )
        })
    });
    // The router's view of the fragment: after a link within the app, the address bar's may not
    // show it yet when this page starts.
    let location = leptos_router::hooks::use_location();
    let token = Memo::new(move |_| {
        let hash = location.hash.get();
        let raw = hash
            .trim_start_matches('#')
            .strip_prefix("token=")?
            .to_owned();
        let decoded = js_sys::decode_uri_component(&raw).ok()?.as_string()?;
        (!decoded.is_empty()).then_some(decoded)
    });
    let version = RwSignal::new(0u32);
    let cancelled = RwSignal::new(None::<Result<(), etakirjasto_shared::ErrorCode>>);
    let loaded = LocalResource::new(move || {
        version.get();
        let ((event_id, id), phase) = (ids.get(), session.phase.get());
        let (lang, token) = (lang.get_untracked(), token.get());
        async move {
            let event = api::event(&event_id, lang, None).await;
            let registration = match (&token, phase) {
                (Some(t), _) => {
                    api::registration(&event_id, &id, api::BookingKey::Manage(t), lang).await
                }
                (None, Phase::SignedIn) => {
                    session
                        .authorized(lang, |t| {
                            let (event_id, id) = (event_id.clone(), id.clone());
                            async move {
                                api::registration(&event_id, &id, api::BookingKey::Bearer(&t), lang)
                                    .await
                            }
                        })
                        .await
                }
                (None, _) => Err(api::ApiError::local(
                    etakirjasto_shared::ErrorCode::NotFound,
                    lang,
                )),
            };
            event
                .and_then(|e| registration.map(|r| (e, r)))
                .map_err(|e| e.code())
        }
    });
    let cancel = move |_| {
        let lang = lang.get_untracked();
        let ((event_id, id), token) = (ids.get_untracked(), token.get_untracked());
        spawn_local(async move {
            let result = match &token {
                Some(t) => {
                    api::cancel_registration(&event_id, &id, api::BookingKey::Manage(t), lang).await
                }
                None => {
                    session
                        .authorized(lang, |t| {
                            let (event_id, id) = (event_id.clone(), id.clone());
                            async move {
                                api::cancel_registration(
                                    &event_id,
                                    &id,
                                    api::BookingKey::Bearer(&t),
                                    lang,
                                )
                                .await
                            }
                        })
                        .await
                }
            };
            cancelled.set(Some(result.map(drop).map_err(|e| e.code())));
            version.update(|v| *v += 1);
        });
    };
    let body = move || {
        let l = lang.get();
        match loaded.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok((e, r))) => {
                let status = match (r.status, r.waitlist_position) {
                    (RegistrationStatus::Waitlisted, Some(p)) => events::waiting(l, p),
                    (RegistrationStatus::Cancelled, _) => {
                        Events::RegistrationCancelled.text(l).to_owned()
                    }
                    _ => Events::StatusConfirmed.text(l).to_owned(),
                };
                let seat = match r.seat_type {
                    SeatType::OnSite => Events::SeatOnSite,
                    SeatType::Online => Events::SeatOnline,
                };
                let live = r.status != RegistrationStatus::Cancelled;
                view! {
                    <h2><a href=event_href(&e.id)>{e.title.get(l).to_owned()}</a></h2>
                    <dl class="facts">
                        <dt>{Events::When.text(l)}</dt>
                        <dd>{booking::when(l, e.start, e.end)}</dd>
                        <dt>{Events::SeatLegend.text(l)}</dt>
                        <dd>{format!("{} · {}", seat.text(l), r.seats)}</dd>
                        <dt>{crate::i18n::Programmes::Status.text(l)}</dt>
                        <dd>{status}</dd>
                    </dl>
                    {r.join_url.map(|url| view! {
                        <p><a class="button" href=url rel="noopener">{Events::JoinLink.text(l)}</a></p>
                    })}
                    {live.then(|| view! {
                        <p><button type="button" class="button button-secondary" on:click=cancel>
                            {Events::CancelRegistration.text(l)}
                        </button></p>
                    })}
                }
                .into_any()
            }
        }
    };
    view! {
        <h1>{tr(Events::RegistrationTitle)}</h1>
        {move || cancelled.get().map(|n| {
            let l = lang.get();
            match n {
                Ok(()) => view! { <p class="confirmation" role="status">{Events::RegistrationCancelled.text(l)}</p> }.into_any(),
                Err(code) => view! { <p class="notice" role="alert">{code.message(l)}</p> }.into_any(),
            }
        })}
        {body}
    }
}
