//! Needs surveys: the open surveys of the library (`/surveys`) and answering one (`/surveys/{id}`,
//! the shareable link). The library's staff also enter answers given on paper or by phone there
//! (`?source=paper`), marked as such.
//!
//! Every question is a fieldset (or a labelled input) whose first input carries `q-<key>`, so the
//! error summary's links and the server's `answers.<key>` faults point at it.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use etakirjasto_shared::{
    ErrorCode, FieldCode, Hint, Lang, Localized, QuestionKind, ResponseSource, Survey,
    SurveyAnswer, SurveyAudience, SurveyContact, SurveyQuestion, SurveyResponseInput, SurveyState,
};

use crate::api;
use crate::components::form::focus_later;
use crate::i18n::surveys::{Surveys as S, source_name};
use crate::i18n::{Text, Ui};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, survey_href};
use crate::session::{Phase, use_session};

/// A text in the reader's language, or the Finnish one marked as Finnish when it is missing.
pub fn in_lang(fi: &str, sv: &str, en: &str, lang: Lang) -> (String, &'static str) {
    let t = lang.pick(fi, sv, en);
    if t.trim().is_empty() {
        (fi.to_owned(), "fi")
    } else {
        (t.to_owned(), lang.code())
    }
}

/// A library date (`YYYY-MM-DD`) as people write it: 31.1.2027, or 31 January 2027 in English.
pub fn date_label(lang: Lang, iso: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) if lang == Lang::En => d.format("%-d %B %Y").to_string(),
        Ok(d) => d.format("%-d.%-m.%Y").to_string(),
        Err(_) => iso.to_owned(),
    }
}

/// "Open until 31 January 2027", in the reader's language.
fn open_until(lang: Lang, iso: &str) -> String {
    let day = date_label(lang, iso);
    match lang {
        Lang::Fi => format!("Avoinna {day} asti"),
        Lang::Sv => format!("Öppen till och med {day}"),
        Lang::En => format!("Open until {day}"),
    }
}

/// A required text in the reader's language.
pub fn localized(t: &Localized, lang: Lang) -> (String, &'static str) {
    in_lang(&t.fi, &t.sv, &t.en, lang)
}

fn hint(t: &Hint, lang: Lang) -> (String, &'static str) {
    in_lang(&t.fi, &t.sv, &t.en, lang)
}

/// Calls the API with the session's token when signed in (so staff see their library's drafts and
/// a person's answer counts as theirs), else without one.
async fn with_session<T, F, Fut>(
    session: crate::session::Session,
    lang: Lang,
    call: F,
) -> api::ApiResult<T>
where
    F: Fn(Option<String>) -> Fut + Clone + 'static,
    Fut: Future<Output = api::ApiResult<T>>,
    T: 'static,
{
    if session.phase.get_untracked() == Phase::SignedIn {
        session
            .authorized(lang, move |token| {
                let call = call.clone();
                async move { call(Some(token)).await }
            })
            .await
    } else {
        call(None).await
    }
}

