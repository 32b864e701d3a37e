//! The message catalogue: what `ntm` says of a problem, in Vietnamese and in English. Each
//! message is a variant carrying its dynamic parts as values (the first line of a duplicate,
//! the class codes accepted, …), and one match gives its words in both languages, so a message
//! cannot lack one. The place (file, line, column, value) is framed around it by
//! [`crate::error::Problem::render`]; the `error[code]:` before it stays as it is in every
//! language, for machines.

use crate::code::Code;
use crate::lang::Lang;
use crate::text::ranges;

pub mod set_file;

pub use set_file::{
    Backwards, BandGap, Clash, Field, Listing, Loosening, Naming, OutOfRange, OverlayRule, Shape,
    Twice, Unknown,
};

/// The verdict words of a verdict cell, as both languages list them.
const VERDICT_WORDS: (&str, &str) = (
    "Đạt, Không đạt, Chưa đạt, Cơ bản đạt (hoặc Có/Không, x, 1/0)",
    "Đạt, Không đạt, Chưa đạt, Cơ bản đạt (or yes/no, Có/Không, true/false, 1/0, x)",
);

/// The verdict words accepted in a measured indicator's column in place of a number.
const INDICATOR_VERDICT_WORDS: (&str, &str) = (
    "Đạt, Không đạt, Chưa đạt hoặc Cơ bản đạt",
    "Đạt, Không đạt, Chưa đạt or Cơ bản đạt",
);

/// Why a cell of a measured indicator is not a number (one per number code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Not a number at all.
    NotANumber,
    /// One mark before exactly three digits.
    Ambiguous,
    /// Marks that follow no pattern.
    Malformed,
    /// A `%` where no percentage is asked.
    UnexpectedPercent,
    /// Text after the number that is not the unit.
    UnexpectedUnit,
    /// A percentage outside 0–100.
    PercentOutOfRange,
}

impl NumberProblem {
    /// The code of a cell's problem of this kind.
    #[must_use]
    pub fn code(self) -> Code {
        match self {
            NumberProblem::NotANumber => Code::NotANumber,
            NumberProblem::Ambiguous => Code::AmbiguousNumber,
            NumberProblem::Malformed => Code::MalformedNumber,
            NumberProblem::UnexpectedPercent => Code::UnexpectedPercent,
            NumberProblem::UnexpectedUnit => Code::UnexpectedUnit,
            NumberProblem::PercentOutOfRange => Code::PercentOutOfRange,
        }
    }
}

/// A kind of row skipped as not a commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkippedKind {
    /// A blank row.
    Blank,
    /// A totals row.
    Totals,
    /// The row numbering the columns.
    ColumnNumbers,
    /// A row under the table (a signature block).
    UnderTable,
    /// A group heading (a district's name).
    Heading,
}

/// What makes a sheet too big to be a survey's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TooBig {
    /// A cell past the last column allowed.
    PastColumn {
        /// The cell (`ALM1`), after its sheet.
        cell: String,
        /// What it holds (its first 40 characters).
        text: String,
        /// The last column allowed (`ALL`).
        column: String,
    },
    /// Cells spanning more than the cells allowed.
    Span {
        /// The rows spanned.
        rows: u64,
        /// The columns spanned.
        columns: u32,
        /// The first cell.
        from: String,
        /// The last cell.
        to: String,
    },
}

impl TooBig {
    /// What is too big, in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let (vi, en) = match self {
            TooBig::PastColumn { cell, text, column } => (
                format!("ô {cell} có nội dung «{text}», nằm quá cột {column}"),
                format!("cell {cell} holds \"{text}\", past column {column}"),
            ),
            TooBig::Span {
                rows,
                columns,
                from,
                to,
            } => (
                format!("các ô trải trên {rows} dòng và {columns} cột, từ {from} đến {to}"),
                format!("its cells span {rows} rows and {columns} columns, from {from} to {to}"),
            ),
        };
        pick(lang, vi, en)
    }
}

/// A tier as messages name it: by its id in English (`advanced`), by its name in Vietnamese
/// (`Xã đạt chuẩn nông thôn mới nâng cao`), never by the id alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierName {
    /// Its id.
    pub id: String,
    /// Its Vietnamese name.
    pub vi: String,
}

impl TierName {
    /// The tier `id` named `vi` in Vietnamese.
    #[must_use]
    pub fn named(id: &str, vi: &str) -> TierName {
        TierName {
            id: id.to_owned(),
            vi: vi.to_owned(),
        }
    }
}

/// What a column a set does not use may have been meant as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A criterion number the tier lacks: the tier, the number, and the numbers it has.
    NoCriterion {
        /// The tier.
        tier: TierName,
        /// The number asked for.
        number: u32,
        /// The tier's criteria numbers, in order.
        numbers: Vec<u32>,
    },
    /// An indicator the set lacks, and its criterion's indicators.
    NoIndicator {
        /// The indicator asked for (`2.9`).
        indicator: String,
        /// Its criterion (`2`).
        criterion: String,
        /// The criterion's indicators.
        siblings: Vec<String>,
    },
    /// The known column the header is closest to.
    DidYouMean(String),
}

impl Hint {
    /// The hint in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        let (vi, en) = match self {
            Hint::NoCriterion {
                tier,
                number,
                numbers,
            } => {
                let numbers = ranges(numbers.iter().copied());
                (
                    format!(
                        "bộ tiêu chí không có tiêu chí {number} ở mức «{}»: các tiêu chí của mức này là {numbers}",
                        tier.vi
                    ),
                    format!(
                        "the set has no {} criterion {number}: its {} criteria are {numbers}",
                        tier.id, tier.id
                    ),
                )
            }
            Hint::NoIndicator {
                indicator,
                criterion,
                siblings,
            } => {
                let siblings = siblings.join(", ");
                (
                    format!(
                        "bộ tiêu chí không có chỉ tiêu {indicator}: các chỉ tiêu của tiêu chí {criterion} là {siblings}"
                    ),
                    format!(
                        "the set has no indicator {indicator}: criterion {criterion}'s are {siblings}"
                    ),
                )
            }
            Hint::DidYouMean(name) => (
                format!("có phải ý bạn là «{name}»?"),
                format!("did you mean \"{name}\"?"),
            ),
        };
        pick(lang, vi, en)
    }
}

