//! The language and text-size switches in the header.
//!
//! Each is a group of toggle buttons with `aria-pressed`, so a screen reader says which choice is on.
//! Language buttons are labelled in their own language (and marked with `lang`), so a reader who does
//! not understand the current language still recognises their own.

use leptos::prelude::*;

use etakirjasto_shared::Lang;

use crate::i18n::{self, Text, Ui};
use crate::prefs::{TextSize, tr, use_prefs};

/// Buttons for Suomi, Svenska and English.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let prefs = use_prefs();
    let buttons = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <button type="button" class="toggle" lang=lang.code()
                    aria-pressed=move || if prefs.lang.get() == lang { "true" } else { "false" }
                    on:click=move |_| prefs.lang.set(lang)>
                    {i18n::endonym(lang)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="switch" role="group" aria-labelledby="lang-switch-label">
            <span class="switch-label" id="lang-switch-label">{tr(Ui::Language)}</span>
            {buttons}
        </div>
    }
}

/// Buttons for normal, large and largest text.
#[component]
pub fn TextSizeSwitch() -> impl IntoView {
    let prefs = use_prefs();
    let buttons = TextSize::ALL
        .into_iter()
        .map(|size| {
            view! {
                <button type="button" class=format!("toggle toggle-size-{}", size.root_font_size().trim_end_matches('%'))
                    aria-pressed=move || if prefs.size.get() == size { "true" } else { "false" }
                    on:click=move |_| prefs.size.set(size)>
                    {move || size.label().text(prefs.lang.get())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="switch" role="group" aria-labelledby="size-switch-label">
            <span class="switch-label" id="size-switch-label">{tr(Ui::TextSize)}</span>
            {buttons}
        </div>
    }
}
