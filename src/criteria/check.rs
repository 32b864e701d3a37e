//! Turns the raw YAML mirror into the model, collecting every problem with its line before
//! failing, so that one run shows an author everything to fix.

use std::collections::{HashMap, HashSet};

use serde_saphyr::Spanned;

use super::raw::{
    RawAct, RawBand, RawClassMap, RawComparison, RawCondition, RawIndicator, RawKind, RawSet,
    RawThreshold, RawValue, RawYear,
};
use super::{
    Band, Class, ClassId, Classification, Comparison, Condition, CriteriaSet, Criterion, Date,
    Derivation, InForce, Indicator, LegalAct, Level, Measure, Override, OwnerChange, Period,
    Quantity, QuantityKind, RESERVED_COLUMNS, Threshold, Tier, YearLevels, YearSpan, problem_at,
};
use crate::error::{Error, Problem, Result};
use crate::msg::{
    Backwards, BandGap, Clash, Field, Listing, Msg, Naming, OutOfRange, Shape, Twice, Unknown,
};
use crate::text::nfc;

pub(super) struct Validator<'a> {
    pub(super) origin: &'a str,
    pub(super) problems: Vec<Problem>,
}

impl Validator<'_> {
    pub(super) fn report(&mut self, line: u64, message: impl Into<Msg>) {
        self.problems
            .push(problem_at(self.origin, line, message.into()));
    }

    pub(super) fn date(&mut self, spanned: &Spanned<String>) -> Option<Date> {
        let date = Date::parse(&spanned.value);
        if date.is_none() {
            self.report(
                spanned.referenced.line(),
                Msg::SetNotADate(spanned.value.clone()),
            );
        }
        date
    }

    pub(super) fn non_empty(&mut self, line: u64, what: Field, value: &str) {
        if value.trim().is_empty() {
            self.report(line, what);
        }
    }
}

pub(super) fn validate(raw: RawSet, origin: &str) -> Result<CriteriaSet> {
    let mut v = Validator {
        origin,
        problems: Vec::new(),
    };

    let id_line = raw.id.referenced.line();
    let id = set_id(&mut v, &raw.id);
    if raw.legal_basis.is_empty() {
        v.report(id_line, Listing::LegalBasis);
    }
    let legal_basis = acts(&mut v, &raw.legal_basis);

    let period = Period {
        from: raw.period.from.value,
        to: raw.period.to.value,
    };
    if period.from > period.to {
        v.report(
            raw.period.to.referenced.line(),
            Backwards::Period {
                from: period.from,
                to: period.to,
            },
        );
    }
    let in_force_from = v.date(&raw.in_force.from);
    let in_force_until = raw.in_force.until.as_ref().and_then(|until| v.date(until));
    if let (Some(from), Some(until)) = (in_force_from, in_force_until)
        && until < from
    {
        v.report(
            raw.in_force.from.referenced.line(),
            Backwards::InForce {
                from: from.to_string(),
                until: until.to_string(),
            },
        );
    }

    let classification = classification(&mut v, &raw);
    let reserved = reserved_columns(&classification);

    let mut columns = Vec::new();
    let tiers = tiers(&mut v, &raw, &classification, &reserved, &mut columns);
    let bands = bands(
        &mut v,
        &raw.bands,
        tiers.first().map_or(0, |t| t.criteria.len()),
    );

    if !v.problems.is_empty() {
        return Err(Error::Invalid {
            problems: v.problems,
            omitted: 0,
        });
    }
    Ok(CriteriaSet {
        id,
        title: raw.title,
        legal_basis,
        period,
        in_force: InForce {
            from: in_force_from.expect("checked above"),
            until: in_force_until,
        },
        note: raw.note,
        classification,
        bands,
        tiers,
        columns,
        extends: None,
    })
}

/// A set's id, checked: lower-case letters, digits and hyphens.
pub(super) fn set_id(v: &mut Validator<'_>, raw: &Spanned<String>) -> String {
    let id = raw.value.trim().to_owned();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        v.report(raw.referenced.line(), Naming::SetId(id.clone()));
    }
    id
}

/// The legal acts of a set or an overlay, each date checked.
pub(super) fn acts(v: &mut Validator<'_>, raw: &[RawAct]) -> Vec<LegalAct> {
    raw.iter()
        .map(|act| {
            let line = act.date.referenced.line();
            v.non_empty(line, Field::Decision, &act.decision);
            LegalAct {
                decision: act.decision.trim().to_owned(),
                date: v.date(&act.date).unwrap_or(Date {
                    year: 0,
                    month: 1,
                    day: 1,
                }),
                title: act.title.clone(),
                note: act.note.clone(),
            }
        })
        .collect()
}

