//! The library's audit log of personal data, for its admins (`/staff/audit?record=…&action=…`):
//! who read or changed what and when, newest first, filtered by a record (everyone who has handled
//! one client's data) or by an action. The filters live in the address, so a link can name a record.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{AuditEntry, ErrorCode, Role};

use crate::api;
use crate::components::form::{Field, FormErrors};
use crate::i18n::{Audit as T, Text, Ui, audit as words};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, STAFF_AUDIT};
use crate::session::use_session;

const RECORD_ID: &str = "audit-record";
const ACTION_ID: &str = "audit-action";

/// The page.
#[component]
pub fn StaffAudit() -> impl IntoView {
    use_title(T::Title);
    let session = use_session();
    view! {
        <h1>{tr(T::Title)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let library = me.and_then(|me| {
                me.memberships
                    .into_iter()
                    .find(|m| m.role == Role::Admin)
                    .map(|m| m.library)
            });
            match library {
                Some(library) => view! { <Log library=library /> }.into_any(),
                None => view! { <p class="notice">{tr(T::AdminsOnly)}</p> }.into_any(),
            }
        }}
    }
}

/// The filters and the entries.
#[component]
fn Log(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let given = move |key: &str| {
        query
            .with(|q| q.get(key))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let filters = Memo::new(move |_| (given("record"), given("action")));
    let record = RwSignal::new(filters.get_untracked().0.unwrap_or_default());
    let action = RwSignal::new(filters.get_untracked().1.unwrap_or_default());
    let errors = RwSignal::new(FormErrors::default());
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next = RwSignal::new(None::<String>);
    let state = RwSignal::new(None::<Result<(), ErrorCode>>);
    let empty = Memo::new(move |_| entries.with(Vec::is_empty));
    let library = StoredValue::new(library);
    // Each list (a set of filters) has a number: an answer for an older one is dropped.
    let generation = StoredValue::new(0u32);
    let loading = RwSignal::new(false);
    let load = move |cursor: Option<String>| {
        if loading.get_untracked() && cursor.is_some() {
            return;
        }
        loading.set(true);
        let (record, action) = filters.get_untracked();
        let lang = lang.get_untracked();
        let mine = generation.get_value();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (record, action, cursor) = (record.clone(), action.clone(), cursor.clone());
                    async move {
                        api::audit_log(
                            &token,
                            &library.get_value(),
                            record.as_deref(),
                            action.as_deref(),
                            cursor.as_deref(),
                            lang,
                        )
                        .await
                    }
                })
                .await;
            if generation.get_value() != mine {
                return;
            }
            loading.try_set(false);
            match result {
                Ok(page) => {
                    entries.update(|e| e.extend(page.items));
                    next.set(page.next_cursor);
                    if state.get_untracked() != Some(Ok(())) {
                        state.set(Some(Ok(())));
                    }
                }
                // A failed "more" keeps what is shown.
                Err(e) if entries.with_untracked(|l| !l.is_empty()) => {
                    let _ = e;
                }
                Err(e) => state.set(Some(Err(e.code()))),
            }
        });
    };
    // A new filter in the address starts the list again.
    Effect::new(move |_| {
        let (r, a) = filters.get();
        // Back and forward change the address: the fields follow it.
        record.set(r.unwrap_or_default());
        action.set(a.unwrap_or_default());
        generation.update_value(|g| *g += 1);
        loading.set(false);
        entries.set(Vec::new());
        next.set(None);
        state.set(None);
        load(None);
    });
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut href = format!("{}/{STAFF_AUDIT}", Page::Staff.href());
        let mut sep = '?';
        for (key, value) in [
            ("record", record.get_untracked()),
            ("action", action.get_untracked()),
        ] {
            let value = value.trim().to_owned();
            if !value.is_empty() {
                href.push_str(&format!("{sep}{key}={}", api::encode(&value)));
                sep = '&';
            }
        }
        navigate(&href, Default::default());
    };
    view! {
        <p>{tr(T::Intro)}</p>
        <form class="form audit-filters" novalidate on:submit=show>
            <Field id=RECORD_ID label=T::Record hint=T::RecordHint autocomplete="off" value=record errors=errors />
            <div class="field">
                <label for=ACTION_ID>{tr(T::Action)}</label>
                <select id=ACTION_ID name=ACTION_ID on:change=move |ev| action.set(event_target_value(&ev))>
                    <option value="" selected=move || action.get().is_empty()>{tr(T::AnyAction)}</option>
                    {words::ACTIONS.iter().map(|a| {
                        let a = *a;
                        view! { <option value=a selected=move || action.get() == a>{move || words::action(lang.get(), a)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{tr(T::Show)}</button>
        </form>
        {move || {
            let l = lang.get();
            match state.get() {
                None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(())) if empty.get() => view! { <p>{T::Empty.text(l)}</p> }.into_any(),
                // Keyed rows: "show more" adds rows and leaves the others (and focus) alone.
                Some(Ok(())) => view! {
                    <table class="figures audit-log">
                        <caption>{T::Caption.text(l)}</caption>
                        <thead><tr>
                            <th scope="col">{T::When.text(l)}</th>
                            <th scope="col">{T::Who.text(l)}</th>
                            <th scope="col">{T::Action.text(l)}</th>
                            <th scope="col">{T::Record.text(l)}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || entries.get() key=|e| e.id.clone() children=move |e: AuditEntry| {
                                let who = match &e.actor {
                                    None => T::System.text(l).to_owned(),
                                    Some(p) if p.name.is_empty() => T::Removed.text(l).to_owned(),
                                    Some(p) => p.name.clone(),
                                };
                                view! {
                                    <tr>
                                        <td>{e.at.format("%-d.%-m.%Y %H.%M.%S").to_string()}</td>
                                        <td>{who}</td>
                                        <td>{words::action(l, &e.action)}</td>
                                        <td><code>{e.record_id.clone().unwrap_or_default()}</code></td>
                                    </tr>
                                }
                            } />
                        </tbody>
                    </table>
                }
                .into_any(),
            }
        }}
        <Show when=move || next.with(Option::is_some)>
            <button type="button" class="button button-secondary" disabled=move || loading.get()
                on:click=move |_| load(next.get_untracked())>{tr(T::More)}</button>
        </Show>
    }
}
