//! Survey data: one CSV row per commune, read as a stream. The header is matched against the
//! criteria set once (`Layout`); each row then becomes a [`Commune`] or a list of problems,
//! each naming the file, line, column and value. A repeated `commune_id` is a problem of the
//! row that repeats it.

pub mod cells;
pub mod input;
pub mod period;

use std::collections::HashMap;
use std::io::Read;

use csv::ByteRecord;

use crate::code::Code;
use crate::criteria::{ClassId, CriteriaSet, Indicator, Measure, PerTier, QuantityKind, Verdict};
use crate::error::{Error, Location, Problem, Result};
use crate::msg::{Msg, SkippedKind};
use crate::survey::cells::{VerdictSpellings, parse_number, parse_verdict_word};
use crate::survey::input::{
    InputOptions, Rows, cell_reference, criterion_name_in_header, header_meaning,
};
use crate::survey::period::Period;
use crate::text::{fold, is_invisible, nfc, trim};

/// What a column the set judges communes by holds; see [`SurveyReader::judged_columns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgedColumn {
    /// An indicator's value, by its index in [`CriteriaSet::columns`] and
    /// [`Commune::readings`].
    Indicator(usize),
    /// The verdict of a criterion: the tier's index and the criterion's within it, as in
    /// [`Commune::verdicts`].
    Verdict(usize, usize),
}

/// What one data cell says about an indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reading {
    /// A measured value.
    Value(f64),
    /// A verdict recorded instead of (or for a yes/no indicator, as) the value.
    Verdict(Verdict),
}

/// One commune's row, parsed and checked. The default is an empty one, with no readings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Commune {
    /// The line the row starts on.
    pub line: u64,
    /// `commune_id`: unique in the file.
    pub id: String,
    /// `commune`: its name.
    pub name: String,
    /// `district`.
    pub district: String,
    /// `province`.
    pub province: String,
    /// The cell of the column reports group communes by, when one other than the district is
    /// named (`--by vung`; see [`SurveyReader::group_by`]); empty when blank or not asked.
    pub group: String,
    /// The class (region, group) the row names.
    pub region: Option<ClassId>,
    /// The class whose thresholds apply, after the set's override rules.
    pub class: Option<ClassId>,
    /// The year assessed (`year` column, the period's year, or the default year given on the
    /// command line).
    pub year: Option<u16>,
    /// The period the row reports on, in a panel file (`period` column, or `year` and
    /// `month`); with the commune, the key of the row.
    pub period: Option<Period>,
    /// `hamlets`: number of hamlets (thôn, xóm, bản, buôn).
    pub hamlets: Option<u32>,
    /// `hamlets_standard`: hamlets recognised standard.
    pub hamlets_standard: Option<u32>,
    /// `hamlets_model`: model residential areas (khu dân cư kiểu mẫu).
    pub hamlets_model: Option<u32>,
    /// `outstanding_field`: the field a model commune stands out in (lĩnh vực nổi trội), as text.
    pub outstanding_field: String,
    /// The tier the commune was recognised at by decision (`recognised`: standard, advanced,
    /// model, modern), an index into the set's tiers; `None` when not recognised or not said.
    pub recognised: Option<usize>,
    /// The year of that recognition.
    pub recognised_year: Option<u16>,
    /// One reading per indicator column of the set ([`CriteriaSet::columns`]); `None` when blank
    /// or absent.
    pub readings: Vec<Option<Reading>>,
    /// Verdict-only columns (`TC<n>`, …), per tier, per criterion; `None` when blank or absent.
    pub verdicts: PerTier<Option<Verdict>>,
    /// The recognition conditions of the set, in [`CriteriaSet::conditions`] order.
    pub conditions: Vec<ConditionCell>,
}

/// A recognition condition ([`crate::criteria::Condition`]) as a row gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionCell {
    /// The survey has no column for it: its tier does not require it, and means "meets the
    /// criteria".
    NotAsked,
    /// The column is there and the cell blank: not assessed, so the tier is not reached.
    Blank,
    /// What the cell says.
    Given(Verdict),
}

impl Commune {
    /// A commune with no data, of `class` assessed in `year`, for tests of what reads it.
    #[cfg(test)]
    pub(crate) fn blank(set: &CriteriaSet, class: usize, year: u16) -> Commune {
        Commune {
            line: 2,
            id: "X".into(),
            name: String::new(),
            district: String::new(),
            province: String::new(),
            group: String::new(),
            region: Some(ClassId(class)),
            class: Some(ClassId(class)),
            year: Some(year),
            period: None,
            hamlets: None,
            hamlets_standard: None,
            hamlets_model: None,
            outstanding_field: String::new(),
            recognised: None,
            recognised_year: None,
            conditions: vec![ConditionCell::NotAsked; set.conditions().count()],
            readings: vec![None; set.columns.len()],
            verdicts: set
                .tiers
                .iter()
                .map(|t| vec![None; t.criteria.len()])
                .collect(),
        }
    }
}

/// How the header maps onto the set: for each meaning, the index of its column.
#[derive(Debug)]
struct Layout {
    commune_id: usize,
    commune: Option<usize>,
    district: Option<usize>,
    province: Option<usize>,
    year: Option<usize>,
    period: Option<usize>,
    month: Option<usize>,
    hamlets: Option<usize>,
    hamlets_standard: Option<usize>,
    hamlets_model: Option<usize>,
    outstanding_field: Option<usize>,
    recognised: Option<usize>,
    recognised_year: Option<usize>,
    /// The column reports group communes by, when one is named.
    group: Option<usize>,
    class: Option<usize>,
    overrides: Vec<(usize, ClassId)>,
    conditions: Vec<Option<usize>>,
    indicators: Vec<Option<usize>>,
    verdicts: Vec<Vec<Option<usize>>>,
    headers: Vec<String>,
    /// What each header means: the set's name for its column, or the header itself.
    names: Vec<String>,
}

/// Where each column of a survey file is, to name a row's cell in a message given after the
/// row was read (a scoring finding): by its header as written (`Không nợ đọng XDCB`, not
/// `no_construction_debt`) and, in a workbook, as Excel names the cell.
#[derive(Debug, Clone)]
pub struct ColumnPlaces {
    file: String,
    sheet: Option<(String, u32)>,
    headers: Vec<String>,
    names: Vec<String>,
}

impl ColumnPlaces {
    /// A CSV file `file` whose columns are headed by the set's names for them.
    #[must_use]
    pub fn plain(file: &str) -> ColumnPlaces {
        ColumnPlaces {
            file: file.to_owned(),
            sheet: None,
            headers: Vec::new(),
            names: Vec::new(),
        }
    }

    /// The cell of `column` (the set's name for it) on the row at `line`.
    #[must_use]
    pub fn cell(&self, column: &str, line: u64) -> Location {
        match self.names.iter().position(|n| n == column) {
            Some(i) => cell_location(&self.file, self.sheet.as_ref(), line, &self.headers, i),
            None => Location::file(&self.file).at_line(line).in_column(column),
        }
    }
}

/// Reads communes from a CSV file (or standard input, `-`) or a workbook, one row at a time:
/// each row is read, parsed against the set and the file's header, and its `commune_id`
/// checked against every row before it.
pub struct SurveyReader<'s> {
    set: &'s CriteriaSet,
    file: String,
    rows: Rows,
    record: ByteRecord,
    done: bool,
    layout: Layout,
    /// The indicator columns present in the file, each once: (CSV column, indicator, whether
    /// another version of the indicator is a yes/no that the column also answers).
    plan: Vec<(usize, &'s Indicator, bool)>,
    default_year: Option<u16>,
    /// Every `commune_id` read so far, with the line it was first seen on (hashed with
    /// foldhash: the ids are the user's own file's, so the standard hasher's guard against
    /// crafted keys buys nothing here).
    seen: foldhash::HashMap<String, u64>,
    /// Every code of digits read so far, without its leading zeros: as written, the name, the
    /// line.
    seen_codes: HashMap<String, (String, String, u64)>,
    spellings: VerdictSpellings,
    /// Rows read that are not communes, with their lines.
    skipped: Vec<(NotACommune, u64)>,
    /// The line of the last row read that was taken as a commune's.
    last_row: u64,
    /// A totals or blank row came after the communes: the table may have ended.
    table_ended: bool,
    /// Rows without an id read since the table may have ended, held back.
    held: Vec<(u64, ByteRecord)>,
    /// Rows to parse before reading on.
    replay: std::collections::VecDeque<(u64, ByteRecord)>,
    warnings: Vec<Problem>,
    unused: Vec<String>,
    /// The line (or a workbook's row) of the header.
    header_line: u64,
    /// A workbook's sheet and the column of its rows' first cells, to name cells as Excel does.
    sheet: Option<(String, u32)>,
    /// The district named by the last group heading (`Huyện Hòa An`), for the communes under
    /// it when the file has no district column.
    heading_district: String,
    /// The row after the header, read to see whether it is a second header row, and not one.
    pending: Option<std::result::Result<(u64, ByteRecord), Problem>>,
}

