//! The home-delivery service for staff (`/staff/home-service`): the applications waiting (approve,
//! or decline with a reason the applicant is given), this week's visits, overdue and missed visits,
//! and a day's round (`?round=2026-12-01`): the stops by postcode and street with addresses, phones,
//! notes and what to bring and collect, with a clean print layout. A volunteer opens the round too
//! and sees their own stops; everything else is for the library's staff with the home-service role.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{
    ErrorCode, FieldCode, HomeServiceApplication, HomeServiceClient, HomeServiceFigures,
    HomeServiceVisit, Lang, RoundStop, VisitItem, VisitStatus, dates,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{HomeService as H, Text, Ui, home_service as words};
use crate::pages::me::SignInPrompt;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{staff_home_client_href, staff_home_service_href};
use crate::session::{Phase, Session, use_session};

/// The page: the dashboard, or the round of the day in the address.
#[component]
pub fn StaffHomeService() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let round = Memo::new(move |_| {
        query.with(|q| q.get("round").and_then(|d| d.parse::<NaiveDate>().ok()))
    });
    let client = Memo::new(move |_| query.with(|q| q.get("client")));
    move || match (round.get(), client.get()) {
        (Some(day), _) => view! { <Round day=day /> }.into_any(),
        (None, Some(id)) => view! {
            {move || {
                let me = session.me();
                if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                    return refused;
                }
                view! { <super::home_client::ClientPage id=id.clone() /> }.into_any()
            }}
        }
        .into_any(),
        (None, None) => {
            use_title(H::Title);
            view! {
                <h1>{tr(H::Title)}</h1>
                {move || {
                    let me = session.me();
                    if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                        return refused;
                    }
                    let library = super::staff_library(me);
                    view! { <Dashboard library=library /> }.into_any()
                }}
            }
            .into_any()
        }
    }
}

/// A day written out: "tiistai 1.12.2026".
pub(super) fn day_text(lang: Lang, day: NaiveDate) -> String {
    let weekday = dates::weekday(lang, day.weekday().number_from_monday() as u8);
    match lang {
        Lang::En => format!(
            "{weekday} {} {} {}",
            day.day(),
            dates::month(lang, day.month()),
            day.year()
        ),
        _ => format!("{weekday} {}.{}.{}", day.day(), day.month(), day.year()),
    }
}

