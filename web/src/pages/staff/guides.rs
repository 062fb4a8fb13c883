//! Writing operating models (`/staff/guides`, a model with `?edit=<id>`, a new one with
//! `?edit=new`): the library's models with their state, and the editor: title, service, language,
//! the sections in Markdown, a variant per situation, licence, published, and for an edit a note and
//! the version history. Saving an edit names the version it was made on; if someone saved another
//! meanwhile, the server's 409 is shown with what to do, and nothing is lost from the form.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{
    ErrorCode, Guide, GuideEdit, GuideInput, GuideLicence, GuideRevision, GuideService,
    GuideVariantInput, Lang, Scenario,
};

use crate::api;
use crate::components::form::{ErrorSummary, Field, FormErrors, focus_later};
use crate::i18n::guides::{Guides as T, service_name};
use crate::i18n::{Text, Ui};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{guide_href, staff_guide_href};
use crate::session::use_session;

const TITLE_ID: &str = "guide-title";
const SERVICE_ID: &str = "guide-service";
const LANGUAGE_ID: &str = "guide-language";
const PURPOSE_ID: &str = "guide-purpose";
const AUDIENCE_ID: &str = "guide-audience";
const STEPS_ID: &str = "guide-steps-text";
const ROLES_ID: &str = "guide-roles";
const EQUIPMENT_ID: &str = "guide-equipment";
const HOW_ID: &str = "guide-how";
const LICENCE_ID: &str = "guide-licence";
const PUBLISHED_ID: &str = "guide-published";
const NOTE_ID: &str = "guide-note";
/// The situations with a variant, and their fields.
const VARIANTS: [(Scenario, &str); 3] = [
    (Scenario::LibraryClosed, "guide-variant-library_closed"),
    (
        Scenario::PatronsUnableToVisit,
        "guide-variant-patrons_unable_to_visit",
    ),
    (Scenario::StaffRemote, "guide-variant-staff_remote"),
];

/// The label of a situation's field.
fn variant_label(s: Scenario) -> T {
    match s {
        Scenario::LibraryClosed => T::VariantLibraryClosed,
        Scenario::PatronsUnableToVisit => T::VariantPatronsUnable,
        _ => T::VariantStaffRemote,
    }
}

/// The page.
#[component]
pub fn StaffGuides() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let edit = Memo::new(move |_| query.with(|q| q.get("edit")).filter(|e| !e.is_empty()));
    use_title(T::Title);
    move || {
        let me = session.me();
        if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
            return view! { <h1>{tr(T::Title)}</h1> {refused} }.into_any();
        }
        let library = super::staff_library(me);
        match edit.get() {
            None => view! { <h1>{tr(T::OwnModels)}</h1> <OwnModels library=library /> }.into_any(),
            Some(id) if id == "new" => {
                view! { <h1>{tr(T::NewTitle)}</h1> <Editor library=library guide=None /> }
                    .into_any()
            }
            Some(id) => view! { <LoadAndEdit library=library id=id /> }.into_any(),
        }
    }
}