impl<'s> SurveyReader<'s> {
    /// Opens `path` (`-` for standard input) and matches its header against `set`.
    /// `default_year` applies to rows without a `year`.
    pub fn open(
        path: &str,
        set: &'s CriteriaSet,
        default_year: Option<u16>,
        input: &InputOptions,
    ) -> Result<Self> {
        let file = if path == "-" { "<stdin>" } else { path };
        SurveyReader::from_rows(
            crate::survey::input::open(path, input)?,
            file,
            set,
            default_year,
        )
    }

    /// Reads CSV from `input`, naming it `file` in messages.
    pub fn from_reader(
        input: Box<dyn Read>,
        file: &str,
        set: &'s CriteriaSet,
        default_year: Option<u16>,
    ) -> Result<Self> {
        let rows = crate::survey::input::csv_rows(input, file, &InputOptions::default())?;
        SurveyReader::from_rows(rows, file, set, default_year)
    }

    /// Reads `rows`, naming them `file` in messages.
    pub fn from_rows(
        mut rows: Rows,
        file: &str,
        set: &'s CriteriaSet,
        default_year: Option<u16>,
    ) -> Result<Self> {
        let (header_line, headers): (u64, Vec<String>) = match &mut rows {
            Rows::Csv(reader) => {
                let mut record = ByteRecord::new();
                let line = match reader.read(&mut record) {
                    Ok(line) => line.unwrap_or(1),
                    Err((_, source)) => {
                        return Err(Error::Io {
                            path: file.to_owned(),
                            source,
                        });
                    }
                };
                let mut headers = Vec::with_capacity(record.len());
                for cell in &record {
                    let Ok(text) = std::str::from_utf8(cell) else {
                        return Err(Error::one(Problem::coded(
                            Code::NotUtf8,
                            Location::file(file).at_line(line),
                            Msg::NotUtf8,
                        )));
                    };
                    headers.push(nfc(text));
                }
                (line, headers)
            }
            Rows::Sheet { rows, .. } => rows
                .next()
                .map(|(row, cells)| (row, cells.iter().map(|c| nfc(c)).collect()))
                .unwrap_or_default(),
        };
        let rows_sheet = match &rows {
            Rows::Sheet {
                name, first_column, ..
            } => Some((name.clone(), *first_column)),
            Rows::Csv(_) => None,
        };
        // a second header row under merged group cells (`Tiêu chí` over `1` … `19`)
        let (pending, next) = read_ahead(&mut rows, file);
        let (headers, pending) = match next.and_then(|next| join_headers(set, &headers, &next)) {
            Some(joined) => (joined, None),
            None => (headers, pending),
        };
        let mut warnings = Vec::new();
        let mut unused = Vec::new();
        let layout = layout(set, file, header_line, headers, &mut warnings, &mut unused)?;
        // an indicator shared by several tiers is one column: parse it once
        let mut plan: Vec<(usize, &'s Indicator, bool)> = Vec::new();
        for (_, _, indicator) in set.indicators() {
            let Some(i) = layout.indicators[indicator.column] else {
                continue;
            };
            let yes_no = matches!(indicator.measure, Measure::YesNo);
            match plan
                .iter_mut()
                .find(|(_, p, _)| p.column == indicator.column)
            {
                None => plan.push((i, indicator, false)),
                // versions of an amended indicator may differ in kind: a column that one
                // version measures reads numbers as well as every yes/no word
                Some(planned) if matches!(planned.1.measure, Measure::YesNo) => {
                    planned.2 |= !yes_no;
                    planned.1 = indicator;
                }
                Some(planned) => planned.2 |= yes_no,
            }
        }
        Ok(SurveyReader {
            set,
            file: file.to_owned(),
            rows,
            record: ByteRecord::new(),
            done: false,
            layout,
            plan,
            default_year,
            seen: foldhash::HashMap::default(),
            seen_codes: HashMap::new(),
            spellings: VerdictSpellings::default(),
            skipped: Vec::new(),
            last_row: 0,
            table_ended: false,
            held: Vec::new(),
            replay: std::collections::VecDeque::new(),
            warnings,
            unused,
            header_line,
            heading_district: String::new(),
            sheet: rows_sheet,
            pending,
        })
    }

    /// Warnings about the header, such as columns without a header.
    #[must_use]
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// Whether the rows carry their period: a period column, or year and month columns.
    #[must_use]
    pub fn has_periods(&self) -> bool {
        self.layout.period.is_some() || self.layout.month.is_some()
    }

    /// Whether the file has a district column, under any of its names (`district`, `Huyện` …).
    #[must_use]
    pub fn has_district(&self) -> bool {
        self.layout.district.is_some()
    }

    /// The recognition conditions of the set ([`CriteriaSet::conditions`]) the file has no
    /// column for: tiers are reached without them.
    #[must_use]
    pub fn conditions_absent(&self) -> Vec<&'s crate::criteria::Condition> {
        self.set
            .conditions()
            .zip(&self.layout.conditions)
            .filter(|(_, column)| column.is_none())
            .map(|((_, condition), _)| condition)
            .collect()
    }

    /// The file's headers, in file order.
    #[must_use]
    pub fn headers(&self) -> &[String] {
        &self.layout.headers
    }

    /// Reads the column at `index` of [`SurveyReader::headers`] into each commune's
    /// [`Commune::group`], the column reports group communes by; it is no longer an unused
    /// column.
    pub fn group_by(&mut self, index: usize) {
        self.layout.group = Some(index);
        let header = &self.layout.headers[index];
        self.unused.retain(|h| h != header);
    }

    /// The base-tier criteria the file says nothing of: neither their verdict column nor any
    /// of their indicators' columns is there. Their numbers, in the set's order.
    #[must_use]
    pub fn criteria_missing(&self) -> Vec<u32> {
        let base = self.set.base();
        base.criteria
            .iter()
            .zip(&self.layout.verdicts[0])
            .filter(|(criterion, verdict)| {
                verdict.is_none()
                    && criterion
                        .indicators
                        .iter()
                        .all(|i| self.layout.indicators[i.column].is_none())
            })
            .map(|(criterion, _)| criterion.number)
            .collect()
    }

    /// Whether the file has any column the set's criteria are judged by: a verdict column of
    /// any tier or an indicator column.
    #[must_use]
    pub fn has_criterion_columns(&self) -> bool {
        self.layout.indicators.iter().any(Option::is_some)
            || self.layout.verdicts.iter().flatten().any(Option::is_some)
    }

    /// The columns of the file the set judges communes by, in file order: each header, and
    /// what it holds — an indicator (by its index in [`CriteriaSet::columns`]) or the verdict
    /// of criterion `n` of tier `t`.
    #[must_use]
    pub fn judged_columns(&self) -> Vec<(String, JudgedColumn)> {
        let l = &self.layout;
        let mut columns: Vec<(usize, JudgedColumn)> = l
            .indicators
            .iter()
            .enumerate()
            .filter_map(|(c, i)| i.map(|i| (i, JudgedColumn::Indicator(c))))
            .collect();
        for (t, tier) in l.verdicts.iter().enumerate() {
            for (n, i) in tier.iter().enumerate() {
                if let Some(i) = i {
                    columns.push((*i, JudgedColumn::Verdict(t, n)));
                }
            }
        }
        columns.sort_by_key(|(i, _)| *i);
        columns
            .into_iter()
            .map(|(i, what)| (l.headers[i].clone(), what))
            .collect()
    }

    /// Headers of the columns the set does not use, in file order.
    #[must_use]
    pub fn unused_columns(&self) -> &[String] {
        &self.unused
    }

    /// The line of the header (a workbook's row), where a problem of a column is.
    #[must_use]
    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// Where the header of the column headed `header` is: the header's line and the column,
    /// and in a workbook its cell.
    #[must_use]
    pub fn column_location(&self, header: &str) -> Location {
        match self.layout.headers.iter().position(|h| h == header) {
            Some(i) => cell_location(
                &self.file,
                self.sheet.as_ref(),
                self.header_line,
                &self.layout.headers,
                i,
            ),
            None => Location::file(&self.file)
                .at_line(self.header_line)
                .in_column(header),
        }
    }

    /// Where each column is, for messages about a row given after it was read.
    #[must_use]
    pub fn places(&self) -> ColumnPlaces {
        ColumnPlaces {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            headers: self.layout.headers.clone(),
            names: self.layout.names.clone(),
        }
    }

