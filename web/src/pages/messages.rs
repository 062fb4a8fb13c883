//! "Messages to you" on "My page": the person chooses email or text message (a way the account has an
//! address for) and the language of their messages.

use leptos::prelude::*;
use leptos::task::spawn_local;

use etakirjasto_shared::{ErrorCode, Lang, Me, MessageChannel, MessagePreferences};

use crate::api;
use crate::i18n::{Messages as M, Text, endonym};
use crate::prefs::{tr, use_lang};
use crate::session::use_session;

/// The choice of channel and language, saved with its own button.
#[component]
pub fn MessageChoice(
    /// The person, for which addresses the account has.
    me: Me,
) -> impl IntoView {
    let session = use_session();
    let lang = use_lang();
    let channel = RwSignal::new(MessageChannel::Email);
    let language = RwSignal::new(Lang::Fi);
    // Kept here: the form below is not redrawn, and the outcome stays until the next save.
    let outcome = RwSignal::new(None::<Result<(), ErrorCode>>);
    let saving = RwSignal::new(false);
    let loaded = LocalResource::new(move || {
        let lang = lang.get_untracked();
        async move {
            session
                .authorized(lang, |token| async move {
                    api::message_preferences(&token, lang).await
                })
                .await
                .ok()
        }
    });
    Effect::new(move || {
        if let Some(Some(p)) = loaded.get() {
            channel.set(p.channel);
            language.set(p.language);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saving.set(true);
        outcome.set(None);
        let lang = lang.get_untracked();
        let body = MessagePreferences {
            channel: channel.get_untracked(),
            language: language.get_untracked(),
        };
        spawn_local(async move {
            let result = session
                .authorized(lang, |token| {
                    let body = body.clone();
                    async move { api::set_message_preferences(&token, &body, lang).await }
                })
                .await;
            outcome.set(Some(result.map(|_| ()).map_err(|e| e.code())));
            saving.set(false);
        });
    };
    let radio = move |value: MessageChannel, label: M, available: bool| {
        let id = format!("message-channel-{}", value.as_str());
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="message-channel" value=value.as_str()
                    disabled=!available
                    prop:checked=move || channel.get() == value
                    on:change=move |_| channel.set(value) />
                <label for=id>{move || label.text(lang.get())}</label>
            </div>
        }
    };
    view! {
        <section class="message-choice" aria-labelledby="message-choice-heading">
            <h2 id="message-choice-heading">{tr(M::PrefsHeading)}</h2>
            <p>{tr(M::PrefsIntro)}</p>
            <form on:submit=save novalidate>
                <fieldset>
                    <legend>{tr(M::ChannelLegend)}</legend>
                    {radio(MessageChannel::Email, M::ByEmail, me.email.is_some())}
                    {radio(MessageChannel::Sms, M::BySms, me.phone.is_some())}
                </fieldset>
                <div class="field">
                    <label for="message-language">{tr(M::LanguageLabel)}</label>
                    <select id="message-language" name="message-language"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(l) = Lang::from_tag(&v) {
                                language.set(l);
                            }
                        }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.code() lang=l.code() prop:selected=move || language.get() == l>{endonym(l)}</option>
                        }).collect_view()}
                    </select>
                </div>
                // Not before the saved choice is shown, so a save never overwrites it unseen.
                <button type="submit" class="button" disabled=move || saving.get() || loaded.get().is_none()>{tr(M::Save)}</button>
                <p role="status" class="save-status">
                    {move || match outcome.get() {
                        Some(Ok(())) => M::Saved.text(lang.get()).to_owned(),
                        Some(Err(code)) => code.message(lang.get()).to_owned(),
                        None => String::new(),
                    }}
                </p>
            </form>
        </section>
    }
}