/// The open surveys.
#[component]
pub fn SurveysPage() -> impl IntoView {
    use_title(S::Title);
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let surveys = LocalResource::new(move || {
        let slug = library.get().map(|l| l.slug);
        let lang = lang.get_untracked();
        session.phase.track();
        async move {
            let Some(slug) = slug else {
                return Ok(None);
            };
            with_session(session, lang, move |token| {
                let slug = slug.clone();
                async move {
                    api::surveys(&slug, Some(SurveyState::Open), lang, token.as_deref()).await
                }
            })
            .await
            .map(Some)
            .map_err(|e| e.code())
        }
    });
    let list = move || {
        let l = lang.get();
        if library.failed() {
            return view! { <p class="notice">{Ui::LibraryUnavailable.text(l)}</p> }.into_any();
        }
        match surveys.get() {
            None | Some(Ok(None)) => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(Some(all))) if all.is_empty() => view! { <p>{S::None.text(l)}</p> }.into_any(),
            Some(Ok(Some(all))) => view! {
                <ul class="survey-list">
                    {all.into_iter().map(|s| {
                        let (title, title_lang) = localized(&s.title, l);
                        let (intro, intro_lang) = hint(&s.intro, l);
                        let until = s.closes_on.clone().map(|d| view! {
                            <p>{open_until(l, &d)}</p>
                        });
                        view! {
                            <li class="survey-card">
                                <h2><a href=survey_href(&s.id) lang=title_lang>{title}</a></h2>
                                {(!intro.is_empty()).then(|| view! { <p lang=intro_lang>{intro}</p> })}
                                {until}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <h1>{tr(S::Title)}</h1>
        <p class="lead">{tr(S::Intro)}</p>
        {list}
    }
}

/// One question's inputs, kept while the page is open.
#[derive(Clone, Copy)]
struct Inputs {
    choices: RwSignal<Vec<String>>,
    other: RwSignal<bool>,
    other_text: RwSignal<String>,
    value: RwSignal<String>,
}

impl Inputs {
    fn new() -> Inputs {
        Inputs {
            choices: RwSignal::new(Vec::new()),
            other: RwSignal::new(false),
            other_text: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
        }
    }

    fn clear(self) {
        self.choices.set(Vec::new());
        self.other.set(false);
        self.other_text.set(String::new());
        self.value.set(String::new());
    }
}

/// A fault shown on the page: the input's id, what the summary calls it, and the code.
#[derive(Debug, Clone, PartialEq)]
struct Fault {
    id: String,
    label: String,
    code: FieldCode,
}

/// One survey to answer.
#[component]
pub fn SurveyPage() -> impl IntoView {
    use_title(S::Title);
    let lang = use_lang();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let survey = LocalResource::new(move || {
        let id = id.get();
        let lang = lang.get_untracked();
        session.phase.track();
        async move {
            with_session(session, lang, move |token| {
                let id = id.clone();
                async move { api::survey(&id, lang, token.as_deref()).await }
            })
            .await
            .map_err(|e| e.code())
        }
    });
    Effect::new(move || {
        let l = lang.get();
        if let Some(Ok(s)) = survey.get() {
            let (title, _) = localized(&s.title, l);
            document().set_title(&format!("{title} – {}", crate::i18n::PRODUCT_NAME));
        }
    });
    let body = move || {
        let l = lang.get();
        match survey.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! {
                <h1>{S::Title.text(l)}</h1>
                <p class="notice">{code.message(l)}</p>
            }
            .into_any(),
            Some(Ok(s)) => view! { <SurveyForm survey=s /> }.into_any(),
        }
    };
    view! {
        <p class="back"><a href=Page::Surveys.href()>{tr(S::Back)}</a></p>
        {body}
    }
}

#[component]
fn SurveyForm(survey: Survey) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let query = use_query_map();
    let s = StoredValue::new(survey);
    let inputs: StoredValue<Vec<(SurveyQuestion, Inputs)>> = StoredValue::new(s.with_value(|s| {
        s.questions
            .iter()
            .map(|q| (q.clone(), Inputs::new()))
            .collect()
    }));
    let staff = Memo::new(move |_| {
        session.me().is_some_and(|me| {
            s.with_value(|s| {
                me.memberships
                    .iter()
                    .any(|m| m.role.is_staff() && m.library == s.library)
            })
        })
    });
    let source = RwSignal::new(
        query
            .with_untracked(|q| q.get("source"))
            .and_then(|v| ResponseSource::parse(&v))
            .unwrap_or(ResponseSource::Web),
    );
    let contact_name = RwSignal::new(String::new());
    let contact_email = RwSignal::new(String::new());
    let contact_phone = RwSignal::new(String::new());
    let faults = RwSignal::new(Vec::<Fault>::new());
    let problem = RwSignal::new(None::<ErrorCode>);
    let sending = RwSignal::new(false);
    let done = RwSignal::new(false);
    let summary = NodeRef::<html::Div>::new();
    let thanks = NodeRef::<html::Div>::new();

    let question_label = move |key: &str, l: Lang| -> String {
        inputs.with_value(|all| {
            all.iter()
                .find(|(q, _)| q.id == key)
                .map(|(q, _)| localized(&q.text, l).0)
                .unwrap_or_else(|| key.to_owned())
        })
    };
    let contact_label = move |field: &str, l: Lang| -> Option<(String, String)> {
        let (id, text) = match field {
            "contact_name" => ("contact-name", S::ContactName),
            "contact_email" => ("contact-email", S::ContactEmail),
            "contact_phone" => ("contact-phone", S::ContactPhone),
            _ => return None,
        };
        Some((id.to_owned(), text.text(l).to_owned()))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_checked(
            session,
            s,
            inputs,
            staff,
            source,
            (contact_name, contact_email, contact_phone),
            FormState {
                faults,
                problem,
                sending,
                done,
                summary,
                thanks,
            },
            lang,
            question_label,
            contact_label,
        );
    };

    let again = move |_| {
        inputs.with_value(|all| all.iter().for_each(|(_, i)| i.clear()));
        contact_name.set(String::new());
        contact_email.set(String::new());
        contact_phone.set(String::new());
        done.set(false);
        // The form is drawn again; its first question takes focus, ready for the next answer.
        let first = inputs.with_value(|all| all.first().map(|(q, _)| format!("q-{}", q.id)));
        request_animation_frame(move || {
            if let Some(el) = first.and_then(|id| document().get_element_by_id(&id)) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };

    let header = move || {
        let l = lang.get();
        s.with_value(|s| {
            let (title, title_lang) = localized(&s.title, l);
            let (intro, intro_lang) = hint(&s.intro, l);
            view! {
                <h1 lang=title_lang>{title}</h1>
                {(!intro.is_empty()).then(|| view! { <p class="lead" lang=intro_lang>{intro}</p> })}
            }
        })
    };

    let blocked = move || -> Option<S> {
        let (state, audience) = s.with_value(|s| (s.state, s.audience));
        if staff.get() {
            return None;
        }
        if state != SurveyState::Open {
            return Some(S::NotOpen);
        }
        if audience != SurveyAudience::Public && session.phase.get() != Phase::SignedIn {
            return Some(S::SignInToAnswer);
        }
        None
    };

    let summary_view = move || {
        let l = lang.get();
        let list = faults.get();
        let general = problem.get();
        let items = list
            .into_iter()
            .map(|f| {
                let href = format!("#{}", f.id);
                let target = f.id.clone();
                view! {
                    <li><a href=href on:click=move |ev| {
                        ev.prevent_default();
                        if let Some(el) = document().get_element_by_id(&target) {
                            use wasm_bindgen::JsCast;
                            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                                let _ = el.focus();
                            }
                        }
                    }>{format!("{}: {}", f.label, f.code.message(l))}</a></li>
                }
            })
            .collect_view();
        view! {
            {general.map(|c| view! { <li>{c.message(l)}</li> })}
            {items}
        }
    };

    let questions = move || {
        inputs.with_value(|all| {
            all.iter()
                .cloned()
                .map(|(q, i)| question_view(q, i, lang, faults))
                .collect_view()
        })
    };

    let source_choice = move || {
        staff.get().then(|| {
            let l = lang.get();
            view! {
                <fieldset class="field">
                    <legend>{S::SourceLegend.text(l)}</legend>
                    {ResponseSource::ALL.iter().map(|src| {
                        let src = *src;
                        let id = format!("source-{}", src.as_str());
                        view! {
                            <div class="radio">
                                <input type="radio" id=id.clone() name="source" value=src.as_str()
                                    prop:checked=move || source.get() == src
                                    on:change=move |_| source.set(src) />
                                <label for=id>{source_name(l, src)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
    };

    let contact = move || {
        let asks = s.with_value(|s| s.contact == SurveyContact::Optional);
        asks.then(|| {
            view! {
                <fieldset class="field">
                    <legend>{tr(S::ContactHeading)}</legend>
                    <p class="hint">{tr(S::ContactHint)}</p>
                    {contact_field(("contact-name", "text", "name"), S::ContactName, contact_name, faults, lang)}
                    {contact_field(("contact-email", "email", "email"), S::ContactEmail, contact_email, faults, lang)}
                    {contact_field(("contact-phone", "tel", "tel"), S::ContactPhone, contact_phone, faults, lang)}
                </fieldset>
            }
        })
    };

    view! {
        {header}
        {move || match blocked() {
            Some(why) => {
                let sign_in = (why == S::SignInToAnswer).then(|| view! {
                    <p><a class="button" href=Page::SignIn.href()>{tr(crate::i18n::Auth::SignInTitle)}</a></p>
                });
                view! { <p class="notice">{tr(why)}</p> {sign_in} }.into_any()
            }
            None if done.get() => view! {
                <div class="confirmation" tabindex="-1" node_ref=thanks>
                    <h2>{tr(S::Thanks)}</h2>
                    <p>{tr(S::ThanksText)}</p>
                    {move || staff.get().then(|| view! {
                        <p><button type="button" class="button" on:click=again>{tr(S::EnterAnother)}</button></p>
                    })}
                    <p><a href=Page::Surveys.href()>{tr(S::Back)}</a></p>
                </div>
            }
            .into_any(),
            None => view! {
                <form class="survey-form" on:submit=submit novalidate>
                    <div class="error-summary" tabindex="-1" node_ref=summary aria-labelledby="survey-errors"
                        hidden=move || faults.with(Vec::is_empty) && problem.get().is_none()>
                        <h2 id="survey-errors" class="error-summary-title">{tr(crate::i18n::Auth::SummaryTitle)}</h2>
                        <ul class="error-summary-list">{summary_view}</ul>
                    </div>
                    {source_choice}
                    {questions}
                    {contact}
                    <button type="submit" class="button" disabled=move || sending.get()>{tr(S::Send)}</button>
                </form>
            }
            .into_any(),
        }}
    }
}

/// The form's outcome signals and the elements that take focus.
#[derive(Clone, Copy)]
struct FormState {
    faults: RwSignal<Vec<Fault>>,
    problem: RwSignal<Option<ErrorCode>>,
    sending: RwSignal<bool>,
    done: RwSignal<bool>,
    summary: NodeRef<html::Div>,
    thanks: NodeRef<html::Div>,
}

/// Sends the answers after checking them here; the server's faults are shown by their fields.
#[allow(clippy::too_many_arguments)]
fn submit_checked(
    session: crate::session::Session,
    s: StoredValue<Survey>,
    inputs: StoredValue<Vec<(SurveyQuestion, Inputs)>>,
    staff: Memo<bool>,
    source: RwSignal<ResponseSource>,
    contact: (RwSignal<String>, RwSignal<String>, RwSignal<String>),
    form: FormState,
    lang: Signal<Lang>,
    question_label: impl Fn(&str, Lang) -> String + Copy + 'static,
    contact_label: impl Fn(&str, Lang) -> Option<(String, String)> + Copy + 'static,
) {
    let FormState {
        faults,
        problem,
        sending,
        done,
        summary,
        thanks,
    } = form;
    if sending.get_untracked() {
        return;
    }
    let l = lang.get_untracked();
    let mut found = Vec::new();
    let mut answers = Vec::new();
    inputs.with_value(|all| {
        for (q, i) in all {
            let label = localized(&q.text, l).0;
            let mut a = SurveyAnswer {
                question: q.id.clone(),
                ..SurveyAnswer::default()
            };
            let given = match q.kind {
                QuestionKind::Single | QuestionKind::Multiple => {
                    a.choices = i.choices.get_untracked();
                    if i.other.get_untracked() {
                        let t = i.other_text.get_untracked().trim().to_owned();
                        if t.is_empty() {
                            found.push(Fault {
                                id: format!("q-{}-other-text", q.id),
                                label: format!("{label}: {}", S::OtherSpecify.text(l)),
                                code: FieldCode::Required,
                            });
                        } else {
                            a.other = Some(t);
                        }
                    }
                    !a.choices.is_empty() || a.other.is_some()
                }
                QuestionKind::Scale | QuestionKind::Number => {
                    let v = i.value.get_untracked();
                    let v = v.trim();
                    if v.is_empty() {
                        false
                    } else if let Ok(n) = v.parse::<i64>() {
                        a.number = Some(n);
                        true
                    } else {
                        found.push(Fault {
                            id: format!("q-{}", q.id),
                            label: label.clone(),
                            code: FieldCode::InvalidFormat,
                        });
                        continue;
                    }
                }
                QuestionKind::Text => {
                    let t = i.value.get_untracked().trim().to_owned();
                    let given = !t.is_empty();
                    a.text = given.then_some(t);
                    given
                }
            };
            if given {
                answers.push(a);
            } else if q.required && !i.other.get_untracked() {
                found.push(Fault {
                    id: format!("q-{}", q.id),
                    label,
                    code: FieldCode::Required,
                });
            }
        }
    });
    problem.set(None);
    // Nothing answered at all: said at the first question.
    if found.is_empty() && answers.is_empty() {
        inputs.with_value(|all| {
            if let Some((q, _)) = all.first() {
                found.push(Fault {
                    id: format!("q-{}", q.id),
                    label: localized(&q.text, l).0,
                    code: FieldCode::Required,
                });
            }
        });
    }
    if !found.is_empty() {
        faults.set(found);
        focus_later(summary);
        return;
    }
    faults.set(Vec::new());
    let (name, email, phone) = contact;
    let optional = |s: RwSignal<String>| {
        let v = s.get_untracked().trim().to_owned();
        (!v.is_empty()).then_some(v)
    };
    let body = SurveyResponseInput {
        answers,
        source: staff.get_untracked().then(|| source.get_untracked()),
        language: Some(l),
        contact_name: optional(name),
        contact_email: optional(email),
        contact_phone: optional(phone),
    };
    let id = s.with_value(|s| s.id.clone());
    sending.set(true);
    spawn_local(async move {
        let result = with_session(session, l, move |token| {
            let (id, body) = (id.clone(), body.clone());
            async move { api::answer_survey(&id, &body, l, token.as_deref()).await }
        })
        .await;
        sending.set(false);
        match result {
            Ok(_) => {
                done.set(true);
                focus_later(thanks);
            }
            Err(err) => {
                let mut placed = Vec::new();
                let mut unplaced = false;
                for e in &err.problem.errors {
                    let located = if let Some(key) = e.field.strip_prefix("answers.") {
                        let (key, other) = match key.strip_suffix(".other") {
                            Some(k) => (k, true),
                            None => (key, false),
                        };
                        let id = if other {
                            format!("q-{key}-other-text")
                        } else {
                            format!("q-{key}")
                        };
                        Some((id, question_label(key, l)))
                    } else {
                        contact_label(&e.field, l)
                    };
                    match located {
                        Some((id, label)) => placed.push(Fault {
                            id,
                            label,
                            code: e.code,
                        }),
                        None => unplaced = true,
                    }
                }
                let code = err.code();
                if placed.is_empty() || unplaced || code != ErrorCode::InvalidInput {
                    problem.set(Some(code));
                }
                faults.set(placed);
                focus_later(summary);
            }
        }
    });
}

/// One contact detail: its label, its error and its input (`id`, input type, autocomplete).
fn contact_field(
    (id, kind, autocomplete): (&'static str, &'static str, &'static str),
    label: S,
    value: RwSignal<String>,
    faults: RwSignal<Vec<Fault>>,
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{move || label.text(lang.get())}</label>
            {field_error(faults, lang, id.to_owned())}
            <input id=id type=kind autocomplete=autocomplete
                aria-invalid=invalid(faults, id) aria-describedby=described(faults, id, None)
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// A field's error message, with the id its input's `aria-describedby` names.
fn field_error(faults: RwSignal<Vec<Fault>>, lang: Signal<Lang>, id: String) -> impl IntoView {
    move || {
        let l = lang.get();
        faults
            .with(|f| f.iter().find(|f| f.id == id).map(|f| f.code))
            .map(|code| {
                view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{Ui::ErrorPrefix.text(l)}</span>
                        {code.message(l)}
                    </p>
                }
            })
    }
}

/// `aria-invalid` of the input (or group) whose fault is shown under `id`.
fn invalid(faults: RwSignal<Vec<Fault>>, id: &str) -> impl Fn() -> Option<&'static str> + use<> {
    let id = id.to_owned();
    move || {
        faults
            .with(|f| f.iter().any(|f| f.id == id))
            .then_some("true")
    }
}

/// `aria-describedby` of the input (or group) `id`: its hint, and its error while there is one.
fn described(
    faults: RwSignal<Vec<Fault>>,
    id: &str,
    hint: Option<String>,
) -> impl Fn() -> Option<String> + use<> {
    let id = id.to_owned();
    move || {
        let error = faults
            .with(|f| f.iter().any(|f| f.id == id))
            .then(|| format!("{id}-error"));
        let all: Vec<String> = hint.iter().cloned().chain(error).collect();
        (!all.is_empty()).then(|| all.join(" "))
    }
}

/// The inputs of one question.
fn question_view(
    q: SurveyQuestion,
    i: Inputs,
    lang: Signal<Lang>,
    faults: RwSignal<Vec<Fault>>,
) -> AnyView {
    let fault_of = move |id: String| field_error(faults, lang, id);
    let key = q.id.clone();
    let first_id = format!("q-{key}");
    let required = q.required;
    let q = StoredValue::new(q);
    let legend = move || {
        let l = lang.get();
        let (text, text_lang) = q.with_value(|q| localized(&q.text, l));
        view! {
            <span lang=text_lang>{text}</span>
            {required.then(|| view! { " " <span class="required">{S::Required.text(l)}</span> })}
        }
    };
    let help_id = format!("q-{key}-help");
    let has_help = q.with_value(|q| !q.help.fi.trim().is_empty());
    let help = {
        let help_id = help_id.clone();
        move || {
            let l = lang.get();
            let (text, text_lang) = q.with_value(|q| hint(&q.help, l));
            (!text.is_empty())
                .then(|| view! { <p class="hint" id=help_id.clone() lang=text_lang>{text}</p> })
        }
    };
    let kind = q.with_value(|q| q.kind);
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let multiple = kind == QuestionKind::Multiple;
            let input_type = if multiple { "checkbox" } else { "radio" };
            let name = format!("q-{key}");
            let options = q.with_value(|q| q.options.clone());
            let has_other = q.with_value(|q| q.other);
            let boxes = options
                .into_iter()
                .enumerate()
                .map(|(n, o)| {
                    let id = if n == 0 {
                        first_id.clone()
                    } else {
                        format!("q-{key}-{}", o.id)
                    };
                    let value = o.id.clone();
                    let checked_value = value.clone();
                    let label = o.label.clone();
                    view! {
                        <div class=if multiple { "checkbox" } else { "radio" }>
                            <input type=input_type id=id.clone() name=name.clone() value=value.clone()
                                prop:checked=move || i.choices.with(|c| c.contains(&checked_value))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    i.choices.update(|c| {
                                        if !multiple {
                                            c.clear();
                                        }
                                        c.retain(|x| *x != value);
                                        if on {
                                            c.push(value.clone());
                                        }
                                    });
                                    if !multiple && on {
                                        i.other.set(false);
                                    }
                                } />
                            <label for=id>{move || {
                                let (t, tl) = localized(&label, lang.get());
                                view! { <span lang=tl>{t}</span> }
                            }}</label>
                        </div>
                    }
                })
                .collect_view();
            let other = has_other.then(|| {
                let other_id = format!("q-{key}-other");
                let text_id = format!("q-{key}-other-text");
                let text_fault = fault_of(text_id.clone());
                view! {
                    <div class=if multiple { "checkbox" } else { "radio" }>
                        <input type=input_type id=other_id.clone() name=name.clone() value="other"
                            prop:checked=move || i.other.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                i.other.set(on);
                                if !multiple && on {
                                    i.choices.set(Vec::new());
                                }
                            } />
                        <label for=other_id>{move || S::Other.text(lang.get())}</label>
                    </div>
                    <div class="field conditional" hidden=move || !i.other.get()>
                        <label for=text_id.clone()>{move || S::OtherSpecify.text(lang.get())}</label>
                        {text_fault}
                        <input id=text_id.clone() type="text"
                            aria-invalid=invalid(faults, &text_id)
                            aria-describedby=described(faults, &text_id, None)
                            prop:value=move || i.other_text.get()
                            on:input=move |ev| i.other_text.set(event_target_value(&ev)) />
                    </div>
                }
            });
            let multiple_hint = multiple
                .then(|| view! { <p class="hint">{move || S::ChooseAny.text(lang.get())}</p> });
            view! {
                <fieldset class="field question"
                    aria-invalid=invalid(faults, &first_id)
                    aria-describedby=described(faults, &first_id, has_help.then(|| help_id.clone()))>
                    <legend>{legend}</legend>
                    {help}
                    {multiple_hint}
                    {fault_of(first_id.clone())}
                    {boxes}
                    {other}
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::Scale => {
            let name = format!("q-{key}");
            let points = (1..=5)
                .map(|n| {
                    let id = if n == 1 {
                        first_id.clone()
                    } else {
                        format!("q-{key}-{n}")
                    };
                    let value = n.to_string();
                    let checked_value = value.clone();
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=name.clone() value=value.clone()
                                prop:checked=move || i.value.get() == checked_value
                                on:change=move |_| i.value.set(value.clone()) />
                            <label for=id>{move || match n {
                                1 => S::ScaleLow.text(lang.get()).to_owned(),
                                5 => S::ScaleHigh.text(lang.get()).to_owned(),
                                n => n.to_string(),
                            }}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="field question scale"
                    aria-invalid=invalid(faults, &first_id)
                    aria-describedby=described(faults, &first_id, has_help.then(|| help_id.clone()))>
                    <legend>{legend}</legend>
                    {help}
                    {fault_of(first_id.clone())}
                    <div class="scale-points">{points}</div>
                </fieldset>
            }
            .into_any()
        }
        QuestionKind::Number | QuestionKind::Text => {
            let number = kind == QuestionKind::Number;
            let hint_id = format!("q-{key}-hint");
            let hints = [
                number.then(|| hint_id.clone()),
                has_help.then(|| help_id.clone()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            let hints = (!hints.is_empty()).then(|| hints.join(" "));
            let (lo, hi) = q.with_value(|q| (q.min.unwrap_or(0), q.max.unwrap_or(1_000_000)));
            let input = if number {
                view! {
                    <input id=first_id.clone() type="text" inputmode="numeric" class="input-short"
                        aria-invalid=invalid(faults, &first_id)
                        aria-describedby=described(faults, &first_id, hints)
                        prop:value=move || i.value.get()
                        on:input=move |ev| i.value.set(event_target_value(&ev)) />
                }
                .into_any()
            } else {
                view! {
                    <textarea id=first_id.clone() rows="4"
                        aria-invalid=invalid(faults, &first_id)
                        aria-describedby=described(faults, &first_id, hints)
                        prop:value=move || i.value.get()
                        on:input=move |ev| i.value.set(event_target_value(&ev))></textarea>
                }
                .into_any()
            };
            view! {
                <div class="field question">
                    <label for=first_id.clone()>{legend}</label>
                    {help}
                    {number.then(|| view! { <p class="hint" id=hint_id>{move || format!("{}, {lo}–{hi}", S::NumberHint.text(lang.get()))}</p> })}
                    {fault_of(first_id.clone())}
                    {input}
                </div>
            }
            .into_any()
        }
    }
}
