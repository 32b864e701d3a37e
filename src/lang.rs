//! Languages of user-facing labels and the bilingual text type the criteria sets use.

use serde::{Deserialize, Serialize};

/// The environment variable that chooses the language when `--lang` does not.
pub const ENV_VAR: &str = "NTM_LANG";

/// The language of human-facing labels (`--lang vi|en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Vietnamese (tiếng Việt), the default for reports.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// `vi` or `en`, in any case, as `--lang`, `NTM_LANG` and `ntm.toml` write it.
    #[must_use]
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a run speaks, in its help, messages and labels: `--lang`, else the
    /// `NTM_LANG` environment variable, else `lang` in `ntm.toml`, else Vietnamese.
    #[must_use]
    pub fn chosen(flag: Option<Lang>, env_var: Option<Lang>, config: Option<Lang>) -> Lang {
        flag.or(env_var).or(config).unwrap_or_default()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_over_the_variable_and_the_file() {
        assert_eq!(Lang::chosen(None, None, None), Lang::Vi);
        assert_eq!(Lang::chosen(None, None, Some(Lang::En)), Lang::En);
        assert_eq!(Lang::chosen(None, Some(Lang::En), Some(Lang::Vi)), Lang::En);
        assert_eq!(
            Lang::chosen(Some(Lang::Vi), Some(Lang::En), Some(Lang::En)),
            Lang::Vi
        );
    }
}
