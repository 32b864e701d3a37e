//! Figures in words, in either language: numbers in the language's conventions (a decimal comma
//! in Vietnamese, a point in English), counts with their unit, shares as percentages, each target
//! with what it asks and what is still needed, and criteria by number and name.

use std::fmt::Write as _;

use crate::aggregate::progress::{Figure, TargetResult};
use crate::lang::Lang;
use crate::render::labels::{Label, label};

/// What a figure counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Communes (xã).
    Communes,
    /// Hamlets (thôn).
    Hamlets,
    /// Criteria (tiêu chí).
    Criteria,
    /// Criteria per commune, an average.
    CriteriaPerCommune,
    /// A share, held as a fraction (0.3) and shown as a percentage (30 %).
    Percent,
}

/// `x` with at most `places` decimals, no trailing zeros, in `lang`'s conventions.
#[must_use]
pub fn decimal(x: f64, places: usize, lang: Lang) -> String {
    let mut s = format!("{x:.places$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s.remove(0);
    }
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A share (0.122) as a percentage with one decimal: `12,2 %` in Vietnamese, `12.2%` in English.
#[must_use]
pub fn percent(share: f64, lang: Lang) -> String {
    let number = decimal(share * 100.0, 1, lang);
    match lang {
        Lang::Vi => format!("{number} %"),
        Lang::En => format!("{number}%"),
    }
}

/// `count` of `whole` as a percentage, or nothing when there is no whole.
fn share_of(count: f64, whole: f64, lang: Lang) -> Option<String> {
    (whole > 0.0).then(|| percent(count / whole, lang))
}

/// The unit's word after `x`: `xã`, `communes` or `commune`.
#[must_use]
pub fn unit_word(unit: Unit, x: f64, lang: Lang) -> &'static str {
    let one = (x - 1.0).abs() < f64::EPSILON;
    match (unit, lang) {
        (Unit::Communes, Lang::Vi) => "xã",
        (Unit::Communes, Lang::En) if one => "commune",
        (Unit::Communes, Lang::En) => "communes",
        (Unit::Hamlets, Lang::Vi) => "thôn",
        (Unit::Hamlets, Lang::En) if one => "hamlet",
        (Unit::Hamlets, Lang::En) => "hamlets",
        (Unit::Criteria, Lang::Vi) => "tiêu chí",
        (Unit::Criteria, Lang::En) if one => "criterion",
        (Unit::Criteria, Lang::En) => "criteria",
        (Unit::CriteriaPerCommune, Lang::Vi) => "tiêu chí/xã",
        (Unit::CriteriaPerCommune, Lang::En) => "criteria per commune",
        (Unit::Percent, _) => "%",
    }
}

/// `x` with its unit: `33 xã`, `1 commune`, `10,3 tiêu chí/xã`, `0,9 %`.
#[must_use]
pub fn quantity(x: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Percent => percent(x, lang),
        _ => format!("{} {}", decimal(x, 2, lang), unit_word(unit, x, lang)),
    }
}

/// A figure as a number.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn value(f: &Figure) -> f64 {
    match f {
        Figure::Count(n) => *n as f64,
        Figure::Measure(x) => *x,
    }
}

/// Whether a target is met: met, not met, or open (data not assessed could still decide it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Met.
    Met,
    /// Not met.
    NotMet,
    /// Not judged: criteria not assessed could still decide it.
    Open,
}

impl Status {
    /// The status of a judgement (`None` is open).
    #[must_use]
    pub fn of(met: Option<bool>) -> Status {
        match met {
            Some(true) => Status::Met,
            Some(false) => Status::NotMet,
            None => Status::Open,
        }
    }

    /// Its mark, readable without colour: ✔, ✘ or ?.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Met => "✔",
            Status::NotMet => "✘",
            Status::Open => "?",
        }
    }

    /// Its word in `lang`.
    #[must_use]
    pub fn word(self, lang: Lang) -> &'static str {
        label(
            match self {
                Status::Met => Label::StatusMet,
                Status::NotMet => Label::StatusNotMet,
                Status::Open => Label::Undetermined,
            },
            lang,
        )
    }

    /// The mark and the word: `✔ Đạt`.
    #[must_use]
    pub fn show(self, lang: Lang) -> String {
        format!("{} {}", self.symbol(), self.word(lang))
    }

    /// A class name for a stylesheet: `met`, `unmet` or `open`.
    #[must_use]
    pub fn class(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "unmet",
            Status::Open => "open",
        }
    }
}

