//! The admins' form on the staff dashboard that switches the library's scenario (normal times,
//! library closed, patrons unable to visit, staff working remotely) with its notice to patrons.

use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{Lang, Localized, Scenario, ScenarioInput};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FormErrors, Radios, focus_later};
use crate::i18n::{ScenarioText as T, scenario as words};
use crate::library::use_library;
use crate::prefs::{tr, use_lang};
use crate::session::use_session;

const SCENARIOS: [Scenario; 4] = [
    Scenario::Normal,
    Scenario::LibraryClosed,
    Scenario::PatronsUnableToVisit,
    Scenario::StaffRemote,
];
const SCENARIO_ID: &str = "scenario";
const FI_ID: &str = "scenario-notice-fi";
const SV_ID: &str = "scenario-notice-sv";
const EN_ID: &str = "scenario-notice-en";

fn name(l: Lang, s: Scenario) -> String {
    words::name(l, s).to_owned()
}

/// The form, for an admin of `library` (its slug).
#[component]
pub fn ScenarioForm(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let info = use_library();
    let chosen = RwSignal::new(Some(Scenario::Normal));
    let (fi, sv, en) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // The fields start from this library's scenario as it stands; saving waits for it, so a
    // form not yet filled never switches a closed library back to normal.
    let filled = RwSignal::new(false);
    let slug = library.clone();
    let current = LocalResource::new(move || {
        let slug = slug.clone();
        let lang = lang.get_untracked();
        async move { api::library(&slug, lang).await.ok() }
    });
    Effect::new(move |_| {
        let Some(now) = current.get().flatten().map(|l| l.scenario) else {
            return;
        };
        if filled.get_untracked() {
            return;
        }
        chosen.set(Some(now.scenario));
        let notice = now.notice.unwrap_or_default();
        fi.set(notice.fi);
        sv.set(notice.sv);
        en.set(notice.en);
        filled.set(true);
    });
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let library = StoredValue::new(library);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || !filled.get_untracked() {
            return;
        }
        let body = ScenarioInput {
            scenario: chosen.get_untracked().unwrap_or(Scenario::Normal),
            notice: Some(Localized {
                fi: fi.get_untracked(),
                sv: sv.get_untracked(),
                en: en.get_untracked(),
            }),
        };
        busy.set(true);
        saved.set(false);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let body = body.clone();
                    async move { api::set_scenario(&token, &library.get_value(), &body, lang).await }
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    errors.set(FormErrors::default());
                    saved.set(true);
                    // The front page shows the home library: loaded again if this is it.
                    if info
                        .get_untracked()
                        .is_some_and(|l| l.slug == library.get_value())
                    {
                        info.reload();
                    }
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |f| match f {
                        "scenario" => Some((SCENARIO_ID, T::Legend)),
                        "notice.fi" => Some((FI_ID, T::NoticeFi)),
                        "notice.sv" => Some((SV_ID, T::NoticeSv)),
                        "notice.en" => Some((EN_ID, T::NoticeEn)),
                        _ => None,
                    }));
                    focus_later(summary);
                }
            }
        });
    };
    view! {
        <section class="scenario-form" aria-labelledby="scenario-form-heading">
            <h2 id="scenario-form-heading">{tr(T::FormHeading)}</h2>
            <p>{tr(T::FormIntro)}</p>
            <div role="status">
                <Show when=move || saved.get()>
                    <p class="confirmation">{tr(T::Saved)}</p>
                </Show>
            </div>
            <ErrorSummary errors=errors node_ref=summary id="scenario-summary" />
            <form class="form" novalidate on:submit=save>
                <Radios legend=T::Legend first_id=SCENARIO_ID prefix="scenario" options=&SCENARIOS
                    key=|s: Scenario| s.as_str() name_of=name chosen=chosen errors=errors />
                <Field id=FI_ID label=T::NoticeFi hint=T::NoticeHint autocomplete="off" rows=3 value=fi errors=errors />
                <Field id=SV_ID label=T::NoticeSv autocomplete="off" rows=3 value=sv errors=errors />
                <Field id=EN_ID label=T::NoticeEn autocomplete="off" rows=3 value=en errors=errors />
                <button type="submit" class="button" disabled=move || busy.get() || !filled.get()>{tr(T::Save)}</button>
            </form>
        </section>
    }
}
