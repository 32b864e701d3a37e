//! The loop every per-commune command shares: read rows, score each, hand good communes to the
//! command's writer until the first bad row, keep checking after it, and report problems and
//! warnings once.

use std::collections::{BTreeSet, VecDeque};
use std::io::{self, Write};
use std::sync::mpsc;

use crate::criteria::{BUILTIN_SETS, ClassId, CriteriaSet, LevelLookup};
use crate::error::{Error, Location, Problem, Result};
use crate::input::InputOptions;
use crate::lang::Lang;
use crate::output::Output;
use crate::render::{Format, Record, TableLabels, ready, table_width, writer};
use crate::score::{CommuneScore, Finding, ScoreError, Spare, score_reusing};
use crate::survey::{IdCheck, Parsed, RawRow, RowParser, SurveyReader};

/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;
/// At most this many per-row warnings are listed; the rest are counted.
const MAX_ROW_WARNINGS: usize = 20;

/// How many row warnings of one kind are shown: all of them with `-v`.
fn max_row_warnings() -> usize {
    if crate::term::verbosity() == crate::term::Verbosity::Verbose {
        usize::MAX
    } else {
        MAX_ROW_WARNINGS
    }
}

/// Where the communes come from and where records go.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// The survey file, `-` for standard input.
    pub input: String,
    /// A built-in set id or a YAML file.
    pub criteria: String,
    /// The output format.
    pub format: Format,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// Write CSV text as it is, without neutralising formulas.
    pub raw: bool,
    /// Language of table labels.
    pub lang: Lang,
}

/// Scores every commune of the input against `set` (loaded from `options.criteria`) and writes
/// the records `record` makes of them (none for a commune it returns `None` for). `record` may
/// take what it keeps out of the score; the rest is dropped. Warnings go to `stderr`.
pub fn run<'s, R: Record + Send + 's>(
    set: &'s CriteriaSet,
    options: &StreamOptions,
    stderr: &mut dyn Write,
    record: impl Fn(&mut CommuneScore) -> Option<R> + Sync,
) -> Result<()> {
    let scan = Scan::open(set, &options.input, &options.read, stderr)?;
    let mut output = Output::open(options.output.as_deref())?;
    let output_name = output.name().to_owned();
    let io_err = |source| Error::Io {
        path: output_name.clone(),
        source,
    };
    let labels = TableLabels::new(set, options.lang, table_width());
    let written = {
        let mut writer =
            writer::<R>(options.format, output.writer(), labels, options.raw).map_err(io_err)?;
        let (format, raw) = (options.format, options.raw);
        scan.run_map(
            stderr,
            // encoded on the worker threads; the main thread only writes the bytes
            |score| record(score).map(|record| ready(format, raw, record)),
            |record| match record {
                Some(Ok(record)) => writer.write(record).map_err(io_err),
                Some(Err(err)) => Err(io_err(io::Error::new(err.kind(), err.to_string()))),
                None => Ok(()),
            },
        )
        .and_then(|()| writer.finish().map_err(io_err))
    };
    match written {
        Ok(()) => output.commit(),
        Err(err) => {
            output.abandon();
            Err(err)
        }
    }
}

/// A survey file opened against a set: the header checked, ready to score row by row.
pub struct Scan<'s> {
    set: &'s CriteriaSet,
    reader: SurveyReader<'s>,
    threads: usize,
}

