//! The criteria model: a versioned national (or provincial) criteria set (bộ tiêu chí), its
//! tiers, criteria (tiêu chí), indicators (chỉ tiêu) and thresholds, each threshold with its
//! legal source.
//!
//! Sets are data: they are read from YAML (`raw`), validated into these types (`check`), and
//! the built-in ones are embedded in the binary (`builtin`). No threshold lives in Rust code.

mod builtin;
mod check;
pub mod diff;
mod export;
mod overlay;
mod per_tier;
mod raw;
mod verdict;

use std::collections::HashMap;
use std::fmt;

pub use builtin::{BUILTIN_SETS, BuiltinSet, builtin, default_builtin, for_year};
pub use export::to_yaml;
pub use per_tier::PerTier;
pub use verdict::Verdict;

use crate::error::{Error, Location, Problem, Result};
use crate::lang::Text;
use crate::text::{extension_is, fold};

/// Column headers with a fixed meaning in every set; indicator ids may not take them.
pub const RESERVED_COLUMNS: &[&str] = &[
    "commune_id",
    "commune",
    "district",
    "province",
    "year",
    "period",
    "month",
    "hamlets",
    "hamlets_standard",
    "hamlets_model",
    "outstanding_field",
    "recognised",
    "recognised_year",
];

/// Which criteria set a command uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetChoice {
    /// A built-in set id or a YAML file, named with `--criteria` or in `ntm.toml`.
    Named(String),
    /// None named: the built-in set of the programme year a survey's rows name, else the
    /// newest set in force on `today`.
    Default {
        /// Today's date, for a survey that names no year.
        today: Date,
    },
}

impl SetChoice {
    /// The file the set is read from, when it is one (to keep `-o` from replacing it).
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        match self {
            SetChoice::Named(name) if builtin(name).is_none() => Some(name),
            _ => None,
        }
    }

    /// The set, when no survey says which year it is for: the one named, else the newest in
    /// force today.
    pub fn load(&self) -> Result<CriteriaSet> {
        match self {
            SetChoice::Named(name) => CriteriaSet::load(name),
            SetChoice::Default { today } => {
                let set = default_builtin(*today);
                set.load()
            }
        }
    }
}

/// A validated criteria set, ready for scoring.
#[derive(Debug, Clone, PartialEq)]
pub struct CriteriaSet {
    /// Stable identifier, e.g. `vn-commune-2021-2025`.
    pub id: String,
    /// Title in Vietnamese and English.
    pub title: Text,
    /// The legal acts the set comes from, the issuing decision first, then amendments.
    pub legal_basis: Vec<LegalAct>,
    /// The programme period the set belongs to.
    pub period: Period,
    /// When the set is in force.
    pub in_force: InForce,
    /// Free-text remarks on the set as a whole.
    pub note: Option<String>,
    /// The commune attribute thresholds vary by (region, commune group).
    pub classification: Classification,
    /// The score bands that reports count communes in.
    pub bands: Vec<Band>,
    /// The tiers, lowest first; the first is the base (standard) tier whose criteria are counted.
    pub tiers: Vec<Tier>,
    /// The indicator data columns, one per distinct indicator id across all tiers; an
    /// indicator that appears in several tiers is one column checked against each threshold.
    pub columns: Vec<String>,
    /// The set a provincial overlay builds on (`extends:`), when it is one: a built-in id or
    /// the base file as named. What the overlay gives is marked provincial.
    pub extends: Option<String>,
}

/// A decision (quyết định) the set is based on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalAct {
    /// Its number, e.g. `318/QĐ-TTg`.
    pub decision: String,
    /// The signing date.
    pub date: Date,
    /// Its title.
    pub title: Text,
    /// What it does for this set (e.g. which indicators an amendment changed).
    pub note: Option<String>,
}

/// A programme period, in whole years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First year.
    pub from: u16,
    /// Last year.
    pub to: u16,
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.from, self.to)
    }
}

/// The dates a set is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    /// First day in force.
    pub from: Date,
    /// Last day in force, when superseded.
    pub until: Option<Date>,
}

impl InForce {
    /// Whether the set is in force on `day`.
    #[must_use]
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day <= until)
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let days_in_month = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if date.year.is_multiple_of(4)
                && (!date.year.is_multiple_of(100) || date.year.is_multiple_of(400)) =>
            {
                29
            }
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&date.day).then_some(date)
    }
}

