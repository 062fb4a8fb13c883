//! The library this app serves the patron for, loaded once and shared by the header, the footer and
//! the home page. On an instance with several libraries the patron chooses theirs (remembered in
//! `localStorage`, not personal data), and the pages that act for one library (booking, a new
//! account, the home-delivery application) act for it.
//!
//! People who cannot use the web must still find the phone number, so every page shows it; it comes
//! from the API rather than from the code, so each library's own number appears.

use leptos::prelude::*;

use etakirjasto_shared::{Lang, Library, LibrarySummary};

use crate::api;
use crate::prefs::storage;

/// The slug of the library this instance presents first.
pub const HOME_LIBRARY: &str = "kalajoki";
const LIBRARY_KEY: &str = "etakirjasto.library";

/// The chosen library's details (`None` once loading has failed), and every library of the instance.
#[derive(Clone, Copy)]
pub struct LibraryInfo {
    info: LocalResource<Option<Library>>,
    chosen: RwSignal<String>,
    all: LocalResource<Vec<LibrarySummary>>,
}

impl LibraryInfo {
    /// Starts loading and provides the result through context.
    pub fn provide(lang: Lang) -> LibraryInfo {
        let remembered = storage()
            .and_then(|s| s.get_item(LIBRARY_KEY).ok().flatten())
            .filter(|s| etakirjasto_shared::validate::slug(s).is_ok())
            .unwrap_or_else(|| HOME_LIBRARY.to_owned());
        let chosen = RwSignal::new(remembered);
        let info = LibraryInfo {
            info: LocalResource::new(move || load(chosen.get(), lang)),
            chosen,
            all: LocalResource::new(move || async move {
                api::libraries(lang)
                    .await
                    .map(|p| p.items)
                    .unwrap_or_default()
            }),
        };
        // The library's colour for the header and buttons (checked for contrast by the server),
        // set through the CSS object model, which the Content-Security-Policy allows.
        Effect::new(move |_| {
            let color = info.get().and_then(|l| l.branding.brand_color);
            let root = leptos::prelude::document()
                .document_element()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(root) = root {
                let style = root.style();
                let _ = match color {
                    Some(c) => style.set_property("--brand", &c),
                    None => style.remove_property("--brand").map(|_| ()),
                };
            }
        });
        provide_context(info);
        info
    }

    /// The loaded library, tracked; `None` while loading or after a failure.
    pub fn get(self) -> Option<Library> {
        self.info.get().flatten()
    }

    /// The loaded library, untracked.
    pub fn get_untracked(self) -> Option<Library> {
        self.info.get_untracked().flatten()
    }

    /// The chosen library's slug (the loaded one's once loaded, as a choice may have fallen back).
    pub fn slug_untracked(self) -> String {
        self.get_untracked()
            .map_or_else(|| self.chosen.get_untracked(), |l| l.slug)
    }

    /// Every library of the instance, tracked (empty while loading).
    pub fn all(self) -> Vec<LibrarySummary> {
        self.all.get().unwrap_or_default()
    }

    /// Makes `slug` the patron's library and remembers it.
    pub fn choose(self, slug: String) {
        if let Some(s) = storage() {
            let _ = s.set_item(LIBRARY_KEY, &slug);
        }
        self.chosen.set(slug);
    }

    /// Loads the library again (after its scenario was switched, say).
    pub fn reload(self) {
        self.info.refetch();
    }

    /// True once loading has finished without a library, tracked.
    pub fn failed(self) -> bool {
        matches!(self.info.get(), Some(None))
    }
}

/// The chosen library, or the home library, or the first library the server lists.
async fn load(slug: String, lang: Lang) -> Option<Library> {
    if let Ok(library) = api::library(&slug, lang).await {
        return Some(library);
    }
    if let Ok(library) = api::library(HOME_LIBRARY, lang).await {
        return Some(library);
    }
    let first = api::libraries(lang).await.ok()?.items.into_iter().next()?;
    api::library(&first.slug, lang).await.ok()
}

/// The library from context.
pub fn use_library() -> LibraryInfo {
    expect_context::<LibraryInfo>()
}