impl<'s> Scan<'s> {
    /// Opens `input` (`-` for standard input) against `set`. Fails before any row is read when
    /// the header is wrong or belongs to another built-in set; warns about unused columns.
    pub fn open(
        set: &'s CriteriaSet,
        input: &str,
        read: &InputOptions,
        stderr: &mut dyn Write,
    ) -> Result<Scan<'s>> {
        let reader = SurveyReader::open(input, set, read.year, read)?;
        check_fit(set, &reader)?;
        for warning in reader.warnings() {
            warn(stderr, warning);
        }
        for column in reader.unused_columns() {
            warn(
                stderr,
                &format!(
                    "{}: column \"{column}\" is not used by criteria set {} and is ignored",
                    reader.file(),
                    set.id
                ),
            );
        }
        // A thread per CPU: the main one reads, writes and scores whatever batch would keep it
        // waiting, so no CPU waits. Past 8, reading on the main thread is the limit.
        let threads = match read.threads {
            0 => std::thread::available_parallelism()
                .map_or(1, std::num::NonZero::get)
                .min(8),
            n => n,
        };
        Ok(Scan {
            set,
            reader,
            threads,
        })
    }

    /// Whether the file has a column headed `header`.
    #[must_use]
    pub fn has_column(&self, header: &str) -> bool {
        self.reader.has_column(header)
    }

    /// Scores every row, calling `visit` for each scored commune until the first bad row; the
    /// rows after it are still checked. Every problem found is returned at the end.
    ///
    /// With more than one thread, rows are parsed and scored in batches on worker threads
    /// while this one reads and hands the results to `visit` in file order, scoring a batch
    /// itself whenever the oldest is not ready: the output, warnings and problems are the same
    /// whatever the number of threads.
    pub fn run(
        self,
        stderr: &mut dyn Write,
        mut visit: impl FnMut(&CommuneScore) -> Result<()>,
    ) -> Result<()> {
        self.run_map(stderr, std::mem::take, |score| visit(score))
    }

    /// [`Scan::run`], with each scored commune first made into a `P` by `prepare` on the
    /// thread that scored it: what can be done for one commune alone is best done there.
    /// `prepare` may take what it keeps out of the score; the lists left in it serve the next
    /// commune read on that thread.
    pub fn run_map<P: Send>(
        mut self,
        stderr: &mut dyn Write,
        prepare: impl Fn(&mut CommuneScore) -> P + Sync,
        mut visit: impl FnMut(&P) -> Result<()>,
    ) -> Result<()> {
        let set = self.set;
        let threads = self.threads;
        let file = self.reader.file().to_owned();
        let file = file.as_str();
        let (source, parser, ids) = self.reader.parts();
        let mut tally = Tally::new(set, file);
        if threads <= 1 {
            let mut raw = RawRow::default();
            let mut spare = Spare::default();
            while source.read(&mut raw) {
                let outcome = score_row(
                    set,
                    parser,
                    file,
                    &raw,
                    &prepare,
                    &mut tally.notes,
                    &mut spare,
                );
                tally.take(&ids.check(&raw, outcome), &mut visit, stderr)?;
            }
            return tally.finish(stderr, ids);
        }
        std::thread::scope(|scope| -> Result<()> {
            // the main thread reads, checks ids, writes and scores batches too: one worker
            // fewer than the threads asked for
            let workers: Vec<_> = (1..threads)
                .map(|_| {
                    let (to_worker, jobs) = mpsc::channel::<Job<P>>();
                    let (to_main, scored) = mpsc::channel();
                    let prepare = &prepare;
                    scope.spawn(move || {
                        for job in jobs {
                            let rows = match job {
                                Job::Rows(rows) => rows,
                                // freed by the thread that allocated them, which is cheaper
                                Job::Free(done) => {
                                    drop(done);
                                    continue;
                                }
                            };
                            let scored = score_batch(set, parser, file, rows, prepare);
                            if to_main.send(scored).is_err() {
                                break;
                            }
                        }
                    });
                    (to_worker, scored)
                })
                .collect();
            // Batches in file order. Each worker answers its batches in the order it got them,
            // so the oldest pending batch of a worker is the next it answers.
            let mut pending: VecDeque<Pending<P>> = VecDeque::new();
            let mut spare: Vec<Vec<RawRow>> = Vec::new();
            let mut read_batch = |spare: &mut Vec<Vec<RawRow>>| {
                let mut batch = spare.pop().unwrap_or_default();
                let mut n = 0;
                while n < BATCH {
                    if n == batch.len() {
                        batch.push(RawRow::default());
                    }
                    if !source.read(&mut batch[n]) {
                        break;
                    }
                    n += 1;
                }
                batch.truncate(n);
                batch
            };
            let (mut more, mut remote, mut next) = (true, 0, 0);
            loop {
                // the workers come first: each has a few batches ahead of it
                while more && remote < AHEAD * workers.len() {
                    let batch = read_batch(&mut spare);
                    more = batch.len() == BATCH;
                    if batch.is_empty() || workers[next].0.send(Job::Rows(batch)).is_err() {
                        more = false;
                        break;
                    }
                    pending.push_back(Pending::Remote(next));
                    next = (next + 1) % workers.len();
                    remote += 1;
                }
                let (scored, from) = match pending.pop_front() {
                    None => break,
                    Some(Pending::Local(scored)) => (scored, None),
                    Some(Pending::Remote(k)) => match workers[k].1.try_recv() {
                        Ok(scored) => (scored, Some(k)),
                        // rather than wait for it, score the next batch here
                        Err(mpsc::TryRecvError::Empty)
                            if more && pending.len() < AHEAD * (workers.len() + 1) =>
                        {
                            pending.push_front(Pending::Remote(k));
                            let batch = read_batch(&mut spare);
                            more = batch.len() == BATCH;
                            if !batch.is_empty() {
                                let scored = score_batch(set, parser, file, batch, &prepare);
                                pending.push_back(Pending::Local(scored));
                            }
                            continue;
                        }
                        // a worker that stops answering has panicked; the scope passes the
                        // panic on
                        Err(_) => match workers[k].1.recv() {
                            Ok(scored) => (scored, Some(k)),
                            Err(_) => break,
                        },
                    },
                };
                let Scored {
                    rows,
                    outcomes,
                    notes,
                } = scored;
                let mut done = Vec::with_capacity(outcomes.len());
                for (raw, outcome) in rows.iter().zip(outcomes) {
                    let row = ids.check(raw, outcome);
                    tally.take(&row, &mut visit, stderr)?;
                    done.push(row);
                }
                if let Some(k) = from {
                    remote -= 1;
                    let _ = workers[k].0.send(Job::Free(done));
                }
                tally.notes.merge(notes);
                spare.push(rows);
            }
            Ok(())
        })?;
        tally.finish(stderr, ids)
    }
}