impl fmt::Display for Date {
    /// Dates are written the Vietnamese way, `dd/mm/yyyy`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// The commune attribute thresholds vary by: the socio-economic region (vùng) in 2016–2025,
/// the commune group (nhóm xã) from 2026.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The CSV column that holds it, e.g. `region`.
    pub column: String,
    /// What it is called.
    pub name: Text,
    /// The classes, in the order the legal text lists them.
    pub classes: Vec<Class>,
    /// Rules that make a commune use another class's thresholds.
    pub overrides: Vec<Override>,
    /// Every folded spelling of every class, computed once when the set is loaded.
    pub(crate) folded: HashMap<String, ClassId>,
}

impl Classification {
    /// The class codes, in order.
    pub(crate) fn codes(&self) -> Vec<String> {
        self.classes.iter().map(|c| c.code.clone()).collect()
    }

    /// The folded spellings of `classes`, for [`Classification::resolve`].
    pub(crate) fn fold_keys(classes: &[Class]) -> HashMap<String, ClassId> {
        classes
            .iter()
            .enumerate()
            .flat_map(|(i, class)| class.keys().map(move |k| (k, ClassId(i))))
            .collect()
    }

    /// The class that `value` names: its code, its name or an alias, compared without regard
    /// to case, diacritics or separators.
    #[must_use]
    pub fn resolve(&self, value: &str) -> Option<ClassId> {
        // A code written as the set writes it, as nearly every cell is, needs no folded key.
        // No two classes share a folded spelling (validation sees to it), so this is the class
        // the key would give.
        if let Some(i) = self.classes.iter().position(|class| class.code == value) {
            return Some(ClassId(i));
        }
        self.folded.get(&fold(value)).copied()
    }

    /// The class with index `id`.
    #[must_use]
    pub fn class(&self, id: ClassId) -> &Class {
        &self.classes[id.0]
    }
}

/// One region or commune group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    /// Its code, e.g. `TDMNPB` or `1`.
    pub code: String,
    /// Its full name.
    pub name: Text,
    /// Other spellings accepted in data, e.g. `ĐBSH`.
    pub aliases: Vec<String>,
}

impl Class {
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        [
            self.code.as_str(),
            self.name.vi.as_str(),
            self.name.en.as_str(),
        ]
        .into_iter()
        .chain(self.aliases.iter().map(String::as_str))
        .map(fold)
    }
}

/// An index into [`Classification::classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClassId(pub usize);

/// A rule that makes communes flagged in a yes/no column use the thresholds of another class,
/// e.g. specially difficult communes using the Northern Midlands and Mountains thresholds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// The yes/no CSV column that flags a commune.
    pub column: String,
    /// What the flag means.
    pub name: Text,
    /// The class whose thresholds flagged communes use.
    pub class: ClassId,
    /// The legal source of the rule.
    pub source: String,
}

/// A band of communes by the number of criteria met, e.g. `15-18`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// The label reports use.
    pub label: String,
    /// Fewest criteria met in the band.
    pub min: u32,
    /// Most criteria met in the band.
    pub max: u32,
}

/// A tier: a named set of criteria on top of the tier below it (standard, advanced, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    /// Identifier used in output, e.g. `standard`.
    pub id: String,
    /// Name, e.g. `Đạt chuẩn nông thôn mới`.
    pub name: Text,
    /// The legal source of the tier.
    pub source: String,
    /// The prefix of verdict-only columns for its criteria: `TC` gives `TC1` … `TC19`.
    pub verdict_prefix: String,
    /// Its criteria.
    pub criteria: Vec<Criterion>,
    /// What recognition by decision needs beyond the criteria, each required only where a
    /// survey has its column.
    pub conditions: Vec<Condition>,
}

/// A condition of recognition by decision beyond the criteria (QĐ 18/2022/QĐ-TTg, Article 4: no
/// outstanding construction debt of the programme, residents' satisfaction, no complex security
/// situation), given by a yes/no survey column. A tier requires it only when the survey has the
/// column: without it, a tier means "meets the criteria", not "recognised".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Condition {
    /// The survey column that says whether the commune meets it.
    pub column: String,
    /// Other headers offices write for the column, each saying the condition is met when the
    /// cell says yes (`Không nợ đọng XDCB`); its name in either language is one too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<String>,
    /// What it asks.
    pub name: Text,
    /// Its legal source.
    pub source: String,
    /// Whether it was checked against the legal text.
    pub verified: bool,
}

