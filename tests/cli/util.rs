//! A small harness: run `ntm` with arguments and optional stdin, capture everything.

use std::io::Write;
use std::path::{Path, PathBuf};
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

/// Runs `ntm` with `args`, `stdin` and working folder `dir`, its messages in English
/// (`NTM_LANG=en`) unless `args` ask for another language with `--lang`.
pub fn ntm_with(args: &[&str], stdin: Option<&str>, dir: Option<&std::path::Path>) -> Run {
    ntm_env(args, &[("NTM_LANG", "en")], stdin, dir)
}

/// Runs `ntm` as [`ntm_with`] does, with the environment variables `vars` set (and no
/// `NTM_LANG` or `NO_COLOR` but these).
pub fn ntm_env(
    args: &[&str],
    vars: &[(&str, &str)],
    stdin: Option<&str>,
    dir: Option<&std::path::Path>,
) -> Run {
    let mut cmd = Command::cargo_bin("ntm").expect("binary built");
    cmd.args(args).env_remove("NO_COLOR").env_remove("NTM_LANG");
    cmd.envs(vars.iter().copied());
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    if let Some(stdin) = stdin {
        cmd.write_stdin(stdin);
    }
    cmd.output().expect("ran").into()
}

/// `rows` synthetic communes of vn-commune-2021-2025 with a header, from
/// `python3 examples/generate.py bench`; `None` where python3 is not installed (see
/// [`external`]).
pub fn generated(rows: usize, seed: u64) -> Option<String> {
    let python = external(&["python3"], "python3")?;
    let out = std::process::Command::new(python)
        .arg(repo("examples/generate.py"))
        .args(["bench", &rows.to_string(), "--seed", &seed.to_string()])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "generate.py bench: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("UTF-8"))
}

/// The first of `names` found on `PATH`: an outside program a test runs (a browser, a shell,
/// `man`), which the Debian package `package` provides.
///
/// When it is missing, the test is skipped with a note on a developer's machine, but fails under
/// CI, where `.ci/run` installs it: there a test that quietly checks nothing would hide the loss.
pub fn external(names: &[&str], package: &str) -> Option<PathBuf> {
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect())
        .unwrap_or_default();
    let found = names
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|p| runnable(p));
    if found.is_none() {
        let program = names.join(" or ");
        let install = format!("install it with `apt-get install {package}` (Debian)");
        assert!(
            !in_ci(),
            "{program} is not installed, and under CI this test may not be skipped: {install}, \
             as .ci/run does"
        );
        // straight to stderr, past the test harness's capture, so the note shows in a passing run
        let _ = writeln!(
            std::io::stderr(),
            "note: {program} is not installed, so what needs it is skipped: {install}"
        );
    }
    found
}

/// Whether the tests run under CI: `CI` set (CI sets it to `true`) to anything but empty, `false`
/// or `0`.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "false" | "0"))
}

/// Whether `path` is a file this user may run.
fn runnable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    path.is_file()
}