/// A target's name for people, with its figure where the name needs one: `Số xã đạt chuẩn trở
/// lên`, `Không còn xã dưới 15 tiêu chí`. `required` fills in the minimum of
/// `min_criteria_per_commune`; without it the name says "N".
#[must_use]
pub fn target_name(name: &str, required: Option<&Figure>, lang: Lang) -> String {
    let l = match name {
        "standard_communes" => Label::TargetStandard,
        "advanced_communes" => Label::TargetAdvanced,
        "model_communes" => Label::TargetModel,
        "modern_communes" => Label::TargetModern,
        "communes" => Label::Communes,
        "min_criteria_per_commune" => {
            let n = required.map_or_else(|| "N".to_owned(), |f| decimal(value(f), 2, lang));
            return match lang {
                Lang::Vi => format!("Không còn xã dưới {n} tiêu chí"),
                Lang::En => format!("No commune under {n} criteria"),
            };
        }
        "hamlet_standard_share" => Label::TargetHamletShare,
        "average_criteria" => Label::TargetAverage,
        _ => return name.to_owned(),
    };
    label(l, lang).to_owned()
}

/// What the figures of a target are counted in: what it requires and finds, and what its gap is
/// counted in (a share of hamlets is short by hamlets, an average by criteria).
#[must_use]
pub fn target_units(name: &str) -> (Unit, Unit) {
    match name {
        "hamlet_standard_share" => (Unit::Percent, Unit::Hamlets),
        "average_criteria" => (Unit::CriteriaPerCommune, Unit::Criteria),
        // communes below the minimum, of which the target allows none
        _ => (Unit::Communes, Unit::Communes),
    }
}

/// One target as a table shows it: what it requires, what the data shows and what is still
/// needed, each as a number with its unit, and a note. For `min_criteria_per_commune` the
/// figures are communes below the minimum (none required); the lowest count found goes to the
/// note.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetFigures {
    /// Its name, with its figure filled in.
    pub name: String,
    /// Required, and its unit.
    pub required: (f64, Unit),
    /// Found, and its unit; `None` when there is nothing to count.
    pub actual: Option<(f64, Unit)>,
    /// Still needed, and its unit.
    pub gap: (f64, Unit),
    /// Met, not met or open.
    pub status: Status,
    /// Why it is open, and for a minimum the lowest count found.
    pub note: String,
}

impl TargetFigures {
    /// The figures of `t`, whose notes name tiers through `tier`.
    #[must_use]
    pub fn of(t: &TargetResult, lang: Lang, tier: &dyn Fn(&str) -> String) -> TargetFigures {
        let (unit, gap_unit) = target_units(&t.name);
        let mut note = t
            .note
            .as_ref()
            .map(|n| n.text(lang, tier))
            .unwrap_or_default();
        let (required, actual) = if t.name == "min_criteria_per_commune" {
            if let Some(lowest) = &t.actual {
                let lowest = quantity(value(lowest), Unit::Criteria, lang);
                let said = match lang {
                    Lang::Vi => format!("xã thấp nhất đạt {lowest}"),
                    Lang::En => format!("lowest: {lowest}"),
                };
                note = if note.is_empty() {
                    said
                } else {
                    format!("{said}; {note}")
                };
            }
            (
                (0.0, Unit::Communes),
                t.actual.as_ref().map(|_| (value(&t.gap), Unit::Communes)),
            )
        } else {
            (
                (value(&t.required), unit),
                t.actual.as_ref().map(|a| (value(a), unit)),
            )
        };
        TargetFigures {
            name: target_name(&t.name, Some(&t.required), lang),
            required,
            actual,
            gap: (value(&t.gap), gap_unit),
            status: Status::of(t.met),
            note,
        }
    }
}