/// A batch of rows, scored: each row's outcome, and what only needs summing up, summed up.
struct Scored<P> {
    rows: Vec<RawRow>,
    outcomes: Vec<Parsed<(u64, P, Vec<Finding>)>>,
    notes: Notes,
}

/// A batch read and not yet taken, in file order: on worker `k`, or scored here already.
enum Pending<P> {
    Remote(usize),
    Local(Scored<P>),
}

/// Parses, scores and prepares a batch of rows.
fn score_batch<P>(
    set: &CriteriaSet,
    parser: &RowParser<'_>,
    file: &str,
    rows: Vec<RawRow>,
    prepare: impl Fn(&mut CommuneScore) -> P,
) -> Scored<P> {
    // what only needs summing up is summed here, per batch
    let mut notes = Notes::default();
    let mut spare = Spare::default();
    let outcomes = rows
        .iter()
        .map(|raw| score_row(set, parser, file, raw, &prepare, &mut notes, &mut spare))
        .collect();
    Scored {
        rows,
        outcomes,
        notes,
    }
}

/// What one row came to: the line, the prepared commune and what scoring noticed; or problems.
type RowResult<P> = std::result::Result<(u64, P, Vec<Finding>), Vec<Problem>>;

/// Work for a worker thread.
enum Job<P> {
    /// Rows to parse, score and prepare.
    Rows(Vec<RawRow>),
    /// Rows the main thread is done with, to free.
    Free(Vec<RowResult<P>>),
}