fn classification(v: &mut Validator<'_>, raw: &RawSet) -> Classification {
    let rc = &raw.classification.value;
    let line = raw.classification.referenced.line();
    let column = nfc(&rc.column.value);
    v.non_empty(
        rc.column.referenced.line(),
        Field::ClassificationColumn,
        &column,
    );
    if rc.classes.is_empty() {
        v.report(line, Listing::Classes);
    }
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut classes: Vec<Class> = Vec::new();
    for class in &rc.classes {
        let code = class.code.value.trim().to_owned();
        let line = class.code.referenced.line();
        v.non_empty(line, Field::ClassCode, &code);
        if classes.iter().any(|c| c.code == code) {
            v.report(line, Twice::Class(code.clone()));
        }
        let c = Class {
            code: code.clone(),
            name: class.name.clone(),
            aliases: class.aliases.iter().map(|a| nfc(a)).collect(),
        };
        for key in c.keys().collect::<HashSet<_>>() {
            if let Some(other) = seen.insert(key.clone(), code.clone())
                && other != code
            {
                v.report(
                    line,
                    Twice::Spelling {
                        class: code.clone(),
                        spelling: key.clone(),
                        other,
                    },
                );
            }
        }
        classes.push(c);
    }
    let mut classification = Classification {
        column,
        name: rc.name.clone(),
        folded: Classification::fold_keys(&classes),
        classes,
        overrides: Vec::new(),
    };
    for o in &rc.overrides {
        let line = o.use_class.referenced.line();
        let Some(class) = classification
            .classes
            .iter()
            .position(|c| c.code == o.use_class.value.trim())
        else {
            v.report(line, Unknown::OverrideClass(o.use_class.value.clone()));
            continue;
        };
        v.non_empty(line, Field::OverrideSource, &o.source);
        classification.overrides.push(Override {
            column: nfc(&o.column.value),
            name: o.name.clone(),
            class: ClassId(class),
            source: o.source.clone(),
        });
    }
    classification
}

pub(super) fn reserved_columns(classification: &Classification) -> Vec<String> {
    RESERVED_COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain([classification.column.clone()])
        .chain(classification.overrides.iter().map(|o| o.column.clone()))
        .collect()
}

pub(super) fn bands(
    v: &mut Validator<'_>,
    raw: &Spanned<Vec<RawBand>>,
    criteria: usize,
) -> Vec<Band> {
    let line = raw.referenced.line();
    let mut bands: Vec<Band> = raw
        .value
        .iter()
        .map(|b| Band {
            label: b.label.value.clone(),
            min: b.min,
            max: b.max,
        })
        .collect();
    for (raw_band, band) in raw.value.iter().zip(&bands) {
        if band.min > band.max {
            v.report(
                raw_band.label.referenced.line(),
                Backwards::Band {
                    label: band.label.clone(),
                    min: band.min,
                    max: band.max,
                },
            );
        }
    }
    for gap in coverage(&bands, criteria) {
        v.report(line, Msg::SetBands { gap, base: false });
    }
    bands.sort_by_key(|b| std::cmp::Reverse(b.min));
    bands
}

/// What is wrong with `bands` for a base tier of `criteria` criteria: every count from 0 to
/// it must fall in exactly one band.
pub(super) fn coverage(bands: &[Band], criteria: usize) -> Vec<BandGap> {
    let total = u32::try_from(criteria).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    for count in 0..=total {
        let holding: Vec<_> = bands
            .iter()
            .filter(|b| (b.min..=b.max).contains(&count))
            .map(|b| b.label.as_str())
            .collect();
        match holding.len() {
            1 => {}
            0 => out.push(BandGap::Uncovered { count, total }),
            _ => out.push(BandGap::Several {
                count,
                bands: holding.into_iter().map(str::to_owned).collect(),
            }),
        }
    }
    out
}

