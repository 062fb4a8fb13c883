//! Two-step sign-in: setting it up (key as a QR code and as text, then the app's current code) and,
//! once it is on, making new recovery codes. Staff land here from the dashboard until it is on.
//!
//! The recovery codes are shown once, right after they are made, as a plain list that can be printed
//! or copied; they are never stored in the browser.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use etakirjasto_shared::{FieldCode, RecoveryCodes, SecondFactorSetup};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldFault, FormErrors, focus_later};
use crate::i18n::{Auth, Pages, Text, Ui};
use crate::pages::me::SignInPrompt;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::{Phase, use_session};

/// The two-step sign-in page.
#[component]
pub fn TwoStep() -> impl IntoView {
    use_title(Auth::TwoStepTitle);
    let session = use_session();
    let codes = RwSignal::new(None::<RecoveryCodes>);

    view! {
        <h1>{tr(Auth::TwoStepTitle)}</h1>
        {move || match (session.phase.get(), session.me()) {
            (Phase::Checking, _) => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
            (Phase::SignedOut, _) | (Phase::SignedIn, None) => view! { <SignInPrompt /> }.into_any(),
            (Phase::SignedIn, Some(me)) => {
                let staff = me.is_staff();
                view! {
                    <p>{tr(Auth::TwoStepIntro)}</p>
                    <Show when=move || staff>
                        <p>{tr(Auth::TwoStepStaffNeeds)}</p>
                    </Show>
                    {move || match codes.get() {
                        Some(c) => view! { <ShowCodes codes=c staff=staff /> }.into_any(),
                        None if me.second_factor => view! {
                            <p class="notice" role="status">{tr(Auth::TwoStepOn)}</p>
                            <CodeForm heading=Auth::RecoveryRenewTitle button=Auth::RecoveryRenew
                                hint=Auth::TwoStepCodeHint codes=codes renew=true />
                        }.into_any(),
                        None => view! { <SetUp codes=codes /> }.into_any(),
                    }}
                }
                .into_any()
            }
        }}
    }
}

/// Starting setup: a button, then the key and the code form.
#[component]
fn SetUp(codes: RwSignal<Option<RecoveryCodes>>) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let setup = RwSignal::new(None::<SecondFactorSetup>);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::start_second_factor(&token, lang).await
                })
                .await;
            busy.set(false);
            match result {
                Ok(s) => {
                    errors.set(FormErrors::default());
                    setup.set(Some(s));
                }
                Err(err) => {
                    errors.set(FormErrors::from_api(&err, |_| None::<(&str, Auth)>));
                    focus_later(summary);
                }
            }
        });
    };

    view! {
        <ErrorSummary errors=errors node_ref=summary id="two-step-start-summary" />
        {move || match setup.get() {
            None => view! {
                <button type="button" class="button" disabled=move || busy.get() on:click=start>
                    {tr(Auth::TwoStepStart)}
                </button>
            }.into_any(),
            Some(s) => view! {
                <p>{tr(Auth::TwoStepStep1)}</p>
                <p>{tr(Auth::TwoStepStep2)}</p>
                <div class="qr" role="img" aria-label=move || Auth::TwoStepQrAlt.text(lang.get()) inner_html=s.qr_svg.clone()></div>
                <dl class="details">
                    <dt>{tr(Auth::TwoStepKey)}</dt>
                    <dd><code class="secret">{group(&s.secret)}</code></dd>
                </dl>
                <p>{tr(Auth::TwoStepStep3)}</p>
                <CodeForm heading=Auth::TwoStepTitle button=Auth::TwoStepConfirm hint=Auth::TwoStepCodeHint
                    codes=codes renew=false />
            }.into_any(),
        }}
    }
}

/// The key in groups of four, easier to type into an app.
fn group(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A code field and a button: confirms setup, or (with `renew`) makes new recovery codes.
#[component]
fn CodeForm(
    heading: Auth,
    button: Auth,
    hint: Auth,
    codes: RwSignal<Option<RecoveryCodes>>,
    renew: bool,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();
    let busy = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = code.get_untracked().trim().to_owned();
        if typed.is_empty() {
            errors.set(FormErrors {
                fields: vec![FieldFault {
                    id: "setup_code",
                    label: Auth::OneTimeCode.into(),
                    code: FieldCode::Required,
                }],
                ..Default::default()
            });
            focus_later(summary);
            return;
        }
        busy.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let typed = typed.clone();
                    async move {
                        if renew {
                            api::renew_recovery_codes(&token, &typed, lang).await
                        } else {
                            api::confirm_second_factor(&token, &typed, lang).await
                        }
                    }
                })
                .await;
            busy.set(false);
            match result {
                Ok(c) => {
                    if let Ok(me) = session
                        .authorized(lang, |token| async move { api::me(&token, lang).await })
                        .await
                    {
                        session.update_me(me);
                    }
                    codes.set(Some(c));
                }
                Err(err) => {
                    code.set(String::new());
                    errors.set(FormErrors::from_api(&err, |field| {
                        (field == "one_time_code").then_some(("setup_code", Auth::OneTimeCode))
                    }));
                    focus_later(summary);
                }
            }
        });
    };

    view! {
        <h2>{tr(heading)}</h2>
        <ErrorSummary errors=errors node_ref=summary id="two-step-code-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <Field id="setup_code" label=Auth::OneTimeCode hint=hint autocomplete="one-time-code"
                inputmode="numeric" value=code errors=errors />
            <button type="submit" class="button" disabled=move || busy.get()>{tr(button)}</button>
        </form>
    }
}

/// The recovery codes, shown once.
#[component]
fn ShowCodes(codes: RecoveryCodes, staff: bool) -> impl IntoView {
    view! {
        <p class="notice" role="status">{tr(Auth::TwoStepOn)}</p>
        <h2>{tr(Auth::RecoveryTitle)}</h2>
        <p>{tr(Auth::RecoveryIntro)}</p>
        <ul class="recovery-codes">
            {codes.recovery_codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
        <p>
            {if staff {
                view! { <A href=Page::Staff.href()>{tr(Pages::StaffTitle)}</A> }.into_any()
            } else {
                view! { <A href=Page::Me.href()>{tr(Pages::MeTitle)}</A> }.into_any()
            }}
        </p>
    }
}
