//! Applying for the home-delivery service (`/home-service?step=…`), one question group a page: who
//! applies (the person themselves, a relative, a care worker or someone else, with their own contact
//! details), the person who gets the materials, why they cannot visit (categories only), what they
//! would like, when, then "check your answers" with a change link for each, the consent in the words
//! stored, and the reference once sent. The answers live in the page, so Back, the step links and a
//! language change keep them; an answer the server refuses sends the person to its step.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{
    ApplicantRelation, ApplicationReceipt, DayPart, DeliveryFrequency, FieldCode,
    HomeServiceApplicationInput, HomeServiceReason, Lang, MaterialFormat, Weekday, consent_wording,
    dates,
};

use crate::api;
use crate::components::form::{
    Checks, ErrorSummary, Field, FieldFault, FieldMessage, FormErrors, Radios, focus_later,
};
use crate::i18n::{Apply as A, Text, home_service as words};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::Page;

/// The steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Who,
    Person,
    Needs,
    Wishes,
    Visits,
    Check,
}

impl Step {
    const ALL: [Step; 6] = [
        Step::Who,
        Step::Person,
        Step::Needs,
        Step::Wishes,
        Step::Visits,
        Step::Check,
    ];

    fn slug(self) -> &'static str {
        match self {
            Step::Who => "who",
            Step::Person => "person",
            Step::Needs => "needs",
            Step::Wishes => "wishes",
            Step::Visits => "visits",
            Step::Check => "check",
        }
    }

    fn parse(s: &str) -> Step {
        Step::ALL
            .into_iter()
            .find(|st| st.slug() == s)
            .unwrap_or(Step::Who)
    }

    fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn heading(self) -> A {
        match self {
            Step::Who => A::WhoHeading,
            Step::Person => A::PersonHeading,
            Step::Needs => A::NeedsHeading,
            Step::Wishes => A::WishesHeading,
            Step::Visits => A::VisitsHeading,
            Step::Check => A::CheckHeading,
        }
    }

    fn href(self) -> String {
        format!("{}?step={}", Page::HomeService.href(), self.slug())
    }

    fn next(self) -> Step {
        Step::ALL[self.number().min(Step::ALL.len() - 1)]
    }

    fn previous(self) -> Option<Step> {
        (self.number() > 1).then(|| Step::ALL[self.number() - 2])
    }
}

const RELATION_ID: &str = "relation-themselves";
const APPLICANT_NAME_ID: &str = "applicant-name";
const APPLICANT_PHONE_ID: &str = "applicant-phone";
const APPLICANT_EMAIL_ID: &str = "applicant-email";
const NAME_ID: &str = "name";
const STREET_ID: &str = "street-address";
const POSTAL_ID: &str = "postal-code";
const CITY_ID: &str = "city";
const PHONE_ID: &str = "phone";
const REASON_ID: &str = "reason-age";
const UNTIL_ID: &str = "temporary-until";
const FORMAT_ID: &str = "format-regular_print";
const INTERESTS_ID: &str = "interests";
const AVOID_ID: &str = "avoid";
const FREQUENCY_ID: &str = "frequency-weekly";
const NOTES_ID: &str = "visit-notes";
const CONSENT_ID: &str = "consent";

/// Where a server field is shown: the input's id, its label and its step.
fn locate(field: &str) -> Option<(&'static str, A, Step)> {
    Some(match field {
        "relation" => (RELATION_ID, A::WhoLegend, Step::Who),
        "applicant_name" => (APPLICANT_NAME_ID, A::ApplicantName, Step::Who),
        "applicant_phone" => (APPLICANT_PHONE_ID, A::ApplicantPhone, Step::Who),
        "applicant_email" => (APPLICANT_EMAIL_ID, A::ApplicantEmail, Step::Who),
        "name" => (NAME_ID, A::Name, Step::Person),
        "street_address" => (STREET_ID, A::Street, Step::Person),
        "postal_code" => (POSTAL_ID, A::PostalCode, Step::Person),
        "city" => (CITY_ID, A::City, Step::Person),
        "phone" => (PHONE_ID, A::Phone, Step::Person),
        "reasons" => (REASON_ID, A::ReasonsLegend, Step::Needs),
        "temporary_until" => (UNTIL_ID, A::TemporaryUntil, Step::Needs),
        "formats" => (FORMAT_ID, A::FormatsLegend, Step::Wishes),
        "interests" => (INTERESTS_ID, A::Interests, Step::Wishes),
        "avoid" => (AVOID_ID, A::Avoid, Step::Wishes),
        "frequency" => (FREQUENCY_ID, A::FrequencyLegend, Step::Visits),
        "visit_notes" => (NOTES_ID, A::VisitNotes, Step::Visits),
        "consent" => (CONSENT_ID, A::ConsentLabel, Step::Check),
        _ => return None,
    })
}

