//! "My data" on my page: downloading everything held on the person, and deleting the account.
//!
//! The download is fetched with the bearer token (through [`Session::authorized`], so an expired token
//! is renewed once) and handed to the browser as a file through a `blob:` address and a temporary
//! `<a download>`. The Content-Security-Policy forbids inline styles and scripts, so nothing here sets
//! a `style` attribute; the temporary link is hidden with the `hidden` attribute.
//!
//! Only patrons can delete their own account; staff and admin accounts are removed by an admin, so
//! they see one sentence instead of the form. The deletion is confirmed with the password, or with the
//! PIN when the account signs in only with a library card.
//!
//! [`Session::authorized`]: crate::session::Session::authorized

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::{JsCast, JsValue};

use etakirjasto_shared::{DeleteAccountRequest, ErrorCode, FieldCode, Me};

use crate::api::{self, ApiResult};
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::i18n::{Account, Auth, Text};
use crate::prefs::{tr, use_lang};
use crate::routes::Page;
use crate::session::use_session;

/// The name the downloaded file is saved under, the same as the server's `Content-Disposition`.
pub const EXPORT_FILE_NAME: &str = "etakirjasto-omat-tiedot.json";

/// How long the `blob:` address stays valid after the download has started. The browser has read the
/// blob by then; revoking frees the memory.
const REVOKE_AFTER: Duration = Duration::from_secs(10);

/// Where the download stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Download {
    /// Nothing asked yet.
    Idle,
    /// The data is being fetched.
    Fetching,
    /// The file was handed to the browser.
    Saved,
    /// It failed, for this reason.
    Failed(ErrorCode),
}

/// The download of one's data: what it holds, what kind of file it is, and the button.
#[component]
pub fn DownloadData() -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let state = RwSignal::new(Download::Idle);

    let download = move |_| {
        state.set(Download::Fetching);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::export_my_data(&token, lang).await
                })
                .await;
            state.set(match result {
                Ok(json) => match save_file(&json, EXPORT_FILE_NAME, "application/json") {
                    Ok(()) => Download::Saved,
                    Err(_) => Download::Failed(ErrorCode::Internal),
                },
                Err(err) => Download::Failed(err.code()),
            });
        });
    };
    let status = move || {
        let lang = lang.get();
        match state.get() {
            Download::Idle => None,
            Download::Fetching => {
                Some(view! { <p>{Account::DataFetching.text(lang)}</p> }.into_any())
            }
            Download::Saved => {
                Some(view! { <p class="notice">{Account::DataSaved.text(lang)}</p> }.into_any())
            }
            Download::Failed(code) => {
                Some(view! { <p class="error-message">{code.message(lang)}</p> }.into_any())
            }
        }
    };

    view! {
        <section class="my-data" aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">{tr(Account::DataHeading)}</h2>
            <p>{tr(Account::DataWhat)}</p>
            <p>{tr(Account::DataFile)}</p>
            // Present from the start, so screen readers announce what appears in it.
            <div class="download-status" role="status">{status}</div>
            <button type="button" class="button download-data"
                disabled=move || state.get() == Download::Fetching on:click=download>
                {tr(Account::DataButton)}
            </button>
        </section>
    }
}

/// Hands `text` to the browser as a JSON file called `name`, through a temporary `<a download>`.
pub fn save_file(text: &str, name: &str, mime: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = JsValue::from(vec![text.to_owned()]);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    // The router ignores clicks on links with `download`, so this click does not become a page change.
    let body = document().body().ok_or(JsValue::NULL)?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    Ok(())
}

/// Deleting one's account: for patrons the warning and the confirmation form, for staff one sentence.
#[component]
pub fn DeleteAccount(
    /// The signed-in person.
    me: Me,
) -> impl IntoView {
    let heading = view! { <h2 id="delete-heading">{tr(Account::DeleteHeading)}</h2> };
    let body = if me.is_staff() {
        view! { <p class="delete-staff">{tr(Account::DeleteStaff)}</p> }.into_any()
    } else {
        // Someone who gave an email or phone signs in with a password; a card-only account with its PIN.
        let with_pin = me.email.is_none() && me.phone.is_none() && me.card_number.is_some();
        view! { <DeleteForm with_pin=with_pin /> }.into_any()
    };
    view! {
        <section class="delete-account" aria-labelledby="delete-heading">
            {heading}
            {body}
        </section>
    }
}

/// The warning, the password or PIN field and the destructive button.
#[component]
fn DeleteForm(
    /// True when the account confirms with its card PIN rather than a password.
    with_pin: bool,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let navigate = use_navigate();
    let secret = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let (id, label, hint) = if with_pin {
        (PIN_ID, Auth::Pin, Auth::ConfirmPinHint)
    } else {
        (PASSWORD_ID, Auth::Password, Auth::ConfirmPasswordHint)
    };

    let action = Action::new_local(move |req: &DeleteAccountRequest| {
        let req = req.clone();
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| {
                    let req = req.clone();
                    async move { api::delete_account(&token, &req, lang).await }
                })
                .await
        }
    });
    Effect::new(move || {
        let Some(result): Option<ApiResult<()>> = action.value().get() else {
            return;
        };
        match result {
            Ok(()) => {
                session.account_deleted();
                navigate(Page::Home.href(), Default::default());
            }
            Err(err) => {
                // The server names `password` or `pin`; either way it is about the one field shown.
                let locate =
                    |field: &str| matches!(field, "password" | "pin").then_some((id, label));
                errors.set(FormErrors::from_api(&err, locate));
                focus_later(summary);
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Only presence is checked here: an old password or PIN may predate today's rules.
        let value = secret.get_untracked();
        if value.is_empty() {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id,
                    label: label.into(),
                    code: FieldCode::Required,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        }
        errors.set(FormErrors::default());
        let req = if with_pin {
            DeleteAccountRequest {
                password: None,
                pin: Some(value),
            }
        } else {
            DeleteAccountRequest {
                password: Some(value),
                pin: None,
            }
        };
        action.dispatch_local(req);
    };

    let field = if with_pin {
        view! {
            <Field id=PIN_ID label=label hint=hint kind="password" autocomplete="current-password"
                inputmode="numeric" value=secret errors=errors />
        }
        .into_any()
    } else {
        view! {
            <Field id=PASSWORD_ID label=label hint=hint kind="password" autocomplete="current-password"
                value=secret errors=errors />
        }
        .into_any()
    };

    view! {
        <p>{tr(Account::DeleteWhat)}</p>
        <p class="warning"><strong>{tr(Account::DeleteFinal)}</strong></p>
        <p>{tr(Account::DeleteDownloadFirst)}</p>
        <ErrorSummary errors=errors node_ref=summary id="delete-summary" />
        <form class="form" novalidate on:submit=on_submit>
            {field}
            <button type="submit" class="button button-danger" disabled=move || action.pending().get()>
                {move || if action.pending().get() { Auth::Sending.text(lang.get()) } else { Account::DeleteButton.text(lang.get()) }}
            </button>
        </form>
    }
}

/// The id of the password input that confirms a deletion.
const PASSWORD_ID: &str = "delete-password";
/// The id of the PIN input that confirms a deletion.
const PIN_ID: &str = "delete-pin";
