//! The command line, declared with clap. This is the only module that knows clap: arguments are
//! turned once into the typed options of [`crate::cmd`].

mod completions;
mod help_vi;
mod usage_vi;

pub use usage_vi::Vietnamese;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::aggregate::progress::By;
use crate::cmd::criteria::{DIFF_FORMATS, LIST_FORMATS, SHOW_FORMATS};
use crate::cmd::diff::DiffOptions;
use crate::cmd::profile::ProfileOptions;
use crate::cmd::progress::ProgressOptions;
use crate::cmd::report::ReportOptions;
use crate::cmd::trend::TrendOptions;
use crate::cmd::validate::ValidateOptions;
use crate::code::Code;
use crate::config::Config;
use crate::criteria::{BUILTIN_SETS, SetChoice};
use crate::env::{Env, Verbosity};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::{DocumentFormat, RecordFormat};
use crate::scan::StreamOptions;
use crate::survey::input::{InputOptions, TextEncoding};
use crate::survey::period::Period;
use crate::term::ColorChoice;
use crate::text::extension_is;

const AFTER_HELP: &str = "\
Exit status: 0 success; 1 progress --check found a target not met; 2 usage or input error (every \
problem is listed on stderr with its file, line, column and value).

Examples:
  ntm score communes.csv
  ntm score communes.csv --format json > scores.json
  ntm gaps communes.csv
  ntm progress communes.csv --targets targets.yaml
  cat communes.csv | ntm score - --format ndjson | jq .tier
  ntm criteria list
  ntm criteria show vn-commune-2021-2025";

/// Score Vietnamese rural communes against the national New Rural Development criteria
/// (Nông thôn mới).
#[derive(Debug, Parser)]
#[command(name = "ntm", version, long_version = LONG_VERSION, after_help = AFTER_HELP)]
pub struct Cli {
    /// Language of help, messages and labels in tables and reports (criterion names, headers)
    /// [default: the `NTM_LANG` environment variable, else `lang` in ntm.toml, else vi].
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Defaults file [default: ntm.toml in the working folder, when there is one].
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<String>,
    /// When to colour `error:` and `warning:` on standard error; `auto` means on a terminal
    /// unless `NO_COLOR` is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    color: ColorArg,
    /// Quiet: errors only, no warnings and no progress ticker.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Verbose: every row warning, where repeated ones are otherwise capped.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// `ntm --version`: the version and the criteria sets built in. A test keeps the list in step
/// with [`crate::criteria::BUILTIN_SETS`].
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\n",
    "built-in criteria sets:\n",
    "  vn-commune-2016-2020  Decision 1980/QĐ-TTg (2016–2020)\n",
    "  vn-commune-2021-2025  Decisions 318/QĐ-TTg and 319/QĐ-TTg of 2022 (2021–2025)\n",
    "  vn-commune-2026-2030  Decision 51/2025/QĐ-TTg (2026–2030, in force from 15/02/2026)"
);

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorArg {
    /// Never colour.
    Never,
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Score each commune of a survey file: criteria met, band, tier, and which criteria are
    /// not met, basically met or not assessed.
    #[command(after_help = "\
The survey CSV has one row per commune: commune_id (required, unique), commune, district, \
province, the classification column of the set (region for 2016–2025, group for 2026–2030), year, \
hamlets, hamlets_standard, one column per indicator headed by its id (2.1, 10, 17.8), and/or one \
verdict column per criterion (TC1 … TC19; NC, KM, HD for higher tiers) holding Đạt / Không đạt / \
Cơ bản đạt. A blank cell is not assessed.

Examples:
  ntm score examples/tinh-mau-2026.csv
  ntm score examples/tinh-mau-2022.csv --criteria vn-commune-2021-2025
  ntm score communes.csv --format csv -o scores.csv
  ntm score - --format ndjson < communes.csv")]
    Score(ScoreArgs),
    /// For each commune below the top tier, what it lacks for the next tier, worst first: the
    /// criteria not met, and with indicator data each failing indicator with its value,
    /// threshold and shortfall.
    #[command(after_help = "\
Gaps are ordered worst first: indicators not met with the largest shortfall relative to their \
threshold, then other criteria not met, then criteria basically met, then criteria not assessed. \
CSV has one row per gap; JSON one object per commune with a list of gaps.

Examples:
  ntm gaps examples/tinh-mau-2022.csv --criteria vn-commune-2021-2025
  ntm gaps communes.csv --format json | jq '.[] | select(.next_tier == \"advanced\")'")]
    Gaps(ScoreArgs),
    /// Progress against targets: communes by tier and band, average criteria and hamlet share
    /// for the province and each district; each target with what is still needed; the criteria
    /// that hold communes back, with their departments; the communes closest to the next tier.
    #[command(after_help = "\
Gaps are counted in the unit people plan with: communes for commune counts; communes still \
below the minimum for min_criteria_per_commune (actual is then the lowest count found); hamlets \
still to be recognised for hamlet_standard_share; criteria still to be gained for \
average_criteria. A target that data not assessed leaves open is reported as such (met: null).

Exit status with --check: 0 when every target is met, 1 when any is not met or left open, \
2 on error.

Examples:
  ntm progress examples/tinh-mau-2022.csv --criteria vn-commune-2021-2025 --targets examples/muc-tieu-2025.yaml
  ntm progress communes.csv --targets targets.yaml --format markdown -o bao-cao.md
  ntm progress communes.csv --targets targets.yaml --check --format json > progress.json
  ntm progress thang-11.xlsx --by \"Khu vực\" --format markdown -o theo-khu-vuc.md")]
    Progress(ProgressArgs),
    /// Progress over time, from a panel (one file holding several periods) or one file per
    /// period: for each period the communes by tier and band, the average criteria, the hamlet
    /// share and every target's actual figure; with --targets, whether the province is on
    /// track (the pace needed per period left against the pace so far); and every commune
    /// that lost a criterion or a tier from one period to the next.
    #[command(after_help = "\
