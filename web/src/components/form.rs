//! Form parts that follow the GOV.UK pattern: a label above each input, an optional hint, the error
//! message between label and input, and an error summary at the top of the form that takes focus
//! after a failed submission and links to each field at fault.
//!
//! Errors are stored as codes, not sentences, so switching the language rewords the messages that are
//! already on screen.

use leptos::html;
use leptos::prelude::*;

use etakirjasto_shared::{ErrorCode, FieldCode, Lang, Problem};

use crate::api::ApiError;
use crate::i18n::{self, Auth, Booking, Events, Staff, Text, Ui};
use crate::prefs::{tr, use_lang};

/// The label of a field, from whichever text group the form uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// A sign-in or registration field.
    Auth(Auth),
    /// A booking field.
    Booking(Booking),
    /// A field of the staff pages.
    Staff(Staff),
    /// A field of the event pages.
    Events(Events),
    /// A field of the care-home programme pages.
    Programmes(crate::i18n::Programmes),
    /// A field about messages.
    Messages(crate::i18n::Messages),
    /// A field of the staff's event pages.
    StaffEvents(crate::i18n::StaffEvents),
    /// A field of the staff's programme offers and organisations.
    Offers(crate::i18n::Offers),
    /// A field of the home-delivery pages.
    HomeService(crate::i18n::HomeService),
    /// A field of the home-delivery application.
    Apply(crate::i18n::Apply),
    /// A field of the audit log.
    Audit(crate::i18n::Audit),
    /// A field of the scenario form.
    Scenario(crate::i18n::ScenarioText),
    /// A field of the operating model editor.
    Guides(crate::i18n::guides::Guides),
    /// A field of the partner systems page.
    Partners(crate::i18n::partners::Partners),
    /// A field of the branding form.
    Branding(crate::i18n::branding::BrandingText),
}

impl Text for Label {
    fn text(self, lang: Lang) -> &'static str {
        match self {
            Label::Auth(t) => t.text(lang),
            Label::Booking(t) => t.text(lang),
            Label::Staff(t) => t.text(lang),
            Label::Events(t) => t.text(lang),
            Label::Programmes(t) => t.text(lang),
            Label::Messages(t) => t.text(lang),
            Label::StaffEvents(t) => t.text(lang),
            Label::Offers(t) => t.text(lang),
            Label::HomeService(t) => t.text(lang),
            Label::Apply(t) => t.text(lang),
            Label::Audit(t) => t.text(lang),
            Label::Scenario(t) => t.text(lang),
            Label::Guides(t) => t.text(lang),
            Label::Partners(t) => t.text(lang),
            Label::Branding(t) => t.text(lang),
        }
    }
}

impl From<Auth> for Label {
    fn from(t: Auth) -> Self {
        Label::Auth(t)
    }
}

impl From<crate::i18n::HomeService> for Label {
    fn from(t: crate::i18n::HomeService) -> Self {
        Label::HomeService(t)
    }
}

impl From<crate::i18n::ScenarioText> for Label {
    fn from(t: crate::i18n::ScenarioText) -> Self {
        Label::Scenario(t)
    }
}

impl From<crate::i18n::Audit> for Label {
    fn from(t: crate::i18n::Audit) -> Self {
        Label::Audit(t)
    }
}

impl From<crate::i18n::Apply> for Label {
    fn from(t: crate::i18n::Apply) -> Self {
        Label::Apply(t)
    }
}

impl From<Booking> for Label {
    fn from(t: Booking) -> Self {
        Label::Booking(t)
    }
}

impl From<crate::i18n::StaffEvents> for Label {
    fn from(t: crate::i18n::StaffEvents) -> Self {
        Label::StaffEvents(t)
    }
}

impl From<crate::i18n::Offers> for Label {
    fn from(t: crate::i18n::Offers) -> Self {
        Label::Offers(t)
    }
}

impl From<crate::i18n::Messages> for Label {
    fn from(t: crate::i18n::Messages) -> Self {
        Label::Messages(t)
    }
}

impl From<crate::i18n::Programmes> for Label {
    fn from(t: crate::i18n::Programmes) -> Self {
        Label::Programmes(t)
    }
}

impl From<Events> for Label {
    fn from(t: Events) -> Self {
        Label::Events(t)
    }
}

impl From<crate::i18n::guides::Guides> for Label {
    fn from(t: crate::i18n::guides::Guides) -> Self {
        Label::Guides(t)
    }
}

impl From<crate::i18n::partners::Partners> for Label {
    fn from(t: crate::i18n::partners::Partners) -> Self {
        Label::Partners(t)
    }
}

impl From<crate::i18n::branding::BrandingText> for Label {
    fn from(t: crate::i18n::branding::BrandingText) -> Self {
        Label::Branding(t)
    }
}

impl From<Staff> for Label {
    fn from(t: Staff) -> Self {
        Label::Staff(t)
    }
}

