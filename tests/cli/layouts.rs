//! The catalogue of office layouts in `tests/data/layouts`, written by `examples/layouts.rs`
//! from one made-up province: every layout is scored end to end, and each commune must get
//! exactly what the model says (every commune, none missing, none extra, in order), or the run
//! must stop with exit status 2 and a message naming the line or cell. And the files are what
//! the generator writes, byte for byte.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::util::{data, ntm};

#[path = "../../examples/layouts/catalogue.rs"]
mod catalogue;

fn folder() -> PathBuf {
    PathBuf::from(data("layouts"))
}

/// The names of the files in the catalogue's folder.
fn committed() -> BTreeSet<String> {
    std::fs::read_dir(folder())
        .expect("tests/data/layouts")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// What to do when the files and the generator disagree.
const REGENERATE: &str = "run `cargo run --example layouts -- tests/data/layouts`";

#[test]
fn the_catalogue_is_what_its_generator_writes() {
    let files = catalogue::files().expect("the catalogue is written");
    // the same bytes every time: the workbooks' creation time is fixed
    assert_eq!(files, catalogue::files().expect("written again"));
    let written: BTreeSet<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let committed = committed();
    let committed: BTreeSet<&str> = committed.iter().map(String::as_str).collect();
    assert_eq!(committed, written, "{REGENERATE}");
    for file in &files {
        let on_disk = std::fs::read(folder().join(&file.name)).expect("committed file");
        assert!(
            on_disk == file.bytes,
            "{} differs from what the generator writes; {REGENERATE}",
            file.name
        );
    }
    assert!(
        written.iter().filter(|n| is_layout(&written, n)).count() >= 20,
        "at least 20 layouts"
    );
}

/// Whether the file `name` among `names` is a layout, rather than what is said of one: what
/// scoring it must give is beside it.
fn is_layout(names: &BTreeSet<&str>, name: &str) -> bool {
    [".expected.csv", ".expected-error.txt"]
        .iter()
        .any(|ext| names.contains(format!("{name}{ext}").as_str()))
}

#[test]
fn every_layout_scores_as_its_model_says() {
    let files = committed();
    let files: BTreeSet<&str> = files.iter().map(String::as_str).collect();
    let names: Vec<&str> = files
        .iter()
        .copied()
        .filter(|n| is_layout(&files, n))
        .collect();
    // each layout in its own thread, so that the runs overlap
    let dir = folder();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let runs: Vec<_> = names
            .iter()
            .map(|name| scope.spawn(|| check(&dir, name).err()))
            .collect();
        runs.into_iter()
            .filter_map(|run| run.join().expect("a layout's check"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} layouts do not score as their model says:\n\n{}",
        failures.len(),
        names.len(),
        failures.join("\n\n")
    );
}

/// Scores the layout `name` and compares what `ntm` gives with what its model says.
fn check(dir: &Path, name: &str) -> Result<(), String> {
    let path = dir.join(name);
    let path = path.to_str().expect("UTF-8 path");
    let sidecar = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).ok();
    let extra: Vec<String> = sidecar("args").map_or_else(
        || vec!["--criteria".to_owned(), catalogue::SET.to_owned()],
        |text| text.lines().map(str::to_owned).collect(),
    );
    let mut args = vec!["score", path];
    args.extend(extra.iter().map(String::as_str));
    args.extend(["--format", "csv"]);
    let run = ntm(&args);
    let command = format!("ntm {}", args.join(" "));
    let said = format!(
        "{command}\nexit status {}\n--- stdout\n{}--- stderr\n{}",
        run.code, run.stdout, run.stderr
    );
    if let Some(expected) = sidecar("expected.csv") {
        if run.code != 0 || run.stderr.lines().any(|l| l.starts_with("error")) {
            return Err(format!(
                "{name}: expected its communes, got an error:\n{said}"
            ));
        }
        let got = columns_of(&run.stdout, &expected).map_err(|e| format!("{name}: {e}\n{said}"))?;
        if got != expected {
            return Err(format!("{name}: expected\n{expected}got\n{got}\n{said}"));
        }
        return Ok(());
    }
    let needles = sidecar("expected-error.txt").ok_or_else(|| {
        format!("{name}: neither {name}.expected.csv nor {name}.expected-error.txt")
    })?;
    if run.code != 2 {
        return Err(format!("{name}: expected exit status 2:\n{said}"));
    }
    let missing: Vec<&str> = needles
        .lines()
        .filter(|needle| !run.stderr.contains(needle))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name}: the message does not say {}\n{said}",
            missing
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

/// `ntm`'s CSV output cut down to the columns `expected` (a CSV file) has, in its order, as
/// CSV text in the same form.
fn columns_of(output: &str, expected: &str) -> Result<String, String> {
    let wanted: Vec<&str> = expected
        .lines()
        .next()
        .unwrap_or_default()
        .split(',')
        .collect();
    let mut reader = csv::Reader::from_reader(output.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let at: Vec<usize> = wanted
        .iter()
        .map(|w| {
            headers
                .iter()
                .position(|h| h == *w)
                .ok_or_else(|| format!("no column {w} in the output"))
        })
        .collect::<Result<_, _>>()?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&wanted).map_err(|e| e.to_string())?;
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        writer
            .write_record(at.iter().map(|&i| record.get(i).unwrap_or_default()))
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
