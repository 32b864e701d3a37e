//! The records commands write: one per commune.

use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use smallvec::SmallVec;

use super::{Record, TableLabels, number};
use crate::aggregate::changes::{CommuneChange, Movement};
use crate::criteria::Verdict;
use crate::criteria::{Comparison, CriteriaSet};
use crate::lang::{Lang, Text};
use crate::render::figures::criteria_change;
use crate::render::labels::{Label, label};
use crate::score::CommuneScore;
use crate::score::gaps::Gap;
use crate::text::shown;

/// One commune's score. The JSON keys are exactly these fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreRow<'s> {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// Base criteria met.
    pub criteria_met: u32,
    /// Base criteria in the set.
    pub criteria_total: u32,
    /// Base criteria not assessed.
    pub criteria_not_assessed: u32,
    /// Base criteria basically met.
    pub criteria_basically_met: u32,
    /// The tier id reached, or `none`.
    pub tier: &'s str,
    /// The tier above it, `None` at the top.
    pub next_tier: Option<&'s str>,
    /// The band label.
    pub band: &'s str,
    /// Numbers of the criteria not met.
    pub unmet: CriterionNumbers,
    /// Numbers of the criteria basically met.
    pub basically_met: CriterionNumbers,
    /// Numbers of the criteria not assessed.
    pub not_assessed: CriterionNumbers,
    /// Hamlets in the commune, when given.
    pub hamlets: Option<u32>,
    /// Hamlets recognised standard, when given.
    pub hamlets_standard: Option<u32>,
    /// Model residential areas, when given.
    pub hamlets_model: Option<u32>,
}

/// Criterion numbers, written in JSON as a list of strings (`["3", "5"]`) and in CSV and tables
/// joined (`3;5`). Held inline up to the 19 criteria of the national sets: every record has
/// three such lists, which would otherwise cost an allocation each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriterionNumbers(SmallVec<[u32; 19]>);

impl CriterionNumbers {
    /// Whether the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The numbers joined by `separator`.
    #[must_use]
    pub fn join(&self, separator: &str) -> String {
        let mut joined = String::with_capacity(self.0.len() * (2 + separator.len()));
        self.join_to(separator, &mut joined);
        joined
    }

    /// Appends the numbers joined by `separator` to `text`.
    pub fn join_to(&self, separator: &str, text: &mut String) {
        for (i, &n) in self.0.iter().enumerate() {
            if i > 0 {
                text.push_str(separator);
            }
            text.push_str(itoa::Buffer::new().format(n));
        }
    }
}

impl Serialize for CriterionNumbers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(u32::to_string))
    }
}

