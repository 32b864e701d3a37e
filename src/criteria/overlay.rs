//! Provincial overlays: a criteria file that says `extends: <set>` and gives only what the
//! province decides — values the national text leaves unknown, stricter levels, its own
//! criteria and indicators, owners — each with its own source. The base is loaded whole, then
//! the overlay is checked against it: naming what the base lacks without `added: true`, or
//! lowering a national level without `loosens: true`, is an error at the overlay's line.

use std::collections::{BTreeMap, HashSet};

use super::check::{
    LevelContext, Validator, acts, bands, check_column_name, coverage, derive, reserved_columns,
    set_id,
};
use super::raw::{
    RawComparison, RawKind, RawOverlay, RawOverlayCriterion, RawOverlayIndicator,
    RawOverlayThreshold, RawValue, RawYear,
};
use super::{
    ClassId, Classification, Comparison, CriteriaSet, Criterion, Indicator, Level, Measure, Period,
    Quantity, QuantityKind, Threshold, Tier, YearLevels, builtin,
};
use crate::error::{Error, Result};
use crate::msg::{Clash, Field, Loosening, Msg, OutOfRange, OverlayRule, Shape, Twice, Unknown};
use crate::text::nfc;
use serde_saphyr::Spanned;

/// How many overlays may stand on one another before the chain is taken for a loop.
const MAX_DEPTH: u32 = 8;

/// Loads the overlay in `yaml` (read from `origin`) on top of its base.
pub(super) fn load(yaml: &str, origin: &str, depth: u32) -> Result<CriteriaSet> {
    let raw: RawOverlay = crate::yaml::parse(yaml, origin, crate::msg::YamlKind::Overlay)?;
    let base_name = raw.extends.value.trim().to_owned();
    if depth >= MAX_DEPTH {
        return Err(Error::usage(crate::msg::Msg::OverlayTooDeep {
            file: origin.to_owned(),
            base: base_name,
            depth: MAX_DEPTH,
        }));
    }
    let mut set = if let Some(b) = builtin(&base_name) {
        b.load()?
    } else {
        let path = std::path::Path::new(origin)
            .parent()
            .unwrap_or(std::path::Path::new(""))
            .join(&base_name);
        let shown = path.to_string_lossy().into_owned();
        if !path.exists() {
            return Err(Error::usage(crate::msg::Msg::OverlayBaseMissing {
                file: origin.to_owned(),
                line: raw.extends.referenced.line(),
                base: base_name,
                path: shown,
            }));
        }
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        CriteriaSet::from_yaml_at(&text, &shown, depth + 1)?
    };
    let mut v = Validator {
        origin,
        problems: Vec::new(),
    };
    set.id = set_id(&mut v, &raw.id);
    set.title = raw.title.clone();
    if raw.note.is_some() {
        set.note.clone_from(&raw.note);
    }
    set.legal_basis.extend(acts(&mut v, &raw.legal_basis));
    set.extends = Some(base_name.clone());
    apply_tiers(&mut v, &raw, &base_name, &mut set);
    let base_criteria = set.tiers[0].criteria.len();
    if let Some(raw_bands) = &raw.bands {
        set.bands = bands(&mut v, raw_bands, base_criteria);
    } else {
        for gap in coverage(&set.bands, base_criteria) {
            v.report(raw.id.referenced.line(), Msg::SetBands { gap, base: true });
        }
    }
    if !v.problems.is_empty() {
        return Err(Error::Invalid {
            problems: v.problems,
            omitted: 0,
        });
    }
    Ok(set)
}

