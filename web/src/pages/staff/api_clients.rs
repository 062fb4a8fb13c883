//! The admins' page of partner systems (`/staff/api-clients`): the library's API clients with what
//! each may do, the websites allowed to call from a browser, its rate limit and use; a form that
//! makes a client (the secret is shown once, in a panel that takes focus) or changes one; a new
//! secret; revoking with a confirmation step; and each client's latest calls as a table. Outcomes
//! are said in a live region; focus goes to what the outcome revealed (the secret's heading, the
//! client's heading), never lost with a button that goes away.

use chrono::{DateTime, Utc};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{
    ApiCall, ApiClient, ApiClientCredentials, ApiClientInput, ApiScope, ErrorCode, Lang, Role,
    check_api_client,
};

use crate::api;
use crate::components::form::{
    Checks, ErrorSummary, Field, FieldFault, FormErrors, focus_id_later, focus_later,
};
use crate::i18n::Text;
use crate::i18n::booking::day;
use crate::i18n::partners::{Partners as T, scope_name};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::session::use_session;

const NAME_ID: &str = "client-name";
const SCOPES_ID: &str = "client-scopes";
const ORIGINS_ID: &str = "client-origins";
const RATE_ID: &str = "client-rate";
const SECRET_HEADING: &str = "client-secret-heading";
const FORM_HEADING: &str = "client-form-heading";

fn heading_id(client: &str) -> String {
    format!("client-{client}")
}

/// Where a field named by the server (or by the shared check) is shown.
fn locate(field: &str) -> Option<(&'static str, T)> {
    let base = field.split('[').next().unwrap_or(field);
    match base {
        "name" => Some((NAME_ID, T::Name)),
        "scopes" => Some((SCOPES_ID, T::Scopes)),
        "allowed_origins" => Some((ORIGINS_ID, T::Origins)),
        "rate_limit_per_minute" => Some((RATE_ID, T::RateLimit)),
        _ => None,
    }
}

/// The page.
#[component]
pub fn StaffApiClients() -> impl IntoView {
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
                Some(library) => view! { <Clients library=library /> }.into_any(),
                None => view! { <p class="notice">{tr(T::AdminsOnly)}</p> }.into_any(),
            }
        }}
    }
}

/// A time in the library's zone, in words.
fn when(lang: Lang, at: DateTime<Utc>, zone: &str) -> String {
    let local = super::to_zone(at, zone);
    format!("{} {}", day(lang, local.date()), local.format("%H:%M"))
}

