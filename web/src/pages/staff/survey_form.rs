//! The staff's survey editor (`/staff/surveys?edit=new` or `?edit=<id>`): the title and intro in
//! fi/sv/en, the first and last day, who may answer, whether contact details are asked, published
//! or not, and the questions in order (key, kind, text in three languages, required, the options of
//! a choice question with "other, please specify", the limits of a number), added, removed and moved
//! with buttons. Text typed stays in one draft that is never redrawn while typing; adding, removing
//! or moving redraws the questions and puts focus on what was acted on. The server's faults are
//! listed in a summary that takes focus, each linking to its field, which is marked invalid.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{
    ErrorCode, FieldCode, Hint, Lang, Localized, QuestionKind, SurveyAudience, SurveyContact,
    SurveyEdit, SurveyInput, SurveyOption, SurveyQuestion,
};

use crate::api;
use crate::i18n::survey_form::{SurveyForm as F, contact_name, kind_name};
use crate::i18n::surveys::Surveys as S;
use crate::i18n::{Text, Ui};
use crate::prefs::{tr, use_lang};
use crate::routes::{staff_survey_results_href, staff_surveys_href};
use crate::session::use_session;

/// The editor of a new survey (`id` "new") or a stored one.
#[component]
pub fn SurveyEditor(id: String, library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let new = id == "new";
    let id = StoredValue::new(id);
    let library = StoredValue::new(library);
    let stored = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let id = id.get_value();
        async move {
            if id == "new" {
                // A new survey opens today, in the library's own time zone.
                let zone = api::library(&library.get_value(), lang)
                    .await
                    .map_or_else(|_| "Europe/Helsinki".to_owned(), |l| l.time_zone);
                return Ok((None, super::today(&zone).format("%Y-%m-%d").to_string()));
            }
            session
                .authorized(lang, move |token| {
                    let id = id.clone();
                    async move { api::survey(&id, lang, Some(&token)).await }
                })
                .await
                .map(|s| (Some(s), String::new()))
                .map_err(|e| e.code())
        }
    });
    let heading = if new { F::NewTitle } else { F::EditTitle };
    view! {
        <p><a href=staff_surveys_href()>{tr(S::StaffBack)}</a></p>
        <h1>{tr(heading)}</h1>
        <p>{tr(F::Intro)}</p>
        {move || {
            let l = lang.get_untracked();
            match stored.get() {
                None => view! { <p>{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok((survey, today))) => {
                    let (draft, version) = match survey {
                        Some(s) => (
                            SurveyInput {
                                library: s.library,
                                title: s.title,
                                intro: s.intro,
                                audience: s.audience,
                                contact: s.contact,
                                opens_on: s.opens_on,
                                closes_on: s.closes_on,
                                published: s.published,
                                questions: s.questions,
                            },
                            Some(s.version),
                        ),
                        None => (blank(library.get_value(), today), None),
                    };
                    view! { <Editor draft=draft version=version id=id.get_value() /> }.into_any()
                }
            }
        }}
    }
}

/// The survey as sent: options only on choice questions and limits only on numbers, so a kind
/// changed back and forth while editing keeps what was typed until it is saved.
fn without_unused(mut input: SurveyInput) -> SurveyInput {
    for q in &mut input.questions {
        if !matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple) {
            q.options.clear();
            q.other = false;
        }
        if q.kind != QuestionKind::Number {
            q.min = None;
            q.max = None;
        }
    }
    input
}

fn text(fi: &str) -> Localized {
    Localized {
        fi: fi.to_owned(),
        ..Default::default()
    }
}

fn blank(library: String, today: String) -> SurveyInput {
    SurveyInput {
        library,
        title: Localized::default(),
        intro: Hint::default(),
        audience: SurveyAudience::Public,
        contact: SurveyContact::None,
        opens_on: today,
        closes_on: None,
        published: false,
        questions: vec![question(1)],
    }
}

