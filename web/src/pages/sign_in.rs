//! Signing in, with email or phone and password, or with library card and PIN.
//!
//! The browser checks the input with the same `shared::validate` rules as the server before sending,
//! so most mistakes are explained without a round trip; whatever the server still rejects is shown the
//! same way. After signing in the person lands on "my page", or back where they came from when the
//! link carried `?next=/…` (the booking flow does, so a half-made booking is not lost).

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{ErrorCode, FieldCode, LoginRequest, TokenResponse, validate};

use crate::api::{self, ApiResult};
use crate::components::form::{
    ErrorSummary, Field, FieldFault, FormErrors, MethodChoice, focus_later,
};
use crate::i18n::{Auth, Text};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::use_session;

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    use_title(Auth::SignInTitle);
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();

    let card = RwSignal::new(false);
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let card_number = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    // Accounts with two-step sign-in: after the right password the server asks for the code, and the
    // form shows one more field and sends everything again.
    let code_step = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    // Switching method hides the other fields, so their messages would point at nothing.
    Effect::new(move || {
        card.track();
        errors.set(FormErrors::default());
        code_step.set(false);
    });

    let action = Action::new_local(move |req: &LoginRequest| {
        let req = req.clone();
        let lang = lang.get_untracked();
        async move { api::login(&req, lang).await }
    });
    Effect::new(move || {
        let Some(result): Option<ApiResult<TokenResponse>> = action.value().get() else {
            return;
        };
        match result {
            Ok(tokens) => {
                session.sign_in(tokens);
                let next = query
                    .with_untracked(|q| q.get("next"))
                    .filter(|n| is_local(n));
                navigate(
                    next.as_deref().unwrap_or(Page::Me.href()),
                    Default::default(),
                );
            }
            Err(err) if err.code() == ErrorCode::SecondFactorRequired => {
                errors.set(FormErrors::default());
                code_step.set(true);
                request_animation_frame(move || {
                    if let Some(el) = document().get_element_by_id("one_time_code") {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                });
            }
            Err(err) => {
                let mut shown = FormErrors::from_api(&err, locate);
                if err.code() == ErrorCode::SecondFactorInvalid {
                    code.set(String::new());
                    shown.fields.push(FieldFault {
                        id: "one_time_code",
                        label: Auth::OneTimeCode.into(),
                        code: FieldCode::Incorrect,
                    });
                }
                errors.set(shown);
                focus_later(summary);
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = if card.get_untracked() {
            check_card(&card_number.get_untracked(), &pin.get_untracked())
        } else {
            check_password(&login.get_untracked(), &password.get_untracked())
        };
        let checked = checked.and_then(|mut req| {
            if code_step.get_untracked() {
                let typed = code.get_untracked().trim().to_owned();
                if typed.is_empty() {
                    let mut faults = Vec::new();
                    fault(
                        "one_time_code",
                        Auth::OneTimeCode,
                        FieldCode::Required,
                        &mut faults,
                    );
                    return Err(faults);
                }
                req.one_time_code = Some(typed);
            }
            Ok(req)
        });
        match checked {
            Ok(req) => {
                errors.set(FormErrors::default());
                action.dispatch_local(req);
            }
            Err(fields) => {
                errors.set(FormErrors {
                    fields,
                    ..Default::default()
                });
                focus_later(summary);
            }
        }
    };

    view! {
        <h1>{tr(Auth::SignInTitle)}</h1>
        <Show when=move || session.just_signed_out.get()>
            <p class="notice" role="status">{tr(Auth::SignedOut)}</p>
        </Show>
        <p>{tr(Auth::SignInIntro)}</p>
        <ErrorSummary errors=errors node_ref=summary id="sign-in-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <MethodChoice legend=Auth::SignInHow name="sign-in-method" card=card />
            <Show when=move || !card.get() fallback=move || view! {
                <Field id="card_number" label=Auth::CardNumber hint=Auth::CardNumberHint autocomplete="username"
                    inputmode="numeric" value=card_number errors=errors />
                <Field id="pin" label=Auth::Pin hint=Auth::PinHint kind="password" autocomplete="current-password"
                    inputmode="numeric" value=pin errors=errors />
            }>
                <Field id="login" label=Auth::EmailOrPhone hint=Auth::EmailOrPhoneHint autocomplete="username"
                    value=login errors=errors />
                <Field id="password" label=Auth::Password kind="password" autocomplete="current-password"
                    value=password errors=errors />
            </Show>
            <Show when=move || code_step.get()>
                <p class="notice" role="status">{tr(Auth::CodeNeeded)}</p>
                <Field id="one_time_code" label=Auth::OneTimeCode hint=Auth::OneTimeCodeHint
                    autocomplete="one-time-code" value=code errors=errors />
            </Show>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { Auth::Sending.text(lang.get()) } else { Auth::SignInButton.text(lang.get()) }}
            </button>
        </form>
        <p><A href=Page::Register.href()>{tr(Auth::NoAccount)}</A></p>
    }
}

/// True for an address on this site (`/book?…`), never another site's (`//evil.example`), so the
/// `next` parameter cannot send anyone elsewhere.
fn is_local(next: &str) -> bool {
    next.starts_with('/') && !next.starts_with("//") && !next.contains('\\')
}

/// Which input shows a field the server named.
fn locate(field: &str) -> Option<(&'static str, Auth)> {
    match field {
        "email" | "phone" => Some(("login", Auth::EmailOrPhone)),
        "password" => Some(("password", Auth::Password)),
        "card_number" => Some(("card_number", Auth::CardNumber)),
        "pin" => Some(("pin", Auth::Pin)),
        "one_time_code" => Some(("one_time_code", Auth::OneTimeCode)),
        _ => None,
    }
}

/// Email or phone with password. A value with `@` is an email address, anything else a phone number.
fn check_password(login: &str, password: &str) -> Result<LoginRequest, Vec<FieldFault>> {
    let mut faults = Vec::new();
    let (email, phone) = if login.contains('@') {
        (
            validate::email(login)
                .map_err(|c| fault("login", Auth::EmailOrPhone, c, &mut faults))
                .ok(),
            None,
        )
    } else {
        (
            None,
            validate::phone(login)
                .map_err(|c| fault("login", Auth::EmailOrPhone, c, &mut faults))
                .ok(),
        )
    };
    // Only presence is checked here: an old password may predate today's length rule.
    if password.is_empty() {
        fault("password", Auth::Password, FieldCode::Required, &mut faults);
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    Ok(LoginRequest {
        email,
        phone,
        password: Some(password.to_owned()),
        ..Default::default()
    })
}

/// Card number with PIN.
fn check_card(card_number: &str, pin: &str) -> Result<LoginRequest, Vec<FieldFault>> {
    let mut faults = Vec::new();
    let card_number = validate::card_number(card_number)
        .map_err(|c| fault("card_number", Auth::CardNumber, c, &mut faults));
    let pin = validate::pin(pin).map_err(|c| fault("pin", Auth::Pin, c, &mut faults));
    match (card_number, pin) {
        (Ok(card_number), Ok(pin)) => Ok(LoginRequest {
            card_number: Some(card_number),
            pin: Some(pin),
            ..Default::default()
        }),
        _ => Err(faults),
    }
}

fn fault(id: &'static str, label: Auth, code: FieldCode, faults: &mut Vec<FieldFault>) {
    faults.push(FieldFault {
        id,
        label: label.into(),
        code,
    });
}
