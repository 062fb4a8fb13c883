//! The units the library serves (`/staff/organisations`): assisted-living units, care homes and day
//! centres with their contact person, and one to add or change (`?organisation=<id>`,
//! `?organisation=new`). The contact person is named by the email of their own account; they book
//! programme times for the unit.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;

use etakirjasto_shared::{ErrorCode, Lang, Organisation, OrganisationInput, OrganisationKind};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FormErrors, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{Offers as O, Text, Ui, offers};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{staff_offers_href, staff_organisations_href};
use crate::session::{Session, use_session};

/// The page.
#[component]
pub fn StaffOrganisations() -> impl IntoView {
    use_title(O::OrgTitle);
    let session = use_session();
    let query = use_query_map();
    let chosen = Memo::new(move |_| query.with(|q| q.get("organisation")));
    view! {
        <h1>{tr(O::OrgTitle)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let library = super::staff_library(me);
            match chosen.get() {
                Some(id) => view! {
                    <p class="back"><a href=staff_organisations_href(None)>{tr(O::BackToOrganisations)}</a></p>
                    <Editor library=library id=id />
                }
                .into_any(),
                None => view! { <OrganisationList library=library /> }.into_any(),
            }
        }}
    }
}

async fn library_organisations(
    session: Session,
    library: String,
    lang: Lang,
) -> Result<Vec<Organisation>, ErrorCode> {
    session
        .authorized(lang, |token| {
            let library = library.clone();
            async move { api::organisations(&token, &library, lang).await }
        })
        .await
        .map_err(|e| e.code())
}

