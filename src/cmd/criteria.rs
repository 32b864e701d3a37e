//! `ntm criteria list` and `ntm criteria show`: what the built-in sets are, and everything in
//! one set, with every threshold's source and every unverified value flagged.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::criteria::{
    BUILTIN_SETS, BuiltinSet, CriteriaSet, Date, Level, Measure, QuantityKind, SetChoice,
    Threshold, default_builtin,
};
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::{Lang, Text};
use crate::msg::Msg;
use crate::render::labels::{Label, label};
use crate::render::{DocumentFormat, json_document, new_table, not_written};

/// The formats `ntm criteria list` writes.
pub const LIST_FORMATS: &[DocumentFormat] = &[DocumentFormat::Table, DocumentFormat::Json];

/// The formats `ntm criteria show` writes; YAML is a criteria file, a start for a provincial set.
pub const SHOW_FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Table,
    DocumentFormat::Json,
    DocumentFormat::Yaml,
    DocumentFormat::Markdown,
];

/// The formats `ntm criteria diff` writes.
pub const DIFF_FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Table,
    DocumentFormat::Json,
    DocumentFormat::Markdown,
];

/// `ntm criteria list`.
pub fn list(format: DocumentFormat, lang: Lang, env: &Env, out: &mut dyn Write) -> Result<()> {
    let today = env.today;
    let default = default_builtin(today).id;
    let sets = BUILTIN_SETS
        .iter()
        .map(BuiltinSet::load)
        .collect::<Result<Vec<_>>>()?;
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match format {
        DocumentFormat::Json => {
            let views: Vec<_> = sets
                .iter()
                .map(|s| ListView {
                    id: &s.id,
                    title: &s.title,
                    legal_basis: s.legal_basis.iter().map(|a| a.decision.as_str()).collect(),
                    period: PeriodView {
                        from: s.period.from,
                        to: s.period.to,
                    },
                    in_force_from: iso(s.in_force.from),
                    in_force_until: s.in_force.until.map(iso),
                    in_force: s.in_force.contains(today),
                    default: s.id == default,
                })
                .collect();
            json_document(&views, out).map_err(io)?;
        }
        DocumentFormat::Table => {
            let mut table = new_table(env.table_width);
            table.set_header([
                label(Label::Id, lang),
                label(Label::Title, lang),
                label(Label::LegalBasis, lang),
                label(Label::Period, lang),
                label(Label::InForce, lang),
            ]);
            for s in &sets {
                let id = if s.id == default {
                    format!("{} ({})", s.id, label(Label::Default, lang))
                } else {
                    s.id.clone()
                };
                let until = s.in_force.until.map_or_else(String::new, |d| d.to_string());
                let now = if s.in_force.contains(today) {
                    label(Label::Yes, lang)
                } else {
                    label(Label::No, lang)
                };
                table.add_row([
                    id,
                    s.title.get(lang).to_owned(),
                    s.legal_basis
                        .iter()
                        .map(|a| format!("{} ({})", a.decision, a.date))
                        .collect::<Vec<_>>()
                        .join("\n"),
                    s.period.to_string(),
                    format!("{} – {until}\n{now}", s.in_force.from),
                ]);
            }
            writeln!(out, "{table}").map_err(io)?;
        }
        other => return Err(not_written(other, "criteria list", LIST_FORMATS)),
    }
    Ok(())
}

/// `ntm criteria show`.
pub fn show(
    set: &SetChoice,
    format: DocumentFormat,
    lang: Lang,
    env: &Env,
    out: &mut dyn Write,
) -> Result<()> {
    let set = set.load()?;
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match format {
        DocumentFormat::Json => {
            json_document(&SetView::new(&set), out).map_err(io)?;
        }
        DocumentFormat::Yaml => out
            .write_all(crate::criteria::to_yaml(&set).as_bytes())
            .map_err(io)?,
        DocumentFormat::Markdown => show_markdown(&set, lang, out).map_err(io)?,
        DocumentFormat::Table => show_table(&set, lang, env.table_width, out).map_err(io)?,
        other => return Err(not_written(other, "criteria show", SHOW_FORMATS)),
    }
    Ok(())
}