fn tiers(
    v: &mut Validator<'_>,
    raw: &RawSet,
    classification: &Classification,
    reserved: &[String],
    columns: &mut Vec<String>,
) -> Vec<Tier> {
    if raw.tiers.value.is_empty() {
        v.report(raw.tiers.referenced.line(), Listing::Tiers);
    }
    let mut tier_ids = HashSet::new();
    let mut prefixes = HashSet::new();
    // Kind of every indicator id seen so far, across tiers: one id is one data column.
    let mut kinds: HashMap<String, (RawKind, u64, usize)> = HashMap::new();
    let mut tiers = Vec::new();
    for raw_tier in &raw.tiers.value {
        let line = raw_tier.id.referenced.line();
        let id = raw_tier.id.value.trim().to_owned();
        if !tier_ids.insert(id.clone()) {
            v.report(line, Twice::Tier(id.clone()));
        }
        if id == "none" || id.is_empty() {
            v.report(line, Naming::TierId(id.clone()));
        }
        let prefix = raw_tier.verdict_prefix.value.trim().to_owned();
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
            v.report(
                raw_tier.verdict_prefix.referenced.line(),
                Naming::VerdictPrefix(prefix.clone()),
            );
        } else if !prefixes.insert(prefix.clone()) {
            v.report(
                raw_tier.verdict_prefix.referenced.line(),
                Twice::VerdictPrefix(prefix.clone()),
            );
        }
        v.non_empty(line, Field::TierSource, &raw_tier.source);
        if raw_tier.criteria.is_empty() {
            v.report(line, Listing::Criteria(id.clone()));
        }
        let mut numbers = HashSet::new();
        let mut indicator_ids: HashMap<String, Vec<Option<YearSpan>>> = HashMap::new();
        let mut criteria = Vec::new();
        for rc in &raw_tier.criteria {
            let number = rc.number.value;
            let cline = rc.number.referenced.line();
            if !numbers.insert(number) {
                v.report(
                    cline,
                    Twice::Criterion {
                        number,
                        tier: id.clone(),
                    },
                );
            }
            let mut indicators = Vec::new();
            for ri in &rc.indicators {
                let iline = ri.id.referenced.line();
                let iid = nfc(&ri.id.value);
                let span = ri.years.map(|y| YearSpan {
                    from: y.from,
                    to: y.to,
                });
                if let Some(y) = ri.years
                    && let (Some(from), Some(to)) = (y.from, y.to)
                    && from > to
                {
                    v.report(
                        iline,
                        Backwards::IndicatorYears {
                            id: iid.clone(),
                            from,
                            to,
                        },
                    );
                }
                let versions = indicator_ids.entry(iid.clone()).or_default();
                // One id twice is an amended indicator: each version dated, their years apart.
                if !versions.is_empty()
                    && span.is_none_or(|span| {
                        versions
                            .iter()
                            .any(|other| other.is_none_or(|other| other.overlaps(span)))
                    })
                {
                    v.report(
                        iline,
                        Twice::Indicator {
                            id: iid.clone(),
                            tier: id.clone(),
                        },
                    );
                }
                versions.push(span);
                check_column_name(v, iline, &iid, reserved);
                let column = if let Some((kind, first_line, column)) = kinds.get(&iid) {
                    if *kind != ri.kind && ri.years.is_none() {
                        v.report(
                            iline,
                            Clash::Kind {
                                id: iid.clone(),
                                line: *first_line,
                            },
                        );
                    }
                    *column
                } else {
                    columns.push(iid.clone());
                    kinds.insert(iid.clone(), (ri.kind, iline, columns.len() - 1));
                    columns.len() - 1
                };
                if let Some(indicator) = indicator(v, ri, iid, column, raw, classification, &tiers)
                {
                    indicators.push(indicator);
                }
            }
            let mut owner_changes: Vec<OwnerChange> = Vec::new();
            for change in &rc.owner_changes {
                let from = change.from.value;
                if owner_changes.last().is_some_and(|last| last.from >= from) {
                    v.report(
                        change.from.referenced.line(),
                        Backwards::OwnerChanges(number),
                    );
                }
                v.non_empty(
                    change.from.referenced.line(),
                    Field::OwnerChangeSource,
                    &change.source,
                );
                owner_changes.push(OwnerChange {
                    from,
                    owner: change.owner.clone(),
                    source: change.source.clone(),
                });
            }
            criteria.push(Criterion {
                number,
                name: rc.name.clone(),
                owner: rc.owner.clone(),
                owner_changes,
                note: rc.note.clone(),
                indicators_complete: rc.indicators_complete,
                indicators,
                provincial: None,
                owner_source: None,
            });
        }
        let conditions = conditions(v, &raw_tier.conditions, reserved, &kinds, &tiers);
        tiers.push(Tier {
            id,
            name: raw_tier.name.clone(),
            source: raw_tier.source.clone(),
            verdict_prefix: prefix,
            criteria,
            conditions,
        });
    }
    // Verdict columns must not collide with indicator ids either.
    for tier in &tiers {
        for criterion in &tier.criteria {
            let column = tier.verdict_column(criterion.number);
            if kinds.contains_key(&column) {
                v.report(
                    kinds[&column].1,
                    Clash::VerdictColumn {
                        column: column.clone(),
                        criterion: criterion.number,
                        tier: tier.id.clone(),
                    },
                );
            }
        }
    }
    tiers
}