/// The library's models, drafts too, each with its edit link.
#[component]
fn OwnModels(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let slug = StoredValue::new(library);
    let guides = LocalResource::new(move || {
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    api::guides(&slug.get_value(), None, lang, Some(&token)).await
                })
                .await
                .map_err(|e| e.code())
        }
    });
    view! {
        <p><a class="button" href=staff_guide_href("new")>{tr(T::New)}</a></p>
        {move || {
            let l = lang.get();
            match guides.get() {
                None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(all)) if all.is_empty() => view! { <p>{T::NoneOwn.text(l)}</p> }.into_any(),
                Some(Ok(all)) => view! {
                    <ul class="guide-list">
                        {all.into_iter().map(|g| view! {
                            <li class="guide-card">
                                <h2><a href=guide_href(&g.id) lang=g.language.code()>{g.title.clone()}</a></h2>
                                <p>
                                    {service_name(l, g.service)} " · " {T::Version.text(l)} " " {g.version}
                                    {(!g.published).then(|| view! { " · " <span class="tag">{T::Draft.text(l)}</span> })}
                                </p>
                                <p><a href=staff_guide_href(&g.id)>{T::Edit.text(l)} <span class="visually-hidden">": " {g.title.clone()}</span></a></p>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            }
        }}
    }
}

/// Loads a model and its history, then shows the editor.
#[component]
fn LoadAndEdit(library: String, id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let id = StoredValue::new(id);
    let loaded = LocalResource::new(move || {
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    let guide = api::guide(&id.get_value(), lang, Some(&token)).await?;
                    let history = api::guide_revisions(&token, &id.get_value(), lang).await?;
                    Ok((guide, history))
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let library = StoredValue::new(library);
    // The language is read only inside the texts, so switching it never rebuilds the form and
    // loses what was typed.
    move || {
        match loaded.get() {
            None => {
                view! { <h1>{tr(T::EditTitle)}</h1> <p role="status">{tr(Ui::Loading)}</p> }
                    .into_any()
            }
            Some(Err(code)) => {
                view! { <h1>{tr(T::EditTitle)}</h1> <p class="notice">{move || code.message(lang.get())}</p> }
                    .into_any()
            }
            Some(Ok((guide, history))) => view! {
                <h1>{tr(T::EditTitle)}</h1>
                <Editor library=library.get_value() guide=Some(guide) />
                <History history=history />
            }
            .into_any(),
        }
    }
}

/// The versions, newest first.
#[component]
fn History(history: Vec<GuideRevision>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="guide-history" aria-labelledby="guide-history-heading">
            <h2 id="guide-history-heading">{tr(T::History)}</h2>
            <ol reversed>
                {history.into_iter().map(|r| {
                    let day = r.edited_at.format("%-d.%-m.%Y %H.%M").to_string();
                    view! {
                        <li>
                            {move || T::Version.text(lang.get())} " " {r.version} ": " {day} ", " {r.edited_by.clone()}
                            {(!r.note.is_empty()).then(|| view! { " – " {r.note.clone()} })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The form, empty for a new model or filled from `guide`.
#[component]
fn Editor(library: String, guide: Option<Guide>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let existing = StoredValue::new(guide.as_ref().map(|g| (g.id.clone(), g.version)));
    // After a conflict: the version someone else saved, which the next save replaces.
    let newer = RwSignal::new(None::<i32>);
    let text = |f: fn(&Guide) -> String| RwSignal::new(guide.as_ref().map(f).unwrap_or_default());
    let title = text(|g| g.title.clone());
    let purpose = text(|g| g.purpose.markdown.clone());
    let audience = text(|g| g.audience.markdown.clone());
    let steps = text(|g| g.steps.markdown.clone());
    let roles = text(|g| g.roles.markdown.clone());
    let equipment = text(|g| g.equipment.markdown.clone());
    let how = text(|g| g.how_to_get.markdown.clone());
    let note = RwSignal::new(String::new());
    let variants: Vec<(Scenario, &'static str, RwSignal<String>)> = VARIANTS
        .iter()
        .map(|(s, id)| {
            let value = guide
                .as_ref()
                .and_then(|g| g.variant(*s))
                .map(|v| v.text.markdown.clone())
                .unwrap_or_default();
            (*s, *id, RwSignal::new(value))
        })
        .collect();
    let variants = StoredValue::new(variants);
    let service = RwSignal::new(
        guide
            .as_ref()
            .map_or(GuideService::OneToOneSessions, |g| g.service),
    );
    let language = RwSignal::new(guide.as_ref().map_or(lang.get_untracked(), |g| g.language));
    let licence = RwSignal::new(guide.as_ref().map_or(GuideLicence::CcBy40, |g| g.licence));
    let published = RwSignal::new(guide.as_ref().is_some_and(|g| g.published));
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Div>::new();
    let library = StoredValue::new(library);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // Only the situations with text are sent, in this order; the server names them by index.
        let sent: Vec<(Scenario, &'static str, String)> = variants.with_value(|v| {
            v.iter()
                .map(|(s, id, value)| (*s, *id, value.get_untracked()))
                .filter(|(_, _, value)| !value.trim().is_empty())
                .collect()
        });
        let input = GuideInput {
            library: library.get_value(),
            service: service.get_untracked(),
            language: language.get_untracked(),
            title: title.get_untracked(),
            purpose: purpose.get_untracked(),
            audience: audience.get_untracked(),
            steps: steps.get_untracked(),
            roles: roles.get_untracked(),
            equipment: equipment.get_untracked(),
            how_to_get: how.get_untracked(),
            variants: sent
                .iter()
                .map(|(s, _, text)| GuideVariantInput {
                    scenario: *s,
                    text: text.clone(),
                })
                .collect(),
            licence: licence.get_untracked(),
            published: published.get_untracked(),
        };
        let variant_ids: Vec<&'static str> = sent.iter().map(|(_, id, _)| *id).collect();
        busy.set(true);
        let lang = lang.get_untracked();
        let navigate = navigate.clone();
        let note = note.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let input = input.clone();
                    let note = note.clone();
                    async move {
                        match existing.get_value() {
                            Some((id, version)) => {
                                let body = GuideEdit {
                                    version,
                                    note,
                                    guide: input,
                                };
                                api::update_guide(&token, &id, &body, lang).await
                            }
                            None => api::create_guide(&token, &input, lang).await,
                        }
                    }
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(saved) => navigate(&guide_href(&saved.id), Default::default()),
                Err(e) if e.code() == ErrorCode::Conflict => {
                    errors.set(FormErrors::from_api(&e, |_| None::<(&'static str, T)>));
                    // Read the version saved meanwhile; the form keeps this person's text, and
                    // saving again replaces that version knowingly.
                    if let Some((id, _)) = existing.get_value() {
                        let current = session
                            .authorized(lang, |token| {
                                let id = id.clone();
                                async move { api::guide(&id, lang, Some(&token)).await }
                            })
                            .await;
                        if let Ok(current) = current {
                            existing.set_value(Some((id, current.version)));
                            newer.set(Some(current.version));
                        }
                    }
                    focus_later(summary);
                }
                Err(e) => {
                    errors.set(FormErrors::from_api(&e, |f| {
                        let at = |id: &'static str, label: T| Some((id, label));
                        // An edit names the model's fields under `guide`.
                        match f.strip_prefix("guide.").unwrap_or(f) {
                            "title" => at(TITLE_ID, T::FieldTitle),
                            "licence" => at(LICENCE_ID, T::FieldLicence),
                            "purpose" => at(PURPOSE_ID, T::Purpose),
                            "audience" => at(AUDIENCE_ID, T::Audience),
                            "steps" => at(STEPS_ID, T::Steps),
                            "roles" => at(ROLES_ID, T::Roles),
                            "equipment" => at(EQUIPMENT_ID, T::Equipment),
                            "how_to_get" => at(HOW_ID, T::HowToGet),
                            "note" => at(NOTE_ID, T::FieldNote),
                            other => other
                                .strip_prefix("variants[")
                                .and_then(|rest| rest.split(']').next())
                                .and_then(|i| i.parse::<usize>().ok())
                                .and_then(|i| variant_ids.get(i).copied())
                                .and_then(|id| {
                                    VARIANTS
                                        .iter()
                                        .find(|(_, v)| *v == id)
                                        .map(|(s, _)| (id, variant_label(*s)))
                                }),
                        }
                    }));
                    focus_later(summary);
                }
            }
        });
    };
    let conflict = move || {
        errors
            .with(|e| e.problem == Some(ErrorCode::Conflict))
            .then(|| {
                let id = existing.get_value().map(|(id, _)| id).unwrap_or_default();
                view! {
                    <div class="notice" role="status">
                        <p>{tr(T::ConflictHint)}</p>
                        {move || newer.get().map(|v| view! {
                            <p>
                                <a href=guide_href(&id) target="_blank">
                                    {move || T::SavedVersion.text(lang.get())} " " {v}
                                </a>
                            </p>
                        })}
                    </div>
                }
            })
    };
    let option_lang = move |l: Lang| view! { <option value=l.code() lang=l.code() prop:selected=move || language.get() == l>{crate::i18n::endonym(l)}</option> };
    view! {
        <ErrorSummary errors=errors node_ref=summary id="guide-summary" />
        {conflict}
        <form class="form guide-form" novalidate on:submit=save>
            <Field id=TITLE_ID label=T::FieldTitle autocomplete="off" value=title errors=errors />
            <div class="field">
                <label for=SERVICE_ID>{tr(T::FieldService)}</label>
                <select id=SERVICE_ID name=SERVICE_ID on:change=move |ev| {
                    if let Some(s) = GuideService::parse(&event_target_value(&ev)) {
                        service.set(s);
                    }
                }>
                    {GuideService::ALL.iter().map(|s| {
                        let s = *s;
                        view! { <option value=s.as_str() prop:selected=move || service.get() == s>{move || service_name(lang.get(), s)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=LANGUAGE_ID>{tr(T::FieldLanguage)}</label>
                <select id=LANGUAGE_ID name=LANGUAGE_ID on:change=move |ev| {
                    if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                        language.set(l);
                    }
                }>
                    {Lang::ALL.into_iter().map(option_lang).collect_view()}
                </select>
            </div>
            <Field id=PURPOSE_ID label=T::Purpose hint=T::MarkdownHint autocomplete="off" rows=3 value=purpose errors=errors />
            <Field id=AUDIENCE_ID label=T::Audience autocomplete="off" rows=3 value=audience errors=errors />
            <Field id=STEPS_ID label=T::Steps hint=T::StepsHint autocomplete="off" rows=8 value=steps errors=errors />
            <Field id=ROLES_ID label=T::Roles autocomplete="off" rows=4 value=roles errors=errors />
            <Field id=EQUIPMENT_ID label=T::Equipment autocomplete="off" rows=3 value=equipment errors=errors />
            <Field id=HOW_ID label=T::HowToGet autocomplete="off" rows=3 value=how errors=errors />
            <fieldset class="variants" aria-describedby="guide-variants-hint">
                <legend>{tr(T::VariantsLegend)}</legend>
                <p class="hint" id="guide-variants-hint">{tr(T::VariantsHint)}</p>
                {variants.with_value(|v| v.iter().map(|(s, id, value)| {
                    let (id, value) = (*id, *value);
                    view! { <Field id=id label=variant_label(*s) autocomplete="off" rows=4 value=value errors=errors /> }
                }).collect_view())}
            </fieldset>
            <div class="field">
                <label for=LICENCE_ID>{tr(T::FieldLicence)}</label>
                <select id=LICENCE_ID name=LICENCE_ID on:change=move |ev| {
                    if let Some(l) = GuideLicence::parse(&event_target_value(&ev)) {
                        licence.set(l);
                    }
                }>
                    {GuideLicence::ALL.iter().map(|l| {
                        let l = *l;
                        view! { <option value=l.as_str() prop:selected=move || licence.get() == l>{l.name()} " (" {l.as_str()} ")"</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="checkbox">
                <input type="checkbox" id=PUBLISHED_ID name=PUBLISHED_ID
                    prop:checked=move || published.get()
                    on:change=move |ev| published.set(event_target_checked(&ev)) />
                <label for=PUBLISHED_ID>{tr(T::FieldPublished)}</label>
            </div>
            {existing.get_value().is_some().then(|| view! {
                <Field id=NOTE_ID label=T::FieldNote hint=T::NoteHint autocomplete="off" value=note errors=errors />
            })}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(T::Save)}</button>
        </form>
    }
}
