//! "My page": the signed-in person's name, contact details and libraries, the sign-out button, and
//! "My data" (downloading one's data and deleting the account, in [`super::my_data`]).
//!
//! The page shows the details from the session at once and then asks `GET /me` for fresh ones, so a
//! change made by library staff shows up without signing in again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::Me;

use crate::api;
use crate::i18n::{self, Booking, Pages, Text, Ui, role_name};
use crate::pages::my_data::{DeleteAccount, DownloadData};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::{Phase, use_session};

/// "My page".
#[component]
pub fn MePage() -> impl IntoView {
    use_title(Pages::MeTitle);
    let session = use_session();
    let lang = use_lang();

    // Fresh details from the server; `authorized` refreshes an expired access token once. The resource
    // follows only the phase: following the token would make a refresh start another load.
    let fresh = LocalResource::new(move || {
        let signed_in = session.phase.get() == Phase::SignedIn;
        let lang = lang.get_untracked();
        async move {
            if !signed_in {
                return None;
            }
            session
                .authorized(lang, |token| async move { api::me(&token, lang).await })
                .await
                .ok()
        }
    });
    let me = Memo::new(move |_| fresh.get().flatten().or_else(|| session.me()));

    view! {
        <h1>{tr(Pages::MeTitle)}</h1>
        {move || match session.phase.get() {
            Phase::Checking => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
            Phase::SignedOut => view! { <SignInPrompt /> }.into_any(),
            Phase::SignedIn => me.get().map(|me| view! { <Details me=me /> }).into_any(),
        }}
    }
}

/// Tells a signed-out visitor to sign in, with a link; used by pages that need a session.
#[component]
pub fn SignInPrompt() -> impl IntoView {
    view! {
        <p>{tr(Pages::NeedSignIn)}</p>
        <p><A href=Page::SignIn.href()>{tr(Ui::NavSignIn)}</A></p>
    }
}

/// The person's details, the sign-out button and "My data".
#[component]
fn Details(me: Me) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let navigate = use_navigate();
    let signing_out = RwSignal::new(false);

    let or_not_given = move |v: Option<String>| {
        move || {
            v.clone()
                .unwrap_or_else(|| Pages::NotGiven.text(lang.get()).to_owned())
        }
    };
    let memberships = me.memberships.clone();
    let for_delete = me.clone();
    let for_messages = me.clone();
    let sign_out = move |_| {
        signing_out.set(true);
        let navigate = navigate.clone();
        let lang = lang.get_untracked();
        spawn_local(async move {
            session.sign_out(lang).await;
            navigate(Page::SignIn.href(), Default::default());
        });
    };

    view! {
        <dl class="details">
            <dt>{tr(Pages::MeName)}</dt>
            <dd class="me-name">{me.name.clone()}</dd>
            <dt>{tr(Pages::MeEmail)}</dt>
            <dd>{or_not_given(me.email.clone())}</dd>
            <dt>{tr(Pages::MePhone)}</dt>
            <dd>{or_not_given(me.phone.as_deref().map(i18n::display_phone))}</dd>
            <dt>{tr(Pages::MeCard)}</dt>
            <dd>{or_not_given(me.card_number.clone())}</dd>
        </dl>
        <h2>{tr(Pages::Memberships)}</h2>
        <ul class="memberships">
            {memberships.into_iter().map(|m| view! {
                <li>{move || format!("{} ({})", m.library_name, role_name(m.role, lang.get()))}</li>
            }).collect_view()}
        </ul>
        <p><A href=Page::MyBookings.href()>{tr(Booking::MyBookingsTitle)}</A></p>
        <p><A href=Page::TwoStep.href()>{tr(crate::i18n::Auth::TwoStepLink)}</A></p>
        <button type="button" class="button button-secondary" disabled=move || signing_out.get() on:click=sign_out>
            {tr(Pages::SignOut)}
        </button>
        <crate::pages::messages::MessageChoice me=for_messages />
        <DownloadData />
        <DeleteAccount me=for_delete />
    }
}