fn apply_tiers(v: &mut Validator<'_>, raw: &RawOverlay, base: &str, set: &mut CriteriaSet) {
    let mut seen = HashSet::new();
    for rt in &raw.tiers {
        let id = rt.id.value.trim();
        if !seen.insert(id) {
            v.report(rt.id.referenced.line(), Twice::OverlayTier(id.to_owned()));
        }
        if !set.tiers.iter().any(|t| t.id == id) {
            v.report(
                rt.id.referenced.line(),
                Unknown::Tier {
                    tier: id.to_owned(),
                    base: base.to_owned(),
                    tiers: set.tiers.iter().map(|t| t.id.clone()).collect(),
                },
            );
        }
    }
    let reserved = reserved_columns(&set.classification);
    let period = set.period;
    for t in 0..set.tiers.len() {
        let (lower, rest) = set.tiers.split_at_mut(t);
        let tier = &mut rest[0];
        // A level derived from a lower tier's follows what the overlay did to that tier.
        for criterion in &mut tier.criteria {
            for indicator in &mut criterion.indicators {
                if let Measure::Quantity(q) = &mut indicator.measure
                    && let Some(rule) = &q.derived
                    && let Some(threshold) = derive(rule, lower)
                {
                    q.threshold = threshold;
                }
            }
        }
        let Some(rt) = raw.tiers.iter().find(|rt| rt.id.value.trim() == tier.id) else {
            continue;
        };
        let mut ctx = Context {
            base,
            tier: &tier.id,
            period,
            classification: &set.classification,
            reserved: &reserved,
            columns: &mut set.columns,
            lower,
        };
        let mut numbers = HashSet::new();
        for rc in &rt.criteria {
            if !numbers.insert(rc.number.value) {
                v.report(
                    rc.number.referenced.line(),
                    Twice::OverlayCriterion {
                        number: rc.number.value,
                        tier: tier.id.clone(),
                    },
                );
                continue;
            }
            if let Some(added) = ctx.criterion(v, rc, &mut tier.criteria) {
                tier.criteria.push(added);
            }
        }
        tier.criteria.sort_by_key(|c| c.number);
    }
}

/// What applying one tier's part of an overlay needs to know.
struct Context<'a> {
    base: &'a str,
    tier: &'a str,
    period: Period,
    classification: &'a Classification,
    reserved: &'a [String],
    columns: &'a mut Vec<String>,
    lower: &'a [Tier],
}