/// One field at fault: the input's id, its label and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldFault {
    /// The `id` of the input.
    pub id: &'static str,
    /// The label of the input, repeated in the summary.
    pub label: Label,
    /// Why the value was rejected.
    pub code: FieldCode,
}

/// What is wrong with a submitted form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormErrors {
    /// A problem with the whole submission (wrong sign-in details, too many attempts).
    pub problem: Option<ErrorCode>,
    /// Seconds to wait before trying again, from `Retry-After`.
    pub retry_after: Option<u32>,
    /// The fields at fault, in the order they appear in the form.
    pub fields: Vec<FieldFault>,
}

impl FormErrors {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.problem.is_none() && self.fields.is_empty()
    }

    /// The fault of the input with `id`, if any.
    pub fn field(&self, id: &str) -> Option<FieldCode> {
        self.fields.iter().find(|f| f.id == id).map(|f| f.code)
    }

    /// Turns a server answer into form errors. `locate` maps a server field name to the input that
    /// shows it; fields the form does not have are folded into the general message so nothing is lost.
    pub fn from_api<L: Into<Label>>(
        err: &ApiError,
        locate: impl Fn(&str) -> Option<(&'static str, L)>,
    ) -> FormErrors {
        let Problem { code, errors, .. } = &err.problem;
        let mut fields: Vec<FieldFault> = Vec::new();
        let mut unplaced = false;
        for e in errors {
            match locate(&e.field) {
                Some((id, label)) if !fields.iter().any(|f| f.id == id) => {
                    fields.push(FieldFault {
                        id,
                        label: label.into(),
                        code: e.code,
                    })
                }
                Some(_) => {}
                None => unplaced = true,
            }
        }
        // Field errors speak for themselves; the general line is kept when it adds something.
        let problem =
            (fields.is_empty() || unplaced || *code != ErrorCode::InvalidInput).then_some(*code);
        FormErrors {
            problem,
            retry_after: err.retry_after,
            fields,
        }
    }
}

/// Moves keyboard focus to `target` once the browser has drawn the change that reveals it.
pub fn focus_later(target: NodeRef<html::Div>) {
    request_animation_frame(move || {
        if let Some(el) = target.get_untracked() {
            let _ = el.focus();
        }
    });
}

/// Focuses the element with `id` once the browser has drawn the change that reveals it.
pub fn focus_id_later(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}

/// Focuses the element with `id`; used by the summary's links so the router does not treat the
/// fragment as a page change.
fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        use wasm_bindgen::JsCast;
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The error summary at the top of a form. It is always in the page (hidden when empty) so that it can
/// be focused as soon as errors appear.
#[component]
pub fn ErrorSummary(
    /// The errors to list.
    errors: RwSignal<FormErrors>,
    /// Where the form moves focus after a failed submission.
    node_ref: NodeRef<html::Div>,
    /// Unique id of the summary heading within the page.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let title = tr(Auth::SummaryTitle);
    let items = move || {
        let lang = lang.get();
        let e = errors.get();
        let general = e.problem.map(|code| {
            let wait = e
                .retry_after
                .map(|s| format!(" {}", i18n::retry_after(lang, s)))
                .unwrap_or_default();
            view! { <li>{format!("{}{wait}", code.message(lang))}</li> }
        });
        let fields = e
            .fields
            .into_iter()
            .map(|f| {
                let href = format!("#{}", f.id);
                let text = format!("{}: {}", f.label.text(lang), f.code.message(lang));
                view! {
                    <li>
                        <a href=href on:click=move |ev| {
                            ev.prevent_default();
                            focus_by_id(f.id);
                        }>{text}</a>
                    </li>
                }
            })
            .collect_view();
        view! { {general} {fields} }
    };
    let labelled_by = id.clone();
    view! {
        <div class="error-summary" tabindex="-1" node_ref=node_ref aria-labelledby=labelled_by
            hidden=move || errors.with(FormErrors::is_empty)>
            <h2 id=id class="error-summary-title">{title}</h2>
            <ul class="error-summary-list">{items}</ul>
        </div>
    }
}

/// A labelled text input with an optional hint and its error message.
#[component]
pub fn Field(
    /// The input's `id` and `name`.
    id: &'static str,
    /// The label text.
    #[prop(into)]
    label: Label,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The `autocomplete` token, so browsers and password managers can fill the field.
    autocomplete: &'static str,
    /// The `inputmode`, e.g. `numeric` for card numbers and PINs.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<Label>,
    /// The value, bound both ways.
    value: RwSignal<String>,
    /// The form's errors; this field shows its own.
    errors: RwSignal<FormErrors>,
    /// Drawn as a text area of this many rows, for longer texts.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let fault = move || errors.with(|e| e.field(id));
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if fault().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-error=move || fault().is_some()>
            <label for=id>{move || label.text(lang.get())}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.text(lang.get())}</p> })}
            {move || fault().map(|code| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{Ui::ErrorPrefix.text(lang.get())}</span>
                    {code.message(lang.get())}
                </p>
            })}
            {match rows {
                Some(rows) => view! {
                    <textarea id=id name=id rows=rows autocomplete=autocomplete
                        aria-invalid=move || fault().map(|_| "true")
                        aria-describedby=described_by
                        bind:value=value></textarea>
                }
                .into_any(),
                None => view! {
                    <input id=id name=id type=kind autocomplete=autocomplete inputmode=inputmode
                        aria-invalid=move || fault().map(|_| "true")
                        aria-describedby=described_by
                        bind:value=value />
                }
                .into_any(),
            }}
        </div>
    }
}