impl Tier {
    /// The tier as messages name it (see [`crate::msg::TierName`]).
    #[must_use]
    pub fn message_name(&self) -> crate::msg::TierName {
        crate::msg::TierName::named(&self.id, &self.name.vi)
    }

    /// The verdict column of criterion `number` in survey files: `TC19`, `NC5`.
    #[must_use]
    pub fn verdict_column(&self, number: u32) -> String {
        format!("{}{number}", self.verdict_prefix)
    }
}

/// A criterion (tiêu chí): met when all of its indicators are met.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// Its number in the legal text.
    pub number: u32,
    /// Its name.
    pub name: Text,
    /// The provincial department usually responsible for it (before the first of
    /// `owner_changes`).
    pub owner: Text,
    /// Later departments, from a survey year on, ascending: a reorganisation of the provincial
    /// departments (Decree 45/2025/NĐ-CP) moves a criterion to a department of another name.
    pub owner_changes: Vec<OwnerChange>,
    /// Remarks, e.g. on what could not be verified.
    pub note: Option<String>,
    /// Whether `indicators` lists every indicator of the criterion. When it does not, indicator
    /// data can show the criterion unmet but never met: only a verdict column can.
    pub indicators_complete: bool,
    /// Its indicators; empty when the set records the criterion by verdict only.
    pub indicators: Vec<Indicator>,
    /// The source of a provincial criterion an overlay adds; `None` for a national one.
    pub provincial: Option<String>,
    /// The source of a provincial overlay's assignment of `owner`; `None` when the owner is
    /// the base set's.
    pub owner_source: Option<String>,
}

impl Criterion {
    /// The department responsible in survey year `year`; with no year, the latest.
    #[must_use]
    pub fn owner_in(&self, year: Option<u16>) -> &Text {
        self.owner_changes
            .iter()
            .rev()
            .find(|change| year.is_none_or(|y| change.from <= y))
            .map_or(&self.owner, |change| &change.owner)
    }
}

/// A criterion's move to another department from a survey year on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OwnerChange {
    /// The first survey year of the new department.
    pub from: u16,
    /// The department.
    pub owner: Text,
    /// The legal source of the move.
    pub source: String,
}

/// An indicator (chỉ tiêu).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// Its id as numbered in the legal text (`2.1`, `10`, `17.8`); also its CSV column header.
    pub id: String,
    /// Its index in [`CriteriaSet::columns`].
    pub column: usize,
    /// Its name.
    pub name: Text,
    /// What is measured and how it is judged.
    pub measure: Measure,
    /// The legal source of the indicator's wording and number.
    pub source: Option<String>,
    /// Whether its number and wording were checked against the legal text.
    pub verified: bool,
    /// Remarks.
    pub note: Option<String>,
    /// Whether a provincial overlay added it.
    pub provincial: bool,
    /// The survey years this version applies to, when an amendment changed the indicator: one
    /// id then has several versions, one per span of years, and a survey's year picks one.
    pub years: Option<YearSpan>,
}

impl Indicator {
    /// Whether this version of the indicator applies to a survey of `year`. An undated
    /// indicator applies to every year; a dated one only to its years.
    #[must_use]
    pub fn applies(&self, year: Option<u16>) -> bool {
        match (self.years, year) {
            (None, _) => true,
            (Some(span), Some(year)) => span.contains(year),
            (Some(_), None) => false,
        }
    }
}

/// Survey years, both ends included; an end `None` is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSpan {
    /// First year.
    pub from: Option<u16>,
    /// Last year.
    pub to: Option<u16>,
}

impl YearSpan {
    /// Whether `year` lies in the span.
    #[must_use]
    pub fn contains(self, year: u16) -> bool {
        self.from.is_none_or(|f| f <= year) && self.to.is_none_or(|t| year <= t)
    }

    /// Whether two spans share a year.
    #[must_use]
    pub fn overlaps(self, other: YearSpan) -> bool {
        self.from.unwrap_or(0).max(other.from.unwrap_or(0))
            <= self
                .to
                .unwrap_or(u16::MAX)
                .min(other.to.unwrap_or(u16::MAX))
    }
}