Periods come from the rows' period column (Kỳ: 2025-10, 10/2025, 2025; or Năm and Tháng), or, \
for files without one, from --period (once for each such file, in order) or, without --period, \
from each file's name (thang-10-2025.xlsx, 2025-10.csv; thang-10.xlsx with --year 2025). Files may come \
in any order; a file named twice is read once, and a period in two files is an error. The deadline of the targets is the end of their year (December for monthly \
periods); the pace so far is what was gained per period from the first period to the latest.

Examples:
  ntm trend panel-2025.csv --targets muc-tieu.yaml
  ntm trend thang-01.xlsx thang-02.xlsx thang-03.xlsx --period 2025-01 --period 2025-02 --period 2025-03
  ntm trend panel.csv --format csv > theo-thang.csv
  ntm trend thang-*-2025.xlsx --targets muc-tieu.yaml --by district -o nam-2025.xlsx")]
    Trend(TrendArgs),
    /// The first look at a new month's file: for every column the criteria set judges communes
    /// by, how many cells say met, basically met, not met or nothing, and for measured
    /// indicators the smallest, largest and mean value.
    #[command(after_help = "\
Rows that cannot be read are counted apart and left out of the figures; `ntm validate` lists \
their problems.

Examples:
  ntm profile bieu-01.xlsx --criteria vn-commune-2021-2025
  ntm profile communes.csv --format csv > ho-so-cot.csv")]
    Profile(ProfileArgs),
    /// What changed since the last survey: communes that moved up or down a tier, gained or
    /// lost criteria, appeared or went missing, and the province's totals. Communes that lost a
    /// criterion or a tier come first.
    #[command(after_help = "\
Communes are matched by commune_id; both files are scored with the same criteria set. JSON is one \
object {totals, communes}; NDJSON and CSV have one record per changed commune.

Exit status with --check: 1 when any commune lost a tier or a criterion.

Examples:
  ntm diff thang-10.csv thang-11.csv
  ntm diff thang-10.csv thang-11.csv --check --format json > thay-doi.json")]
    Diff(DiffArgs),
    /// Check a survey file against a criteria set without scoring it: unknown columns (with a
    /// "did you mean"), missing columns, duplicate commune ids, values that do not parse or are
    /// out of range, unknown regions or groups — each with a stable code (not-a-number,
    /// duplicate-id …). Exit status 2 when any problem is an error.
    #[command(after_help = "\
The codes, what each means and how to fix it, and the JSON report's fields and schema: \
docs/validate.md and docs/validate.schema.json. The same codes start the messages of score and \
the other commands (error[not-a-number]: …).

Examples:
  ntm validate communes.csv --criteria vn-commune-2021-2025
  ntm validate bieu-01.xlsx --sheet \"Biểu 01\" --format json
  ntm validate bieu-01.xlsx --skip unknown-column,skipped-rows
  ntm validate communes.csv --pick duplicate-id --format json")]
    Validate {
        /// Survey file: CSV, or a workbook (.xlsx, .xls, .ods); - for standard input.
        #[arg(value_name = "FILE")]
        input: String,
        /// Criteria set: a built-in id or a YAML file [default: the set for the
        /// year the rows name, else the newest set in force].
        #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
        criteria: Option<String>,
        /// Output format: a table for people, or the report as JSON (docs/validate.md).
        #[arg(short, long, default_value = "table", value_parser = documents(crate::cmd::validate::FORMATS))]
        format: DocumentFormat,
        /// Report only problems of these kinds (repeatable, or CODE,CODE).
        #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = codes(), hide_possible_values = true)]
        pick: Vec<Code>,
        /// Do not report problems of these kinds (repeatable, or CODE,CODE).
        #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = codes(), hide_possible_values = true)]
        skip: Vec<Code>,
        #[command(flatten)]
        read: InputArgs,
    },
    /// An empty survey file with the columns a criteria set needs and, above the header (CSV)
    /// or on a second sheet (-o template.xlsx), what to put in each — for data collectors.
    #[command(
        after_help = "Examples:\n  ntm template > bieu-thu-thap.csv\n  ntm template --criteria vn-commune-2021-2025 -o bieu-thu-thap.xlsx"
    )]
    Template {
        /// Criteria set: a built-in id or a YAML file [default: the newest set in force].
        #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
        criteria: Option<String>,
        /// Write to FILE (.csv or .xlsx) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<String>,
    },
    /// The monthly report as one document — HTML, Markdown or an Excel workbook — in
    /// Vietnamese by default: headline figures against targets, charts of bands and of tiers by
    /// district, bottleneck criteria with their departments, the communes closest to the next
    /// tier, what changed since the previous survey, and every commune as an appendix.
    #[command(after_help = "\
The format follows the -o file's extension (.html, .md, .xlsx, .pdf) unless --format names it. HTML is \
one self-contained file (no script, no network) that prints and reads on a phone. A PDF is that HTML \
printed on A4 by Chromium, Google Chrome or Microsoft Edge, found on PATH or named by NTM_BROWSER; \
without one, nothing is written and the error says how to print the HTML instead.

Examples:
  ntm report examples/tinh-mau-2022.csv --criteria vn-commune-2021-2025 --targets examples/muc-tieu-2025.yaml -o bao-cao.html
  ntm report thang-11.csv --targets muc-tieu.yaml --previous thang-10.csv -o bao-cao-thang-11.xlsx
  ntm --lang en report thang-11.csv --targets targets.yaml -o report.md
  ntm report thang-11.csv --targets muc-tieu.yaml -o bao-cao-thang-11.pdf
  ntm report thang-12-2025.xlsx --history thang-*.xlsx --targets muc-tieu.yaml -o bao-cao.html")]
    Report(ReportArgs),
    /// List and inspect criteria sets.
    #[command(after_help = "\
Examples:
  ntm criteria list
  ntm criteria show vn-commune-2021-2025
  ntm criteria show vn-commune-2026-2030 --format yaml > tinh.yaml
  ntm criteria check tinh.yaml
  ntm criteria diff vn-commune-2021-2025 vn-commune-2026-2030")]
    Criteria {
        #[command(subcommand)]
        command: CriteriaCommand,
    },
    /// Print a shell completion script to standard output.
    #[command(after_help = "\