    /// The file's name as shown in messages.
    #[must_use]
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The next commune, or the problems of its row (a repeated `commune_id` first). `None`
    /// at the end of the file. A row the CSV reader rejects (ragged, unreadable) is one
    /// problem; reading goes on after it when it can.
    pub fn next_commune(&mut self) -> Option<std::result::Result<Commune, Vec<Problem>>> {
        loop {
            // rows held back under the table, then the commune that showed the table went on
            if let Some((line, record)) = self.replay.pop_front() {
                self.record = record;
                self.last_row = line;
                return Some(self.commune(line));
            }
            let Some(read) = self.read_record() else {
                // what was held back lay under the table after all: a signature block
                self.skipped.extend(
                    self.held
                        .drain(..)
                        .map(|(line, _)| (NotACommune::Heading, line)),
                );
                return None;
            };
            let line = match read {
                Ok(line) => line,
                Err(problem) => return Some(Err(vec![problem])),
            };
            let id_blank = self.record.get(self.layout.commune_id).is_none_or(|cell| {
                // (what nfc would leave empty, without building it)
                String::from_utf8_lossy(cell)
                    .chars()
                    .all(|c| c.is_whitespace() || is_invisible(c))
            });
            if let Some(kind) = self.not_a_commune(id_blank) {
                if matches!(kind, NotACommune::Empty | NotACommune::Totals) && self.last_row > 0 {
                    self.table_ended = true;
                }
                if kind == NotACommune::Heading
                    && self.layout.district.is_none()
                    && let Some(district) = self.district_in_heading()
                {
                    self.heading_district = district;
                }
                self.skipped.push((kind, line));
                continue;
            }
            // Under a totals or blank row, a row without an id, or of words across the sheet,
            // is held back: the signature block if no commune follows, a commune whose id is
            // missing or wrong (an error) if one does.
            if self.table_ended && (id_blank || self.words_without_data()) {
                self.held.push((line, self.record.clone()));
                continue;
            }
            if !self.held.is_empty() {
                self.table_ended = false;
                self.replay.extend(self.held.drain(..));
                self.replay.push_back((line, self.record.clone()));
                continue;
            }
            self.last_row = line;
            return Some(self.commune(line));
        }
    }

    /// What was skipped as not a commune, once every row has been read, kind by kind with its
    /// lines ("skipped 1 totals row (line 31) and 6 rows under the table (lines 33–38)");
    /// `None` when nothing was.
    #[must_use]
    pub fn skipped_rows(&self) -> Option<Problem> {
        let mut kinds: Vec<(SkippedKind, Vec<u32>)> = Vec::new();
        for &(kind, line) in &self.skipped {
            let said = match kind {
                NotACommune::Empty => SkippedKind::Blank,
                NotACommune::Totals => SkippedKind::Totals,
                NotACommune::ColumnNumbers => SkippedKind::ColumnNumbers,
                NotACommune::Heading if line > self.last_row => SkippedKind::UnderTable,
                NotACommune::Heading => SkippedKind::Heading,
            };
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            match kinds.iter_mut().find(|(k, _)| *k == said) {
                Some((_, lines)) => lines.push(line),
                None => kinds.push((said, vec![line])),
            }
        }
        if kinds.is_empty() {
            return None;
        }
        Some(Problem::coded(
            Code::SkippedRows,
            Location::file(&self.file),
            Msg::SkippedRows(kinds),
        ))
    }

    /// What the row just read is, when it has no commune id and is recognisably not a commune:
    /// blank, a totals row, the row of column numbers under a header, or a group heading (a
    /// district's name, a Roman numeral) or a line of the signature block: text in name columns
    /// only. A row without an id that carries a commune's data (a region, a year, hamlets,
    /// criteria) is none of these: it is parsed, and its missing id is an error.
    fn not_a_commune(&self, id_blank: bool) -> Option<NotACommune> {
        // (1) (2) (3) …, 1 2 3 … or A B C 1 2 …: marks counting up by one from cell to cell,
        // read from the bytes, since every row with an id is looked at for it
        let mut marks = self
            .record
            .iter()
            .map(<[u8]>::trim_ascii)
            .filter(|cell| !cell.is_empty())
            .map(column_mark);
        if let Some(Some(mut last)) = marks.next() {
            let mut count = 1;
            let counts_up = marks.all(|mark| {
                count += 1;
                match mark {
                    Some(mark) if last.followed_by(mark) => {
                        last = mark;
                        true
                    }
                    _ => false,
                }
            });
            if counts_up && count >= 3 {
                return Some(NotACommune::ColumnNumbers);
            }
        }
        if !id_blank {
            // a totals label in the id column (its cells merged across the first columns)
            let id = self.record.get(self.layout.commune_id).unwrap_or_default();
            let may_be_words = id.iter().any(|b| !b.is_ascii_alphanumeric())
                || id.iter().all(u8::is_ascii_alphabetic);
            return (may_be_words && is_totals_label(&fold(&nfc(&String::from_utf8_lossy(id)))))
                .then_some(NotACommune::Totals);
        }
        let cells: Vec<String> = self
            .record
            .iter()
            .map(|cell| fold(&nfc(&String::from_utf8_lossy(cell))))
            .collect();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            return Some(NotACommune::Empty);
        }
        if filled.iter().any(|c| is_totals_label(c)) {
            return Some(NotACommune::Totals);
        }
        let data = self
            .data_columns()
            .any(|i| cells.get(i).is_some_and(|c| !c.is_empty()));
        (!data).then_some(NotACommune::Heading)
    }

    /// The columns that hold a commune's data: anything but names (a region, a year or period,
    /// hamlets, criteria).
    fn data_columns(&self) -> impl Iterator<Item = usize> + '_ {
        let l = &self.layout;
        [
            l.class,
            l.year,
            l.period,
            l.month,
            l.hamlets,
            l.hamlets_standard,
            l.hamlets_model,
        ]
        .into_iter()
        .flatten()
        .chain(l.overrides.iter().map(|(i, _)| *i))
        .chain(self.plan.iter().map(|(i, _, _)| *i))
        .chain(l.verdicts.iter().flatten().flatten().copied())
    }

    /// Whether the row just read is a line of words, as a signature block under the table
    /// writes across the sheet (`NGƯỜI LẬP BIỂU` in the id column, `KT. CHỦ TỊCH` under a
    /// criterion): its id cell holds words, not a code, and no data cell holds a verdict or a
    /// number.
    fn words_without_data(&self) -> bool {
        let text = |i: usize| {
            nfc(&String::from_utf8_lossy(
                self.record.get(i).unwrap_or_default(),
            ))
        };
        text(self.layout.commune_id)
            .trim()
            .contains(char::is_whitespace)
            && self.data_columns().all(|i| {
                let cell = text(i);
                let cell = cell.trim();
                cell.is_empty()
                    || (parse_verdict_word(cell).is_none()
                        && parse_number(cell, false, None).is_err())
            })
    }

    /// The district a group heading names, in the row just read: see [`district_named`].
    fn district_in_heading(&self) -> Option<String> {
        self.record
            .iter()
            .find_map(|cell| district_named(&nfc(&String::from_utf8_lossy(cell))))
    }

    /// The problem of `commune` when its code, `key` without leading zeros, is that of a
    /// commune read before with the same name (`01229` then `1229`: a code typed as text in
    /// one place and as a number in another); else it is noted for the rows after.
    fn same_code(&mut self, key: &str, commune: &Commune) -> Option<Problem> {
        let Some((id, name, line)) = self.seen_codes.get(key) else {
            self.seen_codes.insert(
                key.to_owned(),
                (commune.id.clone(), commune.name.clone(), commune.line),
            );
            return None;
        };
        if commune.name.is_empty() || fold(name) != fold(&commune.name) {
            return None;
        }
        Some(
            Problem::coded(
                Code::DuplicateCode,
                cell_location(
                    &self.file,
                    self.sheet.as_ref(),
                    commune.line,
                    &self.layout.headers,
                    self.layout.commune_id,
                ),
                Msg::DuplicateCode {
                    id: id.clone(),
                    line: *line,
                    name: name.clone(),
                },
            )
            .with_value(&commune.id),
        )
    }

    /// Parses the row just read, which starts on `line`, into a commune, and checks its id.
    fn commune(&mut self, line: u64) -> std::result::Result<Commune, Vec<Problem>> {
        if self.record.len() != self.layout.headers.len() {
            // a quote left open takes the lines after it into one cell (counted on this error's
            // path only)
            #[allow(clippy::naive_bytecount)]
            let breaks = self
                .record
                .as_slice()
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            return Err(vec![Problem::coded(
                Code::RaggedRow,
                Location::file(&self.file).at_line(line),
                Msg::RaggedRow {
                    fields: self.record.len(),
                    header: self.layout.headers.len(),
                    open_quote: (breaks > 0).then_some((line, breaks)),
                },
            )]);
        }
        // (checked with SIMD: most of a row's bytes are Vietnamese words, on which the
        // standard library's check goes byte by byte)
        let utf8 = simdutf8::basic::from_utf8(self.record.as_slice()).ok();
        let mut row = Row {
            record: &self.record,
            utf8,
            // (U+FFFD is written EF BF BD: the byte EF, rare in Vietnamese text, is looked for
            // first, with memchr's SIMD search)
            replaced: utf8.is_none_or(|row| {
                memchr::memchr(0xEF, row.as_bytes()).is_some()
                    && row.contains(char::REPLACEMENT_CHARACTER)
            }),
            layout: &self.layout,
            file: &self.file,
            sheet: self.sheet.as_ref(),
            line,
            problems: Vec::new(),
        };
        let id = nfc(row.text(Some(self.layout.commune_id)));
        let mut parsed = parse(
            self.set,
            &self.plan,
            self.default_year,
            &mut self.spellings,
            &mut row,
            id.clone(),
        );
        if let Ok(commune) = &mut parsed
            && self.layout.district.is_none()
        {
            commune.district.clone_from(&self.heading_district);
        }
        if id.is_empty() {
            return parsed;
        }
        // in a panel, the key is the commune and its period; a row whose period cannot be
        // read has no key to check
        let key = match parsed.as_ref().map(|c| c.period) {
            Ok(Some(period)) => format!("{id}\u{0}{period}"),
            Err(_) if self.layout.period.is_some() || self.layout.month.is_some() => {
                return parsed;
            }
            Ok(None) | Err(_) => id,
        };
        let Some(&first) = self.seen.get(&key) else {
            if let Ok(commune) = &parsed
                && let Some(code) = code_without_leading_zeros(&commune.id)
                && let Some(repeat) = self.same_code(
                    &match commune.period {
                        Some(period) => format!("{code}\u{0}{period}"),
                        None => code.to_owned(),
                    },
                    commune,
                )
            {
                return Err(vec![repeat]);
            }
            self.seen.insert(key, line);
            return parsed;
        };
        let cell = self.record.get(self.layout.commune_id).unwrap_or_default();
        let duplicate = Problem::coded(
            Code::DuplicateId,
            cell_location(
                &self.file,
                self.sheet.as_ref(),
                line,
                &self.layout.headers,
                self.layout.commune_id,
            ),
            Msg::DuplicateId {
                first,
                period: key.split_once('\u{0}').map(|(_, period)| period.to_owned()),
            },
        )
        .with_value(&nfc(&String::from_utf8_lossy(cell)));
        let mut problems = parsed.err().unwrap_or_default();
        problems.insert(0, duplicate);
        Err(problems)
    }

    /// Reads the next row into `self.record`: the line it starts on, `None` at the end. A read
    /// that fails ends the file, as a row whose problem is the failure.
    fn read_record(&mut self) -> Option<std::result::Result<u64, Problem>> {
        if let Some(pending) = self.pending.take() {
            return Some(pending.map(|(line, record)| {
                self.record = record;
                line
            }));
        }
        if self.done {
            return None;
        }
        match &mut self.rows {
            Rows::Csv(reader) => match reader.read(&mut self.record) {
                Ok(Some(line)) => Some(Ok(line)),
                Ok(None) => {
                    self.done = true;
                    None
                }
                Err((line, err)) => {
                    self.done = true;
                    Some(Err(Problem::coded(
                        Code::UnreadableRow,
                        Location::file(&self.file).at_line(line),
                        Msg::UnreadableRow(err.to_string()),
                    )))
                }
            },
            Rows::Sheet { rows, .. } => {
                let Some((line, cells)) = rows.next() else {
                    self.done = true;
                    return None;
                };
                self.record = ByteRecord::from(cells);
                Some(Ok(line))
            }
        }
    }
}