impl fmt::Display for YearSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(from), Some(to)) => write!(f, "{from}–{to}"),
            (Some(from), None) => write!(f, "{from}–"),
            (None, Some(to)) => write!(f, "–{to}"),
            (None, None) => Ok(()),
        }
    }
}

/// What an indicator measures and how a value is judged.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    /// A yes/no fact, met when yes (Đạt, Có).
    YesNo,
    /// A measured quantity compared with a threshold.
    Quantity(Quantity),
}

/// A measured quantity and its threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// A percentage or a plain number.
    pub kind: QuantityKind,
    /// Unit, e.g. `triệu đồng/người/năm`.
    pub unit: Option<String>,
    /// How a value is compared with the threshold.
    pub comparison: Comparison,
    /// The threshold and its legal source.
    pub threshold: Threshold,
    /// The rule the threshold is derived by from a lower tier's (`relative_to`), while its
    /// levels are exactly what the rule gives; an overlay that changes the lower tier's levels
    /// derives these again.
    pub derived: Option<Derivation>,
}

/// A threshold defined as a multiple of a lower tier's threshold of the same commune (the
/// model commune's income is 110 % of the advanced level of its region and year).
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    /// The lower tier's id.
    pub tier: String,
    /// The indicator of that tier.
    pub indicator: String,
    /// The multiple.
    pub factor: f64,
    /// The legal source of the rule.
    pub source: String,
    /// Whether the rule was checked against the legal text.
    pub verified: bool,
}

/// The kind of a measured quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantityKind {
    /// A percentage, 0–100, written with or without `%`.
    Percent,
    /// Any other number.
    Number,
}

/// How a value is compared with its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// Met when the value is at least the threshold (`>=`).
    AtLeast,
    /// Met when the value is at most the threshold (`<=`).
    AtMost,
    /// Met when the value equals the threshold (`==`).
    Equal,
}

impl Comparison {
    /// Whether `value` meets `threshold`. Equality allows for the rounding of decimal input.
    #[must_use]
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        let tolerance = 1e-9 * threshold.abs().max(1.0);
        match self {
            Comparison::AtLeast => value >= threshold - tolerance,
            Comparison::AtMost => value <= threshold + tolerance,
            Comparison::Equal => (value - threshold).abs() <= tolerance,
        }
    }

    /// The symbol used in the YAML and in reports.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => ">=",
            Comparison::AtMost => "<=",
            Comparison::Equal => "==",
        }
    }
}

/// A threshold: one level, one per class, or one (or one per class) per year.
#[derive(Debug, Clone, PartialEq)]
pub enum Threshold {
    /// The same level everywhere.
    Single(Level),
    /// One level per class, indexed by [`ClassId`].
    ByClass(Vec<Level>),
    /// Levels per year, ascending by year.
    ByYear(Vec<(u16, YearLevels)>),
}

/// The levels that apply in one year.
#[derive(Debug, Clone, PartialEq)]
pub enum YearLevels {
    /// The same level everywhere.
    Single(Level),
    /// One level per class.
    ByClass(Vec<Level>),
}

/// One threshold value with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// The value, or `None` where the legal value is not known to this set.
    pub amount: Option<f64>,
    /// The legal source (decision, appendix, indicator).
    pub source: String,
    /// Whether the value was checked against the legal text or a text reproducing it.
    pub verified: bool,
    /// Remarks, e.g. where the value was read and what is doubtful about it.
    pub note: Option<String>,
    /// Whether a provincial overlay gave the value (else it is the national set's, or the base
    /// set's).
    pub provincial: bool,
}

/// Why no level applies to a commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelLookup {
    /// The threshold varies by class and the commune has none.
    NeedsClass,
    /// The threshold varies by year and the commune has none.
    NeedsYear,
    /// The threshold has no values for the commune's year.
    YearOutOfRange {
        /// First year with values.
        first: u16,
        /// Last year with values.
        last: u16,
    },
}