Install (one of):
  ntm completions bash > ~/.local/share/bash-completion/completions/ntm
  ntm completions zsh > ~/.zfunc/_ntm      # with fpath+=(~/.zfunc) before compinit in ~/.zshrc
  ntm completions fish > ~/.config/fish/completions/ntm.fish
  ntm completions powershell >> $PROFILE")]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output.
    #[command(after_help = "\
Examples:
  ntm man | man -l -
  ntm man score | man -l -
  mkdir -p ~/.local/share/man/man1
  ntm man > ~/.local/share/man/man1/ntm.1
  for c in score gaps progress trend profile diff validate template report criteria completions man; do
    ntm man $c > ~/.local/share/man/man1/ntm-$c.1
  done")]
    Man {
        /// A subcommand, for its own page (ntm-score(1) and so on).
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

#[derive(Debug, clap::Args)]
struct ScoreArgs {
    /// Write CSV text as it is: do not prefix with ' the text cells that a spreadsheet would run
    /// as a formula (=, +, -, @).
    #[arg(long)]
    raw: bool,
    /// Start CSV output with a UTF-8 byte-order mark, so that Excel on Windows opens it with
    /// its Vietnamese letters intact.
    #[arg(long)]
    bom: bool,
    /// Survey CSV file, or - for standard input.
    #[arg(value_name = "FILE")]
    input: String,
    /// Criteria set: a built-in id (see `ntm criteria list`) or a YAML file [default: the set
    /// for the year the rows name, else the newest set in force, vn-commune-2026-2030 since
    /// 15/02/2026].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Output format [default: table on a terminal, otherwise from the -o extension, else csv].
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// Write to FILE instead of standard output; the file appears whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    #[command(flatten)]
    read: InputArgs,
}

/// How to read survey files; shared by every command that reads them.
#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Reading the survey")]
struct InputArgs {
    /// Year assessed, for rows without a `year` column (income thresholds differ by year).
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(u16).range(1990..=2100))]
    year: Option<u16>,
    /// Text encoding of CSV input [default: UTF-8, or UTF-16 when the file starts with a
    /// byte-order mark].
    #[arg(long, value_enum, value_name = "ENCODING")]
    encoding: Option<EncodingArg>,
    /// CSV delimiter: a character, or `tab` [default: sniffed from the header: comma, semicolon
    /// or tab].
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Sheet of a workbook (.xlsx, .xls, .ods) [default: the first].
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The line (CSV) or row (workbook) of the header, from 1 [default: the first row naming
    /// the commune id column, under any title block].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    header_row: Option<u64>,
}

