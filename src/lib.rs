//! `ntm` scores Vietnamese rural communes against the national New Rural Development criteria
//! (Nông thôn mới).
//!
//! Data flows one way, load → parse → score → aggregate → render: a versioned criteria set is
//! loaded from YAML ([`criteria`]); survey rows are read one at a time with the csv crate or from
//! a workbook and parsed into communes ([`survey`]); each commune is scored, a pure function of
//! the row and the set ([`score`]); progress, targets and changes are folded from the scores
//! ([`aggregate`]); and records and documents are rendered ([`render`]) to standard output or
//! to a file that appears whole or not at all. [`scan`] is the one loop that drives a survey
//! through these stages. [`cli`] turns arguments into typed options once, [`env`](mod@env) holds what
//! the run takes from its process, and [`cmd`] has one entry point per subcommand.

pub mod aggregate;
pub mod cli;
pub mod cmd;
pub mod code;
pub mod config;
pub mod criteria;
pub mod env;
pub mod error;
pub mod lang;
pub mod msg;
pub mod render;
pub mod scan;
pub mod score;
pub mod survey;
pub mod term;
pub mod text;
pub mod yaml;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::{Cli, Task};
use crate::env::{Env, Verbosity};
pub use crate::error::{Error, Result};
use crate::lang::Lang;

/// Runs `ntm` with `args` (the program name first) and returns the exit status: 0 on success,
/// 1 when `progress --check` finds a target not met, 2 on a usage or input error and on output
/// that cannot be written (a full disk, a standard output closed from the start). A reader that
/// closes the pipe early (`ntm … | head`) ends the run quietly with 0.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    // What chooses the language is read once, before parsing, for help and usage errors too:
    // NTM_LANG, and the configuration (`--config FILE`, else ntm.toml in the working folder)
    let env_lang = std::env::var_os(lang::ENV_VAR);
    let from_env = env_lang
        .as_deref()
        .and_then(|v| v.to_str().and_then(Lang::parse));
    let explicit_config = option_values(&args, "--config").pop();
    let config = std::env::current_dir()
        .map_err(|source| Error::Io {
            path: ".".into(),
            source,
        })
        .and_then(|dir| config::Config::find(explicit_config.as_deref(), &dir));
    let lang = Lang::chosen(
        lang_option(&args),
        from_env,
        config.as_ref().ok().and_then(|c| c.lang),
    );
    let cli = match Cli::parse_in(&args, lang) {
        Ok(cli) => cli,
        Err(err) if lang == Lang::Vi && err.use_stderr() => {
            return clap_exit(&err.apply::<cli::Vietnamese>(), lang);
        }
        Err(err) => return clap_exit(&err, lang),
    };
    let mut env = Env::detect(cli.verbosity());
    let color = cli.color().enabled(
        env.stderr_is_terminal,
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let mut stderr = term::Diagnostics::new(io::stderr(), color, env.verbosity == Verbosity::Quiet);
    if let Some(value) = env_lang.filter(|v| !v.is_empty() && from_env.is_none()) {
        let said = msg::Msg::BadLangVariable {
            value: value.to_string_lossy().into_owned(),
        };
        let _ = writeln!(stderr, "error: {}", said.text(lang));
        return ExitCode::from(2);
    }
    let config = match config {
        Ok(config) => config,
        Err(err) => {
            let _ = writeln!(
                stderr,
                "{}",
                err.report_in(Lang::chosen(cli.lang(), from_env, None))
            );
            return ExitCode::from(err.exit_code());
        }
    };
    env.lang = Lang::chosen(cli.lang(), from_env, config.lang);
    let task = cli.into_task(&config, &env);
    if env.stdout_closed && task.writes_to_stdout() {
        let _ = writeln!(stderr, "error: {}", msg::Msg::StdoutClosed.text(env.lang));
        return ExitCode::from(2);
    }
    match execute(task, &env, &mut stderr) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::TargetsNotMet) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = writeln!(stderr, "{}", err.report_in(env.lang));
            ExitCode::from(err.exit_code())
        }
    }
}

/// The last valid `--lang` among raw arguments (as clap takes the last one).
fn lang_option(args: &[OsString]) -> Option<Lang> {
    option_values(args, "--lang")
        .iter()
        .rev()
        .find_map(|v| Lang::parse(v))
}

/// The values given to the option `name` among raw arguments (`--config FILE` or
/// `--config=FILE`), in order, up to a `--`; for what must be known before they are parsed.
fn option_values(args: &[OsString], name: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == name {
            found.extend(args.next().map(std::borrow::Cow::into_owned));
        } else if let Some(value) = arg.strip_prefix(name).and_then(|v| v.strip_prefix('=')) {
            found.push(value.to_owned());
        }
    }
    found
}

/// How a task ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (exit status 0).
    Success,
    /// `progress --check` found a target not met, or `diff --check` a commune that lost a
    /// tier or criterion (exit status 1).
    TargetsNotMet,
}