impl Threshold {
    /// The level that applies to a commune of `class` assessed in `year`.
    pub fn level(&self, class: Option<ClassId>, year: Option<u16>) -> Result<&Level, LevelLookup> {
        fn by_class(levels: &[Level], class: Option<ClassId>) -> Result<&Level, LevelLookup> {
            class.map(|c| &levels[c.0]).ok_or(LevelLookup::NeedsClass)
        }
        match self {
            Threshold::Single(level) => Ok(level),
            Threshold::ByClass(levels) => by_class(levels, class),
            Threshold::ByYear(years) => {
                let year = year.ok_or(LevelLookup::NeedsYear)?;
                let (_, levels) =
                    years
                        .iter()
                        .find(|(y, _)| *y == year)
                        .ok_or(LevelLookup::YearOutOfRange {
                            first: years[0].0,
                            last: years[years.len() - 1].0,
                        })?;
                match levels {
                    YearLevels::Single(level) => Ok(level),
                    YearLevels::ByClass(levels) => by_class(levels, class),
                }
            }
        }
    }

    /// This threshold multiplied by `factor`, as a rule of another tier defines it (the model
    /// commune's income is 110% of the advanced level). Each level keeps its provenance in its
    /// note; it is verified only when the rule and the base value both are.
    #[must_use]
    pub fn scaled(&self, factor: f64, source: &str, verified: bool, base: &str) -> Threshold {
        let scale = |level: &Level| Level {
            // to a millionth, so that 110% of 45 is 49.5 and not 49.50000000000001 in every
            // listing (levels are given to a few decimals at most)
            amount: level.amount.map(|a| (a * factor * 1e6).round() / 1e6),
            source: source.to_owned(),
            verified: verified && level.verified,
            provincial: level.provincial,
            note: Some(format!(
                "{}% of the {base}{} ({})",
                (factor * 100.0 * 1e6).round() / 1e6,
                level
                    .amount
                    .map_or_else(|| ", not known".to_owned(), |a| format!(", {a}")),
                level.source
            )),
        };
        let scale_all = |levels: &[Level]| levels.iter().map(scale).collect();
        match self {
            Threshold::Single(level) => Threshold::Single(scale(level)),
            Threshold::ByClass(levels) => Threshold::ByClass(scale_all(levels)),
            Threshold::ByYear(years) => Threshold::ByYear(
                years
                    .iter()
                    .map(|(year, levels)| {
                        let levels = match levels {
                            YearLevels::Single(level) => YearLevels::Single(scale(level)),
                            YearLevels::ByClass(levels) => YearLevels::ByClass(scale_all(levels)),
                        };
                        (*year, levels)
                    })
                    .collect(),
            ),
        }
    }

    /// Whether the threshold differs by class.
    #[must_use]
    pub fn varies_by_class(&self) -> bool {
        match self {
            Threshold::Single(_) => false,
            Threshold::ByClass(_) => true,
            Threshold::ByYear(years) => years
                .iter()
                .any(|(_, levels)| matches!(levels, YearLevels::ByClass(_))),
        }
    }

    /// Every level, each with the year and class it applies to.
    #[must_use]
    pub fn levels(&self) -> Vec<(Option<u16>, Option<ClassId>, &Level)> {
        fn push_class<'l>(
            year: Option<u16>,
            levels: &'l [Level],
            out: &mut Vec<(Option<u16>, Option<ClassId>, &'l Level)>,
        ) {
            for (i, level) in levels.iter().enumerate() {
                out.push((year, Some(ClassId(i)), level));
            }
        }
        let mut out = Vec::new();
        match self {
            Threshold::Single(level) => out.push((None, None, level)),
            Threshold::ByClass(levels) => push_class(None, levels, &mut out),
            Threshold::ByYear(years) => {
                for (year, levels) in years {
                    match levels {
                        YearLevels::Single(level) => out.push((Some(*year), None, level)),
                        YearLevels::ByClass(levels) => push_class(Some(*year), levels, &mut out),
                    }
                }
            }
        }
        out
    }
}

impl CriteriaSet {
    /// Parses and validates a criteria set from YAML text; `origin` names it in errors.
    /// A file with an `extends:` key is a provincial overlay, loaded on top of its base (a
    /// built-in id, or a path relative to the file).
    pub fn from_yaml(yaml: &str, origin: &str) -> Result<CriteriaSet> {
        CriteriaSet::from_yaml_at(yaml, origin, 0)
    }