impl InputArgs {
    fn options(self) -> InputOptions {
        InputOptions {
            encoding: match self.encoding {
                None => TextEncoding::Auto,
                Some(EncodingArg::Utf8) => TextEncoding::Utf8,
                Some(EncodingArg::Utf16le | EncodingArg::Utf16) => TextEncoding::Utf16Le,
                Some(EncodingArg::Utf16be) => TextEncoding::Utf16Be,
                Some(EncodingArg::Windows1258 | EncodingArg::Cp1258) => TextEncoding::Windows1258,
            },
            delimiter: self.delimiter,
            sheet: self.sheet,
            year: self.year,
            header_row: self.header_row,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EncodingArg {
    /// UTF-8.
    #[value(name = "utf-8")]
    Utf8,
    /// UTF-16, little-endian (what Excel saves as Unicode text).
    #[value(name = "utf-16")]
    Utf16,
    /// UTF-16, little-endian.
    #[value(name = "utf-16le")]
    Utf16le,
    /// UTF-16, big-endian.
    #[value(name = "utf-16be")]
    Utf16be,
    /// Windows-1258, the legacy Vietnamese code page.
    #[value(name = "windows-1258")]
    Windows1258,
    /// Windows-1258, by its other name.
    #[value(name = "cp1258")]
    Cp1258,
}

/// Why a value parser refused a value: a [`Msg`], said again in Vietnamese by
/// [`Vietnamese`].
type Refused = Box<dyn std::error::Error + Send + Sync>;

fn parse_delimiter(s: &str) -> Result<u8, Refused> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        // a line break or a quote cannot part fields: CSV gives them their own meaning
        "\r" | "\n" | "\"" => Err(Msg::BadDelimiter {
            value: s.to_owned(),
            reserved: true,
        }
        .into()),
        s if s.len() == 1 && s.is_ascii() => Ok(s.as_bytes()[0]),
        _ => Err(Msg::BadDelimiter {
            value: s.to_owned(),
            reserved: false,
        }
        .into()),
    }
}

#[derive(Debug, clap::Args)]
struct ProgressArgs {
    /// Survey CSV file, or - for standard input.
    #[arg(value_name = "FILE")]
    input: String,
    /// Targets YAML: province and district targets.
    #[arg(short, long, value_name = "FILE")]
    targets: Option<String>,
    /// Criteria set: a built-in id or a YAML file [default: the set for the
    /// year the rows name, else the newest set in force].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Group the per-unit tables by COLUMN of the survey, named by its header in English or
    /// Vietnamese (vung, "Khu vực"); district for the district, province for the province as
    /// a whole [default: district when the survey names districts, unless it is of 2026 or
    /// later].
    #[arg(long, value_name = "COLUMN")]
    by: Option<String>,
    /// Exit with status 1 when any target is not met.
    #[arg(long)]
    check: bool,
    /// The period of a panel file to report on, 2025-10 or 2025 [default: the latest].
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    period: Option<Period>,
    /// Output format [default: table on a terminal, otherwise json].
    #[arg(short, long, value_parser = documents(crate::cmd::progress::FORMATS))]
    format: Option<DocumentFormat>,
    /// Write to FILE instead of standard output; the file appears whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    #[command(flatten)]
    read: InputArgs,
}

#[derive(Debug, clap::Args)]
struct ProfileArgs {
    /// Survey file: CSV, or a workbook (.xlsx, .xls, .ods); - for standard input.
    #[arg(value_name = "FILE")]
    input: String,
    /// Criteria set: a built-in id or a YAML file [default: the set for the
    /// year the rows name, else the newest set in force].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Output format [default: table on a terminal, otherwise from the -o extension, else
    /// csv].
    #[arg(short, long, value_parser = documents(crate::cmd::profile::FORMATS))]
    format: Option<DocumentFormat>,
    /// Write to FILE instead of standard output; the file appears whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    #[command(flatten)]
    read: InputArgs,
}

#[derive(Debug, clap::Args)]
struct TrendArgs {
    /// Survey files: one panel, or one file per period (CSV or workbooks).
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    inputs: Vec<String>,
    /// The period of a file without a period column, 2025-10 or 2025; once for each such file,
    /// in order.
    #[arg(long = "period", value_name = "PERIOD", value_parser = parse_period)]
    periods: Vec<Period>,
    /// Targets YAML: whether the province is on track for them.
    #[arg(short, long, value_name = "FILE")]
    targets: Option<String>,
    /// A map of mergers and renames, CSV with columns `old_id,new_id`, to follow communes across
    /// a reorganisation.
    #[arg(long, value_name = "FILE")]
    map: Option<String>,
    /// Also give each period's figures per unit of COLUMN of the survey, named by its header in
    /// English or Vietnamese (vung, "Khu vực"), or district [default: the province only].
    #[arg(long, value_name = "COLUMN")]
    by: Option<String>,
    /// Criteria set: a built-in id or a YAML file [default: the set for the
    /// year the rows name, else the newest set in force].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Output format [default: table on a terminal, otherwise from the -o extension, else
    /// json].
    #[arg(short, long, value_parser = documents(crate::cmd::trend::FORMATS))]
    format: Option<DocumentFormat>,
    /// Write to FILE instead of standard output; the file appears whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    #[command(flatten)]
    read: InputArgs,
}

#[derive(Debug, clap::Args)]
struct DiffArgs {
    /// Write CSV text as it is, without neutralising formulas.
    #[arg(long)]
    raw: bool,
    /// Start CSV output with a UTF-8 byte-order mark (for Excel on Windows).
    #[arg(long)]
    bom: bool,
    /// A map of mergers and renames, CSV with columns `old_id,new_id` (many old to one new), to
    /// follow communes across a reorganisation.
    #[arg(long, value_name = "FILE")]
    map: Option<String>,
    /// Last period's survey (CSV).
    #[arg(value_name = "OLD")]
    old: String,
    /// This period's survey (CSV), or - for standard input.
    #[arg(value_name = "NEW")]
    new: String,
    /// Criteria set for both files: a built-in id or a YAML file [default: the newest in force].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Exit with status 1 when any commune lost a tier or a criterion.
    #[arg(long)]
    check: bool,
    /// Output format [default: table on a terminal, otherwise from the -o extension, else csv].
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// Write to FILE instead of standard output; the file appears whole or not at all.
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    #[command(flatten)]
    read: InputArgs,
}

#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// This period's survey (CSV), or - for standard input.
    #[arg(value_name = "FILE")]
    input: String,
    /// Targets YAML.
    #[arg(short, long, value_name = "FILE")]
    targets: Option<String>,
    /// Last period's survey, to report what changed.
    #[arg(long, value_name = "FILE")]
    previous: Option<String>,
    /// Earlier periods' surveys, for the trend section: panels, or files of one period each,
    /// the period from the file's Kỳ column or its name (thang-11-2025.xlsx; thang-11.xlsx
    /// with --year). This file may be among them; the trend ends at its period.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    history: Vec<String>,
    /// Group the per-unit tables by COLUMN of the survey, named by its header in English or
    /// Vietnamese (vung, "Khu vực"); district for the district, province for the province as
    /// a whole [default: district when the survey names districts, unless it is of 2026 or
    /// later].
    #[arg(long, value_name = "COLUMN")]
    by: Option<String>,
    /// Criteria set: a built-in id or a YAML file [default: the set for the
    /// year the rows name, else the newest set in force].
    #[arg(short, long, value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
    criteria: Option<String>,
    /// Write to FILE; the file appears whole or not at all [default: standard output].
    #[arg(short, long, value_name = "FILE")]
    output: Option<String>,
    /// Document format [default: from the -o extension, else html].
    #[arg(short, long, value_parser = documents(crate::cmd::report::FORMATS))]
    format: Option<DocumentFormat>,
    /// The report's date, YYYY-MM-DD [default: today].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<crate::criteria::Date>,
    /// The period reported on, 2025-10 or 2025: of a panel file, the one to report on [default:
    /// the latest]; of a file without a period column, the period it is of [default: the one
    /// its name gives, with --history].
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    period: Option<Period>,
    #[command(flatten)]
    read: InputArgs,
}

fn parse_period(s: &str) -> Result<Period, Refused> {
    Period::parse(s).ok_or_else(|| Msg::NotAPeriodArgument(s.to_owned()).into())
}

fn parse_date(s: &str) -> Result<crate::criteria::Date, Refused> {
    crate::criteria::Date::parse(s).ok_or_else(|| Msg::NotADate(s.to_owned()).into())
}

/// What to group by: `--by`, else `by` in `ntm.toml`, else as the command decides.
fn by_or(flag: Option<&str>, config: &Config) -> By {
    flag.map(By::named)
        .or_else(|| config.by.clone())
        .unwrap_or_default()
}

