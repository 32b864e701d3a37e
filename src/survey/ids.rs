//! The check for repeated `commune_id`s, in memory that does not grow with the file.
//!
//! The first [`IdCheck::KEPT`] distinct ids are held in memory (about 14 bytes each) and every
//! row is checked against them on the spot. Ids past those are also written, in sorted runs, to
//! temporary files, which are merged at the end of the file to find the repeats among them: a
//! repeat of one of the first ids is caught on its row, a repeat among the later ones only
//! when the whole file has been read. Either way it is the same problem, on the same line.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::collections::hash_map::HashMap;
use std::fs::File;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::{Parsed, RawRow};
use crate::error::{Location, Problem};
use crate::text::nfc;

/// Catches a `commune_id` repeated anywhere in the file. Ids are compared by 64-bit hash, so
/// two different ids with the same hash would be taken for one (odds of about n²/2⁶⁵ for n
/// ids: nil for real files).
///
/// Memory stays bounded whatever the number of rows. The first [`IdCheck::KEPT`] distinct ids
/// are held in memory and every row is checked against them on the spot; ids past those are
/// written in sorted runs to temporary files, and the repeats among them are found by
/// [`IdCheck::finish`] once the whole file has been read.
pub struct IdCheck {
    seen: SeenIds,
    later: Later,
    /// How many ids `seen` takes; ids past them go to `later`.
    kept: usize,
    file: String,
    header: String,
    column: usize,
}

impl IdCheck {
    /// How many distinct ids are held in memory and checked on the spot: 2¹⁹, about 7 MB.
    pub const KEPT: usize = 1 << 19;

    /// A check of the ids in `column` (headed `header`) of `file`.
    pub(super) fn new(file: &str, header: &str, column: usize) -> IdCheck {
        IdCheck {
            seen: SeenIds::default(),
            later: Later::new(Later::RUN, Later::FAN_IN),
            kept: Self::KEPT,
            file: file.to_owned(),
            header: header.to_owned(),
            column,
        }
    }

    /// The same check with other limits, to test the later ids' path on small files: `kept`
    /// ids in memory, runs of `run` ids, `fan_in` runs merged at a time.
    #[doc(hidden)]
    pub fn set_limits(&mut self, kept: usize, run: usize, fan_in: usize) {
        assert!(run > 0 && fan_in > 1, "limits too small");
        self.kept = kept;
        self.later = Later::new(run, fan_in);
    }

    /// The same check with its temporary files in `dir`, to test what a failure gives.
    #[doc(hidden)]
    pub fn set_temporary_folder(&mut self, dir: &Path) {
        dir.clone_into(&mut self.later.dir);
    }

    /// The result of a row, with a problem added when its id was seen on an earlier row that
    /// is still held in memory. Rows must come in file order; `raw` is the row `parsed` came
    /// from.
    pub fn check<T>(&mut self, raw: &RawRow, parsed: Parsed<T>) -> Result<T, Vec<Problem>> {
        let Some(hash) = parsed.id else {
            return parsed.result;
        };
        let cell = raw.record.get(self.column).unwrap_or_default();
        let first = if self.seen.len() < self.kept {
            self.seen.insert(hash, parsed.line)
        } else {
            let first = self.seen.get(hash);
            if first.is_none()
                && let Err(err) = self.later.push(hash, parsed.line, cell)
            {
                // the check cannot go on: the row says so, which fails the run from here
                let message = format!(
                    "repeated commune_ids cannot be checked from this row on: {}",
                    temporary_files(&self.later.dir, &err)
                );
                let problem = self.problem(parsed.line, cell, message);
                return Err(with_first(problem, parsed.result));
            }
            first
        };
        let Some(first) = first else {
            return parsed.result;
        };
        let duplicate = self.problem(parsed.line, cell, duplicate(first));
        Err(with_first(duplicate, parsed.result))
    }

    /// The repeats among the ids past the first [`IdCheck::KEPT`], found once every row has
    /// been checked: the first `cap` of them by line, and how many more there are. Each is the
    /// problem [`IdCheck::check`] would have given its row. The check starts afresh after it.
    ///
    /// When the temporary files cannot be read back, that is the one problem (of the file,
    /// with no line) instead; a write that failed was told on the row it failed on.
    pub fn finish(&mut self, cap: usize) -> LateRepeats {
        self.seen = SeenIds::default();
        match self.later.repeats(cap) {
            Ok((found, total)) => {
                let problems: Vec<Problem> = found
                    .into_iter()
                    .map(|(line, first, id)| self.problem(line, &id, duplicate(first)))
                    .collect();
                LateRepeats {
                    more: total - problems.len(),
                    problems,
                }
            }
            Err(err) => LateRepeats {
                problems: vec![Problem::new(
                    Location::file(&self.file).in_column(&self.header),
                    format!(
                        "repeated commune_ids past the first {} could not be checked: {}",
                        self.kept,
                        temporary_files(&self.later.dir, &err)
                    ),
                )],
                more: 0,
            },
        }
    }