/// The list, the form and the secret shown once.
#[component]
fn Clients(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let info = use_library();
    let zone = Memo::new(move |_| {
        info.get()
            .map(|l| l.time_zone)
            .unwrap_or_else(|| "Europe/Helsinki".to_owned())
    });
    let library = StoredValue::new(library);
    let clients = RwSignal::new(None::<Result<Vec<ApiClient>, ErrorCode>>);
    let said = RwSignal::new(None::<T>);
    let secret = RwSignal::new(None::<ApiClientCredentials>);
    let editing = RwSignal::new(None::<String>);
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<ApiScope>::new());
    let origins = RwSignal::new(String::new());
    let rate = RwSignal::new("60".to_owned());
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let summary = NodeRef::<html::Div>::new();

    spawn_local(async move {
        let lang = lang.get_untracked();
        let result = session
            .authorized(lang, |token| async move {
                api::api_clients(&token, &library.get_value(), lang).await
            })
            .await;
        clients.try_set(Some(result.map_err(|e| e.code())));
    });

    let reset = move || {
        editing.set(None);
        name.set(String::new());
        scopes.set(Vec::new());
        origins.set(String::new());
        rate.set("60".to_owned());
        errors.set(FormErrors::default());
    };
    let replace = move |client: ApiClient| {
        clients.update(|list| {
            if let Some(Ok(list)) = list {
                match list.iter_mut().find(|c| c.client_id == client.client_id) {
                    Some(c) => *c = client,
                    None => list.insert(0, client),
                }
            }
        });
    };
    let start_edit = move |client: ApiClient| {
        name.set(client.name);
        scopes.set(client.scopes);
        origins.set(client.allowed_origins.join("\n"));
        rate.set(client.rate_limit_per_minute.to_string());
        errors.set(FormErrors::default());
        editing.set(Some(client.client_id));
        said.set(None);
        focus_id_later(FORM_HEADING.to_owned());
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut chosen = scopes.get_untracked();
        chosen.sort();
        let input = ApiClientInput {
            library: library.get_value(),
            name: name.get_untracked(),
            scopes: chosen,
            allowed_origins: origins
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            rate_limit_per_minute: rate.get_untracked().trim().parse().unwrap_or(0),
        };
        let faults = check_api_client(&input);
        if !faults.is_empty() {
            let mut fields: Vec<FieldFault> = Vec::new();
            for (field, code) in faults {
                if let Some((id, label)) = locate(&field)
                    && !fields.iter().any(|f| f.id == id)
                {
                    fields.push(FieldFault {
                        id,
                        label: label.into(),
                        code,
                    });
                }
            }
            errors.set(FormErrors {
                fields,
                ..FormErrors::default()
            });
            focus_later(summary);
            return;
        }
        busy.set(true);
        said.set(None);
        let lang = lang.get_untracked();
        let target = editing.get_untracked();
        spawn_local(async move {
            let outcome = match target.clone() {
                None => session
                    .authorized(lang, |token| {
                        let input = input.clone();
                        async move { api::create_api_client(&token, &input, lang).await }
                    })
                    .await
                    .map(|made| {
                        replace(made.client.clone());
                        secret.set(Some(made));
                        focus_id_later(SECRET_HEADING.to_owned());
                        T::CreatedSaid
                    }),
                Some(id) => session
                    .authorized(lang, |token| {
                        let (input, id) = (input.clone(), id.clone());
                        async move { api::update_api_client(&token, &id, &input, lang).await }
                    })
                    .await
                    .map(|client| {
                        focus_id_later(heading_id(&client.client_id));
                        replace(client);
                        T::SavedSaid
                    }),
            };
            busy.try_set(false);
            match outcome {
                Ok(words) => {
                    reset();
                    said.set(Some(words));
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };

    view! {
        <p>{tr(T::Intro)}</p>
        <div role="status" class="confirmation-region">
            {move || said.get().map(|t| view! { <p class="confirmation">{tr(t)}</p> })}
        </div>
        {move || secret.get().map(|made| view! {
            <section class="secret-panel" aria-labelledby=SECRET_HEADING>
                <h2 id=SECRET_HEADING tabindex="-1">{tr(T::SecretHeading)}</h2>
                <p>{tr(T::SecretIntro)}</p>
                <dl>
                    <dt>{tr(T::Name)}</dt>
                    <dd>{made.client.name.clone()}</dd>
                    <dt>{tr(T::ClientId)}</dt>
                    <dd><code class="secret-value">{made.client.client_id.clone()}</code></dd>
                    <dt>{tr(T::Secret)}</dt>
                    <dd><code class="secret-value" data-testid="client-secret">{made.client_secret.clone()}</code></dd>
                </dl>
                <button type="button" class="button" on:click=move |_| {
                    let id = heading_id(&made.client.client_id);
                    secret.set(None);
                    focus_id_later(id);
                }>{tr(T::SecretStored)}</button>
            </section>
        })}
        <section aria-labelledby=FORM_HEADING>
            <h2 id=FORM_HEADING tabindex="-1">
                {move || if editing.get().is_some() { T::EditHeading.text(lang.get()) } else { T::NewHeading.text(lang.get()) }}
            </h2>
            <ErrorSummary errors=errors node_ref=summary id="client-summary" />
            <form class="form" novalidate on:submit=submit>
                <Field id=NAME_ID label=T::Name hint=T::NameHint autocomplete="off" value=name errors=errors />
                <Checks legend=T::Scopes hint=T::ScopesHint first_id=SCOPES_ID prefix="scope" options=ApiScope::ALL
                    key=ApiScope::as_str name_of=scope_name chosen=scopes errors=errors />
                <Field id=ORIGINS_ID label=T::Origins hint=T::OriginsHint autocomplete="off" rows=3 value=origins errors=errors />
                <Field id=RATE_ID label=T::RateLimit hint=T::RateLimitHint kind="number" inputmode="numeric" autocomplete="off" value=rate errors=errors />
                <button type="submit" class="button">
                    {move || if editing.get().is_some() { T::Save.text(lang.get()) } else { T::Create.text(lang.get()) }}
                </button>
                {move || editing.get().map(|id| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| {
                        reset();
                        focus_id_later(heading_id(&id));
                    }>{tr(T::CancelEdit)}</button>
                })}
            </form>
        </section>
        <section aria-labelledby="clients-heading">
            <h2 id="clients-heading">{tr(T::ListHeading)}</h2>
            {move || match clients.get() {
                None => view! { <p>{tr(crate::i18n::Ui::Loading)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="error" role="alert">{move || code.message(lang.get())}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{tr(T::Empty)}</p> }.into_any(),
                Some(Ok(_)) => view! {
                    <ul class="cards">
                        <For
                            each=move || clients.get().and_then(Result::ok).unwrap_or_default()
                            key=|c| (c.client_id.clone(), c.name.clone(), c.revoked_at, c.scopes.clone(), c.allowed_origins.clone(), c.rate_limit_per_minute)
                            let:client
                        >
                            <ClientCard client=client zone=zone said=said secret=secret replace=replace start_edit=start_edit />
                        </For>
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// One client: its settings and use, its buttons and its calls.
#[component]
fn ClientCard(
    client: ApiClient,
    zone: Memo<String>,
    said: RwSignal<Option<T>>,
    secret: RwSignal<Option<ApiClientCredentials>>,
    replace: impl Fn(ApiClient) + Copy + Send + Sync + 'static,
    start_edit: impl Fn(ApiClient) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let id = StoredValue::new(client.client_id.clone());
    let asking = RwSignal::new(false);
    let calls = RwSignal::new(None::<Result<Vec<ApiCall>, ErrorCode>>);
    let shown = RwSignal::new(false);
    let revoked = client.revoked_at;
    let heading = heading_id(&client.client_id);
    let revoke_id = format!("{heading}-revoke");
    let confirm_id = format!("{heading}-confirm");
    let keep = StoredValue::new(client.clone());
    let scopes = client
        .scopes
        .iter()
        .map(|s| {
            let s = *s;
            view! { <li>{move || scope_name(lang.get(), s)}</li> }
        })
        .collect_view();
    let origins = if client.allowed_origins.is_empty() {
        view! { <span>{tr(T::NoOrigins)}</span> }.into_any()
    } else {
        client.allowed_origins.join(", ").into_any()
    };
    let revoke = move |_| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::revoke_api_client(&token, &id.get_value(), lang).await
                })
                .await;
            match result {
                Ok(client) => {
                    focus_id_later(heading_id(&client.client_id));
                    replace(client);
                    said.set(Some(T::RevokedSaid));
                }
                Err(e) => {
                    let _ = e;
                    said.set(None);
                }
            }
        });
    };
    let renew = move |_| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::renew_api_client_secret(&token, &id.get_value(), lang).await
                })
                .await;
            if let Ok(made) = result {
                secret.set(Some(made));
                said.set(Some(T::RenewedSaid));
                focus_id_later(SECRET_HEADING.to_owned());
            }
        });
    };
    let toggle_calls = move |_| {
        if shown.get_untracked() {
            shown.set(false);
            return;
        }
        shown.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::api_client_calls(&token, &id.get_value(), lang).await
                })
                .await;
            calls.try_set(Some(result.map(|p| p.items).map_err(|e| e.code())));
        });
    };
    let created = client.created_at;
    let last = client.last_call_at;
    view! {
        <li class="card">
            <h3 id=heading.clone() tabindex="-1">{client.name.clone()}</h3>
            <dl>
                <dt>{tr(T::ClientId)}</dt>
                <dd><code>{client.client_id.clone()}</code></dd>
                <dt>{tr(T::State)}</dt>
                <dd>{move || match revoked {
                    None => T::Active.text(lang.get()).to_owned(),
                    Some(at) => format!("{} {}", T::Revoked.text(lang.get()), when(lang.get(), at, &zone.get())),
                }}</dd>
                <dt>{tr(T::Scopes)}</dt>
                <dd><ul>{scopes}</ul></dd>
                <dt>{tr(T::OriginsShort)}</dt>
                <dd>{origins}</dd>
                <dt>{tr(T::RateLimitShort)}</dt>
                <dd>{client.rate_limit_per_minute}" "{tr(T::PerMinute)}</dd>
                <dt>{tr(T::Created)}</dt>
                <dd>{move || when(lang.get(), created, &zone.get())}</dd>
                <dt>{tr(T::LastCall)}</dt>
                <dd>{move || last.map_or_else(|| T::Never.text(lang.get()).to_owned(), |at| when(lang.get(), at, &zone.get()))}</dd>
                <dt>{tr(T::CallsLastDay)}</dt>
                <dd>{client.calls_last_day}</dd>
            </dl>
            <div class="button-row">
                {revoked.is_none().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=move |_| start_edit(keep.get_value())>{tr(T::Edit)}</button>
                    <button type="button" class="button button-secondary" on:click=renew>{tr(T::NewSecret)}</button>
                    <Show when=move || !asking.get()>
                        <button type="button" class="button button-danger" id=revoke_id.clone() on:click={
                            let confirm_id = confirm_id.clone();
                            move |_| { asking.set(true); focus_id_later(confirm_id.clone()); }
                        }>{tr(T::Revoke)}</button>
                    </Show>
                })}
                <button type="button" class="button button-secondary" aria-expanded=move || shown.get().to_string() on:click=toggle_calls>
                    {move || if shown.get() { T::HideCalls.text(lang.get()) } else { T::ShowCalls.text(lang.get()) }}
                </button>
            </div>
            <Show when=move || asking.get() && revoked.is_none()>
                <div class="confirm" role="group" aria-labelledby=format!("{}-question", heading_id(&id.get_value()))>
                    <p id=format!("{}-question", heading_id(&id.get_value()))>{tr(T::RevokeQuestion)}</p>
                    <button type="button" class="button button-danger" id=format!("{}-confirm", heading_id(&id.get_value())) on:click=revoke>{tr(T::ConfirmRevoke)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| {
                        asking.set(false);
                        focus_id_later(format!("{}-revoke", heading_id(&id.get_value())));
                    }>{tr(T::KeepIt)}</button>
                </div>
            </Show>
            <Show when=move || shown.get()>
                {move || match calls.get() {
                    None => view! { <p>{tr(crate::i18n::Ui::Loading)}</p> }.into_any(),
                    Some(Err(code)) => view! { <p class="error">{move || code.message(lang.get())}</p> }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <p>{tr(T::NoCalls)}</p> }.into_any(),
                    Some(Ok(list)) => view! {
                        <table>
                            <caption>{tr(T::CallsCaption)}</caption>
                            <thead><tr>
                                <th scope="col">{tr(T::When)}</th>
                                <th scope="col">{tr(T::Route)}</th>
                                <th scope="col">{tr(T::Status)}</th>
                            </tr></thead>
                            <tbody>
                                {list.into_iter().map(|c| {
                                    let at = c.at;
                                    view! { <tr>
                                        <td>{move || when(lang.get(), at, &zone.get())}</td>
                                        <td><code>{format!("{} {}", c.method, c.route)}</code></td>
                                        <td>{c.status}</td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }}
            </Show>
        </li>
    }
}