#[derive(Debug, Subcommand)]
enum CriteriaCommand {
    /// List the built-in criteria sets: id, title, legal basis, period, in force or not.
    #[command(after_help = "\
Examples:
  ntm criteria list
  ntm criteria list --format json | jq -r '.[].id'")]
    List {
        /// Output format.
        #[arg(short, long, default_value = "table", value_parser = documents(LIST_FORMATS))]
        format: DocumentFormat,
    },
    /// Show a criteria set: criteria, indicators, thresholds by region and year, departments,
    /// sources, and every value not verified against the legal text. `--format yaml` writes it
    /// as a criteria file, a start for a provincial set.
    #[command(after_help = "\
Examples:
  ntm criteria show
  ntm --lang en criteria show vn-commune-2021-2025
  ntm criteria show vn-commune-2021-2025 --format markdown > tieu-chi.md
  ntm criteria show vn-commune-2026-2030 --format yaml > tinh.yaml")]
    Show {
        /// A built-in id or a YAML file [default: the default set].
        #[arg(value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
        set: Option<String>,
        /// Output format.
        #[arg(short, long, default_value = "table", value_parser = documents(SHOW_FORMATS))]
        format: DocumentFormat,
    },
    /// Check a criteria file: every problem with its line; exit status 2 when there is one.
    #[command(after_help = "\
Examples:
  ntm criteria check tinh.yaml
  ntm criteria check tinh.yaml && ntm score communes.csv --criteria tinh.yaml")]
    Check {
        /// The YAML file (or a built-in id).
        #[arg(value_name = "FILE", value_parser = SetOrFile, hide_possible_values = true)]
        file: String,
    },
    /// What a province must fill in: an overlay of the set listing every value it does not
    /// know (`~`), each with the decision, appendix and indicator to read it from. Fill in the
    /// numbers and sources, then `criteria check` it and score with `--criteria`.
    #[command(after_help = "\
Examples:
  ntm criteria todo vn-commune-2021-2025 > tinh-2021-2025.yaml
  ntm criteria check tinh-2021-2025.yaml")]
    Todo {
        /// A built-in id or a YAML file.
        #[arg(value_name = "ID|FILE", value_parser = SetOrFile, hide_possible_values = true)]
        set: String,
    },
    /// What changed from set A to set B: criteria and indicators added, removed, renumbered,
    /// reworded, and thresholds changed.
    #[command(
        after_help = "Examples:\n  ntm criteria diff vn-commune-2016-2020 vn-commune-2021-2025\n  ntm criteria diff vn-commune-2021-2025 my-province.yaml --format markdown"
    )]
    Diff {
        /// The older set: a built-in id or a YAML file.
        #[arg(value_name = "A", value_parser = SetOrFile, hide_possible_values = true)]
        a: String,
        /// The newer set: a built-in id or a YAML file.
        #[arg(value_name = "B", value_parser = SetOrFile, hide_possible_values = true)]
        b: String,
        /// Output format.
        #[arg(short, long, default_value = "table", value_parser = documents(DIFF_FORMATS))]
        format: DocumentFormat,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    /// A table for people.
    Table,
    /// CSV, lists joined with `;`.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// An Excel workbook (with -o FILE.xlsx).
    Xlsx,
}

impl FormatArg {
    fn format(self) -> RecordFormat {
        match self {
            FormatArg::Table => RecordFormat::Table,
            FormatArg::Csv => RecordFormat::Csv,
            FormatArg::Json => RecordFormat::Json,
            FormatArg::Ndjson => RecordFormat::Ndjson,
            FormatArg::Xlsx => RecordFormat::Xlsx,
        }
    }
}

/// What to do, as typed options.
#[derive(Debug, Clone)]
pub enum Task {
    /// `ntm completions SHELL`.
    Completions(clap_complete::Shell),
    /// `ntm man [SUBCOMMAND]`.
    Man(Option<String>),
    /// `ntm score`.
    Score(StreamOptions),
    /// `ntm gaps`.
    Gaps(StreamOptions),
    /// `ntm report`.
    Report(ReportOptions),
    /// `ntm validate`.
    Validate(ValidateOptions),
    /// `ntm template`.
    Template {
        /// The criteria set.
        criteria: SetChoice,
        /// Output file.
        output: Option<String>,
        /// Language of the explanations.
        lang: Lang,
    },
    /// `ntm diff`.
    Diff {
        /// What to compare.
        options: DiffOptions,
        /// Exit 1 when a commune lost a tier or criterion.
        check: bool,
    },
    /// `ntm trend`.
    Trend(TrendOptions),
    /// `ntm profile`.
    Profile(ProfileOptions),
    /// `ntm progress`.
    Progress {
        /// What to report.
        options: ProgressOptions,
        /// Exit 1 when a target is not met.
        check: bool,
    },
    /// `ntm criteria list`.
    CriteriaList {
        /// Output format.
        format: DocumentFormat,
        /// Language of labels.
        lang: Lang,
    },
    /// `ntm criteria show`.
    CriteriaShow {
        /// The criteria set.
        set: SetChoice,
        /// Output format.
        format: DocumentFormat,
        /// Language of labels.
        lang: Lang,
    },
    /// `ntm criteria check`.
    CriteriaCheck {
        /// Set file or id.
        file: String,
        /// The language of the summary.
        lang: Lang,
    },
    /// `ntm criteria todo`.
    CriteriaTodo {
        /// Set file or id.
        set: String,
    },
    /// `ntm criteria diff`.
    CriteriaDiff {
        /// The older set.
        a: String,
        /// The newer set.
        b: String,
        /// Output format.
        format: DocumentFormat,
        /// Language of labels.
        lang: Lang,
    },
}

impl Task {
    /// Whether the task writes to standard output: every task but those given `-o FILE`.
    #[must_use]
    pub fn writes_to_stdout(&self) -> bool {
        let output = match self {
            Task::Score(o) | Task::Gaps(o) => &o.output,
            Task::Report(o) => &o.output,
            Task::Template { output, .. } => output,
            Task::Diff { options, .. } => &options.output,
            Task::Progress { options, .. } => &options.output,
            Task::Trend(o) => &o.output,
            Task::Profile(o) => &o.output,
            Task::Completions(_)
            | Task::Man(_)
            | Task::Validate(_)
            | Task::CriteriaList { .. }
            | Task::CriteriaShow { .. }
            | Task::CriteriaCheck { .. }
            | Task::CriteriaTodo { .. }
            | Task::CriteriaDiff { .. } => return true,
        };
        output.as_deref().is_none_or(|o| o == "-")
    }
}