    /// The problem `message` of the id `cell` of the row on `line`.
    fn problem(&self, line: u64, cell: &[u8], message: String) -> Problem {
        Problem::new(
            Location::file(&self.file)
                .at_line(line)
                .in_column(&self.header),
            message,
        )
        .with_value(&nfc(&String::from_utf8_lossy(cell)))
    }
}

/// What is said of an id first seen on line `first`.
fn duplicate(first: u64) -> String {
    format!("duplicate commune_id; first seen on line {first}")
}

/// `problem`, put first among the problems of a row whose result is `result`.
fn with_first<T>(problem: Problem, result: Result<T, Vec<Problem>>) -> Vec<Problem> {
    match result {
        Ok(_) => vec![problem],
        Err(mut problems) => {
            problems.insert(0, problem);
            problems
        }
    }
}

/// What is said of a failure of the temporary files in `dir`.
fn temporary_files(dir: &Path, err: &io::Error) -> String {
    format!("{} (temporary files of the check): {err}", dir.display())
}

/// Repeated ids found only at the end of the file, by [`IdCheck::finish`].
#[derive(Debug, Default)]
pub struct LateRepeats {
    /// The first of them, in line order.
    pub problems: Vec<Problem>,
    /// How many more were found and not kept.
    pub more: usize,
}

impl LateRepeats {
    /// `kept`, the first problems of a file in the order they were found, with these placed
    /// among them where they would have been found row by row: before anything else said of
    /// the same row. `line` gives an item's line; an item without one keeps its place.
    pub fn merge_into<T>(
        self,
        kept: Vec<T>,
        line: impl Fn(&T) -> Option<u64>,
        wrap: impl Fn(Problem) -> T,
    ) -> Vec<T> {
        if self.problems.is_empty() {
            return kept;
        }
        let mut merged = Vec::with_capacity(kept.len() + self.problems.len());
        let mut late = self.problems.into_iter().peekable();
        for item in kept {
            if let Some(at) = line(&item) {
                while let Some(repeat) = late.next_if(|p| p.location.line.is_some_and(|l| l <= at))
                {
                    merged.push(wrap(repeat));
                }
            }
            merged.push(item);
        }
        merged.extend(late.map(wrap));
        merged
    }
}

/// The ids past the first [`IdCheck::KEPT`]: gathered in memory, written as sorted runs to
/// anonymous temporary files, and merged `fan_in` runs at a time into longer runs (so that
/// only a few files are ever open) and, at the end, into one sorted stream where repeats sit
/// side by side. Holds at most `run` ids and [`Later::TEXT`] bytes of their text.
struct Later {
    ids: Vec<LaterId>,
    text: Vec<u8>,
    /// `levels[k]` holds the runs merged `k` times, fewer than `fan_in` of them.
    levels: Vec<Vec<Run>>,
    run: usize,
    fan_in: usize,
    /// Whether a write failed: the check cannot go on, which was told on that row.
    failed: bool,
    /// Where the runs are written: the system's temporary folder.
    dir: PathBuf,
}

/// An id held by [`Later`]: its hash, its line and where its text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct LaterId {
    hash: u64,
    line: u64,
    start: u32,
    len: u32,
}

/// A sorted run of ids in a temporary file, each as hash, line, text length and text.
struct Run {
    file: File,
    ids: u64,
}

/// One id read back from a run.
#[derive(Debug, Default)]
struct RunId {
    hash: u64,
    line: u64,
    text: Vec<u8>,
}

impl Later {
    /// Ids gathered before a run is written: 2¹⁶, 1.5 MB.
    const RUN: usize = 1 << 16;
    /// Runs merged at a time.
    const FAN_IN: usize = 16;
    /// Bytes of id text gathered before a run is written, however few the ids.
    const TEXT: usize = 1 << 20;
    /// The buffer of each run being read or written.
    const BUFFER: usize = 16 << 10;

    fn new(run: usize, fan_in: usize) -> Later {
        Later {
            ids: Vec::new(),
            text: Vec::new(),
            levels: Vec::new(),
            run,
            fan_in,
            failed: false,
            dir: std::env::temp_dir(),
        }
    }

