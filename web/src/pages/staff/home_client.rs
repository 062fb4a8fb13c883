//! One home-delivery client for the library's home-service staff
//! (`/staff/home-service?client=ID`): the profile, the service's state (a pause with its days), the
//! coming visits with the items chosen for them, and the history. The chooser picks items for a
//! planned visit and is warned, with the days, when the client has had one before; the deliverer
//! records how a visit went, what the client liked and what came back.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{
    ChooseItem, ClientStatus, ErrorCode, FieldCode, HomeServiceClient, HomeServiceClientInput,
    HomeServicePerson, HomeServiceVisit, Lang, MaterialFormat, NewVisit, VisitChange, VisitItem,
    VisitStatus,
};

use super::home_service::{day_text, focus_soon, items_text};
use crate::api;
use crate::components::form::{ErrorSummary, Field, FieldMessage, FormErrors, Radios, focus_later};
use crate::components::layout::PhoneLink;
use crate::i18n::{HomeService as H, Text, Ui, endonym, home_service as words};
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::staff_home_service_href;
use crate::session::use_session;

const STATUSES: [ClientStatus; 3] = [
    ClientStatus::Active,
    ClientStatus::Paused,
    ClientStatus::Ended,
];
const OUTCOMES: [VisitStatus; 2] = [VisitStatus::Delivered, VisitStatus::Missed];
const FORMATS: [MaterialFormat; 8] = [
    MaterialFormat::RegularPrint,
    MaterialFormat::LargePrint,
    MaterialFormat::Audiobook,
    MaterialFormat::Ebook,
    MaterialFormat::Celia,
    MaterialFormat::Magazines,
    MaterialFormat::Music,
    MaterialFormat::Films,
];

const STATUS_ID: &str = "client-status";
const PAUSED_FROM_ID: &str = "paused-from";
const PAUSED_UNTIL_ID: &str = "paused-until";
const TITLE_ID: &str = "item-title";
const AUTHOR_ID: &str = "item-author";
const FORMAT_ID: &str = "item-format";
const IDENTIFIER_ID: &str = "item-identifier";
const OUTCOME_ID: &str = "visit-outcome";
const NOTE_ID: &str = "visit-note";
const FEEDBACK_ID: &str = "visit-feedback";
const VISIT_DAY_ID: &str = "visit-day";
const CONTACT_NAME_ID: &str = "contact-name";
const CONTACT_PHONE_ID: &str = "contact-phone";
const CONTACT_EMAIL_ID: &str = "contact-email";
const CHOOSER_ID: &str = "chooser";
const DELIVERER_ID: &str = "deliverer";

/// Which form is open under a visit (one at a time: their fields have one id each).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Panel {
    Choose(String),
    Record(String),
}

/// The page of one client.
#[component]
pub fn ClientPage(id: String) -> impl IntoView {
    use_title(H::ClientTitle);
    let lang = use_lang();
    let session = use_session();
    let id = StoredValue::new(id);
    let version = RwSignal::new(0u32);
    let notice = RwSignal::new(None::<H>);
    let client = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    api::home_client(&token, &id.get_value(), lang).await
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let visits = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    api::home_client_visits(&token, &id.get_value(), lang).await
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let today = super::today("Europe/Helsinki");
    // Which visit's form is open; kept across reloads, so the chooser adds one item after another.
    let open = RwSignal::new(None::<Panel>);
    let is_admin = move || {
        session.me().is_some_and(|me| {
            me.memberships
                .iter()
                .any(|m| m.role == etakirjasto_shared::Role::Admin)
        })
    };
    view! {
        <p class="back"><a href=staff_home_service_href(None)>{tr(H::Back)}</a></p>
        <div role="status" class="home-live">
            {move || notice.get().map(|n| view! { <p class="confirmation home-notice" tabindex="-1">{n.text(lang.get())}</p> })}
        </div>
        {move || {
            let l = lang.get();
            match client.get() {
                None => view! { <h1>{H::ClientTitle.text(l)}</h1><p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <h1>{H::ClientTitle.text(l)}</h1><p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(c)) => view! {
                    <h1>{c.name.clone()}</h1>
                    {is_admin().then(|| view! {
                        <p><a href=crate::routes::staff_audit_href(Some(&c.id))>{tr(crate::i18n::Audit::ClientLink)}</a></p>
                    })}
                    <Profile client=c.clone() />
                    <StatusForm client=c.clone() version=version notice=notice />
                    <PeopleForm client=c version=version notice=notice />
                }
                .into_any(),
            }
        }}
        {move || {
            let l = lang.get();
            match visits.get() {
                None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(all)) => view! {
                    <Visits all=all today=today open=open version=version notice=notice />
                    <AddVisit client_id=id.get_value() version=version notice=notice />
                }
                .into_any(),
            }
        }}
    }
}

