//! The staff's surveys (`/staff/surveys`): the library's surveys with their state and number of
//! responses, and one survey's results (`?results=<id>`, grouped with `&by=<question>`): for each
//! question a bar chart drawn in SVG for the eye (hidden from screen readers) with a data table
//! beside it holding the same figures, the mean and median of scales and numbers, the free texts, a
//! cross-tabulation by one question, and the responses as CSV.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use etakirjasto_shared::{
    CrossTab, ErrorCode, InvitationGroup, OptionCount, QuestionKind, QuestionResult,
    ResponseSource, Survey, SurveyAudience, SurveyInvitationInput, SurveyInvitationReceipt,
    SurveyResults,
};

use crate::api;
use crate::i18n::surveys::{Surveys as S, invited, source_name, state_name};
use crate::i18n::{Text, Ui};
use crate::pages::surveys::localized;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{
    staff_survey_edit_href, staff_survey_results_href, staff_surveys_href, survey_href,
};
use crate::session::use_session;

/// The page.
#[component]
pub fn StaffSurveys() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let results = Memo::new(move |_| query.with(|q| q.get("results")).filter(|e| !e.is_empty()));
    let by = Memo::new(move |_| query.with(|q| q.get("by")).filter(|e| !e.is_empty()));
    let edit = Memo::new(move |_| query.with(|q| q.get("edit")).filter(|e| !e.is_empty()));
    use_title(S::StaffTitle);
    move || {
        let me = session.me();
        if let Some(refused) = super::refusal(session.phase.get(), me.as_ref()) {
            return view! { <h1>{tr(S::StaffTitle)}</h1> {refused} }.into_any();
        }
        let library = super::staff_library(me);
        if let Some(id) = edit.get() {
            return view! { <super::survey_form::SurveyEditor id=id library=library /> }.into_any();
        }
        match results.get() {
            None => view! {
                <h1>{tr(S::StaffTitle)}</h1>
                <p><a class="button" href=staff_survey_edit_href("new")>{tr(crate::i18n::survey_form::SurveyForm::NewLink)}</a></p>
                <SurveyList library=library />
            }
            .into_any(),
            Some(id) => view! { <Results id=id by=by /> }.into_any(),
        }
    }
}

fn audience_name(lang: etakirjasto_shared::Lang, a: SurveyAudience) -> &'static str {
    match a {
        SurveyAudience::Public => S::AudiencePublic.text(lang),
        SurveyAudience::Patrons => S::AudiencePatrons.text(lang),
        SurveyAudience::CareHomeContacts => S::AudienceCareHomes.text(lang),
    }
}