/// What the headline needs of the province beyond its targets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals {
    /// Communes.
    pub communes: u32,
    /// Hamlets and hamlets standard, when counted.
    pub hamlets: Option<(u64, u64)>,
}

/// The phrase of a tier target's communes without "Số": `xã đạt chuẩn trở lên`.
fn tier_phrase(name: &str, lang: Lang) -> Option<&'static str> {
    let l = match name {
        "standard_communes" => Label::HeadStandard,
        "advanced_communes" => Label::HeadAdvanced,
        "model_communes" => Label::HeadModel,
        "modern_communes" => Label::HeadModern,
        _ => return None,
    };
    Some(label(l, lang))
}

/// A target in one sentence, its figure against the target and the gap in words: `17/139 xã
/// đạt chuẩn trở lên (12,2 %) — cần thêm 33 xã để đạt mục tiêu 50`.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn target_sentence(
    t: &TargetResult,
    totals: Totals,
    lang: Lang,
    tier: &dyn Fn(&str) -> String,
) -> String {
    let communes = f64::from(totals.communes);
    let required = value(&t.required);
    let gap = value(&t.gap);
    let met = t.met == Some(true);
    let n = |x: f64| decimal(x, 2, lang);
    let mut said = if let Some(phrase) = tier_phrase(&t.name, lang) {
        let actual = t.actual.as_ref().map_or(0.0, value);
        let share = share_of(actual, communes, lang)
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let figure = format!("{}/{} {phrase}{share}", n(actual), n(communes));
        match (lang, met) {
            (Lang::Vi, true) => format!("{figure} — đạt mục tiêu {}", n(required)),
            (Lang::En, true) => format!("{figure} — target of {} met", n(required)),
            (Lang::Vi, false) => format!(
                "{figure} — cần thêm {} để đạt mục tiêu {}",
                quantity(gap, Unit::Communes, lang),
                n(required)
            ),
            (Lang::En, false) => format!(
                "{figure} — {} more needed to reach the target of {}",
                n(gap),
                n(required)
            ),
        }
    } else {
        match t.name.as_str() {
            "min_criteria_per_commune" => {
                let min = n(required);
                match (lang, met, &t.actual) {
                    (Lang::Vi, true, _) => {
                        format!("Không còn xã nào dưới {min} tiêu chí — đạt mục tiêu")
                    }
                    (Lang::En, true, _) => {
                        format!("No commune under {min} criteria — target met")
                    }
                    (Lang::Vi, false, lowest) => format!(
                        "{} còn dưới {min} tiêu chí{} — mục tiêu: không còn xã nào",
                        quantity(gap, Unit::Communes, lang),
                        lowest
                            .as_ref()
                            .map(|l| format!(" (thấp nhất {} tiêu chí)", n(value(l))))
                            .unwrap_or_default()
                    ),
                    (Lang::En, false, lowest) => format!(
                        "{} still under {min} criteria{} — target: none",
                        quantity(gap, Unit::Communes, lang),
                        lowest
                            .as_ref()
                            .map(|l| format!(" (lowest {})", n(value(l))))
                            .unwrap_or_default()
                    ),
                }
            }
            "hamlet_standard_share" => {
                let target = percent(required, lang);
                let figure = match (totals.hamlets, lang) {
                    (Some((hamlets, standard)), Lang::Vi) => format!(
                        "{}/{} thôn đạt chuẩn ({})",
                        standard,
                        hamlets,
                        percent(standard as f64 / hamlets as f64, lang)
                    ),
                    (Some((hamlets, standard)), Lang::En) => format!(
                        "{}/{} hamlets recognised standard ({})",
                        standard,
                        hamlets,
                        percent(standard as f64 / hamlets as f64, lang)
                    ),
                    (None, Lang::Vi) => "Chưa có số thôn".to_owned(),
                    (None, Lang::En) => "No hamlet counts".to_owned(),
                };
                match (lang, met) {
                    (Lang::Vi, true) => format!("{figure} — đạt mục tiêu {target}"),
                    (Lang::En, true) => format!("{figure} — target of {target} met"),
                    (Lang::Vi, false) => format!(
                        "{figure} — cần thêm {} để đạt mục tiêu {target}",
                        quantity(gap, Unit::Hamlets, lang)
                    ),
                    (Lang::En, false) => format!(
                        "{figure} — {} more {} needed to reach the target of {target}",
                        n(gap),
                        unit_word(Unit::Hamlets, gap, lang)
                    ),
                }
            }
            "average_criteria" => {
                let actual = t.actual.as_ref().map_or(0.0, value);
                let target = quantity(required, Unit::CriteriaPerCommune, lang);
                let figure = match lang {
                    Lang::Vi => format!(
                        "Bình quân {}",
                        quantity(actual, Unit::CriteriaPerCommune, lang)
                    ),
                    Lang::En => format!(
                        "On average {}",
                        quantity(actual, Unit::CriteriaPerCommune, lang)
                    ),
                };
                match (lang, met) {
                    (Lang::Vi, true) => format!("{figure} — đạt mục tiêu {target}"),
                    (Lang::En, true) => format!("{figure} — target of {target} met"),
                    (Lang::Vi, false) => format!(
                        "{figure} — cần thêm {} để đạt mục tiêu {target}",
                        quantity(gap, Unit::Criteria, lang)
                    ),
                    (Lang::En, false) => format!(
                        "{figure} — {} more {} needed to reach the target of {target}",
                        n(gap),
                        unit_word(Unit::Criteria, gap, lang)
                    ),
                }
            }
            other => other.to_owned(),
        }
    };
    if let Some(note) = &t.note {
        let _ = write!(said, " ({})", note.text(lang, tier));
    }
    said
}