impl Cli {
    /// The language `--lang` asks for, if it is given.
    #[must_use]
    pub fn lang(&self) -> Option<Lang> {
        self.lang.map(|l| match l {
            LangArg::Vi => Lang::Vi,
            LangArg::En => Lang::En,
        })
    }

    /// Turns the parsed arguments into a task (in the language `env` speaks, which
    /// [`Lang::chosen`] decided from `--lang`, `NTM_LANG` and the configuration).
    #[must_use]
    pub fn into_task(self, config: &Config, env: &Env) -> Task {
        let lang = env.lang;
        let set_or = |c: Option<String>| criteria_or(c, config, env);
        match self.command {
            Command::Score(args) => Task::Score(args.into_options(lang, config, env)),
            Command::Gaps(args) => Task::Gaps(args.into_options(lang, config, env)),
            Command::Completions { shell } => Task::Completions(shell),
            Command::Man { subcommand } => Task::Man(subcommand),
            Command::Template { criteria, output } => Task::Template {
                criteria: set_or(criteria),
                output,
                lang,
            },
            Command::Validate {
                input,
                criteria,
                format,
                pick,
                skip,
                read,
            } => Task::Validate(ValidateOptions {
                input,
                criteria: set_or(criteria),
                read: read.options(),
                format,
                pick,
                skip,
            }),
            Command::Report(args) => {
                let format = args.format.unwrap_or_else(|| {
                    document_format(
                        args.output.as_deref(),
                        env,
                        crate::cmd::report::FORMATS,
                        DocumentFormat::Html,
                    )
                });
                Task::Report(ReportOptions {
                    input: args.input,
                    criteria: set_or(args.criteria),
                    targets: args.targets.or_else(|| config.targets.clone()),
                    previous: args.previous,
                    history: args.history,
                    by: by_or(args.by.as_deref(), config),
                    format,
                    output: args.output,
                    date: args.date.unwrap_or(env.today),
                    period: args.period,
                    read: args.read.options(),
                    lang,
                    head: config.report.clone(),
                    browser: crate::render::pdf::BrowserChoice {
                        named: env
                            .browser
                            .named
                            .clone()
                            .or_else(|| config.browser.as_ref().map(std::path::PathBuf::from)),
                        search_path: env.browser.search_path.clone(),
                    },
                })
            }
            Command::Diff(args) => Task::Diff {
                options: DiffOptions {
                    criteria: set_or(args.criteria),
                    format: args.format.map_or_else(
                        || default_format(args.output.as_deref(), env),
                        FormatArg::format,
                    ),
                    old: args.old,
                    new: args.new,
                    output: args.output,
                    read: args.read.options(),
                    raw: args.raw,
                    map: args.map,
                    bom: args.bom,
                    lang,
                },
                check: args.check,
            },
            Command::Profile(args) => {
                let format = args.format.unwrap_or_else(|| {
                    document_format(
                        args.output.as_deref(),
                        env,
                        crate::cmd::profile::FORMATS,
                        DocumentFormat::Csv,
                    )
                });
                Task::Profile(ProfileOptions {
                    input: args.input,
                    criteria: set_or(args.criteria),
                    format,
                    output: args.output,
                    read: args.read.options(),
                    lang,
                })
            }
            Command::Trend(args) => {
                let format = args.format.unwrap_or_else(|| {
                    document_format(
                        args.output.as_deref(),
                        env,
                        crate::cmd::trend::FORMATS,
                        DocumentFormat::Json,
                    )
                });
                Task::Trend(TrendOptions {
                    criteria: set_or(args.criteria),
                    inputs: args.inputs,
                    periods: args.periods,
                    targets: args.targets.or_else(|| config.targets.clone()),
                    map: args.map,
                    by: by_or(args.by.as_deref(), config),
                    format,
                    output: args.output,
                    read: args.read.options(),
                    lang,
                })
            }
            Command::Progress(args) => {
                let format = args.format.unwrap_or_else(|| {
                    document_format(
                        args.output.as_deref(),
                        env,
                        crate::cmd::progress::FORMATS,
                        DocumentFormat::Json,
                    )
                });
                Task::Progress {
                    options: ProgressOptions {
                        input: args.input,
                        criteria: set_or(args.criteria),
                        targets: args.targets.or_else(|| config.targets.clone()),
                        by: by_or(args.by.as_deref(), config),
                        format,
                        output: args.output,
                        read: args.read.options(),
                        period: args.period,
                        lang,
                    },
                    check: args.check,
                }
            }
            Command::Criteria { command } => match command {
                CriteriaCommand::List { format } => Task::CriteriaList { format, lang },
                CriteriaCommand::Show { set, format } => Task::CriteriaShow {
                    set: set_or(set),
                    format,
                    lang,
                },
                CriteriaCommand::Check { file } => Task::CriteriaCheck { file, lang },
                CriteriaCommand::Todo { set } => Task::CriteriaTodo { set },
                CriteriaCommand::Diff { a, b, format } => Task::CriteriaDiff { a, b, format, lang },
            },
        }
    }
}

impl ScoreArgs {
    fn into_options(self, lang: Lang, config: &Config, env: &Env) -> StreamOptions {
        let set_or = |c: Option<String>| criteria_or(c, config, env);
        let format = self.format.map_or_else(
            || default_format(self.output.as_deref(), env),
            FormatArg::format,
        );
        StreamOptions {
            input: self.input,
            criteria: set_or(self.criteria),
            format,
            output: self.output,
            read: self.read.options(),
            raw: self.raw,
            bom: self.bom,
            lang,
        }
    }
}

