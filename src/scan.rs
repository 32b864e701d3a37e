//! The one loop every command that reads a survey goes through: read a row, parse it, check its
//! id, score it and hand it on, in file order. Commands that write a record per commune stop
//! writing at the first bad row but keep checking the rows after it; problems and warnings are
//! reported once.

use std::io::Write;

use crate::aggregate::progress::By;
use crate::code::Code;
use crate::criteria::{
    BUILTIN_SETS, ClassId, CriteriaSet, LevelLookup, Measure, SetChoice, for_year,
};
use crate::env::{Env, Verbosity};
use crate::error::{Error, Location, Problem, Result};
use crate::lang::Lang;
use crate::msg::{Hint, Msg};
use crate::render::output::{check_extension, io_error, refuse_overwriting, write_whole};
use crate::render::{Periodic, Record, RecordFormat, TableLabels, writer};
use crate::score::{CommuneScore, Finding, ScoreError, score};
use crate::survey::input::{HEADER_NAMES, InputOptions, first_year, header_meaning};
use crate::survey::{ColumnPlaces, ConditionCell, SurveyReader};
use crate::text::{fold, shown};

/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;

/// At most this many columns the set does not use are named in warnings; the rest are counted.
pub const MAX_UNUSED_NAMED: usize = 20;

/// Where the communes come from and where records go.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// The survey file, `-` for standard input.
    pub input: String,
    /// A built-in set id or a YAML file.
    pub criteria: SetChoice,
    /// The output format.
    pub format: RecordFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// Write CSV text as it is, without neutralising formulas.
    pub raw: bool,
    /// Start CSV output with a UTF-8 byte-order mark.
    pub bom: bool,
    /// Language of table labels.
    pub lang: Lang,
}

/// Scores every commune of the input against `set` (loaded from `options.criteria`) for
/// `ntm command` and writes the records `record` makes of them (none for a commune it returns `None` for). Warnings go
/// to `stderr`. Each score is given to `record`, which takes the text it keeps rather than copy
/// it.
pub fn run<R: Record>(
    command: &str,
    set: &CriteriaSet,
    options: &StreamOptions,
    env: &Env,
    stderr: &mut dyn Write,
    mut record: impl FnMut(CommuneScore) -> Option<R>,
) -> Result<()> {
    refuse_overwriting(
        options.output.as_deref(),
        &[&options.input, options.criteria.file().unwrap_or("-")],
    )?;
    check_extension(
        options.output.as_deref(),
        command,
        &["csv", "tsv", "txt", "json", "ndjson", "jsonl", "xlsx"],
        options.format == RecordFormat::Xlsx,
    )?;
    check_bom(options.bom, options.format)?;
    let scan = Scan::open(set, &options.input, &options.read, env.lang, stderr)?;
    let labels = TableLabels::new(set, options.lang, env.table_width);
    // a panel's records carry their period, the other half of the row's key
    if scan.has_periods() {
        emit(scan, options, env, stderr, labels, |score| {
            let period = score.commune.period;
            record(score).map(|record| Periodic {
                record,
                period: period.map(|p| p.to_string()).unwrap_or_default(),
            })
        })
    } else {
        emit(scan, options, env, stderr, labels, record)
    }
}

/// Writes the records `record` makes of the communes `scan` reads, as [`run`] says.
fn emit<R: Record>(
    scan: Scan<'_>,
    options: &StreamOptions,
    env: &Env,
    stderr: &mut dyn Write,
    labels: TableLabels,
    mut record: impl FnMut(CommuneScore) -> Option<R>,
) -> Result<()> {
    write_whole(options.output.as_deref(), |out, name| {
        if options.bom {
            out.write_all(BOM).map_err(io_error(name))?;
        }
        let mut writer =
            writer::<R>(options.format, out, labels, options.raw).map_err(io_error(name))?;
        scan.run(env, stderr, |score| match record(score) {
            Some(record) => writer.write(&record).map_err(io_error(name)),
            None => Ok(()),
        })?;
        writer.finish().map_err(io_error(name))
    })
}

/// The criteria set for the survey `input`. When none is named, the rows choose it: the
/// built-in set of the programme year they name (`--year`, else the first row's `year`), and
/// a note on `stderr` says which set that is; a survey that names no year gets the newest set
/// in force today.
pub fn load_set(
    choice: &SetChoice,
    input: &str,
    read: &InputOptions,
    lang: Lang,
    stderr: &mut dyn Write,
) -> Result<CriteriaSet> {
    let SetChoice::Default { .. } = choice else {
        let set = choice.load()?;
        if let Some(outside) = read
            .year
            .and_then(|y| crate::survey::outside_period(&set, y))
        {
            return Err(Error::usage(Msg::About("--year".into(), Box::new(outside))));
        }
        return Ok(set);
    };
    let year = match read.year {
        Some(year) => Some(year),
        None => first_year(input, read)?,
    };
    let Some(builtin) = year.and_then(for_year) else {
        return choice.load();
    };
    let set = builtin.load()?;
    let note = Msg::SetForYear {
        set: set.id.clone(),
        period: set.period.to_string(),
        year: year.unwrap_or_default(),
    };
    let _ = writeln!(stderr, "note: {}", note.text(lang));
    Ok(set)
}

