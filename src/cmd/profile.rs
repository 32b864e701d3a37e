//! `ntm profile`: the first look at a new month's file — for every column the set judges
//! communes by, how many cells say met, basically met, not met or nothing, and for measured
//! indicators the smallest, largest and mean value.

use std::io::Write;

use serde::Serialize;

use crate::criteria::{CriteriaSet, Measure, SetChoice, Verdict};
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::output::{check_document_output, io_error, refuse_overwriting, write_whole};
use crate::render::sections::{Cell, Rows, Section, write_markdown, write_tables};
use crate::render::workbook::of_sections;
use crate::render::{DocumentFormat, TableLabels, json_document, not_written};
use crate::scan::{self, RowOutcome, Scan};
use crate::survey::input::{InputOptions, shown};
use crate::survey::{JudgedColumn, Reading};

/// The formats `ntm profile` writes.
pub const FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Table,
    DocumentFormat::Csv,
    DocumentFormat::Json,
    DocumentFormat::Markdown,
    DocumentFormat::Xlsx,
];

/// What `ntm profile` was asked to do.
#[derive(Debug, Clone)]
pub struct ProfileOptions {
    /// The survey file, `-` for standard input.
    pub input: String,
    /// The criteria set.
    pub criteria: SetChoice,
    /// The output format.
    pub format: DocumentFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the file.
    pub read: InputOptions,
    /// Language of labels.
    pub lang: Lang,
}

/// The profile of a survey file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// The file.
    pub file: String,
    /// The criteria set.
    pub criteria: String,
    /// Communes read.
    pub communes: u64,
    /// Rows that could not be read (their problems are what `ntm validate` lists); their
    /// cells are not counted below.
    pub rows_with_problems: u64,
    /// Each column the set judges communes by, in file order.
    pub columns: Vec<ColumnProfile>,
}

/// What one column holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnProfile {
    /// Its header.
    pub column: String,
    /// `verdict` (a criterion's verdict), `yes_no` or `measure` (an indicator).
    pub kind: &'static str,
    /// Cells saying met (Đạt, Có).
    pub met: u64,
    /// Cells saying basically met (Cơ bản đạt).
    pub basically_met: u64,
    /// Cells saying not met (Không đạt, Không).
    pub not_met: u64,
    /// Blank cells: not assessed.
    pub blank: u64,
    /// Measured values.
    pub values: u64,
    /// The smallest measured value.
    pub min: Option<f64>,
    /// The largest measured value.
    pub max: Option<f64>,
    /// The mean of the measured values, to two decimals.
    pub mean: Option<f64>,
}

/// Runs `ntm profile`, writing warnings to `stderr`.
pub fn run(options: &ProfileOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "profile", FORMATS));
    }
    let mut inputs = vec![options.input.as_str()];
    inputs.extend(options.criteria.file());
    refuse_overwriting(options.output.as_deref(), &inputs)?;
    check_document_output(
        options.output.as_deref(),
        "profile",
        FORMATS,
        options.format,
    )?;
    let set = scan::load_set(
        &options.criteria,
        &options.input,
        &options.read,
        env.lang,
        stderr,
    )?;
    let scan = Scan::open(&set, &options.input, &options.read, env.lang, stderr)?;
    let profile = profile(&set, scan, &shown(&options.input), env)?;
    if profile.rows_with_problems > 0 {
        let warning = Msg::RowsNotCounted {
            file: profile.file.clone(),
            rows: profile.rows_with_problems,
        };
        let _ = writeln!(stderr, "warning: {}", warning.text(env.lang));
    }
    let labels = TableLabels::new(&set, options.lang, env.table_width);
    write_whole(options.output.as_deref(), |out, name| {
        let written = match options.format {
            DocumentFormat::Json => json_document(&profile, out),
            DocumentFormat::Csv => csv(&profile, out),
            DocumentFormat::Table => {
                let (title, sections) = sections(&profile, labels.lang);
                write_tables(&title, &sections, &labels, out)
            }
            DocumentFormat::Markdown => {
                let (title, sections) = sections(&profile, labels.lang);
                let mut lines = title.lines();
                let heading = lines.next().unwrap_or_default();
                let lead: Vec<String> = lines.map(str::to_owned).collect();
                write_markdown(heading, &lead, "", &sections, labels.lang, out)
            }
            DocumentFormat::Xlsx => {
                let (title, sections) = sections(&profile, labels.lang);
                of_sections(&title, &[], &sections, labels.lang)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| out.write_all(&bytes))
            }
            other => return Err(not_written(other, "profile", FORMATS)),
        };
        written.map_err(io_error(name))
    })
}

