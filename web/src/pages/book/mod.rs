//! Booking a one-to-one session, one question per page (the GOV.UK "one thing per page" pattern):
//! the kind of help, how to meet, the day and time, contact details and answers, a check of it all,
//! and the confirmation.
//!
//! The step and every choice made so far live in the address (`/book?step=time&service=…&mode=…`),
//! so the browser's Back button, the "Back" link and a reload all keep the place. What the person
//! types (contact details, answers) is kept in `sessionStorage` for this tab only, so a reload on the
//! check step loses nothing; it is cleared once the booking is made. After each step focus moves to
//! the new step's heading, as it would after a page load.
//!
//! Staff book for a patron who phoned through the same steps with `for=patron` in the address: the
//! details step then asks for the patron's name and contact, their language, and the patron's
//! agreement (`patron_consent`), and the confirmation shows the manage link to tell the patron.

mod check;
mod choose;
mod details;
mod time;

pub use time::{FreeTimes, START_ID, TimeChoice, now as time_now};

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use etakirjasto_shared::{ErrorCode, SessionMode};

use crate::api;
use crate::components::form::FormErrors;
use crate::i18n::{Booking, PRODUCT_NAME, Text, Ui};
use crate::prefs::{tr, use_lang};
use crate::routes::Page;

/// A step of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// Choose the kind of help.
    #[default]
    Service,
    /// Choose how to meet.
    Mode,
    /// Choose a day and a time.
    Time,
    /// Contact details, answers and ground rules.
    Details,
    /// Check everything and confirm.
    Check,
    /// The booking is made.
    Done,
}

impl Step {
    fn key(self) -> &'static str {
        match self {
            Step::Service => "service",
            Step::Mode => "how",
            Step::Time => "time",
            Step::Details => "details",
            Step::Check => "check",
            Step::Done => "done",
        }
    }

    fn parse(s: &str) -> Step {
        match s {
            "how" => Step::Mode,
            "time" => Step::Time,
            "details" => Step::Details,
            "check" => Step::Check,
            "done" => Step::Done,
            _ => Step::Service,
        }
    }

    /// The step's heading, also its `<title>`.
    pub fn title(self) -> Booking {
        match self {
            Step::Service => Booking::ServiceTitle,
            Step::Mode => Booking::ModeTitle,
            Step::Time => Booking::TimeTitle,
            Step::Details => Booking::DetailsTitle,
            Step::Check => Booking::CheckTitle,
            Step::Done => Booking::DoneTitle,
        }
    }
}

/// Where the person is in the flow and what they have chosen, as kept in the address.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    /// The step shown.
    pub step: Step,
    /// The chosen service's id.
    pub service: Option<String>,
    /// The chosen way of meeting.
    pub mode: Option<SessionMode>,
    /// Start of the two weeks of times shown, in Unix seconds (absent: from now).
    pub from: Option<i64>,
    /// The day whose times are shown.
    pub day: Option<NaiveDate>,
    /// The chosen start, exactly as the slots list gave it (RFC 3339).
    pub start: Option<String>,
    /// The booking made, on the confirmation step.
    pub booking: Option<String>,
    /// Staff booking on a patron's behalf.
    pub for_patron: bool,
}

impl Place {
    fn from_query(q: &ParamsMap) -> Place {
        Place {
            step: q.get_str("step").map(Step::parse).unwrap_or_default(),
            service: q.get("service").filter(|s| !s.is_empty()),
            mode: q.get_str("mode").and_then(SessionMode::parse),
            from: q.get_str("from").and_then(|s| s.parse().ok()),
            day: q.get_str("day").and_then(|s| s.parse().ok()),
            // A time never holds a space; one here is a `+` of the offset that went through a form
            // decoding on the way (the sign-in page's `next` address does that).
            start: q
                .get("start")
                .filter(|s| !s.is_empty())
                .map(|s| s.replace(' ', "+")),
            booking: q.get("booking").filter(|s| !s.is_empty()),
            for_patron: q.get_str("for") == Some("patron"),
        }
    }

    /// The same choices at another step.
    pub fn at(&self, step: Step) -> Place {
        Place {
            step,
            ..self.clone()
        }
    }

    /// The address of this place.
    pub fn href(&self) -> String {
        let mut parts = vec![format!("step={}", self.step.key())];
        let mut add = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                parts.push(format!("{k}={}", api::encode(&v)));
            }
        };
        add("service", self.service.clone());
        add("mode", self.mode.map(|m| m.as_str().to_owned()));
        add("from", self.from.map(|f| f.to_string()));
        add("day", self.day.map(|d| d.to_string()));
        add("start", self.start.clone());
        add("booking", self.booking.clone());
        add("for", self.for_patron.then(|| "patron".to_owned()));
        format!("{}?{}", Page::Book.href(), parts.join("&"))
    }
}

/// The start of booking on a patron's behalf, for staff.
pub fn for_patron_href() -> String {
    Place {
        for_patron: true,
        ..Default::default()
    }
    .href()
}

/// What the person has typed, kept for the tab in `sessionStorage`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// A guest's name.
    pub name: String,
    /// A guest's email.
    pub email: String,
    /// A guest's phone, or the number to call for a phone session.
    pub phone: String,
    /// Answers to the service's questions, in order.
    pub answers: Vec<String>,
    /// The ground rules are accepted.
    pub accept_rules: bool,
    /// Staff for a patron: the patron agreed to the booking and to their details being stored.
    #[serde(default)]
    pub patron_consent: bool,
    /// Staff for a patron: the patron's language for messages.
    #[serde(default)]
    pub language: Option<etakirjasto_shared::Lang>,
}

