//! CSV rows: one header line with the JSON keys, lists joined with `;`.

use std::io::{self, Write};

use super::{RowWriter, ScoreRow};

pub(super) struct CsvWriter<'w> {
    out: csv::Writer<&'w mut dyn Write>,
}

impl<'w> CsvWriter<'w> {
    pub(super) fn new(out: &'w mut dyn Write) -> io::Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record([
            "commune_id",
            "commune",
            "district",
            "criteria_met",
            "criteria_total",
            "criteria_not_assessed",
            "criteria_basically_met",
            "tier",
            "band",
            "unmet",
            "basically_met",
            "not_assessed",
        ])?;
        Ok(CsvWriter { out })
    }
}

impl RowWriter for CsvWriter<'_> {
    fn row(&mut self, row: &ScoreRow) -> io::Result<()> {
        self.out.write_record([
            row.commune_id.as_str(),
            &row.commune,
            &row.district,
            &row.criteria_met.to_string(),
            &row.criteria_total.to_string(),
            &row.criteria_not_assessed.to_string(),
            &row.criteria_basically_met.to_string(),
            &row.tier,
            &row.band,
            &row.unmet.join(";"),
            &row.basically_met.join(";"),
            &row.not_assessed.join(";"),
        ])?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out.flush()
    }
}