fn question(n: usize) -> SurveyQuestion {
    SurveyQuestion {
        id: format!("q{n}"),
        kind: QuestionKind::Single,
        text: Localized::default(),
        help: Hint::default(),
        required: false,
        options: vec![option(1), option(2)],
        other: false,
        min: None,
        max: None,
    }
}

fn option(n: usize) -> SurveyOption {
    SurveyOption {
        id: format!("o{n}"),
        label: text(""),
    }
}

/// A key not yet used among `taken`, as `{prefix}{n}`.
fn fresh_key(prefix: &str, taken: &[String]) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or_default()
}

/// The element id of a field the server named (`questions[1].options[0].label.fi` →
/// `sq-1-o-0-fi`), and a name for it in the summary.
fn field_of(path: &str, l: Lang) -> (String, String) {
    let path = path.strip_prefix("survey.").unwrap_or(path);
    let lang_name = |code: &str| match code {
        "sv" => F::Swedish.text(l),
        "en" => F::English.text(l),
        _ => F::Finnish.text(l),
    };
    let index = |part: &str, name: &str| -> Option<usize> {
        part.strip_prefix(name)?
            .strip_prefix('[')?
            .strip_suffix(']')?
            .parse()
            .ok()
    };
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["title", code] => (
            format!("sv-title-{code}"),
            format!("{} ({})", F::TitleLegend.text(l), lang_name(code)),
        ),
        ["intro", code] => (
            format!("sv-intro-{code}"),
            format!("{} ({})", F::IntroLegend.text(l), lang_name(code)),
        ),
        ["opens_on"] => ("sv-opens".into(), F::Opens.text(l).into()),
        ["closes_on"] => ("sv-closes".into(), F::Closes.text(l).into()),
        ["questions"] => ("add-question".into(), F::Questions.text(l).into()),
        [q, rest @ ..] if index(q, "questions").is_some() => {
            let i = index(q, "questions").unwrap_or(0);
            let who = format!("{} {}", F::Question.text(l), i + 1);
            match rest {
                ["id"] => (format!("sq-{i}-id"), format!("{who}: {}", F::Key.text(l))),
                ["kind"] => (
                    format!("sq-{i}-kind"),
                    format!("{who}: {}", F::Kind.text(l)),
                ),
                ["text", code] => (
                    format!("sq-{i}-text-{code}"),
                    format!("{who} ({})", lang_name(code)),
                ),
                ["options"] => (
                    format!("sq-{i}-add-option"),
                    format!("{who}: {}", F::Options.text(l)),
                ),
                [o, tail @ ..] if index(o, "options").is_some() => {
                    let j = index(o, "options").unwrap_or(0);
                    let opt = format!("{who}, {} {}", F::OptionN.text(l), j + 1);
                    match tail {
                        ["label", code] => (
                            format!("sq-{i}-o-{j}-{code}"),
                            format!("{opt} ({})", lang_name(code)),
                        ),
                        _ => (
                            format!("sq-{i}-o-{j}-id"),
                            format!("{opt}: {}", F::Key.text(l)),
                        ),
                    }
                }
                ["help", code] => (
                    format!("sq-{i}-help-{code}"),
                    format!("{who}, {} ({})", F::Help.text(l), lang_name(code)),
                ),
                ["other"] => (
                    format!("sq-{i}-other"),
                    format!("{who}: {}", F::Other.text(l)),
                ),
                ["min"] => (format!("sq-{i}-min"), format!("{who}: {}", F::Min.text(l))),
                ["max"] => (format!("sq-{i}-max"), format!("{who}: {}", F::Max.text(l))),
                _ => (format!("sq-{i}-id"), who),
            }
        }
        _ => ("sv-title-fi".into(), path.to_owned()),
    }
}

/// The server's fault at a date field, worded in the page's language.
fn date_error(id: &'static str, errors: Errors) -> impl IntoView {
    let lang = use_lang();
    move || {
        errors.with(|e| {
            e.iter().find(|x| x.0 == id).map(|x| {
                view! { <p class="field-error" id=format!("{id}-error")>{x.2.message(lang.get())}</p> }
            })
        })
    }
}

