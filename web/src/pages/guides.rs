//! The operating models: the catalogue of the library's remote services (`/guides`) and one model
//! (`/guides/{id}`) with the variant of the library's current situation first, its licence, and its
//! Markdown to download. The texts' HTML comes from the server, which keeps nothing that could run.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use etakirjasto_shared::{Guide, GuideService, Lang, Rendered, Scenario};

use crate::api;
use crate::i18n::guides::{Guides, service_name};
use crate::i18n::{Text, Ui};
use crate::library::use_library;
use crate::prefs::{tr, use_lang, use_title};
use crate::routes::{Page, guide_href};
use crate::session::{Phase, use_session};

/// Loads with the session's token when signed in, so staff also see their library's drafts.
async fn with_session<T, F, Fut>(
    session: crate::session::Session,
    signed_in: bool,
    lang: Lang,
    call: F,
) -> Result<T, etakirjasto_shared::ErrorCode>
where
    F: Fn(Option<String>) -> Fut + Clone + 'static,
    Fut: Future<Output = api::ApiResult<T>>,
    T: 'static,
{
    let answer = if signed_in {
        session
            .authorized(lang, move |token| {
                let call = call.clone();
                async move { call(Some(token)).await }
            })
            .await
    } else {
        call(None).await
    };
    answer.map_err(|e| e.code())
}

