//! The staff's training (`/staff/training`): the library's modules with the signed-in person's
//! checklist (each tick saved at once and announced), the module's text, practice sessions with a
//! colleague (booked, recorded held, cancelled), their own confidence per service before and after
//! training, the team's readiness per service, and for admins the competence matrix with a sign-off
//! button per person and service. Every outcome is announced in a live region; results that change
//! a row update that row in place, so keyboard focus stays where it was.

use chrono::{NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{
    CompetenceMatrix, CompetenceState, ConfidenceInput, ConfidencePhase, ErrorCode, Lang,
    MatrixCell, MatrixService, PracticeInput, PracticeSession, PracticeState, PracticeUpdate,
    ProgressInput, Readiness, Role, StaffRef, TrainingModule, TrainingProgress,
};

use crate::api;
use crate::i18n::booking::day;
use crate::i18n::training::{Training as T, done_of, practice_state, state_name};
use crate::i18n::{Text, Ui};
use crate::pages::surveys::localized;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::staff_training_edit_href;
use crate::session::{Session, use_session};

/// The page.
#[component]
pub fn StaffTraining() -> impl IntoView {
    let session = use_session();
    let query = leptos_router::hooks::use_query_map();
    let edit = Memo::new(move |_| query.with(|q| q.get("edit")).filter(|e| !e.is_empty()));
    use_title(T::Title);
    move || {
        let me = session.me();
        if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
            return view! { <h1>{tr(T::Title)}</h1> {refused} }.into_any();
        }
        let Some(me) = me else { return ().into_any() };
        let library = super::staff_library(Some(me.clone()));
        let admin = me
            .memberships
            .iter()
            .any(|m| m.library == library && m.role == Role::Admin);
        if let Some(id) = edit.get().filter(|_| admin) {
            return view! { <super::training_form::ModuleEditor id=id library=library /> }
                .into_any();
        }
        view! {
            <h1>{tr(T::Title)}</h1>
            <p>{tr(T::Intro)}</p>
            {admin.then(|| view! {
                <p><a class="button" href=staff_training_edit_href("new")>{tr(T::NewModule)}</a></p>
            })}
            <Training library=library me=me.id.clone() admin=admin />
        }
        .into_any()
    }
}

/// What the page announces: a message, and whether it is an error.
type Outcome = RwSignal<Option<(String, bool)>>;

