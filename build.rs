//! Reads each built-in criteria set, `criteria/*.yaml`, into the same serde types the program
//! reads a set file into (`src/criteria/raw.rs`), and writes it to `$OUT_DIR` as JSON of that
//! shape, which `src/criteria/builtin.rs` embeds beside the YAML.
//!
//! Every run of `ntm` reads a built-in set, and reading 50 KB of YAML took about 2 ms, a twentieth
//! of scoring a national file; the JSON reads in a tenth of that. The set is still checked and
//! turned into the model at run time by the one path every set file takes, and a test keeps the
//! set read from JSON equal to the set read from its YAML.
//!
//! A YAML file that does not read stops the build with serde-saphyr's message (file, line and
//! the lines around it).

use std::path::Path;

#[allow(dead_code)]
#[path = "src/lang.rs"]
mod lang;

#[allow(dead_code)]
#[path = "src/yaml/ordered_map.rs"]
mod ordered_map;

/// The path `raw.rs` names `OrderedMap` by.
mod yaml {
    pub use super::ordered_map::OrderedMap;
}

#[allow(dead_code)]
#[path = "src/criteria/raw.rs"]
mod raw;

fn main() {
    for source in [
        "src/lang.rs",
        "src/yaml/ordered_map.rs",
        "src/criteria/raw.rs",
    ] {
        println!("cargo::rerun-if-changed={source}");
    }
    println!("cargo::rerun-if-changed=criteria");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut files: Vec<_> = std::fs::read_dir("criteria")
        .expect("the criteria folder")
        .map(|entry| entry.expect("an entry of the criteria folder").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let yaml = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let set: raw::RawSet = serde_saphyr::from_str(&yaml).unwrap_or_else(|err| {
            let shown = path.display().to_string();
            let rendered = err.render_with_options(serde_saphyr::render_options! {
                source_name: Some(&shown),
            });
            panic!("{rendered}")
        });
        let json = serde_json::to_string(&set).expect("a set serialises");
        let name = path.file_stem().expect("a file name");
        std::fs::write(Path::new(&out).join(name).with_extension("json"), json)
            .expect("writing to OUT_DIR");
    }
}