pub(super) fn focus_id(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The fields the server refused: (element id, field path as sent, why). Worded when shown, so a
/// language change rewords them.
pub(super) type Errors = RwSignal<Vec<(String, String, FieldCode)>>;

/// A text input bound to one string of the draft, read once when drawn and written on input.
pub(super) fn field(
    id: String,
    label: String,
    value: String,
    errors: Errors,
    write: impl Fn(String) + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let err_id = format!("{id}-error");
    let (check, describe) = (id.clone(), id.clone());
    let shown = id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {move || errors.with(|e| e.iter().find(|x| x.0 == shown).map(|x| {
                view! { <p class="field-error" id=format!("{}-error", x.0)>{x.2.message(lang.get())}</p> }
            }))}
            <input type="text" id=id prop:value=value
                aria-invalid=move || errors.with(|e| e.iter().any(|x| x.0 == check)).then_some("true")
                aria-describedby=move || errors.with(|e| e.iter().any(|x| x.0 == describe)).then(|| err_id.clone())
                on:input=move |ev| write(event_target_value(&ev)) />
        </div>
    }
}

/// Three inputs for a text in fi/sv/en under one legend.
pub(super) fn three(
    l: Lang,
    prefix: String,
    legend: String,
    value: [String; 3],
    errors: Errors,
    write: impl Fn(usize, String) + Clone + 'static,
) -> impl IntoView {
    let [fi, sv, en] = value;
    let (w0, w1, w2) = (write.clone(), write.clone(), write);
    view! {
        <fieldset class="three-languages">
            <legend>{legend}</legend>
            {field(format!("{prefix}-fi"), F::Finnish.text(l).into(), fi, errors, move |v| w0(0, v))}
            {field(format!("{prefix}-sv"), F::Swedish.text(l).into(), sv, errors, move |v| w1(1, v))}
            {field(format!("{prefix}-en"), F::English.text(l).into(), en, errors, move |v| w2(2, v))}
        </fieldset>
    }
}

pub(super) fn set_lang(t: &mut Localized, i: usize, v: String) {
    match i {
        0 => t.fi = v,
        1 => t.sv = v,
        _ => t.en = v,
    }
}