/// What is said of a problem, without its place: one variant per message, each with its
/// dynamic parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A message as written, the same in every language. Nothing `ntm` says is one; it frames
    /// a text of its own (as the tests of [`crate::error`] do).
    Plain(String),
    /// `ragged-row`: fields in the row and in the header, and, when a quote was left open, how
    /// many line breaks the row swallowed.
    RaggedRow {
        /// Fields of the row.
        fields: usize,
        /// Columns of the header.
        header: usize,
        /// The line the row starts on and the line breaks inside it, when a quote runs over.
        open_quote: Option<(u64, usize)>,
    },
    /// `unreadable-row`: what the CSV reader said.
    UnreadableRow(String),
    /// `not-utf8`.
    NotUtf8,
    /// `replacement-character`.
    ReplacementCharacter,
    /// `unreadable-workbook`: what the workbook reader said, and the sheet when it was one.
    UnreadableWorkbook {
        /// The sheet that could not be read, if any.
        sheet: Option<String>,
        /// The reader's words.
        reason: String,
    },
    /// `unreadable-workbook`: a workbook without a sheet.
    NoSheet,
    /// `encrypted-workbook`.
    EncryptedWorkbook,
    /// `workbook-too-big`: a part of the package unpacking to more than its limit.
    PartTooBig {
        /// The part's name.
        part: String,
        /// Its size unpacked, in MB.
        megabytes: u64,
        /// The limit, in MB.
        limit: u64,
    },
    /// `workbook-too-big`: a sheet with too many columns or cells.
    SheetTooBig {
        /// The sheet.
        sheet: String,
        /// What is too big, as the reader found it.
        what: TooBig,
        /// The most columns a sheet may have.
        max_columns: u32,
        /// The most cells a sheet may span.
        max_cells: u64,
    },
    /// `no-id-column`: the headers found (the first dozen).
    NoIdColumn(Vec<String>),
    /// `duplicate-column`: the two 1-based column numbers, and the first's header when it is
    /// spelt otherwise.
    DuplicateColumn {
        /// The first column's number.
        first: usize,
        /// This column's number.
        second: usize,
        /// The first column's header, when it differs.
        first_as: Option<String>,
    },
    /// `misnamed-criterion`: the criterion the number names, and the one the header names.
    MisnamedCriterion {
        /// The number in the header.
        number: u32,
        /// The Vietnamese name of the criterion of that number, if the tier has it.
        own: Option<String>,
        /// The number of the criterion the header names.
        named_number: u32,
        /// Its name.
        named: String,
    },
    /// `wrong-set`: the columns of another set, the set chosen and the set they fit.
    WrongSet {
        /// The foreign columns (the first eight, then `…`).
        columns: Vec<String>,
        /// The chosen set's id.
        set: String,
        /// Its period.
        period: String,
        /// The set they fit.
        fit: String,
        /// Its period.
        fit_period: String,
    },
    /// `no-criterion-columns`.
    NoCriterionColumns {
        /// The set's id.
        set: String,
        /// Its period.
        period: String,
        /// Its verdict prefix (`TC`).
        prefix: String,
        /// The number of its first criterion.
        first: u32,
    },
    /// `unknown-column`: a column the set does not use, with a hint.
    UnknownColumn {
        /// The set's id.
        set: String,
        /// What the column may have been meant as.
        hint: Option<Hint>,
    },
    /// `unknown-column`: the count of those not named.
    MoreUnknownColumns {
        /// How many more.
        more: usize,
        /// The set's id.
        set: String,
    },
    /// `blank-header`: the 1-based columns without a header (listed as ranges, cut when long).
    BlankHeaders(Vec<u32>),
    /// `missing-criteria`: how many criterion columns were found, of how many, and the
    /// criteria missing.
    MissingCriteria {
        /// Criteria of the base tier.
        total: usize,
        /// The numbers without a column.
        missing: Vec<u32>,
    },
    /// `blank-id`; `true` when the row has counts where verdicts belong.
    BlankId(bool),
    /// `duplicate-id`: the line first seen on, and the period in a panel.
    DuplicateId {
        /// The first line of the id.
        first: u64,
        /// The period, in a panel.
        period: Option<String>,
    },
    /// `duplicate-code`.
    DuplicateCode {
        /// The id as first written.
        id: String,
        /// Its line.
        line: u64,
        /// The commune's name.
        name: String,
    },
    /// `unknown-region`: the classification's name and the codes it accepts.
    UnknownRegion {
        /// The classification's name in Vietnamese.
        name_vi: String,
        /// In English.
        name_en: String,
        /// The class codes accepted.
        codes: Vec<String>,
    },
    /// `not-yes-no`.
    NotYesNo,
    /// `not-a-year`: of the survey year (`false`) or of a recognition decision (`true`).
    NotAYear(bool),
    /// `year-outside-set`: the year, the set and its period, and the built-in set for that
    /// year.
    YearOutsideSet {
        /// The year.
        year: u16,
        /// The set's id.
        set: String,
        /// Its period.
        period: String,
        /// The built-in set for the year, if any.
        instead: Option<String>,
    },
    /// `blank-period`.
    BlankPeriod,
    /// `not-a-period`.
    NotAPeriod,
    /// `period-disagrees`: the period cell.
    PeriodDisagrees(String),
    /// `month-without-year`.
    MonthWithoutYear,
    /// `not-a-month`.
    NotAMonth,
    /// `not-a-count`.
    NotACount,
    /// `count-over-total`: the commune's hamlets.
    CountOverTotal(u32),
    /// `not-a-verdict`.
    NotAVerdict,
    /// A number code's problem.
    Number(NumberProblem),
    /// `unknown-tier`: the set's tier ids.
    UnknownTier(Vec<String>),
    /// `missing-region`: the indicators, the classification's name and column.
    MissingRegion {
        /// The indicators needing it.
        ids: Vec<String>,
        /// The classification's name in Vietnamese.
        name_vi: String,
        /// In English.
        name_en: String,
        /// Its column.
        column: String,
    },
    /// `missing-year`: the indicators.
    MissingYear(Vec<String>),
    /// `year-without-thresholds`.
    YearWithoutThresholds {
        /// The indicators.
        ids: Vec<String>,
        /// The set's id.
        set: String,
        /// First year with thresholds.
        first: u16,
        /// Last.
        last: u16,
    },
    /// `verdict-disagrees`: the verdict written and the indicators' verdict.
    VerdictDisagrees {
        /// The verdict column's word.
        column: String,
        /// The indicators' verdict.
        indicators: String,
    },
    /// `verdict-disagrees`: the count of those not shown.
    MoreDisagreements(usize),
    /// `number-for-yes-no`.
    NumberForYesNo {
        /// The indicator.
        id: String,
        /// The surveys of its yes/no version.
        years: Option<String>,
        /// The legal source of that version.
        source: String,
    },
    /// `number-for-yes-no`: the count of those not shown.
    MoreNumbersForYesNo(usize),
    /// `condition-not-met`.
    ConditionNotMet {
        /// The condition cell's verdict word; `None` when blank.
        said: Option<String>,
        /// The tier.
        tier: TierName,
        /// The condition's name in Vietnamese.
        name_vi: String,
        /// In English.
        name_en: String,
        /// Its legal source.
        source: String,
    },
    /// `condition-not-met`: the count of those not shown.
    MoreConditionsNotMet(usize),
    /// `no-version-for-year`.
    NoVersionForYear {
        /// The indicator.
        indicator: String,
        /// The tier.
        tier: TierName,
        /// The set.
        set: String,
        /// The survey years its versions cover.
        covered: Vec<String>,
        /// The years given.
        years: Vec<u32>,
        /// The verdict column to use instead.
        column: String,
    },
    /// `unknown-threshold`.
    UnknownThreshold {
        /// The indicator.
        indicator: String,
        /// The tier.
        tier: TierName,
        /// The classes whose threshold is unknown.
        classes: Vec<String>,
        /// The years whose threshold is unknown.
        years: Vec<u32>,
        /// The set.
        set: String,
        /// The verdict column to use instead.
        column: String,
    },
    /// `unverified-threshold`.
    UnverifiedThreshold {
        /// The indicators.
        ids: Vec<String>,
        /// The set.
        set: String,
    },
    /// `skipped-rows`: each kind skipped with its lines.
    SkippedRows(Vec<(SkippedKind, Vec<u32>)>),
    /// `no-communes`.
    NoCommunes,
    /// The last line of a list cut short: how many problems were not shown.
    NotShown(usize),
    /// A message about an option or a file, named first (`--year: …`).
    About(String, Box<Msg>),
    /// A criteria set named that is neither a built-in id nor a file.
    UnknownSet {
        /// The name given.
        name: String,
        /// The built-in ids.
        ids: Vec<String>,
    },
    /// `--sheet` given for a file read as CSV.
    SheetOnCsv {
        /// The sheet asked for.
        sheet: String,
        /// The file.
        file: String,
    },
    /// A workbook without the sheet asked for.
    MissingSheet {
        /// The workbook.
        file: String,
        /// The sheet asked for.
        sheet: String,
        /// Its sheets.
        sheets: Vec<String>,
    },
    /// `-o` names an input file.
    OutputIsInput {
        /// The output asked for.
        output: String,
        /// The input it is.
        input: String,
    },
    /// A workbook asked for on standard output.
    WorkbookToStdout {
        /// The subcommand.
        command: String,
    },
    /// `-o` with an extension the command does not write.
    WrongExtension {
        /// The subcommand.
        command: String,
        /// The extension given.
        extension: String,
        /// The extensions it writes (`.csv`).
        extensions: Vec<String>,
    },
    /// `--format` naming a document format the command does not write.
    FormatNotWritten {
        /// The subcommand.
        command: String,
        /// The format asked for.
        format: String,
        /// The formats it writes.
        formats: Vec<String>,
    },
    /// `validate` found errors.
    CannotBeScored {
        /// The file.
        file: String,
    },
    /// A survey after 1/7/2025 with a district column, reported for the province.
    DistrictsAbolished {
        /// The survey's year.
        year: u16,
    },
    /// A district of the targets file without communes in the data.
    TargetDistrictWithoutCommunes {
        /// The district.
        district: String,
    },
    /// District targets not judged when grouping by another column.
    DistrictTargetsNotJudged {
        /// The column grouped by.
        column: String,
    },
    /// Communes recognised at a tier that no longer meet it.
    RecognisedBelow {
        /// Their ids.
        communes: Vec<String>,
    },
    /// `--bom` with output that is not CSV.
    BomNotCsv {
        /// The format of the output.
        format: String,
    },
    /// The note of a set chosen for the survey's year.
    SetForYear {
        /// The set's id.
        set: String,
        /// Its period.
        period: String,
        /// The survey's year.
        year: u16,
    },
    /// `-o` naming a file whose extension is of another format than the one written.
    FormatNotExtension {
        /// The output file.
        output: String,
        /// The format to be written.
        format: String,
    },
    /// `NTM_BROWSER` (or the configuration) names a browser that is not there.
    BrowserNotFound {
        /// The browser named.
        browser: String,
    },
    /// A PDF asked for, and no Chromium, Chrome or Edge to print it.
    NoBrowserForPdf,
    /// The note of a PDF being printed.
    PrintingPdf {
        /// The browser.
        browser: String,
        /// The communes of the appendix.
        communes: usize,
    },
    /// The browser printing the PDF could not be started.
    PdfBrowserNotStarted {
        /// The browser.
        browser: String,
        /// Why, as the system says it.
        error: String,
    },
    /// The browser printing the PDF took too long and was stopped.
    PdfTimedOut {
        /// The browser.
        browser: String,
        /// After how many seconds.
        seconds: u64,
    },
    /// The browser printing the PDF failed.
    PdfFailed {
        /// The browser.
        browser: String,
        /// Its exit code; `None` when a signal ended it.
        code: Option<i32>,
        /// The last lines it wrote on its standard error.
        said: String,
    },
    /// The browser printing the PDF ended well, yet wrote no PDF.
    PdfNotWritten {
        /// The browser.
        browser: String,
        /// The last lines it wrote on its standard error.
        said: String,
    },
    /// `--period` names a period of a file without a period column.
    PeriodWithoutColumn {
        /// The period asked for.
        wanted: String,
        /// The file.
        file: String,
    },
    /// `--period` names a period the file has no rows for.
    PeriodNotInFile {
        /// The period asked for.
        wanted: String,
        /// The file.
        file: String,
        /// The periods it holds.
        periods: Vec<String>,
    },
    /// The note of a file of several periods, of which the latest is reported.
    LatestPeriod {
        /// The file.
        file: String,
        /// How many periods it holds.
        count: usize,
        /// The first.
        first: String,
        /// The latest.
        last: String,
    },
    /// A period found in two files of a trend.
    PeriodInTwoFiles {
        /// The period.
        period: String,
        /// The file first holding it.
        other: String,
        /// The file holding it again.
        file: String,
    },
    /// A file without a period column, and no `--period` left for it.
    NoPeriodGiven {
        /// The file.
        file: String,
    },
    /// A file without a period column whose name gives none; `or_given` when `--period` may
    /// give it.
    NoPeriodInName {
        /// The file.
        file: String,
        /// Whether `--period` could name it.
        or_given: bool,
    },
    /// The file of `report --history` without a period column or a name giving one.
    ReportNeedsPeriod {
        /// The file.
        file: String,
    },
    /// More `--period` values than files without a period column.
    TooManyPeriods,
    /// `--by district` for files of a trend none of which names districts.
    NoDistrictsInFiles,
    /// `--by district` for a file that names no districts.
    NoDistricts {
        /// The file.
        file: String,
    },
    /// `ntm trend` without a file.
    TrendNeedsFile,
    /// `ntm report --format xlsx` (or `pdf`) without `-o`.
    ReportToStdout {
        /// Whether it is a PDF, not a workbook.
        pdf: bool,
    },
    /// The note of a trend cut at the period reported on: the period, and those left out.
    TrendEnds {
        /// The period reported on.
        period: String,
        /// The later periods left out.
        later: Vec<String>,
    },
    /// Rows of a profiled file that could not be read.
    RowsNotCounted {
        /// The file.
        file: String,
        /// How many rows.
        rows: u64,
    },
    /// A file with nothing to profile.
    NothingToProfile {
        /// The file.
        file: String,
    },
    /// Two codes differing in leading zeros, with the same name, taken as one commune.
    SameCommuneOtherZeros {
        /// The old code.
        old: String,
        /// The old name.
        name: String,
        /// The new code.
        new: String,
    },
    /// Two codes differing in leading zeros, with different names, taken as two communes.
    TwoCommunesOtherZeros {
        /// The old code.
        old: String,
        /// The old name.
        old_name: String,
        /// The new code.
        new: String,
        /// The new name.
        new_name: String,
    },
    /// A map of mergers without its two columns.
    MapColumns,
    /// A row of a map of mergers with one id only.
    MapRowNeedsBoth,
    /// An old commune mapped into two new ones.
    MapTwice {
        /// The old commune.
        from: String,
        /// The first new commune.
        before: String,
        /// The second.
        to: String,
    },
    /// A workbook given on standard input.
    WorkbookOnStdin,
    /// A workbook whose name does not say it is one.
    UnnamedWorkbook {
        /// The file.
        file: String,
    },
    /// `--header-row` past the lines of a file.
    HeaderRowPastEnd {
        /// The file.
        file: String,
        /// The row asked for.
        row: u64,
        /// The lines the file has.
        lines: usize,
    },
    /// `--header-row` naming an empty row of a sheet.
    HeaderRowEmpty {
        /// The workbook.
        file: String,
        /// The row asked for.
        row: u64,
        /// The sheet.
        sheet: String,
    },
    /// `--by` naming a column the file lacks: the header it is closest to, else the columns.
    NoGroupColumn {
        /// The file.
        file: String,
        /// The column asked for.
        asked: String,
        /// The header the name is closest to.
        near: Option<String>,
        /// The file's columns (the first dozen, then `…`).
        columns: Vec<String>,
    },
    /// Overlays standing on one another too deep.
    OverlayTooDeep {
        /// The overlay.
        file: String,
        /// The base it extends.
        base: String,
        /// The most overlays allowed.
        depth: u32,
    },
    /// An overlay extending what is neither a built-in set nor a file.
    OverlayBaseMissing {
        /// The overlay.
        file: String,
        /// The line of `extends:`.
        line: u64,
        /// The base named.
        base: String,
        /// The path looked for.
        path: String,
    },
    /// A configuration file that does not parse: the reader's words, and whether to list
    /// the keys allowed.
    Config {
        /// The file.
        file: String,
        /// The line, when known.
        line: Option<usize>,
        /// The reader's message.
        message: String,
        /// Whether to list the keys a configuration has.
        hint: bool,
    },
    /// A criteria or targets file that does not parse as YAML of its kind.
    Yaml {
        /// The file.
        file: String,
        /// The line, when known.
        line: Option<u64>,
        /// What the file is.
        kind: YamlKind,
        /// The reader's message with its snippet.
        rendered: String,
    },
    /// `NTM_LANG` set to neither `vi` nor `en`.
    BadLangVariable {
        /// The value.
        value: String,
    },
    /// Standard output closed when a command would write there.
    StdoutClosed,
    /// `ntm man` naming no subcommand of `ntm`.
    NoSubcommand {
        /// The name given.
        name: String,
    },
    /// `validate` found nothing to say of a file.
    ValidateOk {
        /// The file.
        file: String,
    },
    /// The line under `validate`'s table.
    ValidateSummary {
        /// The file.
        file: String,
        /// Errors found.
        errors: usize,
        /// Warnings found.
        warnings: usize,
        /// Problems found but not listed.
        unlisted: usize,
        /// Rows read.
        rows: u64,
        /// Communes scored.
        communes: u64,
    },
    /// `--delimiter` given what cannot be one: `reserved` when it is a line break or a quote.
    BadDelimiter {
        /// The value given.
        value: String,
        /// Whether it is a character CSV gives its own meaning.
        reserved: bool,
    },
    /// `--period` given what is not a period.
    NotAPeriodArgument(String),
    /// `--date` given what is not a date.
    NotADate(String),
    /// A document format that is none.
    NoDocumentFormat(String),
    /// A problem code that is none.
    NoProblemCode(String),
    /// Targets made for another criteria set.
    TargetsForOtherSet {
        /// The set the targets name.
        targets: String,
        /// The set the data is scored with.
        set: String,
    },
    /// A target of more criteria per commune than the set has.
    TargetMinCriteria {
        /// The district, for a district's target.
        district: Option<String>,
        /// The target.
        min: u32,
        /// The set's criteria.
        total: u32,
    },
    /// An average of criteria outside what the set allows.
    TargetAverage {
        /// The district, for a district's target.
        district: Option<String>,
        /// The target, as written.
        average: String,
        /// The set's criteria.
        total: u32,
    },
    /// A share of hamlets outside 0–1.
    TargetShare {
        /// The district, for a district's target.
        district: Option<String>,
        /// The target, as written.
        share: String,
    },
    /// A target of communes at a tier the set lacks.
    TargetNoTier {
        /// The district, for a district's target.
        district: Option<String>,
        /// The key (`modern_communes`).
        key: String,
        /// The set.
        set: String,
        /// The tier lacked.
        tier: String,
        /// The set's tiers.
        tiers: Vec<String>,
    },
    /// A district listed twice in the targets.
    TargetDistrictTwice {
        /// The district.
        district: String,
    },
    /// A date of a criteria file not written `YYYY-MM-DD`.
    SetNotADate(String),
    /// A field of a criteria file left empty.
    SetEmpty(Field),
    /// A list of a criteria file with nothing in it.
    SetListsNothing(Listing),
    /// An end before its start, or an order reversed, in a criteria file.
    SetBackwards(Backwards),
    /// An id or prefix of a criteria file not written as it must be.
    SetBadName(Naming),
    /// Something a criteria file or an overlay names twice.
    SetTwice(Twice),
    /// A name in a criteria file or an overlay that refers to nothing there.
    SetUnknown(Unknown),
    /// A data column claimed twice in a criteria file or an overlay.
    SetColumnClash(Clash),
    /// An indicator or threshold whose parts do not hold together.
    SetShape(Shape),
    /// A threshold level, or its year, outside what it may be.
    SetOutOfRange(OutOfRange),
    /// Bands that do not put every count of criteria in exactly one band; `base` when they
    /// are an overlay's base's.
    SetBands {
        /// The count and what is wrong with it.
        gap: BandGap,
        /// Whether the bands are the base's, the overlay giving none.
        base: bool,
    },
    /// What an overlay may not say of its base.
    Overlay(OverlayRule),
    /// An overlay lowering a level of its base without `loosens: true`.
    OverlayLoosens(Box<Loosening>),
    /// `criteria check` found nothing wrong: what the set holds.
    CriteriaOk {
        /// The file (or id) checked.
        file: String,
        /// The set's id.
        id: String,
        /// Its period (`2021–2025`).
        period: String,
        /// Its tiers.
        tiers: usize,
        /// Its criteria, over every tier.
        criteria: usize,
        /// Its indicators, over every tier.
        indicators: usize,
        /// Its levels and indicators not verified against the legal text.
        unverified: usize,
    },
}

/// A message shows in English where no language is at hand (inside clap's errors, which
/// [`crate::cli::Vietnamese`] says again in Vietnamese).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for Msg {}

// (for tests only: a message `ntm` says is built from the catalogue, in both languages, never
// from a string in one)
#[cfg(test)]
impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::Plain(text)
    }
}

