//! The records commands write: one per commune.

use std::io;

use serde::Serialize;
use smallvec::SmallVec;

use super::{Record, TableLabels, number};
use crate::criteria::{Comparison, CriteriaSet};
use crate::gaps::Gap;
use crate::labels::{Label, label};
use crate::lang::{Lang, Text};
use crate::score::CommuneScore;
use crate::value::Verdict;

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
/// joined (`3;5`). Up to 16 are kept inline: a record of every commune needs no allocation for
/// them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CriterionNumbers(SmallVec<[u32; 16]>);

impl CriterionNumbers {
    /// Whether the list is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The numbers joined by `separator`.
    #[must_use]
    pub fn join(&self, separator: &str) -> String {
        let mut out = String::new();
        self.join_onto(separator, &mut out);
        out
    }

    /// The numbers joined by `separator`, written at the end of `out`.
    pub fn join_onto(&self, separator: &str, out: &mut String) {
        self.join_with(separator, |piece| out.push_str(piece));
    }

    /// The numbers joined by `separator`, each piece (a number, a separator) handed to `push`.
    fn join_with(&self, separator: &str, mut push: impl FnMut(&str)) {
        let mut digits = itoa::Buffer::new();
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                push(separator);
            }
            push(digits.format(*n));
        }
    }
}

impl Serialize for CriterionNumbers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        let mut digits = itoa::Buffer::new();
        for n in &self.0 {
            seq.serialize_element(digits.format(*n))?;
        }
        seq.end()
    }
}