/// `count` communes at some tier or above out of `totals`, without a target: `17/139 xã đạt
/// chuẩn trở lên (12,2 %)`.
#[must_use]
pub fn tier_sentence(name: &str, count: u32, totals: Totals, lang: Lang) -> Option<String> {
    let phrase = tier_phrase(name, lang)?;
    let share = share_of(f64::from(count), f64::from(totals.communes), lang)
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    Some(format!("{count}/{} {phrase}{share}", totals.communes))
}

/// Criterion `number` with its name: `6 – Cơ sở vật chất văn hóa`.
#[must_use]
pub fn criterion(number: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{number} – {name}"),
        None => number.to_owned(),
    }
}

/// Criteria lost or gained, in words: `mất tiêu chí 6 – Cơ sở vật chất văn hóa`, `gained criteria
/// 4 – Electricity; 19 – Defence and security`. `named` are the criteria by number and name.
#[must_use]
pub fn criteria_change(lost: bool, named: &str, count: usize, lang: Lang) -> String {
    match (lang, lost, count == 1) {
        (Lang::Vi, true, _) => format!("mất tiêu chí {named}"),
        (Lang::Vi, false, _) => format!("đạt thêm tiêu chí {named}"),
        (Lang::En, true, true) => format!("lost criterion {named}"),
        (Lang::En, true, false) => format!("lost criteria {named}"),
        (Lang::En, false, true) => format!("gained criterion {named}"),
        (Lang::En, false, false) => format!("gained criteria {named}"),
    }
}