/// A tier's recognition conditions; each column is its own, apart from every other column of
/// the set.
fn conditions(
    v: &mut Validator<'_>,
    raw: &[RawCondition],
    reserved: &[String],
    indicators: &HashMap<String, (RawKind, u64, usize)>,
    lower_tiers: &[Tier],
) -> Vec<Condition> {
    let mut out: Vec<Condition> = Vec::new();
    for rc in raw {
        let line = rc.column.referenced.line();
        let column = nfc(rc.column.value.trim());
        let taken = column.is_empty()
            || reserved.contains(&column)
            || indicators.contains_key(&column)
            || out.iter().any(|c| c.column == column)
            || lower_tiers
                .iter()
                .flat_map(|t| &t.conditions)
                .any(|c| c.column == column);
        if taken {
            v.report(line, Clash::Condition(column));
            continue;
        }
        v.non_empty(line, Field::ConditionSource, &rc.source);
        out.push(Condition {
            column,
            headers: rc
                .headers
                .iter()
                .map(|h| nfc(h.trim()))
                .filter(|h| !h.is_empty())
                .collect(),
            name: rc.name.clone(),
            source: rc.source.clone(),
            verified: rc.verified,
        });
    }
    out
}

pub(super) fn check_column_name(v: &mut Validator<'_>, line: u64, id: &str, reserved: &[String]) {
    if id.is_empty() {
        v.report(line, Field::IndicatorId);
    } else if reserved.iter().any(|r| r == id) {
        v.report(line, Clash::Reserved(id.to_owned()));
    }
}

fn indicator(
    v: &mut Validator<'_>,
    ri: &RawIndicator,
    id: String,
    column: usize,
    raw: &RawSet,
    classification: &Classification,
    lower_tiers: &[Tier],
) -> Option<Indicator> {
    let line = ri.id.referenced.line();
    let measure = match ri.kind {
        RawKind::YesNo => {
            if ri.comparison.is_some() || ri.threshold.is_some() || ri.unit.is_some() {
                v.report(line, Shape::YesNoTakesNothing(id.clone()));
            }
            Measure::YesNo
        }
        RawKind::Percent | RawKind::Number => {
            let kind = if ri.kind == RawKind::Percent {
                QuantityKind::Percent
            } else {
                QuantityKind::Number
            };
            let Some(comparison) = ri.comparison else {
                v.report(line, Shape::NeedsComparison(id.clone()));
                return None;
            };
            let Some(threshold) = &ri.threshold else {
                v.report(line, Shape::NeedsThreshold(id.clone()));
                return None;
            };
            let (threshold, derived) =
                self::threshold(v, &id, threshold, kind, raw, classification, lower_tiers)?;
            Measure::Quantity(Quantity {
                kind,
                unit: ri.unit.clone(),
                comparison: match comparison {
                    RawComparison::AtLeast => Comparison::AtLeast,
                    RawComparison::AtMost => Comparison::AtMost,
                    RawComparison::Equal => Comparison::Equal,
                },
                threshold,
                derived,
            })
        }
    };
    Some(Indicator {
        id,
        column,
        name: ri.name.clone(),
        measure,
        source: ri.source.clone(),
        verified: ri.verified,
        note: ri.note.clone(),
        provincial: false,
        years: ri.years.map(|y| YearSpan {
            from: y.from,
            to: y.to,
        }),
    })
}