/// A choice between two ways of signing in, shown as radio buttons in a fieldset.
#[component]
pub fn MethodChoice(
    /// The question in the legend.
    legend: Auth,
    /// The `name` shared by the two radios, unique within the page.
    name: &'static str,
    /// True when the card-and-PIN way is chosen.
    card: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let option = move |value: bool, label: Auth| {
        let id = if value {
            format!("{name}-card")
        } else {
            format!("{name}-password")
        };
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name=name prop:checked=move || card.get() == value
                    on:change=move |_| card.set(value) />
                <label for=id>{move || label.text(lang.get())}</label>
            </div>
        }
    };
    view! {
        <fieldset class="method">
            <legend>{move || legend.text(lang.get())}</legend>
            {option(false, Auth::MethodPassword)}
            {option(true, Auth::MethodCard)}
        </fieldset>
    }
}

/// A field's error message, for inputs that are not a [`Field`] (a group or a check box).
#[component]
pub fn FieldMessage(errors: RwSignal<FormErrors>, id: &'static str) -> impl IntoView {
    let lang = use_lang();
    move || {
        errors.with(|e| e.field(id)).map(|code| {
            view! {
                <p class="error-message" id=format!("{id}-error")>
                    <span class="visually-hidden">{Ui::ErrorPrefix.text(lang.get())}</span>
                    {code.message(lang.get())}
                </p>
            }
        })
    }
}

/// Check boxes for a list of choices; the first box carries `first_id` (errors point there).
#[component]
pub fn Checks<T: Copy + PartialEq + Send + Sync + 'static>(
    #[prop(into)] legend: Label,
    #[prop(optional, into)] hint: Option<Label>,
    first_id: &'static str,
    prefix: &'static str,
    options: &'static [T],
    key: fn(T) -> &'static str,
    name_of: fn(Lang, T) -> String,
    chosen: RwSignal<Vec<T>>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{first_id}-hint");
    let has_hint = hint.is_some();
    view! {
        <div class="field" class:field-error=move || errors.with(|e| e.field(first_id).is_some())>
            <fieldset class="choices">
                <legend>{tr(legend)}</legend>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{tr(h)}</p> })}
                <FieldMessage errors=errors id=first_id />
                {options.iter().enumerate().map(|(i, option)| {
                    let option = *option;
                    let id = if i == 0 { first_id.to_owned() } else { format!("{prefix}-{}", key(option)) };
                    let described = {
                        let hint_id = format!("{first_id}-hint");
                        move || {
                            let mut ids = Vec::new();
                            if has_hint && i == 0 {
                                ids.push(hint_id.clone());
                            }
                            if errors.with(|e| e.field(first_id).is_some()) && i == 0 {
                                ids.push(format!("{first_id}-error"));
                            }
                            (!ids.is_empty()).then(|| ids.join(" "))
                        }
                    };
                    view! {
                        <div class="checkbox">
                            <input type="checkbox" id=id.clone() name=prefix value=key(option)
                                aria-describedby=described
                                prop:checked=move || chosen.with(|c| c.contains(&option))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != option);
                                        if on {
                                            c.push(option);
                                        }
                                    });
                                } />
                            <label for=id>{move || name_of(lang.get(), option)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}

/// Radio buttons for one choice; the first carries `first_id`.
#[component]
pub fn Radios<T: Copy + PartialEq + Send + Sync + 'static>(
    #[prop(into)] legend: Label,
    first_id: &'static str,
    prefix: &'static str,
    options: &'static [T],
    key: fn(T) -> &'static str,
    name_of: fn(Lang, T) -> String,
    chosen: RwSignal<Option<T>>,
    errors: RwSignal<FormErrors>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field" class:field-error=move || errors.with(|e| e.field(first_id).is_some())>
            <fieldset class="choices">
                <legend>{tr(legend)}</legend>
                <FieldMessage errors=errors id=first_id />
                {options.iter().enumerate().map(|(i, option)| {
                    let option = *option;
                    let id = if i == 0 { first_id.to_owned() } else { format!("{prefix}-{}", key(option)) };
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name=prefix value=key(option)
                                aria-describedby=move || (i == 0 && errors.with(|e| e.field(first_id).is_some())).then(|| format!("{first_id}-error"))
                                prop:checked=move || chosen.get() == Some(option)
                                on:change=move |_| chosen.set(Some(option)) />
                            <label for=id>{move || name_of(lang.get(), option)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}
