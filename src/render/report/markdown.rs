//! The report as Markdown, for wikis and chat: the same content with tables.

use std::io::{self, Write};

use super::Report;
use crate::render::sections::write_markdown;

/// Writes `report` as Markdown.
pub fn markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = report.document();
    let title = std::iter::once(doc.title.clone())
        .chain(doc.lead.iter().map(|l| format!("- {l}")))
        .collect::<Vec<_>>()
        .join("\n");
    write_markdown(&title, &doc.sections, report.labels.lang, out)
}
