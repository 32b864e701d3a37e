//! A report as an Excel workbook, laid out for the analyst who sorts, filters, pivots and prints
//! it: an overview sheet whose figures are cells, a sheet of native charts, then a sheet per
//! section. Numbers are stored as numbers with a number format (shares as fractions shown
//! `0.0%`, counts `0`, averages `0.00`), text always as text (never a formula); every table has
//! its header row frozen and filtered, its columns sized to their contents, and prints on A4
//! landscape one page wide with the header repeated on every page. Sheet names are short labels
//! of their own, never a title cut at 31 characters.

use std::collections::HashMap;
use std::io::{self, Write};

use rust_xlsxwriter::{
    Chart, ChartType, Color, ConditionalFormatCell, ConditionalFormatCellRule,
    ConditionalFormatText, ConditionalFormatTextRule, Format, FormatAlign, Workbook, Worksheet,
    XlsxError,
};

use super::TableLabels;
use super::figures::{Status, TargetFigures, Unit, criterion, unit_word};
use super::labels::{Label, label, tiers_by, unit_heading, unit_name};
use super::sections::{Cell, Rows, Section, target_rows};
use crate::aggregate::changes::Snapshot;
use crate::aggregate::progress::{DISTRICT, ProgressReport};
use crate::criteria::{CriteriaSet, Verdict};
use crate::lang::Lang;
use crate::survey::district_key;
use crate::text::fold;

/// Excel's longest sheet name.
pub const SHEET_NAME_MAX: usize = 31;

/// The columns of the matrix before its criteria: id, name, unit, criteria met, tier.
const MATRIX_FIRST: usize = 5;

/// Excel's paper size number for A4.
const A4: u8 = 9;

/// What a workbook holds: the title and lead lines, the figures of the overview sheet, and the
/// sections, each a sheet.
pub struct Book<'r> {
    /// The title, first on the overview sheet.
    pub title: String,
    /// The lines under it.
    pub lead: Vec<String>,
    /// The overview's figures, one row each: figure, required, actual, gap, the gap's unit, met.
    pub figures: Vec<Vec<Cell>>,
    /// The sections, a sheet each.
    pub sections: Vec<Section<'r>>,
    /// The columns of the per-unit sheet that count communes by tier: the first and how many.
    pub tier_columns: Option<(usize, usize)>,
    /// What the per-unit sheet groups communes by.
    pub by: Option<String>,
    /// The language of every label.
    pub lang: Lang,
}

impl<'r> Book<'r> {
    /// A workbook of `sections` under `title` and `lead`, as they are.
    #[must_use]
    pub fn plain(
        title: String,
        lead: Vec<String>,
        sections: Vec<Section<'r>>,
        lang: Lang,
    ) -> Book<'r> {
        Book {
            title,
            lead,
            figures: Vec::new(),
            sections,
            tier_columns: None,
            by: None,
            lang,
        }
    }

    /// The workbook of `report`'s `sections` under `title` and `lead`: the per-unit table one
    /// row per unit with a column per tier and per band, the units' own targets on one sheet
    /// one row per unit and target, and bottlenecks named by number and name.
    #[must_use]
    pub fn new(
        title: String,
        lead: Vec<String>,
        sections: Vec<Section<'r>>,
        report: &ProgressReport,
        labels: &TableLabels,
    ) -> Book<'r> {
        let lang = labels.lang;
        let mut out = Vec::with_capacity(sections.len());
        let mut tier_columns = None;
        let mut group_targets = false;
        for mut section in sections {
            match section.kind {
                "groups" => {
                    let (wide, tiers) = groups_wide(report, labels);
                    tier_columns = Some(tiers);
                    section.header = wide.0;
                    section.rows = Rows::Cells(wide.1);
                }
                "targets" => {
                    // the gap's unit in a column of its own: communes, hamlets or criteria
                    section
                        .header
                        .insert(4, label(Label::Unit, lang).to_owned());
                    if let Rows::Cells(rows) = &mut section.rows {
                        for row in rows {
                            with_gap_unit(row, lang);
                        }
                    }
                }
                "group_targets" if group_targets => continue,
                "group_targets" => {
                    group_targets = true;
                    section.header = group_targets_header(report, lang);
                    section.rows = Rows::Cells(group_targets_rows(report, labels));
                }
                "bottlenecks" => {
                    // `6 – Cơ sở vật chất văn hóa`, the chart's categories
                    if let Rows::Cells(rows) = &mut section.rows {
                        for row in rows {
                            if let [Cell::Number(n), Cell::Text(name), ..] = row.as_mut_slice() {
                                *name = criterion(&n.to_string(), Some(name));
                            }
                        }
                    }
                }
                _ => {}
            }
            out.push(section);
        }
        Book {
            title,
            lead,
            figures: overview_rows(report, labels),
            sections: out,
            tier_columns,
            by: report.by.clone(),
            lang,
        }
    }
}

