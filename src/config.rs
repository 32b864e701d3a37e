//! The project configuration file, `ntm.toml`: the defaults a province always uses, so a monthly
//! job is one short command.
//!
//! ```toml
//! criteria = "vn-commune-2021-2025"   # a built-in id or a YAML file
//! targets = "muc-tieu-2025.yaml"      # for progress and report
//! lang = "vi"                         # vi or en
//! by = "district"                     # district, province or a column: progress, report, trend
//!
//! [report]                             # the head and signature of `ntm report`
//! issuer = ["UBND TỈNH MẪU", "BAN CHỈ ĐẠO CÁC CTMTQG"]
//! place = "Thành phố Mẫu"
//! number = "125/BC-BCĐ"
//! signer = ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Nguyễn Văn A"]
//! browser = "C:/Program Files/Google/Chrome/Application/chrome.exe"   # prints -o x.pdf
//! ```
//!
//! `ntm` reads `ntm.toml` in the working folder, or the file named by `--config`. A flag on the
//! command line wins over the file, and the file over the built-in default. Relative paths in the
//! file are relative to the file's folder.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::aggregate::progress::By;
use crate::criteria::builtin;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// The name of the configuration file looked for in the working folder.
pub const FILE_NAME: &str = "ntm.toml";

/// Defaults from `ntm.toml`; every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// Criteria set: a built-in id, or a YAML file (resolved against the file's folder).
    pub criteria: Option<String>,
    /// Targets YAML for `progress` and `report` (resolved against the file's folder).
    pub targets: Option<String>,
    /// Language of labels.
    pub lang: Option<Lang>,
    /// What `progress`, `report` and `trend` group communes by: the district, the province
    /// as a whole, or a column of the survey.
    pub by: Option<By>,
    /// The head and signature of the report, as the issuing office writes them.
    pub report: ReportHead,
    /// The browser that prints the report to PDF (`browser` under `[report]`): a path
    /// (resolved against the file's folder) or a name looked for on `PATH`.
    pub browser: Option<String>,
}

/// What an office puts at the head and foot of the report it issues (`[report]` in `ntm.toml`).
/// Nothing is made up: without it, the report carries its date and title alone.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportHead {
    /// The issuing body, one line each, the body above it first (`UBND TỈNH MẪU`, `BAN CHỈ
    /// ĐẠO …`).
    pub issuer: Vec<String>,
    /// The place written before the date (`Thành phố Mẫu, ngày …`).
    pub place: Option<String>,
    /// The document's number (`125/BC-BCĐ`).
    pub number: Option<String>,
    /// The signature block, one line each: the capacity (`TM. BAN CHỈ ĐẠO`, `TRƯỞNG BAN`), then
    /// the name.
    pub signer: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    criteria: Option<String>,
    targets: Option<String>,
    lang: Option<RawLang>,
    by: Option<String>,
    report: Option<RawReport>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    issuer: Option<Lines>,
    place: Option<String>,
    number: Option<String>,
    signer: Option<Lines>,
    browser: Option<String>,
}

/// One line, or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Lines {
    One(String),
    Many(Vec<String>),
}

impl Lines {
    fn lines(self) -> Vec<String> {
        let lines = match self {
            Lines::One(line) => vec![line],
            Lines::Many(lines) => lines,
        };
        lines
            .into_iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum RawLang {
    Vi,
    En,
}

impl Config {
    /// The configuration in force: the file named by `--config` (which must exist), else
    /// `ntm.toml` in `dir` when there is one, else none.
    pub fn find(explicit: Option<&str>, dir: &Path) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::load(Path::new(path));
        }
        let path = dir.join(FILE_NAME);
        if path.is_file() {
            Config::load_as(&path, FILE_NAME)
        } else {
            Ok(Config::default())
        }
    }