pub(super) fn items_text(lang: Lang, items: &[VisitItem]) -> String {
    if items.is_empty() {
        return H::Nothing.text(lang).to_owned();
    }
    items
        .iter()
        .map(|i| {
            let by = i
                .author
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default();
            format!("{}{by} ({})", i.title, words::format(lang, i.format))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

async fn with_token<T, F>(
    session: Session,
    lang: Lang,
    call: impl Fn(String) -> F,
) -> Result<T, ErrorCode>
where
    F: Future<Output = api::ApiResult<T>>,
{
    session.authorized(lang, call).await.map_err(|e| e.code())
}

/// What the queue shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QueueState {
    Loading,
    Failed(ErrorCode),
    Empty,
    Ready,
}

/// Focuses the first element matching `selector` once the browser has drawn it.
pub(super) fn focus_soon(selector: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().query_selector(selector).ok().flatten() {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The queue, the week's visits, the late ones and the round picker.
#[component]
fn Dashboard(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = StoredValue::new(library);
    let version = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<H>);
    // One decline form open at a time (its field has one id).
    let declining = RwSignal::new(None::<String>);
    let today = super::today("Europe/Helsinki");
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let queue = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library.get_value();
        with_token(session, lang, move |token| {
            let library = library.clone();
            async move { api::home_service_queue(&token, &library, lang).await }
        })
    });
    let queue_items = Memo::new(move |_| queue.get().and_then(Result::ok).unwrap_or_default());
    let queue_state = Memo::new(move |_| match queue.get() {
        None => QueueState::Loading,
        Some(Err(code)) => QueueState::Failed(code),
        Some(Ok(list)) if list.is_empty() => QueueState::Empty,
        Some(Ok(_)) => QueueState::Ready,
    });
    let week = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library.get_value();
        let (from, to) = (monday.to_string(), (monday + Duration::days(6)).to_string());
        with_token(session, lang, move |token| {
            let (library, from, to) = (library.clone(), from.clone(), to.clone());
            async move { api::home_visits(&token, &library, &from, &to, None, lang).await }
        })
    });
    let late = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library.get_value();
        let (from, to) = (
            (today - Duration::days(28)).to_string(),
            (today - Duration::days(1)).to_string(),
        );
        with_token(session, lang, move |token| {
            let (library, from, to) = (library.clone(), from.clone(), to.clone());
            async move {
                let mut late =
                    api::home_visits(&token, &library, &from, &to, Some("planned"), lang).await?;
                late.extend(
                    api::home_visits(&token, &library, &from, &to, Some("missed"), lang).await?,
                );
                late.sort_by_key(|v| v.day);
                Ok(late)
            }
        })
    });
    let clients = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library.get_value();
        with_token(session, lang, move |token| {
            let library = library.clone();
            async move { api::home_clients(&token, &library, lang).await }
        })
    });
    let figures = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library.get_value();
        let to = today.format("%Y-%m").to_string();
        let first = today.with_day(1).unwrap_or(today);
        let from = (0..5)
            .fold(first, |d, _| {
                (d - Duration::days(1)).with_day(1).unwrap_or(d)
            })
            .format("%Y-%m")
            .to_string();
        with_token(session, lang, move |token| {
            let (library, from, to) = (library.clone(), from.clone(), to.clone());
            async move { api::home_figures(&token, &library, &from, &to, lang).await }
        })
    });
    let round_day = RwSignal::new((today + Duration::days(1)).to_string());
    let navigate = leptos_router::hooks::use_navigate();
    let round_errors = RwSignal::new(FormErrors::default());
    let round_summary = NodeRef::<leptos::html::Div>::new();
    let show_round = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let raw = round_day.get_untracked();
        match raw.trim().parse::<NaiveDate>() {
            Ok(day) => navigate(&staff_home_service_href(Some(day)), Default::default()),
            Err(_) => {
                let code = if raw.trim().is_empty() {
                    FieldCode::Required
                } else {
                    FieldCode::InvalidFormat
                };
                round_errors.set(FormErrors {
                    fields: vec![FieldFault {
                        id: ROUND_DATE_ID,
                        label: H::RoundDate.into(),
                        code,
                    }],
                    ..FormErrors::default()
                });
                focus_later(round_summary);
            }
        }
    };
    view! {
        <p>{tr(H::Intro)}</p>
        // Always in the page, so what is put in it is announced; it takes focus after a decision.
        <div role="status" class="home-live">
            {move || notice.get().map(|n| view! { <p class="confirmation home-notice" tabindex="-1">{n.text(lang.get())}</p> })}
        </div>
        <h2>{tr(H::QueueHeading)}</h2>
        {move || {
            let l = lang.get();
            match queue_state.get() {
                QueueState::Loading => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                QueueState::Failed(code) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                QueueState::Empty => view! { <p>{H::QueueEmpty.text(l)}</p> }.into_any(),
                // Keyed: a reload keeps the other applications (and what is typed in them) as they are.
                QueueState::Ready => view! {
                    <ul class="booking-list home-queue">
                        <For each=move || queue_items.get() key=|a| a.id.clone()
                            children=move |a: HomeServiceApplication| view! {
                                <Application application=a version=version notice=notice declining=declining />
                            } />
                    </ul>
                }
                .into_any(),
            }
        }}
        <h2>{tr(H::WeekHeading)}</h2>
        {move || visit_list(lang.get(), week.get(), H::WeekEmpty)}
        <h2>{tr(H::LateHeading)}</h2>
        {move || visit_list(lang.get(), late.get(), H::LateEmpty)}
        <h2>{tr(H::ClientsHeading)}</h2>
        {move || client_list(lang.get(), clients.get())}
        <h2>{tr(H::FiguresHeading)}</h2>
        {move || figures_table(lang.get(), figures.get())}
        <h2>{tr(H::RoundHeading)}</h2>
        <ErrorSummary errors=round_errors node_ref=round_summary id="round-summary" />
        <form class="form round-picker" novalidate on:submit=show_round>
            <Field id=ROUND_DATE_ID label=H::RoundDate kind="date" autocomplete="off" value=round_day errors=round_errors />
            <button type="submit" class="button">{tr(H::RoundShow)}</button>
        </form>
    }
}