/// The catalogue.
#[component]
pub fn GuidesPage() -> impl IntoView {
    use_title(Guides::Title);
    let lang = use_lang();
    let session = use_session();
    let library = use_library();
    let guides = LocalResource::new(move || {
        let slug = library.get().map(|l| l.slug);
        let lang = lang.get_untracked();
        let signed_in = session.phase.get() == Phase::SignedIn;
        async move {
            let Some(slug) = slug else {
                return Ok(None);
            };
            with_session(session, signed_in, lang, move |token| {
                let slug = slug.clone();
                async move { api::guides(&slug, None, lang, token.as_deref()).await }
            })
            .await
            .map(Some)
        }
    });
    let list = move || {
        let l = lang.get();
        if library.failed() {
            return view! { <p class="notice">{Ui::LibraryUnavailable.text(l)}</p> }.into_any();
        }
        match guides.get() {
            None | Some(Ok(None)) => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! { <p class="notice">{code.message(l)}</p> }.into_any(),
            Some(Ok(Some(all))) if all.is_empty() => view! { <p>{Guides::None.text(l)}</p> }.into_any(),
            Some(Ok(Some(all))) => GuideService::ALL
                .iter()
                .filter_map(|service| {
                    let of: Vec<Guide> = all.iter().filter(|g| g.service == *service).cloned().collect();
                    (!of.is_empty()).then(|| {
                        let heading_id = format!("service-{}", service.as_str());
                        let labelled = heading_id.clone();
                        view! {
                            <section class="guide-group" aria-labelledby=labelled>
                                <h2 id=heading_id>{service_name(l, *service)}</h2>
                                <ul class="guide-list">
                                    {of.into_iter().map(|g| view! { <GuideCard guide=g lang=l /> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                })
                .collect_view()
                .into_any(),
        }
    };
    let bundle = move || {
        library
            .get()
            .map(|l| view! { <p><a href=api::guides_bundle_href(&l.slug) download="">{tr(Guides::Bundle)}</a></p> })
    };
    view! {
        <h1>{tr(Guides::Title)}</h1>
        <p class="lead">{tr(Guides::Intro)}</p>
        {list}
        <section class="reuse" aria-labelledby="reuse-heading">
            <h2 id="reuse-heading">{tr(Guides::ReuseHeading)}</h2>
            <p>{tr(Guides::ReuseNote)}</p>
            {bundle}
        </section>
    }
}

/// One model in the catalogue: its title as a link and its purpose.
#[component]
fn GuideCard(guide: Guide, lang: Lang) -> impl IntoView {
    let content_lang = guide.language.code();
    view! {
        <li class="guide-card">
            <h3><a href=guide_href(&guide.id) lang=content_lang>{guide.title.clone()}</a></h3>
            {(!guide.published).then(|| view! { <p class="tag">{Guides::Draft.text(lang)}</p> })}
            <div class="markdown" lang=content_lang inner_html=guide.purpose.html.clone()></div>
        </li>
    }
}

/// One section of a model: a heading and its text, left out when empty.
fn section(
    lang: Lang,
    key: Guides,
    text: &Rendered,
    content_lang: &'static str,
) -> Option<AnyView> {
    if text.markdown.trim().is_empty() {
        return None;
    }
    let id = format!("guide-{key:?}").to_lowercase();
    let labelled = id.clone();
    Some(
        view! {
            <section aria-labelledby=labelled>
                <h2 id=id>{key.text(lang)}</h2>
                <div class="markdown" lang=content_lang inner_html=text.html.clone()></div>
            </section>
        }
        .into_any(),
    )
}

/// One model.
#[component]
pub fn GuidePage() -> impl IntoView {
    use_title(Guides::Title);
    let lang = use_lang();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let guide = LocalResource::new(move || {
        let id = id.get();
        let lang = lang.get_untracked();
        let signed_in = session.phase.get() == Phase::SignedIn;
        async move {
            with_session(session, signed_in, lang, move |token| {
                let id = id.clone();
                async move { api::guide(&id, lang, token.as_deref()).await }
            })
            .await
        }
    });
    Effect::new(move || {
        // After `use_title`'s own effect, also when the language changes.
        lang.track();
        if let Some(Ok(g)) = guide.get() {
            document().set_title(&format!("{} – {}", g.title, crate::i18n::PRODUCT_NAME));
        }
    });
    let body = move || {
        let l = lang.get();
        match guide.get() {
            None => view! { <p role="status">{Ui::Loading.text(l)}</p> }.into_any(),
            Some(Err(code)) => view! {
                <h1>{Guides::Title.text(l)}</h1>
                <p class="notice">{code.message(l)}</p>
            }
            .into_any(),
            Some(Ok(g)) => view! { <GuideDetails guide=g /> }.into_any(),
        }
    };
    view! {
        <p class="back"><a href=Page::Guides.href()>{tr(Guides::Back)}</a></p>
        {body}
    }
}

/// What the page says about a model.
#[component]
fn GuideDetails(guide: Guide) -> impl IntoView {
    let lang = use_lang();
    let library = use_library();
    let g = StoredValue::new(guide);
    let content_lang = g.with_value(|g| g.language.code());
    // The variant of the situation the model's library works in now, shown first.
    let now = move || {
        let l = lang.get();
        let active = library
            .get()
            .filter(|lib| g.with_value(|g| g.library == lib.slug))
            .map(|lib| lib.scenario.scenario)
            .filter(|s| *s != Scenario::Normal)?;
        let variant = g.with_value(|g| g.variant(active).cloned())?;
        Some(view! {
            <section class="scenario-notice" aria-labelledby="guide-now">
                <h2 id="guide-now">
                    {Guides::NowInForce.text(l)} ": " {crate::i18n::scenario::name(l, active)}
                </h2>
                <div class="markdown" lang=content_lang inner_html=variant.text.html></div>
            </section>
        })
    };
    let sections = move || {
        let l = lang.get();
        g.with_value(|g| {
            [
                (Guides::Purpose, &g.purpose),
                (Guides::Audience, &g.audience),
                (Guides::Steps, &g.steps),
                (Guides::Roles, &g.roles),
                (Guides::Equipment, &g.equipment),
                (Guides::HowToGet, &g.how_to_get),
            ]
            .into_iter()
            .filter_map(|(key, text)| section(l, key, text, content_lang))
            .collect_view()
        })
    };
    let variants = move || {
        let l = lang.get();
        g.with_value(|g| {
            (!g.variants.is_empty()).then(|| {
                view! {
                    <section aria-labelledby="guide-variants">
                        <h2 id="guide-variants">{Guides::Variants.text(l)}</h2>
                        {g.variants.iter().map(|v| view! {
                            <h3>{crate::i18n::scenario::name(l, v.scenario)}</h3>
                            <div class="markdown" lang=content_lang inner_html=v.text.html.clone()></div>
                        }).collect_view()}
                    </section>
                }
            })
        })
    };
    let meta = move || {
        let l = lang.get();
        g.with_value(|g| {
            let day = g.updated_at.format("%-d.%-m.%Y").to_string();
            let other_lang = (g.language != l)
                .then(|| view! { <p>{crate::i18n::guides::written_in(l, g.language)}</p> });
            view! {
                <p class="meta">
                    {service_name(l, g.service)} " · " {g.library_name.clone()} " · "
                    {Guides::Version.text(l)} " " {g.version} ", " {Guides::Updated.text(l)} " " {day}
                    {(!g.published).then(|| view! { " · " <span class="tag">{Guides::Draft.text(l)}</span> })}
                </p>
                {other_lang}
            }
        })
    };
    let licence = move || {
        let l = lang.get();
        g.with_value(|g| {
            // The model it was copied from, then the ones that one was based on.
            let origin = g
                .copied_from
                .iter()
                .chain(g.earlier_sources.iter())
                .map(|o| {
                    view! {
                        <p>
                            {Guides::BasedOn.text(l)} ": "
                            <a href=guide_href(&o.guide_id)>{o.title.clone()}</a>
                            " (" {o.library_name.clone()} ", " {Guides::Version.text(l)} " " {o.version} ", " {o.licence.as_str()} ")"
                        </p>
                    }
                })
                .collect_view();
            view! {
                <footer class="guide-licence">
                    <p>
                        {Guides::LicencedUnder.text(l)} " "
                        <a href=g.licence_url.clone() rel="license">{g.licence_name.clone()}</a>
                        " (" {g.licence.as_str()} ")."
                    </p>
                    {origin}
                    <p><a href=api::guide_markdown_href(&g.id) download="">{Guides::Download.text(l)}</a></p>
                </footer>
            }
        })
    };
    view! {
        <article class="guide">
            <h1 lang=content_lang>{g.with_value(|g| g.title.clone())}</h1>
            {meta}
            <StaffActions guide_id=g.with_value(|g| g.id.clone()) library=g.with_value(|g| g.library.clone()) />
            {now}
            {sections}
            {variants}
            {licence}
        </article>
    }
}

/// For staff: edit a model of their own library, or copy another library's as their draft.
#[component]
fn StaffActions(guide_id: String, library: String) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let navigate = leptos_router::hooks::use_navigate();
    let failed = RwSignal::new(None::<etakirjasto_shared::ErrorCode>);
    let busy = RwSignal::new(false);
    let guide_id = StoredValue::new(guide_id);
    let shown = use_library();
    move || {
        let me = session.me()?;
        let staff_of: Vec<(String, String)> = me
            .memberships
            .iter()
            .filter(|m| m.role.is_staff())
            .map(|m| (m.library.clone(), m.library_name.clone()))
            .collect();
        let own = staff_of.iter().any(|(slug, _)| *slug == library);
        // The copy goes to the library this app presents if the person is its staff, else to the
        // first of theirs; the button names it.
        let home = shown.get().map(|l| l.slug);
        let (target, target_name) = staff_of
            .iter()
            .find(|(slug, _)| Some(slug) == home.as_ref())
            .or(staff_of.first())
            .cloned()?;
        let l = lang.get();
        if own {
            return Some(
                view! { <p><a class="button" href=crate::routes::staff_guide_href(&guide_id.get_value())>{Guides::Edit.text(l)}</a></p> }
                    .into_any(),
            );
        }
        let navigate = navigate.clone();
        let copy = move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            failed.set(None);
            let lang = lang.get_untracked();
            let target = target.clone();
            let navigate = navigate.clone();
            spawn_local(async move {
                let result = session
                    .authorized(lang, |token| {
                        let target = target.clone();
                        async move {
                            api::copy_guide(&token, &guide_id.get_value(), &target, lang).await
                        }
                    })
                    .await;
                busy.try_set(false);
                match result {
                    Ok(copy) => navigate(
                        &crate::routes::staff_guide_href(&copy.id),
                        Default::default(),
                    ),
                    Err(e) => {
                        failed.set(Some(e.code()));
                    }
                }
            });
        };
        Some(
            view! {
                <p>
                    <button type="button" class="button" disabled=move || busy.get() on:click=copy>
                        {Guides::Copy.text(l)} " " {target_name}
                    </button>
                </p>
                <p role="status">{move || failed.get().map(|code| format!("{} {}", Guides::CopyFailed.text(lang.get()), code.message(lang.get())))}</p>
            }
            .into_any(),
        )
    }
}

/// The front page's list of services: those that work in the library's current situation (all in
/// normal times), each with what is different now.
#[component]
pub fn ServicesNow() -> impl IntoView {
    let lang = use_lang();
    let library = use_library();
    let guides = LocalResource::new(move || {
        // Only outside normal times: then the offers section links the catalogue instead.
        let current = library
            .get()
            .map(|l| (l.slug, l.scenario.scenario))
            .filter(|(_, s)| *s != Scenario::Normal);
        let lang = lang.get_untracked();
        async move {
            let (slug, scenario) = current?;
            api::guides(&slug, Some(scenario), lang, None)
                .await
                .ok()
                .map(|g| (scenario, g))
        }
    });
    move || {
        let l = lang.get();
        let (scenario, all) = guides.get().flatten()?;
        // In normal times the offers section links the catalogue instead.
        if all.is_empty() || scenario == Scenario::Normal {
            return None;
        }
        let heading = Guides::ServicesNowHeading;
        Some(view! {
            <section class="services-now" aria-labelledby="services-now-heading">
                <h2 id="services-now-heading">{heading.text(l)}</h2>
                <ul class="guide-list">
                    {all.into_iter().map(|g| {
                        let content_lang = g.language.code();
                        let text = g.variant(scenario).map(|v| v.text.html.clone()).unwrap_or(g.purpose.html.clone());
                        view! {
                            <li class="guide-card">
                                <h3><a href=guide_href(&g.id) lang=content_lang>{g.title.clone()}</a></h3>
                                <div class="markdown" lang=content_lang inner_html=text></div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p><a href=Page::Guides.href()>{Guides::Link.text(l)}</a></p>
            </section>
        })
    }
}