impl<'s> ScoreRow<'s> {
    /// The record of one scored commune, which takes its id, name and district.
    #[must_use]
    pub fn new(set: &'s CriteriaSet, score: CommuneScore) -> ScoreRow<'s> {
        // one pass over the base criteria sorts them by verdict
        let mut met = 0;
        let [mut unmet, mut basically_met, mut not_assessed]: [CriterionNumbers; 3] =
            Default::default();
        for (criterion, result) in set.base().criteria.iter().zip(&score.tiers[0]) {
            match result.verdict {
                Verdict::Met => met += 1,
                Verdict::NotMet => unmet.0.push(criterion.number),
                Verdict::BasicallyMet => basically_met.0.push(criterion.number),
                Verdict::NotAssessed => not_assessed.0.push(criterion.number),
            }
        }
        let count = |numbers: &CriterionNumbers| u32::try_from(numbers.0.len()).unwrap_or(u32::MAX);
        let tier = tier_id(set, score.tier);
        let next_tier = score.next_tier(set).map(|t| set.tiers[t].id.as_str());
        let c = score.commune;
        ScoreRow {
            commune_id: c.id,
            commune: c.name,
            district: c.district,
            criteria_met: met,
            criteria_total: u32::try_from(set.base().criteria.len()).unwrap_or(u32::MAX),
            criteria_not_assessed: count(&not_assessed),
            criteria_basically_met: count(&basically_met),
            tier,
            next_tier,
            band: &set.band(met).label,
            unmet,
            basically_met,
            not_assessed,
            hamlets: c.hamlets,
            hamlets_standard: c.hamlets_standard,
            hamlets_model: c.hamlets_model,
        }
    }
}

fn tier_id(set: &CriteriaSet, tier: Option<usize>) -> &str {
    tier.map_or("none", |t| &set.tiers[t].id)
}

/// `n` as text written in `buffer` (with itoa, without the formatting machinery, as every
/// record writes several), or nothing.
fn optional(buffer: &mut itoa::Buffer, n: Option<u32>) -> &str {
    n.map_or("", |n| buffer.format(n))
}

impl Record for ScoreRow<'_> {
    fn csv_header() -> Vec<&'static str> {
        vec![
            "commune_id",
            "commune",
            "district",
            "criteria_met",
            "criteria_total",
            "criteria_not_assessed",
            "criteria_basically_met",
            "tier",
            "next_tier",
            "band",
            "unmet",
            "basically_met",
            "not_assessed",
            "hamlets",
            "hamlets_standard",
            "hamlets_model",
        ]
    }

    fn number_columns() -> &'static [&'static str] {
        &[
            "criteria_met",
            "criteria_total",
            "criteria_not_assessed",
            "criteria_basically_met",
            "hamlets",
            "hamlets_standard",
            "hamlets_model",
        ]
    }

    fn csv_rows(
        &self,
        text: &mut String,
        row: &mut dyn FnMut(&[&str]) -> io::Result<()>,
    ) -> io::Result<()> {
        // the three lists joined one after the other in `text`
        text.clear();
        let [unmet, basically, open] =
            [&self.unmet, &self.basically_met, &self.not_assessed].map(|numbers| {
                numbers.join_to(";", text);
                text.len()
            });
        let mut counts = [itoa::Buffer::new(); 4];
        let [met, total, not_assessed, basically_met] = &mut counts;
        let mut hamlets = [itoa::Buffer::new(); 3];
        let [all, standard, model] = &mut hamlets;
        row(&[
            &self.commune_id,
            &self.commune,
            &self.district,
            met.format(self.criteria_met),
            total.format(self.criteria_total),
            not_assessed.format(self.criteria_not_assessed),
            basically_met.format(self.criteria_basically_met),
            self.tier,
            self.next_tier.unwrap_or_default(),
            self.band,
            &text[..unmet],
            &text[unmet..basically],
            &text[basically..open],
            optional(all, self.hamlets),
            optional(standard, self.hamlets_standard),
            optional(model, self.hamlets_model),
        ])
    }

    fn table_header(lang: Lang) -> Vec<&'static str> {
        [
            Label::CommuneId,
            Label::Commune,
            Label::District,
            Label::CriteriaMet,
            Label::Band,
            Label::Tier,
            Label::Criteria,
        ]
        .map(|l| label(l, lang))
        .to_vec()
    }

    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>> {
        let lang = labels.lang;
        let mut tier = labels.tier(Some(self.tier));
        if let Some(next) = self.next_tier {
            let _ = write!(tier, "\n→ {}", labels.tier(Some(next)));
        }
        let criteria = [
            (Label::Unmet, &self.unmet),
            (Label::BasicallyMet, &self.basically_met),
            (Label::NotAssessed, &self.not_assessed),
        ]
        .into_iter()
        .filter(|(_, numbers)| !numbers.is_empty())
        .map(|(l, numbers)| format!("{}: {}", label(l, lang), numbers.join(", ")))
        .collect::<Vec<_>>()
        .join("\n");
        vec![vec![
            shown(&self.commune_id).into_owned(),
            shown(&self.commune).into_owned(),
            shown(&self.district).into_owned(),
            format!("{}/{}", self.criteria_met, self.criteria_total),
            self.band.to_owned(),
            tier,
            criteria,
        ]]
    }
}

/// What one commune lacks for its next tier. The JSON keys are exactly these fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsRow {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// The tier reached, or `none`.
    pub tier: String,
    /// The next tier.
    pub next_tier: String,
    /// The gaps, worst first.
    pub gaps: Vec<GapView>,
}

/// One gap as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapView {
    /// Criterion number.
    pub criterion: String,
    /// Criterion name (tables only).
    #[serde(skip)]
    pub criterion_name: Text,
    /// Indicator id, `null` for verdict-only data.
    pub indicator: Option<String>,
    /// `not_met`, `basically_met` or `not_assessed`.
    pub verdict: Verdict,
    /// Measured value, `null` without one.
    pub value: Option<f64>,
    /// Threshold, `null` without one.
    pub threshold: Option<f64>,
    /// `>=`, `<=` or `==`, `null` without a threshold.
    pub comparison: Option<&'static str>,
    /// Shortfall, `null` without a measured value.
    pub shortfall: Option<f64>,
}

