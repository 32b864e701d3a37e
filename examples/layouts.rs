//! Writes the catalogue of office layouts that `tests/cli/layouts.rs` scores: one made-up
//! province laid out as provincial offices lay out their "Biểu 01", in CSV and in workbooks,
//! each layout beside what scoring it must give (see `examples/layouts/catalogue.rs`).
//!
//! ```sh
//! cargo run --example layouts -- tests/data/layouts
//! ```
//!
//! The folder is emptied of the catalogue's files first, so that a layout dropped from the
//! catalogue does not linger; the files are the same bytes on every run.

#[path = "layouts/catalogue.rs"]
mod catalogue;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        let _ = writeln!(io::stderr(), "usage: layouts DIR");
        return ExitCode::from(2);
    };
    match write(Path::new(&dir)) {
        Ok(count) => {
            let _ = writeln!(
                io::stderr(),
                "wrote {count} files to {}",
                Path::new(&dir).display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            let _ = writeln!(io::stderr(), "error: {err}");
            ExitCode::from(2)
        }
    }
}

/// Writes every file of the catalogue into `dir`, after removing the files already there.
fn write(dir: &Path) -> Result<usize, String> {
    let files = catalogue::files()?;
    let shown = |e: io::Error| format!("{}: {e}", dir.display());
    std::fs::create_dir_all(dir).map_err(shown)?;
    for entry in std::fs::read_dir(dir).map_err(shown)? {
        let path = entry.map_err(shown)?.path();
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    for file in &files {
        let path = dir.join(&file.name);
        std::fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.len())
}
