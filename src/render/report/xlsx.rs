//! The report as an Excel workbook, what a province office opens: a sheet per section, numbers
//! stored as numbers, header rows frozen, column widths set. Text is always stored as text,
//! never as a formula. Each section's sheet is written row by row to a temporary file
//! ("constant memory"), and the workbook put together at the end.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::Report;
use crate::render::sections::Cell;

/// The workbook's bytes.
pub fn xlsx(report: &Report<'_>) -> Result<Vec<u8>, XlsxError> {
    let doc = report.document();
    let lang = report.labels.lang;
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let header = Format::new()
        .set_bold()
        .set_background_color(rust_xlsxwriter::Color::RGB(0x00EA_F2F8))
        .set_text_wrap();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);

    let mut names = Vec::new();
    let overview = workbook.add_worksheet();
    overview.set_name(sheet_name(
        crate::render::labels::label(crate::render::labels::Label::Overview, lang),
        &mut names,
    ))?;
    overview.write_string_with_format(0, 0, &doc.title, &bold)?;
    for (i, line) in doc.lead.iter().enumerate() {
        overview.write_string(u32::try_from(i + 1).unwrap_or(u32::MAX), 0, line)?;
    }
    overview.set_column_width(0, 100)?;

    for section in &doc.sections {
        // rows go to a temporary file as they are written: the appendix can be a million rows
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(sheet_name(&section.sheet, &mut names))?;
        let mut widths: Vec<usize> = section.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in section.header.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), h, &header)?;
        }
        for (r, row) in section.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Number(x) => {
                        sheet.write_number(r, col(c), *x)?;
                    }
                    Cell::Text(s) => {
                        sheet.write_string_with_format(r, col(c), s, &wrap)?;
                    }
                }
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
        sheet.set_freeze_panes(1, 0)?;
    }
    workbook.save_to_buffer()
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// A valid, unique sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let base: String = clean.trim().chars().take(28).collect();
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{base} {n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}