impl GapsRow {
    /// The record of one commune's gaps to tier `next`.
    #[must_use]
    pub fn new(set: &CriteriaSet, score: &CommuneScore, next: usize, gaps: Vec<Gap>) -> GapsRow {
        let c = &score.commune;
        let criteria = &set.tiers[next].criteria;
        GapsRow {
            commune_id: c.id.clone(),
            commune: c.name.clone(),
            district: c.district.clone(),
            tier: tier_id(set, score.tier).to_owned(),
            next_tier: set.tiers[next].id.clone(),
            gaps: gaps
                .into_iter()
                .map(|g| GapView {
                    criterion: g.criterion.to_string(),
                    criterion_name: criteria
                        .iter()
                        .find(|c| c.number == g.criterion)
                        .map(|c| c.name.clone())
                        .expect("a gap names a criterion of the tier"),
                    indicator: g.indicator,
                    verdict: g.verdict,
                    value: g.value,
                    threshold: g.threshold,
                    comparison: g.comparison.map(Comparison::symbol),
                    shortfall: g.shortfall,
                })
                .collect(),
        }
    }
}

fn opt_number(x: Option<f64>) -> String {
    x.map(number).unwrap_or_default()
}

fn verdict_label(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Met => label(Label::MustBeMet, lang),
        Verdict::NotMet => label(Label::Unmet, lang),
        Verdict::BasicallyMet => label(Label::BasicallyMet, lang),
        Verdict::NotAssessed => label(Label::NotAssessed, lang),
    }
}

/// A number for people: with a decimal comma in Vietnamese.
fn human_number(x: f64, lang: Lang) -> String {
    let s = number(x);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

impl Record for GapsRow {
    fn csv_header() -> Vec<&'static str> {
        vec![
            "commune_id",
            "commune",
            "district",
            "tier",
            "next_tier",
            "criterion",
            "indicator",
            "verdict",
            "value",
            "threshold",
            "comparison",
            "shortfall",
        ]
    }

    fn number_columns() -> &'static [&'static str] {
        &["value", "threshold", "shortfall"]
    }

    fn csv_rows(
        &self,
        _: &mut String,
        row: &mut dyn FnMut(&[&str]) -> io::Result<()>,
    ) -> io::Result<()> {
        for g in &self.gaps {
            let verdict = serde_json::to_value(g.verdict)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            row(&[
                &self.commune_id,
                &self.commune,
                &self.district,
                &self.tier,
                &self.next_tier,
                &g.criterion,
                g.indicator.as_deref().unwrap_or_default(),
                &verdict,
                &opt_number(g.value),
                &opt_number(g.threshold),
                g.comparison.unwrap_or_default(),
                &opt_number(g.shortfall),
            ])?;
        }
        Ok(())
    }

    fn table_header(lang: Lang) -> Vec<&'static str> {
        [
            Label::CommuneId,
            Label::Commune,
            Label::NextTier,
            Label::Criterion,
            Label::Lacking,
        ]
        .map(|l| label(l, lang))
        .to_vec()
    }

    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>> {
        let lang = labels.lang;
        self.gaps
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let lacking = match (&g.indicator, g.value, g.threshold, g.shortfall) {
                    (Some(id), Some(value), Some(threshold), Some(shortfall)) => format!(
                        "{id}: {} ({} {} {}) — {} {}",
                        human_number(value, lang),
                        label(Label::Needs, lang),
                        match g.comparison {
                            Some(">=") => "≥",
                            Some("<=") => "≤",
                            _ => "=",
                        },
                        human_number(threshold, lang),
                        label(Label::ShortBy, lang),
                        human_number(shortfall, lang)
                    ),
                    (Some(id), ..) => format!("{id}: {}", verdict_label(g.verdict, lang)),
                    _ => verdict_label(g.verdict, lang).to_owned(),
                };
                let (id, name, next) = if i == 0 {
                    (
                        shown(&self.commune_id).into_owned(),
                        shown(&self.commune).into_owned(),
                        labels.tier(Some(&self.next_tier)),
                    )
                } else {
                    (String::new(), String::new(), String::new())
                };
                vec![
                    id,
                    name,
                    next,
                    format!("{} {}", g.criterion, g.criterion_name.get(lang)),
                    lacking,
                ]
            })
            .collect()
    }
}

fn movement(m: Movement, lang: Lang) -> &'static str {
    label(
        match m {
            Movement::Lost => Label::MovedLost,
            Movement::Missing => Label::MovedMissing,
            Movement::TierUp => Label::MovedUp,
            Movement::Gained => Label::MovedGained,
            Movement::Added => Label::MovedAdded,
            Movement::Merged => Label::MovedMerged,
        },
        lang,
    )
}

