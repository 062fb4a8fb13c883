//! The admins' form on the staff dashboard for the library's look: its colour (refused by the
//! server, in the reader's language, when white text on it would be hard to read) and its logo (a
//! file chosen and uploaded, or removed). The header follows at once.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::form::{ErrorSummary, Field, FormErrors, focus_later};
use crate::i18n::branding::BrandingText as T;
use crate::library::use_library;
use crate::prefs::{tr, use_lang};
use crate::session::use_session;

const COLOR_ID: &str = "brand-color";
const LOGO_ID: &str = "brand-logo";

/// The form, for an admin of `library` (its slug).
#[component]
pub fn BrandingForm(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let info = use_library();
    let library = StoredValue::new(library);
    let color = RwSignal::new(String::new());
    let has_logo = RwSignal::new(false);
    // The fields start from the library as it stands (when it is the one loaded).
    Effect::new(move |_| {
        if let Some(l) = info.get().filter(|l| l.slug == library.get_value()) {
            color.set(l.branding.brand_color.clone().unwrap_or_default());
            has_logo.set(l.branding.logo_url.is_some());
        }
    });
    let errors = RwSignal::new(FormErrors::default());
    let said = RwSignal::new(None::<T>);
    let busy = RwSignal::new(false);
    let summary = NodeRef::<html::Div>::new();
    let file_input = NodeRef::<html::Input>::new();
    let done = move |words: T| {
        errors.set(FormErrors::default());
        said.set(Some(words));
        if info
            .get_untracked()
            .is_some_and(|l| l.slug == library.get_value())
        {
            info.reload();
        }
    };
    let failed = move |e: api::ApiError| {
        errors.set(FormErrors::from_api(&e, |f| match f {
            "brand_color" => Some((COLOR_ID, T::Color)),
            "logo" => Some((LOGO_ID, T::Logo)),
            _ => None,
        }));
        focus_later(summary);
    };
    let save_color = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        said.set(None);
        let lang = lang.get_untracked();
        let value = color.get_untracked().trim().to_owned();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let value = (!value.is_empty()).then(|| value.clone());
                    async move { api::set_branding(&token, &library.get_value(), value, lang).await }
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(_) => done(T::ColorSaved),
                Err(e) => failed(e),
            }
        });
    };
    let upload = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let file = file_input
            .get_untracked()
            .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else {
            said.set(Some(T::NoFile));
            return;
        };
        busy.set(true);
        said.set(None);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let file = file.clone();
                    async move { api::put_logo(&token, &library.get_value(), &file, lang).await }
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(_) => done(T::LogoSaved),
                Err(e) => failed(e),
            }
        });
    };
    let remove = move |_| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| async move {
                    api::delete_logo(&token, &library.get_value(), lang).await
                })
                .await;
            match result {
                Ok(()) => done(T::LogoRemoved),
                Err(e) => failed(e),
            }
        });
    };
    view! {
        <section class="branding-form" aria-labelledby="branding-heading">
            <h2 id="branding-heading">{tr(T::Heading)}</h2>
            <p>{tr(T::Intro)}</p>
            <div role="status">
                {move || said.get().map(|t| view! { <p class="confirmation">{tr(t)}</p> })}
            </div>
            <ErrorSummary errors=errors node_ref=summary id="branding-summary" />
            <form class="form" novalidate on:submit=save_color>
                <Field id=COLOR_ID label=T::Color hint=T::ColorHint autocomplete="off" value=color errors=errors />
                <button type="submit" class="button">{tr(T::SaveColor)}</button>
            </form>
            <form class="form" on:submit=upload>
                <div class="field">
                    <label for=LOGO_ID>{tr(T::Logo)}</label>
                    <p class="hint" id="brand-logo-hint">{tr(T::LogoHint)}</p>
                    <input type="file" id=LOGO_ID name=LOGO_ID node_ref=file_input
                        accept="image/png,image/jpeg,image/webp" aria-describedby="brand-logo-hint" />
                </div>
                <div class="button-row">
                    <button type="submit" class="button">{tr(T::Upload)}</button>
                    <Show when=move || has_logo.get()>
                        <button type="button" class="button button-secondary" on:click=remove>{tr(T::RemoveLogo)}</button>
                    </Show>
                </div>
            </form>
        </section>
    }
}
