//! The floor `scripts/bench.sh` measures `ntm score` against: reads every record of a CSV file
//! with the csv crate and touches every field, nothing else.
//!
//! ```sh
//! cargo run --release --example csv_floor -- communes.csv
//! ```

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        let _ = writeln!(io::stderr(), "usage: csv_floor FILE");
        return ExitCode::from(2);
    };
    match floor(&path) {
        Ok((records, bytes)) => {
            if writeln!(io::stdout(), "{records} records, {bytes} field bytes").is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Err(err) => {
            let _ = writeln!(io::stderr(), "error: {}: {err}", path.to_string_lossy());
            ExitCode::from(2)
        }
    }
}

/// Reads every record of the file and every byte of its fields: (records, bytes in fields).
fn floor(path: &std::ffi::OsStr) -> csv::Result<(u64, u64)> {
    let mut reader = csv::Reader::from_path(path)?;
    let mut record = csv::ByteRecord::new();
    let (mut records, mut bytes) = (0u64, 0u64);
    while reader.read_byte_record(&mut record)? {
        records += 1;
        for field in &record {
            // the first byte is read too, so that no field can be skipped unseen
            bytes += field.len() as u64 + u64::from(field.first().copied().unwrap_or(0) & 1);
        }
    }
    Ok((records, bytes))
}