/// The UTF-8 byte-order mark `--bom` writes before CSV.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Fails when `--bom` is asked for output that is not CSV.
pub fn check_bom(bom: bool, format: RecordFormat) -> Result<()> {
    if bom && format != RecordFormat::Csv {
        let name = format!("{format:?}").to_lowercase();
        return Err(Error::usage(crate::msg::Msg::BomNotCsv { format: name }));
    }
    Ok(())
}

/// What became of one row.
#[derive(Debug)]
// (one at a time is made and taken apart at once: a box would cost an allocation a row)
#[allow(clippy::large_enum_variant)]
pub enum RowOutcome {
    /// Scored, with what scoring noticed.
    Scored(CommuneScore, Vec<Finding>),
    /// The row, or some of its cells, cannot be read.
    Invalid(Vec<Problem>),
    /// The row reads, but an indicator needs the class or year it lacks.
    Unscorable {
        /// The line the row starts on.
        line: u64,
        /// The row's year, when it has one.
        year: Option<u16>,
        /// What each indicator lacks.
        errors: Vec<ScoreError>,
    },
}

/// A survey file opened against a set: the header checked, ready to score row by row.
pub struct Scan<'s> {
    set: &'s CriteriaSet,
    reader: SurveyReader<'s>,
    /// What is said of the criteria the file has no column for, when some are missing.
    missing: Option<Msg>,
}

impl<'s> Scan<'s> {
    /// Opens `input` (`-` for standard input) against `set`. Fails before any row is read when
    /// the header is wrong or belongs to another built-in set; warns about unused columns.
    pub fn open(
        set: &'s CriteriaSet,
        input: &str,
        read: &InputOptions,
        lang: Lang,
        stderr: &mut dyn Write,
    ) -> Result<Scan<'s>> {
        Scan::open_by(set, input, read, &By::Default, lang, stderr).map(|(scan, _)| scan)
    }

    /// Opens `input` as [`Scan::open`] does, and finds the column `by` names
    /// ([`By::Column`]) in its header, as headers are matched: by name, or by what an office
    /// spelling of it means (`--by vung` is the column `Vùng`). Returns `by` with the header
    /// as the file writes it. Fails, naming the file and the column, when there is none.
    pub fn open_by(
        set: &'s CriteriaSet,
        input: &str,
        read: &InputOptions,
        by: &By,
        lang: Lang,
        stderr: &mut dyn Write,
    ) -> Result<(Scan<'s>, By)> {
        let mut reader = SurveyReader::open(input, set, read.year, read)?;
        let warnings = judge_header(set, &reader)?;
        let by = match by {
            By::Column(asked) => {
                let index = find_column(reader.headers(), asked, set).ok_or_else(|| {
                    Error::usage(no_column(reader.file(), reader.headers(), asked))
                })?;
                reader.group_by(index);
                By::Column(reader.headers()[index].clone())
            }
            by => by.clone(),
        };
        for warning in warnings {
            warn(stderr, lang, &warning);
        }
        let missing = criteria_missing(set, &reader);
        let mut scan = Scan::new(set, reader);
        scan.missing = missing;
        Ok((scan, by))
    }

    /// Scans the rows `reader` reads, with its header as it is.
    #[must_use]
    pub fn new(set: &'s CriteriaSet, reader: SurveyReader<'s>) -> Scan<'s> {
        Scan {
            set,
            reader,
            missing: None,
        }
    }

    /// The columns the set judges communes by, in file order; see
    /// [`SurveyReader::judged_columns`].
    #[must_use]
    pub fn judged_columns(&self) -> Vec<(String, crate::survey::JudgedColumn)> {
        self.reader.judged_columns()
    }

    /// What is said of the criteria the file has no column for ("12 of 19 criterion columns
    /// found; criteria 13–19 are not assessed"), when some are missing.
    #[must_use]
    pub fn criteria_missing(&self) -> Option<&Msg> {
        self.missing.as_ref()
    }

    /// The recognition conditions the file has no column for; see
    /// [`SurveyReader::conditions_absent`].
    #[must_use]
    pub fn conditions_absent(&self) -> Vec<crate::lang::Text> {
        let absent = self.reader.conditions_absent();
        absent.into_iter().map(|c| c.name.clone()).collect()
    }

    /// Whether the rows carry their period (a panel).
    #[must_use]
    pub fn has_periods(&self) -> bool {
        self.reader.has_periods()
    }

    /// Whether the file has a district column, under any of its names.
    #[must_use]
    pub fn has_district(&self) -> bool {
        self.reader.has_district()
    }

    /// The one loop: every row read, parsed, its id checked and scored, and what became of it
    /// handed to `visit`, in file order. Stops at the first error `visit` returns. At the end,
    /// what was skipped as not a commune (blank, totals and heading rows; see
    /// [`SurveyReader::skipped_rows`]).
    pub fn each_row(
        mut self,
        env: &Env,
        mut visit: impl FnMut(RowOutcome) -> Result<()>,
    ) -> Result<Option<Problem>> {
        let mut ticker = Ticker::new(env.stderr_is_terminal && env.verbosity != Verbosity::Quiet);
        while let Some(row) = self.reader.next_commune() {
            ticker.tick();
            let outcome = match row {
                Err(problems) => RowOutcome::Invalid(problems),
                Ok(commune) => {
                    let (line, year) = (commune.line, commune.year);
                    match score(self.set, commune) {
                        Ok((scored, findings)) => RowOutcome::Scored(scored, findings),
                        Err(errors) => RowOutcome::Unscorable { line, year, errors },
                    }
                }
            };
            visit(outcome)?;
        }
        ticker.finish();
        Ok(self.reader.skipped_rows())
    }

    /// Scores every row, giving each scored commune to `visit` until the first bad row; the
    /// rows after it are still checked. Every problem found is returned at the end, and what
    /// scoring noticed is told on `stderr`.
    pub fn run(
        self,
        env: &Env,
        stderr: &mut dyn Write,
        mut visit: impl FnMut(CommuneScore) -> Result<()>,
    ) -> Result<()> {
        let set = self.set;
        let file = self.reader.file().to_owned();
        let places = self.reader.places();
        let mut problems: Vec<Problem> = Vec::new();
        let mut omitted = 0;
        let mut notes = Notes {
            lang: env.lang,
            ..Notes::default()
        };
        let max_row_warnings = env.max_row_warnings();
        let skipped = self.each_row(env, |outcome| {
            let found = match outcome {
                RowOutcome::Scored(scored, findings) => {
                    notes.add(
                        set,
                        &places,
                        scored.commune.line,
                        &findings,
                        stderr,
                        max_row_warnings,
                    );
                    if problems.is_empty() {
                        visit(scored)?;
                    }
                    return Ok(());
                }
                RowOutcome::Invalid(found) => found,
                RowOutcome::Unscorable { line, year, errors } => {
                    lookup_problems(set, &file, line, year, &errors)
                }
            };
            let room = MAX_PROBLEMS.saturating_sub(problems.len());
            omitted += found.len().saturating_sub(room);
            problems.extend(found.into_iter().take(room));
            Ok(())
        })?;
        if let Some(skipped) = skipped {
            warn(stderr, env.lang, &skipped);
        }
        notes.report(set, stderr, max_row_warnings);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid { problems, omitted })
        }
    }
}