/// The header of the overview's figures.
fn overview_header(lang: Lang) -> Vec<String> {
    [
        Label::Figure,
        Label::Required,
        Label::Actual,
        Label::Gap,
        Label::Unit,
        Label::TargetMet,
    ]
    .into_iter()
    .map(|l| label(l, lang).to_owned())
    .collect()
}

/// The overview's figures: the communes, the average and the hamlets, then each target with
/// what it requires, what is found, what is still needed and in what, and whether it is met.
fn overview_rows(report: &ProgressReport, labels: &TableLabels) -> Vec<Vec<Cell>> {
    let lang = labels.lang;
    let blank = || Cell::Text(String::new());
    let found = |l: Label, cell: Cell| {
        vec![
            label(l, lang).into(),
            blank(),
            cell,
            blank(),
            blank(),
            blank(),
        ]
    };
    let mut rows = vec![found(Label::Communes, report.communes.into())];
    if let Some(avg) = report.average_criteria {
        rows.push(found(
            Label::AverageCriteria,
            Cell::Quantity(avg, Unit::CriteriaPerCommune),
        ));
    }
    if let Some(h) = &report.hamlet_standard_share {
        rows.push(found(
            Label::HamletsStandard,
            Cell::Quantity(h.share, Unit::Percent),
        ));
    }
    let tier = |id: &str| labels.tier(Some(id));
    for t in &report.targets {
        let f = TargetFigures::of(t, lang, &tier);
        rows.push(vec![
            f.name.into(),
            Cell::Quantity(f.required.0, f.required.1),
            f.actual
                .map_or_else(blank, |(x, unit)| Cell::Quantity(x, unit)),
            Cell::Quantity(f.gap.0, f.gap.1),
            unit_word(f.gap.1, f.gap.0, lang).into(),
            Cell::Status(f.status),
        ]);
    }
    rows
}

/// The per-unit table one row per unit: the unit, its communes, a column per tier and per
/// band, the average, and how many of its own targets it meets; and the tier columns.
#[allow(clippy::type_complexity)]
fn groups_wide(
    report: &ProgressReport,
    labels: &TableLabels,
) -> ((Vec<String>, Vec<Vec<Cell>>), (usize, usize)) {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let by = report.by.as_deref().unwrap_or_default();
    let first = report.groups.first();
    let tiers: Vec<&str> = first
        .map(|g| g.tiers.iter().map(|t| t.tier.as_str()).collect())
        .unwrap_or_default();
    let bands: Vec<&str> = first
        .map(|g| g.bands.iter().map(|b| b.band.as_str()).collect())
        .unwrap_or_default();
    let targets = report.groups.iter().any(|g| !g.targets.is_empty());
    let mut header = vec![unit_heading(by, lang), l(Label::Communes)];
    header.extend(tiers.iter().map(|t| labels.tier(Some(t))));
    header.extend(
        bands
            .iter()
            .map(|b| format!("{} {b}", label(Label::Band, lang))),
    );
    header.push(l(Label::AverageCriteria));
    if targets {
        header.push(l(Label::TargetsMet));
    }
    let rows = report
        .groups
        .iter()
        .map(|g| {
            let mut row: Vec<Cell> = vec![unit_name(&g.group, lang).into(), g.communes.into()];
            row.extend(g.tiers.iter().map(|t| Cell::from(t.communes)));
            row.extend(g.bands.iter().map(|b| Cell::from(b.communes)));
            row.push(g.average_criteria.map_or(Cell::Text(String::new()), |x| {
                Cell::Quantity(x, Unit::CriteriaPerCommune)
            }));
            if targets {
                #[allow(clippy::cast_precision_loss)]
                let met = g.targets.iter().filter(|t| t.met == Some(true)).count() as f64;
                row.push(Cell::Number(met));
            }
            row
        })
        .collect();
    ((header, rows), (2, tiers.len()))
}

