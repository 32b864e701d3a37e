//! `ntm diff OLD NEW`: what changed between two surveys of the same province.

use std::io::Write;

use crate::aggregate::changes::{Changes, CommuneChange, Mergers, Snapshot, compare_merged};
use crate::criteria::{CriteriaSet, SetChoice};
use crate::env::Env;
use crate::error::Result;
use crate::lang::Lang;
use crate::render::figures::{decimal, signed, target_name};
use crate::render::labels::{Label, label};
use crate::render::output::{check_extension, io_error, refuse_overwriting, write_whole};
use crate::render::{RecordFormat, TableLabels, json_document, new_table, writer};
use crate::scan::{self, Scan};
use crate::survey::input::InputOptions;

/// What `ntm diff` was asked to do.
#[derive(Debug, Clone)]
pub struct DiffOptions {
    /// Last period's survey.
    pub old: String,
    /// This period's survey.
    pub new: String,
    /// A built-in set id or a YAML file, for both files.
    pub criteria: SetChoice,
    /// The output format.
    pub format: RecordFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// Write CSV text as it is, without neutralising formulas.
    pub raw: bool,
    /// A map of mergers and renames (`old_id,new_id`), to follow communes across a
    /// reorganisation.
    pub map: Option<String>,
    /// Start CSV output with a UTF-8 byte-order mark.
    pub bom: bool,
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
    Scan::open(set, input, read, env.lang, stderr)?.run(env, stderr, |score| {
        out.push(Snapshot::of(set, &score));
        Ok(())
    })?;
    Ok(out)
}

/// The snapshots of the old and the new survey, read side by side on two threads (each is a
/// whole scan); what the new one says on standard error is held and told after the old one's,
/// as if they had been read one after the other. Standard input cannot be read twice at once:
/// `diff - -` reads them in turn.
fn both_snapshots(
    set: &CriteriaSet,
    options: &DiffOptions,
    env: &Env,
    stderr: &mut dyn Write,
) -> Result<(Vec<Snapshot>, Vec<Snapshot>)> {
    if options.old == "-" && options.new == "-" {
        let old = snapshots(set, &options.old, &options.read, env, stderr)?;
        let new = snapshots(set, &options.new, &options.read, env, stderr)?;
        return Ok((old, new));
    }
    // (one count of rows on a terminal is enough)
    let quiet_env = Env {
        stderr_is_terminal: false,
        ..env.clone()
    };
    let mut said = Vec::new();
    let (old, new) = std::thread::scope(|scope| {
        let new =
            scope.spawn(|| snapshots(set, &options.new, &options.read, &quiet_env, &mut said));
        let old = snapshots(set, &options.old, &options.read, env, stderr);
        (old, new.join())
    });
    let old = old?;
    let new = new.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    let _ = stderr.write_all(&said);
    Ok((old, new?))
}

/// Runs `ntm diff`; returns whether a commune lost a tier or a criterion, for `--check`.
pub fn run(options: &DiffOptions, env: &Env, stderr: &mut dyn Write) -> Result<bool> {
    refuse_overwriting(
        options.output.as_deref(),
        &[
            &options.old,
            &options.new,
            options.criteria.file().unwrap_or("-"),
            options.map.as_deref().unwrap_or("-"),
        ],
    )?;
    check_extension(
        options.output.as_deref(),
        "diff",
        &["csv", "tsv", "txt", "json", "ndjson", "jsonl", "xlsx"],
        options.format == RecordFormat::Xlsx,
    )?;
    scan::check_bom(options.bom, options.format)?;
    let set = scan::load_set(
        &options.criteria,
        &options.new,
        &options.read,
        env.lang,
        stderr,
    )?;
    let mergers = options.map.as_deref().map(Mergers::load).transpose()?;
    let (old, new) = both_snapshots(&set, options, env, stderr)?;
    let changes = compare_merged(&set, old, &new, mergers.as_ref());
    for warning in &changes.warnings {
        let _ = writeln!(stderr, "warning: {}", warning.text(env.lang));
    }
    if !changes.below_recognition.is_empty() {
        let warning = crate::msg::Msg::RecognisedBelow {
            communes: changes.below_recognition.clone(),
        };
        let _ = writeln!(stderr, "warning: {}", warning.text(env.lang));
    }
    let labels = TableLabels::new(&set, options.lang, env.table_width);
    write_whole(options.output.as_deref(), |out, name| {
        if options.bom {
            out.write_all(scan::BOM).map_err(io_error(name))?;
        }
        write(&changes, options.format, &labels, options.raw, out).map_err(io_error(name))
    })?;
    Ok(changes.any_lost())
}

/// Writes the changes in `format`.
pub fn write(
    changes: &Changes<'_>,
    format: RecordFormat,
    labels: &TableLabels,
    raw: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if format == RecordFormat::Json {
        return json_document(changes, out);
    }
    if format == RecordFormat::Table {
        let lang = labels.lang;
        let mut totals = new_table(labels.width);
        totals.set_header([
            label(Label::Figure, lang),
            label(Label::Before, lang),
            label(Label::After, lang),
            label(Label::Change, lang),
        ]);
        for t in &changes.totals {
            totals.add_row([
                target_name(&t.name, None, lang),
                decimal(t.before, 2, lang),
                decimal(t.after, 2, lang),
                signed(t.change, lang),
            ]);
        }
        writeln!(out, "{totals}")?;
    }
    // the communes, one record each, as score and gaps write theirs
    let mut communes = writer::<CommuneChange>(format, &mut *out, labels.clone(), raw)?;
    for change in changes.communes() {
        communes.write(&change)?;
    }
    communes.finish()?;
    out.flush()
}