    /// [`CriteriaSet::from_yaml`] for a set `depth` overlays down.
    fn from_yaml_at(yaml: &str, origin: &str, depth: u32) -> Result<CriteriaSet> {
        // A whole set is read in one pass (the built-in sets are read at every start); only a
        // file that is not one is probed for `extends`, so that an overlay is read as one and
        // any other file keeps the whole set's error.
        match crate::yaml::parse::<raw::RawSet>(yaml, origin, crate::msg::YamlKind::Set) {
            Ok(raw) => check::validate(raw, origin),
            Err(err) => {
                let probe: raw::RawProbe =
                    crate::yaml::parse(yaml, origin, crate::msg::YamlKind::Set)?;
                if probe.extends.is_some() {
                    overlay::load(yaml, origin, depth)
                } else {
                    Err(err)
                }
            }
        }
    }

    /// Loads a set given as a built-in id or a path to a YAML file. A name that is neither a
    /// built-in id nor an existing file is an error listing the built-in ids.
    pub fn load(name: &str) -> Result<CriteriaSet> {
        if let Some(set) = builtin(name) {
            return set.load();
        }
        let path = std::path::Path::new(name);
        if !path.exists() && !extension_is(name, "yaml") && !extension_is(name, "yml") {
            return Err(Error::usage(crate::msg::Msg::UnknownSet {
                name: name.to_owned(),
                ids: BUILTIN_SETS.iter().map(|s| s.id.to_owned()).collect(),
            }));
        }
        let yaml = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: name.to_owned(),
            source,
        })?;
        CriteriaSet::from_yaml(&yaml, name)
    }

    /// The verdict-column prefixes of the tiers (`TC`, `NC` …), base tier first.
    #[must_use]
    pub fn verdict_prefixes(&self) -> Vec<&str> {
        self.tiers
            .iter()
            .map(|t| t.verdict_prefix.as_str())
            .collect()
    }

    /// Every recognition condition, tier after tier, with its tier's index: the order of
    /// [`crate::survey::Commune::conditions`].
    pub fn conditions(&self) -> impl Iterator<Item = (usize, &Condition)> {
        self.tiers
            .iter()
            .enumerate()
            .flat_map(|(t, tier)| tier.conditions.iter().map(move |c| (t, c)))
    }

    /// The recognition condition whose column `header` names — by the column's own name, the
    /// condition's name in either language, or one of its other headers, compared folded
    /// (without case or diacritics, as every header is) — as its column.
    #[must_use]
    pub fn condition_column(&self, header: &str) -> Option<&str> {
        let key = crate::text::fold(header);
        self.conditions()
            .find(|(_, c)| {
                [c.column.as_str(), &c.name.vi, &c.name.en]
                    .into_iter()
                    .chain(c.headers.iter().map(String::as_str))
                    .any(|h| crate::text::fold(h) == key)
            })
            .map(|(_, c)| c.column.as_str())
    }

    /// Whether a survey column headed `header` means something to this set: an indicator, a
    /// verdict column, the classification column, an override column or a recognition
    /// condition.
    #[must_use]
    pub fn uses_column(&self, header: &str) -> bool {
        self.columns.iter().any(|c| c == header)
            || self.conditions().any(|(_, c)| c.column == header)
            || self.classification.column == header
            || self
                .classification
                .overrides
                .iter()
                .any(|o| o.column == header)
            || self.tiers.iter().any(|tier| {
                header
                    .strip_prefix(tier.verdict_prefix.as_str())
                    .and_then(|n| n.parse::<u32>().ok())
                    .is_some_and(|n| tier.criteria.iter().any(|c| c.number == n))
            })
    }

    /// The base tier, whose criteria are counted (`criteria_met`, bands).
    #[must_use]
    pub fn base(&self) -> &Tier {
        &self.tiers[0]
    }

    /// The band a commune meeting `met` base criteria falls in.
    #[must_use]
    pub fn band(&self, met: u32) -> &Band {
        self.bands
            .iter()
            .find(|band| (band.min..=band.max).contains(&met))
            .expect("validation ensures the bands cover every count")
    }

    /// Every indicator of every tier, with the tier and criterion it belongs to.
    pub fn indicators(&self) -> impl Iterator<Item = (&Tier, &Criterion, &Indicator)> {
        self.tiers.iter().flat_map(|tier| {
            tier.criteria.iter().flat_map(move |criterion| {
                criterion
                    .indicators
                    .iter()
                    .map(move |indicator| (tier, criterion, indicator))
            })
        })
    }

    /// Every threshold level not verified against the legal text, with where it applies.
    #[must_use]
    pub fn unverified(&self) -> Vec<UnverifiedLevel<'_>> {
        let mut out = Vec::new();
        for (tier, criterion, indicator) in self.indicators() {
            if let Measure::Quantity(quantity) = &indicator.measure {
                for (year, class, level) in quantity.threshold.levels() {
                    if !level.verified {
                        out.push(UnverifiedLevel {
                            tier,
                            criterion,
                            indicator,
                            year,
                            class: class.map(|c| self.classification.class(c)),
                            level,
                        });
                    }
                }
            }
        }
        out
    }
}