fn visit_list(
    l: Lang,
    list: Option<Result<Vec<HomeServiceVisit>, ErrorCode>>,
    empty: H,
) -> AnyView {
    match list {
        None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
        Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p>{empty.text(l)}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <ul class="booking-list home-visits">
                {list.into_iter().map(|v| {
                    let deliverer = v
                        .deliverer
                        .map_or_else(|| H::NoDeliverer.text(l).to_owned(), |d| d.name);
                    let late = v.overdue || v.status == VisitStatus::Missed;
                    view! {
                        <li class="booking-item">
                            <h3>{day_text(l, v.day)} ": " {v.client_name}</h3>
                            <p class:status-cancelled=late>{words::status(l, v.status, v.overdue)}</p>
                            <p>{H::Deliverer.text(l)} ": " {deliverer}</p>
                            <p>{H::Items.text(l)} ": " {items_text(l, &v.items)}</p>
                            <p><a href=staff_home_service_href(Some(v.day))>{H::DayRound.text(l)}
                                <span class="visually-hidden">{format!(": {}", day_text(l, v.day))}</span></a></p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

fn client_list(l: Lang, list: Option<Result<Vec<HomeServiceClient>, ErrorCode>>) -> AnyView {
    match list {
        None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
        Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
        Some(Ok(list)) if list.is_empty() => view! { <p>{H::ClientsEmpty.text(l)}</p> }.into_any(),
        Some(Ok(list)) => view! {
            <ul class="booking-list home-clients">
                {list.into_iter().map(|c| {
                    let deliverer = c
                        .deliverer
                        .map_or_else(|| H::NoDeliverer.text(l).to_owned(), |d| d.name);
                    view! {
                        <li class="booking-item">
                            <h3><a href=staff_home_client_href(&c.id)>{c.name.clone()}</a></h3>
                            <p>{words::client_status(l, c.status)} " · " {words::frequency(l, c.frequency)}</p>
                            <p>{format!("{}, {} {}", c.street_address, c.postal_code, c.city)}</p>
                            <p>{H::Deliverer.text(l)} ": " {deliverer}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}

/// The months as a table, each row with a bar for the visits delivered (the numbers are the text;
/// the bar is drawn for the eye only).
fn figures_table(l: Lang, figures: Option<Result<HomeServiceFigures, ErrorCode>>) -> AnyView {
    match figures {
        None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
        Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
        Some(Ok(f)) => {
            let most = f
                .months
                .iter()
                .map(|m| m.visits_delivered)
                .max()
                .unwrap_or(0)
                .max(1);
            view! {
                <table class="figures">
                    <caption>{H::FiguresCaption.text(l)}</caption>
                    <thead><tr>
                        <th scope="col">{H::Month.text(l)}</th>
                        <th scope="col">{H::NewClients.text(l)}</th>
                        <th scope="col">{H::ClientsVisited.text(l)}</th>
                        <th scope="col">{H::VisitsDelivered.text(l)}</th>
                        <th scope="col">{H::VisitsMissed.text(l)}</th>
                        <th scope="col">{H::ItemsDelivered.text(l)}</th>
                    </tr></thead>
                    <tbody>
                        {f.months.into_iter().map(|m| {
                            // An SVG attribute, not a style: the page's CSP allows no inline styles.
                            let width = (m.visits_delivered * 64 / most).to_string();
                            view! {
                                <tr>
                                    <th scope="row">{month_name(l, &m.month)}</th>
                                    <td>{m.new_clients}</td>
                                    <td>{m.clients_visited}</td>
                                    <td><svg class="figure-bar" width="64" height="12" aria-hidden="true" focusable="false"><rect width=width height="12" /></svg>{m.visits_delivered}</td>
                                    <td>{m.visits_missed}</td>
                                    <td>{m.items_delivered}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    }
}

/// "2026-11" as "marraskuu 2026".
fn month_name(l: Lang, month: &str) -> String {
    let mut parts = month.split('-');
    match (
        parts.next().and_then(|y| y.parse::<i32>().ok()),
        parts.next().and_then(|m| m.parse::<u32>().ok()),
    ) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => format!("{} {y}", dates::month(l, m)),
        _ => month.to_owned(),
    }
}

const REASON_ID: &str = "decline-reason";
const ROUND_DATE_ID: &str = "round-date";

/// One application in the queue, with approve and decline.
#[component]
fn Application(
    application: HomeServiceApplication,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
    declining: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let id = StoredValue::new(application.id.clone());
    let open = move || declining.get().as_deref() == Some(id.get_value().as_str());
    let approve = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::approve_application(&token, &id.get_value(), lang).await
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    notice.set(Some(H::Approved));
                    focus_soon(".home-notice");
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |_| None::<(&'static str, H)>));
                    focus_later(summary);
                }
            }
        });
    };
    let decline = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let lang = lang.get_untracked();
        let text = reason.get_untracked();
        spawn_local(async move {
            let result =
                session
                    .authorized(lang, |token| {
                        let text = text.clone();
                        async move {
                            api::decline_application(&token, &id.get_value(), &text, lang).await
                        }
                    })
                    .await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    declining.set(None);
                    notice.set(Some(H::Declined));
                    focus_soon(".home-notice");
                    version.update(|v| *v += 1);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |f| {
                        (f == "reason").then_some((REASON_ID, H::DeclineReason))
                    }));
                    focus_later(summary);
                }
            }
        });
    };
    let a = application;
    let applicant = a.applicant_name.clone().map(|name| {
        view! {
            <p>{tr(H::AppliedBy)} ": " {name} " (" {move || words::relation(lang.get(), a.relation)} ")"
                {a.applicant_phone.clone().map(|p| view! { ", " <PhoneLink phone=p /> })}</p>
        }
    });
    let reasons = a.reasons.clone();
    let formats = a.formats.clone();
    let days = a.days.clone();
    let (frequency, day_part) = (a.frequency, a.day_part);
    view! {
        <li class="booking-item">
            <h3>{a.name.clone()}</h3>
            <p>{format!("{}, {} {}", a.street_address, a.postal_code, a.city)}</p>
            <p>{tr(H::Phone)} ": " <PhoneLink phone=a.phone.clone() /></p>
            {applicant}
            <dl class="facts">
                <dt>{tr(H::Reasons)}</dt>
                <dd>{move || reasons.iter().map(|r| words::reason(lang.get(), *r)).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{tr(H::Formats)}</dt>
                <dd>{move || formats.iter().map(|f| words::format(lang.get(), *f)).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{tr(H::Frequency)}</dt>
                <dd>{move || words::frequency(lang.get(), frequency)}</dd>
                <dt>{tr(H::Days)}</dt>
                <dd>{move || days.iter().map(|d| dates::weekday(lang.get(), weekday_number(*d))).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{tr(H::DayPartLabel)}</dt>
                <dd>{move || words::day_part(lang.get(), day_part)}</dd>
                {a.interests.clone().map(|t| view! { <dt>{tr(H::Interests)}</dt><dd>{t}</dd> })}
                {a.avoid.clone().map(|t| view! { <dt>{tr(H::Avoid)}</dt><dd>{t}</dd> })}
                {a.visit_notes.clone().map(|t| view! { <dt>{tr(H::Notes)}</dt><dd>{t}</dd> })}
            </dl>
            <ErrorSummary errors=errors node_ref=summary id=format!("application-summary-{}", a.id) />
            <div class="button-row">
                <button type="button" class="button" disabled=move || busy.get() on:click=approve>
                    {tr(H::Approve)}<span class="visually-hidden">{format!(": {}", a.name)}</span>
                </button>
                <button type="button" class="button button-secondary" id=format!("decline-{}", a.id) aria-expanded=move || open().to_string()
                    on:click=move |_| {
                        let mine = id.get_value();
                        declining.update(|d| *d = if d.as_deref() == Some(mine.as_str()) { None } else { Some(mine) });
                    }>
                    {tr(H::Decline)}<span class="visually-hidden">{format!(": {}", a.name)}</span>
                </button>
            </div>
            <Show when=open>
                <form class="form" novalidate on:submit=decline>
                    <Field id=REASON_ID label=H::DeclineReason hint=H::DeclineHint autocomplete="off" rows=4 value=reason errors=errors />
                    <div class="button-row">
                        <button type="submit" class="button" disabled=move || busy.get()>{tr(H::DeclineSend)}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| {
                            declining.set(None);
                            // Back to the button that opened the form.
                            let id = format!("decline-{}", id.get_value());
                            request_animation_frame(move || {
                                if let Some(el) = document().get_element_by_id(&id) {
                                    use wasm_bindgen::JsCast;
                                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                        let _ = el.focus();
                                    }
                                }
                            });
                        }>{tr(H::DeclineCancel)}</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

pub(super) fn weekday_number(d: etakirjasto_shared::Weekday) -> u8 {
    etakirjasto_shared::Weekday::ALL
        .iter()
        .position(|w| *w == d)
        .map_or(1, |i| i as u8 + 1)
}

/// A day's round, for the road: one stop after another, printable.
#[component]
fn Round(day: NaiveDate) -> impl IntoView {
    use_title(H::RoundTitle);
    let lang = use_lang();
    let session = use_session();
    let round = LocalResource::new(move || {
        session.phase.track();
        let lang = lang.get_untracked();
        with_token(session, lang, move |token| async move {
            api::home_round(&token, &day.to_string(), lang).await
        })
    });
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <p class="back no-print"><a href=staff_home_service_href(None)>{tr(H::Back)}</a></p>
        <h1>{tr(H::RoundTitle)} ": " {move || day_text(lang.get(), day)}</h1>
        {move || {
            let l = lang.get();
            if matches!(session.phase.get(), Phase::SignedOut) {
                return view! { <SignInPrompt /> }.into_any();
            }
            match round.get() {
                None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(r)) if r.stops.is_empty() => view! { <p>{H::RoundEmpty.text(l)}</p> }.into_any(),
                Some(Ok(r)) => view! {
                    <p class="no-print"><button type="button" class="button" on:click=print>{H::Print.text(l)}</button></p>
                    <ol class="round">
                        {r.stops.into_iter().map(|s| view! { <Stop stop=s /> }).collect_view()}
                    </ol>
                }
                .into_any(),
            }
        }}
    }
}

/// One stop of the round.
#[component]
fn Stop(stop: RoundStop) -> impl IntoView {
    let lang = use_lang();
    let s = stop;
    let contact = s.contact_name.clone().map(|name| {
        view! {
            <p>{tr(H::Contact)} ": " {name}
                {s.contact_phone.clone().map(|p| view! { ", " <PhoneLink phone=p /> })}</p>
        }
    });
    let (items, to_collect, day_part, status) =
        (s.items.clone(), s.to_collect.clone(), s.day_part, s.status);
    let deliverer = s.deliverer.clone().map(|d| d.name);
    view! {
        <li class="round-stop">
            <h2>{s.name.clone()}</h2>
            <p class="round-address">{format!("{}, {} {}", s.street_address, s.postal_code, s.city)}</p>
            <p>{tr(H::Phone)} ": " <PhoneLink phone=s.phone.clone() /> " · " {move || words::day_part(lang.get(), day_part)}</p>
            {s.visit_notes.clone().map(|n| view! { <p class="round-notes">{tr(H::Notes)} ": " {n}</p> })}
            {contact}
            <p>{tr(H::Deliverer)} ": " {move || deliverer.clone().unwrap_or_else(|| H::NoDeliverer.text(lang.get()).to_owned())}
                " · " {move || words::status(lang.get(), status, false)}</p>
            <p>{tr(H::Bring)} ": " {move || items_text(lang.get(), &items)}</p>
            <p>{tr(H::Collect)} ": " {move || items_text(lang.get(), &to_collect)}</p>
            {s.note.clone().map(|n| view! { <p>{n}</p> })}
        </li>
    }
}