/// `ntm criteria check`: loads a set, reporting every problem; on success a one-line summary
/// in `lang`.
pub fn check(name: &str, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let set = CriteriaSet::load(name)?;
    let criteria: usize = set.tiers.iter().map(|t| t.criteria.len()).sum();
    let indicators = set.indicators().count();
    let unverified =
        set.unverified().len() + set.indicators().filter(|(_, _, i)| !i.verified).count();
    let summary = Msg::CriteriaOk {
        file: name.to_owned(),
        id: set.id.clone(),
        period: set.period.to_string(),
        tiers: set.tiers.len(),
        criteria,
        indicators,
        unverified,
    };
    writeln!(out, "{}", summary.text(lang)).map_err(|source| Error::Io {
        path: "<stdout>".into(),
        source,
    })
}

/// `ntm criteria diff`: what changed from set `a` to set `b`.
pub fn diff(
    a: &str,
    b: &str,
    format: DocumentFormat,
    lang: Lang,
    env: &Env,
    out: &mut dyn Write,
) -> Result<()> {
    let (sa, sb) = (CriteriaSet::load(a)?, CriteriaSet::load(b)?);
    let changes = crate::criteria::diff::diff(&sa, &sb);
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    let rows: Vec<[String; 4]> = changes
        .iter()
        .map(|c| {
            let mut place = Vec::new();
            if let Some(tier) = &c.tier {
                place.push(format!("[{tier}]"));
            }
            match (c.criterion, &c.indicator) {
                (Some(n), Some(id)) => place.push(format!("{n} / {id}")),
                (Some(n), None) => place.push(n.to_string()),
                _ => {}
            }
            if let Some(at) = &c.at {
                place.push(at.clone());
            }
            let kind = serde_json::to_value(c.change)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            [
                kind,
                place.join(" "),
                c.from.clone().unwrap_or_default(),
                c.to.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = [
        label(Label::Change, lang),
        label(Label::Where, lang),
        sa.id.as_str(),
        sb.id.as_str(),
    ];
    match format {
        DocumentFormat::Json => {
            json_document(&changes, out).map_err(io)?;
        }
        DocumentFormat::Markdown => {
            writeln!(out, "| {} |", header.join(" | ")).map_err(io)?;
            writeln!(out, "|---|---|---|---|").map_err(io)?;
            for row in &rows {
                let cells: Vec<_> = row.iter().map(|c| markdown_cell(c)).collect();
                writeln!(out, "| {} |", cells.join(" | ")).map_err(io)?;
            }
        }
        DocumentFormat::Table => {
            let mut table = new_table(env.table_width);
            table.set_header(header);
            for row in rows {
                table.add_row(row);
            }
            writeln!(out, "{table}").map_err(io)?;
        }
        other => return Err(not_written(other, "criteria diff", DIFF_FORMATS)),
    }
    Ok(())
}

fn markdown_cell(text: &str) -> String {
    crate::render::sections::markdown_text(text)
}

fn show_markdown(set: &CriteriaSet, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "# {} (`{}`)\n", set.title.get(lang), set.id)?;
    for fact in facts(set, lang, |code| format!("`{code}`")) {
        writeln!(out, "- {fact}")?;
    }
    for tier in &set.tiers {
        writeln!(
            out,
            "\n## {} (`{}`)\n\n{}\n",
            tier.name.get(lang),
            tier.id,
            tier.source
        )?;
        writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            label(Label::Indicator, lang),
            label(Label::Criterion, lang),
            label(Label::Threshold, lang),
            label(Label::Source, lang)
        )?;
        for criterion in &tier.criteria {
            let column = format!("`{}`", tier.verdict_column(criterion.number));
            let how = if criterion.indicators.is_empty() {
                format!("{} {column}", label(Label::VerdictOnly, lang))
            } else if !criterion.indicators_complete {
                format!("{} {column}", label(Label::PartialList, lang))
            } else {
                column
            };
            writeln!(
                out,
                "| **{}** | **{}** | {} | {} |",
                criterion.number,
                markdown_cell(&marked_name(
                    &criterion.name,
                    criterion.provincial.is_some(),
                    lang
                )),
                how,
                markdown_cell(&owner(criterion, lang))
            )?;
            for indicator in &criterion.indicators {
                let star = if indicator.verified { "" } else { " \\*" };
                writeln!(
                    out,
                    "| {} | {}{star} | {} | {} |",
                    indicator.id,
                    markdown_cell(&format!(
                        "{}{}",
                        marked_name(&indicator.name, indicator.provincial, lang),
                        indicator
                            .years
                            .map(|y| format!(" ({} {y})", years_label(lang)))
                            .unwrap_or_default()
                    )),
                    markdown_cell(&describe(set, &indicator.measure, lang)),
                    markdown_cell(indicator.source.as_deref().unwrap_or_default())
                )?;
            }
        }
        if !tier.conditions.is_empty() {
            writeln!(
                out,
                "\n{} ({}):\n",
                label(Label::RecognitionConditions, lang),
                label(Label::ConditionsOptional, lang)
            )?;
            for c in &tier.conditions {
                let star = if c.verified { "" } else { " \\*" };
                writeln!(
                    out,
                    "- `{}`: {}{star} — {}",
                    c.column,
                    markdown_cell(c.name.get(lang)),
                    markdown_cell(&c.source)
                )?;
            }
        }
    }
    let unverified = unverified_lines(set, lang);
    if !unverified.is_empty() {
        writeln!(out, "\n## {}\n", label(Label::UnverifiedHeading, lang))?;
        for line in unverified {
            writeln!(out, "- {}", line.trim_start())?;
        }
    }
    Ok(())
}

fn show_table(
    set: &CriteriaSet,
    lang: Lang,
    width: u16,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "{} ({})", set.title.get(lang), set.id)?;
    for fact in facts(set, lang, str::to_owned) {
        writeln!(out, "  {fact}")?;
    }
    for tier in &set.tiers {
        writeln!(
            out,
            "\n{} ({}) — {}",
            tier.name.get(lang),
            tier.id,
            tier.source
        )?;
        let mut table = new_table(width);
        table.set_header([
            label(Label::Indicator, lang),
            label(Label::Criterion, lang),
            label(Label::Threshold, lang),
        ]);
        for criterion in &tier.criteria {
            let column = tier.verdict_column(criterion.number);
            let mut about = format!("{}: {}", label(Label::Owner, lang), owner(criterion, lang));
            if criterion.indicators.is_empty() {
                let _ = write!(about, "\n{} {column}", label(Label::VerdictOnly, lang));
            } else if !criterion.indicators_complete {
                let _ = write!(about, "\n{} {column}", label(Label::PartialList, lang));
            }
            table.add_row([
                criterion.number.to_string(),
                marked_name(&criterion.name, criterion.provincial.is_some(), lang).to_uppercase(),
                about,
            ]);
            for indicator in &criterion.indicators {
                let mut name = marked_name(&indicator.name, indicator.provincial, lang);
                if let Some(years) = indicator.years {
                    let _ = write!(name, " ({} {years})", years_label(lang));
                }
                if !indicator.verified {
                    name.push_str(" *");
                }
                table.add_row([
                    indicator.id.clone(),
                    name,
                    describe(set, &indicator.measure, lang),
                ]);
            }
        }
        writeln!(out, "{table}")?;
        if !tier.conditions.is_empty() {
            writeln!(
                out,
                "{} ({}):",
                label(Label::RecognitionConditions, lang),
                label(Label::ConditionsOptional, lang)
            )?;
            for c in &tier.conditions {
                let star = if c.verified { "" } else { " *" };
                writeln!(
                    out,
                    "  {}: {}{star} — {}",
                    c.column,
                    c.name.get(lang),
                    c.source
                )?;
            }
        }
    }
    let lines = unverified_lines(set, lang);
    if !lines.is_empty() {
        writeln!(out, "\n* {}:", label(Label::UnverifiedHeading, lang))?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The facts about a set shown above its criteria: legal acts, period, dates in force, the
/// classification and its overrides, bands. `code` quotes codes and column names.
fn facts(set: &CriteriaSet, lang: Lang, code: impl Fn(&str) -> String) -> Vec<String> {
    let mut out: Vec<String> = set
        .legal_basis
        .iter()
        .map(|act| format!("{} ({}): {}", act.decision, act.date, act.title.get(lang)))
        .collect();
    if let Some(base) = &set.extends {
        out.push(match lang {
            Lang::Vi => format!(
                "Bộ tiêu chí của tỉnh trên nền {}: giá trị đánh dấu {} do tỉnh quy định, còn lại theo bộ gốc",
                code(base),
                provincial_mark(lang)
            ),
            Lang::En => format!(
                "A provincial overlay on {}: values marked {} are the province's, the rest the base set's",
                code(base),
                provincial_mark(lang)
            ),
        });
    }
    out.push(format!("{}: {}", label(Label::Period, lang), set.period));
    let until = set
        .in_force
        .until
        .map_or_else(String::new, |d| d.to_string());
    out.push(format!(
        "{}: {} – {until}",
        label(Label::InForce, lang),
        set.in_force.from
    ));
    let c = &set.classification;
    out.push(format!(
        "{} ({}): {}",
        c.name.get(lang),
        code(&c.column),
        c.classes
            .iter()
            .map(|k| format!("{} {}", code(&k.code), k.name.get(lang)))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    for o in &c.overrides {
        out.push(format!(
            "{} ({}) → {} [{}]",
            code(&o.column),
            o.name.get(lang),
            code(&c.class(o.class).code),
            o.source
        ));
    }
    out.push(format!(
        "{}: {}",
        label(Label::Band, lang),
        set.bands
            .iter()
            .map(|b| code(&b.label))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out
}

/// One line per unverified item: indicators whose number or wording is not verified, then
/// threshold values, regions sharing a value, source and note merged.
fn unverified_lines(set: &CriteriaSet, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = set
        .indicators()
        .filter(|(_, _, i)| !i.verified)
        .map(|(tier, _, indicator)| {
            format!(
                "  [{}] {}: {}",
                tier.id,
                indicator.id,
                indicator
                    .note
                    .as_deref()
                    .unwrap_or("number and wording not verified")
            )
        })
        .collect();
    let mut lines: Vec<(String, Vec<String>, String)> = Vec::new();
    for u in set.unverified() {
        let value = u
            .level
            .amount
            .map_or_else(|| label(Label::NotKnown, lang).to_owned(), number);
        let head = format!(
            "  [{}] {}{}",
            u.tier.id,
            u.indicator.id,
            u.year.map(|y| format!(" {y}")).unwrap_or_default()
        );
        let tail = format!(
            "{value} — {}{}",
            u.level.source,
            u.level
                .note
                .as_ref()
                .map(|n| format!("; {n}"))
                .unwrap_or_default()
        );
        let class = u.class.map(|c| c.code.clone());
        match lines.last_mut() {
            Some((h, classes, t)) if *h == head && *t == tail && class.is_some() => {
                classes.extend(class);
            }
            _ => lines.push((head, class.into_iter().collect(), tail)),
        }
    }
    out.extend(lines.into_iter().map(|(head, classes, tail)| {
        let classes = if classes.is_empty() {
            String::new()
        } else {
            format!(" ({})", classes.join(", "))
        };
        format!("{head}{classes}: {tail}")
    }));
    out
}

/// A threshold in a few lines: `≥ 80 %`, or one line per year and class, with unknown values
/// grouped and unverified ones starred.
fn describe(set: &CriteriaSet, measure: &Measure, lang: Lang) -> String {
    let Measure::Quantity(q) = measure else {
        return label(Label::MustBeMet, lang).to_owned();
    };
    let unit = match (q.kind, &q.unit) {
        (QuantityKind::Percent, _) => " %".to_owned(),
        (_, Some(unit)) => format!(" {unit}"),
        _ => String::new(),
    };
    let symbol = match q.comparison.symbol() {
        ">=" => "≥",
        "<=" => "≤",
        other => other,
    };
    let value = |level: &Level| {
        let mut text = match level.amount {
            Some(amount) => format!(
                "{symbol} {}{unit}{}",
                number(amount),
                if level.verified { "" } else { " *" }
            ),
            None => format!("{} *", label(Label::NotKnown, lang)),
        };
        if level.provincial {
            let _ = write!(text, " {}", provincial_mark(lang));
        }
        text
    };
    let mut lines = Vec::new();
    let by_class = |prefix: String, levels: &[Level], lines: &mut Vec<String>| {
        let unknown: Vec<_> = levels
            .iter()
            .enumerate()
            .filter(|(_, l)| l.amount.is_none() && !l.provincial)
            .map(|(i, _)| set.classification.classes[i].code.as_str())
            .collect();
        for (i, level) in levels.iter().enumerate() {
            if level.amount.is_some() || level.provincial {
                let code = &set.classification.classes[i].code;
                lines.push(format!("{prefix}{code} {}", value(level)));
            }
        }
        if unknown.len() == levels.len() {
            lines.push(format!("{prefix}{} *", label(Label::NotKnown, lang)));
        } else if !unknown.is_empty() {
            lines.push(format!(
                "{prefix}{}: {} *",
                unknown.join(", "),
                label(Label::NotKnown, lang)
            ));
        }
    };
    match &q.threshold {
        Threshold::Single(level) => lines.push(value(level)),
        Threshold::ByClass(levels) => by_class(String::new(), levels, &mut lines),
        Threshold::ByYear(years) => {
            for (year, levels) in years {
                match levels {
                    crate::criteria::YearLevels::Single(level) => {
                        lines.push(format!("{year}: {}", value(level)));
                    }
                    crate::criteria::YearLevels::ByClass(levels) => {
                        by_class(format!("{year}: "), levels, &mut lines);
                    }
                }
            }
        }
    }
    lines.join("\n")
}

/// How `criteria show` marks what a provincial overlay gave, beside the base's values.
fn provincial_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "[tỉnh]",
        Lang::En => "[province]",
    }
}

/// What the years of a dated version of an indicator are called.
fn years_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "áp dụng cho năm đánh giá",
        Lang::En => "for survey years",
    }
}

/// A criterion's owner, with the province's source when an overlay assigned it, and the
/// departments it moved to, from which survey year.
fn owner(criterion: &crate::criteria::Criterion, lang: Lang) -> String {
    let mut out = match &criterion.owner_source {
        Some(source) => format!(
            "{} {} ({source})",
            criterion.owner.get(lang),
            provincial_mark(lang)
        ),
        None => criterion.owner.get(lang).to_owned(),
    };
    for change in &criterion.owner_changes {
        let _ = write!(
            out,
            "; {} {}: {} ({})",
            label(Label::FromYear, lang),
            change.from,
            change.owner.get(lang),
            change.source
        );
    }
    out
}

/// A criterion's or an indicator's name, marked when a provincial overlay added it.
fn marked_name(name: &Text, provincial: bool, lang: Lang) -> String {
    if provincial {
        format!("{} {}", name.get(lang), provincial_mark(lang))
    } else {
        name.get(lang).to_owned()
    }
}

/// A threshold value without a needless `.0`.
fn number(value: f64) -> String {
    let s = format!("{value}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

#[derive(Serialize)]
struct ListView<'a> {
    id: &'a str,
    title: &'a Text,
    legal_basis: Vec<&'a str>,
    period: PeriodView,
    in_force_from: String,
    in_force_until: Option<String>,
    in_force: bool,
    default: bool,
}

#[derive(Serialize)]
struct PeriodView {
    from: u16,
    to: u16,
}

#[derive(Serialize)]
struct SetView<'a> {
    id: &'a str,
    title: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<&'a str>,
    legal_basis: Vec<ActView<'a>>,
    period: PeriodView,
    in_force_from: String,
    in_force_until: Option<String>,
    classification: ClassificationView<'a>,
    bands: Vec<BandView<'a>>,
    tiers: Vec<TierView<'a>>,
}

#[derive(Serialize)]
struct ActView<'a> {
    decision: &'a str,
    date: String,
    title: &'a Text,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct ClassificationView<'a> {
    column: &'a str,
    name: &'a Text,
    classes: Vec<ClassView<'a>>,
    overrides: Vec<OverrideView<'a>>,
}

#[derive(Serialize)]
struct ClassView<'a> {
    code: &'a str,
    name: &'a Text,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct OverrideView<'a> {
    column: &'a str,
    name: &'a Text,
    uses: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct BandView<'a> {
    label: &'a str,
    min: u32,
    max: u32,
}

#[derive(Serialize)]
struct TierView<'a> {
    id: &'a str,
    name: &'a Text,
    source: &'a str,
    verdict_prefix: &'a str,
    criteria: Vec<CriterionView<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    conditions: &'a [crate::criteria::Condition],
}

#[derive(Serialize)]
struct CriterionView<'a> {
    number: u32,
    name: &'a Text,
    owner: &'a Text,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    owner_changes: &'a [crate::criteria::OwnerChange],
    #[serde(skip_serializing_if = "Option::is_none")]
    owner_source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    provincial: Option<&'a str>,
    note: Option<&'a str>,
    indicators_complete: bool,
    indicators: Vec<IndicatorView<'a>>,
}