/// Carries out one task in `env`, writing data to standard output and warnings to `stderr`.
pub fn execute(task: Task, env: &Env, stderr: &mut dyn Write) -> Result<Outcome> {
    let done = |r: Result<()>| r.map(|()| Outcome::Success);
    let stdout_error = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match task {
        Task::Completions(shell) => {
            let mut out = io::stdout().lock();
            cli::completions(shell, &mut out)
                .and_then(|()| out.flush())
                .map_err(stdout_error)?;
            Ok(Outcome::Success)
        }
        Task::Man(subcommand) => {
            let mut out = io::stdout().lock();
            match cli::man_page(subcommand.as_deref(), &mut out) {
                Some(written) => written.and_then(|()| out.flush()).map_err(stdout_error)?,
                None => {
                    return Err(Error::usage(msg::Msg::NoSubcommand {
                        name: subcommand.unwrap_or_default(),
                    }));
                }
            }
            Ok(Outcome::Success)
        }
        Task::Score(options) => done(cmd::score::run(&options, env, stderr)),
        Task::Gaps(options) => done(cmd::gaps::run(&options, env, stderr)),
        Task::Report(options) => done(cmd::report::run(&options, env, stderr)),
        Task::Template {
            criteria,
            output,
            lang,
        } => done(cmd::template::run(&criteria, output.as_deref(), lang)),
        Task::Validate(options) => {
            if cmd::validate::run(&options, env, &mut io::stdout().lock(), stderr)? {
                Ok(Outcome::Success)
            } else {
                Err(Error::usage(msg::Msg::CannotBeScored {
                    file: survey::input::shown(&options.input),
                }))
            }
        }
        Task::Diff { options, check } => {
            let any_lost = cmd::diff::run(&options, env, stderr)?;
            Ok(if check && any_lost {
                Outcome::TargetsNotMet
            } else {
                Outcome::Success
            })
        }
        Task::Trend(options) => done(cmd::trend::run(&options, env, stderr)),
        Task::Profile(options) => done(cmd::profile::run(&options, env, stderr)),
        Task::Progress { options, check } => {
            let outcome = cmd::progress::run(&options, env, stderr)?;
            Ok(
                if check && outcome == cmd::progress::TargetsOutcome::NotAllMet {
                    Outcome::TargetsNotMet
                } else {
                    Outcome::Success
                },
            )
        }
        Task::CriteriaList { format, lang } => done(cmd::criteria::list(
            format,
            lang,
            env,
            &mut io::stdout().lock(),
        )),
        Task::CriteriaShow { set, format, lang } => done(cmd::criteria::show(
            &set,
            format,
            lang,
            env,
            &mut io::stdout().lock(),
        )),
        Task::CriteriaCheck { file, lang } => {
            done(cmd::criteria::check(&file, lang, &mut io::stdout().lock()))
        }
        Task::CriteriaTodo { set } => done(cmd::criteria::todo(&set, &mut io::stdout().lock())),
        Task::CriteriaDiff { a, b, format, lang } => done(cmd::criteria::diff(
            &a,
            &b,
            format,
            lang,
            env,
            &mut io::stdout().lock(),
        )),
    }
}

/// The exit status after clap's message: `--help` and `--version` (status 0) and usage errors
/// (status 2). Help or a version that cannot be written is an error (2), unless the reader
/// closed the pipe early; it is said in `lang`.
fn clap_exit<F: clap::error::ErrorFormatter>(err: &clap::error::Error<F>, lang: Lang) -> ExitCode {
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    if !err.use_stderr() && env::stdout_closed() {
        let _ = writeln!(io::stderr(), "error: {}", msg::Msg::StdoutClosed.text(lang));
        return ExitCode::from(2);
    }
    match err.print() {
        Ok(()) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {}", msg::io("<stdout>", &e, lang));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &Error) -> bool {
    matches!(err, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    /// `--lang` and `--config` are found before parsing, in either form; the last valid one
    /// counts, and nothing after `--`.
    #[test]
    fn options_are_found_before_parsing() {
        let lang = |a: &[&str]| lang_option(&args(a));
        assert_eq!(lang(&["ntm", "--lang", "en", "score"]), Some(Lang::En));
        assert_eq!(lang(&["ntm", "score", "--lang=EN"]), Some(Lang::En));
        assert_eq!(
            lang(&["ntm", "--lang", "en", "--lang", "vi"]),
            Some(Lang::Vi)
        );
        assert_eq!(
            lang(&["ntm", "--lang", "en", "--lang", "fr"]),
            Some(Lang::En)
        );
        assert_eq!(lang(&["ntm", "score", "--", "--lang", "en"]), None);
        assert_eq!(lang(&["ntm", "--lang", "fr"]), None);
        assert_eq!(Lang::parse(" Vi "), Some(Lang::Vi));
        assert_eq!(
            option_values(
                &args(&["ntm", "--config", "a.toml", "--config=b.toml"]),
                "--config"
            ),
            ["a.toml", "b.toml"]
        );
        assert!(option_values(&args(&["ntm", "--configs", "x"]), "--config").is_empty());
    }
}