#[cfg(test)]
impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::Plain(text.to_owned())
    }
}

/// Each kind of problem of a criteria file is a message of its own.
macro_rules! set_file_messages {
    ($($kind:ident => $variant:ident),* $(,)?) => {
        $(impl From<$kind> for Msg {
            fn from(problem: $kind) -> Msg {
                Msg::$variant(problem)
            }
        })*
    };
}

set_file_messages!(
    Field => SetEmpty,
    Listing => SetListsNothing,
    Backwards => SetBackwards,
    Naming => SetBadName,
    Twice => SetTwice,
    Unknown => SetUnknown,
    Clash => SetColumnClash,
    Shape => SetShape,
    OutOfRange => SetOutOfRange,
    OverlayRule => Overlay,
);

/// `vi` or `en`, as `lang` asks.
fn pick(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// `huyện X: ` and `district X: ` before a district's target; nothing for the province's.
fn district_scope(district: Option<&str>) -> (String, String) {
    district.map_or_else(Default::default, |d| {
        (format!("huyện {d}: "), format!("district {d}: "))
    })
}

/// `indicator 2.1` or `indicators 2.1, 2.2`, in both languages.
fn indicators(ids: &[String]) -> (String, String) {
    let list = ids.join(", ");
    (
        format!("chỉ tiêu {list}"),
        if ids.len() == 1 {
            format!("indicator {list}")
        } else {
            format!("indicators {list}")
        },
    )
}

impl Msg {
    /// The message in `lang`.
    #[must_use]
    #[allow(clippy::too_many_lines)]
    pub fn text(&self, lang: Lang) -> String {
        let (vi, en) = match self {
            Msg::Plain(text) => return text.clone(),
            Msg::RaggedRow {
                fields,
                header,
                open_quote,
            } => {
                let (qv, qe) = open_quote.map_or_else(Default::default, |(line, breaks)| {
                    (
                        format!(
                            "; dấu ngoặc kép mở ở dòng {line} không được đóng đúng chỗ: một ô tràn sang {breaks} dòng sau (tìm dấu \" thừa)"
                        ),
                        format!(
                            "; a quote opened on line {line} is not closed where it should be: a cell runs over the next {breaks} line(s) (look for a stray \")"
                        ),
                    )
                });
                (
                    format!(
                        "dòng có {fields} ô nhưng dòng tiêu đề có {header} cột; mỗi dòng cần đúng một ô cho mỗi cột{qv}"
                    ),
                    format!(
                        "row has {fields} fields but the header has {header}; every row needs one field per column{qe}"
                    ),
                )
            }
            Msg::UnreadableRow(reason) => (
                format!("không đọc được dòng này ({reason})"),
                reason.clone(),
            ),
            Msg::NotUtf8 => (
                "chữ không phải mã UTF-8; hãy lưu tệp dạng \"CSV UTF-8\", hoặc thêm --encoding windows-1258 cho tệp tiếng Việt kiểu cũ".into(),
                "text is not valid UTF-8; save the file as \"CSV UTF-8\", or pass --encoding windows-1258 for a legacy Vietnamese file".into(),
            ),
            Msg::ReplacementCharacter => (
                "ô có ký tự \u{fffd}, dấu còn lại khi một chữ không đọc được (tệp lưu bằng bảng mã khác); hãy gõ lại ô này".into(),
                "text holds \u{fffd}, the mark decoding leaves where a character could not be read (a lone UTF-16 surrogate, or text saved in another encoding); retype the cell".into(),
            ),
            Msg::UnreadableWorkbook { sheet, reason } => match sheet {
                Some(sheet) => (
                    format!("không đọc được trang tính «{sheet}»: {reason}"),
                    format!("cannot read sheet \"{sheet}\": {reason}"),
                ),
                None => (
                    format!("không đọc được sổ tính: {reason}"),
                    format!("cannot read the workbook: {reason}"),
                ),
            },
            Msg::NoSheet => (
                "sổ tính không có trang tính nào".into(),
                "the workbook has no sheet".into(),
            ),
            Msg::EncryptedWorkbook => (
                "sổ tính có đặt mật khẩu: hãy mở trong Excel và lưu một bản không mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa trống)".into(),
                "the workbook is password-protected: open it in Excel and save a copy without a password (File › Info › Protect Workbook › Encrypt with Password, cleared)".into(),
            ),
            Msg::PartTooBig {
                part,
                megabytes,
                limit,
            } => (
                format!(
                    "phần {part} của sổ tính giải nén ra {megabytes} MB, quá {limit} MB mà một biểu khảo sát có thể cần; hãy lưu trang tính dạng CSV, hoặc kiểm tra đây có đúng là tệp khảo sát"
                ),
                format!(
                    "part {part} of the workbook unpacks to {megabytes} MB, more than the {limit} MB a survey workbook can need; save the sheet as CSV, or check the file is the survey"
                ),
            ),
            Msg::SheetTooBig {
                sheet,
                what,
                max_columns,
                max_cells,
            } => (
                format!(
                    "trang tính «{sheet}»: {}; một trang khảo sát có tối đa {max_columns} cột và {max_cells} ô: hãy xóa những gì nằm ngoài bảng, hoặc lưu bảng dạng CSV",
                    what.text(Lang::Vi)
                ),
                format!(
                    "sheet \"{sheet}\": {}; a survey sheet has at most {max_columns} columns and {max_cells} cells: delete what lies outside the table, or save the table as CSV",
                    what.text(Lang::En)
                ),
            ),
            Msg::NoIdColumn(found) => {
                let found = found.join(", ");
                (
                    format!(
                        "không có cột mã xã; dòng tiêu đề phải có một cột: Mã xã, Mã số xã, Mã ĐVHC, Mã đơn vị hành chính hoặc commune_id (các cột tìm thấy: {found})"
                    ),
                    format!(
                        "no commune_id column; the header must name one: commune_id, Mã xã, Mã số xã, Mã ĐVHC or Mã đơn vị hành chính (found: {found})"
                    ),
                )
            }
            Msg::DuplicateColumn {
                first,
                second,
                first_as,
            } => {
                let (av, ae) = first_as.as_ref().map_or_else(Default::default, |h| {
                    (format!(", ghi là «{h}»"), format!(", as \"{h}\""))
                });
                (
                    format!(
                        "cột xuất hiện hai lần (cột {first} và {second}{av}); mỗi cột chỉ được có một lần"
                    ),
                    format!(
                        "column appears twice (columns {first} and {second}{ae}); each column may appear once"
                    ),
                )
            }
            Msg::MisnamedCriterion {
                number,
                own,
                named_number,
                named,
            } => {
                let (ov, oe) = own.as_ref().map_or_else(Default::default, |own| {
                    (format!(" («{own}»)"), format!(" (\"{own}\")"))
                });
                (
                    format!(
                        "tiêu đề đặt cho tiêu chí {number}{ov} tên của tiêu chí {named_number} («{named}»); hãy kiểm tra các cột có bị lệch không, và đặt tên cột theo đúng tiêu chí của nó"
                    ),
                    format!(
                        "the header gives criterion {number}{oe} the name of criterion {named_number} (\"{named}\"); check that the columns have not shifted, and name the column after its own criterion"
                    ),
                )
            }
            Msg::WrongSet {
                columns,
                set,
                period,
                fit,
                fit_period,
            } => {
                let columns = columns.join(", ");
                (
                    format!(
                        "các cột {columns} không thuộc bộ tiêu chí {set} ({period}), nhưng khớp với bộ có sẵn {fit} ({fit_period}); hãy thêm --criteria {fit}"
                    ),
                    format!(
                        "columns {columns} are not in criteria set {set} ({period}), but they fit built-in set {fit} ({fit_period}); pass --criteria {fit}"
                    ),
                )
            }
            Msg::NoCriterionColumns {
                set,
                period,
                prefix,
                first,
            } => (
                format!(
                    "không tìm thấy cột nào của bộ tiêu chí {set} ({period}): không có cột kết quả ({prefix}{first}, Tiêu chí {first} …) cũng không có cột chỉ tiêu; hãy kiểm tra dòng tiêu đề được đọc có đúng không, hoặc thêm --criteria cho bộ tiêu chí mà tệp được lập theo"
                ),
                format!(
                    "not one column of criteria set {set} ({period}) is found: neither a verdict column ({prefix}{first}, Tiêu chí {first} …) nor an indicator column; check that the header row is the one read, or pass --criteria for the set the file was made for"
                ),
            ),
            Msg::UnknownColumn { set, hint } => {
                let (hv, he) = hint.as_ref().map_or_else(Default::default, |h| {
                    (
                        format!("; {}", h.text(Lang::Vi)),
                        format!("; {}", h.text(Lang::En)),
                    )
                });
                (
                    format!("bộ tiêu chí {set} không dùng cột này nên bỏ qua{hv}"),
                    format!("not used by criteria set {set} and ignored{he}"),
                )
            }
            Msg::MoreUnknownColumns { more, set } => (
                format!("… và {more} cột khác bộ tiêu chí {set} không dùng, cũng bỏ qua"),
                format!("… and {more} more columns not used by criteria set {set}, also ignored"),
            ),
            Msg::BlankHeaders(columns) => {
                if let [one] = columns.as_slice() {
                    (
                        format!("cột {one} không có tiêu đề nên bỏ qua"),
                        format!("column {one} has no header and is ignored"),
                    )
                } else {
                    // (scattered columns make a long list: its first 200 characters)
                    let mut listed = ranges(columns.iter().copied());
                    if let Some((limit, _)) = listed.char_indices().nth(200) {
                        listed.truncate(listed[..limit].rfind(", ").unwrap_or(limit));
                        listed.push_str(", …");
                    }
                    let n = columns.len();
                    (
                        format!("{n} cột không có tiêu đề nên bỏ qua: các cột {listed}"),
                        format!("{n} columns have no header and are ignored: columns {listed}"),
                    )
                }
            }
            Msg::MissingCriteria { total, missing } => {
                let found = total - missing.len();
                let list = ranges(missing.iter().copied());
                (
                    format!(
                        "tìm thấy {found} trên {total} cột tiêu chí; tiêu chí {list} không được đánh giá"
                    ),
                    format!(
                        "{found} of {total} criterion columns found; {}",
                        if missing.len() == 1 {
                            format!("criterion {list} is not assessed")
                        } else {
                            format!("criteria {list} are not assessed")
                        }
                    ),
                )
            }
            Msg::BlankId(false) => (
                "thiếu mã xã: mỗi xã cần có mã".into(),
                "commune_id is required".into(),
            ),
            Msg::BlankId(true) => (
                "thiếu mã xã; dòng này có số đếm ở chỗ của kết quả, giống một dòng tổng: nếu đúng là dòng tổng, hãy ghi Tổng cộng vào ô đầu (hoặc xóa dòng), nếu không hãy điền mã xã".into(),
                "commune_id is required; this row has counts where verdicts belong, like a totals row: if it is one, write Tổng cộng in its first cell (or delete it), else fill in the commune's code".into(),
            ),
            Msg::DuplicateId { first, period } => match period {
                Some(period) => (
                    format!("trùng mã xã trong kỳ {period}; đã có ở dòng {first}"),
                    format!("duplicate commune_id for period {period}; first seen on line {first}"),
                ),
                None => (
                    format!("trùng mã xã; đã có ở dòng {first}"),
                    format!("duplicate commune_id; first seen on line {first}"),
                ),
            },
            Msg::DuplicateCode { id, line, name } => (
                format!(
                    "trùng xã: mã {id} ở dòng {line} là cùng mã nhưng khác số 0 ở đầu, và cùng tên ({name}); hãy ghi mỗi mã một lần, cùng một cách (dạng văn bản, để giữ số 0)"
                ),
                format!(
                    "duplicate commune: {id} on line {line} is the same code with other leading zeros, and the same name ({name}); write each code once, the same way (as text, to keep its zeros)"
                ),
            ),
            Msg::UnknownRegion {
                name_vi,
                name_en,
                codes,
            } => {
                let codes = codes.join(", ");
                (
                    format!(
                        "không rõ {}; phải là một trong {codes} (hoặc tên đầy đủ)",
                        name_vi.to_lowercase()
                    ),
                    format!(
                        "unknown {}; expected one of {codes} (or the full name)",
                        name_en.to_lowercase()
                    ),
                )
            }
            Msg::NotYesNo => (
                "phải là có hoặc không (Có/Không, x, 1/0)".into(),
                "expected yes or no (Có/Không, x, 1/0)".into(),
            ),
            Msg::NotAYear(false) => (
                "phải là một năm, ví dụ 2024".into(),
                "expected a year such as 2024".into(),
            ),
            Msg::NotAYear(true) => (
                "phải là năm của quyết định công nhận, ví dụ 2023".into(),
                "expected the year of the recognition decision, such as 2023".into(),
            ),
            Msg::YearOutsideSet {
                year,
                set,
                period,
                instead,
            } => {
                let (iv, ie) = instead.as_ref().map_or_else(
                    || {
                        (
                            " và không có bộ tiêu chí có sẵn nào cho năm đó".to_owned(),
                            " and no built-in set is for that year".to_owned(),
                        )
                    },
                    |id| {
                        (
                            format!("; với khảo sát năm {year} hãy thêm --criteria {id}"),
                            format!("; pass --criteria {id} for a {year} survey"),
                        )
                    },
                );
                (
                    format!("năm {year} nằm ngoài giai đoạn của bộ tiêu chí {set} ({period}){iv}"),
                    format!("year {year} is outside the period of criteria set {set} ({period}){ie}"),
                )
            }
            Msg::BlankPeriod => (
                "cần ghi kỳ báo cáo: tệp có cột kỳ (2025-10, 10/2025 hoặc 2025)".into(),
                "a period is required: the file has a period column (2025-10, 10/2025 or 2025)".into(),
            ),
            Msg::NotAPeriod => (
                "phải là một kỳ báo cáo, ví dụ 2025-10, 10/2025, T10/2025 hoặc 2025".into(),
                "expected a period such as 2025-10, 10/2025, T10/2025 or 2025".into(),
            ),
            Msg::PeriodDisagrees(period) => (
                format!("năm và kỳ báo cáo ({period}) không khớp nhau"),
                format!("the year and the period ({period}) disagree"),
            ),
            Msg::MonthWithoutYear => (
                "tháng cần có năm: hãy thêm cột năm, hoặc thêm --year".into(),
                "a month needs a year: add a year column, or pass --year".into(),
            ),
            Msg::NotAMonth => (
                "phải là một tháng, từ 1 đến 12: tệp có cột tháng".into(),
                "expected a month, 1 to 12: the file has a month column".into(),
            ),
            Msg::NotACount => (
                "phải là số thôn, một số nguyên từ 0 trở lên".into(),
                "expected a whole number of hamlets, 0 or more".into(),
            ),
            Msg::CountOverTotal(total) => (
                format!("nhiều hơn tổng số {total} thôn của xã"),
                format!("more than the commune's {total} hamlets"),
            ),
            Msg::NotAVerdict => (
                format!("không phải là {}", VERDICT_WORDS.0),
                format!("expected {}", VERDICT_WORDS.1),
            ),
            Msg::Number(problem) => {
                let (vi, en) = match problem {
                    NumberProblem::NotANumber => (
                        "không phải là số; cần một số như 45,5 hoặc 45.5",
                        "not a number; expected a number such as 45.5 or 45,5",
                    ),
                    NumberProblem::Ambiguous => (
                        "số không rõ nghĩa: một dấu đứng trước đúng ba chữ số có thể là dấu thập phân hoặc dấu phân cách hàng nghìn; hãy ghi 45000 hoặc 45,0 (45.0)",
                        "ambiguous number: one mark before exactly three digits can be a decimal mark or a thousands separator; write 45000 or 45.0 (45,0)",
                    ),
                    NumberProblem::Malformed => (
                        "không phải là số: các dấu . và , không theo quy tắc nào; hãy ghi với một dấu thập phân (45,5 hoặc 45.5)",
                        "not a number: its . and , follow no pattern; write it with one decimal mark (45.5 or 45,5)",
                    ),
                    NumberProblem::UnexpectedPercent => (
                        "chỉ tiêu này không tính bằng phần trăm; hãy bỏ dấu %",
                        "this indicator is not a percentage; remove the %",
                    ),
                    NumberProblem::UnexpectedUnit => (
                        "chữ sau con số không phải đơn vị của chỉ tiêu; hãy bỏ đơn vị đi",
                        "text after the number is not the indicator's unit; leave the unit out",
                    ),
                    NumberProblem::PercentOutOfRange => (
                        "tỷ lệ phần trăm phải từ 0 đến 100",
                        "a percentage must lie between 0 and 100",
                    ),
                };
                (
                    format!("{vi} (hoặc một kết quả: {})", INDICATOR_VERDICT_WORDS.0),
                    format!("{en} (or a verdict: {})", INDICATOR_VERDICT_WORDS.1),
                )
            }
            Msg::UnknownTier(tiers) => {
                let tiers = tiers.join(", ");
                (
                    format!(
                        "phải là mức đã được công nhận: {tiers} (hoặc Đạt chuẩn, Nâng cao, Kiểu mẫu, Hiện đại), hoặc Không"
                    ),
                    format!(
                        "expected the tier recognised: {tiers} (or Đạt chuẩn, Nâng cao, Kiểu mẫu, Hiện đại), or Không"
                    ),
                )
            }
            Msg::MissingRegion {
                ids,
                name_vi,
                name_en,
                column,
            } => {
                let (wv, we) = indicators(ids);
                (
                    format!(
                        "{wv}: ngưỡng khác nhau theo {}, mà dòng này không có; hãy điền cột «{column}»",
                        name_vi.to_lowercase()
                    ),
                    format!(
                        "{we}: thresholds differ by {}, and this row has none; fill in column \"{column}\"",
                        name_en.to_lowercase()
                    ),
                )
            }
            Msg::MissingYear(ids) => {
                let (wv, we) = indicators(ids);
                (
                    format!(
                        "{wv}: ngưỡng khác nhau theo năm, mà dòng này không có năm; hãy thêm cột năm hoặc thêm --year"
                    ),
                    format!(
                        "{we}: thresholds differ by year, and this row has none; add a year column or pass --year"
                    ),
                )
            }
            Msg::YearWithoutThresholds {
                ids,
                set,
                first,
                last,
            } => {
                let (wv, we) = indicators(ids);
                (
                    format!("{wv}: bộ tiêu chí {set} chỉ có ngưỡng cho các năm {first}–{last}"),
                    format!("{we}: criteria set {set} has thresholds only for {first}–{last}"),
                )
            }
            Msg::VerdictDisagrees { column, indicators } => (
                format!(
                    "ghi «{column}» nhưng các chỉ tiêu cho kết quả «{indicators}»; dùng kết quả theo chỉ tiêu"
                ),
                format!(
                    "says \"{column}\" but the indicators give \"{indicators}\"; the indicators are used"
                ),
            ),
            Msg::MoreDisagreements(n) => (
                format!("… và {n} chỗ khác cột kết quả không khớp với các chỉ tiêu"),
                format!("… and {n} more disagreement(s) between verdict columns and indicators"),
            ),
            Msg::NumberForYesNo { id, years, source } => {
                let (yv, ye) = years.as_ref().map_or_else(Default::default, |y| {
                    (format!(" (khảo sát {y})"), format!(" (surveys {y})"))
                });
                (
                    format!(
                        "là một con số, nhưng chỉ tiêu {id}{yv} chỉ đánh giá có/không ({source}); không đánh giá: hãy ghi Có hoặc Không (Đạt / Không đạt)"
                    ),
                    format!(
                        "a number, but indicator {id}{ye} is a yes/no ({source}); left not assessed: write Có or Không (Đạt / Không đạt)"
                    ),
                )
            }
            Msg::MoreNumbersForYesNo(n) => (
                format!("… và {n} con số khác ghi cho chỉ tiêu có/không, không đánh giá"),
                format!("… and {n} more number(s) given for a yes/no indicator, left not assessed"),
            ),
            Msg::ConditionNotMet {
                said,
                tier,
                name_vi,
                name_en,
                source,
            } => {
                let (sv, se) = said.as_ref().map_or_else(
                    || {
                        (
                            "để trống (chưa đánh giá)".to_owned(),
                            "is blank (not assessed)".to_owned(),
                        )
                    },
                    |v| (format!("ghi «{v}»"), format!("says \"{v}\"")),
                );
                (
                    format!(
                        "{sv}: xã đạt các tiêu chí của mức «{}» nhưng để được công nhận cần «{name_vi}» ({source}), nên xã không được tính ở mức đó",
                        tier.vi
                    ),
                    format!(
                        "{se}: the commune meets the criteria of tier {} but recognition needs \"{name_en}\" ({source}), so the commune is not counted at that tier",
                        tier.id
                    ),
                )
            }
            Msg::MoreConditionsNotMet(n) => (
                format!("… và {n} xã khác chưa được tính ở một mức vì điều kiện công nhận"),
                format!("… and {n} more commune(s) kept below a tier by a recognition condition"),
            ),
            Msg::NoVersionForYear {
                indicator,
                tier,
                set,
                covered,
                years,
                column,
            } => {
                let covered = covered.join(", ");
                let years = ranges(years.iter().copied());
                (
                    format!(
                        "chỉ tiêu {indicator}: bộ tiêu chí {set}, mức «{}», chỉ có chỉ tiêu này cho khảo sát {covered}, không cho các giá trị ghi năm {years}; các giá trị đó không được đánh giá (hãy ghi kết quả vào cột {column})",
                        tier.vi
                    ),
                    format!(
                        "indicator {indicator}: the {} set {set} knows it only for surveys {covered}, not the value(s) given for {years}; those values were left not assessed (record the verdict in column {column} instead)",
                        tier.id
                    ),
                )
            }
            Msg::UnknownThreshold {
                indicator,
                tier,
                classes,
                years,
                set,
                column,
            } => {
                let mut at = Vec::new();
                if !classes.is_empty() {
                    at.push(classes.join(", "));
                }
                if !years.is_empty() {
                    at.push(ranges(years.iter().copied()));
                }
                let (av, ae) = if at.is_empty() {
                    Default::default()
                } else {
                    (
                        format!(" cho {}", at.join(" năm ")),
                        format!(" for {}", at.join(" in ")),
                    )
                };
                (
                    format!(
                        "chỉ tiêu {indicator}: bộ tiêu chí {set} không có ngưỡng của mức «{}»{av}; các giá trị đó không được đánh giá (hãy ghi kết quả vào cột {column})",
                        tier.vi
                    ),
                    format!(
                        "indicator {indicator}: the {} threshold{ae} is not known to criteria set {set}; those values were left not assessed (record the verdict in column {column} instead)",
                        tier.id
                    ),
                )
            }
            Msg::UnverifiedThreshold { ids, set } => {
                let ids = ids.join(", ");
                (
                    format!(
                        "ngưỡng của chỉ tiêu {ids} chưa được đối chiếu với văn bản pháp luật; xem `ntm criteria show {set}`"
                    ),
                    format!(
                        "thresholds of indicator(s) {ids} are not verified against the legal text; see `ntm criteria show {set}`"
                    ),
                )
            }
            Msg::SkippedRows(kinds) => {
                let said = |lang: Lang| {
                    let parts: Vec<String> = kinds
                        .iter()
                        .map(|(kind, lines)| {
                            let n = lines.len();
                            let lines_said = ranges(lines.iter().copied());
                            let (vi, one, many) = match kind {
                                SkippedKind::Blank => ("dòng trống", "blank row", "blank rows"),
                                SkippedKind::Totals => ("dòng tổng", "totals row", "totals rows"),
                                SkippedKind::ColumnNumbers => (
                                    "dòng đánh số cột",
                                    "row of column numbers",
                                    "rows of column numbers",
                                ),
                                SkippedKind::UnderTable => (
                                    "dòng dưới bảng",
                                    "row under the table",
                                    "rows under the table",
                                ),
                                SkippedKind::Heading => {
                                    ("dòng tiêu đề nhóm", "group heading", "group headings")
                                }
                            };
                            match lang {
                                Lang::Vi => format!("{n} {vi} (dòng {lines_said})"),
                                Lang::En if n == 1 => format!("{n} {one} (line {lines_said})"),
                                Lang::En => format!("{n} {many} (lines {lines_said})"),
                            }
                        })
                        .collect();
                    let and = match lang {
                        Lang::Vi => "và",
                        Lang::En => "and",
                    };
                    match parts.split_last() {
                        Some((last, [])) => last.clone(),
                        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
                        None => String::new(),
                    }
                };
                (
                    format!("đã bỏ qua {}, vì không phải là xã", said(Lang::Vi)),
                    format!("skipped {}, which are not communes", said(Lang::En)),
                )
            }
            Msg::NoCommunes => (
                "tệp có dòng tiêu đề nhưng không có xã nào".into(),
                "the file has a header but no communes".into(),
            ),
            Msg::About(what, message) => (
                format!("{what}: {}", message.text(Lang::Vi)),
                format!("{what}: {}", message.text(Lang::En)),
            ),
            Msg::SetForYear { set, period, year } => (
                format!(
                    "dùng bộ tiêu chí {set} ({period}), bộ dành cho năm khảo sát {year}; --criteria để chọn bộ khác"
                ),
                format!(
                    "using criteria set {set} ({period}), the set for the survey's year {year}; --criteria chooses another"
                ),
            ),
            Msg::NotShown(n) => (
                format!("… và {n} lỗi khác không hiển thị"),
                format!("… and {n} more problem(s) not shown"),
            ),
            Msg::UnknownSet { name, ids } => (
                format!(
                    "không có bộ tiêu chí tích hợp sẵn «{name}» và cũng không có tệp này; các bộ tích hợp sẵn: {}",
                    ids.join(", ")
                ),
                format!(
                    "no built-in criteria set \"{name}\" and no such file; built-in sets: {}",
                    ids.join(", ")
                ),
            ),
            Msg::SheetOnCsv { sheet, file } => (
                format!(
                    "--sheet «{sheet}» chọn một trang của tệp Excel, nhưng {file} được đọc như tệp CSV; bỏ --sheet, hoặc đưa tệp Excel (.xlsx, .xls, .ods)"
                ),
                format!(
                    "--sheet \"{sheet}\" picks a sheet of a workbook, but {file} is read as CSV; drop --sheet, or give the workbook (.xlsx, .xls, .ods)"
                ),
            ),
            Msg::MissingSheet {
                file,
                sheet,
                sheets,
            } => (
                format!(
                    "{file}: không có trang «{sheet}»; các trang là: {}",
                    sheets.join(", ")
                ),
                format!(
                    "{file}: no sheet \"{sheet}\"; the sheets are: {}",
                    sheets.join(", ")
                ),
            ),
            Msg::OutputIsInput { output, input } => (
                format!(
                    "-o {output} trùng với tệp đầu vào {input}; ghi vào đó sẽ xóa mất tệp: hãy ghi kết quả ra tệp khác"
                ),
                format!(
                    "-o {output} names the input file {input}; writing there would replace it: write the output to another file"
                ),
            ),
            Msg::WorkbookToStdout { command } => (
                format!(
                    "không thể ghi tệp Excel ra màn hình (đầu ra chuẩn); hãy đặt tên tệp: ntm {command} … -o TỆP.xlsx"
                ),
                format!(
                    "a workbook cannot go to standard output; name the file: ntm {command} … -o FILE.xlsx"
                ),
            ),
            Msg::WrongExtension {
                command,
                extension,
                extensions,
            } => (
                format!(
                    "ntm {command} không ghi tệp .{extension}; lệnh này ghi {} (-o TỆP với một trong các đuôi đó, hoặc --format)",
                    extensions.join(", ")
                ),
                format!(
                    "ntm {command} does not write .{extension} files; it writes {} (-o FILE with one of those extensions, or --format)",
                    extensions.join(", ")
                ),
            ),
            Msg::FormatNotWritten {
                command,
                format,
                formats,
            } => (
                format!(
                    "ntm {command} không ghi định dạng {format}; lệnh này ghi {}",
                    formats.join(", ")
                ),
                format!(
                    "ntm {command} does not write {format}; it writes {}",
                    formats.join(", ")
                ),
            ),
            Msg::CannotBeScored { file } => (
                format!("{file} có lỗi khiến tệp không chấm điểm được"),
                format!("{file} has problems that stop it being scored"),
            ),
            Msg::DistrictsAbolished { year } => (
                format!(
                    "cấp huyện đã bỏ từ 1/7/2025, nên khảo sát năm {year} được báo cáo cho toàn tỉnh; --by CỘT để nhóm theo một cột như khu vực quy hoạch, --by district để nhóm theo cột huyện"
                ),
                format!(
                    "districts were abolished on 1/7/2025, so the {year} survey is reported for the province as a whole; --by COLUMN groups it by a column such as a planning area, --by district by the district column"
                ),
            ),
            Msg::TargetDistrictWithoutCommunes { district } => (
                format!("tệp mục tiêu có huyện {district}, nhưng dữ liệu không có xã nào của huyện này"),
                format!("the targets name district {district}, which has no communes in the data"),
            ),
            Msg::DistrictTargetsNotJudged { column } => (
                format!(
                    "mục tiêu của các huyện chỉ được xét khi nhóm theo huyện; khi nhóm theo {column}, chỉ xét mục tiêu của tỉnh"
                ),
                format!(
                    "the targets of districts are judged when grouping by district; grouped by {column}, only the province's are"
                ),
            ),
            Msg::RecognisedBelow { communes } => (
                format!(
                    "{} xã đã được công nhận ở một mức nay không còn đạt mức đó: {}",
                    communes.len(),
                    communes.join(", ")
                ),
                format!(
                    "{} commune(s) recognised at a tier no longer meet it: {}",
                    communes.len(),
                    communes.join(", ")
                ),
            ),
            Msg::BomNotCsv { format } => (
                format!(
                    "--bom thêm dấu BOM vào đầu tệp CSV; đầu ra ở đây là {format}: bỏ --bom, hoặc dùng --format csv"
                ),
                format!(
                    "--bom starts CSV output with a byte-order mark; the output here is {format}: drop --bom, or pass --format csv"
                ),
            ),
            Msg::FormatNotExtension { output, format } => (
                format!(
                    "--format {format} không khớp với đuôi của tệp {output}: bỏ --format để ghi theo đuôi tệp, hoặc đổi đuôi tệp cho đúng định dạng {format}"
                ),
                format!(
                    "--format {format} does not match the extension of {output}: drop --format to write what the extension names, or give the file the extension of {format}"
                ),
            ),
            Msg::BrowserNotFound { browser } => (
                format!(
                    "không tìm thấy trình duyệt «{browser}» mà NTM_BROWSER (hoặc browser trong [report] của ntm.toml) chỉ ra; hãy ghi đường dẫn đầy đủ tới Chromium, Chrome hoặc Edge"
                ),
                format!(
                    "the browser {browser} named by NTM_BROWSER (or browser under [report] in ntm.toml) is not there; give the full path of Chromium, Chrome or Edge"
                ),
            ),
            Msg::NoBrowserForPdf => (
                "để in báo cáo ra PDF cần Chromium, Google Chrome hoặc Microsoft Edge, mà máy này không tìm thấy trình duyệt nào. Cách khác: ghi báo cáo ra HTML (ntm report … -o bao-cao.html), mở bằng trình duyệt và chọn In → Lưu dưới dạng PDF, khổ A4; hoặc chạy chromium --headless --no-pdf-header-footer --print-to-pdf=bao-cao.pdf bao-cao.html; hoặc đặt NTM_BROWSER là đường dẫn tới trình duyệt".to_owned(),
                "printing the report to PDF needs Chromium, Google Chrome or Microsoft Edge, and none was found. Instead: write the report as HTML (ntm report … -o report.html), open it in a browser and print it to PDF on A4; or run chromium --headless --no-pdf-header-footer --print-to-pdf=report.pdf report.html; or set NTM_BROWSER to the browser's path".to_owned(),
            ),
            Msg::PrintingPdf { browser, communes } => (
                format!(
                    "đang in PDF bằng {browser} ({communes} xã trong phụ lục; báo cáo lớn có thể mất vài phút)"
                ),
                format!(
                    "printing the PDF with {browser} ({communes} communes in the appendix; a large report can take minutes)"
                ),
            ),
            Msg::PdfBrowserNotStarted { browser, error } => (
                format!("không chạy được trình duyệt {browser} để in PDF: {error}"),
                format!("could not start the browser {browser} to print the PDF: {error}"),
            ),
            Msg::PdfTimedOut { browser, seconds } => (
                format!(
                    "trình duyệt {browser} chưa in xong PDF sau {seconds} giây nên đã bị dừng; không tệp nào được ghi"
                ),
                format!(
                    "the browser {browser} had not printed the PDF after {seconds} s and was stopped; no file was written"
                ),
            ),
            Msg::PdfFailed {
                browser,
                code,
                said,
            } => {
                let said = colon(said);
                let (vi, en) = code.map_or_else(
                    || ("bị dừng bởi một tín hiệu".to_owned(), "ended by a signal".to_owned()),
                    |code| (format!("mã thoát {code}"), format!("exit code {code}")),
                );
                (
                    format!(
                        "trình duyệt {browser} không in được PDF ({vi}); không tệp nào được ghi{said}"
                    ),
                    format!(
                        "the browser {browser} could not print the PDF ({en}); no file was written{said}"
                    ),
                )
            }
            Msg::PdfNotWritten { browser, said } => {
                let said = colon(said);
                (
                    format!(
                        "trình duyệt {browser} kết thúc mà không tạo ra tệp PDF; không tệp nào được ghi{said}"
                    ),
                    format!(
                        "the browser {browser} ended without writing a PDF; no file was written{said}"
                    ),
                )
            }
            Msg::PeriodWithoutColumn { wanted, file } => (
                format!(
                    "--period {wanted}: tệp {file} không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng)"
                ),
                format!("--period {wanted}: {file} has no period column (Kỳ, or Năm and Tháng)"),
            ),
            Msg::PeriodNotInFile {
                wanted,
                file,
                periods,
            } => (
                format!(
                    "--period {wanted}: tệp {file} không có dòng nào của kỳ này; các kỳ có trong tệp: {}",
                    periods.join(", ")
                ),
                format!(
                    "--period {wanted}: {file} has no rows for it; its periods are {}",
                    periods.join(", ")
                ),
            ),
            Msg::LatestPeriod {
                file,
                count,
                first,
                last,
            } => (
                format!(
                    "tệp {file} có {count} kỳ báo cáo, từ {first} đến {last}: báo cáo kỳ mới nhất; muốn chọn kỳ khác hãy dùng --period"
                ),
                format!(
                    "{file} holds {count} periods, {first} to {last}: this is the latest; --period names another"
                ),
            ),
            Msg::PeriodInTwoFiles {
                period,
                other,
                file,
            } => (
                format!(
                    "kỳ {period} có trong cả hai tệp {other} và {file}: mỗi kỳ chỉ được lấy từ một tệp"
                ),
                format!(
                    "period {period} is in both {other} and {file}: each period must come from one file"
                ),
            ),
            Msg::NoPeriodGiven { file } => (
                format!(
                    "tệp {file} không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng): hãy ghi kỳ của tệp bằng --period, mỗi tệp như vậy một giá trị, theo thứ tự"
                ),
                format!(
                    "{file} has no period column (Kỳ, or Năm and Tháng): name its period with --period, one for each such file in order"
                ),
            ),
            Msg::NoPeriodInName { file, or_given } => {
                let (rv, re) = if *or_given {
                    (
                        ", đặt tên tệp theo tháng, hoặc ghi kỳ của từng tệp như vậy bằng --period, theo thứ tự",
                        ", name the file with its month, or give each such file's period with --period, in order",
                    )
                } else {
                    (
                        " hoặc đặt tên tệp theo tháng",
                        " or name the file with its month",
                    )
                };
                (
                    format!(
                        "tệp {file} không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng), và tên tệp cũng không cho biết kỳ (thang-11-2025.xlsx, 2025-11.csv, hoặc thang-11.xlsx kèm --year 2025): hãy thêm cột Kỳ{rv}"
                    ),
                    format!(
                        "{file} has no period column (Kỳ, or Năm and Tháng), and its name gives none (thang-11-2025.xlsx, 2025-11.csv, or thang-11.xlsx with --year 2025): add a Kỳ column{re}"
                    ),
                )
            }
            Msg::ReportNeedsPeriod { file } => (
                format!(
                    "tệp {file} không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng), và tên tệp cũng không cho biết kỳ (thang-12-2025.xlsx; thang-12.xlsx kèm --year 2025): diễn biến theo --history cần biết kỳ của tệp; hãy ghi kỳ bằng --period"
                ),
                format!(
                    "{file} has no period column (Kỳ, or Năm and Tháng), and its name gives none (thang-12-2025.xlsx; thang-12.xlsx with --year 2025): the trend of --history needs its period; name it with --period"
                ),
            ),
            Msg::TooManyPeriods => (
                "số giá trị --period nhiều hơn số tệp không có cột kỳ báo cáo".into(),
                "more --period values than files without a period column".into(),
            ),
            Msg::NoDistrictsInFiles => (
                "--by district: không tệp nào có cột huyện (Huyện) hoặc dòng tiêu đề nhóm ghi tên huyện; hãy dùng --by với một cột khác".into(),
                "--by district: no file has a district column (Huyện) or group headings that name districts; --by names another column".into(),
            ),
            Msg::NoDistricts { file } => (
                format!(
                    "--by district: tệp {file} không có cột huyện (Huyện) và không có dòng tiêu đề nhóm nào ghi tên huyện; hãy dùng --by với một cột khác, hoặc --by province để báo cáo cho toàn tỉnh"
                ),
                format!(
                    "--by district: {file} has no district column (Huyện) and no group headings that name districts; --by names another column, or --by province reports the province as a whole"
                ),
            ),
            Msg::TrendNeedsFile => (
                "ntm trend cần ít nhất một tệp khảo sát".into(),
                "ntm trend needs at least one survey file".into(),
            ),
            Msg::ReportToStdout { pdf: false } => (
                "không thể ghi tệp Excel ra màn hình (đầu ra chuẩn); hãy đặt tên tệp bằng -o bao-cao.xlsx".into(),
                "a workbook cannot go to standard output; name the file with -o report.xlsx".into(),
            ),
            Msg::ReportToStdout { pdf: true } => (
                "không thể ghi tệp PDF ra màn hình (đầu ra chuẩn); hãy đặt tên tệp bằng -o bao-cao.pdf".into(),
                "a PDF cannot go to standard output; name the file with -o report.pdf".into(),
            ),
            Msg::TrendEnds { period, later } => {
                let first = later.first().cloned().unwrap_or_default();
                let last = later.last().cloned().unwrap_or_default();
                let n = later.len();
                let (tv, te) = if n == 1 {
                    (String::new(), String::new())
                } else {
                    (format!(" đến {last}"), format!(" to {last}"))
                };
                (
                    format!(
                        "diễn biến chỉ tính đến kỳ {period}, kỳ được báo cáo; {n} kỳ sau đó không được đưa vào ({first}{tv})"
                    ),
                    format!(
                        "the trend ends at {period}, the period reported on; {} left out ({first}{te})",
                        if n == 1 {
                            "1 later period is".to_owned()
                        } else {
                            format!("{n} later periods are")
                        }
                    ),
                )
            }
            Msg::RowsNotCounted { file, rows } => (
                format!(
                    "{file}: {rows} dòng không đọc được nên không được tính; `ntm validate` liệt kê các lỗi của những dòng này"
                ),
                format!(
                    "{file}: {rows} row(s) could not be read and are not counted; `ntm validate` lists their problems"
                ),
            ),
            Msg::NothingToProfile { file } => (
                format!("{file}: không có dữ liệu nào để thống kê"),
                format!("{file}: nothing to profile"),
            ),
            Msg::SameCommuneOtherZeros { old, name, new } => (
                format!(
                    "xã {old} ({name}) trong tệp mới là {new}: hai mã chỉ khác nhau ở số 0 đầu và trùng tên, nên được coi là một xã"
                ),
                format!(
                    "commune {old} ({name}) is {new} in the new file: the codes differ only in leading zeros and the names agree, so they are taken as one commune"
                ),
            ),
            Msg::TwoCommunesOtherZeros {
                old,
                old_name,
                new,
                new_name,
            } => (
                format!(
                    "mã {old} ({old_name}) và {new} ({new_name}) chỉ khác nhau ở số 0 đầu, nhưng tên không trùng: được coi là hai xã"
                ),
                format!(
                    "codes {old} ({old_name}) and {new} ({new_name}) differ only in leading zeros, but the names do not agree: they are taken as two communes"
                ),
            ),
            Msg::MapColumns => (
                "bảng sáp nhập cần hai cột: Mã xã cũ và Mã xã mới (hoặc old_id và new_id)".into(),
                "the map needs two columns: old_id and new_id (or Mã xã cũ and Mã xã mới)".into(),
            ),
            Msg::MapRowNeedsBoth => (
                "mỗi dòng của bảng sáp nhập cần có cả mã xã cũ và mã xã mới".into(),
                "a row of the map needs both an old_id and a new_id".into(),
            ),
            Msg::MapTwice { from, before, to } => (
                format!("xã cũ {from} được ghi hai lần, vào {before} và vào {to}"),
                format!("old commune {from} is mapped twice, into {before} and into {to}"),
            ),
            Msg::WorkbookOnStdin => (
                "đầu vào chuẩn chứa một tệp Excel; tệp Excel phải được chỉ bằng đường dẫn (ntm score bieu-01.xlsx), không đưa qua đầu vào chuẩn".into(),
                "standard input holds a workbook, which must be given as a file path (ntm score bieu-01.xlsx), not on standard input".into(),
            ),
            Msg::UnnamedWorkbook { file } => (
                format!(
                    "{file} là tệp Excel dù tên tệp không cho thấy điều đó: hãy đặt tên tệp có đuôi .xlsx (hoặc .xls), hoặc lưu tệp dạng CSV"
                ),
                format!(
                    "{file} is a workbook, though its name does not say so: give it a name ending in .xlsx (or .xls), or save it as CSV"
                ),
            ),
            Msg::HeaderRowPastEnd { file, row, lines } => (
                format!("{file}: --header-row {row}: tệp chỉ có {lines} dòng"),
                format!("{file}: --header-row {row}: the file has {lines} line(s)"),
            ),
            Msg::HeaderRowEmpty { file, row, sheet } => (
                format!(
                    "{file}: --header-row {row}: trang tính «{sheet}» không có dòng {row}, hoặc dòng đó để trống"
                ),
                format!(
                    "{file}: --header-row {row}: sheet \"{sheet}\" has no row {row} with anything in it"
                ),
            ),
            Msg::NoGroupColumn {
                file,
                asked,
                near,
                columns,
            } => {
                let (tv, te) = match near {
                    Some(near) => (
                        format!("; {}", Hint::DidYouMean(near.clone()).text(Lang::Vi)),
                        format!("; {}", Hint::DidYouMean(near.clone()).text(Lang::En)),
                    ),
                    None => (
                        format!("; các cột của tệp: {}", columns.join(", ")),
                        format!("; its columns are {}", columns.join(", ")),
                    ),
                };
                (
                    format!("{file}: không có cột «{asked}» để nhóm theo (--by){tv}"),
                    format!("{file}: no column \"{asked}\" to group by (--by){te}"),
                )
            }
            Msg::OverlayTooDeep { file, base, depth } => (
                format!(
                    "{file}: extends {base}: quá {depth} tệp bổ sung chồng lên nhau (có tệp nào tự mở rộng chính nó không?)"
                ),
                format!(
                    "{file}: extends {base}: more than {depth} overlays on one another (does a file extend itself?)"
                ),
            ),
            Msg::OverlayBaseMissing {
                file,
                line,
                base,
                path,
            } => (
                format!(
                    "{file}, dòng {line}: extends «{base}», nhưng đó không phải bộ tiêu chí có sẵn, cũng không phải một tệp (không có tệp {path})"
                ),
                format!(
                    "{file}:{line}: extends \"{base}\", which is neither a built-in set nor a file ({path} does not exist)"
                ),
            ),
            Msg::Config {
                file,
                line,
                message,
                hint,
            } => {
                let (hv, he) = if *hint {
                    (
                        "; tệp cấu hình có các khóa criteria, targets, lang (vi|en), by (district, province hoặc tên một cột) và bảng [report] gồm issuer, place, number, signer, browser",
                        "; expected the keys criteria, targets, lang (vi|en), by (district, province or a column) and a [report] table of issuer, place, number, signer and browser",
                    )
                } else {
                    ("", "")
                };
                let (av, ae) = line.map_or_else(Default::default, |line| {
                    (format!(", dòng {line}"), format!(":{line}"))
                });
                (
                    format!("{file}{av}: {}{hv}", reader_words(message)),
                    format!("{file}{ae}: {message}{he}"),
                )
            }
            Msg::Yaml {
                file,
                line,
                kind,
                rendered,
            } => {
                let (av, ae) = line.map_or_else(Default::default, |line| {
                    (format!(", dòng {line}"), format!(":{line}"))
                });
                let (kv, ke) = match kind {
                    YamlKind::Set => ("tệp bộ tiêu chí", "criteria set"),
                    YamlKind::Overlay => ("tệp bổ sung bộ tiêu chí", "criteria overlay"),
                    YamlKind::Targets => ("tệp mục tiêu", "targets file"),
                };
                (
                    format!("{file}{av}: {kv} không hợp lệ\n{}", reader_words(rendered)),
                    format!("{file}{ae}: invalid {ke}\n{rendered}"),
                )
            }
            Msg::BadLangVariable { value } => (
                format!("NTM_LANG={value}: phải là vi hoặc en"),
                format!("NTM_LANG={value}: expected vi or en"),
            ),
            Msg::StdoutClosed => (
                "đầu ra chuẩn đã đóng, nên những gì ntm ghi ra sẽ mất; hãy chỉ nơi ghi: > TỆP, một đường ống, hoặc -o TỆP (-o /dev/null để bỏ đi)".into(),
                "standard output is closed, so what ntm writes would be lost; give it a place: > FILE, a pipe, or -o FILE (-o /dev/null to throw it away)".into(),
            ),
            Msg::NoSubcommand { name } => (
                format!(
                    "ntm không có lệnh con «{name}»; phải là một trong score, gaps, progress, trend, profile, diff, validate, template, report, criteria, completions, man"
                ),
                format!(
                    "ntm has no subcommand \"{name}\"; expected one of score, gaps, progress, trend, profile, diff, validate, template, report, criteria, completions, man"
                ),
            ),
            Msg::ValidateOk { file } => (
                format!("{file}: không có lỗi nào"),
                format!("{file}: ok"),
            ),
            Msg::ValidateSummary {
                file,
                errors,
                warnings,
                unlisted,
                rows,
                communes,
            } => {
                let plural =
                    |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
                let (uv, ue) = if *unlisted > 0 {
                    (
                        format!(" ({unlisted} không liệt kê)"),
                        format!(" ({unlisted} not listed)"),
                    )
                } else {
                    Default::default()
                };
                (
                    format!(
                        "{file}: {errors} lỗi, {warnings} cảnh báo{uv}; đã đọc {rows} dòng, chấm điểm được {communes} xã"
                    ),
                    format!(
                        "{file}: {}, {}{ue}; {} read, {communes} scored",
                        plural(*errors as u64, "error", "errors"),
                        plural(*warnings as u64, "warning", "warnings"),
                        plural(*rows, "row", "rows"),
                    ),
                )
            }
            Msg::BadDelimiter { value, reserved } => {
                let shown = format!("{value:?}");
                if *reserved {
                    (
                        format!(
                            "{shown} không dùng làm dấu phân cách được: ký tự này kết thúc dòng hoặc bao quanh một ô; hãy dùng , ; | hoặc tab"
                        ),
                        format!(
                            "{shown} cannot be the delimiter: it ends a line or quotes a field; use , ; | or tab"
                        ),
                    )
                } else {
                    (
                        format!("«{value}» không phải là một ký tự; hãy dùng , ; | hoặc tab"),
                        format!("\"{value}\" is not one character; use , ; | or tab"),
                    )
                }
            }
            Msg::NotAPeriodArgument(value) => (
                format!(
                    "«{value}» không phải là kỳ báo cáo; cần một tháng như 2025-10 hoặc một năm như 2025"
                ),
                format!(
                    "\"{value}\" is not a period; expected a month such as 2025-10 or a year such as 2025"
                ),
            ),
            Msg::NotADate(value) => (
                format!("«{value}» không phải là ngày; cần dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD)"),
                format!("\"{value}\" is not a date; expected YYYY-MM-DD"),
            ),
            Msg::NoDocumentFormat(name) => (
                format!("không có định dạng tài liệu «{name}»"),
                format!("no document format {name:?}"),
            ),
            Msg::NoProblemCode(name) => (
                format!("không có mã lỗi «{name}»"),
                format!("no problem code {name:?}"),
            ),
            Msg::TargetsForOtherSet { targets, set } => (
                format!(
                    "mục tiêu được lập cho bộ tiêu chí {targets}, nhưng dữ liệu được chấm theo {set}; hãy thêm --criteria {targets} hoặc sửa tệp mục tiêu"
                ),
                format!(
                    "the targets are for criteria set {targets}, but the data is scored with {set}; pass --criteria {targets} or change the targets"
                ),
            ),
            Msg::TargetMinCriteria {
                district,
                min,
                total,
            } => {
                let (dv, de) = district_scope(district.as_deref());
                (
                    format!(
                        "{dv}min_criteria_per_commune {min} lớn hơn số tiêu chí của bộ ({total} tiêu chí)"
                    ),
                    format!(
                        "{de}min_criteria_per_commune {min} is more than the set's {total} criteria"
                    ),
                )
            }
            Msg::TargetAverage {
                district,
                average,
                total,
            } => {
                let (dv, de) = district_scope(district.as_deref());
                (
                    format!("{dv}average_criteria {average} nằm ngoài khoảng 0–{total}"),
                    format!("{de}average_criteria {average} is outside 0–{total}"),
                )
            }
            Msg::TargetShare { district, share } => {
                let (dv, de) = district_scope(district.as_deref());
                (
                    format!(
                        "{dv}hamlet_standard_share {share} phải là một tỷ lệ từ 0 đến 1 (0.30 nghĩa là 30%)"
                    ),
                    format!(
                        "{de}hamlet_standard_share {share} must be a share between 0 and 1 (0.30 for 30%)"
                    ),
                )
            }
            Msg::TargetNoTier {
                district,
                key,
                set,
                tier,
                tiers,
            } => {
                let (dv, de) = district_scope(district.as_deref());
                let tiers = tiers.join(", ");
                (
                    format!(
                        "{dv}{key}: bộ tiêu chí {set} không có mức «{tier}» (các mức của bộ: {tiers})"
                    ),
                    format!(
                        "{de}{key}: criteria set {set} has no tier \"{tier}\" (its tiers: {tiers})"
                    ),
                )
            }
            Msg::TargetDistrictTwice { district } => (
                format!("huyện {district} được ghi hai lần"),
                format!("district {district} is listed twice"),
            ),
            Msg::SetNotADate(value) => (
                format!("«{value}» không phải là ngày; cần ghi theo dạng YYYY-MM-DD, ví dụ 2022-03-08"),
                format!("\"{value}\" is not a date; expected YYYY-MM-DD, e.g. 2022-03-08"),
            ),
            Msg::SetEmpty(field) => field.texts(),
            Msg::SetListsNothing(listing) => listing.texts(),
            Msg::SetBackwards(backwards) => backwards.texts(),
            Msg::SetBadName(naming) => naming.texts(),
            Msg::SetTwice(twice) => twice.texts(),
            Msg::SetUnknown(unknown) => unknown.texts(),
            Msg::SetColumnClash(clash) => clash.texts(),
            Msg::SetShape(shape) => shape.texts(),
            Msg::SetOutOfRange(range) => range.texts(),
            Msg::SetBands { gap, base } => gap.texts(*base),
            Msg::Overlay(rule) => rule.texts(),
            Msg::OverlayLoosens(loosening) => loosening.texts(),
            Msg::CriteriaOk {
                file,
                id,
                period,
                tiers,
                criteria,
                indicators,
                unverified,
            } => (
                format!(
                    "{file}: hợp lệ — {id} ({period}), {tiers} mức, {criteria} tiêu chí, {indicators} chỉ tiêu, {unverified} mục chưa được đối chiếu với văn bản"
                ),
                format!(
                    "{file}: ok — {id} ({period}), {tiers} tier(s), {criteria} criteria, {indicators} indicators, {unverified} item(s) not verified"
                ),
            ),
        };
        pick(lang, vi, en)
    }
}

/// `: said`, or nothing when `said` is empty: what another program said, after a message.
fn colon(said: &str) -> String {
    if said.is_empty() {
        String::new()
    } else {
        format!(": {said}")
    }
}

/// What kind of YAML file failed to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlKind {
    /// A criteria set.
    Set,
    /// A provincial overlay of a set.
    Overlay,
    /// A targets file.
    Targets,
}

