//! What separates a commune from the next tier: the criteria of that tier it does not meet, and
//! with indicator data each failing indicator with its value, threshold and shortfall. Pure.

use std::cmp::Ordering;

use crate::criteria::Verdict;
use crate::criteria::{Comparison, CriteriaSet, Measure};
use crate::score::{Basis, CommuneScore};

/// One thing a commune lacks for its next tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The criterion number, in the next tier's numbering.
    pub criterion: u32,
    /// The indicator id, when indicator data shows the gap; `None` for verdict-only data.
    pub indicator: Option<String>,
    /// The verdict that makes it a gap: not met, basically met or not assessed.
    pub verdict: Verdict,
    /// The measured value, when there is one.
    pub value: Option<f64>,
    /// The threshold it was compared with, when there is one.
    pub threshold: Option<f64>,
    /// How it was compared.
    pub comparison: Option<Comparison>,
    /// How far the value is from the threshold, in the indicator's unit (positive).
    pub shortfall: Option<f64>,
}

impl Gap {
    /// How far from the threshold, relative to it: orders measured gaps worst first.
    fn relative_shortfall(&self) -> f64 {
        match (self.shortfall, self.threshold) {
            (Some(s), Some(t)) if t.abs() > f64::EPSILON => s / t.abs(),
            (Some(s), _) => s,
            _ => 0.0,
        }
    }

    fn rank(&self) -> u8 {
        match (self.verdict, self.shortfall.is_some()) {
            (Verdict::NotMet, true) => 0,
            (Verdict::NotMet, false) => 1,
            (Verdict::BasicallyMet, _) => 2,
            _ => 3,
        }
    }
}

/// The gaps between a scored commune and its next tier, worst first: indicators not met with the
/// largest relative shortfall, then other criteria not met, then criteria basically met, then
/// criteria not assessed. `None` for a commune at the top tier.
#[must_use]
pub fn gaps(set: &CriteriaSet, score: &CommuneScore) -> Option<(usize, Vec<Gap>)> {
    let next = score.next_tier(set)?;
    let mut gaps = Vec::new();
    for (criterion, result) in set.tiers[next].criteria.iter().zip(&score.tiers[next]) {
        if result.verdict == Verdict::Met {
            continue;
        }
        let whole = Gap {
            criterion: criterion.number,
            indicator: None,
            verdict: result.verdict,
            value: None,
            threshold: None,
            comparison: None,
            shortfall: None,
        };
        if result.basis != Basis::Indicators {
            gaps.push(whole);
            continue;
        }
        let before = gaps.len();
        for (indicator, r) in criterion.indicators.iter().zip(score.indicators_of(result)) {
            if r.verdict == Verdict::Met || r.verdict != result.verdict {
                continue;
            }
            let comparison = match &indicator.measure {
                Measure::Quantity(q) if r.threshold.is_some() => Some(q.comparison),
                _ => None,
            };
            let shortfall = match (r.value, r.threshold, comparison) {
                (Some(v), Some(t), Some(c)) => Some(tidy(match c {
                    Comparison::AtLeast => t - v,
                    Comparison::AtMost => v - t,
                    Comparison::Equal => (v - t).abs(),
                })),
                _ => None,
            };
            gaps.push(Gap {
                indicator: Some(indicator.id.clone()),
                value: r.value,
                threshold: r.threshold,
                comparison,
                shortfall,
                ..whole.clone()
            });
        }
        if gaps.len() == before {
            gaps.push(whole);
        }
    }
    gaps.sort_by(|a, b| {
        a.rank().cmp(&b.rank()).then_with(|| {
            b.relative_shortfall()
                .partial_cmp(&a.relative_shortfall())
                .unwrap_or(Ordering::Equal)
        })
    });
    Some((next, gaps))
}

/// Rounds away the noise of binary floating point (45.0 − 41.2 = 3.8000000000000043).
fn tidy(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::score;
    use crate::survey::{Commune, Reading};

    const SET: &str = include_str!("../../tests/data/mini-set.yaml");

    fn set() -> CriteriaSet {
        CriteriaSet::from_yaml(SET, "mini-set.yaml").unwrap()
    }

    fn commune(set: &CriteriaSet) -> Commune {
        Commune::blank(set, 1, 2024)
    }

    fn column(set: &CriteriaSet, id: &str) -> usize {
        set.columns.iter().position(|c| c == id).unwrap()
    }

    #[test]
    fn measured_gaps_carry_value_threshold_and_shortfall_worst_first() {
        let set = set();
        let mut c = commune(&set);
        c.readings[column(&set, "1.1")] = Some(Reading::Value(41.2)); // SOUTH 2024: >= 55
        c.readings[column(&set, "1.2")] = Some(Reading::Verdict(Verdict::Met));
        c.verdicts[0][1] = Some(Verdict::Met);
        c.verdicts[0][2] = Some(Verdict::BasicallyMet);
        c.readings[column(&set, "4.1")] = Some(Reading::Value(5.5)); // <= 5
        let (scored, _) = score(&set, c).unwrap();
        let (next, gaps) = gaps(&set, &scored).unwrap();
        assert_eq!(next, 0);
        assert_eq!(
            gaps.iter()
                .map(|g| (g.criterion, g.indicator.as_deref(), g.verdict, g.shortfall))
                .collect::<Vec<_>>(),
            [
                (1, Some("1.1"), Verdict::NotMet, Some(13.8)),
                (4, Some("4.1"), Verdict::NotMet, Some(0.5)),
                (3, None, Verdict::BasicallyMet, None),
            ]
        );
        assert_eq!(gaps[0].threshold, Some(55.0));
        assert_eq!(gaps[0].comparison, Some(Comparison::AtLeast));
    }

    #[test]
    fn the_top_tier_has_no_next_tier() {
        let set = set();
        let mut c = commune(&set);
        for tier in &mut c.verdicts {
            tier.fill(Some(Verdict::Met));
        }
        c.readings[column(&set, "1.1")] = Some(Reading::Value(70.0));
        c.readings[column(&set, "1.2")] = Some(Reading::Verdict(Verdict::Met));
        c.readings[column(&set, "smart_hamlets")] = Some(Reading::Value(1.0));
        c.readings[column(&set, "outstanding_field_met")] = Some(Reading::Verdict(Verdict::Met));
        let (scored, _) = score(&set, c).unwrap();
        assert_eq!(scored.tier, Some(2));
        assert_eq!(gaps(&set, &scored), None);
    }

    #[test]
    fn verdict_only_and_missing_criteria_are_gaps_without_an_indicator() {
        let set = set();
        let mut c = commune(&set);
        for v in &mut c.verdicts[0] {
            *v = Some(Verdict::Met);
        }
        c.readings[column(&set, "1.1")] = Some(Reading::Value(58.0));
        c.readings[column(&set, "1.2")] = Some(Reading::Verdict(Verdict::Met));
        c.verdicts[1][1] = Some(Verdict::NotMet);
        let (scored, _) = score(&set, c).unwrap();
        assert_eq!(scored.tier, Some(0));
        let (next, gaps) = gaps(&set, &scored).unwrap();
        assert_eq!(next, 1);
        assert_eq!(gaps.len(), 2);
        assert_eq!(
            (gaps[0].criterion, gaps[0].indicator.as_deref()),
            (1, Some("1.1"))
        );
        assert_eq!(gaps[0].shortfall, Some(2.0));
        assert_eq!((gaps[1].criterion, gaps[1].indicator.as_deref()), (2, None));
        assert_eq!(gaps[1].verdict, Verdict::NotMet);
    }
}
