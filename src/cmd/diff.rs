//! `ntm diff OLD NEW`: what changed between two surveys of the same province.

use std::io::Write;

use crate::aggregate::changes::{Changes, CommuneChange, Movement, Snapshot, compare};
use crate::criteria::CriteriaSet;
use crate::env::Env;
use crate::error::Result;
use crate::lang::Lang;
use crate::render::labels::{Label, label};
use crate::render::output::{io_error, write_whole};
use crate::render::{RecordFormat, TableLabels, neutralise, new_table, number};
use crate::scan::Scan;
use crate::survey::input::InputOptions;

/// What `ntm diff` was asked to do.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Last period's survey.
    pub old: String,
    /// This period's survey.
    pub new: String,
    /// A built-in set id or a YAML file, for both files.
    pub criteria: String,
    /// The output format.
    pub format: RecordFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// Write CSV text as it is, without neutralising formulas.
    pub raw: bool,
    /// Language of labels.
    pub lang: Lang,
}

/// Reads and scores a whole survey into snapshots.
pub fn snapshots(
    set: &CriteriaSet,
    input: &str,
    read: &InputOptions,
    env: &Env,
    stderr: &mut dyn Write,
) -> Result<Vec<Snapshot>> {
    let mut out = Vec::new();
    Scan::open(set, input, read, stderr)?.run(env, stderr, |score| {
        out.push(Snapshot::of(set, score));
        Ok(())
    })?;
    Ok(out)
}

/// Runs `ntm diff`; returns the changes so that `--check` can judge them.
pub fn run(options: &DiffOptions, env: &Env, stderr: &mut dyn Write) -> Result<Changes> {
    let set = CriteriaSet::load(&options.criteria)?;
    let old = snapshots(&set, &options.old, &options.read, env, stderr)?;
    let new = snapshots(&set, &options.new, &options.read, env, stderr)?;
    let changes = compare(&set, &old, &new);
    let labels = TableLabels::new(&set, options.lang, env.table_width);
    write_whole(options.output.as_deref(), |out, name| {
        write(&changes, options.format, &labels, options.raw, out).map_err(io_error(name))
    })?;
    Ok(changes)
}

fn movement(m: Movement, lang: Lang) -> &'static str {
    label(
        match m {
            Movement::Lost => Label::MovedLost,
            Movement::Missing => Label::MovedMissing,
            Movement::TierUp => Label::MovedUp,
            Movement::Gained => Label::MovedGained,
            Movement::Added => Label::MovedAdded,
        },
        lang,
    )
}

fn csv_row(c: &CommuneChange) -> [String; 10] {
    let n = |x: Option<u32>| x.map(|x| x.to_string()).unwrap_or_default();
    [
        c.commune_id.clone(),
        c.commune.clone(),
        c.district.clone(),
        serde_json::to_value(c.change)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        c.tier_before.clone().unwrap_or_default(),
        c.tier_after.clone().unwrap_or_default(),
        n(c.criteria_before),
        n(c.criteria_after),
        c.gained.join(";"),
        c.lost.join(";"),
    ]
}

/// Writes the changes in `format`.
pub fn write(
    changes: &Changes,
    format: RecordFormat,
    labels: &TableLabels,
    raw: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let lang = labels.lang;
    match format {
        RecordFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, changes)?;
            writeln!(out)?;
        }
        RecordFormat::Ndjson => {
            for c in &changes.communes {
                serde_json::to_writer(&mut *out, c)?;
                writeln!(out)?;
            }
        }
        RecordFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            let csv_err = crate::render::csv_io_error;
            w.write_record([
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
            ])
            .map_err(csv_err)?;
            for c in &changes.communes {
                let row = csv_row(c);
                if raw {
                    w.write_record(row).map_err(csv_err)?;
                } else {
                    w.write_record(row.iter().map(|f| neutralise(f).into_owned()))
                        .map_err(csv_err)?;
                }
            }
            w.flush()?;
        }
        RecordFormat::Table => {
            let mut totals = new_table(labels.width);
            totals.set_header([
                label(Label::Figure, lang),
                label(Label::Before, lang),
                label(Label::After, lang),
                label(Label::Change, lang),
            ]);
            for t in &changes.totals {
                let sign = if t.change > 0.0 { "+" } else { "" };
                totals.add_row([
                    t.name.clone(),
                    number(t.before),
                    number(t.after),
                    format!("{sign}{}", number(t.change)),
                ]);
            }
            writeln!(out, "{totals}")?;
            let mut table = new_table(labels.width);
            table.set_header([
                label(Label::CommuneId, lang),
                label(Label::Commune, lang),
                label(Label::Change, lang),
                label(Label::Tier, lang),
                label(Label::CriteriaMet, lang),
                label(Label::CriterionName, lang),
            ]);
            for c in &changes.communes {
                let arrow = |a: &Option<String>, b: &Option<String>| {
                    format!(
                        "{} → {}",
                        a.as_deref()
                            .map_or("—".to_owned(), |t| labels.tier(Some(t))),
                        b.as_deref()
                            .map_or("—".to_owned(), |t| labels.tier(Some(t)))
                    )
                };
                let n = |x: Option<u32>| x.map_or("—".to_owned(), |x| x.to_string());
                let mut criteria = Vec::new();
                if !c.lost.is_empty() {
                    criteria.push(format!("− {}", c.lost.join(", ")));
                }
                if !c.gained.is_empty() {
                    criteria.push(format!("+ {}", c.gained.join(", ")));
                }
                table.add_row([
                    c.commune_id.clone(),
                    c.commune.clone(),
                    movement(c.change, lang).to_owned(),
                    arrow(&c.tier_before, &c.tier_after),
                    format!("{} → {}", n(c.criteria_before), n(c.criteria_after)),
                    criteria.join("\n"),
                ]);
            }
            writeln!(out, "{table}")?;
        }
    }
    out.flush()
}