/// The words of a file reader (serde's, as the YAML and TOML readers give them) in
/// Vietnamese where their pattern is known: an unknown or missing key, a value not among those
/// allowed, a value of the wrong type, and `line N column M`; any other as written. The names
/// and values quoted stay as they are.
#[must_use]
pub fn reader_words(text: &str) -> String {
    text.split('\n')
        .map(reader_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// What says a reader's message in Vietnamese, given the words after its pattern's start.
type Reword = fn(&str) -> Option<String>;

fn reader_line(line: &str) -> String {
    // `line 2 column 1: …` before the message
    if let Some(rest) = line.strip_prefix("line ")
        && let Some((at, message)) = rest.split_once(": ")
        && let Some((l, c)) = at.split_once(" column ")
        && l.bytes().all(|b| b.is_ascii_digit())
        && c.bytes().all(|b| b.is_ascii_digit())
    {
        return format!("dòng {l}, cột {c}: {}", reader_line(message));
    }
    let patterns: [(&str, Reword); 8] = [
        ("duplicate mapping key: ", |rest| {
            let key = rest.split_once(", set ").map_or(rest, |(key, _)| key);
            Some(format!("khóa {key} được ghi hai lần"))
        }),
        ("unknown field `", |rest| {
            let (name, tail) = rest.split_once('`')?;
            Some(match tail.strip_prefix(", expected one of ") {
                Some(keys) => format!("không có khóa `{name}`; các khóa dùng được: {keys}"),
                None => match tail.strip_prefix(", expected ") {
                    Some(key) => format!("không có khóa `{name}`; khóa dùng được: {key}"),
                    None => format!("không có khóa `{name}` ở đây"),
                },
            })
        }),
        ("unknown variant `", |rest| {
            let (name, tail) = rest.split_once('`')?;
            Some(match tail.strip_prefix(", expected one of ") {
                Some(values) => {
                    format!("giá trị `{name}` không hợp lệ; phải là một trong {values}")
                }
                None => match tail.strip_prefix(", expected ") {
                    Some(value) => format!(
                        "giá trị `{name}` không hợp lệ; phải là {}",
                        value.replace(" or ", " hoặc ")
                    ),
                    None => format!("giá trị `{name}` không hợp lệ"),
                },
            })
        }),
        ("missing field `", |rest| {
            let (name, _) = rest.split_once('`')?;
            Some(format!("thiếu khóa `{name}`"))
        }),
        ("duplicate field `", |rest| {
            let (name, _) = rest.split_once('`')?;
            Some(format!("khóa `{name}` được ghi hai lần"))
        }),
        ("invalid type: ", |rest| {
            let (found, wanted) = rest.split_once(", expected ")?;
            Some(format!("sai kiểu giá trị: có {found}, cần {wanted}"))
        }),
        ("invalid value: ", |rest| {
            let (found, wanted) = rest.split_once(", expected ")?;
            Some(format!("giá trị không hợp lệ: {found}, cần {wanted}"))
        }),
        ("invalid length ", |rest| {
            let (found, wanted) = rest.split_once(", expected ")?;
            Some(format!("sai số phần tử: {found}, cần {wanted}"))
        }),
    ];
    for (start, said) in patterns {
        if let Some(i) = line.find(start)
            && let Some(words) = said(&line[i + start.len()..])
        {
            return format!("{}{words}", &line[..i]);
        }
    }
    line.to_owned()
}

/// What is said of a file that could not be read or written, in `lang`: the file, and why.
#[must_use]
pub fn io(path: &str, source: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    match lang {
        Lang::En => format!("{path}: {source}"),
        Lang::Vi => match source.kind() {
            ErrorKind::NotFound => format!("{path}: không có tệp hoặc thư mục này"),
            ErrorKind::PermissionDenied => format!("{path}: không có quyền đọc hoặc ghi tệp này"),
            ErrorKind::IsADirectory => format!("{path}: đây là một thư mục, không phải tệp"),
            _ => format!("{path}: lỗi khi đọc hoặc ghi tệp ({source})"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    /// A message of each code, its dynamic parts filled in. The match has no catch-all: a new
    /// code does not compile until its message is here.
    #[allow(clippy::too_many_lines)]
    fn message_of(code: Code) -> Vec<Msg> {
        let ids = || vec!["2.1".to_owned(), "2.2".to_owned()];
        let set = || "vn-commune-2021-2025".to_owned();
        match code {
            Code::RaggedRow => vec![
                Msg::RaggedRow {
                    fields: 4,
                    header: 5,
                    open_quote: None,
                },
                Msg::RaggedRow {
                    fields: 4,
                    header: 5,
                    open_quote: Some((3, 2)),
                },
            ],
            Code::UnreadableRow => vec![Msg::UnreadableRow("CSV error".into())],
            Code::NotUtf8 => vec![Msg::NotUtf8],
            Code::ReplacementCharacter => vec![Msg::ReplacementCharacter],
            Code::UnreadableWorkbook => vec![
                Msg::UnreadableWorkbook {
                    sheet: None,
                    reason: "zip".into(),
                },
                Msg::UnreadableWorkbook {
                    sheet: Some("Biểu 01".into()),
                    reason: "zip".into(),
                },
                Msg::NoSheet,
            ],
            Code::EncryptedWorkbook => vec![Msg::EncryptedWorkbook],
            Code::WorkbookTooBig => vec![
                Msg::PartTooBig {
                    part: "xl/sheet1.xml".into(),
                    megabytes: 900,
                    limit: 512,
                },
                Msg::SheetTooBig {
                    sheet: "Biểu 01".into(),
                    what: TooBig::PastColumn {
                        cell: "ALM1".into(),
                        text: "x".into(),
                        column: "ALL".into(),
                    },
                    max_columns: 1000,
                    max_cells: 12_000_000,
                },
                Msg::SheetTooBig {
                    sheet: "Biểu 01".into(),
                    what: TooBig::Span {
                        rows: 20_000,
                        columns: 1000,
                        from: "A1".into(),
                        to: "ALL20000".into(),
                    },
                    max_columns: 1000,
                    max_cells: 12_000_000,
                },
            ],
            Code::NoIdColumn => vec![Msg::NoIdColumn(vec!["STT".into(), "Tên xã".into()])],
            Code::DuplicateColumn => vec![
                Msg::DuplicateColumn {
                    first: 3,
                    second: 7,
                    first_as: None,
                },
                Msg::DuplicateColumn {
                    first: 3,
                    second: 7,
                    first_as: Some("Tiêu chí 1".into()),
                },
            ],
            Code::MisnamedCriterion => vec![Msg::MisnamedCriterion {
                number: 2,
                own: Some("Giao thông".into()),
                named_number: 1,
                named: "Quy hoạch".into(),
            }],
            Code::WrongSet => vec![Msg::WrongSet {
                columns: vec!["TC19".into()],
                set: "vn-commune-2026-2030".into(),
                period: "2026–2030".into(),
                fit: set(),
                fit_period: "2021–2025".into(),
            }],
            Code::NoCriterionColumns => vec![Msg::NoCriterionColumns {
                set: set(),
                period: "2021–2025".into(),
                prefix: "TC".into(),
                first: 1,
            }],
            Code::UnknownColumn => vec![
                Msg::UnknownColumn {
                    set: set(),
                    hint: None,
                },
                Msg::UnknownColumn {
                    set: set(),
                    hint: Some(Hint::DidYouMean("commune_id".into())),
                },
                Msg::UnknownColumn {
                    set: set(),
                    hint: Some(Hint::NoCriterion {
                        tier: TierName::named("standard", "Xã đạt chuẩn nông thôn mới"),
                        number: 20,
                        numbers: (1..=19).collect(),
                    }),
                },
                Msg::UnknownColumn {
                    set: set(),
                    hint: Some(Hint::NoIndicator {
                        indicator: "2.9".into(),
                        criterion: "2".into(),
                        siblings: ids(),
                    }),
                },
                Msg::MoreUnknownColumns {
                    more: 4,
                    set: set(),
                },
            ],
            Code::BlankHeader => vec![Msg::BlankHeaders(vec![4]), Msg::BlankHeaders(vec![4, 5])],
            Code::MissingCriteria => vec![
                Msg::MissingCriteria {
                    total: 19,
                    missing: vec![19],
                },
                Msg::MissingCriteria {
                    total: 19,
                    missing: vec![18, 19],
                },
            ],
            Code::BlankId => vec![Msg::BlankId(false), Msg::BlankId(true)],
            Code::DuplicateId => vec![
                Msg::DuplicateId {
                    first: 2,
                    period: None,
                },
                Msg::DuplicateId {
                    first: 2,
                    period: Some("2025-10".into()),
                },
            ],
            Code::DuplicateCode => vec![Msg::DuplicateCode {
                id: "01229".into(),
                line: 4,
                name: "Xã An Bình".into(),
            }],
            Code::UnknownRegion => vec![Msg::UnknownRegion {
                name_vi: "Vùng".into(),
                name_en: "Region".into(),
                codes: vec!["TDMNPB".into(), "DBSH".into()],
            }],
            Code::NotYesNo => vec![Msg::NotYesNo],
            Code::NotAYear => vec![Msg::NotAYear(false), Msg::NotAYear(true)],
            Code::YearOutsideSet => vec![
                Msg::YearOutsideSet {
                    year: 2027,
                    set: set(),
                    period: "2021–2025".into(),
                    instead: Some("vn-commune-2026-2030".into()),
                },
                Msg::YearOutsideSet {
                    year: 2040,
                    set: set(),
                    period: "2021–2025".into(),
                    instead: None,
                },
            ],
            Code::BlankPeriod => vec![Msg::BlankPeriod],
            Code::NotAPeriod => vec![Msg::NotAPeriod],
            Code::PeriodDisagrees => vec![Msg::PeriodDisagrees("2025-10".into())],
            Code::MonthWithoutYear => vec![Msg::MonthWithoutYear],
            Code::NotAMonth => vec![Msg::NotAMonth],
            Code::NotACount => vec![Msg::NotACount],
            Code::CountOverTotal => vec![Msg::CountOverTotal(7)],
            Code::NotAVerdict => vec![Msg::NotAVerdict],
            Code::NotANumber => vec![Msg::Number(NumberProblem::NotANumber)],
            Code::AmbiguousNumber => vec![Msg::Number(NumberProblem::Ambiguous)],
            Code::MalformedNumber => vec![Msg::Number(NumberProblem::Malformed)],
            Code::UnexpectedPercent => vec![Msg::Number(NumberProblem::UnexpectedPercent)],
            Code::UnexpectedUnit => vec![Msg::Number(NumberProblem::UnexpectedUnit)],
            Code::PercentOutOfRange => vec![Msg::Number(NumberProblem::PercentOutOfRange)],
            Code::UnknownTier => vec![Msg::UnknownTier(vec!["standard".into()])],
            Code::MissingRegion => vec![Msg::MissingRegion {
                ids: ids(),
                name_vi: "Vùng".into(),
                name_en: "Region".into(),
                column: "region".into(),
            }],
            Code::MissingYear => vec![Msg::MissingYear(vec!["10".into()])],
            Code::YearWithoutThresholds => vec![Msg::YearWithoutThresholds {
                ids: ids(),
                set: set(),
                first: 2022,
                last: 2025,
            }],
            Code::VerdictDisagrees => vec![
                Msg::VerdictDisagrees {
                    column: "Đạt".into(),
                    indicators: "Không đạt".into(),
                },
                Msg::MoreDisagreements(3),
            ],
            Code::UnknownThreshold => vec![
                Msg::UnknownThreshold {
                    indicator: "10".into(),
                    tier: TierName::named("advanced", "Xã đạt chuẩn nông thôn mới nâng cao"),
                    classes: vec!["TDMNPB".into()],
                    years: vec![2022],
                    set: set(),
                    column: "NC10".into(),
                },
                Msg::UnknownThreshold {
                    indicator: "10".into(),
                    tier: TierName::named("advanced", "Xã đạt chuẩn nông thôn mới nâng cao"),
                    classes: Vec::new(),
                    years: Vec::new(),
                    set: set(),
                    column: "NC10".into(),
                },
            ],
            Code::UnverifiedThreshold => vec![Msg::UnverifiedThreshold {
                ids: ids(),
                set: set(),
            }],
            Code::NoVersionForYear => vec![Msg::NoVersionForYear {
                indicator: "17.8".into(),
                tier: TierName::named("standard", "Xã đạt chuẩn nông thôn mới"),
                set: set(),
                covered: vec!["2022–2025".into()],
                years: vec![2021],
                column: "TC17".into(),
            }],
            Code::NumberForYesNo => vec![
                Msg::NumberForYesNo {
                    id: "17.8".into(),
                    years: Some("2021".into()),
                    source: "QĐ 318".into(),
                },
                Msg::MoreNumbersForYesNo(2),
            ],
            Code::ConditionNotMet => vec![
                Msg::ConditionNotMet {
                    said: Some("Không đạt".into()),
                    tier: TierName::named("standard", "Xã đạt chuẩn nông thôn mới"),
                    name_vi: "Không nợ đọng".into(),
                    name_en: "No outstanding debt".into(),
                    source: "QĐ 18".into(),
                },
                Msg::ConditionNotMet {
                    said: None,
                    tier: TierName::named("standard", "Xã đạt chuẩn nông thôn mới"),
                    name_vi: "Không nợ đọng".into(),
                    name_en: "No outstanding debt".into(),
                    source: "QĐ 18".into(),
                },
                Msg::MoreConditionsNotMet(5),
            ],
            Code::SkippedRows => vec![Msg::SkippedRows(vec![
                (SkippedKind::Blank, vec![9]),
                (SkippedKind::Totals, vec![10]),
                (SkippedKind::ColumnNumbers, vec![3]),
                (SkippedKind::UnderTable, vec![11, 12]),
                (SkippedKind::Heading, vec![4]),
            ])],
            Code::NoCommunes => vec![Msg::NoCommunes],
        }
    }

    /// A message of each problem of a criteria file or an overlay, and of `criteria check`'s
    /// summary.
    #[allow(clippy::too_many_lines)]
    fn criteria_file_messages() -> Vec<Msg> {
        let id = || "2.1".to_owned();
        let tier = || "standard".to_owned();
        let base = || "vn-commune-2021-2025".to_owned();
        let mut out = vec![
            Msg::SetNotADate("08/03/2022".into()),
            Msg::SetBands {
                gap: BandGap::Uncovered { count: 5, total: 5 },
                base: false,
            },
            Msg::SetBands {
                gap: BandGap::Several {
                    count: 4,
                    bands: vec!["4".into(), "<5".into()],
                },
                base: true,
            },
            Msg::OverlayLoosens(Box::new(Loosening {
                id: id(),
                year: Some(2024),
                class: Some("NORTH".into()),
                comparison: ">=".into(),
                new: "60".into(),
                base: base(),
                old: "70".into(),
                source: "QĐ 318".into(),
            })),
            Msg::OverlayLoosens(Box::new(Loosening {
                id: id(),
                year: None,
                class: None,
                comparison: "<=".into(),
                new: "30".into(),
                base: base(),
                old: "24".into(),
                source: "QĐ 318".into(),
            })),
            Msg::CriteriaOk {
                file: "tinh.yaml".into(),
                id: "tinh".into(),
                period: "2021–2025".into(),
                tiers: 3,
                criteria: 41,
                indicators: 25,
                unverified: 1,
            },
        ];
        out.extend(
            [
                Field::Decision,
                Field::ClassificationColumn,
                Field::ClassCode,
                Field::OverrideSource,
                Field::TierSource,
                Field::OwnerChangeSource,
                Field::ConditionSource,
                Field::ThresholdSource(id()),
                Field::IndicatorId,
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Listing::LegalBasis,
                Listing::Classes,
                Listing::Tiers,
                Listing::Criteria(tier()),
                Listing::Years(id()),
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Backwards::Period {
                    from: 2025,
                    to: 2021,
                },
                Backwards::InForce {
                    from: "08/03/2022".into(),
                    until: "01/01/2022".into(),
                },
                Backwards::IndicatorYears {
                    id: id(),
                    from: 2024,
                    to: 2022,
                },
                Backwards::Band {
                    label: "4".into(),
                    min: 5,
                    max: 4,
                },
                Backwards::OwnerChanges(2),
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Naming::SetId("Tinh".into()),
                Naming::VerdictPrefix("tc".into()),
                Naming::TierId("none".into()),
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Twice::Class("NORTH".into()),
                Twice::Spelling {
                    class: "SOUTH".into(),
                    spelling: "mien bac".into(),
                    other: "NORTH".into(),
                },
                Twice::Tier(tier()),
                Twice::Criterion {
                    number: 2,
                    tier: tier(),
                },
                Twice::Indicator {
                    id: id(),
                    tier: tier(),
                },
                Twice::VerdictPrefix("TC".into()),
                Twice::OverlayTier(tier()),
                Twice::OverlayCriterion {
                    number: 2,
                    tier: tier(),
                },
                Twice::OverlayIndicator(id()),
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Unknown::OverrideClass("EAST".into()),
                Unknown::Class {
                    indicator: id(),
                    code: "EAST".into(),
                    codes: vec!["NORTH".into(), "SOUTH".into()],
                    base: false,
                },
                Unknown::Class {
                    indicator: id(),
                    code: "EAST".into(),
                    codes: vec!["NORTH".into()],
                    base: true,
                },
                Unknown::RelativeTo {
                    indicator: "10".into(),
                    named: "10".into(),
                    tier: "advanced".into(),
                },
                Unknown::Tier {
                    tier: "pilot".into(),
                    base: base(),
                    tiers: vec![tier()],
                },
                Unknown::Criterion {
                    number: 9,
                    tier: tier(),
                    base: base(),
                },
                Unknown::Indicator {
                    id: "2.9".into(),
                    criterion: 2,
                    tier: tier(),
                    base: base(),
                },
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Clash::Reserved("year".into()),
                Clash::Kind { id: id(), line: 12 },
                Clash::BaseKind(id()),
                Clash::VerdictColumn {
                    column: "TC1".into(),
                    criterion: 1,
                    tier: tier(),
                },
                Clash::Condition("year".into()),
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                Shape::YesNoTakesNothing(id()),
                Shape::YesNoNoThreshold(id()),
                Shape::NeedsComparison(id()),
                Shape::NeedsThreshold(id()),
                Shape::NeedsBoth(id()),
                Shape::OneForm {
                    id: id(),
                    relative: true,
                },
                Shape::OneForm {
                    id: id(),
                    relative: false,
                },
                Shape::YearOneForm {
                    id: id(),
                    year: 2024,
                },
                Shape::Factor(id()),
                Shape::NoValueFor {
                    id: id(),
                    classes: vec!["SOUTH".into()],
                },
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                OutOfRange::VerifiedUnknown {
                    id: id(),
                    year: None,
                },
                OutOfRange::NotFinite {
                    id: id(),
                    year: Some(2024),
                },
                OutOfRange::Percent {
                    id: id(),
                    year: None,
                    amount: "120".into(),
                },
                OutOfRange::Year {
                    id: id(),
                    year: 2026,
                    period: "2021–2025".into(),
                },
            ]
            .map(Msg::from),
        );
        out.extend(
            [
                OverlayRule::CriterionAlready {
                    number: 2,
                    tier: tier(),
                    base: base(),
                },
                OverlayRule::IndicatorAlready {
                    id: id(),
                    criterion: 2,
                },
                OverlayRule::Rename {
                    number: 2,
                    base: base(),
                },
                OverlayRule::OwnerSource(2),
                OverlayRule::StraySource(2),
                OverlayRule::AddedCriterion(5),
                OverlayRule::OnlyThreshold {
                    id: id(),
                    base: base(),
                },
                OverlayRule::AddedIndicator("5.1".into()),
            ]
            .map(Msg::from),
        );
        out
    }

    /// Every code's messages say something in both languages, and not the same thing.
    #[test]
    fn every_code_has_its_message_in_both_languages() {
        let mut others = vec![
            Msg::NotShown(3),
            Msg::SetForYear {
                set: "vn-commune-2021-2025".into(),
                period: "2021–2025".into(),
                year: 2022,
            },
            Msg::About("--year".into(), Box::new(Msg::NotAYear(false))),
            Msg::UnknownSet {
                name: "x".into(),
                ids: vec!["vn-commune-2021-2025".into()],
            },
            Msg::SheetOnCsv {
                sheet: "Biểu 01".into(),
                file: "a.csv".into(),
            },
            Msg::MissingSheet {
                file: "a.xlsx".into(),
                sheet: "Biểu 02".into(),
                sheets: vec!["Biểu 01".into()],
            },
            Msg::OutputIsInput {
                output: "a.csv".into(),
                input: "a.csv".into(),
            },
            Msg::WorkbookToStdout {
                command: "report".into(),
            },
            Msg::WrongExtension {
                command: "score".into(),
                extension: "pdf".into(),
                extensions: vec![".csv".into()],
            },
            Msg::FormatNotWritten {
                command: "trend".into(),
                format: "html".into(),
                formats: vec!["table".into()],
            },
            Msg::CannotBeScored {
                file: "a.csv".into(),
            },
            Msg::BomNotCsv {
                format: "json".into(),
            },
            Msg::DistrictsAbolished { year: 2026 },
            Msg::TargetDistrictWithoutCommunes {
                district: "Hòa An".into(),
            },
            Msg::DistrictTargetsNotJudged {
                column: "Vùng".into(),
            },
            Msg::RecognisedBelow {
                communes: vec!["X1".into()],
            },
            Msg::FormatNotExtension {
                output: "bao-cao.pdf".into(),
                format: "html".into(),
            },
            Msg::BrowserNotFound {
                browser: "/opt/chromium".into(),
            },
            Msg::NoBrowserForPdf,
            Msg::PrintingPdf {
                browser: "chromium".into(),
                communes: 139,
            },
            Msg::PdfBrowserNotStarted {
                browser: "chromium".into(),
                error: "permission denied".into(),
            },
            Msg::PdfTimedOut {
                browser: "chromium".into(),
                seconds: 120,
            },
            Msg::PdfFailed {
                browser: "chromium".into(),
                code: Some(1),
                said: "boom".into(),
            },
            Msg::PdfFailed {
                browser: "chromium".into(),
                code: None,
                said: String::new(),
            },
            Msg::PdfNotWritten {
                browser: "chromium".into(),
                said: String::new(),
            },
            Msg::TargetsForOtherSet {
                targets: "a".into(),
                set: "b".into(),
            },
            Msg::TargetMinCriteria {
                district: None,
                min: 20,
                total: 19,
            },
            Msg::TargetAverage {
                district: Some("Hòa An".into()),
                average: "20.5".into(),
                total: 19,
            },
            Msg::TargetShare {
                district: None,
                share: "30".into(),
            },
            Msg::TargetNoTier {
                district: None,
                key: "modern_communes".into(),
                set: "a".into(),
                tier: "modern".into(),
                tiers: vec!["standard".into()],
            },
            Msg::TargetDistrictTwice {
                district: "Hòa An".into(),
            },
            Msg::BadDelimiter {
                value: "\n".into(),
                reserved: true,
            },
            Msg::BadDelimiter {
                value: "ab".into(),
                reserved: false,
            },
            Msg::NotAPeriodArgument("13/2025".into()),
            Msg::NotADate("2025-13-01".into()),
            Msg::NoDocumentFormat("pdf".into()),
            Msg::NoProblemCode("x".into()),
            Msg::ValidateOk {
                file: "a.csv".into(),
            },
            Msg::ValidateSummary {
                file: "a.csv".into(),
                errors: 1,
                warnings: 2,
                unlisted: 3,
                rows: 4,
                communes: 5,
            },
            Msg::WorkbookOnStdin,
            Msg::UnnamedWorkbook {
                file: "a.csv".into(),
            },
            Msg::HeaderRowPastEnd {
                file: "a.csv".into(),
                row: 9,
                lines: 3,
            },
            Msg::HeaderRowEmpty {
                file: "a.xlsx".into(),
                row: 9,
                sheet: "Biểu 01".into(),
            },
            Msg::NoGroupColumn {
                file: "a.csv".into(),
                asked: "Vung".into(),
                near: Some("Vùng".into()),
                columns: Vec::new(),
            },
            Msg::NoGroupColumn {
                file: "a.csv".into(),
                asked: "x".into(),
                near: None,
                columns: vec!["Mã xã".into(), "TC1".into()],
            },
            Msg::OverlayTooDeep {
                file: "a.yaml".into(),
                base: "b.yaml".into(),
                depth: 8,
            },
            Msg::OverlayBaseMissing {
                file: "a.yaml".into(),
                line: 1,
                base: "b.yaml".into(),
                path: "b.yaml".into(),
            },
            Msg::Config {
                file: "ntm.toml".into(),
                line: Some(1),
                message: "unknown field `foo`, expected one of `criteria`, `lang`".into(),
                hint: false,
            },
            Msg::Config {
                file: "ntm.toml".into(),
                line: None,
                message: "string values must be quoted".into(),
                hint: true,
            },
            Msg::Yaml {
                file: "a.yaml".into(),
                line: Some(2),
                kind: YamlKind::Set,
                rendered: "line 2 column 1: unknown field `foo`".into(),
            },
            Msg::Yaml {
                file: "a.yaml".into(),
                line: None,
                kind: YamlKind::Overlay,
                rendered: "x".into(),
            },
            Msg::Yaml {
                file: "a.yaml".into(),
                line: None,
                kind: YamlKind::Targets,
                rendered: "x".into(),
            },
            Msg::BadLangVariable { value: "fr".into() },
            Msg::StdoutClosed,
            Msg::NoSubcommand { name: "x".into() },
            Msg::PeriodWithoutColumn {
                wanted: "2025-10".into(),
                file: "a.csv".into(),
            },
            Msg::PeriodNotInFile {
                wanted: "2025-10".into(),
                file: "a.csv".into(),
                periods: vec!["2025-09".into()],
            },
            Msg::LatestPeriod {
                file: "a.csv".into(),
                count: 2,
                first: "2025-09".into(),
                last: "2025-10".into(),
            },
            Msg::PeriodInTwoFiles {
                period: "2025-10".into(),
                other: "a.csv".into(),
                file: "b.csv".into(),
            },
            Msg::NoPeriodGiven {
                file: "a.csv".into(),
            },
            Msg::NoPeriodInName {
                file: "a.csv".into(),
                or_given: true,
            },
            Msg::NoPeriodInName {
                file: "a.csv".into(),
                or_given: false,
            },
            Msg::ReportNeedsPeriod {
                file: "a.csv".into(),
            },
            Msg::TooManyPeriods,
            Msg::NoDistrictsInFiles,
            Msg::NoDistricts {
                file: "a.csv".into(),
            },
            Msg::TrendNeedsFile,
            Msg::ReportToStdout { pdf: false },
            Msg::ReportToStdout { pdf: true },
            Msg::TrendEnds {
                period: "2025-10".into(),
                later: vec!["2025-11".into()],
            },
            Msg::TrendEnds {
                period: "2025-10".into(),
                later: vec!["2025-11".into(), "2025-12".into()],
            },
            Msg::RowsNotCounted {
                file: "a.csv".into(),
                rows: 2,
            },
            Msg::NothingToProfile {
                file: "a.csv".into(),
            },
            Msg::SameCommuneOtherZeros {
                old: "0123".into(),
                name: "Xã A".into(),
                new: "123".into(),
            },
            Msg::TwoCommunesOtherZeros {
                old: "0123".into(),
                old_name: "Xã A".into(),
                new: "123".into(),
                new_name: "Xã B".into(),
            },
            Msg::MapColumns,
            Msg::MapRowNeedsBoth,
            Msg::MapTwice {
                from: "X1".into(),
                before: "Y1".into(),
                to: "Y2".into(),
            },
        ];
        others.extend(criteria_file_messages());
        for &code in Code::ALL {
            let messages = message_of(code);
            assert!(!messages.is_empty(), "{code}");
            others.extend(messages);
        }
        for message in others {
            let (vi, en) = (message.text(Lang::Vi), message.text(Lang::En));
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{message:?}"
            );
            assert_ne!(vi, en, "{message:?}");
        }
    }

    /// The reader's words in Vietnamese where their pattern is known, the names as written.
    #[test]
    fn the_readers_words_read_in_vietnamese() {
        assert_eq!(
            reader_words(
                "line 2 column 1: unknown field `foo`, expected one of id, title\n  | ^ unknown field `foo`, expected one of id, title"
            ),
            "dòng 2, cột 1: không có khóa `foo`; các khóa dùng được: id, title\n  | ^ không có khóa `foo`; các khóa dùng được: id, title"
        );
        assert_eq!(
            reader_words("unknown variant `fr`, expected `vi` or `en`"),
            "giá trị `fr` không hợp lệ; phải là `vi` hoặc `en`"
        );
        assert_eq!(reader_words("missing field `id`"), "thiếu khóa `id`");
        assert_eq!(
            reader_words("invalid type: string \"x\", expected u16"),
            "sai kiểu giá trị: có string \"x\", cần u16"
        );
        assert_eq!(reader_words("unclosed bracket '['"), "unclosed bracket '['");
    }

    /// A message as written says the same in both.
    #[test]
    fn a_plain_message_is_as_written() {
        let plain = Msg::from("bad key");
        assert_eq!(plain.text(Lang::Vi), "bad key");
        assert_eq!(plain.text(Lang::En), "bad key");
    }
}