/// Parses one row against `set`: the commune with `id`, or every problem of the row (those
/// found reading `id` included).
fn parse(
    set: &CriteriaSet,
    plan: &[(usize, &Indicator, bool)],
    default_year: Option<u16>,
    spellings: &mut VerdictSpellings,
    row: &mut Row<'_>,
    id: String,
) -> std::result::Result<Commune, Vec<Problem>> {
    let l = row.layout;
    let line = row.line;
    if id.is_empty() && row.problems.is_empty() {
        // (unless it is blank for not being UTF-8, which is reported already)
        let counts = l
            .verdicts
            .iter()
            .flatten()
            .flatten()
            .filter(|&&i| {
                row.record.get(i).is_some_and(|cell| {
                    let cell = cell.trim_ascii();
                    !cell.is_empty() && cell.iter().all(u8::is_ascii_digit)
                })
            })
            .count();
        if counts >= 2 {
            row.report(Code::BlankId, l.commune_id, "", Msg::BlankId(true));
        } else {
            row.report(Code::BlankId, l.commune_id, "", Msg::BlankId(false));
        }
    }

    let region = l.class.and_then(|i| {
        let cell = row.text(Some(i));
        if cell.is_empty() {
            return None;
        }
        let class = set.classification.resolve(cell);
        if class.is_none() {
            let codes: Vec<_> = set
                .classification
                .classes
                .iter()
                .map(|c| c.code.as_str())
                .collect();
            row.report(
                Code::UnknownRegion,
                i,
                cell,
                Msg::UnknownRegion {
                    name_vi: set.classification.name.vi.clone(),
                    name_en: set.classification.name.en.clone(),
                    codes: codes.iter().map(|&c| c.to_owned()).collect(),
                },
            );
        }
        class
    });
    let mut class = region;
    for &(i, override_class) in &l.overrides {
        let cell = row.text(Some(i));
        if cell.is_empty() {
            continue;
        }
        match spellings.parse(cell) {
            Some(Verdict::Met) => class = Some(override_class),
            Some(Verdict::NotMet) => {}
            _ => row.report(Code::NotYesNo, i, cell, Msg::NotYesNo),
        }
    }

    let year = match l.year.map(|i| (i, row.text(Some(i)))) {
        Some((i, cell)) if !cell.is_empty() => match cell.parse::<u16>() {
            Ok(y) if (1990..=2100).contains(&y) => {
                if let Some(outside) = outside_period(set, y) {
                    row.report(Code::YearOutsideSet, i, cell, outside);
                }
                Some(y)
            }
            _ => {
                row.report(Code::NotAYear, i, cell, Msg::NotAYear(false));
                None
            }
        },
        _ => default_year,
    };

    let (year, period) = read_period(row, year);
    if let (None, Some(i), Some(period)) = (l.year, l.period, period)
        && let Some(outside) = outside_period(set, period.year)
    {
        let cell = period.to_string();
        row.report(Code::YearOutsideSet, i, &cell, outside);
    }

    let hamlets = row.count(l.hamlets);
    let hamlets_standard = row.count(l.hamlets_standard);
    let hamlets_model = row.count(l.hamlets_model);
    for (part, column) in [
        (hamlets_standard, l.hamlets_standard),
        (hamlets_model, l.hamlets_model),
    ] {
        if let (Some(total), Some(part), Some(column)) = (hamlets, part, column)
            && part > total
        {
            row.report(
                Code::CountOverTotal,
                column,
                &part.to_string(),
                Msg::CountOverTotal(total),
            );
        }
    }

    let mut readings = vec![None; set.columns.len()];
    for &(i, indicator, also_yes_no) in plan {
        let Measure::Quantity(q) = &indicator.measure else {
            readings[indicator.column] = row.verdict(Some(i), spellings).map(Reading::Verdict);
            continue;
        };
        let cell = row.text(Some(i));
        if cell.is_empty() {
            continue;
        }
        readings[indicator.column] = match spellings.parse_word(cell) {
            Some(v) => Some(Reading::Verdict(v)),
            None => {
                match parse_number(cell, q.kind == QuantityKind::Percent, q.unit.as_deref()) {
                    Ok(x) => Some(Reading::Value(x)),
                    // a number first: "1" in a percentage column is 1 %, not yes
                    Err(err) => {
                        let verdict = also_yes_no.then(|| spellings.parse(cell)).flatten();
                        if verdict.is_none() {
                            row.report(err.code(), i, cell, Msg::Number(err));
                        }
                        verdict.map(Reading::Verdict)
                    }
                }
            }
        };
    }

    let mut verdicts = PerTier::with_capacity(l.verdicts.iter().map(Vec::len).sum());
    for columns in &l.verdicts {
        verdicts.push_tier(columns.iter().map(|&column| row.verdict(column, spellings)));
    }

    let conditions = l
        .conditions
        .iter()
        .map(|&column| {
            let Some(i) = column else {
                return ConditionCell::NotAsked;
            };
            let cell = row.text(Some(i));
            if cell.is_empty() {
                return ConditionCell::Blank;
            }
            if let Some(verdict) = spellings.parse(cell) {
                ConditionCell::Given(verdict)
            } else {
                row.report(Code::NotAVerdict, i, cell, Msg::NotAVerdict);
                ConditionCell::Blank
            }
        })
        .collect();

    // read before the problems are counted: a cell that is not UTF-8 is one
    let name = nfc(row.text(l.commune));
    let district = nfc(row.text(l.district));
    let province = nfc(row.text(l.province));
    let group = nfc(row.text(l.group));
    let outstanding_field = nfc(row.text(l.outstanding_field));
    let recognised = l.recognised.and_then(|i| {
        let cell = row.text(Some(i));
        if cell.is_empty() {
            return None;
        }
        if let Ok(tier) = recognised_tier(set, cell) {
            tier
        } else {
            {
                let tiers: Vec<&str> = set.tiers.iter().map(|t| t.id.as_str()).collect();
                row.report(
                    Code::UnknownTier,
                    i,
                    cell,
                    Msg::UnknownTier(tiers.iter().map(|&t| t.to_owned()).collect()),
                );
                None
            }
        }
    });
    let recognised_year = l.recognised_year.and_then(|i| {
        let cell = row.text(Some(i));
        if cell.is_empty() {
            return None;
        }
        let year = cell
            .parse::<u16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y));
        if year.is_none() {
            row.report(Code::NotAYear, i, cell, Msg::NotAYear(true));
        }
        year
    });
    if !row.problems.is_empty() {
        return Err(std::mem::take(&mut row.problems));
    }
    Ok(Commune {
        line,
        id,
        name,
        district,
        province,
        group,
        region,
        class,
        year,
        period,
        hamlets,
        hamlets_standard,
        hamlets_model,
        outstanding_field,
        recognised,
        recognised_year,
        readings,
        verdicts,
        conditions,
    })
}

