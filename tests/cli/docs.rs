//! Every console example in the README and under `docs/` is run, so none can drift from what
//! `ntm` prints.
//!
//! The convention, for a fenced block marked `console`:
//!
//! - a line starting with `$ ` is a command. It is run by `sh -c` in the repository's root, with
//!   the `ntm` just built first on `PATH`, so pipes and redirections work as in a shell;
//! - the lines after it, up to the next command or the end of the block, are what it prints:
//!   its standard output, then its standard error;
//! - a line `...` stands for any number of lines, none included;
//! - a last line `[exit status N]` gives a status other than 0; without it the command must
//!   exit with 0.
//!
//! Trailing spaces and trailing blank lines are not compared. Blocks marked `sh`, `toml` or
//! anything else are not run.
//!
//! A command piped into `head` should pass `-q`: when the reader closes early, `ntm` ends quietly
//! and the warnings it prints last are not printed, so what appears would depend on timing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{Run, repo};

/// One command of a console block, with what it must print.
#[derive(Debug)]
struct Example {
    file: String,
    line: usize,
    command: String,
    expected: Vec<String>,
    status: i32,
}

/// The Markdown files whose examples are run: README.md and every `.md` under `docs/`.
fn documents() -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from(repo("README.md"))];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(repo("docs"))
        .expect("docs/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// The console examples of one Markdown text; `file` names it in messages.
fn examples(file: &str, text: &str) -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    let mut in_console = false;
    let mut in_other = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if in_console || in_other {
            if line.trim_start().starts_with("```") {
                in_console = false;
                in_other = false;
            } else if in_console {
                if let Some(command) = line.strip_prefix("$ ") {
                    found.push(Example {
                        file: file.to_owned(),
                        line: number,
                        command: command.to_owned(),
                        expected: Vec::new(),
                        status: 0,
                    });
                } else {
                    let example =
                        found
                            .last_mut()
                            .filter(|e| e.file == file)
                            .unwrap_or_else(|| {
                                panic!("{file}:{number}: a console block must start with `$ `")
                            });
                    example.expected.push(line.to_owned());
                }
            }
        } else if let Some(info) = line.trim_start().strip_prefix("```") {
            in_console = info.trim() == "console";
            in_other = !in_console;
            if in_console {
                // a block's first line must be a command: keep examples of two blocks apart
                found.push(Example {
                    file: String::new(),
                    line: number,
                    command: String::new(),
                    expected: Vec::new(),
                    status: 0,
                });
            }
        }
    }
    assert!(
        !in_console && !in_other,
        "{file}: a fenced block is not closed"
    );
    found.retain(|e| !e.file.is_empty());
    for example in &mut found {
        trim_end(&mut example.expected);
        if let Some(status) = example
            .expected
            .last()
            .and_then(|l| l.strip_prefix("[exit status "))
            .and_then(|l| l.strip_suffix(']'))
        {
            example.status = status.parse().unwrap_or_else(|_| {
                panic!("{}:{}: bad exit status line", example.file, example.line)
            });
            example.expected.pop();
            trim_end(&mut example.expected);
        }
    }
    found
}

/// Drops trailing spaces of every line and trailing blank lines.
fn trim_end(lines: &mut Vec<String>) {
    for line in lines.iter_mut() {
        line.truncate(line.trim_end().len());
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
}

/// Whether `actual` matches `expected`, where a `...` line of `expected` matches any lines.
fn matches(expected: &[String], actual: &[String]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, tail)| line == first && matches(rest, tail)),
    }
}

/// Runs `command` as the documents promise: `sh -c` in the repository root, `ntm` on `PATH`.
fn run(command: &str) -> Run {
    let bin = Path::new(env!("CARGO_BIN_EXE_ntm")).parent().unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(command)
        .current_dir(repo(""))
        .env("PATH", path)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("NTM_LANG")
        .output()
        .expect("sh runs")
        .into()
}

#[test]
fn every_console_example_prints_what_the_documents_say() {
    let mut all = Vec::new();
    for path in documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path
            .strip_prefix(repo(""))
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        all.extend(examples(&name, &text));
    }
    assert!(all.len() >= 10, "only {} console examples found", all.len());
    let mut failures = Vec::new();
    for example in &all {
        let out = run(&example.command);
        let mut actual: Vec<String> = out
            .stdout
            .lines()
            .chain(out.stderr.lines())
            .map(str::to_owned)
            .collect();
        trim_end(&mut actual);
        if !matches(&example.expected, &actual) || out.code != example.status {
            failures.push(format!(
                "{}:{}: $ {}\n--- expected (exit status {}):\n{}\n--- printed (exit status {}):\n{}\n",
                example.file,
                example.line,
                example.command,
                example.status,
                example.expected.join("\n"),
                out.code,
                actual.join("\n"),
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_convention_is_read_as_documented() {
    let text = "intro\n\n```console\n$ ntm a\none\n...\n[exit status 2]\n\n$ ntm b\n```\n\n```sh\n$ not run\n```\n";
    let found = examples("x.md", text);
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].line, found[0].command.as_str()), (4, "ntm a"));
    assert_eq!(found[0].expected, ["one", "..."]);
    assert_eq!(found[0].status, 2);
    assert_eq!((found[1].command.as_str(), found[1].status), ("ntm b", 0));
    assert!(found[1].expected.is_empty());

    let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
    assert!(matches(&lines("a\n...\nd"), &lines("a\nb\nc\nd")));
    assert!(matches(&lines("a\n...\nb"), &lines("a\nb")));
    assert!(matches(&lines("a\n..."), &lines("a")));
    assert!(!matches(&lines("a\n...\nd"), &lines("a\nb\nc")));
    assert!(!matches(&lines("a\nb"), &lines("a\nb\nc")));
}