const DRAFT_KEY: &str = "etakirjasto.booking-draft";

impl Draft {
    fn load() -> Draft {
        window()
            .session_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    fn save(&self) {
        if let (Some(storage), Ok(json)) = (
            window().session_storage().ok().flatten(),
            serde_json::to_string(self),
        ) {
            let _ = storage.set_item(DRAFT_KEY, &json);
        }
    }

    fn clear() {
        if let Some(storage) = window().session_storage().ok().flatten() {
            let _ = storage.remove_item(DRAFT_KEY);
        }
    }
}

/// The flow's shared state, provided to the steps through context.
#[derive(Clone, Copy)]
pub struct Flow {
    /// Where the person is, from the address.
    pub place: Memo<Place>,
    /// The library's active services; `Err` when loading failed.
    pub services: LocalResource<Result<Vec<etakirjasto_shared::Service>, ErrorCode>>,
    /// What the person has typed.
    pub draft: RwSignal<Draft>,
    /// Errors a step hands to the step it sends the person back to (a taken time, a field the
    /// server rejected), taken by that step when it appears.
    pub carry: RwSignal<Option<FormErrors>>,
}

impl Flow {
    /// The chosen service, once the services have loaded.
    pub fn service(self) -> Option<etakirjasto_shared::Service> {
        let id = self.place.with(|p| p.service.clone())?;
        self.services
            .get()
            .and_then(|r| r.ok())
            .and_then(|list| list.into_iter().find(|s| s.id == id))
    }

    /// Keeps the draft for the tab.
    pub fn save_draft(self, draft: Draft) {
        draft.save();
        self.draft.set(draft);
    }

    /// Forgets the draft once the booking is made.
    pub fn clear_draft(self) {
        Draft::clear();
        self.draft.set(Draft::default());
    }
}

fn use_flow() -> Flow {
    expect_context::<Flow>()
}

/// The booking flow.
#[component]
pub fn BookPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let place = Memo::new(move |_| query.with(Place::from_query));
    let step = Memo::new(move |_| place.with(|p| p.step));
    let library = crate::library::use_library();
    let services = LocalResource::new(move || {
        let lang = lang.get_untracked();
        // The patron's chosen library; listed again when they choose another.
        let slug = library
            .get()
            .map_or_else(|| library.slug_untracked(), |l| l.slug);
        async move {
            api::services(&slug, lang)
                .await
                .map(|page| page.items.into_iter().filter(|s| s.active).collect())
                .map_err(|e| e.code())
        }
    });
    let flow = Flow {
        place,
        services,
        draft: RwSignal::new(Draft::load()),
        carry: RwSignal::new(None),
    };
    provide_context(flow);

    Effect::new(move || {
        document().set_title(&format!(
            "{} – {PRODUCT_NAME}",
            step.get().title().text(lang.get())
        ));
    });
    // A new step is like a new page: focus its heading so screen readers start reading there. The
    // first run is the page load, where the layout decides about focus.
    Effect::new(move |previous: Option<Step>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            focus_heading();
        }
        now
    });

    view! {
        <div class="booking-flow">
            {move || match step.get() {
                Step::Service => view! { <choose::ServiceStep /> }.into_any(),
                Step::Mode => view! { <choose::ModeStep /> }.into_any(),
                Step::Time => view! { <time::TimeStep /> }.into_any(),
                Step::Details => view! { <details::DetailsStep /> }.into_any(),
                Step::Check => view! { <check::CheckStep /> }.into_any(),
                Step::Done => view! { <check::DoneStep /> }.into_any(),
            }}
        </div>
    }
}

/// Focuses the page's `<h1>` once the browser has drawn it, unless an error summary has just taken
/// focus (a step sent back to with a reason shows that reason first).
pub fn focus_heading() {
    request_animation_frame(|| {
        let on_summary = document()
            .active_element()
            .is_some_and(|e| e.class_list().contains("error-summary"));
        if on_summary {
            return;
        }
        if let Some(h1) = document()
            .query_selector("main h1")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h1.focus();
        }
    });
}

/// The "Back" link to the previous step.
#[component]
fn BackLink(
    /// Where it goes.
    href: String,
) -> impl IntoView {
    view! { <p class="back"><A href=href attr:class="back-link">{tr(Booking::Back)}</A></p> }
}

/// Shown when a step is opened without the choices it needs, or the services cannot be loaded.
#[component]
fn Lost(
    /// What went wrong, if the server said.
    #[prop(optional)]
    code: Option<ErrorCode>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1 tabindex="-1">{tr(Booking::UnknownService)}</h1>
        {code.map(|c| view! { <p class="error-message">{move || c.message(lang.get())}</p> })}
        <p><A href=Page::Book.href()>{tr(Booking::StartAgain)}</A></p>
    }
}

/// Shown while the services load.
#[component]
fn Loading() -> impl IntoView {
    view! { <p>{tr(Ui::Loading)}</p> }
}

/// A radio group's error message, between the legend and the options.
#[component]
fn GroupError(
    /// The errors of the form.
    errors: RwSignal<FormErrors>,
    /// The id of the group's first input.
    id: &'static str,
) -> impl IntoView {
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