/// One commune's change between two surveys, as `ntm diff` writes it.
impl Record for CommuneChange {
    fn csv_header() -> Vec<&'static str> {
        vec![
            "commune_id",
            "commune",
            "district",
            "change",
            "tier_before",
            "tier_after",
            "criteria_before",
            "criteria_after",
            "gained",
            "lost",
            "merged_into",
        ]
    }

    fn number_columns() -> &'static [&'static str] {
        &["criteria_before", "criteria_after"]
    }

    fn csv_rows(
        &self,
        _: &mut String,
        row: &mut dyn FnMut(&[&str]) -> io::Result<()>,
    ) -> io::Result<()> {
        let change = serde_json::to_value(self.change)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let mut counts = [itoa::Buffer::new(); 2];
        let [before, after] = &mut counts;
        row(&[
            &self.commune_id,
            &self.commune,
            &self.district,
            &change,
            self.tier_before.as_deref().unwrap_or_default(),
            self.tier_after.as_deref().unwrap_or_default(),
            optional(before, self.criteria_before),
            optional(after, self.criteria_after),
            &self.gained.join(";"),
            &self.lost.join(";"),
            self.merged_into.as_deref().unwrap_or_default(),
        ])
    }

    fn table_header(lang: Lang) -> Vec<&'static str> {
        [
            Label::CommuneId,
            Label::Commune,
            Label::Change,
            Label::Tier,
            Label::CriteriaMet,
            Label::CriterionName,
        ]
        .map(|l| label(l, lang))
        .to_vec()
    }

    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>> {
        let tier = |t: &Option<String>| {
            t.as_deref()
                .map_or("—".to_owned(), |t| labels.tier(Some(t)))
        };
        let count = |x: Option<u32>| x.map_or("—".to_owned(), |x| x.to_string());
        let criteria = self.criteria_in_words(labels);
        let change = match &self.merged_into {
            Some(into) => format!("{} {}", movement(self.change, labels.lang), shown(into)),
            None => movement(self.change, labels.lang).to_owned(),
        };
        vec![vec![
            shown(&self.commune_id).into_owned(),
            shown(&self.commune).into_owned(),
            change,
            if self.tier_before == self.tier_after {
                tier(&self.tier_after)
            } else {
                format!("{} → {}", tier(&self.tier_before), tier(&self.tier_after))
            },
            format!(
                "{} → {}",
                count(self.criteria_before),
                count(self.criteria_after)
            ),
            criteria.join("\n"),
        ]]
    }
}

impl CommuneChange {
    /// The criteria lost and gained, in words, each by number and name: `mất tiêu chí 6 – Cơ sở
    /// vật chất văn hóa`, then `đạt thêm tiêu chí …`.
    #[must_use]
    pub fn criteria_in_words(&self, labels: &TableLabels) -> Vec<String> {
        [(true, &self.lost), (false, &self.gained)]
            .into_iter()
            .filter(|(_, numbers)| !numbers.is_empty())
            .map(|(lost, numbers)| {
                criteria_change(
                    lost,
                    &labels.criteria(None, numbers),
                    numbers.len(),
                    labels.lang,
                )
            })
            .collect()
    }
}

/// The record of one row of a panel: the record, and the period it reports on — with the
/// commune, the row's key. Its period comes last in CSV and tables (`period`, `Kỳ`) and in
/// JSON.
#[derive(Debug, Serialize)]
pub struct Periodic<R> {
    /// The record.
    #[serde(flatten)]
    pub record: R,
    /// The period, `2025-10` or `2025`.
    pub period: String,
}

impl<R: Record> Record for Periodic<R> {
    fn csv_header() -> Vec<&'static str> {
        let mut header = R::csv_header();
        header.push("period");
        header
    }

    fn number_columns() -> &'static [&'static str] {
        R::number_columns()
    }

    fn csv_rows(
        &self,
        text: &mut String,
        row: &mut dyn FnMut(&[&str]) -> io::Result<()>,
    ) -> io::Result<()> {
        self.record.csv_rows(text, &mut |fields| {
            let mut fields = fields.to_vec();
            fields.push(&self.period);
            row(&fields)
        })
    }

    fn table_header(lang: Lang) -> Vec<&'static str> {
        let mut header = R::table_header(lang);
        header.push(label(Label::ReportPeriod, lang));
        header
    }

    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>> {
        let mut rows = self.record.table_rows(labels);
        for row in &mut rows {
            row.push(self.period.clone());
        }
        rows
    }
}
