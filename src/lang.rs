//! Languages of user-facing labels and the bilingual text type the criteria sets use.

use serde::{Deserialize, Serialize};

/// The language of human-facing labels (`--lang vi|en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese (tiếng Việt), the default for reports.
    #[default]
    Vi,
    /// English.
    En,
}

/// A label given in Vietnamese and in English, as every name in a criteria set is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Vietnamese label.
    pub vi: String,
    /// The English label.
    pub en: String,
}

impl Text {
    /// The label in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}
