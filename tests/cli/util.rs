//! A small harness: run `ntm` with arguments and optional stdin, capture everything.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

/// The path of a file under `tests/data`.
pub fn data(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

/// The path of a file in the repository.
pub fn repo(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), name].iter().collect();
    path.to_string_lossy().into_owned()
}

/// The contents of a file under `tests/data/expected`.
pub fn expected(name: &str) -> String {
    std::fs::read_to_string(data(&format!("expected/{name}")))
        .unwrap_or_else(|e| panic!("expected/{name}: {e}"))
}

/// The outcome of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Run {
            code: out.status.code().expect("exited normally"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }
}

/// Runs `ntm` with `args`, in the folder `dir` when given.
pub fn ntm(args: &[&str]) -> Run {
    ntm_with(args, None, None)
}

/// Runs `ntm` with `args`, `stdin` and working folder `dir`.
pub fn ntm_with(args: &[&str], stdin: Option<&str>, dir: Option<&std::path::Path>) -> Run {
    let mut cmd = Command::cargo_bin("ntm").expect("binary built");
    cmd.args(args).env_remove("NO_COLOR");
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin);
    }
    cmd.output().expect("ran").into()
}

/// `rows` synthetic communes of vn-commune-2021-2025 with a header, from
/// `python3 examples/generate.py bench`; `None`, said on stderr, where python3 is not installed.
pub fn generated(rows: usize, seed: u64) -> Option<String> {
    let out = std::process::Command::new("python3")
        .arg(repo("examples/generate.py"))
        .args(["bench", &rows.to_string(), "--seed", &seed.to_string()])
        .output();
    match out {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("python3 not found: generated data skipped");
            None
        }
        Err(err) => panic!("python3: {err}"),
        Ok(out) => {
            assert!(
                out.status.success(),
                "generate.py bench: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).expect("UTF-8"))
        }
    }
}