/// A count of rows read on standard error, shown only on a terminal and only once the work has
/// taken more than a second: quick runs and batch jobs see nothing.
struct Ticker {
    bar: indicatif::ProgressBar,
    /// Whether it may show at all: on a terminal, unless `-q`.
    allowed: bool,
    start: std::time::Instant,
    shown: bool,
    rows: u64,
}

impl Ticker {
    fn new(allowed: bool) -> Ticker {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {human_pos} communes ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Ticker {
            bar,
            allowed,
            start: std::time::Instant::now(),
            shown: false,
            rows: 0,
        }
    }

    fn tick(&mut self) {
        self.rows += 1;
        if !self.allowed || !self.rows.is_multiple_of(1024) {
            return;
        }
        self.bar.set_position(self.rows);
        if !self.shown && self.start.elapsed() > std::time::Duration::from_secs(1) {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Fails when the file's columns are meant for another built-in set: some unused columns are
/// criteria columns of other sets, and one of those sets uses all of them. The error names the
/// `--criteria` to pass.
fn check_fit(set: &CriteriaSet, reader: &SurveyReader<'_>) -> Result<()> {
    let unused = reader.unused_columns();
    if unused.is_empty() {
        return Ok(());
    }
    let others: Vec<CriteriaSet> = BUILTIN_SETS
        .iter()
        .rev()
        .filter(|b| b.id != set.id)
        .filter_map(|b| b.load().ok())
        .collect();
    // a column is another set's under any spelling of its name (`Tiêu chí 11` is `TC11`)
    let uses = |set: &CriteriaSet, header: &str| {
        let meaning = header_meaning(header, &set.verdict_prefixes());
        set.uses_column(meaning.as_deref().unwrap_or(header))
    };
    let foreign: Vec<&String> = unused
        .iter()
        .filter(|c| others.iter().any(|o| uses(o, c)))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let Some(fit) = others.iter().find(|o| foreign.iter().all(|c| uses(o, c))) else {
        return Ok(());
    };
    let mut shown: Vec<&str> = foreign.iter().take(8).map(|c| c.as_str()).collect();
    if foreign.len() > 8 {
        shown.push("…");
    }
    Err(Error::one(Problem::coded(
        Code::WrongSet,
        Location::file(reader.file()),
        Msg::WrongSet {
            columns: shown.iter().map(|&c| c.to_owned()).collect(),
            set: set.id.clone(),
            period: set.period.to_string(),
            fit: fit.id.clone(),
            fit_period: fit.period.to_string(),
        },
    )))
}

/// What scoring noticed, kept for one report at the end (per-row disagreements are printed as
/// they come, up to a cap). A row of a full survey notices a dozen or so thresholds: they are
/// kept in lists indexed by column, not in maps searched for each.
#[derive(Default)]
struct Notes {
    /// The language they are told in.
    lang: Lang,
    disagreements: usize,
    /// Rows stopped below a tier by a recognition condition.
    conditions_not_met: usize,
    /// Numbers given for a yes/no version of an amended indicator.
    numbers_for_yes_no: usize,
    /// Per tier and indicator column (as `unknown`): the criterion, and the survey years given
    /// a value that no version of the indicator covers.
    no_version: Vec<Option<(u32, Vec<u16>)>>,
    /// Per indicator column: whether it was judged against an unverified threshold.
    unverified: Vec<bool>,
    /// Per tier and indicator column (at `tier × columns + column`; an indicator is in one
    /// criterion of a tier): the criterion, and the classes and years whose threshold is unknown.
    unknown: Vec<Option<(u32, UnknownAt)>>,
}

/// The classes (whether each, by index) and years (in order) for which an indicator's threshold
/// is unknown.
type UnknownAt = (Vec<bool>, Vec<u16>);

/// The item at `i` of `list`, which is first lengthened with defaults if it is too short.
fn slot<T: Default>(list: &mut Vec<T>, i: usize) -> &mut T {
    if list.len() <= i {
        list.resize_with(i + 1, T::default);
    }
    &mut list[i]
}

impl Notes {
    fn add(
        &mut self,
        set: &CriteriaSet,
        places: &ColumnPlaces,
        line: u64,
        findings: &[Finding],
        stderr: &mut dyn Write,
        max_row_warnings: usize,
    ) {
        let lang = self.lang;
        for finding in findings {
            match *finding {
                Finding::UnverifiedThreshold { column } => {
                    *slot(&mut self.unverified, column) = true;
                }
                Finding::UnknownThreshold {
                    tier,
                    criterion,
                    column,
                    class,
                    year,
                } => {
                    let (_, (classes, years)) =
                        slot(&mut self.unknown, tier * set.columns.len() + column)
                            .get_or_insert_with(|| (criterion, UnknownAt::default()));
                    if let Some(class) = class {
                        *slot(classes, class.0) = true;
                    }
                    if let Some(year) = year
                        && let Err(i) = years.binary_search(&year)
                    {
                        years.insert(i, year);
                    }
                }
                Finding::NoVersionForYear {
                    tier,
                    criterion,
                    column,
                    year,
                } => {
                    let (_, years) = slot(&mut self.no_version, tier * set.columns.len() + column)
                        .get_or_insert_with(|| (criterion, Vec::new()));
                    if let Err(i) = years.binary_search(&year) {
                        years.insert(i, year);
                    }
                }
                // a warning on its row, up to a cap for each kind
                Finding::NumberForYesNo { .. }
                | Finding::ConditionNotMet { .. }
                | Finding::Disagreement { .. } => {
                    let count = match finding {
                        Finding::NumberForYesNo { .. } => &mut self.numbers_for_yes_no,
                        Finding::ConditionNotMet { .. } => &mut self.conditions_not_met,
                        _ => &mut self.disagreements,
                    };
                    *count += 1;
                    if *count <= max_row_warnings
                        && let Some(problem) = row_warning(set, places, line, finding)
                    {
                        warn(stderr, lang, &problem);
                    }
                }
            }
        }
    }

    fn report(self, set: &CriteriaSet, stderr: &mut dyn Write, max_row_warnings: usize) {
        let lang = self.lang;
        let columns = set.columns.len();
        for (i, no_version) in self.no_version.iter().enumerate() {
            let Some((criterion, years)) = no_version else {
                continue;
            };
            let tier = &set.tiers[i / columns];
            let indicator = &set.columns[i % columns];
            let covered: Vec<String> = set
                .indicators()
                .filter(|(t, _, ind)| t.id == tier.id && ind.id == *indicator)
                .filter_map(|(_, _, ind)| ind.years.map(|y| y.to_string()))
                .collect();
            say(
                stderr,
                lang,
                Code::NoVersionForYear,
                &Msg::NoVersionForYear {
                    indicator: indicator.clone(),
                    tier: tier.message_name(),
                    set: set.id.clone(),
                    covered,
                    years: years.iter().map(|&y| u32::from(y)).collect(),
                    column: tier.verdict_column(*criterion),
                },
            );
        }
        // what the caps left unsaid
        let more = [
            (
                self.numbers_for_yes_no,
                Code::NumberForYesNo,
                Msg::MoreNumbersForYesNo as fn(usize) -> Msg,
            ),
            (
                self.conditions_not_met,
                Code::ConditionNotMet,
                Msg::MoreConditionsNotMet,
            ),
            (
                self.disagreements,
                Code::VerdictDisagrees,
                Msg::MoreDisagreements,
            ),
        ];
        for (count, code, message) in more {
            if count > max_row_warnings {
                say(stderr, lang, code, &message(count - max_row_warnings));
            }
        }
        let columns = set.columns.len();
        for (i, unknown) in self.unknown.iter().enumerate() {
            let Some((criterion, (classes, years))) = unknown else {
                continue;
            };
            let tier = &set.tiers[i / columns];
            let indicator = &set.columns[i % columns];
            let classes: Vec<String> = (classes.iter().enumerate())
                .filter(|&(_, &unknown)| unknown)
                .map(|(c, _)| set.classification.class(ClassId(c)).code.clone())
                .collect();
            say(
                stderr,
                lang,
                Code::UnknownThreshold,
                &Msg::UnknownThreshold {
                    indicator: indicator.clone(),
                    tier: tier.message_name(),
                    classes,
                    years: years.iter().map(|&y| u32::from(y)).collect(),
                    set: set.id.clone(),
                    column: tier.verdict_column(*criterion),
                },
            );
        }
        let ids: Vec<&str> = (set.columns.iter().zip(&self.unverified))
            .filter(|&(_, &unverified)| unverified)
            .map(|(id, _)| id.as_str())
            .collect();
        if !ids.is_empty() {
            say(
                stderr,
                lang,
                Code::UnverifiedThreshold,
                &Msg::UnverifiedThreshold {
                    ids: ids.iter().map(|&id| id.to_owned()).collect(),
                    set: set.id.clone(),
                },
            );
        }
    }
}

/// Whether `set` can score the file `reader` has opened, judged by its header alone: fails when
/// the file's columns are another built-in set's, or when not one column of `set`'s criteria is
/// found (every commune would get 0 criteria); otherwise the warnings its header gives, in the
/// order they are told: columns without a header, criteria without a column, and the columns
/// the set does not use (the first [`MAX_UNUSED_NAMED`] named, the others counted).
///
/// # Errors
/// The problem ([`Code::WrongSet`], [`Code::NoCriterionColumns`]), naming the file and what to
/// do.
pub fn judge_header(set: &CriteriaSet, reader: &SurveyReader<'_>) -> Result<Vec<Problem>> {
    check_fit(set, reader)?;
    let file = reader.file();
    if !reader.has_criterion_columns() {
        return Err(Error::one(Problem::coded(
            Code::NoCriterionColumns,
            Location::file(file),
            no_criterion_columns(set),
        )));
    }
    let mut warnings = reader.warnings().to_vec();
    if let Some(missing) = criteria_missing(set, reader) {
        warnings.push(Problem::coded(
            Code::MissingCriteria,
            Location::file(file),
            missing,
        ));
    }
    let header = Location::file(file).at_line(reader.header_line());
    let unused = reader.unused_columns();
    for column in unused.iter().take(MAX_UNUSED_NAMED) {
        warnings.push(Problem::coded(
            Code::UnknownColumn,
            reader.column_location(column),
            Msg::UnknownColumn {
                set: set.id.clone(),
                hint: column_hint(column, set),
            },
        ));
    }
    if let Some(more) = unused
        .len()
        .checked_sub(MAX_UNUSED_NAMED)
        .filter(|n| *n > 0)
    {
        warnings.push(Problem::coded(
            Code::UnknownColumn,
            header,
            Msg::MoreUnknownColumns {
                more,
                set: set.id.clone(),
            },
        ));
    }
    Ok(warnings)
}

/// The warning a scoring finding gives on the row at `line`, when it is one about that row:
/// a verdict column disagreeing with the indicators ([`Finding::Disagreement`]), a number for
/// a yes/no indicator ([`Finding::NumberForYesNo`]), a recognition condition keeping the
/// commune below a tier ([`Finding::ConditionNotMet`]); `None` for the findings reported once
/// for the file.
#[must_use]
pub fn row_warning(
    set: &CriteriaSet,
    places: &ColumnPlaces,
    line: u64,
    finding: &Finding,
) -> Option<Problem> {
    let at = |column: &str| places.cell(column, line);
    match *finding {
        Finding::Disagreement {
            tier,
            criterion,
            column,
            indicators,
        } => Some(Problem::coded(
            Code::VerdictDisagrees,
            at(&set.tiers[tier].verdict_column(criterion)),
            Msg::VerdictDisagrees {
                column: column.to_string(),
                indicators: indicators.to_string(),
            },
        )),
        Finding::NumberForYesNo { column, value } => {
            let id = &set.columns[column];
            let version = set
                .indicators()
                .map(|(_, _, i)| i)
                .find(|i| i.column == column && matches!(i.measure, Measure::YesNo));
            let (years, source) = version.map_or((None, ""), |i| {
                (
                    i.years.map(|y| y.to_string()),
                    i.source.as_deref().unwrap_or_default(),
                )
            });
            Some(
                Problem::coded(
                    Code::NumberForYesNo,
                    at(id),
                    Msg::NumberForYesNo {
                        id: id.clone(),
                        years,
                        source: source.to_owned(),
                    },
                )
                .with_value(&value.to_string()),
            )
        }
        Finding::ConditionNotMet {
            tier,
            condition,
            cell,
        } => {
            let (_, c) = set
                .conditions()
                .nth(condition)
                .expect("a finding names a condition of the set");
            let said = match cell {
                ConditionCell::Given(verdict) => Some(verdict.to_string()),
                _ => None,
            };
            Some(Problem::coded(
                Code::ConditionNotMet,
                at(&c.column),
                Msg::ConditionNotMet {
                    said,
                    tier: set.tiers[tier].message_name(),
                    name_vi: c.name.vi.clone(),
                    name_en: c.name.en.clone(),
                    source: c.source.clone(),
                },
            ))
        }
        _ => None,
    }
}

/// What is said of a file in which not one column of `set`'s criteria is found.
fn no_criterion_columns(set: &CriteriaSet) -> Msg {
    let base = set.base();
    Msg::NoCriterionColumns {
        set: set.id.clone(),
        period: set.period.to_string(),
        prefix: base.verdict_prefix.clone(),
        first: base.criteria.first().map_or(1, |c| c.number),
    }
}

/// What is said of a file that has a column for some of the base criteria only: how many it
/// has, and which criteria are therefore not assessed in any commune.
fn criteria_missing(set: &CriteriaSet, reader: &SurveyReader<'_>) -> Option<Msg> {
    let missing = reader.criteria_missing();
    (!missing.is_empty()).then(|| Msg::MissingCriteria {
        total: set.base().criteria.len(),
        missing,
    })
}

/// One problem per kind of missing information in a row, naming every indicator that needs it.
#[must_use]
pub fn lookup_problems(
    set: &CriteriaSet,
    file: &str,
    line: u64,
    year: Option<u16>,
    errors: &[ScoreError],
) -> Vec<Problem> {
    let mut by_lookup: Vec<(LevelLookup, Vec<&str>)> = Vec::new();
    for error in errors {
        match by_lookup.iter_mut().find(|(l, _)| *l == error.lookup) {
            Some((_, ids)) => {
                if !ids.contains(&error.indicator.as_str()) {
                    ids.push(&error.indicator);
                }
            }
            None => by_lookup.push((error.lookup, vec![&error.indicator])),
        }
    }
    let at = Location::file(file).at_line(line);
    by_lookup
        .into_iter()
        .map(|(lookup, ids)| {
            let ids: Vec<String> = ids.iter().map(|&id| id.to_owned()).collect();
            match lookup {
                LevelLookup::NeedsClass => Problem::coded(
                    Code::MissingRegion,
                    at.clone().in_column(&set.classification.column),
                    Msg::MissingRegion {
                        ids,
                        name_vi: set.classification.name.vi.clone(),
                        name_en: set.classification.name.en.clone(),
                        column: set.classification.column.clone(),
                    },
                )
                .with_value(""),
                LevelLookup::NeedsYear => Problem::coded(
                    Code::MissingYear,
                    at.clone().in_column("year"),
                    Msg::MissingYear(ids),
                )
                .with_value(""),
                LevelLookup::YearOutOfRange { first, last } => Problem::coded(
                    Code::YearWithoutThresholds,
                    at.clone().in_column("year"),
                    Msg::YearWithoutThresholds {
                        ids,
                        set: set.id.clone(),
                        first,
                        last,
                    },
                )
                .with_value(&year.map(|y| y.to_string()).unwrap_or_default()),
            }
        })
        .collect()
}

/// What a column `set` does not use may have been meant as, judged by what its header means:
/// a criterion or an indicator the set does not have is said so, with those it has; any other
/// header gets the known column whose name, or an office spelling of it, is closest.
#[must_use]
pub fn column_hint(header: &str, set: &CriteriaSet) -> Option<Hint> {
    let prefixes = set.verdict_prefixes();
    let meaning = header_meaning(header, &prefixes).unwrap_or_else(|| fold(header));
    for tier in &set.tiers {
        let Some(n) = meaning
            .strip_prefix(tier.verdict_prefix.as_str())
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        let numbers: Vec<u32> = tier.criteria.iter().map(|c| c.number).collect();
        return Some(Hint::NoCriterion {
            tier: tier.message_name(),
            number: n,
            numbers,
        });
    }
    if let Some((criterion, _)) = meaning.split_once('.')
        && !criterion.is_empty()
        && criterion.bytes().all(|b| b.is_ascii_digit())
    {
        let siblings: Vec<String> = set
            .columns
            .iter()
            .filter(|c| {
                c.strip_prefix(criterion)
                    .is_some_and(|r| r.starts_with('.'))
            })
            .cloned()
            .collect();
        if !siblings.is_empty() {
            return Some(Hint::NoIndicator {
                indicator: meaning.clone(),
                criterion: criterion.to_owned(),
                siblings,
            });
        }
    }
    let mut columns = vec![set.classification.column.clone()];
    columns.extend(
        set.classification
            .overrides
            .iter()
            .map(|o| o.column.clone()),
    );
    columns.extend(set.columns.iter().cloned());
    for tier in &set.tiers {
        columns.extend(tier.criteria.iter().map(|c| tier.verdict_column(c.number)));
    }
    let known = HEADER_NAMES
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .chain(columns);
    closest(header, known).map(Hint::DidYouMean)
}

/// Of the `names`, the one `asked` is closest to, when close enough (a similarity of 0.6 or
/// more): judged by each name and, for a known column, every office spelling of it (see
/// [`HEADER_NAMES`]), without diacritics or case.
fn closest(asked: &str, names: impl IntoIterator<Item = String>) -> Option<String> {
    let key = fold(asked);
    let spellings = |name: &str| -> Vec<String> {
        let mut spellings = vec![fold(name)];
        if let Some(meaning) = header_meaning(name, &[]) {
            spellings.push(fold(&meaning));
            if let Some((_, aliases)) = HEADER_NAMES.iter().find(|(n, _)| *n == meaning) {
                spellings.extend(aliases.iter().map(|a| (*a).to_owned()));
            }
        }
        spellings
    };
    names
        .into_iter()
        .filter_map(|name| {
            let score = spellings(&name)
                .iter()
                .map(|s| strsim::normalized_damerau_levenshtein(&key, s))
                .fold(0.0, f64::max);
            (score >= 0.6).then_some((score, name))
        })
        .reduce(|best, next| if next.0 > best.0 { next } else { best })
        .map(|(_, name)| name)
}

/// Where in `headers` the column `asked` for is: the header of that name, or else the first
/// whose meaning is the same (an office spelling of a known column: `vung` is `Vùng`, both
/// the region), compared without diacritics or case.
fn find_column(headers: &[String], asked: &str, set: &CriteriaSet) -> Option<usize> {
    let key = fold(asked);
    if key.is_empty() {
        return None;
    }
    let prefixes = set.verdict_prefixes();
    let meaning = header_meaning(asked, &prefixes);
    headers.iter().position(|h| fold(h) == key).or_else(|| {
        meaning.as_ref().and_then(|meaning| {
            headers
                .iter()
                .position(|h| header_meaning(h, &prefixes).as_ref() == Some(meaning))
        })
    })
}

/// What is said when the column `--by` asks for is not in `file`: the column, and the header
/// the name is closest to, else the file's columns.
fn no_column(file: &str, headers: &[String], asked: &str) -> Msg {
    let named: Vec<String> = headers.iter().filter(|h| !h.is_empty()).cloned().collect();
    let near = closest(asked, named.iter().cloned()).map(|near| shown(&near).into_owned());
    let mut columns: Vec<String> = Vec::new();
    if near.is_none() {
        columns = named
            .iter()
            .take(12)
            .map(|h| shown(h).into_owned())
            .collect();
        if named.len() > 12 {
            columns.push("…".into());
        }
    }
    Msg::NoGroupColumn {
        file: file.to_owned(),
        asked: shown(asked).into_owned(),
        near,
        columns,
    }
}

/// Tells the warning `problem` on `stderr`, with its code (`warning[unknown-column]: …`).
fn warn(stderr: &mut dyn Write, lang: Lang, problem: &Problem) {
    let said = problem.render(lang);
    match problem.code {
        Some(code) => {
            let _ = writeln!(stderr, "{}: {said}", code.prefix());
        }
        None => {
            let _ = writeln!(stderr, "warning: {said}");
        }
    }
}

/// Tells a warning of the kind `code` that is about no place in particular.
fn say(stderr: &mut dyn Write, lang: Lang, code: Code, message: &Msg) {
    let _ = writeln!(stderr, "{}: {}", code.prefix(), message.text(lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hint follows what a header means: a criterion or an indicator the set lacks is said
    /// so; a misspelt name gets the column it is closest to, office spellings included.
    #[test]
    fn hints_follow_what_a_header_means() {
        let yaml = crate::criteria::builtin("vn-commune-2021-2025")
            .unwrap()
            .yaml;
        let set = CriteriaSet::from_yaml(yaml, "vn-commune-2021-2025").unwrap();
        let hint = |h: &str| column_hint(h, &set).map(|hint| hint.text(Lang::En));
        assert_eq!(
            hint("Tiêu chí số 20").as_deref(),
            Some("the set has no standard criterion 20: its standard criteria are 1–19")
        );
        assert_eq!(
            hint("Chỉ tiêu 2.9").as_deref(),
            Some("the set has no indicator 2.9: criterion 2's are 2.1, 2.2, 2.3, 2.4")
        );
        assert_eq!(
            hint("Ma so").as_deref(),
            Some("did you mean \"commune_id\"?")
        );
        assert_eq!(
            hint("Tên huyệnn").as_deref(),
            Some("did you mean \"district\"?")
        );
        assert_eq!(hint("Ghi chú"), None::<String>);
    }

    #[test]
    fn years_collapse_into_ranges() {
        let years = |ys: &[u32]| crate::text::ranges(ys.iter().copied());
        assert_eq!(years(&[2022, 2023, 2024, 2025]), "2022–2025");
        assert_eq!(years(&[2021, 2023]), "2021, 2023");
        assert_eq!(years(&[2020, 2022, 2023]), "2020, 2022–2023");
        assert_eq!(years(&[2024]), "2024");
    }

    /// A repeated id is a problem of the row that repeats it: the communes before the first
    /// bad row are visited, none after, and every row is still checked, its problems in line
    /// order.
    #[test]
    fn a_repeat_stops_the_records_on_its_own_row() {
        let set =
            CriteriaSet::from_yaml(include_str!("../tests/data/mini-set.yaml"), "mini-set.yaml")
                .unwrap();
        let csv = "commune_id,region,year,1.1\nA,NORTH,2023,1\nB,NORTH,2023,1\nC,NORTH,2023,1\n\
                   D,NORTH,2023,1\nC,NORTH,2023,1\nA,NORTH,2023,1\nE,NORTH,2023,x\n\
                   D,NORTH,2023,1\nF,NORTH,2023,1\n";
        let reader = SurveyReader::from_reader(
            Box::new(std::io::Cursor::new(csv.to_owned())),
            "t.csv",
            &set,
            None,
        )
        .unwrap();
        let mut visited = Vec::new();
        let err = Scan::new(&set, reader)
            .run(&Env::default(), &mut Vec::new(), |score| {
                visited.push(score.commune.id.clone());
                Ok(())
            })
            .unwrap_err();
        assert_eq!(visited, ["A", "B", "C", "D"]);
        let Error::Invalid { problems, omitted } = err else {
            panic!("{err}");
        };
        assert_eq!(omitted, 0);
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            [
                "t.csv:6: column \"commune_id\": value \"C\": duplicate commune_id; first seen on line 4",
                "t.csv:7: column \"commune_id\": value \"A\": duplicate commune_id; first seen on line 2",
                "t.csv:8: column \"1.1\": value \"x\": not a number; expected a number such as 45.5 or 45,5 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)",
                "t.csv:9: column \"commune_id\": value \"D\": duplicate commune_id; first seen on line 5",
            ]
        );
    }

    #[test]
    fn unknown_thresholds_are_reported_once_per_indicator() {
        let yaml = crate::criteria::builtin("vn-commune-2021-2025")
            .unwrap()
            .yaml;
        let set = CriteriaSet::from_yaml(yaml, "s").unwrap();
        let column = set.columns.iter().position(|c| c == "2.2").unwrap();
        let mut notes = Notes {
            lang: Lang::En,
            ..Notes::default()
        };
        let mut sink = Vec::new();
        for (class, year) in [(1, 2022), (2, 2022), (1, 2023), (2, 2025)] {
            let finding = Finding::UnknownThreshold {
                tier: 0,
                criterion: 2,
                column,
                class: Some(ClassId(class)),
                year: Some(year),
            };
            notes.add(
                &set,
                &ColumnPlaces::plain("f.csv"),
                2,
                &[finding],
                &mut sink,
                20,
            );
        }
        notes.report(&set, &mut sink, 20);
        let text = String::from_utf8(sink).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let (a, b) = (
            &set.classification.classes[1].code,
            &set.classification.classes[2].code,
        );
        assert!(
            text.contains(&format!(
                "indicator 2.2: the standard threshold for {a}, {b} in 2022–2023, 2025 is not known"
            )),
            "{text}"
        );
    }
}