/// The answers so far.
#[derive(Clone, Copy)]
struct Draft {
    relation: RwSignal<Option<ApplicantRelation>>,
    applicant_name: RwSignal<String>,
    applicant_phone: RwSignal<String>,
    applicant_email: RwSignal<String>,
    name: RwSignal<String>,
    street: RwSignal<String>,
    postal_code: RwSignal<String>,
    city: RwSignal<String>,
    phone: RwSignal<String>,
    reasons: RwSignal<Vec<HomeServiceReason>>,
    until: RwSignal<String>,
    formats: RwSignal<Vec<MaterialFormat>>,
    interests: RwSignal<String>,
    avoid: RwSignal<String>,
    frequency: RwSignal<Option<DeliveryFrequency>>,
    days: RwSignal<Vec<Weekday>>,
    day_part: RwSignal<DayPart>,
    notes: RwSignal<String>,
    consent: RwSignal<bool>,
    errors: RwSignal<FormErrors>,
    /// Set when the server's errors send the person to a step: they are kept there.
    carry: RwSignal<bool>,
    sent: RwSignal<Option<ApplicationReceipt>>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            relation: RwSignal::new(None),
            applicant_name: RwSignal::new(String::new()),
            applicant_phone: RwSignal::new(String::new()),
            applicant_email: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            street: RwSignal::new(String::new()),
            postal_code: RwSignal::new(String::new()),
            city: RwSignal::new(String::new()),
            phone: RwSignal::new(String::new()),
            reasons: RwSignal::new(Vec::new()),
            until: RwSignal::new(String::new()),
            formats: RwSignal::new(Vec::new()),
            interests: RwSignal::new(String::new()),
            avoid: RwSignal::new(String::new()),
            frequency: RwSignal::new(None),
            days: RwSignal::new(Vec::new()),
            day_part: RwSignal::new(DayPart::Any),
            notes: RwSignal::new(String::new()),
            consent: RwSignal::new(false),
            errors: RwSignal::new(FormErrors::default()),
            carry: RwSignal::new(false),
            sent: RwSignal::new(None),
        }
    }

    fn for_someone_else(self) -> bool {
        self.relation
            .get()
            .is_some_and(|r| r != ApplicantRelation::Themselves)
    }

    /// What is missing on `step`, checked before going on (the server checks everything again).
    fn faults(self, step: Step) -> Vec<FieldFault> {
        let mut out = Vec::new();
        let blank = |s: RwSignal<String>| s.get_untracked().trim().is_empty();
        let mut need = |missing: bool, id: &'static str, label: A| {
            if missing {
                out.push(FieldFault {
                    id,
                    label: label.into(),
                    code: FieldCode::Required,
                });
            }
        };
        match step {
            Step::Who => {
                let relation = self.relation.get_untracked();
                need(relation.is_none(), RELATION_ID, A::WhoLegend);
                if relation.is_some_and(|r| r != ApplicantRelation::Themselves) {
                    need(
                        blank(self.applicant_name),
                        APPLICANT_NAME_ID,
                        A::ApplicantName,
                    );
                    need(
                        blank(self.applicant_phone) && blank(self.applicant_email),
                        APPLICANT_PHONE_ID,
                        A::ApplicantPhone,
                    );
                }
            }
            Step::Person => {
                need(blank(self.name), NAME_ID, A::Name);
                need(blank(self.street), STREET_ID, A::Street);
                need(blank(self.postal_code), POSTAL_ID, A::PostalCode);
                need(blank(self.city), CITY_ID, A::City);
                need(blank(self.phone), PHONE_ID, A::Phone);
            }
            Step::Needs => {
                let reasons = self.reasons.get_untracked();
                need(reasons.is_empty(), REASON_ID, A::ReasonsLegend);
                need(
                    reasons.contains(&HomeServiceReason::Temporary) && blank(self.until),
                    UNTIL_ID,
                    A::TemporaryUntil,
                );
            }
            Step::Wishes => need(
                self.formats.get_untracked().is_empty(),
                FORMAT_ID,
                A::FormatsLegend,
            ),
            Step::Visits => need(
                self.frequency.get_untracked().is_none(),
                FREQUENCY_ID,
                A::FrequencyLegend,
            ),
            Step::Check => need(!self.consent.get_untracked(), CONSENT_ID, A::ConsentLabel),
        }
        out
    }

    fn input(self, library: String, lang: Lang) -> HomeServiceApplicationInput {
        let text = |s: RwSignal<String>| {
            let t = s.get_untracked().trim().to_owned();
            (!t.is_empty()).then_some(t)
        };
        let relation = self
            .relation
            .get_untracked()
            .unwrap_or(ApplicantRelation::Themselves);
        let other = relation != ApplicantRelation::Themselves;
        HomeServiceApplicationInput {
            library,
            relation,
            applicant_name: text(self.applicant_name).filter(|_| other),
            applicant_phone: text(self.applicant_phone).filter(|_| other),
            applicant_email: text(self.applicant_email).filter(|_| other),
            name: self.name.get_untracked().trim().to_owned(),
            street_address: self.street.get_untracked().trim().to_owned(),
            postal_code: self.postal_code.get_untracked().trim().to_owned(),
            city: self.city.get_untracked().trim().to_owned(),
            phone: self.phone.get_untracked().trim().to_owned(),
            reasons: self.reasons.get_untracked(),
            temporary_until: self
                .reasons
                .get_untracked()
                .contains(&HomeServiceReason::Temporary)
                .then(|| self.until.get_untracked().parse().ok())
                .flatten(),
            formats: self.formats.get_untracked(),
            interests: text(self.interests),
            avoid: text(self.avoid),
            frequency: self
                .frequency
                .get_untracked()
                .unwrap_or(DeliveryFrequency::Monthly),
            days: self.days.get_untracked(),
            day_part: self.day_part.get_untracked(),
            visit_notes: text(self.notes),
            language: Some(lang),
            consent: self.consent.get_untracked(),
        }
    }
}