impl<'s> ScoreRow<'s> {
    /// The record of one scored commune.
    #[must_use]
    pub fn new(set: &'s CriteriaSet, score: &CommuneScore) -> ScoreRow<'s> {
        let c = &score.commune;
        ScoreRow::with_names(
            set,
            score,
            [c.id.clone(), c.name.clone(), c.district.clone()],
        )
    }

    /// [`ScoreRow::new`], taking the commune's id and names out of `score` instead of copying
    /// them.
    #[must_use]
    pub fn from_score(set: &'s CriteriaSet, score: &mut CommuneScore) -> ScoreRow<'s> {
        let c = &mut score.commune;
        let names = [
            std::mem::take(&mut c.id),
            std::mem::take(&mut c.name),
            std::mem::take(&mut c.district),
        ];
        ScoreRow::with_names(set, score, names)
    }

    fn with_names(
        set: &'s CriteriaSet,
        score: &CommuneScore,
        [commune_id, commune, district]: [String; 3],
    ) -> ScoreRow<'s> {
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
        let c = &score.commune;
        ScoreRow {
            commune_id,
            commune,
            district,
            criteria_met: met,
            criteria_total: u32::try_from(set.base().criteria.len()).unwrap_or(u32::MAX),
            criteria_not_assessed: count(&not_assessed),
            criteria_basically_met: count(&basically_met),
            tier: tier_id(set, score.tier),
            next_tier: score.next_tier(set).map(|t| set.tiers[t].id.as_str()),
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

/// Writes `n` in decimal at the end of `out`: a criterion number or a count, most often of one
/// or two digits.
fn push_number(out: &mut Vec<u8>, n: u32) {
    // (both casts are of a digit)
    #[allow(clippy::cast_possible_truncation)]
    let digit = |d: u32| b'0' + d as u8;
    match n {
        0..10 => out.push(digit(n)),
        10..100 => out.extend_from_slice(&[digit(n / 10), digit(n % 10)]),
        _ => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
    }
}

/// `n` written in `buffer`, or nothing.
fn written(buffer: &mut itoa::Buffer, n: Option<u32>) -> &str {
    n.map_or("", |n| buffer.format(n))
}

impl Record for ScoreRow<'_> {
    fn csv_header() -> &'static [&'static str] {
        &[
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

    fn csv_rows(&self, row: &mut dyn FnMut(&[&str]) -> io::Result<()>) -> io::Result<()> {
        let mut digits = [itoa::Buffer::new(); 7];
        let [
            met,
            total,
            not_assessed,
            basically_met,
            hamlets,
            standard,
            model,
        ] = &mut digits;
        // the three lists joined in one buffer on the stack, then cut apart
        let mut joined: SmallVec<[u8; 128]> = SmallVec::new();
        let mut ends = [0; 3];
        for (end, numbers) in
            ends.iter_mut()
                .zip([&self.unmet, &self.basically_met, &self.not_assessed])
        {
            // (pieces of a byte or two: pushed one by one rather than copied)
            numbers.join_with(";", |piece| joined.extend(piece.bytes()));
            *end = joined.len();
        }
        let lists = std::str::from_utf8(&joined).expect("digits and semicolons");
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
            &lists[..ends[0]],
            &lists[ends[0]..ends[1]],
            &lists[ends[1]..],
            written(hamlets, self.hamlets),
            written(standard, self.hamlets_standard),
            written(model, self.hamlets_model),
        ])
    }

    fn encode_csv(&self, raw: bool, out: &mut Vec<u8>) -> io::Result<()> {
        // the bytes the fields of csv_rows make, written straight: the numbers and the lists
        // of them need neither neutralising nor quotes
        out.reserve(64 + self.commune_id.len() + self.commune.len() + self.district.len());
        for text in [&self.commune_id, &self.commune, &self.district] {
            super::csv::text_field(text, raw, out);
            out.push(b',');
        }
        for n in [
            self.criteria_met,
            self.criteria_total,
            self.criteria_not_assessed,
            self.criteria_basically_met,
        ] {
            push_number(out, n);
            out.push(b',');
        }
        for text in [self.tier, self.next_tier.unwrap_or_default(), self.band] {
            super::csv::text_field(text, raw, out);
            out.push(b',');
        }
        for numbers in [&self.unmet, &self.basically_met, &self.not_assessed] {
            for (i, &n) in numbers.0.iter().enumerate() {
                if i > 0 {
                    out.push(b';');
                }
                push_number(out, n);
            }
            out.push(b',');
        }
        for (i, n) in [self.hamlets, self.hamlets_standard, self.hamlets_model]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                out.push(b',');
            }
            if let Some(n) = n {
                push_number(out, n);
            }
        }
        out.push(b'\n');
        Ok(())
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
            tier.push_str(&format!("\n→ {}", labels.tier(Some(next))));
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
            self.commune_id.clone(),
            self.commune.clone(),
            self.district.clone(),
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
    fn csv_header() -> &'static [&'static str] {
        &[
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

    fn csv_rows(&self, row: &mut dyn FnMut(&[&str]) -> io::Result<()>) -> io::Result<()> {
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
                        self.commune_id.clone(),
                        self.commune.clone(),
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Text as a cell may hold it: plain, with what needs quotes, or what looks like a formula.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[A-Za-z0-9 ]{0,12}",
            "[=+@\\-]?[a-zđạ,\"\n\r\t;' ]{0,12}",
            "-?[0-9]{1,3}(\\.[0-9])?",
        ]
    }

    fn numbers() -> impl Strategy<Value = CriterionNumbers> {
        proptest::collection::vec(prop_oneof![0u32..20, 0u32..u32::MAX], 0..20)
            .prop_map(|n| CriterionNumbers(n.into_iter().collect()))
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 512,
            rng_seed: proptest::test_runner::RngSeed::Fixed(20_260_215),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// A score row writes itself in CSV as the encoder writes the fields it gives.
        #[test]
        fn score_rows_encode_as_their_fields_do(
            names in (text(), text(), text()),
            counts in any::<[u32; 4]>(),
            labels in (text(), proptest::option::of(text()), text()),
            lists in (numbers(), numbers(), numbers()),
            hamlets in any::<[Option<u32>; 3]>(),
            raw in any::<bool>(),
        ) {
            let (tier, next_tier, band) = labels;
            let row = ScoreRow {
                commune_id: names.0,
                commune: names.1,
                district: names.2,
                criteria_met: counts[0],
                criteria_total: counts[1],
                criteria_not_assessed: counts[2],
                criteria_basically_met: counts[3],
                tier: &tier,
                next_tier: next_tier.as_deref(),
                band: &band,
                unmet: lists.0,
                basically_met: lists.1,
                not_assessed: lists.2,
                hamlets: hamlets[0],
                hamlets_standard: hamlets[1],
                hamlets_model: hamlets[2],
            };
            let mut general = Vec::new();
            super::super::csv::encode(&row, raw, &mut general).unwrap();
            let mut own = Vec::new();
            row.encode_csv(raw, &mut own).unwrap();
            prop_assert_eq!(String::from_utf8(own).unwrap(), String::from_utf8(general).unwrap());
        }
    }
}
