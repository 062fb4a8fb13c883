//! Creating a patron account: a name, and either email and/or phone with a password, or a library card
//! with its PIN.
//!
//! The rules are `shared::validate`, the same the server applies, so the form explains mistakes before
//! sending. An account that already exists, or anything else the server rejects, is shown the same way.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{FieldCode, RegisterRequest, TokenResponse, validate};

use crate::api::{self, ApiResult};
use crate::components::form::{
    ErrorSummary, Field, FieldFault, FormErrors, MethodChoice, focus_later,
};
use crate::i18n::{Auth, Text};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::use_session;

/// What the person typed.
#[derive(Debug, Clone, Default)]
struct Typed {
    card: bool,
    name: String,
    email: String,
    phone: String,
    password: String,
    card_number: String,
    pin: String,
}

/// The registration page.
#[component]
pub fn Register() -> impl IntoView {
    use_title(Auth::RegisterTitle);
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let library = use_library();

    let card = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let card_number = RwSignal::new(String::new());
    let pin = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    Effect::new(move || {
        card.track();
        errors.set(FormErrors::default());
    });

    let action = Action::new_local(move |req: &RegisterRequest| {
        let req = req.clone();
        let lang = lang.get_untracked();
        async move { api::register(&req, lang).await }
    });
    Effect::new(move || {
        let Some(result): Option<ApiResult<TokenResponse>> = action.value().get() else {
            return;
        };
        match result {
            Ok(tokens) => {
                session.sign_in(tokens);
                navigate(Page::Me.href(), Default::default());
            }
            Err(err) => {
                errors.set(FormErrors::from_api(&err, locate));
                focus_later(summary);
            }
        }
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = Typed {
            card: card.get_untracked(),
            name: name.get_untracked(),
            email: email.get_untracked(),
            phone: phone.get_untracked(),
            password: password.get_untracked(),
            card_number: card_number.get_untracked(),
            pin: pin.get_untracked(),
        };
        match check(&typed, library.slug_untracked()) {
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
        <h1>{tr(Auth::RegisterTitle)}</h1>
        <p>{tr(Auth::RegisterIntro)}</p>
        <ErrorSummary errors=errors node_ref=summary id="register-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <Field id="name" label=Auth::Name hint=Auth::NameHint autocomplete="name" value=name errors=errors />
            <MethodChoice legend=Auth::RegisterHow name="register-method" card=card />
            <Show when=move || !card.get() fallback=move || view! {
                <Field id="card_number" label=Auth::CardNumber hint=Auth::CardNumberHint autocomplete="off"
                    inputmode="numeric" value=card_number errors=errors />
                <Field id="pin" label=Auth::Pin hint=Auth::NewPinHint kind="password" autocomplete="new-password"
                    inputmode="numeric" value=pin errors=errors />
            }>
                <p class="hint">{tr(Auth::EmailPhoneHint)}</p>
                <Field id="email" label=Auth::Email kind="email" autocomplete="email" value=email errors=errors />
                <Field id="phone" label=Auth::Phone kind="tel" autocomplete="tel" value=phone errors=errors />
                <Field id="password" label=Auth::Password hint=Auth::NewPasswordHint kind="password"
                    autocomplete="new-password" value=password errors=errors />
            </Show>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { Auth::Sending.text(lang.get()) } else { Auth::RegisterButton.text(lang.get()) }}
            </button>
        </form>
        <p><A href=Page::SignIn.href()>{tr(Auth::HaveAccount)}</A></p>
    }
}

/// Which input shows a field the server named.
fn locate(field: &str) -> Option<(&'static str, Auth)> {
    match field {
        "name" => Some(("name", Auth::Name)),
        "email" => Some(("email", Auth::Email)),
        "phone" => Some(("phone", Auth::Phone)),
        "password" => Some(("password", Auth::Password)),
        "card_number" => Some(("card_number", Auth::CardNumber)),
        "pin" => Some(("pin", Auth::Pin)),
        _ => None,
    }
}

/// Applies the shared rules; empty optional fields are left out of the request.
fn check(t: &Typed, library: String) -> Result<RegisterRequest, Vec<FieldFault>> {
    let mut faults = Vec::new();
    let mut note = |id, label: Auth, code| {
        faults.push(FieldFault {
            id,
            label: label.into(),
            code,
        })
    };
    let name = validate::name(&t.name)
        .map_err(|c| note("name", Auth::Name, c))
        .ok();
    let mut req = RegisterRequest {
        library: Some(library),
        ..Default::default()
    };
    if t.card {
        req.card_number = validate::card_number(&t.card_number)
            .map_err(|c| note("card_number", Auth::CardNumber, c))
            .ok();
        req.pin = validate::pin(&t.pin)
            .map_err(|c| note("pin", Auth::Pin, c))
            .ok();
    } else {
        let given = |s: &str| !s.trim().is_empty();
        if !given(&t.email) && !given(&t.phone) {
            // One of the two is needed; the message goes on the first so the summary link lands there.
            note("email", Auth::Email, FieldCode::Required);
        }
        if given(&t.email) {
            req.email = validate::email(&t.email)
                .map_err(|c| note("email", Auth::Email, c))
                .ok();
        }
        if given(&t.phone) {
            req.phone = validate::phone(&t.phone)
                .map_err(|c| note("phone", Auth::Phone, c))
                .ok();
        }
        req.password = validate::password(&t.password)
            .map_err(|c| note("password", Auth::Password, c))
            .ok();
    }
    match (name, faults.is_empty()) {
        (Some(name), true) => Ok(RegisterRequest { name, ..req }),
        _ => Err(faults),
    }
}
