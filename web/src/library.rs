//! The library this app serves, loaded once and shared by the header, the footer and the home page.
//!
//! People who cannot use the web must still find the phone number, so every page shows it; it comes
//! from the API rather than from the code, so each library's own number appears.

use leptos::prelude::*;

use etakirjasto_shared::{Lang, Library};

use crate::api;

/// The slug of the library this instance presents first.
pub const HOME_LIBRARY: &str = "kalajoki";

/// The library's details, or `None` once loading has failed.
#[derive(Clone, Copy)]
pub struct LibraryInfo(pub LocalResource<Option<Library>>);

impl LibraryInfo {
    /// Starts loading and provides the result through context.
    pub fn provide(lang: Lang) -> LibraryInfo {
        let info = LibraryInfo(LocalResource::new(move || load(lang)));
        provide_context(info);
        info
    }

    /// The loaded library, tracked; `None` while loading or after a failure.
    pub fn get(self) -> Option<Library> {
        self.0.get().flatten()
    }

    /// The loaded library, untracked.
    pub fn get_untracked(self) -> Option<Library> {
        self.0.get_untracked().flatten()
    }

    /// Loads the library again (after its scenario was switched, say).
    pub fn reload(self) {
        self.0.refetch();
    }

    /// True once loading has finished without a library, tracked.
    pub fn failed(self) -> bool {
        matches!(self.0.get(), Some(None))
    }
}

/// The home library, or the first library the server lists when this instance does not have it.
async fn load(lang: Lang) -> Option<Library> {
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