/// The profile of the rows `scan` reads.
fn profile(set: &CriteriaSet, scan: Scan<'_>, file: &str, env: &Env) -> Result<Profile> {
    let columns = scan.judged_columns();
    let mut profiles: Vec<ColumnProfile> = columns
        .iter()
        .map(|(header, what)| ColumnProfile {
            column: header.clone(),
            kind: match what {
                JudgedColumn::Verdict(..) => "verdict",
                JudgedColumn::Indicator(c) => match set
                    .indicators()
                    .find(|(_, _, i)| i.column == *c)
                    .map(|(_, _, i)| &i.measure)
                {
                    Some(Measure::Quantity(_)) => "measure",
                    _ => "yes_no",
                },
            },
            met: 0,
            basically_met: 0,
            not_met: 0,
            blank: 0,
            values: 0,
            min: None,
            max: None,
            mean: None,
        })
        .collect();
    let mut sums = vec![0.0; columns.len()];
    let (mut communes, mut problems) = (0, 0);
    scan.each_row(env, |outcome| {
        let commune = match outcome {
            RowOutcome::Scored(score, _) => score.commune,
            RowOutcome::Unscorable { .. } => {
                // (read, but not scorable: its cells still count; they are not at hand here)
                problems += 1;
                return Ok(());
            }
            RowOutcome::Invalid(_) => {
                problems += 1;
                return Ok(());
            }
        };
        communes += 1;
        for (((_, what), p), sum) in columns.iter().zip(&mut profiles).zip(&mut sums) {
            let reading = match *what {
                JudgedColumn::Indicator(c) => commune.readings[c],
                JudgedColumn::Verdict(t, n) => commune.verdicts[t][n].map(Reading::Verdict),
            };
            match reading {
                None | Some(Reading::Verdict(Verdict::NotAssessed)) => p.blank += 1,
                Some(Reading::Verdict(Verdict::Met)) => p.met += 1,
                Some(Reading::Verdict(Verdict::BasicallyMet)) => p.basically_met += 1,
                Some(Reading::Verdict(Verdict::NotMet)) => p.not_met += 1,
                Some(Reading::Value(x)) => {
                    p.values += 1;
                    *sum += x;
                    p.min = Some(p.min.map_or(x, |m| m.min(x)));
                    p.max = Some(p.max.map_or(x, |m| m.max(x)));
                }
            }
        }
        Ok(())
    })?;
    for (p, sum) in profiles.iter_mut().zip(sums) {
        #[allow(clippy::cast_precision_loss)]
        if p.values > 0 {
            p.mean = Some((sum / p.values as f64 * 100.0).round() / 100.0);
        }
    }
    if communes == 0 && problems == 0 && columns.is_empty() {
        return Err(Error::usage(Msg::NothingToProfile {
            file: file.to_owned(),
        }));
    }
    Ok(Profile {
        file: file.to_owned(),
        criteria: set.id.clone(),
        communes,
        rows_with_problems: problems,
        columns: profiles,
    })
}

const HEADER: [&str; 10] = [
    "column",
    "kind",
    "met",
    "basically_met",
    "not_met",
    "blank",
    "values",
    "min",
    "max",
    "mean",
];

/// A column's figures as cells; its kind as a key (`yes_no`) for machines, or in `lang` for
/// people.
fn cells(p: &ColumnProfile, lang: Option<Lang>) -> Vec<Cell> {
    #[allow(clippy::cast_precision_loss)]
    let count = |n: u64| Cell::Number(n as f64);
    let measure = |x: Option<f64>| x.map_or(Cell::from(""), Cell::Number);
    vec![
        p.column.clone().into(),
        lang.map_or(p.kind, |lang| kind_label(p.kind, lang)).into(),
        count(p.met),
        count(p.basically_met),
        count(p.not_met),
        count(p.blank),
        count(p.values),
        measure(p.min),
        measure(p.max),
        measure(p.mean),
    ]
}

/// A column's kind, for people.
fn kind_label(kind: &'static str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("verdict", Lang::Vi) => "Kết quả tiêu chí",
        ("verdict", Lang::En) => "criterion verdict",
        ("yes_no", Lang::Vi) => "Có/không",
        ("yes_no", Lang::En) => "yes/no",
        ("measure", Lang::Vi) => "Số đo",
        ("measure", Lang::En) => "measured",
        (other, _) => other,
    }
}

/// The table's header in Vietnamese, beside [`HEADER`].
const HEADER_VI: [&str; 10] = [
    "Cột",
    "Loại",
    "Đạt",
    "Cơ bản đạt",
    "Không đạt",
    "Trống",
    "Số giá trị",
    "Nhỏ nhất",
    "Lớn nhất",
    "Trung bình",
];

/// The table's header in English, for people (CSV keeps [`HEADER`]'s keys).
const HEADER_EN: [&str; 10] = [
    "Column",
    "Kind",
    "Met",
    "Basically met",
    "Not met",
    "Blank",
    "Values",
    "Min",
    "Max",
    "Mean",
];

/// One section, one row per column, headed in `lang`.
fn sections(profile: &Profile, lang: Lang) -> (String, Vec<Section<'static>>) {
    let header = match lang {
        Lang::Vi => HEADER_VI,
        Lang::En => HEADER_EN,
    };
    let (file, communes, set, unread) = (
        &profile.file,
        profile.communes,
        &profile.criteria,
        profile.rows_with_problems,
    );
    let title = match (lang, unread) {
        (Lang::Vi, 0) => format!("{file} — {communes} xã, bộ tiêu chí {set}"),
        (Lang::Vi, _) => {
            format!("{file} — {communes} xã, bộ tiêu chí {set}, {unread} dòng không đọc được")
        }
        (Lang::En, 0) => format!("{file} — {communes} communes, criteria set {set}"),
        (Lang::En, _) => {
            format!("{file} — {communes} communes, criteria set {set}, {unread} row(s) not read")
        }
    };
    let section = Section {
        kind: "columns",
        sheet: "profile".to_owned(),
        title: match lang {
            Lang::Vi => "Hồ sơ từng cột",
            Lang::En => "Column profile",
        }
        .to_owned(),
        header: header.iter().map(|h| (*h).to_owned()).collect(),
        rows: Rows::Cells(
            profile
                .columns
                .iter()
                .map(|p| cells(p, Some(lang)))
                .collect(),
        ),
    };
    (title, vec![section])
}

/// The profile as CSV, one row per column.
fn csv(profile: &Profile, out: &mut dyn Write) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(HEADER).map_err(std::io::Error::other)?;
    for p in &profile.columns {
        let row: Vec<String> = cells(p, None).iter().map(|c| c.show(Lang::En)).collect();
        writer.write_record(&row).map_err(std::io::Error::other)?;
    }
    writer.flush()
}
