//! The staff's messages page (`/staff/messages`): find a patron's messages by name, address or
//! number and state, read what was sent, send one again; and the library's own wording of each
//! message kind per language, with a preview before saving.

use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{
    ErrorCode, Lang, Message, MessageKind, MessageStatus, MessageTemplate, MessageTemplateInput,
};

use crate::api;
use crate::components::form::{ErrorSummary, FormErrors, focus_later};
use crate::i18n::{Messages as M, Text, Ui, endonym, messages};
use crate::prefs::{tr, use_lang, use_title};
use crate::session::use_session;

/// The page.
#[component]
pub fn StaffMessages() -> impl IntoView {
    use_title(M::StaffTitle);
    let session = use_session();
    view! {
        <h1>{tr(M::StaffTitle)}</h1>
        {move || {
            let me = session.me();
            if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
                return refused;
            }
            let library = super::staff_library(me);
            view! {
                <p>{tr(M::StaffIntro)}</p>
                <MessageList library=library.clone() />
                <Wording library=library />
            }
            .into_any()
        }}
    }
}

/// The search form and the messages found.
#[component]
fn MessageList(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let recipient = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    // What was searched for; the list follows it, not the fields while they are typed in.
    let query = RwSignal::new((String::new(), String::new()));
    let version = RwSignal::new(0u32);
    let resent = RwSignal::new(None::<Result<String, ErrorCode>>);
    let library_for_list = library.clone();
    let found = LocalResource::new(move || {
        version.get();
        let (who, state) = query.get();
        let lang = lang.get_untracked();
        let library = library_for_list.clone();
        async move {
            let mut filters = format!("library={}", api::encode(&library));
            if !who.trim().is_empty() {
                filters.push_str(&format!("&recipient={}", api::encode(who.trim())));
            }
            if !state.is_empty() {
                filters.push_str(&format!("&status={state}"));
            }
            session
                .authorized(lang, |token| {
                    let filters = filters.clone();
                    async move { api::messages(&token, &filters, lang).await }
                })
                .await
                .map(|page| page.items)
                .map_err(|e| e.code())
        }
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        resent.set(None);
        query.set((recipient.get_untracked(), status.get_untracked()));
    };
    let resend = Callback::new(move |id: String| {
        let lang = lang.get_untracked();
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let id = id.clone();
                    async move { api::resend_message(&token, &id, lang).await }
                })
                .await;
            resent.set(Some(result.map(|m| m.id).map_err(|e| e.code())));
            version.update(|v| *v += 1);
        });
    });
    view! {
        <form class="message-search" role="search" on:submit=search>
            <div class="field">
                <label for="message-recipient">{tr(M::RecipientLabel)}</label>
                <p class="hint" id="message-recipient-hint">{tr(M::RecipientHint)}</p>
                <input id="message-recipient" name="message-recipient" type="search" autocomplete="off"
                    aria-describedby="message-recipient-hint" bind:value=recipient />
            </div>
            <div class="field">
                <label for="message-status">{tr(M::StatusLabel)}</label>
                <select id="message-status" name="message-status"
                    on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || status.get().is_empty()>{tr(M::AnyStatus)}</option>
                    {MessageStatus::ALL.iter().map(|s| {
                        let s = *s;
                        view! {
                            <option value=s.as_str() prop:selected=move || status.get() == s.as_str()>
                                {move || messages::status(s, lang.get())}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <button type="submit" class="button">{tr(M::Search)}</button>
        </form>
        <p role="status" class="resend-status">
            {move || match resent.get() {
                Some(Ok(_)) => M::Resent.text(lang.get()).to_owned(),
                Some(Err(code)) => code.message(lang.get()).to_owned(),
                None => String::new(),
            }}
        </p>
        {move || {
            let l = lang.get();
            match found.get() {
                None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
                Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p>{M::NoneFound.text(l)}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="message-list">
                        {list.into_iter().map(|m| view! { <MessageItem message=m resend=resend /> }).collect_view()}
                    </ul>
                }
                .into_any(),
            }
        }}
    }
}

/// One message: what, to whom, its state and time; the text behind a disclosure; "Send again".
#[component]
fn MessageItem(message: Message, resend: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let Message {
        id,
        kind,
        recipient_name,
        email,
        phone,
        subject,
        body,
        status,
        due_at,
        sent_at,
        sent_via,
        last_error,
        ..
    } = message;
    let to = [Some(recipient_name), email, phone]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let when = sent_at.unwrap_or(due_at);
    let heading_id = format!("message-{id}");
    let when_text = move || {
        use chrono::Timelike;
        let l = lang.get();
        format!(
            "{} {}{}{}{:02}",
            crate::i18n::booking::day(l, when.date_naive()),
            l.pick("klo ", "kl. ", ""),
            when.hour(),
            l.pick(".", ".", ":"),
            when.minute()
        )
    };
    view! {
        <li class="message-item">
            <h3 id=heading_id>{subject}</h3>
            <dl class="details">
                <dt>{tr(M::KindLabel)}</dt>
                <dd>{move || messages::kind(kind, lang.get())}</dd>
                <dt>{tr(M::To)}</dt>
                <dd>{to}</dd>
                <dt>{tr(M::StatusLabel)}</dt>
                <dd class=format!("message-status message-{}", status.as_str())>{move || messages::status(status, lang.get())}</dd>
                <dt>{tr(M::When)}</dt>
                <dd>{when_text}</dd>
                {sent_via.map(|via| view! { <dt>{tr(M::Via)}</dt> <dd>{via}</dd> })}
                {last_error.map(|e| view! { <dt>{tr(M::LastError)}</dt> <dd>{e}</dd> })}
            </dl>
            <details>
                <summary>{tr(M::ShowText)}</summary>
                <pre class="message-body">{body}</pre>
            </details>
            <button type="button" class="button button-secondary"
                on:click=move |_| resend.run(id.clone())>{tr(M::Resend)}</button>
        </li>
    }
}

/// The library's own wording: choose a kind and a language, edit, preview, save or go back to the
/// built-in wording.
#[component]
fn Wording(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let kind = RwSignal::new(MessageKind::BookingConfirmed);
    let in_lang = RwSignal::new(Lang::Fi);
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let customised = RwSignal::new(false);
    let placeholders = RwSignal::new(Vec::<String>::new());
    let preview = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let errors = RwSignal::new(FormErrors::default());
    let summary = NodeRef::new();
    let version = RwSignal::new(0u32);
    let library_for_list = library.clone();
    let all = LocalResource::new(move || {
        version.get();
        let lang = lang.get_untracked();
        let library = library_for_list.clone();
        async move {
            session
                .authorized(lang, |token| {
                    let library = library.clone();
                    async move { api::message_templates(&token, &library, lang).await }
                })
                .await
                .ok()
        }
    });
    // Fill the fields from the chosen kind and language.
    let fill = move |list: &[MessageTemplate]| {
        let (k, l) = (kind.get_untracked(), in_lang.get_untracked());
        if let Some(t) = list.iter().find(|t| t.kind == k && t.language == l) {
            subject.set(t.subject.clone());
            body.set(t.body.clone());
            customised.set(t.customised);
            placeholders.set(t.placeholders.clone());
        }
    };
    Effect::new(move || {
        kind.track();
        in_lang.track();
        if let Some(Some(list)) = all.get() {
            fill(&list);
        }
        preview.set(None);
        errors.set(FormErrors::default());
    });
    let input = move || MessageTemplateInput {
        subject: subject.get_untracked(),
        body: body.get_untracked(),
    };
    let fail = move |e: api::ApiError| {
        errors.set(FormErrors::from_api(&e, |field| match field {
            "subject" => Some(("template-subject", M::SubjectLabel)),
            "body" => Some(("template-body", M::BodyLabel)),
            _ => None,
        }));
        focus_later(summary);
    };
    let library_for_preview = library.clone();
    let show_preview = move |_| {
        let lang = lang.get_untracked();
        let (k, l, body) = (kind.get_untracked(), in_lang.get_untracked(), input());
        let library = library_for_preview.clone();
        saved.set(false);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let (library, body) = (library.clone(), body.clone());
                    async move {
                        api::preview_message_template(&token, &library, k, l, &body, lang).await
                    }
                })
                .await;
            match result {
                Ok(p) => {
                    errors.set(FormErrors::default());
                    preview.set(Some(format!("{}\n\n{}", p.subject, p.text)));
                }
                Err(e) => fail(e),
            }
        });
    };
    let library_for_save = library.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = lang.get_untracked();
        let (k, l, body) = (kind.get_untracked(), in_lang.get_untracked(), input());
        let library = library_for_save.clone();
        saved.set(false);
        spawn_local(async move {
            let result =
                session
                    .authorized(lang, |token| {
                        let (library, body) = (library.clone(), body.clone());
                        async move {
                            api::set_message_template(&token, &library, k, l, &body, lang).await
                        }
                    })
                    .await;
            match result {
                Ok(_) => {
                    errors.set(FormErrors::default());
                    saved.set(true);
                    version.update(|v| *v += 1);
                }
                Err(e) => fail(e),
            }
        });
    };
    let library_for_reset = library;
    let reset = move |_| {
        let lang = lang.get_untracked();
        let (k, l) = (kind.get_untracked(), in_lang.get_untracked());
        let library = library_for_reset.clone();
        saved.set(false);
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let library = library.clone();
                    async move { api::reset_message_template(&token, &library, k, l, lang).await }
                })
                .await;
            match result {
                Ok(_) => {
                    errors.set(FormErrors::default());
                    saved.set(true);
                    version.update(|v| *v += 1);
                }
                Err(e) => fail(e),
            }
        });
    };
    let fault = move |id: &'static str| errors.with(|e| e.field(id));
    let error_line = move |id: &'static str| {
        move || {
            fault(id).map(|code| {
                view! {
                    <p class="error-message" id=format!("{id}-error")>
                        <span class="visually-hidden">{Ui::ErrorPrefix.text(lang.get())}</span>
                        {code.message(lang.get())}
                    </p>
                }
            })
        }
    };
    view! {
        <section class="wording" aria-labelledby="wording-heading">
            <h2 id="wording-heading">{tr(M::WordingHeading)}</h2>
            <p>{tr(M::WordingIntro)}</p>
            <form on:submit=save novalidate>
                <ErrorSummary errors=errors node_ref=summary id="wording-summary" />
                <div class="field">
                    <label for="template-kind">{tr(M::KindLabel)}</label>
                    <select id="template-kind" name="template-kind"
                        on:change=move |ev| {
                            if let Some(k) = MessageKind::parse(&event_target_value(&ev)) {
                                kind.set(k);
                            }
                        }>
                        {MessageKind::ALL.iter().map(|k| {
                            let k = *k;
                            view! {
                                <option value=k.as_str() prop:selected=move || kind.get() == k>
                                    {move || messages::kind(k, lang.get())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="template-language">{tr(M::LanguageLabel)}</label>
                    <select id="template-language" name="template-language"
                        on:change=move |ev| {
                            if let Some(l) = Lang::from_tag(&event_target_value(&ev)) {
                                in_lang.set(l);
                            }
                        }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() lang=l.code() prop:selected=move || in_lang.get() == l>{endonym(l)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <p class="template-origin">
                    {move || if customised.get() { tr(M::Customised)() } else { tr(M::BuiltIn)() }}
                </p>
                <div class="field" class:field-error=move || fault("template-subject").is_some()>
                    <label for="template-subject">{tr(M::SubjectLabel)}</label>
                    {error_line("template-subject")}
                    <input id="template-subject" name="template-subject" type="text" autocomplete="off"
                        aria-invalid=move || fault("template-subject").map(|_| "true")
                        aria-describedby=move || fault("template-subject").map(|_| "template-subject-error")
                        bind:value=subject />
                </div>
                <div class="field" class:field-error=move || fault("template-body").is_some()>
                    <label for="template-body">{tr(M::BodyLabel)}</label>
                    <p class="hint" id="template-body-hint">
                        {tr(M::PlaceholdersHint)} " "
                        {move || placeholders.get().iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", ")}
                    </p>
                    {error_line("template-body")}
                    <textarea id="template-body" name="template-body" rows="12"
                        aria-invalid=move || fault("template-body").map(|_| "true")
                        aria-describedby=move || if fault("template-body").is_some() {
                            "template-body-hint template-body-error"
                        } else {
                            "template-body-hint"
                        }
                        prop:value=move || body.get()
                        on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                </div>
                <div class="button-row">
                    <button type="button" class="button button-secondary" on:click=show_preview>{tr(M::Preview)}</button>
                    <button type="submit" class="button">{tr(M::Save)}</button>
                    <button type="button" class="button button-secondary" on:click=reset>{tr(M::Reset)}</button>
                </div>
                <p role="status" class="save-status">{move || saved.get().then(|| M::Saved.text(lang.get()))}</p>
            </form>
            {move || preview.get().map(|text| view! {
                <h3>{tr(M::PreviewHeading)}</h3>
                <pre class="message-body message-preview">{text}</pre>
            })}
        </section>
    }
}
