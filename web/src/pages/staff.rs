//! The staff dashboard: the frame that staff tools hang from. Patrons get a plain sentence saying
//! the page is for staff only; the server enforces the same rule on every staff API call.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{Pages, Ui, role_name};
use crate::pages::me::SignInPrompt;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::{Phase, use_session};

/// The staff dashboard.
#[component]
pub fn Staff() -> impl IntoView {
    use_title(Pages::StaffTitle);
    let session = use_session();
    let lang = use_lang();

    view! {
        <h1>{tr(Pages::StaffTitle)}</h1>
        {move || match (session.phase.get(), session.me()) {
            (Phase::Checking, _) => view! { <p>{tr(Ui::Loading)}</p> }.into_any(),
            (Phase::SignedOut, _) | (Phase::SignedIn, None) => {
                view! { <p class="notice">{tr(Pages::StaffOnly)}</p> <SignInPrompt /> }.into_any()
            }
            (Phase::SignedIn, Some(me)) if !me.is_staff() => {
                view! { <p class="notice staff-only">{tr(Pages::StaffOnly)}</p> }.into_any()
            }
            (Phase::SignedIn, Some(me)) if me.second_factor_needed => view! {
                <p class="notice">{tr(crate::i18n::Auth::TwoStepStaffNeeds)}</p>
                <p><A href=Page::TwoStep.href()>{tr(crate::i18n::Auth::TwoStepStart)}</A></p>
            }
            .into_any(),
            (Phase::SignedIn, Some(me)) => {
                let libraries = me
                    .memberships
                    .into_iter()
                    .filter(|m| m.role.is_staff())
                    .map(|m| view! { <li>{move || format!("{} ({})", m.library_name, role_name(m.role, lang.get()))}</li> })
                    .collect_view();
                view! {
                    <div class="staff-dashboard">
                        <p>{tr(Pages::StaffIntro)}</p>
                        <h2>{tr(Pages::StaffLibraries)}</h2>
                        <ul>{libraries}</ul>
                    </div>
                }
                .into_any()
            }
        }}
    }
}
