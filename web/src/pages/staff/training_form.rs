//! The admins' training-module editor (`/staff/training?edit=new` or `?edit=<id>`): the title and
//! the guide (Markdown) in fi/sv/en, the checklist items (key and text, added and removed with
//! buttons), whether a practice with a colleague is part of it, and the services it is required
//! for. What is typed stays in one draft; adding or removing an item redraws the list and puts focus
//! on what was acted on; the server's faults are listed in a summary that takes focus.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{
    ErrorCode, Lang, Localized, MatrixService, TrainingItem, TrainingModuleEdit,
    TrainingModuleInput,
};

use super::survey_form::{Errors, field, focus_id, set_lang, three};
use crate::api;
use crate::i18n::survey_form::SurveyForm as F;
use crate::i18n::training::Training as T;
use crate::i18n::{Text, Ui};
use crate::pages::surveys::localized;
use crate::prefs::{tr, use_lang};
use crate::routes::staff_training_href;
use crate::session::use_session;

/// The editor of a new module (`id` "new") or a stored one.
#[component]
pub fn ModuleEditor(id: String, library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let new = id == "new";
    let id = StoredValue::new(id);
    let library = StoredValue::new(library);
    let loaded = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let (id, slug) = (id.get_value(), library.get_value());
        async move {
            session
                .authorized(lang, move |token| {
                    let (id, slug) = (id.clone(), slug.clone());
                    async move {
                        let matrix = api::competence_matrix(&token, &slug, lang).await?;
                        let module = if id == "new" {
                            None
                        } else {
                            Some(api::training_module(&token, &id, lang).await?)
                        };
                        Ok((matrix.services, module))
                    }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let heading = if new { T::NewModule } else { T::EditModule };
    view! {
        <p><a href=staff_training_href()>{tr(T::Back)}</a></p>
        <h1>{tr(heading)}</h1>
        {move || {
            let l = lang.get_untracked();
            match loaded.get() {
                None => view! { <p>{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok((services, module))) => {
                    let (draft, version) = match module {
                        Some(m) => (
                            TrainingModuleInput {
                                library: m.library,
                                title: m.title,
                                body: m.body,
                                items: m.items,
                                practice: m.practice,
                                service_ids: m.service_ids,
                            },
                            Some(m.version),
                        ),
                        None => (
                            TrainingModuleInput {
                                library: library.get_value(),
                                title: Localized::default(),
                                body: Localized::default(),
                                items: vec![item("item1")],
                                practice: false,
                                service_ids: Vec::new(),
                            },
                            None,
                        ),
                    };
                    view! { <Editor draft=draft version=version id=id.get_value() services=services /> }
                        .into_any()
                }
            }
        }}
    }
}

fn item(key: &str) -> TrainingItem {
    TrainingItem {
        key: key.to_owned(),
        text: Localized::default(),
    }
}

/// The element id and a name for a field the server named.
fn field_of(path: &str, l: Lang) -> (String, String) {
    let path = path.strip_prefix("module.").unwrap_or(path);
    let lang_name = |code: &str| match code {
        "sv" => F::Swedish.text(l),
        "en" => F::English.text(l),
        _ => F::Finnish.text(l),
    };
    let index = |part: &str| -> Option<usize> {
        part.strip_prefix("items[")?.strip_suffix(']')?.parse().ok()
    };
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["title", code] => (
            format!("tm-title-{code}"),
            format!("{} ({})", T::ModuleTitle.text(l), lang_name(code)),
        ),
        ["body", code] => (
            format!("tm-body-{code}"),
            format!("{} ({})", T::ModuleBody.text(l), lang_name(code)),
        ),
        ["items"] => ("tm-add-item".into(), T::Items.text(l).into()),
        [i, rest @ ..] if index(i).is_some() => {
            let n = index(i).unwrap_or(0);
            let who = format!("{} {}", T::Item.text(l), n + 1);
            match rest {
                ["text", code] => (
                    format!("tm-i-{n}-{code}"),
                    format!("{who} ({})", lang_name(code)),
                ),
                _ => (
                    format!("tm-i-{n}-key"),
                    format!("{who}: {}", F::Key.text(l)),
                ),
            }
        }
        _ => ("tm-services".into(), T::RequiredServices.text(l).into()),
    }
}

#[component]
fn Editor(
    draft: TrainingModuleInput,
    version: Option<i32>,
    id: String,
    services: Vec<MatrixService>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let draft = RwSignal::new(draft);
    let structure = RwSignal::new(0u32);
    let errors: Errors = RwSignal::new(Vec::new());
    let general = RwSignal::new(None::<ErrorCode>);
    let saving = RwSignal::new(false);
    let id = StoredValue::new(id);
    let summary = NodeRef::<leptos::html::Div>::new();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let lang = lang.get_untracked();
        let input = draft.get_untracked();
        let id = id.get_value();
        let navigate = navigate.clone();
        spawn_local(async move {
            let saved = session
                .authorized(lang, move |token| {
                    let (input, id) = (input.clone(), id.clone());
                    async move {
                        match version {
                            None => api::create_training_module(&token, &input, lang).await,
                            Some(version) => {
                                let edit = TrainingModuleEdit {
                                    version,
                                    module: input,
                                };
                                api::update_training_module(&token, &id, &edit, lang).await
                            }
                        }
                    }
                })
                .await;
            saving.set(false);
            match saved {
                Ok(_) => navigate(&staff_training_href(), Default::default()),
                Err(e) => {
                    let fields: Vec<_> = e
                        .problem
                        .errors
                        .iter()
                        .map(|f| (field_of(&f.field, lang).0, f.field.clone(), f.code))
                        .collect();
                    general.set(fields.is_empty().then(|| e.code()));
                    errors.set(fields);
                    request_animation_frame(move || {
                        if let Some(el) = summary.get_untracked() {
                            let _ = el.focus();
                        }
                    });
                }
            }
        });
    };

    let body_area = move |code: &'static str, label: F, value: String, i: usize| {
        let area_id = format!("tm-body-{code}");
        let check = area_id.clone();
        view! {
            <div class="field">
                <label for=area_id.clone()>{tr(label)}</label>
                <textarea id=area_id rows="8" prop:value=value aria-describedby="tm-body-hint"
                    aria-invalid=move || errors.with(|e| e.iter().any(|x| x.0 == check)).then_some("true")
                    on:input=move |ev| draft.update(|d| set_lang(&mut d.body, i, event_target_value(&ev)))></textarea>
            </div>
        }
    };

    let items = move || {
        structure.track();
        let l = lang.get_untracked();
        let d = draft.get_untracked();
        let count = d.items.len();
        d.items
            .into_iter()
            .enumerate()
            .map(|(n, it)| {
                let who = format!("{} {}", T::Item.text(l), n + 1);
                view! {
                    <li class="training-item">
                        {field(format!("tm-i-{n}-key"), format!("{who}: {}", F::Key.text(l)), it.key.clone(), errors,
                            move |v| draft.update(|d| if let Some(x) = d.items.get_mut(n) { x.key = v }))}
                        {three(l, format!("tm-i-{n}"), who.clone(),
                            [it.text.fi.clone(), it.text.sv.clone(), it.text.en.clone()], errors,
                            move |k, v| draft.update(|d| if let Some(x) = d.items.get_mut(n) { set_lang(&mut x.text, k, v) }))}
                        {(count > 1).then(|| view! {
                            <button type="button" class="button button-small button-danger"
                                aria-label=format!("{}: {who}", F::Remove.text(l))
                                on:click=move |_| {
                                    draft.update(|d| { if n < d.items.len() { d.items.remove(n); } });
                                    // The faults name items by place: after a removal they would
                                    // point at others.
                                    errors.set(Vec::new());
                                    structure.update(|s| *s += 1);
                                    focus_id("tm-add-item".into());
                                }>{F::Remove.text(l)}</button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };

    // Drawn again from the draft when the language changes, so labels follow it.
    let fields = move || {
        let l0 = lang.get();
        let d0 = draft.get_untracked();
        let services = services.clone();
        view! {
            {three(l0, "tm-title".into(), T::ModuleTitle.text(l0).into(),
                [d0.title.fi.clone(), d0.title.sv.clone(), d0.title.en.clone()], errors,
                move |i, v| draft.update(|d| set_lang(&mut d.title, i, v)))}
            <fieldset class="three-languages">
                <legend>{tr(T::ModuleBody)}</legend>
                <p class="hint" id="tm-body-hint">{tr(T::BodyHint)}</p>
                {body_area("fi", F::Finnish, d0.body.fi.clone(), 0)}
                {body_area("sv", F::Swedish, d0.body.sv.clone(), 1)}
                {body_area("en", F::English, d0.body.en.clone(), 2)}
            </fieldset>
            <h2>{tr(T::Items)}</h2>
            <p class="hint">{tr(T::ItemKeyHint)}</p>
            <ol class="item-list">{items}</ol>
            <p>
                <button type="button" class="button button-secondary" id="tm-add-item" on:click=move |_| {
                    let key = draft.with_untracked(|d| {
                        (1..).map(|n| format!("item{n}")).find(|k| !d.items.iter().any(|i| &i.key == k)).unwrap_or_default()
                    });
                    draft.update(|d| d.items.push(item(&key)));
                    structure.update(|s| *s += 1);
                    let n = draft.with_untracked(|d| d.items.len() - 1);
                    focus_id(format!("tm-i-{n}-fi"));
                }>{tr(T::AddItem)}</button>
            </p>
            <div class="checkbox">
                <input type="checkbox" id="tm-practice" prop:checked=d0.practice
                    on:change=move |ev| draft.update(|d| d.practice = event_target_checked(&ev)) />
                <label for="tm-practice">{tr(T::PracticeIncluded)}</label>
            </div>
            <fieldset class="checks" id="tm-services" tabindex="-1">
                <legend>{tr(T::RequiredServices)}</legend>
                {services.into_iter().map(|s: MatrixService| {
                    let sid = s.id.clone();
                    let box_id = format!("tm-service-{}", s.id);
                    let name = s.name.clone();
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=box_id.clone() prop:checked=d0.service_ids.contains(&s.id)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let sid = sid.clone();
                                    draft.update(|d| {
                                        d.service_ids.retain(|x| *x != sid);
                                        if on { d.service_ids.push(sid); }
                                    });
                                } />
                            <label for=box_id>{move || { let (t, _) = localized(&name, lang.get()); t }}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }
    };

    view! {
        <form class="module-editor" on:submit=save novalidate>
            <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="module-problems"
                hidden=move || errors.with(Vec::is_empty) && general.with(Option::is_none)>
                <h2 id="module-problems" class="error-summary-title">{tr(F::Problems)}</h2>
                <ul class="error-summary-list">
                    {move || general.get().map(|code| {
                        let l = lang.get();
                        let text = if code == ErrorCode::Conflict { T::StaleModule.text(l) } else { code.message(l) };
                        view! { <li>{text}</li> }
                    })}
                    {move || {
                        let l = lang.get();
                        errors.get().into_iter().map(|(id, path, code)| {
                            let target = id.clone();
                            let text = format!("{}: {}", field_of(&path, l).1, code.message(l));
                            view! { <li><a href=format!("#{id}") on:click=move |ev| { ev.prevent_default(); focus_id(target.clone()); }>{text}</a></li> }
                        }).collect_view()
                    }}
                </ul>
            </div>
            {fields}
            <p><button type="submit" class="button button-large" prop:disabled=move || saving.get()>{tr(T::SaveModule)}</button></p>
        </form>
    }
}
