//! A serde mirror of the criteria YAML. Nothing here is trusted: `super::validate` turns it into
//! the model, collecting every problem with its line.
//!
//! The build script reads the built-in sets into these types too, and writes them as JSON that
//! the program reads at start-up (see `build.rs`): a set's types are serialisable for that, and
//! this file uses nothing but serde, serde-saphyr and the two types it names from the crate.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::lang::Text;
use crate::yaml::OrderedMap;

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSet {
    pub id: Spanned<String>,
    pub title: Text,
    pub legal_basis: Vec<RawAct>,
    pub period: RawPeriod,
    pub in_force: RawInForce,
    #[serde(default)]
    pub note: Option<String>,
    pub classification: Spanned<RawClassification>,
    pub bands: Spanned<Vec<RawBand>>,
    pub tiers: Spanned<Vec<RawTier>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAct {
    pub decision: String,
    pub date: Spanned<String>,
    pub title: Text,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    pub from: Spanned<u16>,
    pub to: Spanned<u16>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInForce {
    pub from: Spanned<String>,
    #[serde(default)]
    pub until: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClassification {
    pub column: Spanned<String>,
    pub name: Text,
    pub classes: Vec<RawClass>,
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClass {
    pub code: Spanned<String>,
    pub name: Text,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverride {
    pub column: Spanned<String>,
    pub name: Text,
    #[serde(rename = "use")]
    pub use_class: Spanned<String>,
    pub source: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBand {
    pub label: Spanned<String>,
    pub min: u32,
    pub max: u32,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTier {
    pub id: Spanned<String>,
    pub name: Text,
    pub source: String,
    pub verdict_prefix: Spanned<String>,
    pub criteria: Vec<RawCriterion>,
    #[serde(default)]
    pub conditions: Vec<RawCondition>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    pub column: Spanned<String>,
    #[serde(default)]
    pub headers: Vec<String>,
    pub name: Text,
    pub source: String,
    pub verified: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOwnerChange {
    pub from: Spanned<u16>,
    pub owner: Text,
    pub source: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCriterion {
    pub number: Spanned<u32>,
    pub name: Text,
    pub owner: Text,
    #[serde(default)]
    pub owner_changes: Vec<RawOwnerChange>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default = "yes")]
    pub indicators_complete: bool,
    pub indicators: Vec<RawIndicator>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawKind {
    YesNo,
    Percent,
    Number,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub(crate) enum RawComparison {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    #[serde(rename = "==")]
    Equal,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub id: Spanned<String>,
    /// The survey years this version applies to, when the indicator was amended.
    #[serde(default)]
    pub years: Option<RawYears>,
    pub name: Text,
    pub kind: RawKind,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default = "yes")]
    pub verified: bool,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub comparison: Option<RawComparison>,
    #[serde(default)]
    pub threshold: Option<Spanned<RawThreshold>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Survey years, both ends included; either may be open.
#[derive(Debug, Clone, Copy, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYears {
    #[serde(default)]
    pub from: Option<u16>,
    #[serde(default)]
    pub to: Option<u16>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawThreshold {
    pub source: String,
    pub verified: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<RawValue>,
    #[serde(default, alias = "by_group", alias = "by_class")]
    pub by_region: Option<RawClassMap>,
    #[serde(default)]
    pub by_year: Option<BTreeMap<u16, Spanned<RawYear>>>,
    #[serde(default)]
    pub relative_to: Option<RawRelative>,
}

/// A threshold defined as a multiple of another tier's threshold for the same commune, as the
/// model commune's income is 110% of the advanced commune's income level.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRelative {
    pub tier: String,
    pub indicator: String,
    pub factor: f64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawYear {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<RawValue>,
    #[serde(default, alias = "by_group", alias = "by_class")]
    pub by_region: Option<RawClassMap>,
}

/// One threshold value: a number, `~` where the legal value is not known, or a map that gives
/// the value its own source or verification status.
#[derive(Debug, Deserialize, Serialize)]
#[serde(
    untagged,
    expecting = "a number, `~` for a value not known, or a map with keys value, source, verified, note"
)]
pub(crate) enum RawValue {
    Number(f64),
    Unknown(()),
    Detailed(RawDetailedValue),
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDetailedValue {
    pub value: Option<f64>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub verified: Option<bool>,
    #[serde(default)]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

/// A key that is present is `Some`, even when its value is `~`: `value: ~` means "not known",
/// which differs from no `value` key at all.
fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// Values by class code, in file order, each key with its line, so that a problem with one
/// region's value points at that region's line. (The map itself is not `Spanned`: its line is
/// its first key's, and a `Spanned` map of `Spanned` keys does not read from JSON.)
pub(crate) type RawClassMap = OrderedMap<Spanned<String>, RawValue>;

/// A provincial overlay: a set that names its base (`extends`) and gives only what the
/// province decides. Everything it names must exist in the base unless marked `added`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverlay {
    pub extends: Spanned<String>,
    pub id: Spanned<String>,
    pub title: Text,
    /// The province's decisions, listed after the base's.
    #[serde(default)]
    pub legal_basis: Vec<RawAct>,
    #[serde(default)]
    pub note: Option<String>,
    /// Replaces the base's bands (needed when the base tier gains a criterion).
    #[serde(default)]
    pub bands: Option<Spanned<Vec<RawBand>>>,
    #[serde(default)]
    pub tiers: Vec<RawOverlayTier>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverlayTier {
    pub id: Spanned<String>,
    #[serde(default)]
    pub criteria: Vec<RawOverlayCriterion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverlayCriterion {
    pub number: Spanned<u32>,
    /// A criterion the province adds, which the base lacks.
    #[serde(default)]
    pub added: bool,
    #[serde(default)]
    pub name: Option<Text>,
    #[serde(default)]
    pub owner: Option<Text>,
    /// The province's source for an added criterion or for its owner.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub indicators_complete: Option<bool>,
    #[serde(default)]
    pub indicators: Vec<RawOverlayIndicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverlayIndicator {
    pub id: Spanned<String>,
    /// Which version of an amended indicator: its survey years as the base gives them.
    #[serde(default)]
    pub years: Option<RawYears>,
    /// An indicator the province adds, which the base criterion lacks.
    #[serde(default)]
    pub added: bool,
    #[serde(default)]
    pub name: Option<Text>,
    #[serde(default)]
    pub kind: Option<RawKind>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub comparison: Option<RawComparison>,
    #[serde(default)]
    pub threshold: Option<Spanned<RawOverlayThreshold>>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The province's levels of one indicator: any part of the base's shape, `~` for a value
/// still to fill in (the base's stays).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOverlayThreshold {
    pub source: String,
    /// A provincial decision is the legal text: its values are verified unless said otherwise.
    #[serde(default = "yes")]
    pub verified: bool,
    /// The province lowers (loosens) a national level and says so; without it an overlay may
    /// only fill unknown values or make levels stricter.
    #[serde(default)]
    pub loosens: bool,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub value: Option<RawValue>,
    #[serde(default, alias = "by_group", alias = "by_class")]
    pub by_region: Option<RawClassMap>,
    #[serde(default)]
    pub by_year: Option<BTreeMap<u16, Spanned<RawYear>>>,
}

/// Whether a criteria file is an overlay: only its `extends` key is read.
#[derive(Debug, Deserialize)]
pub(crate) struct RawProbe {
    #[serde(default)]
    pub extends: Option<serde::de::IgnoredAny>,
}