/// The page.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let draft = Draft::new();
    let query = use_query_map();
    let step =
        Memo::new(move |_| query.with(|q| q.get("step").map_or(Step::Who, |s| Step::parse(&s))));
    // A new step starts without the previous step's errors, unless the server's errors led there
    // (their summary takes focus then); otherwise the new step's heading takes focus, so a screen
    // reader says where the person is. Not on the first step shown: the page's own focus does that.
    Effect::new(move |first: Option<()>| {
        step.track();
        if draft.carry.get_untracked() {
            draft.carry.set(false);
        } else {
            if draft.errors.with_untracked(|e| !e.is_empty()) {
                draft.errors.set(FormErrors::default());
            }
            if first.is_some() {
                request_animation_frame(|| {
                    if let Some(el) = document()
                        .query_selector("main h2.step-heading")
                        .ok()
                        .flatten()
                    {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                });
            }
        }
    });
    view! {
        <h1>{tr(A::Title)}</h1>
        {move || match draft.sent.get() {
            Some(receipt) => view! { <Sent receipt=receipt /> }.into_any(),
            None => {
                let s = step.get();
                view! { <StepForm step=s draft=draft /> }.into_any()
            }
        }}
    }
}

/// The reference, and what happens next.
#[component]
fn Sent(receipt: ApplicationReceipt) -> impl IntoView {
    use_title(A::SentHeading);
    view! {
        <div class="panel" role="status">
            <h2>{tr(A::SentHeading)}</h2>
        </div>
        <p>{tr(A::Reference)} ": " <strong>{receipt.id.chars().take(8).collect::<String>().to_uppercase()}</strong></p>
        <p>{tr(A::SentNext)}</p>
    }
}