/// Focuses the element `selector` finds once the view has been redrawn.
fn focus_later(selector: String) {
    request_animation_frame(move || {
        // A cell without a button any more: the cell itself.
        let fallback = selector.trim_end_matches(" button").to_owned();
        let found = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .or_else(|| document().query_selector(&fallback).ok().flatten());
        if let Some(el) = found {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// Says the outcome in the live region; focus stays where the person acted.
fn announce(outcome: Outcome, text: String, error: bool) {
    outcome.set(Some((text, error)));
}

#[component]
fn Training(library: String, me: String, admin: bool) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = StoredValue::new(library);
    let outcome: Outcome = RwSignal::new(None);
    // Bumped after every change, so the team's readiness is read again.
    let changes = RwSignal::new(0u32);
    let modules = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let slug = library.get_value();
        async move {
            session
                .authorized(lang, move |token| {
                    let slug = slug.clone();
                    async move { api::training_modules(&token, &slug, lang).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let matrix = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let slug = library.get_value();
        async move { load_matrix(session, slug, lang).await }
    });
    // The library's own time zone, for practice times.
    let zone = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let slug = library.get_value();
        async move {
            api::library(&slug, lang)
                .await
                .map_or_else(|_| "Europe/Helsinki".to_owned(), |l| l.time_zone)
        }
    });
    let readiness = LocalResource::new(move || {
        changes.track();
        let lang = lang.get_untracked();
        let slug = library.get_value();
        async move { load_matrix(session, slug, lang).await }
    });
    let me = StoredValue::new(me);
    view! {
        <p id="training-outcome" role="status" aria-live="polite"
            class=move || match outcome.get() { Some((_, true)) => "notice", _ => "outcome" }>
            {move || outcome.get().map(|o| o.0)}
        </p>
        <h2>{tr(T::Modules)}</h2>
        // Drawn once from what was loaded (not again on a language change, which would bring back
        // the first load's ticks): the parts below follow the language themselves.
        {move || {
            match (modules.get(), matrix.get(), zone.get()) {
                (None, _, _) | (_, None, _) | (_, _, None) => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
                (Some(Err(code)), _, _) | (_, Some(Err(code)), _) => {
                    view! { <p class="notice">{move || code.message(lang.get())}</p> }.into_any()
                }
                (Some(Ok(list)), _, _) if list.is_empty() => {
                    view! { <p>{tr(T::NoModules)}</p> }.into_any()
                }
                (Some(Ok(list)), Some(Ok(m)), Some(zone)) => {
                    let services = StoredValue::new(m.services.clone());
                    let colleagues: Vec<StaffRef> = m
                        .colleagues
                        .iter()
                        .filter(|c| c.id != me.get_value())
                        .cloned()
                        .collect();
                    let colleagues = StoredValue::new(colleagues);
                    list.into_iter()
                        .map(|module| view! {
                            <ModuleView module=module services=services colleagues=colleagues
                                me=me.get_value() outcome=outcome changes=changes admin=admin zone=zone.clone() />
                        })
                        .collect_view()
                        .into_any()
                }
            }
        }}
        {move || {
            match matrix.get() {
                Some(Ok(m)) => {
                    let own = m.people.iter().find(|p| p.staff.id == me.get_value()).cloned();
                    let services = m.services.clone();
                    view! {
                        {own.map(|p| view! { <ConfidenceForm services=services cells=p.cells changes=changes /> })}
                        {admin.then(|| view! { <MatrixTable matrix=m outcome=outcome changes=changes /> })}
                    }
                    .into_any()
                }
                _ => ().into_any(),
            }
        }}
        <h2>{tr(T::Readiness)}</h2>
        {move || {
            let l = lang.get();
            match readiness.get() {
                None => view! { <p>{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(m)) => readiness_table(l, &m.services, &m.readiness).into_any(),
            }
        }}
    }
}

async fn load_matrix(
    session: Session,
    slug: String,
    lang: Lang,
) -> Result<CompetenceMatrix, ErrorCode> {
    session
        .authorized(lang, move |token| {
            let slug = slug.clone();
            async move { api::competence_matrix(&token, &slug, lang).await }
        })
        .await
        .map_err(|e| e.code())
}

fn service_name(l: Lang, services: &[MatrixService], id: &str) -> String {
    services
        .iter()
        .find(|s| s.id == id)
        .map(|s| localized(&s.name, l).0)
        .unwrap_or_default()
}

/// One module: its text, the checklist and the practice.
#[component]
fn ModuleView(
    module: TrainingModule,
    services: StoredValue<Vec<MatrixService>>,
    colleagues: StoredValue<Vec<StaffRef>>,
    me: String,
    outcome: Outcome,
    changes: RwSignal<u32>,
    admin: bool,
    zone: String,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let progress = RwSignal::new(module.progress.clone());
    let edit_href = staff_training_edit_href(&module.id);
    let edit_title = module.title.clone();
    let id = StoredValue::new(module.id.clone());
    let heading = format!("module-{}", module.id);
    let heading_id = heading.clone();
    let total = module.items.len();
    let items = module.items.clone();
    let practice = module.practice;
    let service_ids = module.service_ids.clone();
    let me = StoredValue::new(me);
    let title = module.title.clone();
    let body = module.body.clone();
    let html = module.body_html.clone();
    view! {
        <section class="training-module" aria-labelledby=heading>
            {move || {
                let l = lang.get();
                let (t, t_lang) = localized(&title, l);
                view! { <h3 id=heading_id.clone() lang=t_lang>{t}</h3> }
            }}
            <p class="training-progress">{move || {
                let l = lang.get();
                let p = progress.get();
                let mut s = done_of(l, p.done.len(), total);
                if p.complete {
                    s = format!("{s} · {}", T::Complete.text(l));
                }
                s
            }}</p>
            {admin.then(|| view! {
                <p><a href=edit_href aria-label=move || {
                    let l = lang.get();
                    format!("{}: {}", T::Edit.text(l), localized(&edit_title, l).0)
                }>{tr(T::Edit)}</a></p>
            })}
            {(!service_ids.is_empty()).then(|| view! {
                <p>{move || {
                    let l = lang.get();
                    let names: Vec<String> = service_ids
                        .iter()
                        .map(|s| services.with_value(|all| service_name(l, all, s)))
                        .collect();
                    format!("{} {}", T::RequiredFor.text(l), names.join(", "))
                }}</p>
            })}
            <details>
                <summary>{tr(T::ReadText)}</summary>
                {move || {
                    let l = lang.get();
                    let (_, text_lang) = localized(&body, l);
                    let inner = match text_lang {
                        "sv" => html.sv.clone(),
                        "en" => html.en.clone(),
                        _ => html.fi.clone(),
                    };
                    view! { <div class="guide-text" lang=text_lang inner_html=inner></div> }
                }}
            </details>
            <fieldset class="checklist">
                <legend>{tr(T::Checklist)}</legend>
                {items.into_iter().map(|item| {
                    let key = StoredValue::new(item.key.clone());
                    let input_id = format!("tick-{}-{}", module.id, item.key);
                    let text = item.text.clone();
                    let said = item.text.clone();
                    let toggle = move |ev: leptos::ev::Event| {
                        let done = event_target_checked(&ev);
                        let said = said.clone();
                        let lang = lang.get_untracked();
                        let (module_id, item) = (id.get_value(), key.get_value());
                        spawn_local(async move {
                            let body = ProgressInput { item, done };
                            let saved = session
                                .authorized(lang, move |token| {
                                    let (module_id, body) = (module_id.clone(), body.clone());
                                    async move { api::set_training_progress(&token, &module_id, &body, lang).await }
                                })
                                .await;
                            match saved {
                                Ok(m) => {
                                    progress.set(m.progress);
                                    // Naming the item, so a second tick is said too.
                                    let what = if done { T::Ticked } else { T::Unticked };
                                    let text = format!("{} {}", what.text(lang), localized(&said, lang).0);
                                    outcome.set(Some((text, false)));
                                    changes.update(|n| *n += 1);
                                }
                                Err(e) => {
                                    // Put the box back as stored.
                                    progress.update(|_| {});
                                    outcome.set(Some((e.code().message(lang).to_owned(), true)));
                                }
                            }
                        });
                    };
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || progress.with(|p| key.with_value(|k| p.done.contains(k)))
                                on:change=toggle />
                            <label for=input_id>{move || {
                                let (t, t_lang) = localized(&text, lang.get());
                                view! { <span lang=t_lang>{t}</span> }
                            }}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            {practice.then(|| view! {
                <PracticePart module_id=id.get_value() progress=progress colleagues=colleagues
                    me=me.get_value() outcome=outcome changes=changes zone=zone.clone() />
            })}
        </section>
    }
}

/// A clock time as each language writes it: "klo 10.00", "kl. 10.00", "10:00".
fn clock(l: Lang, t: NaiveTime) -> String {
    format!(
        "{}{}{}{:02}",
        l.pick("klo ", "kl. ", ""),
        t.hour(),
        l.pick(".", ".", ":"),
        t.minute()
    )
}

/// The module's practice sessions and the form to book one.
#[component]
fn PracticePart(
    module_id: String,
    progress: RwSignal<TrainingProgress>,
    colleagues: StoredValue<Vec<StaffRef>>,
    me: String,
    outcome: Outcome,
    changes: RwSignal<u32>,
    zone: String,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let zone = StoredValue::new(zone);
    let busy = RwSignal::new(false);
    let form = NodeRef::<leptos::html::Form>::new();
    let module_id = StoredValue::new(module_id);
    let me = StoredValue::new(me);
    let colleague = RwSignal::new(String::new());
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let heading = format!("practice-{}-heading", module_id.get_value());
    let heading_id = StoredValue::new(heading.clone());
    let prefix = format!("practice-{}", module_id.get_value());
    let (colleague_id, date_id, time_id) = (
        format!("{prefix}-colleague"),
        format!("{prefix}-date"),
        format!("{prefix}-time"),
    );
    // After a change, the module is read again for its progress and practices.
    let reload = move |lang: Lang, message: &'static str| {
        let module_id = module_id.get_value();
        spawn_local(async move {
            let read = session
                .authorized(lang, move |token| {
                    let module_id = module_id.clone();
                    async move { api::training_module(&token, &module_id, lang).await }
                })
                .await;
            if let Ok(m) = read {
                progress.set(m.progress);
            }
            changes.update(|n| *n += 1);
            announce(outcome, message.to_owned(), false);
        });
    };
    // The button acted on goes with the redrawn list: focus moves to the part's heading.
    let focus_heading = move || focus_later(format!("[id=\"{}\"]", heading_id.get_value()));
    let record = move |practice: String, state: PracticeState| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let body = PracticeUpdate { state };
            let done =
                session
                    .authorized(lang, move |token| {
                        let (practice, body) = (practice.clone(), body.clone());
                        async move {
                            api::update_training_practice(&token, &practice, &body, lang).await
                        }
                    })
                    .await;
            match done {
                Ok(_) => reload(lang, T::PracticeRecorded.text(lang)),
                Err(e) => announce(outcome, e.code().message(lang).to_owned(), true),
            }
            focus_heading();
        });
    };
    let book = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let on = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d").ok();
        let at = NaiveTime::parse_from_str(&time.get_untracked(), "%H:%M").ok();
        let who = colleague.get_untracked();
        let starts = on
            .zip(at)
            .and_then(|(d, t)| super::in_zone(d.and_time(t), &zone.get_value()))
            .filter(|_| !who.is_empty());
        let Some(starts) = starts else {
            announce(outcome, T::PracticeMissing.text(lang).to_owned(), true);
            return;
        };
        let body = PracticeInput {
            colleague_id: who,
            starts_at: starts.with_timezone(&chrono::Utc),
        };
        let module = module_id.get_value();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let booked = session
                .authorized(lang, move |token| {
                    let (module, body) = (module.clone(), body.clone());
                    async move { api::book_training_practice(&token, &module, &body, lang).await }
                })
                .await;
            busy.set(false);
            match booked {
                Ok(_) => {
                    date.set(String::new());
                    time.set(String::new());
                    if let Some(f) = form.get_untracked() {
                        f.reset();
                    }
                    colleague.set(String::new());
                    reload(lang, T::PracticeBooked.text(lang));
                }
                Err(e) => {
                    let field = |name: &str| match name {
                        "colleague_id" => T::Colleague.text(lang),
                        _ => T::Date.text(lang),
                    };
                    let text = e
                        .problem
                        .errors
                        .first()
                        .map(|f| format!("{}: {}", field(&f.field), f.message))
                        .unwrap_or_else(|| e.code().message(lang).to_owned());
                    announce(outcome, text, true);
                }
            }
        });
    };
    view! {
        <h4 id=heading.clone() tabindex="-1">{tr(T::Practice)}</h4>
        <p>{tr(T::PracticeHint)}</p>
        {move || {
            let l = lang.get();
            let zone = zone.get_value();
            let list = progress.get().practices;
            if list.is_empty() {
                return view! { <p>{T::NoPractices.text(l)}</p> }.into_any();
            }
            let now = chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
            view! {
                <ul class="practice-list">
                    {list.into_iter().map(|p: PracticeSession| {
                        let local = super::to_zone(p.starts_at, &zone);
                        let mine = p.trainee.id == me.get_value();
                        let colleague = p.colleague.as_ref().map_or("–", |c| c.name.as_str());
                        let other = if mine { colleague } else { p.trainee.name.as_str() };
                        let who = if mine { T::With.text(l) } else { T::ColleagueFor.text(l) };
                        let line = format!(
                            "{who} {other} · {} {} · {}",
                            day(l, local.date()),
                            clock(l, local.time()),
                            practice_state(l, p.state)
                        );
                        let open = p.state == PracticeState::Booked;
                        // The colleague records it held; the trainee may call it off.
                        let started = p.starts_at <= now && !mine;
                        let (held_id, off_id) = (p.id.clone(), p.id.clone());
                        let label = format!("{other}, {} {}", day(l, local.date()), clock(l, local.time()));
                        view! {
                            <li>
                                <span>{line}</span>
                                {(open && started).then(|| view! {
                                    <button type="button" class="button button-small" aria-label=format!("{}: {label}", T::RecordHeld.text(l))
                                        on:click=move |_| record(held_id.clone(), PracticeState::Held)>{T::RecordHeld.text(l)}</button>
                                })}
                                {open.then(|| view! {
                                    <button type="button" class="button button-small button-secondary" aria-label=format!("{}: {label}", T::CancelPractice.text(l))
                                        on:click=move |_| record(off_id.clone(), PracticeState::Cancelled)>{T::CancelPractice.text(l)}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <form class="practice-form" on:submit=book aria-labelledby=heading node_ref=form>
            <div class="field">
                <label for=colleague_id.clone()>{tr(T::Colleague)}</label>
                <select id=colleague_id on:change=move |ev| colleague.set(event_target_value(&ev))
                    prop:value=move || colleague.get()>
                    <option value="">{tr(T::ChooseColleague)}</option>
                    {colleagues.get_value().into_iter().map(|c| view! {
                        <option value=c.id.clone()>{c.name.clone()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=date_id.clone()>{tr(T::Date)}</label>
                <input type="date" id=date_id on:input=move |ev| date.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=time_id.clone()>{tr(T::Time)}</label>
                <input type="time" id=time_id on:input=move |ev| time.set(event_target_value(&ev)) />
            </div>
            // Not disabled while sending: a disabled button would drop keyboard focus.
            <button type="submit" class="button">{tr(T::BookPractice)}</button>
        </form>
    }
}

fn rating_name(l: Lang, r: Option<u8>) -> String {
    r.map_or_else(|| T::NotRated.text(l).to_owned(), |r| r.to_string())
}

/// The signed-in person's confidence per service, before and after training.
#[component]
fn ConfidenceForm(
    services: Vec<MatrixService>,
    cells: Vec<MatrixCell>,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    view! {
        <h2>{tr(T::Confidence)}</h2>
        <p>{tr(T::ConfidenceHint)}</p>
        {services.into_iter().zip(cells).map(|(service, cell)| {
            let before = RwSignal::new(cell.confidence_before.map(|r| r.to_string()).unwrap_or_default());
            let after = RwSignal::new(cell.confidence_after.map(|r| r.to_string()).unwrap_or_default());
            let service_id = StoredValue::new(service.id.clone());
            let name = service.name.clone();
            let (b_id, a_id) = (format!("before-{}", service.id), format!("after-{}", service.id));
            let status = RwSignal::new(None::<(String, bool)>);
            let save = move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                let lang = lang.get_untracked();
                let wanted: Vec<(ConfidencePhase, u8)> = [
                    (ConfidencePhase::Before, before.get_untracked()),
                    (ConfidencePhase::After, after.get_untracked()),
                ]
                .into_iter()
                .filter_map(|(phase, v)| v.parse::<u8>().ok().map(|r| (phase, r)))
                .collect();
                let service = service_id.get_value();
                spawn_local(async move {
                    for (phase, rating) in wanted {
                        let body = ConfidenceInput { phase, rating };
                        let service = service.clone();
                        let saved = session
                            .authorized(lang, move |token| {
                                let (service, body) = (service.clone(), body.clone());
                                async move { api::set_my_confidence(&token, &service, &body, lang).await }
                            })
                            .await;
                        if let Err(e) = saved {
                            status.set(Some((e.code().message(lang).to_owned(), true)));
                            return;
                        }
                    }
                    changes.update(|n| *n += 1);
                    status.set(Some((T::Saved.text(lang).to_owned(), false)));
                });
            };
            let select = move |id: String, label: T, value: RwSignal<String>| view! {
                <div class="field">
                    <label for=id.clone()>{tr(label)}</label>
                    <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                        <option value="">{move || rating_name(lang.get(), None)}</option>
                        {(1..=5u8).map(|r| view! { <option value=r.to_string()>{r}</option> }).collect_view()}
                    </select>
                </div>
            };
            view! {
                <form class="confidence-form" on:submit=save>
                    <fieldset>
                        <legend>{move || { let (t, _) = localized(&name, lang.get()); t }}</legend>
                        {select(b_id, T::Before, before)}
                        {select(a_id, T::After, after)}
                        <button type="submit" class="button">{tr(T::SaveRatings)}</button>
                        <p role="status" class=move || match status.get() { Some((_, true)) => "notice", _ => "outcome" }>
                            {move || status.get().map(|s| s.0)}
                        </p>
                    </fieldset>
                </form>
            }
        }).collect_view()}
    }
}

fn mean(v: Option<f64>, n: u32) -> String {
    v.map_or_else(|| "–".to_owned(), |m| format!("{m:.1} (n = {n})"))
}

fn readiness_table(l: Lang, services: &[MatrixService], rows: &[Readiness]) -> impl IntoView {
    let rows: Vec<(String, Readiness)> = rows
        .iter()
        .map(|r| (service_name(l, services, &r.service_id), r.clone()))
        .collect();
    view! {
        <table class="data-table readiness-table">
            <caption class="visually-hidden">{T::Readiness.text(l)}</caption>
            <thead><tr>
                <th scope="col">{T::Service.text(l)}</th>
                <th scope="col" class="numeric">{T::Delivering.text(l)}</th>
                <th scope="col" class="numeric">{T::Trained.text(l)}</th>
                <th scope="col" class="numeric">{T::Competent.text(l)}</th>
                <th scope="col" class="numeric">{T::Offered.text(l)}</th>
                <th scope="col" class="numeric">{T::MeanBefore.text(l)}</th>
                <th scope="col" class="numeric">{T::MeanAfter.text(l)}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, r)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td class="numeric">{r.delivering}</td>
                        <td class="numeric">{r.trained}</td>
                        <td class="numeric">{r.competent}</td>
                        <td class="numeric">{r.offered}</td>
                        <td class="numeric">{mean(r.confidence_before, r.rated_before)}</td>
                        <td class="numeric">{mean(r.confidence_after, r.rated_after)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The admins' matrix: a row per staff member, a column per service, a sign-off button per cell.
#[component]
fn MatrixTable(
    matrix: CompetenceMatrix,
    outcome: Outcome,
    changes: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let services = StoredValue::new(matrix.services.clone());
    view! {
        <h2>{tr(T::Matrix)}</h2>
        <p>{tr(T::MatrixHint)}</p>
        <div class="table-scroll">
        <table class="data-table matrix-table">
            <caption class="visually-hidden">{tr(T::Matrix)}</caption>
            <thead><tr>
                <th scope="col">{tr(T::Person)}</th>
                {move || {
                    let l = lang.get();
                    services.get_value().into_iter().map(|s| {
                        let (t, t_lang) = localized(&s.name, l);
                        view! { <th scope="col" lang=t_lang>{t}</th> }
                    }).collect_view()
                }}
            </tr></thead>
            <tbody>
                {matrix.people.into_iter().map(|person| {
                    let staff = StoredValue::new(person.staff.clone());
                    let summary = (person.modules_done, person.modules_total);
                    view! {
                        <tr>
                            <th scope="row">
                                {person.staff.name.clone()}
                                <span class="matrix-modules">{move || format!(" ({}/{} {})", summary.0, summary.1, T::ModulesDone.text(lang.get()))}</span>
                            </th>
                            {person.cells.into_iter().map(|cell| {
                                let cell = RwSignal::new(cell);
                                let busy = RwSignal::new(false);
                                let sign = move |competent: bool| {
                                    if busy.get_untracked() {
                                        return;
                                    }
                                    busy.set(true);
                                    let lang = lang.get_untracked();
                                    let (service, staff_id) = (cell.with_untracked(|c| c.service_id.clone()), staff.with_value(|s| s.id.clone()));
                                    spawn_local(async move {
                                        let saved = session
                                            .authorized(lang, move |token| {
                                                let (service, staff_id) = (service.clone(), staff_id.clone());
                                                async move { api::set_competence(&token, &service, &staff_id, competent, lang).await }
                                            })
                                            .await;
                                        busy.set(false);
                                        match saved {
                                            Ok(c) => {
                                                let text = format!("{}: {}", staff.with_value(|s| s.name.clone()), state_name(lang, c.state));
                                                let at = format!("[data-cell=\"{}-{}\"] button", c.service_id, staff.with_value(|s| s.id.clone()));
                                                cell.set(c);
                                                changes.update(|n| *n += 1);
                                                outcome.set(Some((text, false)));
                                                // The button became the other one: keep focus on it.
                                                focus_later(at);
                                            }
                                            Err(e) => announce(outcome, e.code().message(lang).to_owned(), true),
                                        }
                                    });
                                };
                                let data_cell = format!("{}-{}", cell.with_untracked(|c| c.service_id.clone()), staff.with_value(|s| s.id.clone()));
                                view! {
                                    <td data-cell=data_cell tabindex="-1">
                                        {move || {
                                            let l = lang.get();
                                            let c = cell.get();
                                            let service = services.with_value(|all| service_name(l, all, &c.service_id));
                                            let name = staff.with_value(|s| s.name.clone());
                                            let label = |what: T| format!("{}: {name}, {service}", what.text(l));
                                            view! {
                                                <span class="matrix-state">{state_name(l, c.state)}</span>
                                                {c.delivers.then(|| view! { <span class="matrix-delivers">{format!(" · {}", T::DeliversIt.text(l))}</span> })}
                                                {(c.state == CompetenceState::Trained).then(|| view! {
                                                    <button type="button" class="button button-small" aria-label=label(T::SignOff) on:click=move |_| sign(true)>{T::SignOff.text(l)}</button>
                                                })}
                                                {(c.state == CompetenceState::Competent).then(|| view! {
                                                    <button type="button" class="button button-small button-secondary" aria-label=label(T::TakeBack) on:click=move |_| sign(false)>{T::TakeBack.text(l)}</button>
                                                })}
                                            }
                                        }}
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