/// A change in a figure, signed: `+0,06`, `−3`, `0`.
#[must_use]
pub fn signed(x: f64, lang: Lang) -> String {
    let n = decimal(x.abs(), 2, lang);
    if n == "0" {
        n
    } else if x > 0.0 {
        format!("+{n}")
    } else {
        format!("−{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::progress::Note;

    fn target(name: &str, required: Figure, actual: Figure, gap: u64, met: bool) -> TargetResult {
        TargetResult {
            name: name.to_owned(),
            required,
            actual: Some(actual),
            gap: Figure::Count(gap),
            met: Some(met),
            note: None,
        }
    }

    const TOTALS: Totals = Totals {
        communes: 139,
        hamlets: Some((1783, 16)),
    };

    fn tier(id: &str) -> String {
        format!("<{id}>")
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(decimal(10.3, 2, Lang::Vi), "10,3");
        assert_eq!(decimal(10.3, 2, Lang::En), "10.3");
        assert_eq!(decimal(15.0, 2, Lang::Vi), "15");
        assert_eq!(decimal(-0.0001, 2, Lang::En), "0");
        assert_eq!(percent(0.122_3, Lang::Vi), "12,2 %");
        assert_eq!(percent(0.3, Lang::En), "30%");
        assert_eq!(quantity(1.0, Unit::Communes, Lang::En), "1 commune");
        assert_eq!(quantity(519.0, Unit::Hamlets, Lang::Vi), "519 thôn");
        assert_eq!(
            quantity(10.3, Unit::CriteriaPerCommune, Lang::Vi),
            "10,3 tiêu chí/xã"
        );
    }

    #[test]
    fn a_tier_target_in_words() {
        let t = target(
            "standard_communes",
            Figure::Count(50),
            Figure::Count(17),
            33,
            false,
        );
        assert_eq!(
            target_sentence(&t, TOTALS, Lang::Vi, &tier),
            "17/139 xã đạt chuẩn trở lên (12,2 %) — cần thêm 33 xã để đạt mục tiêu 50"
        );
        assert_eq!(
            target_sentence(&t, TOTALS, Lang::En, &tier),
            "17/139 communes at standard or above (12.2%) — 33 more needed to reach the target of 50"
        );
        let met = target(
            "advanced_communes",
            Figure::Count(1),
            Figure::Count(4),
            0,
            true,
        );
        assert_eq!(
            target_sentence(&met, TOTALS, Lang::Vi, &tier),
            "4/139 xã đạt nâng cao trở lên (2,9 %) — đạt mục tiêu 1"
        );
    }

    #[test]
    fn the_minimum_is_filled_in() {
        let t = target(
            "min_criteria_per_commune",
            Figure::Count(15),
            Figure::Count(4),
            119,
            false,
        );
        assert_eq!(
            target_name(&t.name, Some(&t.required), Lang::Vi),
            "Không còn xã dưới 15 tiêu chí"
        );
        assert_eq!(
            target_name(&t.name, Some(&t.required), Lang::En),
            "No commune under 15 criteria"
        );
        assert_eq!(
            target_sentence(&t, TOTALS, Lang::Vi, &tier),
            "119 xã còn dưới 15 tiêu chí (thấp nhất 4 tiêu chí) — mục tiêu: không còn xã nào"
        );
        let f = TargetFigures::of(&t, Lang::Vi, &tier);
        assert_eq!(f.required, (0.0, Unit::Communes));
        assert_eq!(f.actual, Some((119.0, Unit::Communes)));
        assert_eq!(f.note, "xã thấp nhất đạt 4 tiêu chí");
    }

    #[test]
    fn shares_are_percentages_and_gaps_have_their_unit() {
        let t = target(
            "hamlet_standard_share",
            Figure::Measure(0.3),
            Figure::Measure(0.009),
            519,
            false,
        );
        let f = TargetFigures::of(&t, Lang::Vi, &tier);
        assert_eq!(f.required, (0.3, Unit::Percent));
        assert_eq!(f.gap, (519.0, Unit::Hamlets));
        assert_eq!(
            target_sentence(&t, TOTALS, Lang::Vi, &tier),
            "16/1783 thôn đạt chuẩn (0,9 %) — cần thêm 519 thôn để đạt mục tiêu 30 %"
        );
        let avg = target(
            "average_criteria",
            Figure::Measure(15.0),
            Figure::Measure(10.3),
            653,
            false,
        );
        assert_eq!(
            target_sentence(&avg, TOTALS, Lang::En, &tier),
            "On average 10.3 criteria per commune — 653 more criteria needed to reach the target of 15 criteria per commune"
        );
    }

    #[test]
    fn an_open_target_says_why_naming_the_tier() {
        let mut t = target(
            "standard_communes",
            Figure::Count(4),
            Figure::Count(3),
            1,
            false,
        );
        t.met = None;
        t.note = Some(Note::CouldReachTier {
            communes: 1,
            tier: "standard".into(),
        });
        let said = target_sentence(&t, TOTALS, Lang::Vi, &tier);
        assert!(
            said.ends_with(
                "(thêm 1 xã có thể đạt mức <standard> khi các tiêu chí chưa đánh giá được đánh giá)"
            ),
            "{said}"
        );
        assert_eq!(Status::of(t.met).show(Lang::Vi), "? chưa xác định");
    }
}