/// The library's surveys as a table.
#[component]
fn SurveyList(library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = StoredValue::new(library);
    let surveys = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let slug = library.get_value();
        async move {
            session
                .authorized(lang, move |token| {
                    let slug = slug.clone();
                    async move { api::surveys(&slug, None, lang, Some(&token)).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    move || {
        let l = lang.get();
        match surveys.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{S::None.text(l)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <p>{S::StaffIntro.text(l)}</p>
                <table class="data-table survey-table">
                    <caption class="visually-hidden">{S::StaffTitle.text(l)}</caption>
                    <thead><tr>
                        <th scope="col">{S::Survey.text(l)}</th>
                        <th scope="col">{S::State.text(l)}</th>
                        <th scope="col">{S::AudienceLabel.text(l)}</th>
                        <th scope="col" class="numeric">{S::Responses.text(l)}</th>
                        <th scope="col">{S::EnterPaper.text(l)}</th>
                        <th scope="col">{crate::i18n::survey_form::SurveyForm::Edit.text(l)}</th>
                    </tr></thead>
                    <tbody>
                        {list.into_iter().map(|s| row(l, s)).collect_view()}
                    </tbody>
                </table>
            }
            .into_any(),
        }
    }
}

fn row(l: etakirjasto_shared::Lang, s: Survey) -> impl IntoView {
    let (title, title_lang) = localized(&s.title, l);
    let enter = format!("{}?source=paper", survey_href(&s.id));
    view! {
        <tr>
            <th scope="row"><a href=staff_survey_results_href(&s.id, None) lang=title_lang>{title.clone()}</a></th>
            <td>{state_name(l, s.state)}</td>
            <td>{audience_name(l, s.audience)}</td>
            <td class="numeric">{s.responses.unwrap_or(0)}</td>
            <td><a href=enter aria-label=format!("{}: {title}", S::EnterPaper.text(l))>{S::EnterPaper.text(l)}</a></td>
            <td><a href=staff_survey_edit_href(&s.id) aria-label=format!("{}: {title}", crate::i18n::survey_form::SurveyForm::Edit.text(l))>{crate::i18n::survey_form::SurveyForm::Edit.text(l)}</a></td>
        </tr>
    }
}

/// One survey's results.
#[component]
fn Results(id: String, by: Memo<Option<String>>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let id = StoredValue::new(id);
    let survey = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let id = id.get_value();
        async move {
            session
                .authorized(lang, move |token| {
                    let id = id.clone();
                    async move { api::survey(&id, lang, Some(&token)).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let results = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let id = id.get_value();
        let by = by.get();
        async move {
            session
                .authorized(lang, move |token| {
                    let (id, by) = (id.clone(), by.clone());
                    async move { api::survey_results(&token, &id, by.as_deref(), lang).await }
                })
                .await
                .map_err(|e| e.code())
        }
    });
    let download_failed = RwSignal::new(None::<ErrorCode>);
    let download = move |_| {
        let lang = lang.get_untracked();
        let id = id.get_value();
        download_failed.set(None);
        spawn_local(async move {
            let csv = session
                .authorized(lang, move |token| {
                    let id = id.clone();
                    async move { api::survey_responses_csv(&token, &id, lang).await }
                })
                .await;
            match csv {
                Ok(csv) => {
                    // Reading the answer as text drops the byte-order mark spreadsheets need.
                    let csv = format!("\u{feff}{}", csv.trim_start_matches('\u{feff}'));
                    let name = lang.pick("vastaukset.csv", "svar.csv", "answers.csv");
                    if crate::pages::my_data::save_file(&csv, name, "text/csv").is_err() {
                        download_failed.set(Some(ErrorCode::Internal));
                    }
                }
                Err(e) => download_failed.set(Some(e.code())),
            }
        });
    };
    let heading = move || {
        let l = lang.get();
        match survey.get() {
            Some(Ok(s)) => {
                let (title, title_lang) = localized(&s.title, l);
                view! { <h1><span lang=title_lang>{title}</span>": " {S::Results.text(l)}</h1> }
                    .into_any()
            }
            _ => view! { <h1>{S::ResultsTitle.text(l)}</h1> }.into_any(),
        }
    };
    let cross_choice = move || {
        let l = lang.get();
        let Some(Ok(s)) = survey.get() else {
            return None;
        };
        let navigate = navigate.clone();
        let groupers: Vec<(String, String)> = s
            .questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Single | QuestionKind::Scale))
            .map(|q| (q.id.clone(), localized(&q.text, l).0))
            .collect();
        let chosen = RwSignal::new(by.get_untracked().unwrap_or_default());
        // Shown with the button, not on every change of the list, so moving through it with the
        // arrow keys does not reload the results at each step.
        let show = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let v = chosen.get_untracked();
            let by = (!v.is_empty()).then_some(v);
            navigate(
                &staff_survey_results_href(&id.get_value(), by.as_deref()),
                Default::default(),
            );
        };
        Some(view! {
            <form class="field cross-choice" on:submit=show>
                <label for="cross-by">{S::CrossBy.text(l)}</label>
                <select id="cross-by" on:change=move |ev| chosen.set(event_target_value(&ev))>
                    <option value="" prop:selected=move || by.get().is_none()>{S::CrossNone.text(l)}</option>
                    {groupers.into_iter().map(|(key, text)| {
                        let selected = key.clone();
                        view! { <option value=key prop:selected=move || by.get().as_deref() == Some(selected.as_str())>{text}</option> }
                    }).collect_view()}
                </select>
                " "
                <button type="submit" class="button button-secondary">{S::Show.text(l)}</button>
            </form>
        })
    };
    let body = move || {
        let l = lang.get();
        match results.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(r)) => view! { <ResultsView results=r /> }.into_any(),
        }
    };
    view! {
        <p class="back"><a href=staff_surveys_href()>{tr(S::StaffBack)}</a></p>
        {heading}
        <p>
            <button type="button" class="button button-secondary" on:click=download>{tr(S::Download)}</button>
        </p>
        <p role="status" class="download-status">{move || download_failed.get().map(|c| c.message(lang.get()))}</p>
        {cross_choice}
        {body}
        <Invite id=id.get_value() />
    }
}