/// The document format a command writes when `--format` does not say: the one the `-o` file's
/// extension names, when the command writes it; else a table on a terminal, when it writes
/// one; else `otherwise`.
fn document_format(
    output: Option<&str>,
    env: &Env,
    formats: &[DocumentFormat],
    otherwise: DocumentFormat,
) -> DocumentFormat {
    let named = output.and_then(DocumentFormat::of_extension);
    match named {
        Some(format) if formats.contains(&format) => format,
        None if output.is_none()
            && env.stdout_is_terminal
            && formats.contains(&DocumentFormat::Table) =>
        {
            DocumentFormat::Table
        }
        _ => otherwise,
    }
}

/// The criteria set named on the command line, else in the config file, else the default
/// (see [`SetChoice::Default`]).
fn criteria_or(flag: Option<String>, config: &Config, env: &Env) -> SetChoice {
    flag.or_else(|| config.criteria.clone())
        .map_or(SetChoice::Default { today: env.today }, SetChoice::Named)
}

/// The parser of a `--format` that takes the document formats in `formats`, each named as
/// [`DocumentFormat::name`] gives it (the table also as `text`), so that a command offers,
/// completes and documents only what it writes.
fn documents(formats: &'static [DocumentFormat]) -> impl TypedValueParser<Value = DocumentFormat> {
    let values = formats.iter().map(|&format| {
        let value = PossibleValue::new(format.name()).help(match format {
            DocumentFormat::Table => "Tables for people",
            DocumentFormat::Json => "JSON",
            DocumentFormat::Markdown => "Markdown, for wikis and documents",
            DocumentFormat::Yaml => "The criteria-file YAML: a start for a provincial set",
            DocumentFormat::Html => "One self-contained HTML file",
            DocumentFormat::Xlsx => "An Excel workbook",
            DocumentFormat::Csv => "CSV, one row per period",
            DocumentFormat::Pdf => "A PDF on A4, printed by Chromium, Chrome or Edge",
        });
        if format == DocumentFormat::Table {
            value.alias("text")
        } else {
            value
        }
    });
    PossibleValuesParser::new(values).try_map(|name| {
        let name = if name == "text" { "table" } else { &name };
        DocumentFormat::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| Refused::from(Msg::NoDocumentFormat(name.to_owned())))
    })
}

/// The parser of a criteria set named on the command line — a built-in id or a YAML file —
/// which takes the name as written. The built-in ids are its possible values, so that the
/// completion scripts offer them, beside the files [`completions`] adds; they are kept out of
/// `--help` (`hide_possible_values`), where they would read as the only values allowed.
#[derive(Debug, Clone, Copy)]
struct SetOrFile;

impl TypedValueParser for SetOrFile {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(BUILTIN_SETS.iter().map(|set| {
            PossibleValue::new(set.id).help(completions::description(set.period))
        })))
    }
}

/// The parser of a problem's code, for `--pick` and `--skip`: one of [`Code::ALL`], each offered
/// and completed with its severity; another is a usage error that lists them.
fn codes() -> impl TypedValueParser<Value = Code> {
    let values = Code::ALL
        .iter()
        .map(|code| PossibleValue::new(code.code()).help(code.severity().name()));
    PossibleValuesParser::new(values)
        .try_map(|name| Code::named(&name).ok_or_else(|| Refused::from(Msg::NoProblemCode(name))))
}

impl Cli {
    /// The command line with its help in `lang`: the doc comments in English, the catalogue of
    /// `help_vi.rs` in Vietnamese. Completions and the manual page are made from the English one.
    #[must_use]
    pub fn command_in(lang: Lang) -> clap::Command {
        let command = <Cli as clap::CommandFactory>::command();
        match lang {
            Lang::En => command,
            Lang::Vi => help_vi::translate(command),
        }
    }

    /// Parses `args` (the program name first), speaking `lang` in help and usage errors.
    ///
    /// # Errors
    /// clap's: a usage error, or the help or version asked for.
    pub fn parse_in(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
        // The texts are all a language changes, and clap shows them only when it stops (help,
        // version, a usage error): the English command parses alike and is made in a fraction
        // of the time, so the Vietnamese one is made only to say why the parse stopped.
        match Cli::parse_with(Cli::command_in(Lang::En), args) {
            Err(_) if lang != Lang::En => Cli::parse_with(Cli::command_in(lang), args),
            parsed => parsed,
        }
    }

    /// Parses `args` with `command`.
    fn parse_with(
        mut command: clap::Command,
        args: &[std::ffi::OsString],
    ) -> Result<Cli, clap::Error> {
        let matches = command.try_get_matches_from_mut(args)?;
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
            .map_err(|err| err.format(&mut command))
    }

    /// `--color`.
    #[must_use]
    pub fn color(&self) -> ColorChoice {
        match self.color {
            ColorArg::Never => ColorChoice::Never,
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
        }
    }

    /// `-q` / `-v`.
    #[must_use]
    pub fn verbosity(&self) -> Verbosity {
        if self.quiet {
            Verbosity::Quiet
        } else if self.verbose {
            Verbosity::Verbose
        } else {
            Verbosity::Normal
        }
    }
}

/// Writes the completion script for `shell`, generated from the same definitions as `--help`:
/// for bash, zsh and fish without hidden subcommands, and with files beside the built-in set ids
/// where a criteria set is asked for.
///
/// # Errors
/// What writing gives (the script is made whole first: the generator would panic on a failed
/// write).
pub fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let script = completions::script(shell, &<Cli as clap::CommandFactory>::command());
    out.write_all(script.as_bytes())
}

/// Writes the manual page (roff), generated from the same definitions as `--help`: synopsis,
/// options, the subcommands with what each does, and the exit status and examples.
/// With `subcommand`, the page `ntm-SUBCOMMAND(1)`; `None` when there is no such subcommand.
pub fn man_page(
    subcommand: Option<&str>,
    out: &mut dyn std::io::Write,
) -> Option<std::io::Result<()>> {
    let command = <Cli as clap::CommandFactory>::command();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let sub = command
                .get_subcommands()
                .find(|s| s.get_name() == name && !s.is_hide_set())?;
            let full = format!("ntm-{name}");
            sub.clone().name(full).bin_name(format!("ntm {name}"))
        }
    };
    Some(clap_mangen::Man::new(page).render(out))
}

