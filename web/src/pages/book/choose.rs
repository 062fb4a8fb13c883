//! Steps 1 and 2: the kind of help and the way of meeting, each a list of radio buttons with the
//! question as the page's heading inside the legend.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use etakirjasto_shared::{FieldCode, SessionMode};

use super::{BackLink, GroupError, Loading, Lost, Step, use_flow};
use crate::components::form::{ErrorSummary, FieldFault, FormErrors, focus_later};
use crate::i18n::{Booking, Text, booking};
use crate::prefs::{tr, use_lang};
use crate::routes::Page;

/// The id of the first service radio, where the error summary links.
const SERVICE_ID: &str = "service";
/// The id of the first mode radio.
const MODE_ID: &str = "mode";

/// An error that one radio group is unanswered.
pub fn required(id: &'static str, label: Booking) -> FormErrors {
    FormErrors {
        fields: vec![FieldFault {
            id,
            label: label.into(),
            code: FieldCode::Required,
        }],
        ..Default::default()
    }
}

/// Step 1: which kind of help.
#[component]
pub fn ServiceStep() -> impl IntoView {
    let flow = use_flow();
    let lang = use_lang();
    let navigate = use_navigate();
    let chosen = RwSignal::new(flow.place.get_untracked().service);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = chosen.get_untracked() else {
            errors.set(required(SERVICE_ID, Booking::ServiceLabel));
            focus_later(summary);
            return;
        };
        let mut next = flow.place.get_untracked().at(Step::Mode);
        if next.service.as_deref() != Some(id.as_str()) {
            next.mode = None;
            next.start = None;
            next.day = None;
        }
        next.service = Some(id);
        navigate(&next.href(), Default::default());
    };

    let options = move || {
        let list = match flow.services.get() {
            None => return view! { <Loading /> }.into_any(),
            Some(Err(code)) => return view! { <Lost code=code /> }.into_any(),
            Some(Ok(list)) => list,
        };
        let lang = lang.get();
        list.into_iter()
            .enumerate()
            .map(|(i, s)| {
                let id = if i == 0 {
                    SERVICE_ID.to_owned()
                } else {
                    format!("{SERVICE_ID}-{i}")
                };
                let hint_id = format!("{id}-hint");
                let value = s.id.clone();
                let checked = {
                    let value = value.clone();
                    move || chosen.with(|c| c.as_deref() == Some(value.as_str()))
                };
                view! {
                    <div class="radio radio-with-hint">
                        <input type="radio" id=id.clone() name="service" value=value.clone()
                            aria-describedby=hint_id.clone() prop:checked=checked
                            on:change=move |_| chosen.set(Some(value.clone())) />
                        <label for=id>{s.name.get(lang).to_owned()}</label>
                        <p class="hint" id=hint_id>
                            {s.description.get(lang).to_owned()} " "
                            {format!("({})", booking::minutes(lang, s.duration_minutes))}
                        </p>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };

    let back = if flow.place.with_untracked(|p| p.for_patron) {
        Page::Staff.href()
    } else {
        Page::Home.href()
    };
    view! {
        <BackLink href=back.to_owned() />
        <ErrorSummary errors=errors node_ref=summary id="service-summary" />
        <form class="form" novalidate on:submit=on_submit>
            <fieldset class:field-error=move || errors.with(|e| e.field(SERVICE_ID).is_some())>
                <legend class="legend-heading"><h1 tabindex="-1">{tr(Booking::ServiceTitle)}</h1></legend>
                <GroupError errors=errors id=SERVICE_ID />
                {options}
            </fieldset>
            <button type="submit" class="button">{tr(Booking::Continue)}</button>
        </form>
    }
}

/// Step 2: how to meet, from the service's own ways.
#[component]
pub fn ModeStep() -> impl IntoView {
    let flow = use_flow();
    let lang = use_lang();
    let navigate = use_navigate();
    let chosen = RwSignal::new(flow.place.get_untracked().mode);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::<html::Div>::new();

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mode) = chosen.get_untracked() else {
            errors.set(required(MODE_ID, Booking::ModeLabel));
            focus_later(summary);
            return;
        };
        let mut next = flow.place.get_untracked().at(Step::Time);
        next.mode = Some(mode);
        navigate(&next.href(), Default::default());
    };

    let body = move || {
        let on_submit = on_submit.clone();
        if flow.services.get().is_none() {
            return view! { <Loading /> }.into_any();
        }
        let Some(service) = flow.service() else {
            return view! { <Lost /> }.into_any();
        };
        // With one way only, it is already chosen; the page still says what will happen.
        if service.modes.len() == 1 && chosen.get_untracked().is_none() {
            chosen.set(service.modes.first().copied());
        }
        let options = service
            .modes
            .iter()
            .enumerate()
            .map(|(i, &mode)| mode_option(i, mode, chosen))
            .collect_view();
        view! {
            <p class="lead">{move || service.name.get(lang.get()).to_owned()}</p>
            <form class="form" novalidate on:submit=on_submit>
                <fieldset class:field-error=move || errors.with(|e| e.field(MODE_ID).is_some())>
                    <legend class="legend-heading"><h1 tabindex="-1">{tr(Booking::ModeTitle)}</h1></legend>
                    <GroupError errors=errors id=MODE_ID />
                    {options}
                </fieldset>
                <button type="submit" class="button">{tr(Booking::Continue)}</button>
            </form>
        }
        .into_any()
    };

    view! {
        <BackLink href=flow.place.get_untracked().at(Step::Service).href() />
        <ErrorSummary errors=errors node_ref=summary id="mode-summary" />
        {body}
    }
}

fn mode_option(
    i: usize,
    mode: SessionMode,
    chosen: RwSignal<Option<SessionMode>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = if i == 0 {
        MODE_ID.to_owned()
    } else {
        format!("{MODE_ID}-{i}")
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="radio radio-with-hint">
            <input type="radio" id=id.clone() name="mode" value=mode.as_str()
                aria-describedby=hint_id.clone() prop:checked=move || chosen.get() == Some(mode)
                on:change=move |_| chosen.set(Some(mode)) />
            <label for=id>{move || Booking::mode(mode).text(lang.get())}</label>
            <p class="hint" id=hint_id>{move || Booking::mode_hint(mode).text(lang.get())}</p>
        </div>
    }
}
