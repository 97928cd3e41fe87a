//! The reader's preferences: language and the 关怀版 (large text, high contrast) theme.
//!
//! Both are remembered in localStorage across visits; `?lang=zh|en` and `?theme=normal|care` on
//! any URL override (and replace) the remembered choice, so links and tests can set them.

use cc_core::i18n::Lang;
use cc_core::UnknownName;
use leptos::prelude::*;
use std::str::FromStr;

/// The visual theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Normal,
    /// 关怀版: larger text, stronger contrast, bigger targets (适老化).
    Care,
}

impl Theme {
    /// The value used in `?theme=` and storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Normal => "normal",
            Theme::Care => "care",
        }
    }
}

/// Reads `normal` or `care`.
impl FromStr for Theme {
    type Err = UnknownName;

    fn from_str(text: &str) -> Result<Self, UnknownName> {
        match text.trim() {
            "normal" => Ok(Theme::Normal),
            "care" => Ok(Theme::Care),
            _ => Err(UnknownName),
        }
    }
}

/// Reads `lang` and `theme` from a query string such as `?lang=en&theme=care`.
pub fn overrides_from_query(search: &str) -> (Option<Lang>, Option<Theme>) {
    let mut lang = None;
    let mut theme = None;
    for pair in search.trim_start_matches('?').split('&') {
        match pair.split_once('=') {
            Some(("lang", v)) => lang = v.parse().ok().or(lang),
            Some(("theme", v)) => theme = v.parse().ok().or(theme),
            _ => {}
        }
    }
    (lang, theme)
}

const LANG_KEY: &str = "cc.lang";
const THEME_KEY: &str = "cc.theme";

/// The preferences shared by every page, provided by the app root.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Prefs {
    /// Reads the URL overrides, then the remembered choices, then the defaults; and starts the
    /// effects that remember changes and push them onto `<html>`.
    pub fn init() -> Self {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let (url_lang, url_theme) = overrides_from_query(&search);
        let stored = |key| storage().and_then(|s| s.get_item(key).ok().flatten());
        let lang = url_lang
            .or_else(|| stored(LANG_KEY).and_then(|v| v.parse().ok()))
            .unwrap_or_default();
        let theme = url_theme
            .or_else(|| stored(THEME_KEY).and_then(|v| v.parse().ok()))
            .unwrap_or_default();
        let prefs = Prefs {
            lang: RwSignal::new(lang),
            theme: RwSignal::new(theme),
        };

        // Effects only push state out: to storage and to the <html> element.
        Effect::new(move |_| {
            let lang = prefs.lang.get();
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, lang.as_str());
            }
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.tag());
            }
        });
        Effect::new(move |_| {
            let theme = prefs.theme.get();
            if let Some(s) = storage() {
                let _ = s.set_item(THEME_KEY, theme.as_str());
            }
            if let Some(html) = document().document_element() {
                let _ = html
                    .class_list()
                    .toggle_with_force("cc-care", theme == Theme::Care);
            }
        });
        prefs
    }
}

/// The current language (reactive).
pub fn use_lang() -> Signal<Lang> {
    let prefs = expect_context::<Prefs>();
    prefs.lang.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_overrides() {
        assert_eq!(
            overrides_from_query("?lang=en&theme=care"),
            (Some(Lang::En), Some(Theme::Care))
        );
        assert_eq!(
            overrides_from_query("?station=1119A&lang=zh"),
            (Some(Lang::Zh), None)
        );
        assert_eq!(overrides_from_query("?lang=fr&theme=dark"), (None, None));
        assert_eq!(overrides_from_query(""), (None, None));
    }
}