fn group_targets_header(report: &ProgressReport, lang: Lang) -> Vec<String> {
    let by = report.by.as_deref().unwrap_or_default();
    let mut header = vec![unit_heading(by, lang)];
    header.extend(
        [
            Label::Target,
            Label::Required,
            Label::Actual,
            Label::Gap,
            Label::Unit,
            Label::TargetMet,
            Label::Note,
        ]
        .into_iter()
        .map(|l| label(l, lang).to_owned()),
    );
    header
}

/// The units' own targets, one row per unit and target.
fn group_targets_rows(report: &ProgressReport, labels: &TableLabels) -> Vec<Vec<Cell>> {
    let lang = labels.lang;
    let mut rows = Vec::new();
    for g in &report.groups {
        for mut row in target_rows(&g.targets, labels) {
            with_gap_unit(&mut row, lang);
            row.insert(0, unit_name(&g.group, lang).into());
            rows.push(row);
        }
    }
    rows
}

/// A target row (target, required, actual, gap, …) with the gap's unit after the gap.
fn with_gap_unit(row: &mut Vec<Cell>, lang: Lang) {
    let unit = match row.get(3) {
        Some(Cell::Quantity(x, unit)) => unit_word(*unit, *x, lang),
        _ => "",
    };
    row.insert(4.min(row.len()), unit.into());
}

/// The matrix of communes and base criteria: a row per commune (its id, name, unit — its
/// district, or its cell of the column `report` groups by, `--by Vùng`, named as the per-unit
/// table names it —, criteria met and tier) and a column per criterion (`1. Quy hoạch`) saying `Đạt`,
/// `Cơ bản đạt`, `Không đạt`, or nothing when not assessed. Rows are made as they are written.
#[must_use]
pub fn matrix<'r>(
    rows: &'r [Snapshot],
    set: &'r CriteriaSet,
    report: &ProgressReport,
    labels: &'r TableLabels,
) -> Section<'r> {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    // a column other than the district, when the report groups by one
    let by = report.by.as_deref();
    let column = by
        .filter(|by| *by != DISTRICT)
        .map(|by| unit_heading(by, lang));
    let grouped = column.is_some();
    // a unit as the per-unit table names it (`Huyện Hòa An` and `Hòa An` are one district)
    let key = move |name: &str| {
        if grouped {
            fold(name)
        } else {
            district_key(name)
        }
    };
    let units: HashMap<String, String> = report
        .groups
        .iter()
        .map(|g| (key(&g.group), unit_name(&g.group, lang)))
        .collect();
    let mut header = vec![
        l(Label::CommuneId),
        l(Label::Commune),
        column.unwrap_or_else(|| l(Label::District)),
        l(Label::CriteriaMetCount),
        l(Label::Tier),
    ];
    if let Some(base) = set.tiers.first() {
        header.extend(
            base.criteria
                .iter()
                .map(|c| format!("{}. {}", c.number, c.name.get(lang))),
        );
    }
    Section {
        kind: "matrix",
        sheet: l(Label::SheetMatrix),
        title: l(Label::SheetMatrix),
        header,
        rows: Rows::Made {
            len: rows.len(),
            row: Box::new(move |i| {
                let r = &rows[i];
                let tier = r.tier().map(|t| set.tiers[t].id.as_str());
                let mut row: Vec<Cell> = vec![
                    r.id().into(),
                    r.name().into(),
                    {
                        let unit = if grouped { r.group() } else { r.district() };
                        units
                            .get(&key(unit))
                            .cloned()
                            .unwrap_or_else(|| unit.to_owned())
                            .into()
                    },
                    r.met().into(),
                    labels.tier(tier).into(),
                ];
                row.extend(r.verdicts().map(|v| {
                    Cell::from(match v {
                        Verdict::Met => label(Label::VerdictMet, lang),
                        Verdict::BasicallyMet => label(Label::VerdictBasicallyMet, lang),
                        Verdict::NotMet => label(Label::VerdictNotMet, lang),
                        Verdict::NotAssessed => "",
                    })
                }));
                row
            }),
        },
    }
}

