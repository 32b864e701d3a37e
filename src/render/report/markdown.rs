//! The report as Markdown, for wikis and chat: the same content with tables.

use std::io::{self, Write};

use super::Report;
use crate::render::sections::write_markdown;

/// Writes `report` as Markdown.
pub fn markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = report.document();
    write_markdown(
        &doc.title,
        &doc.lead,
        "- ",
        &doc.sections,
        report.labels.lang,
        out,
    )
}