/// The row's period, from its `period` column or its `year` and `month`, and the year it
/// gives when the row has no year of its own; both as they were when the file has no period.
/// In a file with a period column every row needs one, and a year column must agree with it.
fn read_period(row: &mut Row<'_>, year: Option<u16>) -> (Option<u16>, Option<Period>) {
    let l = row.layout;
    if let Some(i) = l.period {
        let cell = row.text(Some(i));
        if cell.is_empty() {
            row.report(Code::BlankPeriod, i, cell, Msg::BlankPeriod);
            return (year, None);
        }
        let Some(period) = Period::parse(&nfc(cell)) else {
            row.report(Code::NotAPeriod, i, cell, Msg::NotAPeriod);
            return (year, None);
        };
        match (l.year, year) {
            (Some(y), Some(stated)) if stated != period.year => {
                let cell = cell.to_owned();
                row.report(
                    Code::PeriodDisagrees,
                    y,
                    &stated.to_string(),
                    Msg::PeriodDisagrees(cell),
                );
                (year, Some(period))
            }
            // (without a year column, the period's year is the row's, whatever --year says)
            (Some(_), _) => (year, Some(period)),
            (None, _) => (Some(period.year), Some(period)),
        }
    } else if let Some(i) = l.month {
        let cell = row.text(Some(i));
        let month = cell.parse::<u8>().ok().filter(|m| (1..=12).contains(m));
        match (month, year) {
            (Some(month), Some(year)) => (
                Some(year),
                Some(Period {
                    year,
                    month: Some(month),
                }),
            ),
            (Some(_), None) => {
                row.report(Code::MonthWithoutYear, i, cell, Msg::MonthWithoutYear);
                (year, None)
            }
            (None, _) => {
                row.report(Code::NotAMonth, i, cell, Msg::NotAMonth);
                (year, None)
            }
        }
    } else {
        (year, None)
    }
}

/// The tier a `recognised` cell names: `Ok(Some(k))` for the set's tier `k`, by its id, its
/// name, or the word offices use (`Đạt chuẩn`, `Nâng cao`, `Kiểu mẫu`, `Hiện đại`);
/// `Ok(None)` for not recognised (`Không`, `Chưa`); `Err` when it names nothing known.
fn recognised_tier(set: &CriteriaSet, cell: &str) -> std::result::Result<Option<usize>, ()> {
    const WORDS: [(&str, &[&str]); 4] = [
        (
            "standard",
            &["dat chuan", "ntm", "nong thon moi", "dat chuan ntm"],
        ),
        ("advanced", &["nang cao", "ntm nang cao"]),
        ("model", &["kieu mau", "ntm kieu mau"]),
        ("modern", &["hien dai", "ntm hien dai"]),
    ];
    let key = fold(cell);
    if matches!(key.as_str(), "khong" | "chua" | "no" | "none" | "-") {
        return Ok(None);
    }
    set.tiers
        .iter()
        .position(|t| {
            key == fold(&t.id)
                || key == fold(&t.name.vi)
                || key == fold(&t.name.en)
                || WORDS
                    .iter()
                    .any(|(id, words)| *id == t.id && words.contains(&key.as_str()))
        })
        .map(Some)
        .ok_or(())
}

/// What is wrong with assessing `year` by `set`, when the year lies outside the set's period:
/// the criteria of another period apply, and the message names the built-in set for it.
#[must_use]
pub fn outside_period(set: &CriteriaSet, year: u16) -> Option<Msg> {
    if (set.period.from..=set.period.to).contains(&year) {
        return None;
    }
    Some(Msg::YearOutsideSet {
        year,
        set: set.id.clone(),
        period: set.period.to_string(),
        instead: crate::criteria::for_year(year).map(|b| b.id.to_owned()),
    })
}

/// A cell of the row that numbers the columns under a header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ColumnMark {
    /// `A`, `(B)`: a letter, from 0.
    Letter(u8),
    /// `3`, `(3)`.
    Number(u32),
}

impl ColumnMark {
    /// Whether `next` comes right after this mark: the next letter or number, or a number
    /// after letters (`A B C D 1 2 …`).
    fn followed_by(self, next: ColumnMark) -> bool {
        match (self, next) {
            (ColumnMark::Letter(a), ColumnMark::Letter(b)) => a.checked_add(1) == Some(b),
            (ColumnMark::Number(a), ColumnMark::Number(b)) => a.checked_add(1) == Some(b),
            (ColumnMark::Letter(_), ColumnMark::Number(_)) => true,
            (ColumnMark::Number(_), ColumnMark::Letter(_)) => false,
        }
    }
}

/// The mark a column-number cell holds: `3`, `(3)`, `A` or `(A)`.
fn column_mark(cell: &[u8]) -> Option<ColumnMark> {
    let inner = cell
        .strip_prefix(b"(")
        .and_then(|c| c.strip_suffix(b")"))
        .unwrap_or(cell);
    if let [letter @ b'A'..=b'Z'] = inner {
        return Some(ColumnMark::Letter(letter - b'A'));
    }
    std::str::from_utf8(inner)
        .ok()?
        .parse()
        .ok()
        .map(ColumnMark::Number)
}

/// A code of digits without its leading zeros (`01229` and `1229` give `1229`); `None` for a
/// code that is not all digits.
#[must_use]
pub fn code_without_leading_zeros(id: &str) -> Option<&str> {
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| {
        let key = id.trim_start_matches('0');
        if key.is_empty() { "0" } else { key }
    })
}

/// The district a group heading's cell names, without its kind: `Huyện Hòa An`,
/// `II. HUYỆN HÀ QUẢNG`, `Thị xã Quảng Yên`, `TP. Cao Bằng` give `Hòa An`, `HÀ QUẢNG`,
/// `Quảng Yên`, `Cao Bằng`. A numbering before the kind (`I.`, `2)`, `a.`) is let be; a cell
/// that does not start with a district's kind names none.
#[must_use]
pub fn district_named(cell: &str) -> Option<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    let folded: Vec<String> = words.iter().take(3).map(|w| fold(w)).collect();
    let numbering = |w: &str| {
        let w = w.trim_end_matches(['.', ')']);
        !w.is_empty()
            && (w.bytes().all(|b| b.is_ascii_digit())
                || w.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
                || (w.len() == 1 && w.bytes().all(|b| b.is_ascii_lowercase())))
    };
    let start = usize::from(folded.first().is_some_and(|w| numbering(w)) && folded.len() > 1);
    let kind = match folded.get(start..).unwrap_or_default() {
        [first, second, ..]
            if (first == "thi" && second == "xa") || (first == "thanh" && second == "pho") =>
        {
            2
        }
        [first, ..]
            if matches!(
                first.as_str(),
                "huyen" | "quan" | "tx" | "tx." | "tp" | "tp."
            ) =>
        {
            1
        }
        _ => return None,
    };
    let rest = words.get(start + kind..).unwrap_or_default();
    (!rest.is_empty()).then(|| rest.join(" "))
}

/// A district's name as it is compared: folded (see [`fold`]), without the kind of district
/// before it, so that `Huyện Hòa An`, `huyen Hoa An` and `Hòa An` are one district.
#[must_use]
pub fn district_key(name: &str) -> String {
    const KINDS: [&str; 8] = [
        "huyen ",
        "thi xa ",
        "thanh pho ",
        "quan ",
        "tx. ",
        "tx ",
        "tp. ",
        "tp ",
    ];
    let key = fold(name);
    KINDS
        .iter()
        .find_map(|kind| key.strip_prefix(kind))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .map_or_else(|| key.clone(), str::to_owned)
}

