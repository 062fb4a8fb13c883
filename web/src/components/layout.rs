//! The frame around every page: skip link, header with the library's name and phone number, the
//! switches, the navigation, `<main>` and the footer.
//!
//! The phone number is on every page on purpose: whoever gets stuck must find a person to call.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::i18n::{self, Text, Ui};
use crate::library::use_library;
use crate::prefs::{tr, use_lang};
use crate::routes::Page;
use crate::session::use_session;

use super::switches::{LangSwitch, TextSizeSwitch};

/// Focuses `<main>`, so keyboard and screen-reader users continue from the content.
fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(main) = document()
        .get_element_by_id("main")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// A phone number as a `tel:` link, written the way people read it.
#[component]
pub fn PhoneLink(
    /// The number in E.164 form.
    phone: String,
    /// Extra CSS class.
    #[prop(default = "")]
    class: &'static str,
) -> impl IntoView {
    let href = format!("tel:{phone}");
    view! { <a class=class href=href>{i18n::display_phone(&phone)}</a> }
}

/// The page frame; `children` is the routed page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let library = use_library();
    let session = use_session();
    let lang = use_lang();

    // After a client-side page change, move focus to the new content, as a full page load would
    // start reading from the top. The first run is the initial load, where focus stays put so that
    // the skip link remains the first Tab stop.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_main();
        }
        path
    });

    let name = move || {
        library
            .get()
            .map(|l| l.name)
            .unwrap_or_else(|| Ui::LibraryFallbackName.text(lang.get()).to_owned())
    };
    // A library without a number or address in the directory shows none, never an empty link.
    let header_phone = move || {
        library.get().filter(|l| !l.phone.is_empty()).map(|l| {
            view! {
                <p class="site-phone">
                    <span>{tr(Ui::PhoneLead)}</span> " " <PhoneLink phone=l.phone class="phone-link" />
                </p>
            }
        })
    };
    let signed_in = move || session.me().is_some();

    view! {
        <a class="skip-link" href="#main" on:click=move |ev| {
            // Handled on the element, before the router's window-wide listener sees the click (Leptos
            // attaches listeners to elements unless its `delegation` feature is on), so the fragment is
            // not treated as a page change and focus really moves, which browsers do not all do.
            ev.prevent_default();
            focus_main();
        }>{tr(Ui::SkipToContent)}</a>
        <header class="site-header">
            <div class="wrap header-top">
                <p class="site-name"><A href=Page::Home.href()>
                    {move || library.get().and_then(|l| l.branding.logo_url).map(|src| view! { <img class="site-logo" src=src alt="" /> })}
                    {name}
                </A></p>
                {header_phone}
            </div>
            <div class="wrap switches">
                <LangSwitch />
                <TextSizeSwitch />
            </div>
            <nav class="site-nav" aria-label=tr(Ui::MainNav)>
                <ul class="wrap">
                    <li><A href=Page::Home.href()>{tr(Ui::NavHome)}</A></li>
                    <li><A href=Page::Events.href()>{tr(Ui::NavEvents)}</A></li>
                    <Show when=signed_in fallback=move || view! {
                        <li><A href=Page::SignIn.href()>{tr(Ui::NavSignIn)}</A></li>
                        <li><A href=Page::Register.href()>{tr(Ui::NavRegister)}</A></li>
                    }>
                        <li><A href=Page::Me.href()>{tr(Ui::NavMe)}</A></li>
                        <li><A href=Page::MyBookings.href()>{tr(Ui::NavBookings)}</A></li>
                    </Show>
                    <Show when=move || session.is_staff()>
                        <li><A href=Page::Staff.href()>{tr(Ui::NavStaff)}</A></li>
                    </Show>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1" class="wrap">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p class="footer-name">{name}</p>
                {move || library.get().map(|l| view! {
                    {(!l.phone.is_empty()).then(|| view! { <p><PhoneLink phone=l.phone.clone() /></p> })}
                    {(!l.email.is_empty()).then(|| view! { <p><a href=format!("mailto:{}", l.email)>{l.email.clone()}</a></p> })}
                })}
                <p>{tr(Ui::FooterHelp)}</p>
                <LibraryChooser />
            </div>
        </footer>
    }
}

/// On an instance with several libraries: the patron's own library, chosen from a list (a form with
/// a button, so nothing changes while the keyboard moves through the options). The new library's
/// name is said in a live region.
#[component]
fn LibraryChooser() -> impl IntoView {
    let library = use_library();
    let lang = use_lang();
    let picked = RwSignal::new(String::new());
    let said = RwSignal::new(None::<String>);
    Effect::new(move || {
        if let Some(l) = library.get() {
            picked.set(l.slug);
        }
    });
    let choose = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = picked.get_untracked();
        let name = library
            .all()
            .into_iter()
            .find(|l| l.slug == slug)
            .map(|l| l.name);
        if let Some(name) = name {
            library.choose(slug);
            said.set(Some(name));
        }
    };
    view! {
        <Show when=move || { library.all().len() > 1 }>
            <form class="library-chooser" on:submit=choose>
                <label for="library-choice">{tr(Ui::YourLibrary)}</label>
                <select id="library-choice" on:change=move |ev| picked.set(event_target_value(&ev))>
                    {move || library.all().into_iter().map(|l| {
                        let selected = picked.get() == l.slug;
                        view! { <option value=l.slug.clone() selected=selected>{l.name.clone()}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button button-secondary">{tr(Ui::ChooseLibrary)}</button>
                <p role="status">{move || said.get().map(|n| format!("{} {n}.", Ui::LibraryChosen.text(lang.get())))}</p>
            </form>
        </Show>
    }
}
