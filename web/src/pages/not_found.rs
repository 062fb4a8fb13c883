//! The page for addresses the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::Pages;
use crate::prefs::{tr, use_title};
use crate::routes::Page;

/// Shown for any unknown address.
#[component]
pub fn NotFound() -> impl IntoView {
    use_title(Pages::NotFoundTitle);
    view! {
        <h1>{tr(Pages::NotFoundTitle)}</h1>
        <p>{tr(Pages::NotFoundText)}</p>
        <p><A href=Page::Home.href()>{tr(Pages::BackHome)}</A></p>
    }
}