/// Rows handed to a worker thread at a time: enough that passing them costs little, few enough
/// that the first records are written soon.
const BATCH: usize = 64;

/// Batches each worker has waiting, so that it need not wait while the main thread scores a
/// batch of its own.
const AHEAD: usize = 4;

/// Parses and scores one raw row, then makes it a `P`, reading and scoring into the lists of
/// `spare` and leaving the commune's there. What scoring noticed is summed up in `notes` on
/// the spot, but for disagreements, which come with the row to be told in order.
fn score_row<P>(
    set: &CriteriaSet,
    parser: &RowParser<'_>,
    file: &str,
    raw: &RawRow,
    prepare: impl Fn(&mut CommuneScore) -> P,
    notes: &mut Notes,
    spare: &mut Spare,
) -> Parsed<(u64, P, Vec<Finding>)> {
    parser.parse_reusing(raw, spare).and_then(|commune| {
        let (line, year) = (commune.line, commune.year);
        let mut noticed = std::mem::take(&mut notes.noticed);
        noticed.clear();
        let scored = score_reusing(set, commune, &mut noticed, spare);
        // (what a row that cannot be scored noticed is not told)
        let findings = match scored {
            Ok(_) => noticed
                .drain(..)
                .filter(|finding| !notes.absorb(finding))
                .collect(),
            Err(_) => Vec::new(),
        };
        notes.noticed = noticed;
        let mut scored =
            scored.map_err(|errors| lookup_problems(set, file, line, year, &errors))?;
        let prepared = prepare(&mut scored);
        spare.keep(scored);
        // (a row without disagreements allocates no list of them)
        Ok((line, prepared, findings))
    })
}

/// What the rows come to, taken in file order: scored communes go to the visitor until the
/// first bad row, problems are kept up to a cap, notes and the ticker see every row.
struct Tally<'a> {
    set: &'a CriteriaSet,
    file: &'a str,
    problems: Vec<Problem>,
    omitted: usize,
    notes: Notes,
    ticker: Ticker,
}

impl<'a> Tally<'a> {
    fn new(set: &'a CriteriaSet, file: &'a str) -> Tally<'a> {
        Tally {
            set,
            file,
            problems: Vec::new(),
            omitted: 0,
            notes: Notes::default(),
            ticker: Ticker::new(),
        }
    }

    fn take<P>(
        &mut self,
        row: &RowResult<P>,
        visit: &mut impl FnMut(&P) -> Result<()>,
        stderr: &mut dyn Write,
    ) -> Result<()> {
        self.ticker.tick();
        match row {
            Ok((line, prepared, findings)) => {
                self.notes.add(self.set, self.file, *line, findings, stderr);
                if self.problems.is_empty() {
                    visit(prepared)?;
                }
            }
            Err(found) => {
                let room = MAX_PROBLEMS.saturating_sub(self.problems.len());
                self.omitted += found.len().saturating_sub(room);
                self.problems.extend(found.iter().take(room).cloned());
            }
        }
        Ok(())
    }

    /// Ends the run, with the repeated ids that `ids` finds only at the end put among the
    /// problems in line order.
    fn finish(self, stderr: &mut dyn Write, ids: &mut IdCheck) -> Result<()> {
        self.ticker.finish();
        let late = ids.finish(MAX_PROBLEMS);
        self.notes.report(self.set, stderr);
        let mut omitted = self.omitted + late.more;
        let mut problems = late.merge_into(self.problems, |p| p.location.line, |p| p);
        omitted += problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
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
    start: std::time::Instant,
    shown: bool,
    rows: u64,
}

impl Ticker {
    fn new() -> Ticker {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {human_pos} communes ({per_sec})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Ticker {
            bar,
            start: std::time::Instant::now(),
            shown: false,
            rows: 0,
        }
    }

