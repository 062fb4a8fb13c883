//! The reader's preferences: language and text size.
//!
//! Both are remembered in `localStorage` (they are not personal data and should survive a restart of
//! the browser) and applied to the `<html>` element: `lang` so screen readers pronounce the page in
//! the right language, and the root `font-size` so every `rem` in the style sheet grows with it.

use leptos::prelude::*;
use web_sys::Storage;

use etakirjasto_shared::Lang;

use crate::i18n::{Text, Ui};

const LANG_KEY: &str = "etakirjasto.lang";
const SIZE_KEY: &str = "etakirjasto.text-size";

/// How large the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextSize {
    /// The browser's own size (100 %).
    #[default]
    Normal,
    /// 125 %.
    Large,
    /// 150 %.
    Largest,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [TextSize; 3] = [TextSize::Normal, TextSize::Large, TextSize::Largest];

    /// The root font size, relative to the browser's setting so a reader's own enlargement still counts.
    pub fn root_font_size(self) -> &'static str {
        match self {
            TextSize::Normal => "100%",
            TextSize::Large => "125%",
            TextSize::Largest => "150%",
        }
    }

    /// The name stored in `localStorage`.
    pub fn key(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    fn from_key(key: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The button label.
    pub fn label(self) -> Ui {
        match self {
            TextSize::Normal => Ui::SizeNormal,
            TextSize::Large => Ui::SizeLarge,
            TextSize::Largest => Ui::SizeLargest,
        }
    }
}

/// The preferences, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Prefs {
    /// The UI language.
    pub lang: RwSignal<Lang>,
    /// The text size.
    pub size: RwSignal<TextSize>,
}

impl Prefs {
    /// Reads the remembered choices, keeps them in sync with `<html>` and storage, and provides them.
    pub fn provide() -> Prefs {
        let stored = |key| storage().and_then(|s| s.get_item(key).ok().flatten());
        let lang = stored(LANG_KEY)
            .and_then(|t| Lang::from_tag(&t))
            .unwrap_or_default();
        let size = stored(SIZE_KEY)
            .and_then(|k| TextSize::from_key(&k))
            .unwrap_or_default();
        let prefs = Prefs {
            lang: RwSignal::new(lang),
            size: RwSignal::new(size),
        };

        Effect::new(move || {
            let lang = prefs.lang.get();
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, lang.code());
            }
        });
        Effect::new(move || {
            let size = prefs.size.get();
            if let Some(html) = document().document_element() {
                // An attribute the style sheet reads, not an inline style: the Content-Security-Policy
                // allows no inline styles.
                let _ = html.set_attribute("data-text-size", size.key());
            }
            if let Some(s) = storage() {
                let _ = s.set_item(SIZE_KEY, size.key());
            }
        });
        provide_context(prefs);
        prefs
    }
}

/// The preferences from context.
pub fn use_prefs() -> Prefs {
    expect_context::<Prefs>()
}

/// The current language, tracked.
pub fn use_lang() -> Signal<Lang> {
    let prefs = use_prefs();
    Signal::derive(move || prefs.lang.get())
}

/// A reactive text in the current language, for use in views and attributes.
pub fn tr<T: Text>(key: T) -> impl Fn() -> &'static str + Copy + 'static {
    let lang = use_prefs().lang;
    move || key.text(lang.get())
}

/// Sets the page `<title>` to "<page> – Etäkirjasto" in the current language, and keeps it so.
pub fn use_title<T: Text>(key: T) {
    let lang = use_prefs().lang;
    Effect::new(move || {
        document().set_title(&format!(
            "{} – {}",
            key.text(lang.get()),
            crate::i18n::PRODUCT_NAME
        ));
    });
}

/// `localStorage`, when the browser allows it (private modes and strict settings may not).
pub fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}