impl Context<'_> {
    /// Applies `rc` to the tier's criteria; returns the criterion it adds, if it adds one.
    fn criterion(
        &mut self,
        v: &mut Validator<'_>,
        rc: &RawOverlayCriterion,
        criteria: &mut [Criterion],
    ) -> Option<Criterion> {
        let number = rc.number.value;
        let line = rc.number.referenced.line();
        let found = criteria.iter_mut().find(|c| c.number == number);
        match (found, rc.added) {
            (Some(_), true) => {
                v.report(
                    line,
                    OverlayRule::CriterionAlready {
                        number,
                        tier: self.tier.to_owned(),
                        base: self.base.to_owned(),
                    },
                );
                None
            }
            (None, false) => {
                v.report(
                    line,
                    Unknown::Criterion {
                        number,
                        tier: self.tier.to_owned(),
                        base: self.base.to_owned(),
                    },
                );
                None
            }
            (Some(criterion), false) => {
                if rc.name.is_some() {
                    v.report(
                        line,
                        OverlayRule::Rename {
                            number,
                            base: self.base.to_owned(),
                        },
                    );
                }
                if let Some(owner) = &rc.owner {
                    let Some(source) = non_empty(rc.source.as_deref()) else {
                        v.report(line, OverlayRule::OwnerSource(number));
                        return None;
                    };
                    // the province's assignment holds for every year of the set
                    criterion.owner = owner.clone();
                    criterion.owner_changes.clear();
                    criterion.owner_source = Some(source.to_owned());
                } else if rc.source.is_some() {
                    v.report(line, OverlayRule::StraySource(number));
                }
                if let Some(note) = &rc.note {
                    criterion.note = Some(match &criterion.note {
                        Some(base) => format!("{base} Province: {note}"),
                        None => format!("Province: {note}"),
                    });
                }
                if let Some(complete) = rc.indicators_complete {
                    criterion.indicators_complete = complete;
                }
                for ri in &rc.indicators {
                    self.indicator(v, number, ri, &mut criterion.indicators, false);
                }
                None
            }
            (None, true) => {
                let (Some(name), Some(owner), Some(source)) =
                    (&rc.name, &rc.owner, non_empty(rc.source.as_deref()))
                else {
                    v.report(line, OverlayRule::AddedCriterion(number));
                    return None;
                };
                let mut criterion = Criterion {
                    number,
                    name: name.clone(),
                    owner: owner.clone(),
                    owner_changes: Vec::new(),
                    note: rc.note.clone(),
                    indicators_complete: rc.indicators_complete.unwrap_or(true),
                    indicators: Vec::new(),
                    provincial: Some(source.to_owned()),
                    owner_source: Some(source.to_owned()),
                };
                for ri in &rc.indicators {
                    self.indicator(v, number, ri, &mut criterion.indicators, true);
                }
                Some(criterion)
            }
        }
    }

    /// Applies `ri` to a criterion's indicators: a threshold for one of them, or a new one.
    fn indicator(
        &mut self,
        v: &mut Validator<'_>,
        criterion: u32,
        ri: &RawOverlayIndicator,
        indicators: &mut Vec<Indicator>,
        in_added: bool,
    ) {
        let id = nfc(&ri.id.value);
        let line = ri.id.referenced.line();
        // of an amended indicator, the version with the years given, else the one in force now
        let years = ri.years.map(|y| super::YearSpan {
            from: y.from,
            to: y.to,
        });
        let found = indicators
            .iter_mut()
            .rev()
            .find(|i| i.id == id && (years.is_none() || i.years == years));
        match (found, ri.added || in_added) {
            (Some(_), true) => v.report(line, OverlayRule::IndicatorAlready { id, criterion }),
            (None, false) => v.report(
                line,
                Unknown::Indicator {
                    id,
                    criterion,
                    tier: self.tier.to_owned(),
                    base: self.base.to_owned(),
                },
            ),
            (Some(indicator), false) => {
                if ri.name.is_some()
                    || ri.kind.is_some()
                    || ri.unit.is_some()
                    || ri.comparison.is_some()
                    || ri.source.is_some()
                {
                    v.report(
                        line,
                        OverlayRule::OnlyThreshold {
                            id: id.clone(),
                            base: self.base.to_owned(),
                        },
                    );
                }
                if let Some(note) = &ri.note {
                    indicator.note = Some(match &indicator.note {
                        Some(base) => format!("{base}; province: {note}"),
                        None => format!("province: {note}"),
                    });
                }
                let Some(raw_threshold) = &ri.threshold else {
                    return;
                };
                let Measure::Quantity(q) = &mut indicator.measure else {
                    v.report(
                        raw_threshold.referenced.line(),
                        Shape::YesNoNoThreshold(id.clone()),
                    );
                    return;
                };
                let entries = entries(
                    v,
                    &id,
                    raw_threshold,
                    q.kind,
                    self.period,
                    self.classification,
                );
                if !entries.is_empty() {
                    q.threshold = merge(
                        v,
                        &Merge {
                            id: &id,
                            base: self.base,
                            comparison: q.comparison,
                            loosens: raw_threshold.value.loosens,
                            source: &raw_threshold.value.source,
                            period: self.period,
                            classification: self.classification,
                        },
                        &q.threshold,
                        &entries,
                    );
                    q.derived = None;
                }
            }
            (None, true) => {
                if let Some(added) = self.added_indicator(v, ri, id, indicators) {
                    indicators.push(added);
                }
            }
        }
    }

    fn added_indicator(
        &mut self,
        v: &mut Validator<'_>,
        ri: &RawOverlayIndicator,
        id: String,
        siblings: &[Indicator],
    ) -> Option<Indicator> {
        let line = ri.id.referenced.line();
        let (Some(name), Some(kind), Some(source)) =
            (&ri.name, ri.kind, non_empty(ri.source.as_deref()))
        else {
            v.report(line, OverlayRule::AddedIndicator(id));
            return None;
        };
        check_column_name(v, line, &id, self.reserved);
        if siblings.iter().any(|i| i.id == id) {
            v.report(line, Twice::OverlayIndicator(id));
            return None;
        }
        let column = if let Some(column) = self.columns.iter().position(|c| *c == id) {
            // One id is one data column: its kind must be the kind it has elsewhere.
            let elsewhere = self
                .lower
                .iter()
                .flat_map(|t| &t.criteria)
                .flat_map(|c| &c.indicators)
                .find(|i| i.column == column);
            if let Some(other) = elsewhere
                && raw_kind(&other.measure) != kind
            {
                v.report(line, Clash::BaseKind(id));
                return None;
            }
            column
        } else {
            self.columns.push(id.clone());
            self.columns.len() - 1
        };
        let measure = match kind {
            RawKind::YesNo => {
                if ri.comparison.is_some() || ri.threshold.is_some() || ri.unit.is_some() {
                    v.report(line, Shape::YesNoTakesNothing(id));
                    return None;
                }
                Measure::YesNo
            }
            RawKind::Percent | RawKind::Number => {
                let quantity_kind = if kind == RawKind::Percent {
                    QuantityKind::Percent
                } else {
                    QuantityKind::Number
                };
                let (Some(comparison), Some(raw_threshold)) = (ri.comparison, &ri.threshold) else {
                    v.report(line, Shape::NeedsBoth(id));
                    return None;
                };
                let comparison = match comparison {
                    RawComparison::AtLeast => Comparison::AtLeast,
                    RawComparison::AtMost => Comparison::AtMost,
                    RawComparison::Equal => Comparison::Equal,
                };
                let t = &raw_threshold.value;
                let unknown = Threshold::Single(Level {
                    amount: None,
                    source: t.source.clone(),
                    verified: false,
                    note: Some("not given".to_owned()),
                    provincial: true,
                });
                let entries = entries(
                    v,
                    &id,
                    raw_threshold,
                    quantity_kind,
                    self.period,
                    self.classification,
                );
                let threshold = merge(
                    v,
                    &Merge {
                        id: &id,
                        base: self.base,
                        comparison,
                        loosens: t.loosens,
                        source: &t.source,
                        period: self.period,
                        classification: self.classification,
                    },
                    &unknown,
                    &entries,
                );
                Measure::Quantity(Quantity {
                    kind: quantity_kind,
                    unit: ri.unit.clone(),
                    comparison,
                    threshold,
                    derived: None,
                })
            }
        };
        Some(Indicator {
            id,
            column,
            name: name.clone(),
            measure,
            source: Some(source.to_owned()),
            verified: true,
            note: ri.note.clone(),
            provincial: true,
            years: None,
        })
    }
}

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.trim().is_empty())
}