#[component]
fn Editor(draft: SurveyInput, version: Option<i32>, id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let draft = RwSignal::new(draft);
    // Moved on adding, removing, moving or retyping: only then are the questions drawn again.
    let structure = RwSignal::new(0u32);
    let errors: Errors = RwSignal::new(Vec::new());
    // A fault of the whole survey: its code, and whether a change would orphan answers.
    let general = RwSignal::new(None::<(ErrorCode, bool)>);
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
        let input = without_unused(draft.get_untracked());
        let id = id.get_value();
        let navigate = navigate.clone();
        spawn_local(async move {
            let saved = session
                .authorized(lang, move |token| {
                    let (input, id) = (input.clone(), id.clone());
                    async move {
                        match version {
                            None => api::create_survey(&token, &input, lang).await,
                            Some(version) => {
                                let edit = SurveyEdit {
                                    version,
                                    survey: input,
                                };
                                api::update_survey(&token, &id, &edit, lang).await
                            }
                        }
                    }
                })
                .await;
            saving.set(false);
            match saved {
                Ok(survey) => navigate(
                    &staff_survey_results_href(&survey.id, None),
                    Default::default(),
                ),
                Err(e) => {
                    let fields: Vec<(String, String, FieldCode)> = e
                        .problem
                        .errors
                        .iter()
                        .map(|f| (field_of(&f.field, lang).0, f.field.clone(), f.code))
                        .collect();
                    let has_answers = e
                        .problem
                        .detail
                        .as_deref()
                        .is_some_and(|d| d.contains("answers"));
                    let text = fields.is_empty().then(|| (e.code(), has_answers));
                    general.set(text);
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

    let questions = move || {
        structure.track();
        let l = lang.get_untracked();
        let d = draft.get_untracked();
        let count = d.questions.len();
        d.questions
            .into_iter()
            .enumerate()
            .map(|(i, q)| question_view(l, i, count, q, draft, structure, errors))
            .collect_view()
    };

    // Drawn again from the draft when the language changes, so labels follow it and nothing typed
    // is lost.
    let fields = move || {
        let l0 = lang.get();
        let d0 = draft.get_untracked();
        view! {
            {three(l0, "sv-title".into(), F::TitleLegend.text(l0).into(),
                [d0.title.fi.clone(), d0.title.sv.clone(), d0.title.en.clone()], errors,
                move |i, v| draft.update(|d| set_lang(&mut d.title, i, v)))}
            {three(l0, "sv-intro".into(), F::IntroLegend.text(l0).into(),
                [d0.intro.fi.clone(), d0.intro.sv.clone(), d0.intro.en.clone()], errors,
                move |i, v| draft.update(|d| match i { 0 => d.intro.fi = v, 1 => d.intro.sv = v, _ => d.intro.en = v }))}
            <div class="field">
                <label for="sv-opens">{tr(F::Opens)}</label>
                {date_error("sv-opens", errors)}
                <input type="date" id="sv-opens" prop:value=d0.opens_on.clone()
                    aria-invalid=move || errors.with(|e| e.iter().any(|x| x.0 == "sv-opens")).then_some("true")
                    aria-describedby=move || errors.with(|e| e.iter().any(|x| x.0 == "sv-opens")).then_some("sv-opens-error")
                    on:input=move |ev| draft.update(|d| d.opens_on = event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for="sv-closes">{tr(F::Closes)}</label>
                {date_error("sv-closes", errors)}
                <input type="date" id="sv-closes" prop:value=d0.closes_on.clone().unwrap_or_default()
                    aria-invalid=move || errors.with(|e| e.iter().any(|x| x.0 == "sv-closes")).then_some("true")
                    aria-describedby=move || errors.with(|e| e.iter().any(|x| x.0 == "sv-closes")).then_some("sv-closes-error")
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        draft.update(|d| d.closes_on = (!v.is_empty()).then_some(v));
                    } />
            </div>
            <fieldset class="radios">
                <legend>{tr(F::Audience)}</legend>
                {SurveyAudience::ALL.iter().copied().map(|a| {
                    let rid = format!("sv-audience-{}", a.as_str());
                    let label = match a {
                        SurveyAudience::Public => S::AudiencePublic,
                        SurveyAudience::Patrons => S::AudiencePatrons,
                        SurveyAudience::CareHomeContacts => S::AudienceCareHomes,
                    };
                    view! {
                        <div class="radio">
                            <input type="radio" name="sv-audience" id=rid.clone() prop:checked=d0.audience == a
                                on:change=move |_| draft.update(|d| d.audience = a) />
                            <label for=rid>{tr(label)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="radios">
                <legend>{tr(F::Contact)}</legend>
                {SurveyContact::ALL.iter().copied().map(|c| {
                    let rid = format!("sv-contact-{}", c.as_str());
                    view! {
                        <div class="radio">
                            <input type="radio" name="sv-contact" id=rid.clone() prop:checked=d0.contact == c
                                on:change=move |_| draft.update(|d| d.contact = c) />
                            <label for=rid>{move || contact_name(lang.get(), c)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <div class="checkbox">
                <input type="checkbox" id="sv-published" prop:checked=d0.published
                    on:change=move |ev| draft.update(|d| d.published = event_target_checked(&ev)) />
                <label for="sv-published">{tr(F::Published)}</label>
            </div>
            <h2>{tr(F::Questions)}</h2>
            <ol class="question-list">{questions}</ol>
            <p>
                <button type="button" class="button button-secondary" id="add-question" on:click=move |_| {
                    let n = draft.with_untracked(|d| {
                        let taken: Vec<String> = d.questions.iter().map(|q| q.id.clone()).collect();
                        fresh_key("q", &taken)
                    });
                    draft.update(|d| {
                        let mut q = question(1);
                        q.id = n;
                        d.questions.push(q);
                    });
                    errors.set(Vec::new());
                    structure.update(|s| *s += 1);
                    let i = draft.with_untracked(|d| d.questions.len() - 1);
                    focus_id(format!("sq-{i}-text-fi"));
                }>{tr(F::AddQuestion)}</button>
            </p>
        }
    };

    view! {
        <form class="survey-editor" on:submit=save novalidate>
            <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="survey-problems"
                hidden=move || errors.with(Vec::is_empty) && general.with(Option::is_none)>
                <h2 id="survey-problems" class="error-summary-title">{tr(F::Problems)}</h2>
                <ul class="error-summary-list">
                    {move || general.get().map(|(code, has_answers)| {
                        let l = lang.get();
                        let text = match (code, has_answers) {
                            (ErrorCode::Conflict, true) => F::HasAnswers.text(l),
                            (ErrorCode::Conflict, false) => F::Stale.text(l),
                            _ => code.message(l),
                        };
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
            <p><button type="submit" class="button button-large" prop:disabled=move || saving.get()>{tr(F::Save)}</button></p>
        </form>
    }
}

/// A number's limit as typed: none when empty; a number that cannot be read is sent as one out of
/// range, so the server names the field rather than the limit being dropped unseen.
fn limit(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    (!raw.is_empty()).then(|| raw.replace('\u{2212}', "-").parse().unwrap_or(i64::MAX))
}

fn question_view(
    l: Lang,
    i: usize,
    count: usize,
    q: SurveyQuestion,
    draft: RwSignal<SurveyInput>,
    structure: RwSignal<u32>,
    errors: Errors,
) -> impl IntoView {
    let who = format!("{} {}", F::Question.text(l), i + 1);
    let heading = format!("sq-{i}-heading");
    let edit = move |f: Box<dyn FnOnce(&mut SurveyQuestion)>| {
        draft.update(|d| {
            if let Some(q) = d.questions.get_mut(i) {
                f(q);
            }
        })
    };
    // The faults name questions and options by place: after a change of places they would point
    // at others.
    let redraw = move |focus: String| {
        errors.set(Vec::new());
        structure.update(|s| *s += 1);
        focus_id(focus);
    };
    let choice = matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple);
    let options_count = q.options.len();
    let options = q
        .options
        .iter()
        .cloned()
        .enumerate()
        .map(|(j, o)| {
            let label = format!("{} {}", F::OptionN.text(l), j + 1);
            view! {
                <li class="survey-option">
                    {field(format!("sq-{i}-o-{j}-id"), format!("{label}: {}", F::Key.text(l)), o.id.clone(), errors,
                        move |v| edit(Box::new(move |q| if let Some(o) = q.options.get_mut(j) { o.id = v })))}
                    {three(l, format!("sq-{i}-o-{j}"), label.clone(),
                        [o.label.fi.clone(), o.label.sv.clone(), o.label.en.clone()], errors,
                        move |k, v| edit(Box::new(move |q| if let Some(o) = q.options.get_mut(j) { set_lang(&mut o.label, k, v) })))}
                    <button type="button" class="button button-small button-secondary"
                        aria-label=format!("{}: {who}, {label}", F::Remove.text(l))
                        on:click=move |_| {
                            edit(Box::new(move |q| { if j < q.options.len() { q.options.remove(j); } }));
                            redraw(format!("sq-{i}-add-option"));
                        }>{F::Remove.text(l)}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="survey-question">
            <h3 id=heading>{who.clone()}</h3>
            {field(format!("sq-{i}-id"), F::Key.text(l).into(), q.id.clone(), errors,
                move |v| edit(Box::new(move |q| q.id = v)))}
            <p class="hint">{F::KeyHint.text(l)}</p>
            <div class="field">
                <label for=format!("sq-{i}-kind")>{F::Kind.text(l)}</label>
                <select id=format!("sq-{i}-kind") on:change=move |ev| {
                    let kind = QuestionKind::parse(&event_target_value(&ev)).unwrap_or(QuestionKind::Text);
                    edit(Box::new(move |q| {
                        q.kind = kind;
                        let choice = matches!(kind, QuestionKind::Single | QuestionKind::Multiple);
                        if choice && q.options.len() < 2 {
                            q.options = vec![option(1), option(2)];
                        }
                    }));
                    redraw(format!("sq-{i}-kind"));
                }>
                    {QuestionKind::ALL.iter().copied().map(|k| view! {
                        <option value=k.as_str() selected=k == q.kind>{kind_name(l, k)}</option>
                    }).collect_view()}
                </select>
            </div>
            {three(l, format!("sq-{i}-text"), F::QuestionText.text(l).into(),
                [q.text.fi.clone(), q.text.sv.clone(), q.text.en.clone()], errors,
                move |k, v| edit(Box::new(move |q| set_lang(&mut q.text, k, v))))}
            {three(l, format!("sq-{i}-help"), F::Help.text(l).into(),
                [q.help.fi.clone(), q.help.sv.clone(), q.help.en.clone()], errors,
                move |k, v| edit(Box::new(move |q| match k { 0 => q.help.fi = v, 1 => q.help.sv = v, _ => q.help.en = v })))}
            <div class="checkbox">
                <input type="checkbox" id=format!("sq-{i}-required") prop:checked=q.required
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |q| q.required = on)) } />
                <label for=format!("sq-{i}-required")>{F::Required.text(l)}</label>
            </div>
            {choice.then(|| view! {
                <fieldset class="survey-options">
                    <legend>{F::Options.text(l)}</legend>
                    <ol>{options}</ol>
                    <button type="button" class="button button-small button-secondary" id=format!("sq-{i}-add-option")
                        aria-label=format!("{}: {who}", F::AddOption.text(l))
                        on:click=move |_| {
                            edit(Box::new(|q| {
                                let taken: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
                                let mut o = option(1);
                                o.id = fresh_key("o", &taken);
                                q.options.push(o);
                            }));
                            redraw(format!("sq-{i}-o-{options_count}-fi"));
                        }>{F::AddOption.text(l)}</button>
                    <div class="checkbox">
                        <input type="checkbox" id=format!("sq-{i}-other") prop:checked=q.other
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |q| q.other = on)) } />
                        <label for=format!("sq-{i}-other")>{F::Other.text(l)}</label>
                    </div>
                </fieldset>
            })}
            {(q.kind == QuestionKind::Number).then(|| view! {
                {field(format!("sq-{i}-min"), F::Min.text(l).into(), q.min.map(|m| m.to_string()).unwrap_or_default(), errors,
                    move |v| edit(Box::new(move |q| q.min = limit(&v))))}
                {field(format!("sq-{i}-max"), F::Max.text(l).into(), q.max.map(|m| m.to_string()).unwrap_or_default(), errors,
                    move |v| edit(Box::new(move |q| q.max = limit(&v))))}
            })}
            <div class="button-row">
                {(i > 0).then(|| view! {
                    <button type="button" class="button button-small button-secondary" id=format!("sq-{i}-up")
                        aria-label=format!("{}: {who}", F::Up.text(l))
                        on:click=move |_| {
                            draft.update(|d| d.questions.swap(i, i - 1));
                            redraw(format!("sq-{}-up", i - 1).replace("sq-0-up", "sq-0-down"));
                        }>{F::Up.text(l)}</button>
                })}
                {(i + 1 < count).then(|| view! {
                    <button type="button" class="button button-small button-secondary" id=format!("sq-{i}-down")
                        aria-label=format!("{}: {who}", F::Down.text(l))
                        on:click=move |_| {
                            draft.update(|d| d.questions.swap(i, i + 1));
                            let next = if i + 2 < count { format!("sq-{}-down", i + 1) } else { format!("sq-{}-up", i + 1) };
                            redraw(next);
                        }>{F::Down.text(l)}</button>
                })}
                {(count > 1).then(|| view! {
                    <button type="button" class="button button-small button-danger"
                        aria-label=format!("{}: {who}", F::Remove.text(l))
                        on:click=move |_| {
                            draft.update(|d| { if i < d.questions.len() { d.questions.remove(i); } });
                            redraw("add-question".into());
                        }>{F::Remove.text(l)}</button>
                })}
            </div>
        </li>
    }
}