    /// Takes the id `text`, hashed to `hash`, seen on `line`. The first write that fails is
    /// an error; the ids after it are not taken.
    fn push(&mut self, hash: u64, line: u64, text: &[u8]) -> io::Result<()> {
        if self.failed {
            return Ok(());
        }
        // (a cell is under 2 GiB: the CSV reader holds no more)
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.text.extend_from_slice(text);
        self.ids.push(LaterId {
            hash,
            line,
            start,
            len,
        });
        if (self.ids.len() >= self.run || self.text.len() >= Self::TEXT)
            && let Err(err) = self.spill()
        {
            self.failed = true;
            self.ids.clear();
            self.text.clear();
            return Err(err);
        }
        Ok(())
    }

    /// Writes the ids held as a run.
    fn spill(&mut self) -> io::Result<()> {
        self.ids.sort_unstable();
        let ids = std::mem::take(&mut self.ids);
        let text = std::mem::take(&mut self.text);
        let mut out = RunWriter::new(&self.dir)?;
        for id in &ids {
            out.write(id.hash, id.line, Self::text_of(&text, id))?;
        }
        self.add(0, out.finish()?)?;
        // the buffers are kept for the next run
        self.ids = ids;
        self.ids.clear();
        self.text = text;
        self.text.clear();
        Ok(())
    }

    /// Puts `run` at `level`, merging the level into one run of the next when it is full.
    fn add(&mut self, mut level: usize, mut run: Run) -> io::Result<()> {
        loop {
            if self.levels.len() == level {
                self.levels.push(Vec::new());
            }
            self.levels[level].push(run);
            if self.levels[level].len() < self.fan_in {
                return Ok(());
            }
            let runs = std::mem::take(&mut self.levels[level]);
            let mut out = RunWriter::new(&self.dir)?;
            merge(runs.into_iter().map(Source::run).collect(), |id| {
                out.write(id.hash, id.line, &id.text)
            })?;
            run = out.finish()?;
            level += 1;
        }
    }

    fn text_of<'t>(text: &'t [u8], id: &LaterId) -> &'t [u8] {
        &text[id.start as usize..][..id.len as usize]
    }

    /// The repeats among all the ids taken, as (line, line first seen on, text): the `cap`
    /// with the lowest lines, in line order, and how many there are in all. Every id taken is
    /// let go, to start afresh.
    fn repeats(&mut self, cap: usize) -> io::Result<(Vec<Repeat>, usize)> {
        let failed = std::mem::take(&mut self.failed);
        let levels = std::mem::take(&mut self.levels);
        if failed {
            // (told already, on the row the check stopped at)
            self.ids.clear();
            self.text.clear();
            return Ok((Vec::new(), 0));
        }
        self.ids.sort_unstable();
        let mut sources: Vec<Source<'_>> = levels.into_iter().flatten().map(Source::run).collect();
        sources.push(Source::Held {
            ids: self.ids.iter(),
            text: &self.text,
        });
        // the lowest lines so far, the highest on top to be dropped first
        let mut found: BinaryHeap<Repeat> = BinaryHeap::new();
        let mut total = 0;
        let mut group: Option<(u64, u64)> = None;
        let merged = merge(sources, |id| {
            match group {
                // ids come in order of hash, then line: the first of a hash is where it was
                // first seen
                Some((hash, first)) if hash == id.hash => {
                    total += 1;
                    if found.len() < cap {
                        found.push((id.line, first, id.text.clone()));
                    } else if found.peek().is_some_and(|top| id.line < top.0) {
                        found.pop();
                        found.push((id.line, first, id.text.clone()));
                    }
                }
                _ => group = Some((id.hash, id.line)),
            }
            Ok(())
        });
        self.ids.clear();
        self.text.clear();
        merged?;
        Ok((found.into_sorted_vec(), total))
    }
}

/// A repeated id found at the end: its line, the line it was first seen on, and its text.
type Repeat = (u64, u64, Vec<u8>);

/// Writes a run to a new anonymous temporary file.
struct RunWriter {
    out: BufWriter<File>,
    ids: u64,
}

impl RunWriter {
    fn new(dir: &Path) -> io::Result<RunWriter> {
        Ok(RunWriter {
            out: BufWriter::with_capacity(Later::BUFFER, tempfile::tempfile_in(dir)?),
            ids: 0,
        })
    }

    fn write(&mut self, hash: u64, line: u64, text: &[u8]) -> io::Result<()> {
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.out.write_all(&hash.to_le_bytes())?;
        self.out.write_all(&line.to_le_bytes())?;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.write_all(text)?;
        self.ids += 1;
        Ok(())
    }