/// The short sheet label of a section's kind, when it has one.
#[must_use]
pub fn sheet_label(kind: &str) -> Option<Label> {
    Some(match kind {
        "tiers" => Label::SheetTiers,
        "bands" => Label::SheetBands,
        "recognised" => Label::SheetRecognised,
        "watch" => Label::SheetWatch,
        "targets" => Label::Targets,
        "group_targets" => Label::SheetGroupTargets,
        "bottlenecks" => Label::SheetBottlenecks,
        "candidates" => Label::SheetCandidates,
        "changes" => Label::SheetChanges,
        "periods" => Label::SheetPeriods,
        "pace" => Label::SheetPace,
        "losses" => Label::SheetLosses,
        "appendix" => Label::SheetAppendix,
        "matrix" => Label::SheetMatrix,
        _ => return None,
    })
}

/// The number formats of a workbook's cells.
struct Formats {
    header: Format,
    wrap: Format,
    count: Format,
    decimal: Format,
    share: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0x00EA_F2F8))
                .set_text_wrap(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            count: Format::new().set_num_format("0"),
            decimal: Format::new().set_num_format("0.00"),
            share: Format::new().set_num_format("0.0%"),
        }
    }

    /// The format of a number: a share as a percentage, an average with two decimals, a
    /// count as an integer (two decimals when it is not whole).
    fn of(&self, cell: &Cell) -> &Format {
        let whole = |x: f64| {
            if x.fract() == 0.0 {
                &self.count
            } else {
                &self.decimal
            }
        };
        match cell {
            Cell::Quantity(_, Unit::Percent) => &self.share,
            Cell::Quantity(_, Unit::CriteriaPerCommune) => &self.decimal,
            Cell::Number(x) | Cell::Quantity(x, _) => whole(*x),
            Cell::Text(_) | Cell::Status(_) => &self.wrap,
        }
    }
}

/// Writes one cell: a number as a number in its format, text as text; an empty text is left
/// blank.
fn write_cell(
    sheet: &mut Worksheet,
    (r, c): (u32, u16),
    cell: &Cell,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Number(x) | Cell::Quantity(x, _) => {
            sheet.write_number_with_format(r, c, *x, formats.of(cell))?;
        }
        Cell::Text(s) if s.is_empty() => {}
        Cell::Text(_) | Cell::Status(_) => {
            sheet.write_string_with_format(r, c, cell.show(lang), &formats.wrap)?;
        }
    }
    Ok(())
}

/// A table: its header at `top`, its rows under it, its columns sized, its header filtered.
/// Returns the rows written.
fn write_table<'a>(
    sheet: &mut Worksheet,
    top: u32,
    header: &[String],
    rows: impl Iterator<Item = std::borrow::Cow<'a, [Cell]>>,
    formats: &Formats,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(top, col(c), h, &formats.header)?;
    }
    let mut written = 0u32;
    for row in rows {
        written += 1;
        let r = top.saturating_add(written);
        for (c, cell) in row.iter().enumerate() {
            write_cell(sheet, (r, col(c)), cell, formats, lang)?;
            let width = cell
                .show(lang)
                .lines()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0);
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        sheet.set_column_width(col(c), (*w).clamp(6, 60) as f64 + 2.0)?;
    }
    if written > 0 && !header.is_empty() {
        sheet.autofilter(top, 0, top + written, col(header.len() - 1))?;
    }
    Ok(written)
}

/// Printed on A4 landscape, one page wide.
fn print_setup(sheet: &mut Worksheet) {
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
}

/// The workbook's bytes: the overview sheet, the charts, then a sheet per section.
pub fn workbook(book: &Book<'_>) -> Result<Vec<u8>, XlsxError> {
    write(book, &book.sections)
}