const RELATIONS: [ApplicantRelation; 4] = [
    ApplicantRelation::Themselves,
    ApplicantRelation::Relative,
    ApplicantRelation::CareWorker,
    ApplicantRelation::Other,
];

fn relation_choice(lang: Lang, r: ApplicantRelation) -> String {
    match r {
        ApplicantRelation::Themselves => A::ForMe,
        ApplicantRelation::Relative => A::ForRelative,
        ApplicantRelation::CareWorker => A::AsCareWorker,
        ApplicantRelation::Other => A::ForOther,
    }
    .text(lang)
    .to_owned()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn weekday_number(d: Weekday) -> u8 {
    Weekday::ALL
        .iter()
        .position(|w| *w == d)
        .map_or(1, |i| i as u8 + 1)
}

/// Focuses the error summary once the step that shows it has been drawn.
fn focus_summary_soon() {
    request_animation_frame(move || {
        if let Some(el) = document()
            .query_selector(".error-summary:not([hidden])")
            .ok()
            .flatten()
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// One step's form.
#[component]
fn StepForm(step: Step, draft: Draft) -> impl IntoView {
    use_title(step.heading());
    let lang = use_lang();
    let library = use_library();
    let navigate = use_navigate();
    let summary = NodeRef::<leptos::html::Div>::new();
    let busy = RwSignal::new(false);
    let errors = draft.errors;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        // Sending checks every step: answers lost to a reload lead back to their step.
        if step == Step::Check
            && let Some(earlier) = Step::ALL
                .into_iter()
                .filter(|s| *s != Step::Check)
                .find(|s| !draft.faults(*s).is_empty())
        {
            errors.set(FormErrors {
                fields: draft.faults(earlier),
                ..FormErrors::default()
            });
            draft.carry.set(true);
            navigate(&earlier.href(), Default::default());
            focus_summary_soon();
            return;
        }
        let faults = draft.faults(step);
        if !faults.is_empty() {
            errors.set(FormErrors {
                fields: faults,
                ..FormErrors::default()
            });
            focus_later(summary);
            return;
        }
        errors.set(FormErrors::default());
        if step != Step::Check {
            navigate(&step.next().href(), Default::default());
            return;
        }
        let lang = lang.get_untracked();
        let slug = library
            .get()
            .map_or_else(|| library.slug_untracked(), |l| l.slug);
        let body = draft.input(slug, lang);
        busy.set(true);
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = api::apply_home_service(&body, lang).await;
            busy.set(false);
            match result {
                Ok(receipt) => draft.sent.set(Some(receipt)),
                Err(e) => {
                    let first = e
                        .problem
                        .errors
                        .iter()
                        .filter_map(|f| locate(&f.field))
                        .map(|(_, _, s)| s)
                        .min_by_key(|s| s.number());
                    errors.set(FormErrors::from_api(&e, |f| {
                        locate(f).map(|(id, label, _)| (id, label))
                    }));
                    match first {
                        Some(s) if s != Step::Check => {
                            draft.carry.set(true);
                            navigate(&s.href(), Default::default());
                            focus_summary_soon();
                        }
                        _ => focus_later(summary),
                    }
                }
            }
        });
    };
    let fields = match step {
        Step::Who => view! {
            <Radios legend=A::WhoLegend first_id=RELATION_ID prefix="relation" options=&RELATIONS
                key=|r: ApplicantRelation| r.as_str() name_of=relation_choice chosen=draft.relation errors=errors />
            <Show when=move || draft.for_someone_else()>
                <Field id=APPLICANT_NAME_ID label=A::ApplicantName autocomplete="name" value=draft.applicant_name errors=errors />
                <Field id=APPLICANT_PHONE_ID label=A::ApplicantPhone hint=A::ApplicantHint kind="tel" autocomplete="tel"
                    value=draft.applicant_phone errors=errors />
                <Field id=APPLICANT_EMAIL_ID label=A::ApplicantEmail kind="email" autocomplete="email"
                    value=draft.applicant_email errors=errors />
            </Show>
        }
        .into_any(),
        Step::Person => view! {
            <Show when=move || draft.for_someone_else()>
                <p class="hint">{tr(A::PersonHintOther)}</p>
            </Show>
            <Field id=NAME_ID label=A::Name autocomplete="off" value=draft.name errors=errors />
            <Field id=STREET_ID label=A::Street hint=A::StreetHint autocomplete="off" value=draft.street errors=errors />
            <Field id=POSTAL_ID label=A::PostalCode inputmode="numeric" autocomplete="off" value=draft.postal_code errors=errors />
            <Field id=CITY_ID label=A::City autocomplete="off" value=draft.city errors=errors />
            <Field id=PHONE_ID label=A::Phone kind="tel" autocomplete="off" value=draft.phone errors=errors />
        }
        .into_any(),
        Step::Needs => view! {
            <Checks legend=A::ReasonsLegend hint=A::ReasonsHint first_id=REASON_ID prefix="reason"
                options=HomeServiceReason::ALL key=|r: HomeServiceReason| r.as_str()
                name_of=|l: Lang, r: HomeServiceReason| capitalised(words::reason(l, r)) chosen=draft.reasons errors=errors />
            <Show when=move || draft.reasons.with(|r| r.contains(&HomeServiceReason::Temporary))>
                <Field id=UNTIL_ID label=A::TemporaryUntil kind="date" autocomplete="off" value=draft.until errors=errors />
            </Show>
        }
        .into_any(),
        Step::Wishes => view! {
            <Checks legend=A::FormatsLegend first_id=FORMAT_ID prefix="format"
                options=MaterialFormat::ALL key=|f: MaterialFormat| f.as_str()
                name_of=|l: Lang, f: MaterialFormat| capitalised(words::format(l, f)) chosen=draft.formats errors=errors />
            <Field id=INTERESTS_ID label=A::Interests hint=A::InterestsHint autocomplete="off" rows=3 value=draft.interests errors=errors />
            <Field id=AVOID_ID label=A::Avoid autocomplete="off" rows=2 value=draft.avoid errors=errors />
        }
        .into_any(),
        Step::Visits => {
            let part = RwSignal::new(Some(draft.day_part.get_untracked()));
            Effect::new(move || {
                if let Some(p) = part.get() {
                    draft.day_part.set(p);
                }
            });
            view! {
                <Radios legend=A::FrequencyLegend first_id=FREQUENCY_ID prefix="frequency"
                    options=DeliveryFrequency::ALL key=|f: DeliveryFrequency| f.as_str()
                    name_of=|l: Lang, f: DeliveryFrequency| capitalised(words::frequency(l, f)) chosen=draft.frequency errors=errors />
                <Checks legend=A::DaysLegend hint=A::DaysHint first_id="day-monday" prefix="day"
                    options=&Weekday::ALL[..5] key=|d: Weekday| d.as_str()
                    name_of=|l: Lang, d: Weekday| capitalised(dates::weekday(l, weekday_number(d))) chosen=draft.days errors=errors />
                <Radios legend=A::DayPartLegend first_id="day-part-any" prefix="day-part"
                    options=DayPart::ALL key=|d: DayPart| d.as_str()
                    name_of=|l: Lang, d: DayPart| capitalised(words::day_part(l, d)) chosen=part errors=errors />
                <Field id=NOTES_ID label=A::VisitNotes hint=A::VisitNotesHint autocomplete="off" rows=3 value=draft.notes errors=errors />
            }
            .into_any()
        }
        Step::Check => view! { <Check draft=draft /> }.into_any(),
    };
    let submit = if step == Step::Check {
        A::Send
    } else {
        A::Continue
    };
    view! {
        <p class="step-count">{move || format!("{} {} / {}", A::StepOf.text(lang.get()), step.number(), Step::ALL.len())}</p>
        <h2 class="step-heading" tabindex="-1">{tr(step.heading())}</h2>
        {(step == Step::Who).then(|| view! { <p>{tr(A::Intro)}</p> })}
        <ErrorSummary errors=errors node_ref=summary id="apply-summary" />
        <form class="form" novalidate on:submit=on_submit>
            {fields}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(submit)}</button>
        </form>
        {step.previous().map(|p| view! { <p><a href=p.href()>{tr(A::Previous)}</a></p> })}
    }
}