/// Whether a folded cell (see [`fold`]) is a totals row's label: `Tổng cộng`, `Cộng`,
/// `Toàn tỉnh` …, alone or followed by more words (`Tổng số xã đạt`).
fn is_totals_label(cell: &str) -> bool {
    TOTALS.iter().any(|t| {
        cell == *t
            || cell
                .strip_prefix(t)
                .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// How a totals row begins, folded (see [`fold`]).
const TOTALS: [&str; 8] = [
    "tong cong",
    "cong",
    "tong",
    "tong so",
    "toan tinh",
    "toan huyen",
    "ca tinh",
    "total",
];

/// A row without a commune id that is recognisably not a commune: see
/// [`SurveyReader::skipped_rows`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotACommune {
    /// Every cell blank.
    Empty,
    /// `Tổng cộng`, `Cộng`, `Toàn tỉnh` …
    Totals,
    /// `(1) (2) (3) …` under the header.
    ColumnNumbers,
    /// Text but no criterion data: a group heading (`I`, `Huyện Hòa An`) among the communes,
    /// the signature block under them.
    Heading,
}

/// One row being parsed, and the problems found in it so far.
struct Row<'a> {
    record: &'a ByteRecord,
    /// The row's text, when all of it is UTF-8: checked once for the row, not cell by cell.
    utf8: Option<&'a str>,
    /// Whether a cell may hold U+FFFD, what decoding leaves of what it could not read.
    replaced: bool,
    layout: &'a Layout,
    file: &'a str,
    sheet: Option<&'a (String, u32)>,
    line: u64,
    problems: Vec<Problem>,
}

/// Where the cell in `column` of the row on `line` is: its line and header, and for a
/// workbook's sheet the cell as Excel names it.
fn cell_location(
    file: &str,
    sheet: Option<&(String, u32)>,
    line: u64,
    headers: &[String],
    column: usize,
) -> Location {
    let location = Location::file(file)
        .at_line(line)
        .in_column(&headers[column]);
    match sheet {
        Some((name, first)) => {
            let column = first.saturating_add(u32::try_from(column).unwrap_or(u32::MAX));
            location.at_cell(name, cell_reference(column, line))
        }
        None => location,
    }
}

impl<'a> Row<'a> {
    /// The cell in `column` as trimmed text. A cell that is not UTF-8 is reported and read as
    /// blank, so that it raises no second problem.
    fn text(&mut self, column: Option<usize>) -> &'a str {
        let Some((i, range)) = column.and_then(|i| Some((i, self.record.range(i)?))) else {
            return "";
        };
        match self.utf8.and_then(|row| row.get(range.clone())) {
            Some(text) if self.replaced && text.contains(char::REPLACEMENT_CHARACTER) => {
                self.report(
                    Code::ReplacementCharacter,
                    i,
                    text,
                    Msg::ReplacementCharacter,
                );
                ""
            }
            // non-breaking and other Unicode spaces go too
            Some(text) => trim(text),
            None => self.checked(i, range),
        }
    }

    /// The cell in column `i` at `range` of a row that is not all UTF-8, checked on its own to
    /// name the cells that are not (kept apart from [`Row::text`], which is small enough to be
    /// inlined where every cell is read).
    #[cold]
    fn checked(&mut self, i: usize, range: std::ops::Range<usize>) -> &'a str {
        let cell = &self.record.as_slice()[range];
        match std::str::from_utf8(cell) {
            Ok(text) if text.contains(char::REPLACEMENT_CHARACTER) => {
                self.report(
                    Code::ReplacementCharacter,
                    i,
                    text,
                    Msg::ReplacementCharacter,
                );
                ""
            }
            Ok(text) => trim(text),
            Err(_) => {
                self.report(
                    Code::NotUtf8,
                    i,
                    &String::from_utf8_lossy(cell),
                    Msg::NotUtf8,
                );
                ""
            }
        }
    }

    /// The verdict in `column`, `None` when blank; a cell that is not one is reported. A cell
    /// spelt as one already read is known by its bytes alone (a verdict column is most of a
    /// row, and its cells are spelt a handful of ways).
    #[inline]
    fn verdict(
        &mut self,
        column: Option<usize>,
        spellings: &mut VerdictSpellings,
    ) -> Option<Verdict> {
        match column.and_then(|i| self.record.get(i)) {
            None | Some([]) => None,
            Some(cell) => match spellings.known(cell) {
                Some(verdict) => Some(verdict),
                None => self.read_verdict(column, spellings),
            },
        }
    }

    /// [`Row::verdict`] of a cell not known by its bytes: trimmed, checked and read (kept
    /// apart from it, which is small enough to be inlined where every verdict cell is read).
    #[cold]
    fn read_verdict(
        &mut self,
        column: Option<usize>,
        spellings: &mut VerdictSpellings,
    ) -> Option<Verdict> {
        let cell = self.text(column);
        if cell.is_empty() {
            return None;
        }
        let verdict = spellings.parse(cell);
        if verdict.is_none() {
            self.report(
                Code::NotAVerdict,
                column.expect("non-empty cell has a column"),
                cell,
                Msg::NotAVerdict,
            );
        }
        verdict
    }

    fn report(&mut self, code: Code, column: usize, value: &str, message: Msg) {
        self.problems.push(
            Problem::coded(
                code,
                cell_location(
                    self.file,
                    self.sheet,
                    self.line,
                    &self.layout.headers,
                    column,
                ),
                message,
            )
            .with_value(value),
        );
    }

    fn count(&mut self, column: Option<usize>) -> Option<u32> {
        let cell = self.text(column);
        if cell.is_empty() {
            return None;
        }
        let parsed = cell.parse::<u32>().ok();
        if parsed.is_none() {
            self.report(
                Code::NotACount,
                column.expect("non-empty cell has a column"),
                cell,
                Msg::NotACount,
            );
        }
        parsed
    }
}

/// What is wrong with a verdict column's header that names another criterion than its number
/// does (`TC2 - Quy hoạch` when Quy hoạch is criterion 1): the columns may have shifted. A
/// name that is no criterion's (an abbreviation, a note) is let be.
fn misnamed_criterion(
    set: &CriteriaSet,
    prefixes: &[&str],
    header: &str,
    meaning: &str,
) -> Option<Msg> {
    let written = criterion_name_in_header(header, prefixes)?;
    let tier = set
        .tiers
        .iter()
        .find(|t| meaning.starts_with(t.verdict_prefix.as_str()))?;
    let number: u32 = meaning[tier.verdict_prefix.len()..].parse().ok()?;
    let named = tier
        .criteria
        .iter()
        .find(|c| fold(&c.name.vi) == written || fold(&c.name.en) == written)?;
    if named.number == number {
        return None;
    }
    let own = tier
        .criteria
        .iter()
        .find(|c| c.number == number)
        .map(|c| c.name.vi.clone());
    Some(Msg::MisnamedCriterion {
        number,
        own,
        named_number: named.number,
        named: named.name.vi.clone(),
    })
}

/// Reads the row after the header: as it will be read again (`None` at the end of the file),
/// and as text to judge whether it is a second header row (`None` when it cannot be one).
#[allow(clippy::type_complexity)]
fn read_ahead(
    rows: &mut Rows,
    file: &str,
) -> (
    Option<std::result::Result<(u64, ByteRecord), Problem>>,
    Option<Vec<String>>,
) {
    match rows {
        Rows::Csv(reader) => {
            let mut record = ByteRecord::new();
            match reader.read(&mut record) {
                Ok(Some(line)) => {
                    let text = record
                        .iter()
                        .map(|cell| std::str::from_utf8(cell).ok().map(nfc))
                        .collect();
                    (Some(Ok((line, record))), text)
                }
                Ok(None) => (None, None),
                Err((line, err)) => (
                    Some(Err(Problem::coded(
                        Code::UnreadableRow,
                        Location::file(file).at_line(line),
                        Msg::UnreadableRow(err.to_string()),
                    ))),
                    None,
                ),
            }
        }
        Rows::Sheet { rows, .. } => match rows.next() {
            Some((row, cells)) => {
                let text = cells.iter().map(|c| nfc(c)).collect();
                (Some(Ok((row, ByteRecord::from(cells)))), Some(text))
            }
            None => (None, None),
        },
    }
}

/// The header joined with `next` when `next` is a second header row: the row under merged
/// group cells, as offices lay out `Tiêu chí` over `1` … `19` (or `1. Quy hoạch` …), with the
/// cells merged down from the first row blank. It is one when its commune id cell is blank,
/// it is filled only under a group (a blank header, or the first cell of a group, whose
/// neighbour is blank), and the joined header names more of the set's columns than the first
/// row alone. A sub-header the set knows on its own (`TC1`, `2.1`) is taken as it is;
/// otherwise it is read after its group's name (`Tiêu chí` and `1` make `Tiêu chí 1`).
fn join_headers(set: &CriteriaSet, top: &[String], next: &[String]) -> Option<Vec<String>> {
    let prefixes = set.verdict_prefixes();
    let known = |header: &str| {
        header_meaning(header, &prefixes).is_some_and(|m| {
            set.uses_column(&m) || crate::criteria::RESERVED_COLUMNS.contains(&m.as_str())
        }) || set.uses_column(header)
    };
    let id = top
        .iter()
        .position(|h| header_meaning(h, &prefixes).as_deref() == Some("commune_id"))?;
    if next.len() > top.len() || next.get(id).is_some_and(|c| !c.trim().is_empty()) {
        return None;
    }
    let blank = |cells: &[String], i: usize| cells.get(i).is_none_or(|c| c.trim().is_empty());
    let mut under_group = false;
    let mut group = "";
    let mut joined = Vec::with_capacity(top.len());
    for (i, header) in top.iter().enumerate() {
        if !blank(top, i) {
            group = header;
        }
        if blank(next, i) {
            joined.push(header.clone());
            continue;
        }
        let starts_group = !blank(top, i) && blank(top, i + 1) && !blank(next, i + 1);
        if !(blank(top, i) || starts_group) {
            return None;
        }
        under_group |= blank(top, i);
        let sub = next[i].trim();
        joined.push(if known(sub) || group.is_empty() {
            sub.to_owned()
        } else {
            format!("{group} {sub}")
        });
    }
    let count = |headers: &[String]| headers.iter().filter(|h| known(h)).count();
    (under_group && count(&joined) > count(top)).then_some(joined)
}