fn threshold(
    v: &mut Validator<'_>,
    id: &str,
    spanned: &Spanned<RawThreshold>,
    kind: QuantityKind,
    raw: &RawSet,
    classification: &Classification,
    lower_tiers: &[Tier],
) -> Option<(Threshold, Option<Derivation>)> {
    let t = &spanned.value;
    let line = spanned.referenced.line();
    v.non_empty(line, Field::ThresholdSource(id.to_owned()), &t.source);
    let ctx = LevelContext {
        id,
        kind,
        source: &t.source,
        verified: t.verified,
        note: t.note.as_deref(),
        line,
    };
    let given = usize::from(t.value.is_some())
        + usize::from(t.by_region.is_some())
        + usize::from(t.by_year.is_some())
        + usize::from(t.relative_to.is_some());
    if given != 1 {
        v.report(
            line,
            Shape::OneForm {
                id: id.to_owned(),
                relative: true,
            },
        );
        return None;
    }
    if let Some(relative) = &t.relative_to {
        if !(relative.factor.is_finite() && relative.factor > 0.0) {
            v.report(line, Shape::Factor(id.to_owned()));
            return None;
        }
        let rule = Derivation {
            tier: relative.tier.clone(),
            indicator: relative.indicator.clone(),
            factor: relative.factor,
            source: t.source.clone(),
            verified: t.verified,
        };
        let Some(threshold) = derive(&rule, lower_tiers) else {
            v.report(
                line,
                Unknown::RelativeTo {
                    indicator: id.to_owned(),
                    named: relative.indicator.clone(),
                    tier: relative.tier.clone(),
                },
            );
            return None;
        };
        return Some((threshold, Some(rule)));
    }
    if let Some(value) = &t.value {
        return ctx
            .level(v, value, None)
            .map(|l| (Threshold::Single(l), None));
    }
    if let Some(by_class) = &t.by_region {
        return ctx
            .by_class(v, by_class, classification)
            .map(|l| (Threshold::ByClass(l), None));
    }
    let years = t.by_year.as_ref().expect("one of the three is given");
    let mut out = Vec::new();
    for (year, spanned_year) in years {
        let yline = spanned_year.referenced.line();
        if !(raw.period.from.value..=raw.period.to.value).contains(year) {
            v.report(
                yline,
                OutOfRange::Year {
                    id: id.to_owned(),
                    year: *year,
                    period: format!("{}–{}", raw.period.from.value, raw.period.to.value),
                },
            );
        }
        let RawYear { value, by_region } = &spanned_year.value;
        let ctx = LevelContext { line: yline, ..ctx };
        let levels = match (value, by_region) {
            (Some(value), None) => ctx.level(v, value, Some(*year)).map(YearLevels::Single),
            (None, Some(by_class)) => ctx
                .by_class(v, by_class, classification)
                .map(YearLevels::ByClass),
            _ => {
                v.report(
                    yline,
                    Shape::YearOneForm {
                        id: id.to_owned(),
                        year: *year,
                    },
                );
                None
            }
        };
        if let Some(levels) = levels {
            out.push((*year, levels));
        }
    }
    if out.is_empty() {
        v.report(line, Listing::Years(id.to_owned()));
        return None;
    }
    Some((Threshold::ByYear(out), None))
}

/// The threshold `rule` gives from the lower tiers' thresholds, `None` when it names no
/// measured indicator of them.
pub(super) fn derive(rule: &Derivation, lower_tiers: &[Tier]) -> Option<Threshold> {
    let base = lower_tiers
        .iter()
        .find(|tier| tier.id == rule.tier)
        .and_then(|tier| {
            tier.criteria
                .iter()
                .flat_map(|c| &c.indicators)
                .find(|i| i.id == rule.indicator)
        });
    let Some(Measure::Quantity(base)) = base.map(|i| &i.measure) else {
        return None;
    };
    Some(base.threshold.scaled(
        rule.factor,
        &rule.source,
        rule.verified,
        &format!("{} level of indicator {}", rule.tier, rule.indicator),
    ))
}

#[derive(Clone, Copy)]
pub(super) struct LevelContext<'a> {
    pub(super) id: &'a str,
    pub(super) kind: QuantityKind,
    pub(super) source: &'a str,
    pub(super) verified: bool,
    pub(super) note: Option<&'a str>,
    pub(super) line: u64,
}