/// Inviting the units' contact people, or an event's participants, to answer.
#[component]
fn Invite(id: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let library = super::staff_library(session.me());
    let group = RwSignal::new(InvitationGroup::CareHomeContacts);
    let event = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<SurveyInvitationReceipt, ErrorCode>>);
    let sending = RwSignal::new(false);
    let id = StoredValue::new(id);
    let events = LocalResource::new(move || {
        let lang = lang.get_untracked();
        let filters = format!("library={}", api::encode(&library));
        async move { api::events(&filters, lang).await.unwrap_or_default() }
    });
    Effect::new(move || {
        if let Some(list) = events.get()
            && event.get_untracked().is_empty()
            && let Some(first) = list.first()
        {
            event.set(first.id.clone());
        }
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let lang = lang.get_untracked();
        let to = group.get_untracked();
        let body = SurveyInvitationInput {
            to,
            event_id: (to == InvitationGroup::EventParticipants)
                .then(|| event.get_untracked())
                .filter(|e| !e.is_empty()),
            message: Some(note.get_untracked()).filter(|n| !n.trim().is_empty()),
        };
        let id = id.get_value();
        sending.set(true);
        outcome.set(None);
        spawn_local(async move {
            let result = session
                .authorized(lang, move |token| {
                    let (id, body) = (id.clone(), body.clone());
                    async move { api::invite_to_survey(&token, &id, &body, lang).await }
                })
                .await
                .map_err(|e| e.code());
            outcome.set(Some(result));
            sending.set(false);
        });
    };
    let radio = move |value: InvitationGroup, label: S| {
        let id = format!("invite-{}", value.as_str());
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="invite-group" value=value.as_str()
                    prop:checked=move || group.get() == value
                    on:change=move |_| group.set(value) />
                <label for=id>{move || label.text(lang.get())}</label>
            </div>
        }
    };
    let event_choice = move || {
        let l = lang.get();
        (group.get() == InvitationGroup::EventParticipants).then(|| match events.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(list) if list.is_empty() => view! { <p>{S::InviteNoEvents.text(l)}</p> }.into_any(),
            Some(list) => view! {
                <div class="field conditional">
                    <label for="invite-event">{S::InviteEvent.text(l)}</label>
                    <select id="invite-event" on:change=move |ev| event.set(event_target_value(&ev))>
                        {list.into_iter().map(|e| {
                            let value = e.id.clone();
                            let day = e.start.format("%-d.%-m.%Y").to_string();
                            view! {
                                <option value=e.id.clone() prop:selected=move || event.get() == value>
                                    {format!("{} ({day})", e.title.get(l))}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            }
            .into_any(),
        })
    };
    view! {
        <section class="invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{tr(S::InviteHeading)}</h2>
            <p>{tr(S::InviteIntro)}</p>
            <form on:submit=send novalidate>
                <fieldset class="field">
                    <legend>{tr(S::InviteLegend)}</legend>
                    {radio(InvitationGroup::CareHomeContacts, S::InviteCareHomes)}
                    {radio(InvitationGroup::EventParticipants, S::InviteEventParticipants)}
                </fieldset>
                {event_choice}
                <div class="field">
                    <label for="invite-note">{tr(S::InviteNote)}</label>
                    <textarea id="invite-note" rows="3"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit" class="button" disabled=move || sending.get()>{tr(S::InviteSend)}</button>
                <p role="status" class="invite-status">
                    {move || match outcome.get() {
                        Some(Ok(r)) => invited(lang.get(), &r),
                        Some(Err(code)) => code.message(lang.get()).to_owned(),
                        None => String::new(),
                    }}
                </p>
            </form>
        </section>
    }
}

/// A percentage as people read it: one decimal, the decimal comma in Finnish and Swedish.
fn percent(lang: etakirjasto_shared::Lang, p: f64) -> String {
    let text = format!("{p:.1} %");
    if lang == etakirjasto_shared::Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

fn number(lang: etakirjasto_shared::Lang, x: f64) -> String {
    let text = if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    };
    if lang == etakirjasto_shared::Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[component]
fn ResultsView(results: SurveyResults) -> impl IntoView {
    let lang = use_lang();
    let r = StoredValue::new(results);
    move || {
        let l = lang.get();
        r.with_value(|r| {
            let sources = r
                .sources
                .iter()
                .map(|c| {
                    view! { <li>{source_name(l, c.source)} ": " {c.count}</li> }
                })
                .collect_view();
            let questions = r
                .questions
                .iter()
                .enumerate()
                .map(|(n, q)| question(l, n, q.clone()))
                .collect_view();
            let cross = r.cross.clone().map(|c| cross_view(l, c));
            let _ = ResponseSource::ALL;
            view! {
                <p class="lead">{S::TotalResponses.text(l)} ": " <strong>{r.responses}</strong></p>
                <h2>{S::BySource.text(l)}</h2>
                <ul>{sources}</ul>
                {questions}
                {cross}
            }
        })
    }
}

/// A horizontal bar chart of the options' percentages, for the eye only.
fn chart(options: Vec<OptionCount>) -> impl IntoView {
    let bar_height = 22;
    let height = options.len() as i32 * (bar_height + 8);
    view! {
        <svg class="bar-chart" aria-hidden="true" focusable="false" viewBox=format!("0 0 100 {height}")
            preserveAspectRatio="none" height=height>
            {options.iter().enumerate().map(|(n, o)| {
                let y = n as i32 * (bar_height + 8);
                let width = o.percent.clamp(0.0, 100.0);
                view! {
                    <rect class="bar-track" x="0" y=y width="100" height=bar_height></rect>
                    <rect class="bar" x="0" y=y width=format!("{width:.1}") height=bar_height></rect>
                }
            }).collect_view()}
        </svg>
    }
}

fn question(l: etakirjasto_shared::Lang, n: usize, q: QuestionResult) -> impl IntoView {
    let (text, text_lang) = localized(&q.text, l);
    let heading_id = format!("result-{n}");
    let labelled = heading_id.clone();
    let counts = format!(
        "{} {}, {} {}",
        q.answered,
        S::Answered.text(l),
        q.skipped,
        S::Skipped.text(l)
    );
    let options = (!q.options.is_empty()).then(|| {
        let rows = q
            .options
            .iter()
            .map(|o| {
                let (label, label_lang) = localized(&o.label, l);
                view! {
                    <tr>
                        <th scope="row" lang=label_lang>{label}</th>
                        <td class="numeric">{o.count}</td>
                        <td class="numeric">{percent(l, o.percent)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="chart-and-table">
                <div class="chart">
                    {chart(q.options.clone())}
                    <p class="hint">{S::ChartNote.text(l)}</p>
                </div>
                <table class="data-table">
                    <caption class="visually-hidden" lang=text_lang>{text.clone()}</caption>
                    <thead><tr>
                        <th scope="col">{S::Option.text(l)}</th>
                        <th scope="col" class="numeric">{S::Count.text(l)}</th>
                        <th scope="col" class="numeric">{S::Percent.text(l)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let figures = q.mean.map(|mean| {
        view! {
            <dl class="stat-list">
                <dt>{S::Mean.text(l)}</dt><dd>{number(l, mean)}</dd>
                <dt>{S::Median.text(l)}</dt><dd>{q.median.map(|m| number(l, m)).unwrap_or_default()}</dd>
                {q.min.map(|m| view! { <dt>{S::Min.text(l)}</dt><dd>{m}</dd> })}
                {q.max.map(|m| view! { <dt>{S::Max.text(l)}</dt><dd>{m}</dd> })}
            </dl>
        }
    });
    let texts = (q.kind == QuestionKind::Text || !q.texts.is_empty()).then(|| {
        let list = if q.texts.is_empty() {
            view! { <p>{S::NoTexts.text(l)}</p> }.into_any()
        } else {
            view! {
                <ul class="free-texts">
                    {q.texts.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        };
        view! { <h3>{S::Texts.text(l)}</h3> {list} }
    });
    view! {
        <section class="result" aria-labelledby=labelled>
            <h2 id=heading_id lang=text_lang>{text.clone()}</h2>
            <p>{counts}</p>
            {options}
            {figures}
            {texts}
        </section>
    }
}

fn cross_view(l: etakirjasto_shared::Lang, c: CrossTab) -> impl IntoView {
    let groups: Vec<String> = c.groups.iter().map(|g| localized(&g.label, l).0).collect();
    let tables = c
        .questions
        .iter()
        .map(|q| {
            let (text, text_lang) = localized(&q.text, l);
            let head = groups
                .iter()
                .zip(&c.groups)
                .map(|(g, group)| view! { <th scope="col" class="numeric">{format!("{g} (n = {})", group.responses)}</th> })
                .collect_view();
            let rows = q
                .rows
                .iter()
                .map(|row| {
                    let (label, label_lang) = localized(&row.label, l);
                    let cells = row
                        .counts
                        .iter()
                        .zip(&row.percents)
                        .map(|(count, p)| view! { <td class="numeric">{format!("{count} ({})", percent(l, *p))}</td> })
                        .collect_view();
                    view! { <tr><th scope="row" lang=label_lang>{label}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <table class="data-table cross-table">
                    <caption lang=text_lang>{text}</caption>
                    <thead><tr><th scope="col">{S::Option.text(l)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    view! {
        <section class="cross" aria-labelledby="cross-heading">
            <h2 id="cross-heading">{S::CrossHeading.text(l)}</h2>
            <div class="table-scroll" role="region" aria-labelledby="cross-heading" tabindex="0">{tables}</div>
        </section>
    }
}