/// The bytes of `book` with `sections` in place of its own.
pub fn write(book: &Book<'_>, sections: &[Section<'_>]) -> Result<Vec<u8>, XlsxError> {
    let lang = book.lang;
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let mut taken = Vec::new();
    let overview_name = sheet_name(label(Label::Overview, lang), &mut taken);
    let names: Vec<String> = sections
        .iter()
        .map(|s| match sheet_label(s.kind) {
            Some(l) => sheet_name(label(l, lang), &mut taken),
            None => sheet_name(&s.sheet, &mut taken),
        })
        .collect();
    let charts = charts(book, sections, &names);

    let overview = workbook.add_worksheet();
    overview.set_name(&overview_name)?;
    overview.write_string_with_format(0, 0, &book.title, &Format::new().set_bold())?;
    for (i, line) in book.lead.iter().enumerate() {
        overview.write_string(row(i + 1), 0, line)?;
    }
    let top = row(book.lead.len() + 2);
    if book.figures.is_empty() {
        overview.set_column_width(0, 100)?;
    } else {
        let written = write_table(
            overview,
            top,
            &overview_header(lang),
            book.figures
                .iter()
                .map(|r| std::borrow::Cow::Borrowed(r.as_slice())),
            &formats,
            lang,
        )?;
        mark_colours(overview, top + 1, top + written, 5)?;
    }
    print_setup(overview);

    if !charts.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(label(Label::Charts, lang), &mut taken))?;
        for (i, chart) in charts.iter().enumerate() {
            sheet.insert_chart(row(i * 22), 0, chart)?;
        }
        print_setup(sheet);
    }

    for (section, name) in sections.iter().zip(&names) {
        // rows go to a temporary file as they are written: the appendix can be a million rows
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        let written = write_table(
            sheet,
            0,
            &section.header,
            section.rows.iter(),
            &formats,
            lang,
        )?;
        if section.kind == "matrix" {
            // the id and the name stay in sight as the criteria scroll by
            sheet.set_freeze_panes(1, 2)?;
            if written > 0 && section.header.len() > MATRIX_FIRST {
                verdict_colours(sheet, written, col(section.header.len() - 1), lang)?;
            }
        } else {
            sheet.set_freeze_panes(1, 0)?;
        }
        // whether each target is met, before its note
        if matches!(section.kind, "targets" | "group_targets") && written > 0 {
            mark_colours(
                sheet,
                1,
                written,
                col(section.header.len().saturating_sub(2)),
            )?;
        }
        sheet.set_repeat_rows(0, 0)?;
        print_setup(sheet);
    }
    workbook.save_to_buffer()
}

/// Colours the marks of column `c` of rows `first..=last` — `✔` green, `✘` red, as the
/// matrix colours its verdicts — by conditional formatting.
fn mark_colours(sheet: &mut Worksheet, first: u32, last: u32, c: u16) -> Result<(), XlsxError> {
    for (mark, fill, font) in [
        (Status::Met, GREEN.0, GREEN.1),
        (Status::NotMet, RED.0, RED.1),
    ] {
        let rule = ConditionalFormatText::new()
            .set_rule(ConditionalFormatTextRule::BeginsWith(
                mark.symbol().to_owned(),
            ))
            .set_format(
                Format::new()
                    .set_background_color(Color::RGB(fill))
                    .set_font_color(Color::RGB(font)),
            );
        sheet.add_conditional_format(first, c, last, c, &rule)?;
    }
    Ok(())
}

/// Excel's green, yellow and red of good, neutral and bad: fill and font.
const GREEN: (u32, u32) = (0x00C6_EFCE, 0x0000_6100);
const YELLOW: (u32, u32) = (0x00FF_EB9C, 0x009C_5700);
const RED: (u32, u32) = (0x00FF_C7CE, 0x009C_0006);

/// Colours the matrix's verdicts by conditional formatting — green for met, yellow for
/// basically met, red for not met — so that a verdict edited in Excel changes colour with it.
fn verdict_colours(
    sheet: &mut Worksheet,
    rows: u32,
    last_col: u16,
    lang: Lang,
) -> Result<(), XlsxError> {
    let first = col(MATRIX_FIRST);
    for (l, fill, font) in [
        (Label::VerdictMet, GREEN.0, GREEN.1),
        (Label::VerdictBasicallyMet, YELLOW.0, YELLOW.1),
        (Label::VerdictNotMet, RED.0, RED.1),
    ] {
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::EqualTo(label(l, lang)))
            .set_format(
                Format::new()
                    .set_background_color(Color::RGB(fill))
                    .set_font_color(Color::RGB(font)),
            );
        sheet.add_conditional_format(1, first, rows, last_col, &rule)?;
    }
    Ok(())
}