fn raw_kind(measure: &Measure) -> RawKind {
    match measure {
        Measure::YesNo => RawKind::YesNo,
        Measure::Quantity(q) if q.kind == QuantityKind::Percent => RawKind::Percent,
        Measure::Quantity(_) => RawKind::Number,
    }
}

/// One provincial value: for a year (or every year) and a class (or every class).
struct Entry {
    year: Option<u16>,
    class: Option<ClassId>,
    level: Level,
    line: u64,
}

/// The values an overlay threshold gives, `~` (still to fill in) left out.
fn entries(
    v: &mut Validator<'_>,
    id: &str,
    spanned: &Spanned<RawOverlayThreshold>,
    kind: QuantityKind,
    period: Period,
    classification: &Classification,
) -> Vec<Entry> {
    let t = &spanned.value;
    let line = spanned.referenced.line();
    v.non_empty(line, Field::ThresholdSource(id.to_owned()), &t.source);
    let given = usize::from(t.value.is_some())
        + usize::from(t.by_region.is_some())
        + usize::from(t.by_year.is_some());
    if given != 1 {
        v.report(
            line,
            Shape::OneForm {
                id: id.to_owned(),
                relative: false,
            },
        );
        return Vec::new();
    }
    let ctx = LevelContext {
        id,
        kind,
        source: &t.source,
        verified: t.verified,
        note: t.note.as_deref(),
        line,
    };
    let mut out = Vec::new();
    if let Some(value) = &t.value {
        one(v, &ctx, value, (None, None), &mut out);
    } else if let Some(map) = &t.by_region {
        by_class(v, &ctx, map, None, classification, &mut out);
    } else if let Some(years) = &t.by_year {
        for (year, spanned_year) in years {
            let yline = spanned_year.referenced.line();
            if !(period.from..=period.to).contains(year) {
                v.report(
                    yline,
                    OutOfRange::Year {
                        id: id.to_owned(),
                        year: *year,
                        period: period.to_string(),
                    },
                );
                continue;
            }
            let ctx = LevelContext { line: yline, ..ctx };
            let RawYear { value, by_region } = &spanned_year.value;
            match (value, by_region) {
                (Some(value), None) => one(v, &ctx, value, (Some(*year), None), &mut out),
                (None, Some(map)) => by_class(v, &ctx, map, Some(*year), classification, &mut out),
                _ => v.report(
                    yline,
                    Shape::YearOneForm {
                        id: id.to_owned(),
                        year: *year,
                    },
                ),
            }
        }
    }
    out
}

