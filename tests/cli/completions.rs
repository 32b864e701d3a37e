//! Shell completions, run in the shells themselves: bash, zsh and fish offer the subcommands
//! (no hidden one), the built-in criteria sets and files where a set is asked for, and for
//! `--format` the formats its command writes. A shell that is not installed is skipped with a
//! note, except under CI, where the test fails (`.ci/run` installs zsh and fish).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use clap::CommandFactory;
use ntm::criteria::BUILTIN_SETS;
use ntm::render::DocumentFormat;

use crate::util::{external, ntm};

#[test]
fn completions_parse_in_their_shells() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, checker) in [
        ("bash", Some(("bash", "-n"))),
        ("zsh", Some(("zsh", "-n"))),
        ("fish", Some(("fish", "--no-execute"))),
        ("powershell", None),
    ] {
        let run = ntm(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for word in ["score", "progress", "criteria", "lang"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
        let Some((program, flag)) = checker else {
            // (PowerShell's script completes no option's values)
            assert!(run.stdout.contains("Register-ArgumentCompleter"));
            continue;
        };
        for set in BUILTIN_SETS {
            assert!(run.stdout.contains(set.id), "{shell} lacks {}", set.id);
        }
        let Some(program) = external(&[program], program) else {
            continue;
        };
        let file = dir.path().join(format!("ntm.{shell}"));
        std::fs::write(&file, &run.stdout).unwrap();
        let check = Process::new(program).arg(flag).arg(&file).output().unwrap();
        assert!(
            check.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    assert_eq!(ntm(&["completions", "tcsh"]).code, 2);
}

/// Bash: sources the script, fills in the words as bash does before it calls the function the
/// script registered for `ntm`, calls it and prints what it offers, one a line.
const BASH_DRIVER: &str = r#"
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
function=$(complete -p ntm | sed 's/.* -F \([^ ]*\) .*/\1/')
"$function" ntm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
printf '%s\n' "${COMPREPLY[@]}"
"#;

/// Zsh, in the interactive shell it inside a pseudo-terminal (`zpty`), whose completion system
/// offers what `compadd` is given: `compadd` is wrapped to write the matches to `$ZT_OUT`, and a
/// last function says when completion is over.
const ZSH_SETUP: &str = r#"
PS1=''; RPS1=''
unsetopt auto_list list_beep
fpath=($ZT_FPATH $fpath)
autoload -Uz compinit
compinit -u -D
compadd() {
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return
    fi
    local -a hits
    builtin compadd -A hits "$@"
    (( $#hits )) && print -rl -- $hits >> $ZT_OUT
    builtin compadd "$@"
}
_zt_done() { print -r -- done > $ZT_OUT.done }
comppostfuncs=(_zt_done)
bindkey '^I' complete-word
print -r -- ready > $ZT_OUT.ready
"#;

/// Zsh: starts the interactive shell, waits until it is set up, types the line and a tab,
/// waits until completion is over, and leaves.
const ZSH_DRIVER: &str = r#"
zmodload zsh/zpty || exit 3
zpty shell ZT_FPATH=$1 ZT_OUT=$2 zsh -f -i
zpty -w shell "source ${(q)3}"
local i line
for i in {1..400}; do [[ -e $2.ready ]] && break; sleep 0.025; done
zpty -w -n shell "$4"$'\t'
for i in {1..400}; do [[ -e $2.done ]] && break; sleep 0.025; done
zpty -w -n shell $'\C-u'
zpty -w shell exit
while zpty -r shell line; do :; done
zpty -d shell
[[ -e $2.done ]]
"#;

/// One shell, its script installed in `scripts`, completing in `work`.
struct Shell {
    name: &'static str,
    program: PathBuf,
    scripts: PathBuf,
    work: PathBuf,
}

impl Shell {
    /// The shell `name` with `ntm`'s script, or `None` when it is not installed.
    fn new(name: &'static str, root: &Path) -> Option<Shell> {
        let program = external(&[name], name)?;
        let scripts = root.join(format!("{name}-scripts"));
        std::fs::create_dir_all(scripts.join("fpath")).unwrap();
        let run = ntm(&["completions", name]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let script = match name {
            "zsh" => scripts.join("fpath").join("_ntm"),
            _ => scripts.join(format!("ntm.{name}")),
        };
        std::fs::write(&script, &run.stdout).unwrap();
        std::fs::write(scripts.join("driver.bash"), BASH_DRIVER).unwrap();
        std::fs::write(scripts.join("setup.zsh"), ZSH_SETUP).unwrap();
        std::fs::write(scripts.join("driver.zsh"), ZSH_DRIVER).unwrap();
        let shell = Shell {
            name,
            program,
            scripts,
            work: root.join("work"),
        };
        // the script loads without a word on stderr
        if name != "zsh" {
            let loaded = shell
                .command()
                .arg("-c")
                .arg(format!("source '{}'", script.display()))
                .output()
                .unwrap();
            assert!(
                loaded.status.success() && loaded.stderr.is_empty(),
                "{name}: {}",
                String::from_utf8_lossy(&loaded.stderr)
            );
        }
        Some(shell)
    }

    fn command(&self) -> Process {
        let mut command = Process::new(&self.program);
        if self.name == "fish" {
            command.arg("--no-config");
        } else if self.name == "bash" {
            command.args(["--norc", "--noprofile"]);
        } else {
            command.arg("-f");
        }
        command.current_dir(&self.work).env("HOME", &self.scripts);
        command
    }

    /// What the shell offers for the last word of `line` (typed in the `work` folder), each
    /// once, as it would be inserted: without a folder's `/`, a description or the shell's
    /// quoting.
    fn complete(&self, line: &str) -> BTreeSet<String> {
        let out = match self.name {
            "bash" => {
                let mut command = self.command();
                command
                    .arg(self.scripts.join("driver.bash"))
                    .arg(self.scripts.join("ntm.bash"))
                    .args(line.split(' '));
                command.output().unwrap()
            }
            "fish" => {
                let mut command = self.command();
                command
                    .arg("-c")
                    .arg("source $argv[1]; complete -C $argv[2]")
                    .arg(self.scripts.join("ntm.fish"))
                    .arg(line);
                command.output().unwrap()
            }
            _ => {
                let said = self.scripts.join("offered");
                for stale in ["", ".ready", ".done"] {
                    let _ = std::fs::remove_file(format!("{}{stale}", said.display()));
                }
                let mut command = self.command();
                command
                    .arg(self.scripts.join("driver.zsh"))
                    .arg(self.scripts.join("fpath"))
                    .arg(&said)
                    .arg(self.scripts.join("setup.zsh"))
                    .arg(line);
                let mut out = command.output().unwrap();
                out.stdout = std::fs::read(&said).unwrap_or_default();
                out
            }
        };
        assert!(
            out.status.success(),
            "{} {line:?}: {}",
            self.name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                let word = l.split('\t').next().unwrap_or_default();
                word.trim_end_matches('/').replace('\\', "")
            })
            .collect()
    }

    /// What [`Shell::complete`] offers but options.
    fn words(&self, line: &str) -> BTreeSet<String> {
        self.complete(line)
            .into_iter()
            .filter(|w| !w.starts_with('-'))
            .collect()
    }
}

/// The shells installed, each with `ntm`'s script, completing in a folder holding a YAML file
/// with a space and Vietnamese letters in its name, another, and a folder.
fn shells(root: &Path) -> Vec<Shell> {
    let work = root.join("work");
    std::fs::create_dir_all(work.join("bo-tieu-chi")).unwrap();
    std::fs::write(work.join("tinh.yaml"), "").unwrap();
    std::fs::write(work.join("mẫu tỉnh.yaml"), "").unwrap();
    ["bash", "zsh", "fish"]
        .into_iter()
        .filter_map(|name| Shell::new(name, root))
        .collect()
}

fn set(words: &[&str]) -> BTreeSet<String> {
    words.iter().map(|w| (*w).to_owned()).collect()
}

/// Every subcommand offered is one `ntm --help` lists: none hidden.
#[test]
fn completion_offers_the_subcommands_and_no_hidden_one() {
    let root = tempfile::tempdir().unwrap();
    let command = ntm::cli::Cli::command();
    let visible = |command: &clap::Command| -> BTreeSet<String> {
        command
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| s.get_name().to_owned())
            .chain(["help".to_owned()])
            .collect()
    };
    let criteria = command.find_subcommand("criteria").unwrap();
    for shell in shells(root.path()) {
        assert_eq!(shell.words("ntm "), visible(&command), "{}", shell.name);
        assert_eq!(
            shell.words("ntm criteria "),
            visible(criteria),
            "{}",
            shell.name
        );
    }
}

/// Where a criteria set is asked for, the built-in ids and the files.
#[test]
fn completion_offers_the_built_in_sets_and_files() {
    let root = tempfile::tempdir().unwrap();
    let ids: Vec<&str> = BUILTIN_SETS.iter().map(|b| b.id).collect();
    let mut ids_and_files = set(&ids);
    ids_and_files.extend(set(&["tinh.yaml", "mẫu tỉnh.yaml", "bo-tieu-chi"]));
    for shell in shells(root.path()) {
        for line in [
            "ntm score -c ",
            "ntm score --criteria ",
            "ntm validate x.csv --criteria ",
            "ntm report --criteria ",
            "ntm criteria show ",
            "ntm criteria diff ",
            "ntm criteria diff vn-commune-2021-2025 ",
            "ntm criteria todo ",
            "ntm criteria check ",
        ] {
            assert_eq!(shell.words(line), ids_and_files, "{} {line:?}", shell.name);
        }
        // as they are typed
        assert_eq!(
            shell.words("ntm criteria show vn-commune-202"),
            set(&["vn-commune-2021-2025", "vn-commune-2026-2030"]),
            "{}",
            shell.name
        );
        assert_eq!(
            shell.words("ntm score --criteria ti"),
            set(&["tinh.yaml"]),
            "{}",
            shell.name
        );
        // and nowhere else: a survey file is a file, not a set
        let offered = shell.words("ntm score ");
        assert!(
            ids.iter().all(|id| !offered.contains(*id)),
            "{}: {offered:?}",
            shell.name
        );
    }
}

/// `--format` offers what its command writes, and `--pick` the problem codes.
#[test]
fn completion_offers_the_formats_each_command_writes() {
    let root = tempfile::tempdir().unwrap();
    let names = |formats: &[DocumentFormat]| -> BTreeSet<String> {
        formats.iter().map(|f| f.name().to_owned()).collect()
    };
    let records = set(&["table", "csv", "json", "ndjson", "xlsx"]);
    let cases = [
        ("ntm score --format ", records.clone()),
        ("ntm gaps -f ", records.clone()),
        ("ntm diff --format ", records),
        ("ntm validate --format ", names(ntm::cmd::validate::FORMATS)),
        ("ntm progress --format ", names(ntm::cmd::progress::FORMATS)),
        ("ntm trend --format ", names(ntm::cmd::trend::FORMATS)),
        ("ntm profile --format ", names(ntm::cmd::profile::FORMATS)),
        ("ntm report --format ", names(ntm::cmd::report::FORMATS)),
        (
            "ntm criteria list --format ",
            names(ntm::cmd::criteria::LIST_FORMATS),
        ),
        (
            "ntm criteria show --format ",
            names(ntm::cmd::criteria::SHOW_FORMATS),
        ),
        (
            "ntm criteria diff --format ",
            names(ntm::cmd::criteria::DIFF_FORMATS),
        ),
    ];
    for shell in shells(root.path()) {
        for (line, formats) in &cases {
            assert_eq!(&shell.words(line), formats, "{} {line:?}", shell.name);
        }
        assert_eq!(
            shell.words("ntm validate --pick duplicate-"),
            set(&["duplicate-code", "duplicate-column", "duplicate-id"]),
            "{}",
            shell.name
        );
    }
}