    /// Reads and checks one configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        Config::load_as(path, &path.display().to_string())
    }

    /// Reads `path`, naming it `shown` in messages.
    fn load_as(path: &Path, shown: &str) -> Result<Config> {
        let shown = shown.to_owned();
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        Config::parse(&text, &shown, path.parent().unwrap_or(Path::new("")))
    }

    /// Parses configuration `text`, naming it `file` in errors; relative paths are taken
    /// relative to `dir`.
    pub fn parse(text: &str, file: &str, dir: &Path) -> Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            let line = err
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let message = err.message().trim_end();
            Error::usage(crate::msg::Msg::Config {
                file: file.to_owned(),
                line,
                message: message.to_owned(),
                hint: !message.contains("expected"),
            })
        })?;
        let relative = |p: String| -> String {
            let path = PathBuf::from(&p);
            if path.is_absolute() || dir.as_os_str().is_empty() {
                p
            } else {
                dir.join(path).to_string_lossy().into_owned()
            }
        };
        Ok(Config {
            criteria: raw.criteria.map(|c| {
                if builtin(&c).is_some() {
                    c
                } else {
                    relative(c)
                }
            }),
            targets: raw.targets.map(relative),
            lang: raw.lang.map(|l| match l {
                RawLang::Vi => Lang::Vi,
                RawLang::En => Lang::En,
            }),
            by: raw.by.as_deref().map(By::named),
            browser: raw
                .report
                .as_ref()
                .and_then(|r| r.browser.clone())
                .map(|b| {
                    if b.contains(['/', '\\']) {
                        relative(b)
                    } else {
                        b
                    }
                }),
            report: raw.report.map_or_else(ReportHead::default, |r| {
                let text =
                    |t: Option<String>| t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
                ReportHead {
                    issuer: r.issuer.map(Lines::lines).unwrap_or_default(),
                    place: text(r.place),
                    number: text(r.number),
                    signer: r.signer.map(Lines::lines).unwrap_or_default(),
                }
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_read_and_paths_follow_the_file() {
        let c = Config::parse(
            "criteria = \"tinh.yaml\"\ntargets = \"muc-tieu.yaml\"\nlang = \"en\"\nby = \"province\"\n",
            "cfg/ntm.toml",
            Path::new("cfg"),
        )
        .unwrap();
        assert_eq!(
            c,
            Config {
                criteria: Some(Path::new("cfg").join("tinh.yaml").to_string_lossy().into()),
                targets: Some(
                    Path::new("cfg")
                        .join("muc-tieu.yaml")
                        .to_string_lossy()
                        .into()
                ),
                lang: Some(Lang::En),
                by: Some(By::Province),
                report: ReportHead::default(),
                browser: None,
            }
        );
    }

    #[test]
    fn the_report_head_is_read_from_its_table() {
        let c = Config::parse(
            "[report]\nissuer = [\"UBND TỈNH MẪU\", \" BAN CHỈ ĐẠO \"]\nplace = \"Mẫu Sơn\"\nsigner = \"Nguyễn Văn A\"\n",
            "ntm.toml",
            Path::new(""),
        )
        .unwrap();
        assert_eq!(
            c.report,
            ReportHead {
                issuer: vec!["UBND TỈNH MẪU".into(), "BAN CHỈ ĐẠO".into()],
                place: Some("Mẫu Sơn".into()),
                number: None,
                signer: vec!["Nguyễn Văn A".into()],
            }
        );
        let err = Config::parse("[report]\nsigned = \"x\"\n", "ntm.toml", Path::new(""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("ntm.toml:2:"), "{err}");
        assert!(err.contains("unknown field `signed`"), "{err}");
    }

    #[test]
    fn the_browser_is_a_name_or_a_path_from_the_file() {
        let named = Config::parse(
            "[report]\nbrowser = \"msedge\"\n",
            "c/ntm.toml",
            Path::new("c"),
        );
        assert_eq!(named.unwrap().browser.as_deref(), Some("msedge"));
        let path = Config::parse(
            "[report]\nbrowser = \"bin/chrome\"\n",
            "c/ntm.toml",
            Path::new("c"),
        );
        assert_eq!(
            path.unwrap().browser,
            Some(Path::new("c").join("bin/chrome").to_string_lossy().into())
        );
    }

    #[test]
    fn a_built_in_id_is_not_taken_for_a_path() {
        let c = Config::parse(
            "criteria = \"vn-commune-2021-2025\"",
            "x/ntm.toml",
            Path::new("x"),
        )
        .unwrap();
        assert_eq!(c.criteria.as_deref(), Some("vn-commune-2021-2025"));
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        for (text, expect) in [
            ("lang = \"fr\"\n", "ntm.toml:1:"),
            ("criteria = \"a\"\nlanguage = \"vi\"\n", "ntm.toml:2:"),
            ("by = [\n", "ntm.toml:"),
        ] {
            let err = Config::parse(text, "ntm.toml", Path::new(""))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expect), "{text:?}: {err}");
            assert!(err.contains("expected"), "{err}");
        }
    }

    #[test]
    fn no_file_means_no_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Config::find(None, dir.path()).unwrap(), Config::default());
        assert!(Config::find(Some("/no/such/ntm.toml"), dir.path()).is_err());
    }
}