/// One value of an overlay threshold, for `year` and `class` (`None`: every one), unless it is
/// `~` (still to fill in).
fn one(
    v: &mut Validator<'_>,
    ctx: &LevelContext<'_>,
    value: &RawValue,
    (year, class): (Option<u16>, Option<ClassId>),
    out: &mut Vec<Entry>,
) {
    let filled = match value {
        RawValue::Number(_) => true,
        RawValue::Unknown(()) => false,
        RawValue::Detailed(d) => d.value.is_some(),
    };
    if filled && let Some(mut level) = ctx.level(v, value, year) {
        level.provincial = true;
        out.push(Entry {
            year,
            class,
            level,
            line: ctx.line,
        });
    }
}

/// The values of a `by_region` map, each class code checked against the base's.
fn by_class(
    v: &mut Validator<'_>,
    ctx: &LevelContext<'_>,
    map: &super::raw::RawClassMap,
    year: Option<u16>,
    classification: &Classification,
    out: &mut Vec<Entry>,
) {
    for (code, value) in &map.0 {
        let ctx = LevelContext {
            line: code.referenced.line(),
            ..*ctx
        };
        let code = code.value.trim();
        if let Some(i) = classification.classes.iter().position(|c| c.code == code) {
            one(v, &ctx, value, (year, Some(ClassId(i))), out);
        } else {
            v.report(
                ctx.line,
                Unknown::Class {
                    indicator: ctx.id.to_owned(),
                    code: code.to_owned(),
                    codes: classification.codes(),
                    base: true,
                },
            );
        }
    }
}

/// What merging an overlay's values into a base threshold needs to know.
struct Merge<'a> {
    id: &'a str,
    base: &'a str,
    comparison: Comparison,
    loosens: bool,
    source: &'a str,
    period: Period,
    classification: &'a Classification,
}

/// `base` with `entries` written over it. A value that lowers a known level of the base is an
/// error unless the overlay says it `loosens`.
fn merge(v: &mut Validator<'_>, m: &Merge<'_>, base: &Threshold, entries: &[Entry]) -> Threshold {
    let classes = m.classification.classes.len();
    let years: Vec<u16> = (m.period.from..=m.period.to).collect();
    // Every year of the period, every class: the base's level where it has one.
    let mut grid: BTreeMap<u16, Vec<Option<Level>>> = years
        .iter()
        .map(|&year| {
            let cells = match base {
                Threshold::Single(level) => vec![Some(level.clone()); classes],
                Threshold::ByClass(levels) => levels.iter().cloned().map(Some).collect(),
                Threshold::ByYear(by_year) => match by_year.iter().find(|(y, _)| *y == year) {
                    Some((_, YearLevels::Single(level))) => vec![Some(level.clone()); classes],
                    Some((_, YearLevels::ByClass(levels))) => {
                        levels.iter().cloned().map(Some).collect()
                    }
                    None => vec![None; classes],
                },
            };
            (year, cells)
        })
        .collect();
    for entry in entries {
        let new = entry.level.amount.expect("entries hold values");
        for (&year, cells) in &mut grid {
            if entry.year.is_some_and(|y| y != year) {
                continue;
            }
            for (c, cell) in cells.iter_mut().enumerate() {
                if entry.class.is_some_and(|k| k.0 != c) {
                    continue;
                }
                if let Some(old) = cell.as_ref().and_then(|l| l.amount.map(|a| (a, l)))
                    && loosens(m.comparison, new, old.0)
                    && !m.loosens
                {
                    let (amount, level) = old;
                    v.report(
                        entry.line,
                        Msg::OverlayLoosens(Box::new(Loosening {
                            id: m.id.to_owned(),
                            year: entry.year,
                            class: entry
                                .class
                                .map(|_| m.classification.classes[c].code.clone()),
                            comparison: m.comparison.symbol().to_owned(),
                            new: number(new),
                            base: m.base.to_owned(),
                            old: number(amount),
                            source: level.source.clone(),
                        })),
                    );
                    // (reported once per entry)
                    return base.clone();
                }
                *cell = Some(entry.level.clone());
            }
        }
    }
    fold(grid, m.source, years.len())
}