impl LevelContext<'_> {
    pub(super) fn level(
        &self,
        v: &mut Validator<'_>,
        value: &RawValue,
        year: Option<u16>,
    ) -> Option<Level> {
        let level = match value {
            RawValue::Number(amount) => Level {
                amount: Some(*amount),
                source: self.source.to_owned(),
                verified: self.verified,
                note: self.note.map(str::to_owned),
                provincial: false,
            },
            RawValue::Unknown(()) => Level {
                amount: None,
                source: self.source.to_owned(),
                verified: self.verified,
                note: self.note.map(str::to_owned),
                provincial: false,
            },
            RawValue::Detailed(d) => Level {
                amount: d.value,
                source: d.source.clone().unwrap_or_else(|| self.source.to_owned()),
                verified: d.verified.unwrap_or(self.verified),
                note: d.note.clone().or_else(|| self.note.map(str::to_owned)),
                provincial: false,
            },
        };
        let id = self.id.to_owned();
        match level.amount {
            None if level.verified => {
                v.report(self.line, OutOfRange::VerifiedUnknown { id, year });
                None
            }
            Some(amount) if !amount.is_finite() => {
                v.report(self.line, OutOfRange::NotFinite { id, year });
                None
            }
            Some(amount)
                if self.kind == QuantityKind::Percent && !(0.0..=100.0).contains(&amount) =>
            {
                v.report(
                    self.line,
                    OutOfRange::Percent {
                        id,
                        year,
                        amount: amount.to_string(),
                    },
                );
                None
            }
            _ => Some(level),
        }
    }

    fn by_class(
        &self,
        v: &mut Validator<'_>,
        map: &RawClassMap,
        classification: &Classification,
    ) -> Option<Vec<Level>> {
        let mut levels: Vec<Option<Level>> = vec![None; classification.classes.len()];
        let mut ok = true;
        for (code, value) in &map.0 {
            let ctx = LevelContext {
                line: code.referenced.line(),
                ..*self
            };
            let code = code.value.trim();
            if let Some(i) = classification.classes.iter().position(|c| c.code == code) {
                levels[i] = ctx.level(v, value, None);
            } else {
                ok = false;
                v.report(
                    ctx.line,
                    Unknown::Class {
                        indicator: self.id.to_owned(),
                        code: code.to_owned(),
                        codes: classification.codes(),
                        base: false,
                    },
                );
            }
        }
        let missing: Vec<_> = classification
            .classes
            .iter()
            .filter(|c| !map.0.iter().any(|(k, _)| k.value.trim() == c.code))
            .map(|c| c.code.clone())
            .collect();
        if !missing.is_empty() {
            // the map's line, which is its first key's
            let line = map
                .0
                .first()
                .map_or(self.line, |(k, _)| k.referenced.line());
            v.report(
                line,
                Shape::NoValueFor {
                    id: self.id.to_owned(),
                    classes: missing,
                },
            );
            return None;
        }
        if !ok || levels.iter().any(Option::is_none) {
            return None;
        }
        Some(levels.into_iter().map(|l| l.expect("checked")).collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::criteria::CriteriaSet;

    const SET: &str = include_str!("../../tests/data/mini-set.yaml");

    /// The messages (without file and line) of loading the test set with `from` replaced.
    fn problems(from: &str, to: &str) -> Vec<String> {
        assert!(SET.contains(from), "fixture lacks {from:?}");
        let err = CriteriaSet::from_yaml(&SET.replacen(from, to, 1), "t.yaml").unwrap_err();
        match err {
            crate::Error::Invalid { problems, .. } => problems
                .into_iter()
                .map(|p| p.message.text(crate::lang::Lang::En))
                .collect(),
            other => vec![other.to_string()],
        }
    }

    #[test]
    fn a_recognition_condition_needs_a_column_of_its_own() {
        let condition = |column: &str| {
            format!(
                "    verdict_prefix: TC\n    conditions:\n      - column: {column}\n        name: {{ vi: An ninh, en: Security }}\n        source: QĐ 18/2022/QĐ-TTg, Điều 4\n        verified: false\n"
            )
        };
        assert!(
            CriteriaSet::from_yaml(
                &SET.replacen("    verdict_prefix: TC\n", &condition("security"), 1),
                "t.yaml"
            )
            .is_ok()
        );
        for taken in ["year", "1.1", "\"\""] {
            assert_eq!(
                problems("    verdict_prefix: TC\n", &condition(taken)),
                [format!(
                    "recognition condition column \"{}\" must be a column of its own (not empty, not an indicator, not a reserved or another condition's column)",
                    taken.trim_matches('"')
                )],
                "{taken}"
            );
        }
    }

    #[test]
    fn the_fixture_is_valid() {
        let set = CriteriaSet::from_yaml(SET, "t.yaml").unwrap();
        assert_eq!(
            set.columns,
            [
                "1.1",
                "1.2",
                "2.1",
                "4.1",
                "smart_hamlets",
                "outstanding_field_met"
            ]
        );
        assert_eq!(set.bands[0].label, "4");
    }

    #[test]
    fn class_values_must_name_every_class_and_only_classes() {
        assert_eq!(
            problems("NORTH: 70\n", "NORTH: 70\n                EAST: 3\n"),
            ["indicator 2.1: \"EAST\" is not a class code; expected one of NORTH, SOUTH"]
        );
        assert_eq!(
            problems(
                "                SOUTH: { value: ~, verified: false, note: not known }\n",
                ""
            ),
            ["indicator 2.1: no value for SOUTH (write ~ where the legal value is not known)"]
        );
    }

    #[test]
    fn measures_are_consistent() {
        assert_eq!(
            problems(
                "            kind: yes_no\n",
                "            kind: yes_no\n            comparison: \">=\"\n"
            ),
            [
                "indicator 1.2 is yes_no: it is met when yes, and takes no comparison, threshold or unit"
            ]
        );
        assert_eq!(
            problems("            comparison: \"<=\"\n", ""),
            ["indicator 4.1 needs a comparison: \">=\", \"<=\" or \"==\""]
        );
        // `value: ~` is a legal "not known" in a threshold marked unverified
        assert!(CriteriaSet::from_yaml(&SET.replace("value: 5\n", "value: ~\n"), "t.yaml").is_ok());
        assert_eq!(
            problems(
                "              value: 60\n",
                "              value: 60\n              by_region: { NORTH: 1, SOUTH: 2 }\n"
            ),
            [
                "threshold of indicator 1.1 needs exactly one of value, by_region (by_group), by_year or relative_to",
                "indicator 1.1: relative_to names indicator 1.1 of tier \"advanced\", which is not a measured indicator of a lower tier"
            ]
        );
    }

    #[test]
    fn relative_thresholds_scale_the_lower_tier() {
        let set = CriteriaSet::from_yaml(SET, "t.yaml").unwrap();
        let model = &set.tiers[2].criteria[0].indicators[0];
        let crate::criteria::Measure::Quantity(q) = &model.measure else {
            panic!("measured")
        };
        let level = q.threshold.level(None, None).unwrap();
        assert!((level.amount.unwrap() - 66.0).abs() < 1e-9);
        assert_eq!(
            level.note.as_deref(),
            Some("110% of the advanced level of indicator 1.1, 60 (test advanced 1.1)")
        );
        assert_eq!(
            problems("factor: 1.1", "factor: -1"),
            ["indicator 1.1: factor must be a positive number"]
        );
    }

    #[test]
    fn verified_values_must_be_numbers() {
        assert_eq!(
            problems(
                "              verified: false\n              value: 5\n",
                "              verified: true\n              value: ~\n"
            ),
            ["indicator 4.1: a value marked verified must be a number, not ~"]
        );
    }

    #[test]
    fn years_ids_and_columns() {
        assert_eq!(
            problems("                2024:\n", "                2026:\n"),
            ["indicator 1.1: year 2026 is outside the set's period 2023–2024"]
        );
        assert_eq!(
            problems("id: advanced", "id: standard"),
            [
                "tier \"standard\" is defined twice",
                "indicator 1.1: relative_to names indicator 1.1 of tier \"advanced\", which is not a measured indicator of a lower tier"
            ]
        );
        assert_eq!(
            problems("- id: \"2.1\"", "- id: \"year\""),
            ["indicator id \"year\" is reserved for another data column"]
        );
        assert_eq!(
            problems("- id: \"2.1\"", "- id: \"TC1\""),
            [
                "indicator id TC1 collides with the verdict column of criterion 1 of tier \"standard\""
            ]
        );
        assert_eq!(
            problems("      aliases: [ĐBSH]", "      aliases: [Miền Bắc]"),
            ["class SOUTH: spelling \"mien bac\" also names class NORTH"]
        );
        // (what named SOUTH is then reported too)
        assert_eq!(
            problems("    - code: SOUTH", "    - code: NORTH")[0],
            "class NORTH is listed twice"
        );
        assert_eq!(
            problems("date: 2022-03-08", "date: 08/03/2022"),
            ["\"08/03/2022\" is not a date; expected YYYY-MM-DD, e.g. 2022-03-08"]
        );
    }
}
