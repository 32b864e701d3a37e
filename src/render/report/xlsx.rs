//! The report as an Excel workbook, what a province office opens: the overview's figures as
//! cells, native charts, a sheet per section, and the matrix of every commune against every
//! criterion (see [`crate::render::workbook`]).

use rust_xlsxwriter::XlsxError;

use super::Report;
use crate::render::workbook::{Book, matrix, workbook};

/// The workbook's bytes.
pub fn xlsx(report: &Report<'_>) -> Result<Vec<u8>, XlsxError> {
    let doc = report.document();
    let mut book = Book::new(
        doc.title,
        doc.lead,
        doc.sections,
        &report.progress,
        &report.labels,
    );
    // the matrix before the appendix, the last sheet
    let at = book
        .sections
        .iter()
        .position(|s| s.kind == "appendix")
        .unwrap_or(book.sections.len());
    book.sections.insert(
        at,
        matrix(report.rows, report.set, &report.progress, &report.labels),
    );
    workbook(&book)
}
