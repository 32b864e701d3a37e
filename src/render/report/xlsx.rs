//! The report as an Excel workbook, what a province office opens: a sheet per section, numbers
//! stored as numbers, header rows frozen, column widths set. Text is always stored as text,
//! never as a formula.

use rust_xlsxwriter::XlsxError;

use super::Report;
use crate::render::sections::workbook;

/// The workbook's bytes.
pub fn xlsx(report: &Report<'_>) -> Result<Vec<u8>, XlsxError> {
    let doc = report.document();
    workbook(&doc.title, &doc.lead, &doc.sections, report.labels.lang)
}