/// A threshold level that is not verified, as listed by `ntm criteria show`.
#[derive(Debug, Clone, Copy)]
pub struct UnverifiedLevel<'a> {
    /// The tier.
    pub tier: &'a Tier,
    /// The criterion.
    pub criterion: &'a Criterion,
    /// The indicator.
    pub indicator: &'a Indicator,
    /// The year it applies to, when it varies by year.
    pub year: Option<u16>,
    /// The class it applies to, when it varies by class.
    pub class: Option<&'a Class>,
    /// The level.
    pub level: &'a Level,
}

/// A problem in a criteria file at a YAML line.
fn problem_at(origin: &str, line: u64, message: crate::msg::Msg) -> Problem {
    Problem::new(Location::file(origin).at_line(line), message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(amount: f64) -> Level {
        Level {
            amount: Some(amount),
            source: "test".into(),
            verified: true,
            note: None,
            provincial: false,
        }
    }

    #[test]
    fn comparisons_at_just_above_and_just_below() {
        use Comparison::*;
        assert!(AtLeast.holds(45.0, 45.0));
        assert!(AtLeast.holds(45.1, 45.0));
        assert!(!AtLeast.holds(44.9, 45.0));
        assert!(AtMost.holds(13.0, 13.0));
        assert!(AtMost.holds(12.9, 13.0));
        assert!(!AtMost.holds(13.1, 13.0));
        assert!(Equal.holds(100.0, 100.0));
        assert!(!Equal.holds(99.9, 100.0));
        assert!(!Equal.holds(100.1, 100.0));
        // decimal input such as 0.1 + 0.2 still equals 0.3
        assert!(Equal.holds(0.1 + 0.2, 0.3));
        assert!(AtMost.holds(0.1 + 0.2, 0.3));
    }

    #[test]
    fn level_lookup_by_class_and_year() {
        let by_class = Threshold::ByClass(vec![level(36.0), level(50.0)]);
        assert_eq!(
            by_class.level(Some(ClassId(1)), None).unwrap().amount,
            Some(50.0)
        );
        assert_eq!(
            by_class.level(None, Some(2024)),
            Err(LevelLookup::NeedsClass)
        );

        let by_year = Threshold::ByYear(vec![
            (2022, YearLevels::ByClass(vec![level(39.0), level(54.0)])),
            (2023, YearLevels::Single(level(42.0))),
        ]);
        assert_eq!(
            by_year.level(Some(ClassId(1)), Some(2022)).unwrap().amount,
            Some(54.0)
        );
        assert_eq!(by_year.level(None, Some(2023)).unwrap().amount, Some(42.0));
        assert_eq!(
            by_year.level(Some(ClassId(0)), None),
            Err(LevelLookup::NeedsYear)
        );
        assert_eq!(
            by_year.level(Some(ClassId(0)), Some(2026)),
            Err(LevelLookup::YearOutOfRange {
                first: 2022,
                last: 2023
            })
        );
        assert!(by_year.varies_by_class());
        assert!(!Threshold::Single(level(1.0)).varies_by_class());
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            Date::parse("2022-03-08"),
            Some(Date {
                year: 2022,
                month: 3,
                day: 8
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2022-3-8"), None);
        assert_eq!(Date::parse("08/03/2022"), None);
        assert_eq!(Date::parse("2022-03-08").unwrap().to_string(), "08/03/2022");
    }
}