    /// The run written, ready to be read from its start.
    fn finish(self) -> io::Result<Run> {
        let mut file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.rewind()?;
        Ok(Run {
            file,
            ids: self.ids,
        })
    }
}

/// Sorted ids to merge: a run on disk, or the ids still held.
enum Source<'a> {
    Run {
        reader: BufReader<File>,
        left: u64,
    },
    Held {
        ids: std::slice::Iter<'a, LaterId>,
        text: &'a [u8],
    },
}

impl Source<'_> {
    fn run(run: Run) -> Self {
        Source::Run {
            reader: BufReader::with_capacity(Later::BUFFER, run.file),
            left: run.ids,
        }
    }

    /// Reads the next id into `into`; `false` when there is none left.
    fn next(&mut self, into: &mut RunId) -> io::Result<bool> {
        match self {
            Source::Run { reader, left } => {
                if *left == 0 {
                    return Ok(false);
                }
                *left -= 1;
                let mut head = [0; 20];
                reader.read_exact(&mut head)?;
                let word =
                    |i: usize| u64::from_le_bytes(head[i..i + 8].try_into().unwrap_or_default());
                into.hash = word(0);
                into.line = word(8);
                let len = u32::from_le_bytes(head[16..20].try_into().unwrap_or_default());
                into.text.resize(len as usize, 0);
                reader.read_exact(&mut into.text)?;
                Ok(true)
            }
            Source::Held { ids, text } => {
                let Some(id) = ids.next() else {
                    return Ok(false);
                };
                into.hash = id.hash;
                into.line = id.line;
                into.text.clear();
                into.text.extend_from_slice(Later::text_of(text, id));
                Ok(true)
            }
        }
    }
}

/// Merges sorted `sources` into one sorted stream, handed to `each` id by id.
fn merge(
    mut sources: Vec<Source<'_>>,
    mut each: impl FnMut(&RunId) -> io::Result<()>,
) -> io::Result<()> {
    let mut current: Vec<RunId> = sources.iter().map(|_| RunId::default()).collect();
    let mut heap = BinaryHeap::with_capacity(sources.len());
    for (i, source) in sources.iter_mut().enumerate() {
        if source.next(&mut current[i])? {
            heap.push(Reverse((current[i].hash, current[i].line, i)));
        }
    }
    while let Some(Reverse((_, _, i))) = heap.pop() {
        each(&current[i])?;
        if sources[i].next(&mut current[i])? {
            heap.push(Reverse((current[i].hash, current[i].line, i)));
        }
    }
    Ok(())
}

/// The commune ids seen so far, as 64-bit hashes with the line each was first seen on, so that a
/// repeated id is caught however far apart the rows are. Recent ids sit in a small hash map that
/// is merged every [`SeenIds::RECENT`] ids into two sorted arrays: 12 bytes per row, plus one
/// or two of filter, about half what a hash map of every row takes.
#[derive(Debug, Default)]
struct SeenIds {
    recent: HashMap<u64, u64, BuildHasherDefault<AlreadyHashed>>,
    /// Sorted hashes of older ids.
    hashes: Vec<u64>,
    /// `lines[i]` is where `hashes[i]` was first seen; [`SeenIds::FAR`] for a line past
    /// `u32::MAX`, kept in `far_lines` instead (4 bytes a row spared for files that never
    /// have one).
    lines: Vec<u32>,
    far_lines: HashMap<u64, u64>,
    /// One bit per slot of the top bits of a hash, set for every hash in `hashes`: most new ids
    /// find their bit clear and skip the binary search, which at millions of rows misses the
    /// cache at every step. Empty until the first merge.
    filter: Vec<u64>,
    /// How far a hash is shifted right to give its bit in `filter`.
    shift: u32,
}

impl SeenIds {
    const RECENT: usize = 1 << 16;
    const FAR: u32 = u32::MAX;

    /// How many ids are held.
    fn len(&self) -> usize {
        self.hashes.len() + self.recent.len()
    }

    /// The line `hash` was first seen on, if it was.
    fn get(&self, hash: u64) -> Option<u64> {
        if let Some(&first) = self.recent.get(&hash) {
            return Some(first);
        }
        if self.maybe_older(hash)
            && let Ok(i) = self.hashes.binary_search(&hash)
        {
            return Some(match self.lines[i] {
                Self::FAR => self.far_lines.get(&hash).copied().unwrap_or(u64::MAX),
                line => u64::from(line),
            });
        }
        None
    }