/// The client's details.
#[component]
fn Profile(client: HomeServiceClient) -> impl IntoView {
    let lang = use_lang();
    let c = client;
    let status_text = {
        let (status, from, until) = (c.status, c.paused_from, c.paused_until);
        move || {
            let l = lang.get();
            let mut text = words::client_status(l, status).to_owned();
            if let (ClientStatus::Paused, Some(from), Some(until)) = (status, from, until) {
                text.push_str(&format!(" {} – {}", short_day(from), short_day(until)));
            }
            text
        }
    };
    let contact = c.contact_name.clone().map(|name| {
        let phone = c.contact_phone.clone();
        let email = c.contact_email.clone();
        view! {
            <dt>{tr(H::Contact)}</dt>
            <dd>{name}{phone.map(|p| view! { ", " <PhoneLink phone=p /> })}{email.map(|e| format!(", {e}"))}</dd>
        }
    });
    let (reasons, formats, days) = (c.reasons.clone(), c.formats.clone(), c.days.clone());
    let (frequency, day_part, language) = (c.frequency, c.day_part, c.language);
    let chooser = c.chooser.clone().map(|p| p.name);
    let deliverer = c.deliverer.clone().map(|p| p.name);
    let since = c.created_at.date_naive();
    view! {
        <dl class="facts">
            <dt>{tr(H::StatusHeading)}</dt>
            <dd>{status_text}</dd>
            <dt>{tr(H::Address)}</dt>
            <dd>{format!("{}, {} {}", c.street_address, c.postal_code, c.city)}</dd>
            <dt>{tr(H::Phone)}</dt>
            <dd><PhoneLink phone=c.phone.clone() /></dd>
            {contact}
            <dt>{tr(H::Reasons)}</dt>
            <dd>{move || reasons.iter().map(|r| words::reason(lang.get(), *r)).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{tr(H::Formats)}</dt>
            <dd>{move || formats.iter().map(|f| words::format(lang.get(), *f)).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{tr(H::Frequency)}</dt>
            <dd>{move || words::frequency(lang.get(), frequency)}</dd>
            <dt>{tr(H::Days)}</dt>
            <dd>{move || days.iter().map(|d| etakirjasto_shared::dates::weekday(lang.get(), super::home_service::weekday_number(*d))).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{tr(H::DayPartLabel)}</dt>
            <dd>{move || words::day_part(lang.get(), day_part)}</dd>
            {c.interests.clone().map(|t| view! { <dt>{tr(H::Interests)}</dt><dd>{t}</dd> })}
            {c.avoid.clone().map(|t| view! { <dt>{tr(H::Avoid)}</dt><dd>{t}</dd> })}
            {c.visit_notes.clone().map(|t| view! { <dt>{tr(H::Notes)}</dt><dd>{t}</dd> })}
            <dt>{tr(H::Language)}</dt>
            <dd lang=language.code()>{endonym(language)}</dd>
            <dt>{tr(H::Chooser)}</dt>
            <dd>{move || chooser.clone().unwrap_or_else(|| H::NoChooser.text(lang.get()).to_owned())}</dd>
            <dt>{tr(H::Deliverer)}</dt>
            <dd>{move || deliverer.clone().unwrap_or_else(|| H::NoDeliverer.text(lang.get()).to_owned())}</dd>
            <dt>{tr(H::Since)}</dt>
            <dd>{short_day(since)}</dd>
        </dl>
    }
}

fn short_day(day: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}.{}.{}", day.day(), day.month(), day.year())
}

/// The profile as it is, to send back with a change.
fn input_of(c: &HomeServiceClient) -> HomeServiceClientInput {
    HomeServiceClientInput {
        status: c.status,
        paused_from: c.paused_from,
        paused_until: c.paused_until,
        name: c.name.clone(),
        street_address: c.street_address.clone(),
        postal_code: c.postal_code.clone(),
        city: c.city.clone(),
        phone: c.phone.clone(),
        reasons: c.reasons.clone(),
        temporary_until: c.temporary_until,
        formats: c.formats.clone(),
        interests: c.interests.clone(),
        avoid: c.avoid.clone(),
        frequency: c.frequency,
        days: c.days.clone(),
        day_part: c.day_part,
        visit_notes: c.visit_notes.clone(),
        language: c.language,
        contact_name: c.contact_name.clone(),
        contact_phone: c.contact_phone.clone(),
        contact_email: c.contact_email.clone(),
        chooser_id: c.chooser.as_ref().map(|p| p.id.clone()),
        deliverer_id: c.deliverer.as_ref().map(|p| p.id.clone()),
    }
}

fn status_name(l: Lang, s: ClientStatus) -> String {
    let text = words::client_status(l, s);
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// What a staff form on this page needs to send: busy while it runs; on success the notice takes
/// focus and the page loads again; on failure the fields at fault are named in the summary.
#[derive(Clone, Copy)]
struct Sender {
    busy: RwSignal<bool>,
    errors: RwSignal<FormErrors>,
    summary: NodeRef<leptos::html::Div>,
    notice: RwSignal<Option<H>>,
    version: RwSignal<u32>,
    lang: Signal<Lang>,
    session: crate::session::Session,
}

impl Sender {
    /// Made in the component (it reads the language and session from the context).
    fn new(notice: RwSignal<Option<H>>, version: RwSignal<u32>) -> Sender {
        Sender {
            busy: RwSignal::new(false),
            errors: RwSignal::new(FormErrors::default()),
            summary: NodeRef::new(),
            notice,
            version,
            lang: use_lang(),
            session: use_session(),
        }
    }

    /// Names one field at fault, found here before sending.
    fn refuse(self, id: &'static str, label: H, code: FieldCode) {
        self.errors.set(FormErrors {
            fields: vec![crate::components::form::FieldFault {
                id,
                label: label.into(),
                code,
            }],
            ..FormErrors::default()
        });
        focus_later(self.summary);
    }

    /// Sends `call` with the access token; `done` is announced and `after` runs on success.
    fn send<T, F, Fut>(
        self,
        done: H,
        locate: fn(&str) -> Option<(&'static str, H)>,
        call: F,
        after: impl FnOnce() + 'static,
    ) where
        T: 'static,
        F: Fn(String) -> Fut + 'static,
        Fut: std::future::Future<Output = api::ApiResult<T>> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        let lang = self.lang.get_untracked();
        spawn_local(async move {
            let result = self.session.authorized(lang, call).await;
            self.busy.try_set(false);
            match result {
                Ok(_) => {
                    after();
                    self.errors.set(FormErrors::default());
                    self.notice.set(Some(done));
                    focus_soon(".home-notice");
                    self.version.update(|v| *v += 1);
                }
                Err(e) => {
                    self.errors.set(FormErrors::from_api(&e, locate));
                    focus_later(self.summary);
                }
            }
        });
    }
}

/// Active, paused (with its days) or ended.
#[component]
fn StatusForm(
    client: HomeServiceClient,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let status = RwSignal::new(Some(client.status));
    let from = RwSignal::new(
        client
            .paused_from
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let until = RwSignal::new(
        client
            .paused_until
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let form = Sender::new(notice, version);
    let (errors, busy, summary) = (form.errors, form.busy, form.summary);
    let client = StoredValue::new(client);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let mut body = input_of(&client.get_value());
        body.status = status.get_untracked().unwrap_or(ClientStatus::Active);
        let paused = body.status == ClientStatus::Paused;
        // A date that does not parse goes as none: the server names the field.
        body.paused_from = paused
            .then(|| from.get_untracked().trim().parse().ok())
            .flatten();
        body.paused_until = paused
            .then(|| until.get_untracked().trim().parse().ok())
            .flatten();
        let id = client.get_value().id;
        let lang = lang.get_untracked();
        form.send(
            H::StatusSaved,
            |f| match f {
                "status" => Some((STATUS_ID, H::StatusLegend)),
                "paused_from" => Some((PAUSED_FROM_ID, H::PausedFrom)),
                "paused_until" => Some((PAUSED_UNTIL_ID, H::PausedUntil)),
                _ => None,
            },
            move |token| {
                let (body, id) = (body.clone(), id.clone());
                async move { api::update_home_client(&token, &id, &body, lang).await }
            },
            || {},
        );
    };
    view! {
        <h2>{tr(H::StatusHeading)}</h2>
        <ErrorSummary errors=errors node_ref=summary id="status-summary" />
        <form class="form" novalidate on:submit=save>
            <Radios legend=H::StatusLegend first_id=STATUS_ID prefix="client-status" options=&STATUSES
                key=|s: ClientStatus| s.as_str() name_of=status_name chosen=status errors=errors />
            <Show when=move || status.get() == Some(ClientStatus::Paused)>
                <Field id=PAUSED_FROM_ID label=H::PausedFrom kind="date" autocomplete="off" value=from errors=errors />
                <Field id=PAUSED_UNTIL_ID label=H::PausedUntil kind="date" autocomplete="off" value=until errors=errors />
            </Show>
            <button type="submit" class="button" disabled=move || busy.get()>{tr(H::SaveStatus)}</button>
        </form>
    }
}

/// The days on which the client has had (or will get) an item like this one: the same identifier,
/// or the same title and author whatever the case and spacing.
fn earlier_days(
    all: &[HomeServiceVisit],
    title: &str,
    author: &str,
    identifier: &str,
) -> Vec<NaiveDate> {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // As the server stores it: no spaces or hyphens, any case.
    let code = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_lowercase()
    };
    let (title, author, identifier) = (fold(title), fold(author), code(identifier));
    let mut days: Vec<NaiveDate> = all
        .iter()
        .filter(|v| matches!(v.status, VisitStatus::Delivered | VisitStatus::Planned))
        .flat_map(|v| v.items.iter())
        .filter(|i| {
            let same_id = !identifier.is_empty()
                && i.identifier.as_deref().map(code).as_deref() == Some(identifier.as_str());
            let same_work =
                fold(&i.title) == title && fold(i.author.as_deref().unwrap_or_default()) == author;
            same_id || same_work
        })
        .map(|i| i.delivered_on)
        .collect();
    days.sort();
    days.dedup();
    days
}

/// The visits: those to make (and record), then the history.
#[component]
fn Visits(
    all: Vec<HomeServiceVisit>,
    today: NaiveDate,
    open: RwSignal<Option<Panel>>,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let all = StoredValue::new(all);
    let mut coming: Vec<HomeServiceVisit> = all
        .get_value()
        .into_iter()
        .filter(|v| v.status == VisitStatus::Planned)
        .collect();
    coming.sort_by_key(|v| v.day);
    let mut history: Vec<HomeServiceVisit> = all
        .get_value()
        .into_iter()
        .filter(|v| v.status != VisitStatus::Planned)
        .collect();
    history.sort_by_key(|v| std::cmp::Reverse(v.day));
    // What the client has from earlier visits: it can come back on the next one.
    let out: Vec<VisitItem> = all
        .get_value()
        .iter()
        .filter(|v| v.status == VisitStatus::Delivered)
        .flat_map(|v| v.items.iter().cloned())
        .filter(|i| i.returned_on.is_none())
        .collect();
    let out = StoredValue::new(out);
    let coming_view = if coming.is_empty() {
        view! { <p>{tr(H::ComingEmpty)}</p> }.into_any()
    } else {
        view! {
            <ul class="booking-list home-visits">
                {coming.into_iter().map(|v| view! {
                    <ComingVisit visit=v today=today open=open all=all out=out version=version notice=notice />
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let history_view = if history.is_empty() {
        view! { <p>{tr(H::HistoryEmpty)}</p> }.into_any()
    } else {
        view! {
            <ul class="booking-list home-history">
                {history.into_iter().map(|v| {
                    let (day, status) = (v.day, v.status);
                    let (items, returned) = (v.items.clone(), v.returned.clone());
                    view! {
                        <li class="booking-item">
                            <h3>{move || day_text(lang.get(), day)}</h3>
                            <p>{move || words::status(lang.get(), status, false)}</p>
                            <p>{tr(H::Items)} ": " {move || items_text(lang.get(), &items)}</p>
                            {(!returned.is_empty()).then(|| view! {
                                <p>{tr(H::Returned)} ": " {move || items_text(lang.get(), &returned)}</p>
                            })}
                            {v.feedback.clone().map(|f| view! { <p>{tr(H::FeedbackLabel)} ": " {f}</p> })}
                            {v.note.clone().map(|n| view! { <p>{tr(H::NoteLabel)} ": " {n}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h2>{tr(H::ComingHeading)}</h2>
        {coming_view}
        <h2>{tr(H::HistoryHeading)}</h2>
        {history_view}
    }
}

/// A visit still to make: its items, the chooser's form and the form to record it.
#[component]
fn ComingVisit(
    visit: HomeServiceVisit,
    today: NaiveDate,
    open: RwSignal<Option<Panel>>,
    all: StoredValue<Vec<HomeServiceVisit>>,
    out: StoredValue<Vec<VisitItem>>,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let v = visit;
    let (day, status, overdue) = (v.day, v.status, v.overdue);
    let visit_id = StoredValue::new(v.id.clone());
    let visit = StoredValue::new(v.clone());
    let choose_open = move || open.get() == Some(Panel::Choose(visit_id.get_value()));
    let record_open = move || open.get() == Some(Panel::Record(visit_id.get_value()));
    let deliverer = v.deliverer.clone().map(|d| d.name);
    let removing = RwSignal::new(false);
    let remove = move |item: String| {
        if removing.get_untracked() {
            return;
        }
        removing.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let item = item.clone();
                    async move {
                        api::remove_home_item(&token, &visit_id.get_value(), &item, lang).await
                    }
                })
                .await;
            removing.try_set(false);
            notice.set(Some(if result.is_ok() {
                H::ItemRemoved
            } else {
                H::RemoveFailed
            }));
            focus_soon(".home-notice");
            version.update(|v| *v += 1);
        });
    };
    let toggle = move |panel: Panel| {
        open.update(|o| {
            *o = if o.as_ref() == Some(&panel) {
                None
            } else {
                Some(panel)
            }
        });
    };
    let day_label = move || day_text(lang.get(), day);
    view! {
        <li class="booking-item">
            <h3>{day_label}</h3>
            <p class:status-cancelled=overdue>{move || words::status(lang.get(), status, overdue)}</p>
            <p>{tr(H::Deliverer)} ": " {move || deliverer.clone().unwrap_or_else(|| H::NoDeliverer.text(lang.get()).to_owned())}</p>
            <p>{tr(H::Items)} ": " {
                let items = v.items.clone();
                move || if items.is_empty() { H::Nothing.text(lang.get()).to_owned() } else { String::new() }
            }</p>
            {(!v.items.is_empty()).then(|| view! {
                <ul class="item-list">
                    {v.items.iter().map(|i| {
                        let item_id = i.id.clone();
                        let name = items_text(lang.get_untracked(), std::slice::from_ref(i));
                        let label = name.clone();
                        view! {
                            <li>{name}" "
                                <button type="button" class="button button-secondary button-small"
                                    on:click=move |_| remove(item_id.clone())>
                                    {tr(H::Remove)}<span class="visually-hidden">{format!(": {label}")}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <div class="button-row">
                {(day >= today).then(|| view! {
                    <button type="button" class="button button-secondary" aria-expanded=move || choose_open().to_string()
                        on:click=move |_| toggle(Panel::Choose(visit_id.get_value()))>
                        {tr(H::ChooseItems)}<span class="visually-hidden">{move || format!(": {}", day_label())}</span>
                    </button>
                })}
                {(day <= today).then(|| view! {
                    <button type="button" class="button button-secondary" aria-expanded=move || record_open().to_string()
                        on:click=move |_| toggle(Panel::Record(visit_id.get_value()))>
                        {tr(H::RecordVisit)}<span class="visually-hidden">{move || format!(": {}", day_label())}</span>
                    </button>
                })}
            </div>
            <Show when=choose_open>
                <ChooseForm visit_id=visit_id.get_value() all=all version=version notice=notice />
            </Show>
            <Show when=record_open>
                <RecordForm visit=visit.get_value() out=out open=open version=version notice=notice />
            </Show>
        </li>
    }
}

/// The chooser's form: an item for the visit, with the repeat warning.
#[component]
fn ChooseForm(
    visit_id: String,
    all: StoredValue<Vec<HomeServiceVisit>>,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let title = RwSignal::new(String::new());
    let author = RwSignal::new(String::new());
    let format = RwSignal::new(MaterialFormat::LargePrint);
    let identifier = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let busy = RwSignal::new(false);
    let repeat = RwSignal::new(None::<Vec<NaiveDate>>);
    let summary = NodeRef::<leptos::html::Div>::new();
    let visit_id = StoredValue::new(visit_id);
    // "Add anyway" adds what the warning was about: a change to the item takes the warning away.
    Effect::new(move |_| {
        title.track();
        author.track();
        identifier.track();
        format.track();
        repeat.set(None);
    });
    let send = move |allow_repeat: bool| {
        if busy.get_untracked() {
            return;
        }
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|t| !t.is_empty())
        };
        let body = ChooseItem {
            title: title.get_untracked().trim().to_owned(),
            author: text(author),
            format: format.get_untracked(),
            identifier: text(identifier),
            allow_repeat,
        };
        busy.set(true);
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let body = body.clone();
                    async move {
                        api::choose_home_item(&token, &visit_id.get_value(), &body, lang).await
                    }
                })
                .await;
            busy.try_set(false);
            match result {
                Ok(_) => {
                    repeat.set(None);
                    errors.set(FormErrors::default());
                    title.set(String::new());
                    author.set(String::new());
                    identifier.set(String::new());
                    notice.set(Some(H::ItemAdded));
                    focus_soon(".home-notice");
                    version.update(|v| *v += 1);
                }
                Err(e) if e.code() == ErrorCode::AlreadyDelivered => {
                    errors.set(FormErrors::default());
                    repeat.set(Some(earlier_days(
                        &all.get_value(),
                        &body.title,
                        body.author.as_deref().unwrap_or_default(),
                        body.identifier.as_deref().unwrap_or_default(),
                    )));
                    focus_soon(".repeat-warning");
                }
                Err(e) => {
                    repeat.set(None);
                    errors.set(FormErrors::from_api(&e, |f| match f {
                        "title" => Some((TITLE_ID, H::ItemTitle)),
                        "author" => Some((AUTHOR_ID, H::ItemAuthor)),
                        "format" => Some((FORMAT_ID, H::ItemFormat)),
                        "identifier" => Some((IDENTIFIER_ID, H::ItemIdentifier)),
                        _ => None,
                    }));
                    focus_later(summary);
                }
            }
        });
    };
    view! {
        <ErrorSummary errors=errors node_ref=summary id="choose-summary" />
        <form class="form choose-form" novalidate on:submit=move |ev| { ev.prevent_default(); send(false); }>
            <Field id=TITLE_ID label=H::ItemTitle autocomplete="off" value=title errors=errors />
            <Field id=AUTHOR_ID label=H::ItemAuthor autocomplete="off" value=author errors=errors />
            <div class="field">
                <label for=FORMAT_ID>{tr(H::ItemFormat)}</label>
                <FieldMessage errors=errors id=FORMAT_ID />
                <select id=FORMAT_ID name=FORMAT_ID on:change=move |ev| {
                    if let Some(f) = MaterialFormat::parse(&event_target_value(&ev)) {
                        format.set(f);
                    }
                }>
                    {FORMATS.iter().map(|f| {
                        let f = *f;
                        view! { <option value=f.as_str() selected=move || format.get() == f>{move || words::format(lang.get(), f)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Field id=IDENTIFIER_ID label=H::ItemIdentifier hint=H::ItemIdentifierHint autocomplete="off" value=identifier errors=errors />
            {move || repeat.get().map(|days| {
                let l = lang.get();
                let days = days.iter().map(|d| short_day(*d)).collect::<Vec<_>>().join(", ");
                view! {
                    <div class="notice repeat-warning" tabindex="-1">
                        <p>{H::RepeatWarning.text(l)} " " {days}</p>
                        <button type="button" class="button" disabled=move || busy.get() on:click=move |_| send(true)>{H::RepeatAnyway.text(l)}</button>
                    </div>
                }
            })}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(H::ItemAdd)}</button>
        </form>
    }
}

/// The deliverer's record of a visit: delivered or missed, a note, what the client liked, and what
/// came back.
#[component]
fn RecordForm(
    visit: HomeServiceVisit,
    out: StoredValue<Vec<VisitItem>>,
    open: RwSignal<Option<Panel>>,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let outcome = RwSignal::new(None::<VisitStatus>);
    let note = RwSignal::new(visit.note.clone().unwrap_or_default());
    let feedback = RwSignal::new(visit.feedback.clone().unwrap_or_default());
    let returned = RwSignal::new(Vec::<String>::new());
    let form = Sender::new(notice, version);
    let (errors, busy, summary) = (form.errors, form.busy, form.summary);
    let visit = StoredValue::new(visit);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(status) = outcome.get_untracked() else {
            form.refuse(OUTCOME_ID, H::OutcomeLegend, FieldCode::Required);
            return;
        };
        let v = visit.get_value();
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|t| !t.is_empty())
        };
        let body = VisitChange {
            day: v.day,
            status,
            deliverer_id: v.deliverer.as_ref().map(|d| d.id.clone()),
            note: text(note),
            feedback: text(feedback),
            returned_item_ids: returned.get_untracked(),
        };
        let lang = lang.get_untracked();
        form.send(
            H::Recorded,
            |f| match f {
                "status" => Some((OUTCOME_ID, H::OutcomeLegend)),
                "note" => Some((NOTE_ID, H::NoteLabel)),
                "feedback" => Some((FEEDBACK_ID, H::FeedbackLabel)),
                _ => None,
            },
            move |token| {
                let (body, id) = (body.clone(), v.id.clone());
                async move { api::update_home_visit(&token, &id, &body, lang).await }
            },
            move || open.set(None),
        );
    };
    let out_items = out.get_value();
    view! {
        <ErrorSummary errors=errors node_ref=summary id="record-summary" />
        <form class="form record-form" novalidate on:submit=save>
            <Radios legend=H::OutcomeLegend first_id=OUTCOME_ID prefix="visit-outcome" options=&OUTCOMES
                key=|s: VisitStatus| s.as_str() name_of=|l, s| words::outcome(l, s).to_owned() chosen=outcome errors=errors />
            <Field id=NOTE_ID label=H::NoteLabel hint=H::NoteHint autocomplete="off" rows=3 value=note errors=errors />
            <Field id=FEEDBACK_ID label=H::FeedbackLabel autocomplete="off" rows=3 value=feedback errors=errors />
            {(!out_items.is_empty()).then(|| view! {
                <fieldset class="choices">
                    <legend>{tr(H::ReturnedLegend)}</legend>
                    {out_items.iter().map(|i| {
                        let item_id = i.id.clone();
                        let check_id = format!("returned-{}", i.id);
                        let name = items_text(lang.get_untracked(), std::slice::from_ref(i));
                        let item_for_check = item_id.clone();
                        view! {
                            <div class="checkbox">
                                <input type="checkbox" id=check_id.clone() name="returned" value=item_id.clone()
                                    prop:checked=move || returned.with(|r| r.contains(&item_for_check))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let id = item_id.clone();
                                        returned.update(|r| {
                                            r.retain(|x| *x != id);
                                            if on {
                                                r.push(id);
                                            }
                                        });
                                    } />
                                <label for=check_id>{name}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(H::RecordSave)}</button>
        </form>
    }
}

/// A visit added by hand (an extra one before a holiday, say).
#[component]
fn AddVisit(
    client_id: String,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let day = RwSignal::new(String::new());
    let form = Sender::new(notice, version);
    let (errors, busy, summary) = (form.errors, form.busy, form.summary);
    let client_id = StoredValue::new(client_id);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let raw = day.get_untracked();
        let Ok(parsed) = raw.trim().parse::<NaiveDate>() else {
            let code = if raw.trim().is_empty() {
                FieldCode::Required
            } else {
                FieldCode::InvalidFormat
            };
            form.refuse(VISIT_DAY_ID, H::VisitDay, code);
            return;
        };
        let body = NewVisit {
            day: parsed,
            deliverer_id: None,
            note: None,
        };
        let lang = lang.get_untracked();
        form.send(
            H::VisitAdded,
            |f| (f == "day").then_some((VISIT_DAY_ID, H::VisitDay)),
            move |token| {
                let body = body.clone();
                async move { api::add_home_visit(&token, &client_id.get_value(), &body, lang).await }
            },
            || {},
        );
    };
    view! {
        <h2>{tr(H::AddVisitHeading)}</h2>
        <ErrorSummary errors=errors node_ref=summary id="add-visit-summary" />
        <form class="form" novalidate on:submit=add>
            <Field id=VISIT_DAY_ID label=H::VisitDay kind="date" autocomplete="off" value=day errors=errors />
            <button type="submit" class="button" disabled=move || busy.get()>{tr(H::AddVisit)}</button>
        </form>
    }
}

/// The contact person, the chooser and the deliverer.
#[component]
fn PeopleForm(
    client: HomeServiceClient,
    version: RwSignal<u32>,
    notice: RwSignal<Option<H>>,
) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let contact_name = RwSignal::new(text(&client.contact_name));
    let contact_phone = RwSignal::new(text(&client.contact_phone));
    let contact_email = RwSignal::new(text(&client.contact_email));
    let chooser = RwSignal::new(
        client
            .chooser
            .as_ref()
            .map(|p| p.id.clone())
            .unwrap_or_default(),
    );
    let deliverer = RwSignal::new(
        client
            .deliverer
            .as_ref()
            .map(|p| p.id.clone())
            .unwrap_or_default(),
    );
    let form = Sender::new(notice, version);
    let (errors, busy, summary) = (form.errors, form.busy, form.summary);
    let library = client.library.clone();
    let client = StoredValue::new(client);
    let people = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let library = library.clone();
        async move {
            session
                .authorized(lang, |token| {
                    let library = library.clone();
                    async move { api::home_people(&token, &library, lang).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let current = StoredValue::new([
        client.get_value().chooser.clone(),
        client.get_value().deliverer.clone(),
    ]);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let given = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_owned()).filter(|t| !t.is_empty())
        };
        let mut body = input_of(&client.get_value());
        body.contact_name = given(contact_name);
        body.contact_phone = given(contact_phone);
        body.contact_email = given(contact_email);
        body.chooser_id = given(chooser);
        body.deliverer_id = given(deliverer);
        let id = client.get_value().id;
        let lang = lang.get_untracked();
        form.send(
            H::PeopleSaved,
            |f| match f {
                "contact_name" => Some((CONTACT_NAME_ID, H::ContactName)),
                "contact_phone" => Some((CONTACT_PHONE_ID, H::ContactPhone)),
                "contact_email" => Some((CONTACT_EMAIL_ID, H::ContactEmail)),
                "chooser_id" => Some((CHOOSER_ID, H::Chooser)),
                "deliverer_id" => Some((DELIVERER_ID, H::Deliverer)),
                _ => None,
            },
            move |token| {
                let (body, id) = (body.clone(), id.clone());
                async move { api::update_home_client(&token, &id, &body, lang).await }
            },
            || {},
        );
    };
    let select = move |id: &'static str, label: H, value: RwSignal<String>, volunteers: bool| {
        view! {
            <div class="field" class:field-error=move || errors.with(|e| e.field(id).is_some())>
                <label for=id>{tr(label)}</label>
                <FieldMessage errors=errors id=id />
                <select id=id name=id on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=move || value.get().is_empty()>{tr(H::Nobody)}</option>
                    {move || {
                        let l = lang.get();
                        let mut list = people.get().and_then(Result::ok).unwrap_or_default();
                        // The one named now is offered even when no longer on the list.
                        let named = current.with_value(|c| c[usize::from(volunteers)].clone());
                        if let Some(p) = named.filter(|p| !list.iter().any(|x| x.id == p.id)) {
                            list.insert(0, HomeServicePerson { id: p.id, name: p.name, volunteer: false });
                        }
                        list.into_iter()
                            .filter(|p| volunteers || !p.volunteer)
                            .map(|p| {
                                let mark = if p.volunteer { H::VolunteerMark.text(l) } else { "" };
                                let pid = p.id.clone();
                                view! { <option value=p.id selected=move || value.get() == pid>{p.name}{mark}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
        }
    };
    view! {
        <h2>{tr(H::PeopleHeading)}</h2>
        {move || people.get().and_then(Result::err).map(|code| view! { <p class="notice">{code.message(lang.get())}</p> })}
        <ErrorSummary errors=errors node_ref=summary id="people-summary" />
        <form class="form" novalidate on:submit=save>
            <Field id=CONTACT_NAME_ID label=H::ContactName hint=H::ContactHint autocomplete="off" value=contact_name errors=errors />
            <Field id=CONTACT_PHONE_ID label=H::ContactPhone kind="tel" autocomplete="off" value=contact_phone errors=errors />
            <Field id=CONTACT_EMAIL_ID label=H::ContactEmail kind="email" autocomplete="off" value=contact_email errors=errors />
            {select(CHOOSER_ID, H::Chooser, chooser, false)}
            {select(DELIVERER_ID, H::Deliverer, deliverer, true)}
            <button type="submit" class="button" disabled=move || busy.get()>{tr(H::SavePeople)}</button>
        </form>
    }
}