/// Table on a terminal; otherwise the format the output file's extension names; otherwise CSV.
fn default_format(output: Option<&str>, env: &Env) -> RecordFormat {
    match output.filter(|o| *o != "-") {
        Some(path) => {
            if extension_is(path, "json") {
                RecordFormat::Json
            } else if extension_is(path, "ndjson") || extension_is(path, "jsonl") {
                RecordFormat::Ndjson
            } else if extension_is(path, "txt") {
                RecordFormat::Table
            } else if extension_is(path, "xlsx") {
                RecordFormat::Xlsx
            } else {
                RecordFormat::Csv
            }
        }
        None if env.stdout_is_terminal => RecordFormat::Table,
        None => RecordFormat::Csv,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn both_languages_parse_alike_and_the_chosen_one_says_why_a_parse_stopped() {
        let cases: &[&[&str]] = &[
            &[
                "ntm",
                "score",
                "a.csv",
                "--criteria",
                "vn-commune-2016-2020",
            ],
            &["ntm", "progress", "a.csv", "--by", "district", "-q"],
            &["ntm", "report", "a.csv", "-o", "r.html", "--lang", "en"],
            &["ntm", "criteria", "show", "vn-commune-2026-2030"],
            &["ntm", "score"],
            &["ntm", "score", "a.csv", "--format", "yaml"],
            &["ntm", "scor", "a.csv"],
            &["ntm", "--help"],
            &["ntm", "gaps", "-h"],
            &["ntm", "--version"],
        ];
        for args in cases {
            let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            let english = Cli::parse_with(Cli::command_in(Lang::En), &args);
            let vietnamese = Cli::parse_in(&args, Lang::Vi);
            match (english, vietnamese) {
                (Ok(_), Ok(_)) => {}
                (Err(en), Err(vi)) => {
                    assert_eq!(en.kind(), vi.kind(), "{args:?}");
                    if en.kind() == clap::error::ErrorKind::DisplayHelp {
                        let (en, vi) = (en.render().to_string(), vi.render().to_string());
                        assert!(en.contains("Usage:") && !vi.contains("Usage:"), "{vi}");
                    }
                }
                (en, vi) => panic!("{args:?}: {:?} against {:?}", en.is_ok(), vi.is_ok()),
            }
        }
    }

    #[test]
    fn format_follows_the_output_extension_then_the_terminal() {
        let env = Env::default();
        assert_eq!(default_format(Some("a.json"), &env), RecordFormat::Json);
        assert_eq!(default_format(Some("a.JSONL"), &env), RecordFormat::Ndjson);
        assert_eq!(default_format(Some("a.csv"), &env), RecordFormat::Csv);
        assert_eq!(default_format(None, &env), RecordFormat::Csv);
        let terminal = Env {
            stdout_is_terminal: true,
            ..env
        };
        assert_eq!(default_format(None, &terminal), RecordFormat::Table);
        assert_eq!(default_format(Some("a.csv"), &terminal), RecordFormat::Csv);
    }

    #[test]
    fn each_command_offers_only_the_document_formats_it_writes() {
        let parse = |args: &[&str]| {
            Cli::try_parse_from(args).map(|cli| cli.into_task(&Config::default(), &Env::default()))
        };
        let Ok(Task::Validate(options)) = parse(&["ntm", "validate", "x.csv", "--format", "text"])
        else {
            panic!("validate --format text");
        };
        assert_eq!(options.format, DocumentFormat::Table);
        assert!(parse(&["ntm", "validate", "x.csv", "--format", "html"]).is_err());
        assert!(parse(&["ntm", "progress", "x.csv", "--format", "yaml"]).is_err());
        assert!(parse(&["ntm", "criteria", "show", "--format", "yaml"]).is_ok());
        assert!(parse(&["ntm", "criteria", "diff", "a", "b", "--format", "yaml"]).is_err());
        assert!(parse(&["ntm", "report", "x.csv", "--format", "table"]).is_err());
    }

    #[test]
    fn each_document_command_has_its_own_default_format() {
        use DocumentFormat::{Csv, Html, Json, Markdown, Table, Xlsx};
        let format = |args: &[&str], terminal: bool| {
            let env = Env {
                stdout_is_terminal: terminal,
                ..Env::default()
            };
            match Cli::try_parse_from(args)
                .unwrap()
                .into_task(&Config::default(), &env)
            {
                Task::Progress { options, .. } => options.format,
                Task::Trend(options) => options.format,
                Task::Profile(options) => options.format,
                Task::Report(options) => options.format,
                _ => panic!("{args:?}"),
            }
        };
        assert_eq!(format(&["ntm", "progress", "x.csv"], false), Json);
        assert_eq!(format(&["ntm", "progress", "x.csv"], true), Table);
        assert_eq!(
            format(&["ntm", "progress", "x.csv", "-o", "p.md"], true),
            Markdown
        );
        assert_eq!(
            format(&["ntm", "progress", "x.csv", "-o", "p.xlsx"], false),
            Xlsx
        );
        assert_eq!(format(&["ntm", "trend", "x.csv"], false), Json);
        assert_eq!(format(&["ntm", "trend", "x.csv"], true), Table);
        assert_eq!(
            format(&["ntm", "trend", "x.csv", "-o", "t.csv"], false),
            Csv
        );
        assert_eq!(format(&["ntm", "profile", "x.csv"], false), Csv);
        assert_eq!(
            format(&["ntm", "profile", "x.csv", "-o", "p.json"], false),
            Json
        );
        assert_eq!(format(&["ntm", "report", "x.csv"], true), Html);
        assert_eq!(
            format(&["ntm", "report", "x.csv", "-o", "r.md"], false),
            Markdown
        );
        assert_eq!(
            format(&["ntm", "report", "x.csv", "-o", "r.xlsx"], false),
            Xlsx
        );
    }
}