/// "Check your answers": every answer with a link to change it, the consent and sending.
#[component]
fn Check(draft: Draft) -> impl IntoView {
    let lang = use_lang();
    let list = |l: Lang, items: Vec<String>, none: A| {
        if items.is_empty() {
            none.text(l).to_owned()
        } else {
            capitalised(&items.join(", "))
        }
    };
    let rows = move || {
        let l = lang.get();
        let text = |s: RwSignal<String>| {
            let t = s.get().trim().to_owned();
            if t.is_empty() {
                A::NotGiven.text(l).to_owned()
            } else {
                t
            }
        };
        let who = match draft.relation.get() {
            Some(r) if r != ApplicantRelation::Themselves => {
                let contact = [draft.applicant_phone.get(), draft.applicant_email.get()]
                    .into_iter()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "{}: {}, {contact}",
                    relation_choice(l, r),
                    draft.applicant_name.get().trim()
                )
            }
            Some(r) => relation_choice(l, r),
            None => A::NotGiven.text(l).to_owned(),
        };
        let mut reasons = list(
            l,
            draft
                .reasons
                .get()
                .into_iter()
                .map(|r| words::reason(l, r).to_owned())
                .collect(),
            A::NotGiven,
        );
        if draft
            .reasons
            .with(|r| r.contains(&HomeServiceReason::Temporary))
        {
            reasons = format!("{reasons} ({})", draft.until.get());
        }
        let rows: Vec<(A, String, Step)> = vec![
            (A::WhoLegend, who, Step::Who),
            (A::Name, text(draft.name), Step::Person),
            (
                A::Street,
                format!(
                    "{}, {} {}",
                    draft.street.get().trim(),
                    draft.postal_code.get().trim(),
                    draft.city.get().trim()
                ),
                Step::Person,
            ),
            (A::Phone, text(draft.phone), Step::Person),
            (A::ReasonsLegend, reasons, Step::Needs),
            (
                A::FormatsLegend,
                list(
                    l,
                    draft
                        .formats
                        .get()
                        .into_iter()
                        .map(|f| words::format(l, f).to_owned())
                        .collect(),
                    A::NotGiven,
                ),
                Step::Wishes,
            ),
            (A::Interests, text(draft.interests), Step::Wishes),
            (A::Avoid, text(draft.avoid), Step::Wishes),
            (
                A::FrequencyLegend,
                draft.frequency.get().map_or_else(
                    || A::NotGiven.text(l).to_owned(),
                    |f| capitalised(words::frequency(l, f)),
                ),
                Step::Visits,
            ),
            (
                A::DaysLegend,
                list(
                    l,
                    draft
                        .days
                        .get()
                        .into_iter()
                        .map(|d| dates::weekday(l, weekday_number(d)).to_owned())
                        .collect(),
                    A::AnyDay,
                ),
                Step::Visits,
            ),
            (
                A::DayPartLegend,
                capitalised(words::day_part(l, draft.day_part.get())),
                Step::Visits,
            ),
            (A::VisitNotes, text(draft.notes), Step::Visits),
        ];
        rows.into_iter()
            .map(|(label, value, step)| {
                let label_text = label.text(l);
                view! {
                    <div class="summary-row">
                        <dt>{label_text}</dt>
                        <dd>{value}</dd>
                        <dd class="summary-change">
                            <a href=step.href()>{A::Change.text(l)}<span class="visually-hidden">{format!(": {}", label_text.to_lowercase())}</span></a>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    let errors = draft.errors;
    view! {
        <p>{tr(A::CheckIntro)}</p>
        <dl class="summary">{rows}</dl>
        <h3>{tr(A::ConsentHeading)}</h3>
        <p class="consent-text">{move || consent_wording(lang.get())}</p>
        <div class="field" class:field-error=move || errors.with(|e| e.field(CONSENT_ID).is_some())>
            <FieldMessage errors=errors id=CONSENT_ID />
            <div class="checkbox">
                <input type="checkbox" id=CONSENT_ID name=CONSENT_ID bind:checked=draft.consent
                    aria-invalid=move || errors.with(|e| e.field(CONSENT_ID)).map(|_| "true") />
                <label for=CONSENT_ID>{tr(A::ConsentLabel)}</label>
            </div>
        </div>
    }
}