/// The native charts over the sections' sheets: communes by band, tiers per unit, and the
/// bottleneck criteria.
fn charts(book: &Book<'_>, sections: &[Section<'_>], names: &[String]) -> Vec<Chart> {
    let lang = book.lang;
    let mut out = Vec::new();
    for (section, name) in sections.iter().zip(names) {
        let n = row(section.rows.len());
        if n == 0 {
            continue;
        }
        let name = name.as_str();
        let (mut chart, title, series): (Chart, String, Vec<usize>) = match section.kind {
            "bands" => (
                Chart::new(ChartType::Column),
                label(Label::BandTitle, lang).to_owned(),
                vec![1],
            ),
            "groups" => match book.tier_columns {
                Some((first, count)) if count > 0 => (
                    Chart::new(ChartType::BarStacked),
                    tiers_by(book.by.as_deref(), lang),
                    (first..first + count).collect(),
                ),
                _ => continue,
            },
            "bottlenecks" => (
                Chart::new(ChartType::Bar),
                label(Label::Bottlenecks, lang).to_owned(),
                vec![3, 4],
            ),
            _ => continue,
        };
        // the bottlenecks by number and name
        let categories = u16::from(section.kind == "bottlenecks");
        for c in &series {
            chart
                .add_series()
                .set_name((name, 0, col(*c)))
                .set_categories((name, 1, categories, n, categories))
                .set_values((name, 1, col(*c), n, col(*c)));
        }
        chart.title().set_name(&title);
        if series.len() == 1 {
            chart.legend().set_hidden();
        }
        chart.set_width(760).set_height(400);
        out.push(chart);
    }
    out
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn row(r: usize) -> u32 {
    u32::try_from(r).unwrap_or(u32::MAX)
}

/// A valid, unique sheet name: none of `[]:*?/\`, at most 31 characters, a longer name cut
/// between words (never within one), a repeated one numbered.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let base = fit_words(clean.trim(), SHEET_NAME_MAX - 3);
    let mut candidate = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == candidate.to_lowercase())
    {
        candidate = format!("{base} {n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// `name`, or when longer than `max` characters its first words that fit (the first
/// characters of a single word longer than `max`).
fn fit_words(name: &str, max: usize) -> String {
    if name.chars().count() <= SHEET_NAME_MAX {
        return name.to_owned();
    }
    let mut out = String::new();
    for word in name.split_whitespace() {
        let longer = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if longer > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = name.chars().take(max).collect();
    }
    out
}

/// Writes the progress report as an Excel workbook (its sections: [`super::sections::sections`]).
pub fn progress(
    report: &ProgressReport,
    labels: &TableLabels,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (title, sections) = super::sections::sections(report, labels);
    let mut lines = title.lines().map(str::to_owned);
    let first = lines.next().unwrap_or_default();
    let lead: Vec<String> = lines.filter(|l| !l.trim().is_empty()).collect();
    let book = Book::new(first, lead, sections, report, labels);
    let bytes = workbook(&book).map_err(io::Error::other)?;
    out.write_all(&bytes)?;
    out.flush()
}

/// Sections as an Excel workbook: an overview sheet with the title and `lead` lines, then a
/// sheet per section.
pub fn of_sections(
    title: &str,
    lead: &[String],
    sections: &[Section<'_>],
    lang: Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let book = Book::plain(title.to_owned(), lead.to_vec(), Vec::new(), lang);
    write(&book, sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_labels_fit_excel() {
        for kind in [
            "tiers",
            "bands",
            "recognised",
            "watch",
            "targets",
            "group_targets",
            "bottlenecks",
            "candidates",
            "changes",
            "periods",
            "pace",
            "losses",
            "appendix",
            "matrix",
        ] {
            let l = sheet_label(kind).unwrap();
            for lang in [Lang::Vi, Lang::En] {
                let name = label(l, lang);
                assert!(name.chars().count() <= SHEET_NAME_MAX - 3, "{name}");
                assert!(!name.contains(|c| "[]:*?/\\".contains(c)), "{name}");
            }
        }
    }

    #[test]
    fn long_names_are_cut_between_words() {
        let mut taken = Vec::new();
        let name = sheet_name(
            "Theo Khu vực quy hoạch phát triển nông thôn mới",
            &mut taken,
        );
        assert_eq!(name, "Theo Khu vực quy hoạch phát");
        assert_eq!(sheet_name("Mục tiêu", &mut taken), "Mục tiêu");
        assert_eq!(sheet_name("mục tiêu", &mut taken), "mục tiêu 2");
        assert_eq!(sheet_name("a:b", &mut taken), "a b");
    }
}