    /// Records `hash` seen on `line`; the line it was first seen on when it was seen before.
    fn insert(&mut self, hash: u64, line: u64) -> Option<u64> {
        if let Some(first) = self.get(hash) {
            return Some(first);
        }
        self.recent.insert(hash, line);
        if self.recent.len() >= Self::RECENT {
            self.merge();
        }
        None
    }

    /// Moves the recent ids into the sorted arrays, merging from the back in place.
    fn merge(&mut self) {
        let mut new: Vec<(u64, u32)> = Vec::with_capacity(self.recent.len());
        for (hash, line) in self.recent.drain() {
            let short = u32::try_from(line).unwrap_or(Self::FAR);
            if short == Self::FAR {
                self.far_lines.insert(hash, line);
            }
            new.push((hash, short));
        }
        new.sort_unstable();
        let old = self.hashes.len();
        let total = old + new.len();
        self.hashes.reserve_exact(new.len());
        self.lines.reserve_exact(new.len());
        self.hashes.resize(total, 0);
        self.lines.resize(total, 0);
        let (mut i, mut j) = (old, new.len());
        for k in (0..total).rev() {
            if j == 0 {
                break;
            }
            if i > 0 && self.hashes[i - 1] > new[j - 1].0 {
                self.hashes[k] = self.hashes[i - 1];
                self.lines[k] = self.lines[i - 1];
                i -= 1;
            } else {
                (self.hashes[k], self.lines[k]) = new[j - 1];
                j -= 1;
            }
        }
        let bits = self.filter.len() * 64;
        if bits < 4 * total {
            // 8 to 16 bits per id after a rebuild, never fewer than 4: a search is spared for
            // about three new ids in four at worst, nine in ten or more most of the time
            let bits = (8 * total).next_power_of_two().max(1 << 16);
            self.filter = vec![0; bits / 64];
            self.shift = 64 - bits.trailing_zeros();
            for &hash in &self.hashes {
                mark(&mut self.filter, self.shift, hash);
            }
        } else {
            for &(hash, _) in &new {
                mark(&mut self.filter, self.shift, hash);
            }
        }
    }

    /// Whether `hash` may be among the sorted older ids; `false` means surely not.
    fn maybe_older(&self, hash: u64) -> bool {
        let bit = hash.checked_shr(self.shift).unwrap_or(0);
        self.filter
            .get((bit / 64) as usize)
            .is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

/// Sets the bit of `hash` in `filter`.
fn mark(filter: &mut [u64], shift: u32, hash: u64) {
    let bit = hash.checked_shr(shift).unwrap_or(0);
    if let Some(word) = filter.get_mut((bit / 64) as usize) {
        *word |= 1 << (bit % 64);
    }
}

/// The hasher of a map whose keys are hashes already: it keeps the key as it is.
#[derive(Debug, Default)]
struct AlreadyHashed(u64);

impl Hasher for AlreadyHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // only u64 keys are hashed; this folds anything else in all the same
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_ids_find_repeats_across_merges_with_the_first_line() {
        let mut seen = SeenIds::default();
        let n = 3 * SeenIds::RECENT as u64 + 17;
        // spread hashes over the whole range, in no order
        let hash = |i: u64| i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for i in 0..n {
            assert_eq!(seen.insert(hash(i), i + 2), None, "{i}");
        }
        assert!(seen.hashes.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert_eq!(seen.hashes.len() + seen.recent.len(), n as usize);
        for i in [0, 1, SeenIds::RECENT as u64, n - 20, n - 1] {
            assert_eq!(seen.insert(hash(i), 99_999_999), Some(i + 2), "{i}");
        }
        // a third sighting still names the first
        assert_eq!(seen.insert(hash(5), 100_000_000), Some(7));
        // lines past u32::MAX are kept whole
        let far = u64::from(u32::MAX) + 5;
        let mut seen_far = SeenIds::default();
        for i in 0..SeenIds::RECENT as u64 {
            assert_eq!(seen_far.insert(hash(i), far + i), None);
        }
        assert!(seen_far.recent.is_empty(), "merged");
        assert_eq!(seen_far.insert(hash(3), 1), Some(far + 3));
        assert_eq!(seen_far.insert(hash(0), 1), Some(far));
        // the filter lets no older id through, and spares the search for most new ones
        assert!(seen.hashes.iter().all(|&h| seen.maybe_older(h)));
        let spared = (n..n + 10_000)
            .filter(|&i| !seen.maybe_older(hash(i)))
            .count();
        assert!(spared > 7_500, "{spared}");
    }
}
