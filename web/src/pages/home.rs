//! The home page: the library's name, what the remote library offers in plain words, the phone
//! number in large type, and the branches with their addresses and opening hours. Right after an
//! account is deleted it also confirms that.

use leptos::prelude::*;

use etakirjasto_shared::{Branch, Lang};

use crate::components::layout::PhoneLink;
use crate::i18n::{self, Account, Booking, Pages, Text, Ui};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;
use crate::session::use_session;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    use_title(Pages::HomeTitle);
    let library = use_library();
    let lang = use_lang();
    let session = use_session();

    let name = move || {
        library
            .get()
            .map(|l| l.name)
            .unwrap_or_else(|| Ui::LibraryFallbackName.text(lang.get()).to_owned())
    };
    let offers = [
        Pages::OfferGuidance,
        Pages::OfferEvents,
        Pages::OfferHomeService,
        Pages::OfferDigiHelp,
    ];

    // Outside normal times the library's notice comes first.
    let scenario = move || {
        library
            .get()
            .map(|l| l.scenario)
            .filter(|s| s.scenario != etakirjasto_shared::Scenario::Normal)
    };
    view! {
        <h1>{name}</h1>
        <Show when=move || session.just_deleted.get()>
            <p class="notice" role="status">{tr(Account::Deleted)}</p>
        </Show>
        {move || scenario().map(|s| {
            let l = lang.get();
            let notice = s.notice.unwrap_or_default();
            let own = !l.pick(&notice.fi, &notice.sv, &notice.en).trim().is_empty();
            // A missing translation shows the Finnish text, marked as Finnish for screen readers.
            let text_lang = if own { l.code() } else { "fi" };
            view! {
                <section class="scenario-notice" aria-labelledby="scenario-heading">
                    <h2 id="scenario-heading">{crate::i18n::scenario::name(l, s.scenario)}</h2>
                    <p lang=text_lang>{notice.get(l).to_owned()}</p>
                </section>
            }
        })}
        <crate::pages::guides::ServicesNow />
        <section class="book-box" aria-labelledby="book-heading">
            <h2 id="book-heading">{tr(Booking::StartLink)}</h2>
            <p>{tr(Booking::HomeIntro)}</p>
            <p><a class="button button-large" href=Page::Book.href()>{tr(Booking::StartLink)}</a></p>
        </section>
        <section class="call-box" aria-labelledby="call-heading">
            <h2 id="call-heading">{tr(Pages::CallHeading)}</h2>
            <p>{tr(Pages::CallText)}</p>
            {move || library.get().filter(|l| !l.phone.is_empty()).map(|l| view! { <p class="big-phone"><PhoneLink phone=l.phone /></p> })}
        </section>
        <section aria-labelledby="offer-heading">
            <h2 id="offer-heading">{tr(Pages::OfferHeading)}</h2>
            <ul class="offers">
                {offers.into_iter().map(|o| view! { <li>{tr(o)}</li> }).collect_view()}
            </ul>
            <p><a href=Page::Programmes.href()>{tr(crate::i18n::Programmes::Title)}</a></p>
            <p><a href=Page::HomeService.href()>{tr(crate::i18n::Apply::Link)}</a></p>
            <p><a href=Page::Guides.href()>{tr(crate::i18n::guides::Guides::Link)}</a></p>
            <p><a href=Page::Surveys.href()>{tr(Pages::SurveysLink)}</a></p>
        </section>
        {move || {
            if library.failed() {
                return Some(view! { <p class="notice">{tr(Ui::LibraryUnavailable)}</p> }.into_any());
            }
            library.get().map(|l| view! {
                <section aria-labelledby="branches-heading">
                    <h2 id="branches-heading">{tr(Pages::BranchesHeading)}</h2>
                    {l.branches.into_iter().map(|b| view! { <BranchCard branch=b lang=lang /> }).collect_view()}
                </section>
            }.into_any())
        }}
    }
}

/// One branch: name, address, phone and weekly opening hours.
#[component]
fn BranchCard(branch: Branch, lang: Signal<Lang>) -> impl IntoView {
    let Branch {
        name,
        is_main,
        street_address,
        postal_code,
        city,
        phone,
        opening_hours,
        ..
    } = branch;
    // "Pääkirjasto (pääkirjasto)" would say the same thing twice; mark only names that do not.
    let title = move || {
        let marker = Pages::MainLibrary.text(lang.get());
        if is_main && !name.to_lowercase().contains(marker) {
            format!("{name} ({marker})")
        } else {
            name.clone()
        }
    };
    let hours = move || {
        let lang = lang.get();
        opening_hours
            .iter()
            .filter_map(|h| {
                let day = i18n::weekday(lang, h.weekday)?;
                Some(view! { <li><span class="day">{day}</span> " " {format!("{}–{}", h.opens, h.closes)}</li> })
            })
            .collect_view()
    };
    view! {
        <article class="branch">
            <h3>{title}</h3>
            <p>{street_address} <br /> {format!("{postal_code} {city}")}</p>
            <p><PhoneLink phone=phone /></p>
            <h4>{tr(Pages::OpeningHours)}</h4>
            <ul class="hours">{hours}</ul>
        </article>
    }
}