    fn tick(&mut self) {
        // the bar is told only every 1024 rows: asking the clock per row costs
        self.rows += 1;
        if !self.rows.is_multiple_of(1024) {
            return;
        }
        self.bar.set_position(self.rows);
        if !self.shown
            && self.start.elapsed() > std::time::Duration::from_secs(1)
            && std::io::IsTerminal::is_terminal(&std::io::stderr())
            && crate::term::verbosity() != crate::term::Verbosity::Quiet
        {
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
    // a set whose text names none of the columns cannot use them: it is not parsed (most
    // files' unused columns are an "STT" or a "Ghi chú" that no set uses)
    let others: Vec<CriteriaSet> = BUILTIN_SETS
        .iter()
        .rev()
        .filter(|b| b.id != set.id)
        .filter(|b| unused.iter().any(|c| b.may_use_column(c)))
        .filter_map(|b| CriteriaSet::from_yaml(b.yaml, b.id).ok())
        .collect();
    let foreign: Vec<&String> = unused
        .iter()
        .filter(|c| others.iter().any(|o| o.uses_column(c)))
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    let Some(fit) = others
        .iter()
        .find(|o| foreign.iter().all(|c| o.uses_column(c)))
    else {
        return Ok(());
    };
    let mut shown: Vec<&str> = foreign.iter().take(8).map(|c| c.as_str()).collect();
    if foreign.len() > 8 {
        shown.push("…");
    }
    Err(Error::Usage(format!(
        "{}: columns {} are not in criteria set {} ({}), but they fit built-in set {} ({}); pass --criteria {}",
        reader.file(),
        shown.join(", "),
        set.id,
        set.period,
        fit.id,
        fit.period,
        fit.id
    )))
}

/// What scoring noticed, kept for one report at the end (per-row disagreements are printed as
/// they come, up to a cap).
#[derive(Default)]
struct Notes {
    disagreements: usize,
    /// Columns of indicators judged against unverified thresholds.
    unverified: SmallSet<0>,
    /// Per (tier, indicator column, criterion): the classes and years whose threshold is unknown.
    /// In the order first met; sorted for the report.
    unknown: Vec<(UnknownKey, UnknownAt)>,
    /// Where the last unknown threshold was found in `unknown`: rows meet the same indicators
    /// in the same order, so the next one is most often just after it.
    cursor: usize,
    /// What scoring a row noticed, before it is summed up: one list for row after row.
    noticed: Vec<Finding>,
}

/// An indicator of a tier's criterion: (tier, indicator column, criterion).
type UnknownKey = (usize, usize, u32);

/// The classes and years for which an indicator's threshold is unknown.
type UnknownAt = (SmallSet<0>, SmallSet<1990>);

/// A set of numbers, a bit each for `BASE..BASE + 128` (class indices, years: every row adds one,
/// so this must cost next to nothing), a tree for any others.
#[derive(Debug, Default)]
struct SmallSet<const BASE: usize> {
    bits: u128,
    others: BTreeSet<usize>,
}

impl<const BASE: usize> SmallSet<BASE> {
    fn insert(&mut self, n: usize) {
        match n.checked_sub(BASE) {
            Some(bit) if bit < 128 => self.bits |= 1 << bit,
            _ => {
                self.others.insert(n);
            }
        }
    }

    fn extend(&mut self, other: SmallSet<BASE>) {
        self.bits |= other.bits;
        self.others.extend(other.others);
    }

    fn is_empty(&self) -> bool {
        self.bits == 0 && self.others.is_empty()
    }

    /// The numbers, in order.
    fn to_vec(&self) -> Vec<usize> {
        let mut all: Vec<usize> = (0..128)
            .filter(|bit| self.bits >> bit & 1 == 1)
            .map(|bit| bit + BASE)
            .chain(self.others.iter().copied())
            .collect();
        all.sort_unstable();
        all
    }
}

impl Notes {
    /// Sums up `finding` when it needs no more than summing up (an unknown or unverified
    /// threshold), so that it may be dropped; `false` for a disagreement, told row by row.
    fn absorb(&mut self, finding: &Finding) -> bool {
        match *finding {
            Finding::Disagreement { .. } => return false,
            Finding::UnverifiedThreshold { column } => {
                self.unverified.insert(column);
            }
            Finding::UnknownThreshold {
                tier,
                criterion,
                column,
                class,
                year,
            } => {
                let (classes, years) = self.unknown_at((tier, column, criterion));
                if let Some(class) = class {
                    classes.insert(class.0);
                }
                if let Some(year) = year {
                    years.insert(usize::from(year));
                }
            }
        }
        true
    }

    /// Adds what `other` summed up (its disagreements were told already).
    fn merge(&mut self, other: Notes) {
        self.unverified.extend(other.unverified);
        for (key, (classes, years)) in other.unknown {
            let (all_classes, all_years) = self.unknown_at(key);
            all_classes.extend(classes);
            all_years.extend(years);
        }
    }

    fn add(
        &mut self,
        set: &CriteriaSet,
        file: &str,
        line: u64,
        findings: &[Finding],
        stderr: &mut dyn Write,
    ) {
        for finding in findings {
            if self.absorb(finding) {
                continue;
            }
            if let &Finding::Disagreement {
                tier,
                criterion,
                column,
                indicators,
            } = finding
            {
                self.disagreements += 1;
                if self.disagreements <= max_row_warnings() {
                    warn(
                        stderr,
                        &format!(
                            "{file}:{line}: column {} says \"{column}\" but the indicators give \"{indicators}\"; the indicators are used",
                            set.tiers[tier].verdict_column(criterion)
                        ),
                    );
                }
            }
        }
    }

    /// The classes and years recorded for `key`, found from the cursor on.
    fn unknown_at(&mut self, key: UnknownKey) -> &mut UnknownAt {
        let n = self.unknown.len();
        let cursor = self.cursor.min(n);
        let found = (cursor..n)
            .chain(0..cursor)
            .find(|&i| self.unknown[i].0 == key);
        let i = found.unwrap_or_else(|| {
            self.unknown.push((key, UnknownAt::default()));
            n
        });
        self.cursor = i + 1;
        &mut self.unknown[i].1
    }

    fn report(mut self, set: &CriteriaSet, stderr: &mut dyn Write) {
        self.unknown.sort_unstable_by_key(|(key, _)| *key);
        if self.disagreements > max_row_warnings() {
            warn(
                stderr,
                &format!(
                    "… and {} more disagreement(s) between verdict columns and indicators",
                    self.disagreements - max_row_warnings()
                ),
            );
        }
        for ((tier, column, criterion), (classes, years)) in &self.unknown {
            let tier = &set.tiers[*tier];
            let indicator = &set.columns[*column];
            let mut at = Vec::new();
            if !classes.is_empty() {
                let codes: Vec<&str> = classes
                    .to_vec()
                    .into_iter()
                    .map(|c| set.classification.class(ClassId(c)).code.as_str())
                    .collect();
                at.push(codes.join(", "));
            }
            if !years.is_empty() {
                at.push(year_list(&years.to_vec()));
            }
            let at = at.join(" in ");
            warn(
                stderr,
                &format!(
                    "indicator {indicator}: the {} threshold{} is not known to criteria set {}; those values were left not assessed (record the verdict in column {} instead)",
                    tier.id,
                    if at.is_empty() {
                        String::new()
                    } else {
                        format!(" for {at}")
                    },
                    set.id,
                    tier.verdict_column(*criterion)
                ),
            );
        }
        if !self.unverified.is_empty() {
            let ids: Vec<&str> = self
                .unverified
                .to_vec()
                .into_iter()
                .map(|c| set.columns[c].as_str())
                .collect();
            warn(
                stderr,
                &format!(
                    "thresholds of indicator(s) {} are not verified against the legal text; see `ntm criteria show {}`",
                    ids.join(", "),
                    set.id
                ),
            );
        }
    }
}

/// Years as a short list: consecutive runs become ranges (`2022–2025`, `2021, 2023`).
fn year_list(years: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => runs.push((y, y)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One problem per kind of missing information in a row, naming every indicator that needs it.
fn lookup_problems(
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
    let class_name = set.classification.name.en.to_lowercase();
    by_lookup
        .into_iter()
        .map(|(lookup, ids)| {
            let which = if ids.len() == 1 {
                format!("indicator {}", ids[0])
            } else {
                format!("indicators {}", ids.join(", "))
            };
            match lookup {
                LevelLookup::NeedsClass => Problem::new(
                    at.clone().in_column(&set.classification.column),
                    format!(
                        "{which}: thresholds differ by {class_name}, and this row has none; fill in column \"{}\"",
                        set.classification.column
                    ),
                )
                .with_value(""),
                LevelLookup::NeedsYear => Problem::new(
                    at.clone().in_column("year"),
                    format!(
                        "{which}: thresholds differ by year, and this row has none; add a year column or pass --year"
                    ),
                )
                .with_value(""),
                LevelLookup::YearOutOfRange { first, last } => Problem::new(
                    at.clone().in_column("year"),
                    format!(
                        "{which}: criteria set {} has thresholds only for {first}–{last}",
                        set.id
                    ),
                )
                .with_value(&year.map(|y| y.to_string()).unwrap_or_default()),
            }
        })
        .collect()
}

fn warn(stderr: &mut dyn Write, message: &str) {
    let _ = writeln!(stderr, "warning: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_collapse_into_ranges() {
        let years = |ys: &[usize]| year_list(ys);
        assert_eq!(years(&[2022, 2023, 2024, 2025]), "2022–2025");
        assert_eq!(years(&[2021, 2023]), "2021, 2023");
        assert_eq!(years(&[2020, 2022, 2023]), "2020, 2022–2023");
        assert_eq!(years(&[2024]), "2024");
    }

    #[test]
    fn small_sets_keep_every_number_in_order() {
        let mut set = SmallSet::<1990>::default();
        assert!(set.is_empty());
        for n in [2025, 1990, 2117, 2118, 1989, 2022, 2025, 0] {
            set.insert(n);
        }
        let mut other = SmallSet::<1990>::default();
        other.insert(2000);
        other.insert(3000);
        set.extend(other);
        assert_eq!(
            set.to_vec(),
            [0, 1989, 1990, 2000, 2022, 2025, 2117, 2118, 3000]
        );
    }

    /// The test set, and a folder holding `csv` as t.csv.
    fn mini_set_and_file(csv: &str) -> (CriteriaSet, tempfile::TempDir) {
        let set = CriteriaSet::from_yaml(
            include_str!("../../tests/data/mini-set.yaml"),
            "mini-set.yaml",
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("t.csv"), csv).unwrap();
        (set, dir)
    }

    /// The ids of the communes a run of `scan` visits, and the error it ends with.
    fn visited_and_error(scan: Scan<'_>) -> (Vec<String>, Error) {
        let mut visited = Vec::new();
        let err = scan
            .run(&mut Vec::new(), |score| {
                visited.push(score.commune.id.clone());
                Ok(())
            })
            .unwrap_err();
        (visited, err)
    }

    /// A repeat among the ids past those held in memory is found only at the end: the rows up
    /// to the first bad row found on the spot are visited, and the problems still come in line
    /// order, whatever the number of threads.
    #[test]
    fn repeats_found_at_the_end_are_told_in_line_order() {
        let (set, dir) = mini_set_and_file(
            "commune_id,region,1.1\nA,NORTH,1\nB,NORTH,1\nC,NORTH,1\nD,NORTH,1\nC,NORTH,1\n\
             A,NORTH,1\nE,NORTH,x\nD,NORTH,1\nF,NORTH,1\n",
        );
        let path = dir.path().join("t.csv");
        let path = path.to_str().unwrap();
        for threads in [1, 2, 3] {
            let read = InputOptions {
                threads,
                year: Some(2023),
                ..InputOptions::default()
            };
            let mut stderr = Vec::new();
            let mut scan = Scan::open(&set, path, &read, &mut stderr).unwrap();
            // A and B are held; C, D, E and F are checked at the end
            scan.reader.parts().2.set_limits(2, 1, 2);
            let (visited, err) = visited_and_error(scan);
            assert_eq!(
                visited,
                ["A", "B", "C", "D", "C"],
                "{threads} threads: {err}"
            );
            let Error::Invalid { problems, omitted } = err else {
                panic!("{err}");
            };
            assert_eq!(omitted, 0);
            let said: Vec<(Option<u64>, bool)> = problems
                .iter()
                .map(|p| {
                    (
                        p.location.line,
                        p.message.starts_with("duplicate commune_id"),
                    )
                })
                .collect();
            assert_eq!(
                said,
                [
                    (Some(6), true),
                    (Some(7), true),
                    (Some(8), false),
                    (Some(9), true)
                ],
                "{threads} threads"
            );
            assert!(problems[0].message.ends_with("first seen on line 4"));
            assert!(problems[3].message.ends_with("first seen on line 5"));
        }
    }

    /// When the temporary files cannot be written, the row where the check stops says so, and
    /// every other problem is still told.
    #[test]
    fn a_check_that_cannot_write_its_files_fails_on_the_row_it_stops_at() {
        let (set, dir) = mini_set_and_file(
            "commune_id,region,1.1\nA,NORTH,1\nB,NORTH,1\nC,NORTH,1\nA,NORTH,1\nE,NORTH,x\n",
        );
        let path = dir.path().join("t.csv");
        let read = InputOptions {
            threads: 2,
            year: Some(2023),
            ..InputOptions::default()
        };
        let mut stderr = Vec::new();
        let mut scan = Scan::open(&set, path.to_str().unwrap(), &read, &mut stderr).unwrap();
        let ids = scan.reader.parts().2;
        ids.set_limits(2, 1, 2);
        ids.set_temporary_folder(&dir.path().join("missing"));
        let (visited, err) = visited_and_error(scan);
        assert_eq!(visited, ["A", "B"]);
        let Error::Invalid { problems, .. } = err else {
            panic!("{err}");
        };
        let said: Vec<Option<u64>> = problems.iter().map(|p| p.location.line).collect();
        assert_eq!(said, [Some(4), Some(5), Some(6)], "{problems:?}");
        assert!(
            problems[0]
                .message
                .starts_with("repeated commune_ids cannot be checked from this row on: "),
            "{}",
            problems[0]
        );
        assert!(problems[0].message.contains("missing"));
        assert!(problems[1].message.starts_with("duplicate commune_id"));
    }

    #[test]
    fn unknown_thresholds_are_reported_once_per_indicator() {
        let yaml = crate::criteria::builtin("vn-commune-2021-2025")
            .unwrap()
            .yaml;
        let set = CriteriaSet::from_yaml(yaml, "s").unwrap();
        let column = set.columns.iter().position(|c| c == "2.2").unwrap();
        let mut notes = Notes::default();
        let mut sink = Vec::new();
        for (class, year) in [(1, 2022), (2, 2022), (1, 2023), (2, 2025)] {
            let finding = Finding::UnknownThreshold {
                tier: 0,
                criterion: 2,
                column,
                class: Some(ClassId(class)),
                year: Some(year),
            };
            notes.add(&set, "f.csv", 2, &[finding], &mut sink);
        }
        notes.report(&set, &mut sink);
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