#[derive(Serialize)]
struct IndicatorView<'a> {
    id: &'a str,
    name: &'a Text,
    kind: &'static str,
    unit: Option<&'a str>,
    comparison: Option<&'static str>,
    source: Option<&'a str>,
    verified: bool,
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    provincial: bool,
    thresholds: Vec<LevelView<'a>>,
}

#[derive(Serialize)]
struct LevelView<'a> {
    year: Option<u16>,
    class: Option<&'a str>,
    value: Option<f64>,
    verified: bool,
    source: &'a str,
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    provincial: bool,
}

impl<'a> SetView<'a> {
    fn new(set: &'a CriteriaSet) -> Self {
        let c = &set.classification;
        SetView {
            id: &set.id,
            title: &set.title,
            extends: set.extends.as_deref(),
            legal_basis: set
                .legal_basis
                .iter()
                .map(|a| ActView {
                    decision: &a.decision,
                    date: iso(a.date),
                    title: &a.title,
                    note: a.note.as_deref(),
                })
                .collect(),
            period: PeriodView {
                from: set.period.from,
                to: set.period.to,
            },
            in_force_from: iso(set.in_force.from),
            in_force_until: set.in_force.until.map(iso),
            classification: ClassificationView {
                column: &c.column,
                name: &c.name,
                classes: c
                    .classes
                    .iter()
                    .map(|k| ClassView {
                        code: &k.code,
                        name: &k.name,
                        aliases: &k.aliases,
                    })
                    .collect(),
                overrides: c
                    .overrides
                    .iter()
                    .map(|o| OverrideView {
                        column: &o.column,
                        name: &o.name,
                        uses: &c.class(o.class).code,
                        source: &o.source,
                    })
                    .collect(),
            },
            bands: set
                .bands
                .iter()
                .map(|b| BandView {
                    label: &b.label,
                    min: b.min,
                    max: b.max,
                })
                .collect(),
            tiers: set
                .tiers
                .iter()
                .map(|t| TierView {
                    id: &t.id,
                    name: &t.name,
                    source: &t.source,
                    verdict_prefix: &t.verdict_prefix,
                    conditions: &t.conditions,
                    criteria: t
                        .criteria
                        .iter()
                        .map(|cr| CriterionView {
                            number: cr.number,
                            name: &cr.name,
                            owner: &cr.owner,
                            owner_changes: &cr.owner_changes,
                            owner_source: cr.owner_source.as_deref(),
                            provincial: cr.provincial.as_deref(),
                            note: cr.note.as_deref(),
                            indicators_complete: cr.indicators_complete,
                            indicators: cr
                                .indicators
                                .iter()
                                .map(|i| indicator_view(set, i))
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

fn indicator_view<'a>(
    set: &'a CriteriaSet,
    i: &'a crate::criteria::Indicator,
) -> IndicatorView<'a> {
    let (kind, unit, comparison, thresholds) = match &i.measure {
        Measure::YesNo => ("yes_no", None, None, Vec::new()),
        Measure::Quantity(q) => (
            match q.kind {
                QuantityKind::Percent => "percent",
                QuantityKind::Number => "number",
            },
            q.unit.as_deref(),
            Some(q.comparison.symbol()),
            q.threshold
                .levels()
                .into_iter()
                .map(|(year, class, level)| LevelView {
                    year,
                    class: class.map(|c| set.classification.class(c).code.as_str()),
                    value: level.amount,
                    verified: level.verified,
                    source: &level.source,
                    note: level.note.as_deref(),
                    provincial: level.provincial,
                })
                .collect(),
        ),
    };
    IndicatorView {
        id: &i.id,
        name: &i.name,
        kind,
        unit,
        comparison,
        source: i.source.as_deref(),
        verified: i.verified,
        note: i.note.as_deref(),
        provincial: i.provincial,
        thresholds,
    }
}

/// `ntm criteria todo`: the overlay skeleton of every value `name` does not know.
pub fn todo(name: &str, out: &mut dyn Write) -> Result<()> {
    let set = CriteriaSet::load(name)?;
    out.write_all(todo_yaml(&set, name).as_bytes())
        .map_err(|source| Error::Io {
            path: "<stdout>".into(),
            source,
        })
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A YAML comment on one line.
fn comment(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The skeleton `criteria todo` writes: an overlay of `set`, with `~` for each value it does not
/// know and, beside it, where the legal text holds it. As written it changes nothing, so that
/// `criteria check` accepts it; each number filled in replaces a `~`.
#[must_use]
pub fn todo_yaml(set: &CriteriaSet, name: &str) -> String {
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# What {} does not know: every value written ~ below. Read each from the province's copy\n\
         # of the decision (the place is beside it), write the number in place of ~, and give the\n\
         # threshold's source as the decision you read it from. A ~ left as it is changes nothing.\n\
         # Then: ntm criteria check FILE, and ntm score SURVEY --criteria FILE.",
        set.id
    );
    let _ = writeln!(y, "extends: {}", quoted(name));
    let _ = writeln!(y, "id: {}", quoted(&format!("{}-tinh", set.id)));
    let _ = writeln!(
        y,
        "title:\n  vi: {}\n  en: {}",
        quoted(&format!("{} (tỉnh …)", set.title.vi)),
        quoted(&format!("{} (province of …)", set.title.en))
    );
    let _ = writeln!(y, "tiers:");
    let mut any_tier = false;
    for tier in &set.tiers {
        let mut tier_text = String::new();
        for criterion in &tier.criteria {
            let mut criterion_text = String::new();
            for indicator in &criterion.indicators {
                let Measure::Quantity(q) = &indicator.measure else {
                    continue;
                };
                if q.derived.is_some() {
                    continue;
                }
                let Some(values) = todo_values(set, &q.threshold) else {
                    continue;
                };
                let years = indicator.years.map_or_else(String::new, |y| {
                    let mut out = String::from("            years: {");
                    if let Some(from) = y.from {
                        let _ = write!(out, " from: {from}");
                    }
                    if let Some(to) = y.to {
                        let _ = write!(out, "{} to: {to}", if y.from.is_some() { "," } else { "" });
                    }
                    out.push_str(" }\n");
                    out
                });
                let _ = write!(
                    criterion_text,
                    "          - id: {}   # {} ({} {})\n{years}            threshold:\n              source: {}\n{values}",
                    quoted(&indicator.id),
                    comment(&indicator.name.vi),
                    q.comparison.symbol(),
                    match q.kind {
                        QuantityKind::Percent => "%".to_owned(),
                        QuantityKind::Number => q.unit.clone().unwrap_or_default(),
                    },
                    quoted("QĐ …/QĐ-UBND tỉnh …, Phụ lục …, chỉ tiêu …")
                );
            }
            if !criterion_text.is_empty() {
                let _ = write!(
                    tier_text,
                    "      - number: {}   # {}\n        indicators:\n{criterion_text}",
                    criterion.number,
                    comment(&criterion.name.vi)
                );
            }
        }
        if !tier_text.is_empty() {
            any_tier = true;
            let _ = write!(
                y,
                "  - id: {}\n    criteria:\n{tier_text}",
                quoted(&tier.id)
            );
        }
    }
    if !any_tier {
        y = y.replace(
            "tiers:\n",
            "tiers: []   # every threshold of the set is known\n",
        );
    }
    y
}

/// The unknown levels of `threshold` as overlay YAML (indented under `threshold:`), `None`
/// when it knows every value.
fn todo_values(set: &CriteriaSet, threshold: &Threshold) -> Option<String> {
    let unknown = |level: &Level| level.amount.is_none();
    let class_lines = |levels: &[Level], indent: &str| -> String {
        let mut out = String::new();
        for (i, level) in levels.iter().enumerate().filter(|(_, l)| unknown(l)) {
            let _ = writeln!(
                out,
                "{indent}{}: ~   # {}",
                quoted(&set.classification.classes[i].code),
                comment(&level.source)
            );
        }
        out
    };
    let text = match threshold {
        Threshold::Single(level) if unknown(level) => {
            format!("              value: ~   # {}\n", comment(&level.source))
        }
        Threshold::Single(_) => String::new(),
        Threshold::ByClass(levels) => {
            let lines = class_lines(levels, "                ");
            if lines.is_empty() {
                String::new()
            } else {
                format!("              by_region:\n{lines}")
            }
        }
        Threshold::ByYear(years) => {
            let mut lines = String::new();
            for (year, levels) in years {
                match levels {
                    crate::criteria::YearLevels::Single(level) if unknown(level) => {
                        let _ = writeln!(
                            lines,
                            "                {year}:\n                  value: ~   # {}",
                            comment(&level.source)
                        );
                    }
                    crate::criteria::YearLevels::Single(_) => {}
                    crate::criteria::YearLevels::ByClass(levels) => {
                        let class = class_lines(levels, "                    ");
                        if !class.is_empty() {
                            let _ = write!(
                                lines,
                                "                {year}:\n                  by_region:\n{class}"
                            );
                        }
                    }
                }
            }
            if lines.is_empty() {
                String::new()
            } else {
                format!("              by_year:\n{lines}")
            }
        }
    };
    (!text.is_empty()).then_some(text)
}