fn layout(
    set: &CriteriaSet,
    file: &str,
    header_line: u64,
    headers: Vec<String>,
    warnings: &mut Vec<Problem>,
    unused: &mut Vec<String>,
) -> Result<Layout> {
    let header_location = Location::file(file).at_line(header_line);
    let mut problems = Vec::new();
    let prefixes = set.verdict_prefixes();
    // what each header means: a known spelling's canonical name, or the header itself
    let names: Vec<String> = headers
        .iter()
        .map(|h| {
            header_meaning(h, &prefixes)
                .or_else(|| set.condition_column(h).map(str::to_owned))
                .unwrap_or_else(|| h.clone())
        })
        .collect();
    let mut positions: HashMap<&str, usize> = HashMap::new();
    // the columns without a header, said in one warning
    let mut blank: Vec<u32> = Vec::new();
    for (i, (header, name)) in headers.iter().zip(&names).enumerate() {
        if header.is_empty() {
            blank.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            continue;
        }
        if let Some(message) = misnamed_criterion(set, &prefixes, header, name) {
            problems.push(
                Problem::coded(
                    Code::MisnamedCriterion,
                    header_location.clone().in_column(header),
                    message,
                )
                .with_value(header),
            );
        }
        // (a column the set does not use is ignored unread, however often it appears)
        let used =
            set.uses_column(name) || crate::criteria::RESERVED_COLUMNS.contains(&name.as_str());
        if let Some(first) = positions.insert(name, i)
            && used
        {
            problems.push(
                Problem::coded(
                    Code::DuplicateColumn,
                    header_location.clone().in_column(header),
                    Msg::DuplicateColumn {
                        first: first + 1,
                        second: i + 1,
                        first_as: (headers[first] != *header).then(|| headers[first].clone()),
                    },
                )
                .with_value(header),
            );
        }
    }
    if !blank.is_empty() {
        warnings.push(Problem::coded(
            Code::BlankHeader,
            Location::file(file),
            Msg::BlankHeaders(blank),
        ));
    }
    let find = |name: &str| positions.get(name).copied();
    let Some(commune_id) = find("commune_id") else {
        let mut shown: Vec<_> = headers
            .iter()
            .map(|h| crate::text::shown(h))
            .take(12)
            .collect();
        if headers.len() > 12 {
            shown.push("…".into());
        }
        problems.push(Problem::coded(
            Code::NoIdColumn,
            header_location,
            Msg::NoIdColumn(
                shown
                    .into_iter()
                    .map(std::borrow::Cow::into_owned)
                    .collect(),
            ),
        ));
        return Err(Error::Invalid {
            problems,
            omitted: 0,
        });
    };
    if !problems.is_empty() {
        return Err(Error::Invalid {
            problems,
            omitted: 0,
        });
    }
    let mut layout = Layout {
        commune_id,
        commune: find("commune"),
        district: find("district"),
        province: find("province"),
        year: find("year"),
        period: find("period"),
        month: find("month"),
        hamlets: find("hamlets"),
        hamlets_standard: find("hamlets_standard"),
        hamlets_model: find("hamlets_model"),
        outstanding_field: find("outstanding_field"),
        recognised: find("recognised"),
        recognised_year: find("recognised_year"),
        group: None,
        class: find(&set.classification.column),
        overrides: set
            .classification
            .overrides
            .iter()
            .filter_map(|o| find(&o.column).map(|i| (i, o.class)))
            .collect(),
        conditions: set.conditions().map(|(_, c)| find(&c.column)).collect(),
        indicators: set.columns.iter().map(|c| find(c)).collect(),
        verdicts: set
            .tiers
            .iter()
            .map(|tier| {
                tier.criteria
                    .iter()
                    .map(|c| find(&tier.verdict_column(c.number)))
                    .collect()
            })
            .collect(),
        headers,
        names: Vec::new(),
    };
    layout.names = names;
    let mut used = vec![false; layout.headers.len()];
    let known = [
        Some(layout.commune_id),
        layout.commune,
        layout.district,
        layout.province,
        layout.year,
        layout.period,
        layout.month,
        layout.hamlets,
        layout.hamlets_standard,
        layout.hamlets_model,
        layout.outstanding_field,
        layout.recognised,
        layout.recognised_year,
        layout.class,
    ];
    for i in known
        .into_iter()
        .chain(layout.overrides.iter().map(|(i, _)| Some(*i)))
        .chain(layout.conditions.iter().copied())
        .chain(layout.indicators.iter().copied())
        .chain(layout.verdicts.iter().flatten().copied())
        .flatten()
    {
        used[i] = true;
    }
    for (i, header) in layout.headers.iter().enumerate() {
        if !used[i] && !header.is_empty() {
            unused.push(header.clone());
        }
    }
    Ok(layout)
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::lang::Lang;

    const SET: &str = include_str!("../../tests/data/mini-set.yaml");

    /// A reader of `csv`, named t.csv, against `set`.
    fn reader<'s>(set: &'s CriteriaSet, csv: &str) -> SurveyReader<'s> {
        SurveyReader::from_reader(
            Box::new(std::io::Cursor::new(csv.to_owned())),
            "t.csv",
            set,
            None,
        )
        .unwrap()
    }

    /// The rows of `csv` read against the test set, and its unused columns.
    fn read(csv: &str) -> (Vec<Result<Commune, Vec<Problem>>>, Vec<String>) {
        let set = CriteriaSet::from_yaml(SET, "mini-set.yaml").unwrap();
        let mut reader = reader(&set, csv);
        let mut rows = Vec::new();
        while let Some(row) = reader.next_commune() {
            rows.push(row);
        }
        (rows, reader.unused_columns().to_vec())
    }

    fn messages(result: &Result<Commune, Vec<Problem>>) -> Vec<String> {
        result
            .as_ref()
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn rows_are_numbered_by_the_line_they_start_on() {
        // blank lines, CRLF and lone CR line ends, line breaks inside quotes, no line end at
        // the very end
        let (rows, _) = read(
            "commune_id,commune\n\nA,x\r\nB,\"two\r\nlines\"\r\n\r\n\rC,\"three\nlines\nhere\"\n\n\nD,y\rE,z",
        );
        let lines: Vec<(u64, String)> = rows
            .iter()
            .map(|r| {
                let c = r.as_ref().unwrap();
                (c.line, c.name.clone())
            })
            .collect();
        assert_eq!(
            lines,
            [
                (3, "x".to_owned()),
                (4, "two\nlines".to_owned()),
                (8, "three\nlines\nhere".to_owned()),
                (13, "y".to_owned()),
                (14, "z".to_owned()),
            ]
        );
    }

    #[test]
    fn reads_values_verdicts_and_regions() {
        let (rows, unused) = read(
            "\u{feff}commune_id, commune ,region,year,1.1,1.2,2.1,TC3,Ghi chú\n\
             X1,Xã Một,ĐBSH,2024,\"45,5\",Đạt,85%,Cơ bản đạt,note\n",
        );
        assert_eq!(unused, ["Ghi chú"]);
        let c = rows[0].as_ref().unwrap();
        assert_eq!(c.id, "X1");
        assert_eq!(c.name, "Xã Một");
        assert_eq!(c.line, 2);
        assert_eq!(c.year, Some(2024));
        assert_eq!(c.region, Some(ClassId(1)));
        assert_eq!(c.readings[0], Some(Reading::Value(45.5)));
        assert_eq!(c.readings[1], Some(Reading::Verdict(Verdict::Met)));
        assert_eq!(c.readings[2], Some(Reading::Value(85.0)));
        assert_eq!(c.verdicts[0][2], Some(Verdict::BasicallyMet));
        assert_eq!(c.verdicts[0][0], None);
    }

    #[test]
    fn a_cell_that_is_not_utf8_is_named_and_an_unused_one_ignored() {
        let set = CriteriaSet::from_yaml(SET, "mini-set.yaml").unwrap();
        let csv: &[u8] = b"commune_id,commune,Ghi chu,TC3\nA,X\xe3 M\xf4t,\xff,\xc4\x90\xe1\xba\xa1t\nB,Hai,\xff,Kh\xf4ng\n";
        let mut reader = SurveyReader::from_reader(Box::new(csv), "t.csv", &set, None).unwrap();
        let first = reader.next_commune().unwrap();
        assert_eq!(
            messages(&first),
            [format!(
                "t.csv:2: column \"commune\": value \"X\u{fffd} M\u{fffd}t\": {}",
                Msg::NotUtf8.text(Lang::En)
            )]
        );
        let second = reader.next_commune().unwrap();
        assert_eq!(
            messages(&second),
            [format!(
                "t.csv:3: column \"TC3\": value \"Kh\u{fffd}ng\": {}",
                Msg::NotUtf8.text(Lang::En)
            )]
        );
    }

    #[test]
    fn cells_are_trimmed_of_ascii_and_unicode_spaces() {
        let (rows, _) = read(
            "commune_id,commune,district,province,region,year,hamlets\n\
             \u{a0}X1 , \u{a0}Xã Một\u{3000},\tHuyện\u{a0}A\u{2003}\t,Tỉnh B,\u{a0}ĐBSH ,2024,3\n\
             X2\u{b},Y\u{b},Z \u{b},\u{b}T,DBSH,\u{b}2024,\u{b}4\n\
             \u{b},Y,Z,T,DBSH,2024,3\n",
        );
        let c = rows[0].as_ref().unwrap();
        assert_eq!(c.id, "X1");
        assert_eq!(c.name, "Xã Một");
        assert_eq!(c.district, "Huyện\u{a0}A");
        assert_eq!(c.province, "Tỉnh B");
        assert_eq!(c.region, Some(ClassId(1)));
        // the vertical tab is white space to `str::trim`, and so here
        let c = rows[1].as_ref().unwrap();
        assert_eq!((c.id.as_str(), c.name.as_str()), ("X2", "Y"));
        assert_eq!((c.district.as_str(), c.province.as_str()), ("Z", "T"));
        assert_eq!((c.year, c.hamlets), (Some(2024), Some(4)));
        assert_eq!(
            messages(&rows[2]),
            ["t.csv:4: column \"commune_id\": value \"\": commune_id is required"]
        );
    }

    #[test]
    fn years_and_counts() {
        let (rows, _) = read(
            "commune_id,year,hamlets,hamlets_standard\n\
             A,2024, 7 ,+5\n\
             B,02024,1,0\n\
             C,1989,1,0\n\
             D,0999,1,0\n",
        );
        let a = rows[0].as_ref().unwrap();
        assert_eq!(
            (a.year, a.hamlets, a.hamlets_standard),
            (Some(2024), Some(7), Some(5))
        );
        assert_eq!(rows[1].as_ref().unwrap().year, Some(2024));
        assert_eq!(
            messages(&rows[2]),
            ["t.csv:4: column \"year\": value \"1989\": expected a year such as 2024"]
        );
        assert_eq!(
            messages(&rows[3]),
            ["t.csv:5: column \"year\": value \"0999\": expected a year such as 2024"]
        );
    }

    #[test]
    fn override_column_switches_the_threshold_class() {
        let (rows, _) = read("commune_id,region,dbkk\nA,ĐBSH,x\nB,ĐBSH,\nC,ĐBSH,Không\n");
        let classes: Vec<_> = rows.iter().map(|r| r.as_ref().unwrap().class).collect();
        assert_eq!(
            classes,
            [Some(ClassId(0)), Some(ClassId(1)), Some(ClassId(1))]
        );
    }

    #[test]
    fn every_bad_cell_is_reported_with_line_column_and_value() {
        let (rows, _) = read(
            "commune_id,region,year,1.1,1.2,2.1,TC3,hamlets,hamlets_standard\n\
             A,Mars,20x4,4x5,maybe,120,kinda,3,4\n",
        );
        assert_eq!(
            messages(&rows[0]),
            [
                "t.csv:2: column \"region\": value \"Mars\": unknown region; expected one of NORTH, SOUTH (or the full name)",
                "t.csv:2: column \"year\": value \"20x4\": expected a year such as 2024",
                "t.csv:2: column \"hamlets_standard\": value \"4\": more than the commune's 3 hamlets",
                "t.csv:2: column \"1.1\": value \"4x5\": not a number; expected a number such as 45.5 or 45,5 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)",
                "t.csv:2: column \"1.2\": value \"maybe\": expected Đạt, Không đạt, Chưa đạt, Cơ bản đạt (or yes/no, Có/Không, true/false, 1/0, x)",
                "t.csv:2: column \"2.1\": value \"120\": a percentage must lie between 0 and 100 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)",
                "t.csv:2: column \"TC3\": value \"kinda\": expected Đạt, Không đạt, Chưa đạt, Cơ bản đạt (or yes/no, Có/Không, true/false, 1/0, x)",
            ]
        );
    }

    #[test]
    fn duplicate_ids_and_ragged_rows() {
        let (rows, _) = read("commune_id,1.1\nA,1\nA,2\nB\n");
        assert!(rows[0].is_ok());
        assert_eq!(
            messages(&rows[1]),
            [
                "t.csv:3: column \"commune_id\": value \"A\": duplicate commune_id; first seen on line 2"
            ]
        );
        assert_eq!(
            messages(&rows[2]),
            [
                "t.csv:4: row has 1 fields but the header has 2; every row needs one field per column"
            ]
        );
    }

    #[test]
    fn header_problems() {
        let set = CriteriaSet::from_yaml(SET, "mini-set.yaml").unwrap();
        let open = |csv: &str| {
            SurveyReader::from_reader(
                Box::new(std::io::Cursor::new(csv.to_owned())),
                "t.csv",
                &set,
                None,
            )
            .err()
            .unwrap()
            .to_string()
        };
        assert_eq!(
            open("id,name\n"),
            "error[no-id-column]: t.csv:1: no commune_id column; the header must name one: commune_id, Mã xã, Mã số xã, Mã ĐVHC or Mã đơn vị hành chính (found: id, name)"
        );
        assert_eq!(
            open("commune_id,1.1,1.1 \n"),
            "error[duplicate-column]: t.csv:1: column \"1.1\": value \"1.1\": column appears twice (columns 2 and 3); each column may appear once"
        );
    }

    /// A second header row under a merged `Tiêu chí` cell is joined to the first; a row of
    /// column numbers or a commune's row under the header is not.
    #[test]
    fn a_second_header_row_under_merged_cells_is_joined() {
        let verdicts = |csv: &str| -> Vec<Vec<Option<Verdict>>> {
            let (rows, _) = read(csv);
            rows.into_iter()
                .map(|r| r.unwrap().verdicts[0].to_vec())
                .collect()
        };
        let (met, not) = (Some(Verdict::Met), Some(Verdict::NotMet));
        // numbers under the group
        assert_eq!(
            verdicts("STT,Mã xã,Tiêu chí,,,\n,,1,2,3,4\n1,A,Đạt,Không đạt,,Đạt\n"),
            [vec![met, not, None, met]]
        );
        // numbers and names under the group; a sub-header the set knows on its own
        assert_eq!(
            verdicts(
                "Mã xã,Tiêu chí,,Kết quả,\n,1. Thu nhập,2 - Giao thông,TC3,TC4\nA,Đạt,Đạt,Không đạt,\n"
            ),
            [vec![met, met, not, None]]
        );
        // a sub-header giving a criterion another's name is refused like a one-row header
        let set = CriteriaSet::from_yaml(SET, "mini-set.yaml").unwrap();
        let err = SurveyReader::from_reader(
            Box::new(std::io::Cursor::new(
                "Mã xã,Tiêu chí,\n,1. Giao thông,2. Thu nhập\nA,Đạt,Đạt\n".to_owned(),
            )),
            "t.csv",
            &set,
            None,
        )
        .err()
        .unwrap()
        .to_string();
        assert!(
            err.contains("t.csv:1: column \"Tiêu chí 1. Giao thông\""),
            "{err}"
        );
        // a row of column numbers under a one-row header is skipped, not joined
        let (rows, _) = read("STT,commune_id,TC1,TC2\n(1),(2),(3),(4)\n1,A,Đạt,Đạt\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].as_ref().unwrap().verdicts[0],
            [met, met, None, None]
        );
        // a commune's row is a commune's row, even with blanks under the header
        let (rows, _) = read("commune_id,TC1,\nA,Đạt,x\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].as_ref().unwrap().id, "A");
    }

    #[test]
    fn a_heading_names_a_district_by_its_kind() {
        let named = |cell: &str| district_named(cell);
        assert_eq!(named("Huyện Hòa An").as_deref(), Some("Hòa An"));
        assert_eq!(named("II. HUYỆN HÀ QUẢNG").as_deref(), Some("HÀ QUẢNG"));
        assert_eq!(named("Thị xã Quảng Yên").as_deref(), Some("Quảng Yên"));
        assert_eq!(named("TP. Cao Bằng").as_deref(), Some("Cao Bằng"));
        assert_eq!(named("a) Quận Ba Đình").as_deref(), Some("Ba Đình"));
        for none in [
            "I",
            "Huyện",
            "CÁC XÃ ĐÃ ĐẠT CHUẨN",
            "Hòa An",
            "Người lập biểu",
        ] {
            assert_eq!(named(none), None, "{none}");
        }
        assert_eq!(district_key("Huyện Hòa An"), district_key("hoa an"));
    }

    #[test]
    fn rows_of_column_marks_count_up() {
        let marks = |row: &[&str]| -> bool {
            let mut marks = row.iter().map(|c| column_mark(c.as_bytes()));
            let Some(Some(mut last)) = marks.next() else {
                return false;
            };
            marks.all(|m| {
                m.is_some_and(|m| {
                    let ok = last.followed_by(m);
                    last = m;
                    ok
                })
            })
        };
        assert!(marks(&["(1)", "(2)", "(3)"]));
        assert!(marks(&["A", "B", "C", "D", "1", "2"]));
        assert!(marks(&["(A)", "(B)", "1"]));
        assert!(!marks(&["1", "2", "A"]));
        assert!(!marks(&["A", "C"]));
        assert!(!marks(&["01234", "Đạt"]));
    }

    #[test]
    fn decomposed_headers_match() {
        // "commune" stays ASCII; the Vietnamese verdict in NFD still parses
        let (rows, _) = read("commune_id,TC1\nA,\u{0110}a\u{0323}t\n");
        assert_eq!(rows[0].as_ref().unwrap().verdicts[0][0], Some(Verdict::Met));
    }
}