/// Whether `new` is a lower bar than `old` under `comparison`.
fn loosens(comparison: Comparison, new: f64, old: f64) -> bool {
    match comparison {
        Comparison::AtLeast => !Comparison::AtLeast.holds(new, old),
        Comparison::AtMost => !Comparison::AtMost.holds(new, old),
        Comparison::Equal => !Comparison::Equal.holds(new, old),
    }
}

fn number(value: f64) -> String {
    let s = format!("{value}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The grid back in the smallest shape that says the same: years without a level dropped,
/// a year whose classes agree as one value, a threshold whose years all agree without years.
fn fold(grid: BTreeMap<u16, Vec<Option<Level>>>, source: &str, period_years: usize) -> Threshold {
    let gap = || Level {
        amount: None,
        source: source.to_owned(),
        verified: false,
        note: Some("no level for this year and class".to_owned()),
        provincial: true,
    };
    let years: Vec<(u16, YearLevels)> = grid
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(Option::is_some))
        .map(|(year, cells)| {
            let levels: Vec<Level> = cells.into_iter().map(|c| c.unwrap_or_else(gap)).collect();
            let levels = if levels.iter().all(|l| *l == levels[0]) {
                YearLevels::Single(levels[0].clone())
            } else {
                YearLevels::ByClass(levels)
            };
            (year, levels)
        })
        .collect();
    if years.len() == period_years && years.iter().all(|(_, l)| *l == years[0].1) {
        return match years.into_iter().next().expect("a period has a year").1 {
            YearLevels::Single(level) => Threshold::Single(level),
            YearLevels::ByClass(levels) => Threshold::ByClass(levels),
        };
    }
    Threshold::ByYear(years)
}

#[cfg(test)]
mod tests {
    use crate::criteria::{CriteriaSet, Verdict};
    use crate::score::score;
    use crate::survey::{Commune, Reading};

    /// An overlay on the test set, as if read from `tests/data/overlay.yaml`.
    fn load(body: &str) -> crate::Result<CriteriaSet> {
        let yaml = format!(
            "extends: mini-set.yaml\nid: tinh-thu\ntitle: {{ vi: Tỉnh thử, en: Test province }}\n{body}"
        );
        CriteriaSet::from_yaml(&yaml, "tests/data/overlay.yaml")
    }

    /// `(line, message)` of each problem of a rejected overlay.
    fn problems(body: &str) -> Vec<(u64, String)> {
        match load(body).unwrap_err() {
            crate::Error::Invalid { problems, .. } => problems
                .into_iter()
                .map(|p| {
                    (
                        p.location.line.unwrap_or(0),
                        p.message.text(crate::lang::Lang::En),
                    )
                })
                .collect(),
            other => vec![(0, other.to_string())],
        }
    }

    const ROADS: &str = "tiers:
  - id: standard
    criteria:
      - number: 2
        indicators:
          - id: \"2.1\"
            threshold:
              source: QĐ 1/QĐ-UBND tỉnh thử
              by_region:
                NORTH: NORTH_VALUE
                SOUTH: 75
";

    /// The verdict of criterion `number` of tier `tier` for a commune of `class` in `year`
    /// whose column `id` reads `value`.
    fn verdict(set: &CriteriaSet, tier: usize, number: u32, id: &str, value: f64) -> Verdict {
        let mut commune = Commune::blank(set, 1, 2024);
        let column = set.columns.iter().position(|c| c == id).unwrap();
        commune.readings[column] = Some(Reading::Value(value));
        let position = set.tiers[tier]
            .criteria
            .iter()
            .position(|c| c.number == number)
            .unwrap();
        score(set, commune).unwrap().0.tiers[tier][position].verdict
    }

    #[test]
    fn nam_dinh_fills_the_model_income_the_nation_leaves_unknown() {
        let national = CriteriaSet::load("vn-commune-2021-2025").unwrap();
        let province = CriteriaSet::load("examples/nam-dinh-2021-2025.yaml").unwrap();
        assert_eq!(province.extends.as_deref(), Some("vn-commune-2021-2025"));
        // a Red River Delta commune (class 1) in 2024, model tier (2), condition 2
        assert_eq!(verdict(&national, 2, 2, "10", 95.0), Verdict::NotAssessed);
        assert_eq!(verdict(&province, 2, 2, "10", 95.0), Verdict::Met);
        assert_eq!(verdict(&province, 2, 2, "10", 93.0), Verdict::Met);
        assert_eq!(verdict(&province, 2, 2, "10", 92.9), Verdict::NotMet);
        // the rest is the national set's, unmarked
        assert_eq!(province.tiers[0], national.tiers[0]);
        assert_eq!(province.tiers[1], national.tiers[1]);
    }

    #[test]
    fn filling_unknown_and_stricter_levels_is_allowed_and_marked() {
        let set = load(&ROADS.replace("NORTH_VALUE", "80")).unwrap();
        let crate::criteria::Measure::Quantity(q) = &set.tiers[0].criteria[1].indicators[0].measure
        else {
            panic!("measured")
        };
        let levels = q.threshold.levels();
        assert!(levels.iter().all(|(_, _, l)| l.provincial && l.verified));
        assert_eq!(verdict(&set, 0, 2, "2.1", 76.0), Verdict::Met);
        assert_eq!(verdict(&set, 0, 2, "2.1", 74.0), Verdict::NotMet);
    }

    #[test]
    fn a_looser_level_is_rejected_with_its_line_unless_declared() {
        assert_eq!(
            problems(&ROADS.replace("NORTH_VALUE", "60")),
            [(
                13,
                "indicator 2.1, NORTH: >= 60 is looser than the level of mini-set.yaml (>= 70, test 2.1); a province that lowers a level says so: loosens: true, with the decision that allows it as the source".to_owned()
            )]
        );
        let declared = ROADS.replace("NORTH_VALUE", "60").replace(
            "              by_region:",
            "              loosens: true\n              by_region:",
        );
        assert!(load(&declared).is_ok());
    }

    #[test]
    fn what_the_base_lacks_is_named_with_its_line() {
        let body = "tiers:
  - id: pilot
  - id: standard
    criteria:
      - number: 9
      - number: 2
        indicators:
          - id: \"2.9\"
            threshold: { source: x, value: 1 }
          - id: \"2.1\"
            threshold:
              source: x
              by_region: { EAST: 1 }
";
        let got = problems(body);
        let lines: Vec<u64> = got.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [5, 8, 11, 16], "{got:?}");
        assert!(
            got[0]
                .1
                .starts_with("tier \"pilot\" is not in mini-set.yaml")
        );
        assert!(
            got[1]
                .1
                .starts_with("criterion 9 is not in tier \"standard\"")
        );
        assert!(got[2].1.starts_with("indicator 2.9 is not in criterion 2"));
        assert!(
            got[3]
                .1
                .contains("\"EAST\" is not a class code of the base")
        );
    }

    #[test]
    fn an_added_criterion_needs_bands_that_count_it() {
        let added = "tiers:
  - id: standard
    criteria:
      - number: 5
        added: true
        name: { vi: Khu dân cư kiểu mẫu, en: Model residential areas }
        owner: { vi: Sở E, en: Department E }
        source: QĐ 1/QĐ-UBND tỉnh thử, tiêu chí 5
        indicators:
          - id: \"5.1\"
            name: { vi: Tỷ lệ khu dân cư kiểu mẫu, en: Share of model residential areas }
            kind: percent
            source: QĐ 1/QĐ-UBND tỉnh thử, chỉ tiêu 5.1
            comparison: \">=\"
            threshold: { source: \"QĐ 1/QĐ-UBND tỉnh thử, chỉ tiêu 5.1\", value: 30 }
";
        let got = problems(added);
        assert!(
            got[0]
                .1
                .starts_with("no band holds communes meeting 5 of 5 criteria"),
            "{got:?}"
        );
        let bands = "bands:
  - { label: \"5\", min: 5, max: 5 }
  - { label: \"<5\", min: 0, max: 4 }
";
        let set = load(&format!("{bands}{added}")).unwrap();
        assert_eq!(set.tiers[0].criteria.len(), 5);
        assert!(set.tiers[0].criteria[4].provincial.is_some());
        assert_eq!(set.columns.last().map(String::as_str), Some("5.1"));
        assert_eq!(verdict(&set, 0, 5, "5.1", 31.0), Verdict::Met);
    }
}