/// The units by name.
#[component]
fn OrganisationList(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let list = LocalResource::new(move || {
        library_organisations(session, library.clone(), lang.get_untracked())
    });
    move || {
        let l = lang.get();
        let body = match list.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => {
                view! { <p>{O::NoOrganisations.text(l)}</p> }.into_any()
            }
            Some(Ok(list)) => view! {
                <ul class="booking-list staff-organisations">
                    {list.into_iter().map(|o| {
                        let contact = match o.contact {
                            Some(c) => view! {
                                <p>{O::Contact.text(l)} ": " {c.name} {c.email.map(|e| format!(", {e}"))}
                                    {c.phone.map(|p| view! { ", " <PhoneLink phone=p /> })}</p>
                            }
                            .into_any(),
                            None => view! { <p class="notice">{O::NoContact.text(l)}</p> }.into_any(),
                        };
                        view! {
                            <li class="booking-item">
                                <h2>{o.name.clone()}</h2>
                                <p>{offers::kind(l, o.kind)}{o.address.map(|a| format!(", {a}"))}</p>
                                {contact}
                                <p><a href=staff_organisations_href(Some(&o.id))>{O::Edit.text(l)}<span class="visually-hidden">{format!(": {}", o.name)}</span></a></p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        };
        view! {
            <p>{O::OrgIntro.text(l)}</p>
            <p><a class="button" href=staff_organisations_href(Some("new"))>{O::OrgNew.text(l)}</a></p>
            {body}
            <p><a href=staff_offers_href(None)>{O::Link.text(l)}</a></p>
        }
    }
}

/// A new unit, or an existing one read first.
#[component]
fn Editor(library: String, id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    if id == "new" {
        return view! { <OrganisationForm library=library organisation=None /> }.into_any();
    }
    let lib = library.clone();
    let found = LocalResource::new(move || {
        let id = id.clone();
        let fut = library_organisations(session, lib.clone(), lang.get_untracked());
        async move { fut.await.map(|list| list.into_iter().find(|o| o.id == id)) }
    });
    let library = StoredValue::new(library);
    // Only the answer decides what is drawn: a language change must not rebuild the form and
    // lose what was typed.
    (move || match found.get() {
        None => view! { <p role="status">{tr(Ui::Loading)}</p> }.into_any(),
        Some(Err(code)) => {
            view! { <p class="notice">{move || code.message(lang.get())}</p> }.into_any()
        }
        Some(Ok(None)) => view! {
            <p class="notice">{move || ErrorCode::NotFound.message(lang.get())}</p>
        }
        .into_any(),
        Some(Ok(Some(o))) => view! {
            <OrganisationForm library=library.get_value() organisation=Some(o) />
        }
        .into_any(),
    })
    .into_any()
}

const NAME_ID: &str = "organisation-name";
const KIND_ID: &str = "organisation-kind";
const ADDRESS_ID: &str = "organisation-address";
const PHONE_ID: &str = "organisation-phone";
const EMAIL_ID: &str = "contact-email";

/// The form of one unit; saving a new one makes later saves change that one.
#[component]
fn OrganisationForm(library: String, organisation: Option<Organisation>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let o = organisation.as_ref();
    let name = RwSignal::new(o.map(|o| o.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(o.map_or(OrganisationKind::CareHome, |o| o.kind));
    let address = RwSignal::new(o.and_then(|o| o.address.clone()).unwrap_or_default());
    let phone = RwSignal::new(o.and_then(|o| o.phone.clone()).unwrap_or_default());
    let email = RwSignal::new(
        o.and_then(|o| o.contact.as_ref())
            .and_then(|c| c.email.clone())
            .unwrap_or_default(),
    );
    let current = RwSignal::new(o.map(|o| o.id.clone()));
    let errors = RwSignal::new(FormErrors::default());
    let saved = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let library = StoredValue::new(library);
    let locate = |field: &str| -> Option<(&'static str, O)> {
        Some(match field {
            "name" => (NAME_ID, O::NameLabel),
            "kind" => (KIND_ID, O::KindLabel),
            "address" => (ADDRESS_ID, O::AddressLabel),
            "phone" => (PHONE_ID, O::PhoneLabel),
            "contact_email" => (EMAIL_ID, O::ContactEmailLabel),
            _ => return None,
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        saved.set(false);
        let optional = |s: RwSignal<String>| {
            let t = s.get_untracked().trim().to_owned();
            (!t.is_empty()).then_some(t)
        };
        let body = OrganisationInput {
            library: library.get_value(),
            name: name.get_untracked().trim().to_owned(),
            kind: kind.get_untracked(),
            address: optional(address),
            phone: optional(phone),
            contact_email: email.get_untracked().trim().to_owned(),
        };
        let lang = lang.get_untracked();
        let id = current.get_untracked();
        busy.set(true);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::save_organisation(&token, id.as_deref(), &body, lang).await }
                })
                .await;
            busy.set(false);
            match result {
                Ok(o) => {
                    current.set(Some(o.id));
                    errors.set(FormErrors::default());
                    saved.set(true);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, locate));
                    focus_later(summary);
                }
            }
        });
    };
    let kinds = move || {
        let l = lang.get();
        [
            OrganisationKind::AssistedLiving,
            OrganisationKind::CareHome,
            OrganisationKind::DayCentre,
            OrganisationKind::Other,
        ]
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.as_str() selected=move || kind.get() == k>{offers::kind(l, k)}</option>
            }
        })
        .collect_view()
    };
    let heading = if organisation.is_some() {
        O::OrgEditHeading
    } else {
        O::OrgNewHeading
    };
    view! {
        <h2>{tr(heading)}</h2>
        {move || saved.get().then(|| view! { <p class="confirmation" role="status">{O::Saved.text(lang.get())}</p> })}
        <ErrorSummary errors=errors node_ref=summary id="organisation-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <Field id=NAME_ID label=O::NameLabel autocomplete="organization" value=name errors=errors />
            <div class="field">
                <label for=KIND_ID>{tr(O::KindLabel)}</label>
                <select id=KIND_ID name=KIND_ID on:change=move |ev| {
                    if let Some(k) = OrganisationKind::parse(&event_target_value(&ev)) {
                        kind.set(k);
                    }
                }>{kinds}</select>
            </div>
            <Field id=ADDRESS_ID label=O::AddressLabel autocomplete="street-address" value=address errors=errors />
            <Field id=PHONE_ID label=O::PhoneLabel kind="tel" autocomplete="tel" value=phone errors=errors />
            <Field id=EMAIL_ID label=O::ContactEmailLabel hint=O::ContactEmailHint kind="email" autocomplete="off"
                value=email errors=errors />
            <button type="submit" class="button" disabled=move || busy.get()>{tr(O::Save)}</button>
        </form>
    }
    .into_any()
}
