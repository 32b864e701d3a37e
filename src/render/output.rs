//! Where output goes: standard output, or a file written atomically (the whole result or
//! nothing: a temporary file in the same folder, renamed into place only on success). A path
//! that names something other than a file, such as `/dev/null` or a named pipe, is written to
//! as it is: renaming a file over it would replace it.
//!
//! A run ended by a signal (Ctrl-C's `SIGINT`, `SIGTERM`, `SIGHUP`) while a temporary file is
//! being written removes it and exits with status 128 + the signal's number (130, 143, 129):
//! the file is never left behind in the user's folder.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::error::{Error, Result};
use crate::render::DocumentFormat;

/// Writes the output of one command to `path` (standard output when `None` or `-`) through
/// `write`, whole or not at all: when `write` fails, a file is never created at `path` (a
/// device or standard output keeps what was written). `write` is given the writer and the
/// name to use in its error messages.
///
/// # Errors
/// What opening, `write` or finishing the output gives.
pub fn write_whole<T>(
    path: Option<&str>,
    write: impl FnOnce(&mut dyn Write, &str) -> Result<T>,
) -> Result<T> {
    let mut output = Output::open(path)?;
    let name = output.name().to_owned();
    match write(output.writer(), &name) {
        Ok(value) => output.commit().map(|()| value),
        Err(err) => {
            output.abandon();
            Err(err)
        }
    }
}

/// Fails when `output` names one of `inputs` (the same file, by whatever path): writing the
/// output would replace the survey it is made from. Checked before anything is read or written.
///
/// # Errors
/// A usage error naming both.
pub fn refuse_overwriting(output: Option<&str>, inputs: &[&str]) -> Result<()> {
    let Some(output) = output.filter(|o| *o != "-") else {
        return Ok(());
    };
    // (an output that does not exist yet is no input: inputs exist)
    let Ok(written) = std::fs::canonicalize(output) else {
        return Ok(());
    };
    for input in inputs.iter().filter(|i| **i != "-") {
        if std::fs::canonicalize(input).is_ok_and(|read| read == written) {
            return Err(Error::usage(crate::msg::Msg::OutputIsInput {
                output: output.to_string(),
                input: input.to_string(),
            }));
        }
    }
    Ok(())
}

/// Fails when `output` names a file whose extension is none of `extensions` (given without
/// the dot, lower case), which `command` writes: `score -o x.pdf` must not leave CSV text in a
/// `.pdf`. A path without an extension, a device or standard output is let be. Also fails when
/// `workbook` (an Excel workbook is to be written) and the output is standard output.
///
/// # Errors
/// A usage error naming what the command writes.
pub fn check_extension(
    output: Option<&str>,
    command: &str,
    extensions: &[&str],
    workbook: bool,
) -> Result<()> {
    let output = output.filter(|o| *o != "-");
    if workbook && output.is_none() {
        return Err(Error::usage(crate::msg::Msg::WorkbookToStdout {
            command: command.to_string(),
        }));
    }
    let Some(ext) = output.and_then(|o| Path::new(o).extension()) else {
        return Ok(());
    };
    if extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)) {
        return Ok(());
    }
    let listed: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
    Err(Error::usage(crate::msg::Msg::WrongExtension {
        command: command.to_string(),
        extension: ext.to_string_lossy().into_owned(),
        extensions: listed,
    }))
}

/// Checks the `-o` file of a document command (`command`, writing `formats`) before anything
/// is read: its extension must name one of `formats` ([`check_extension`], which also keeps a
/// workbook off standard output), and the very `format` to be written — `--format html -o
/// report.pdf` would leave HTML in a `.pdf`. A `.txt` file takes any text format.
///
/// # Errors
/// A usage error naming what is wrong.
pub fn check_document_output(
    output: Option<&str>,
    command: &str,
    formats: &[DocumentFormat],
    format: DocumentFormat,
) -> Result<()> {
    let extensions: Vec<&str> = formats
        .iter()
        .flat_map(|f| f.extensions().iter().copied())
        .collect();
    check_extension(output, command, &extensions, format == DocumentFormat::Xlsx)?;
    let Some(output) = output.filter(|o| *o != "-") else {
        return Ok(());
    };
    // a .txt takes any text: tables, Markdown, JSON, CSV
    let binary = matches!(format, DocumentFormat::Xlsx | DocumentFormat::Pdf);
    match DocumentFormat::of_extension(output) {
        Some(named) if named != format && (named != DocumentFormat::Table || binary) => {
            Err(Error::usage(crate::msg::Msg::FormatNotExtension {
                output: output.to_owned(),
                format: format.to_string(),
            }))
        }
        _ => Ok(()),
    }
}

/// Names `path` on an I/O error, for [`write_whole`]'s writers.
pub fn io_error(path: &str) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// The temporary files being written, which a signal that ends the run removes.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Creates a temporary file in `dir` with `builder`, noted as one to remove if a signal ends the
/// run (the signals are watched from the first one on). It is created and noted under the lock
/// the signal's thread takes: no signal can fall between the two.
fn pending_temp_file(
    builder: &tempfile::Builder<'_, '_>,
    dir: &Path,
) -> io::Result<tempfile::NamedTempFile> {
    watch_signals();
    let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    let temp = builder.tempfile_in(dir)?;
    pending.push(temp.path().to_owned());
    Ok(temp)
}

/// Forgets `path`: it has been moved into place, or removed.
fn unregister(path: &Path) {
    PENDING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|p| p != path);
}

/// Starts, once, a thread that waits for `SIGINT`, `SIGTERM` or `SIGHUP`, removes the pending
/// temporary files and exits with 128 + the signal. (The lock is held to the end, so no file
/// is registered or moved into place meanwhile; a file already moved into place is whole.) A
/// signal the process was started ignoring stays ignored: `nohup` ignores `SIGHUP`, and a shell
/// script's background job `SIGINT`.
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    static WATCHING: std::sync::Once = std::sync::Once::new();
    WATCHING.call_once(|| {
        let ignored = ignored_signals();
        let watched: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
            .into_iter()
            .filter(|s| u32::try_from(*s - 1).is_ok_and(|bit| ignored & (1 << bit) == 0))
            .collect();
        if watched.is_empty() {
            return;
        }
        let Ok(mut signals) = signal_hook::iterator::Signals::new(watched) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                for path in pending.iter() {
                    let _ = std::fs::remove_file(path);
                }
                std::process::exit(128 + signal);
            }
        });
    });
}

/// The signals the process ignores, as a mask (bit `n - 1` for signal `n`): on Linux the
/// `SigIgn` line of `/proc/self/status`; elsewhere none are known.
#[cfg(unix)]
fn ignored_signals() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find_map(|l| l.strip_prefix("SigIgn:"))?;
            u64::from_str_radix(line.trim(), 16).ok()
        })
        .unwrap_or(0)
}

#[cfg(not(unix))]
fn watch_signals() {}

/// An output destination.
enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A device or named pipe (anything that exists and is not a file or folder), written
    /// directly.
    Device {
        /// Where it is written.
        writer: BufWriter<std::fs::File>,
        /// Its path.
        path: String,
    },
    /// A temporary file that becomes `path` on [`Output::commit`].
    File {
        /// The temporary file.
        temp: BufWriter<tempfile::NamedTempFile>,
        /// The final path.
        path: String,
    },
}

impl Output {
    /// Standard output when `path` is `None` or `-`, otherwise an atomic file at `path`.
    fn open(path: Option<&str>) -> Result<Output> {
        match path {
            None | Some("-") => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
            Some(path) if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                let file =
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(path)
                        .map_err(|source| Error::Io {
                            path: path.to_owned(),
                            source,
                        })?;
                Ok(Output::Device {
                    writer: BufWriter::new(file),
                    path: path.to_owned(),
                })
            }
            Some(path) => {
                let dir = Path::new(path)
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let mut builder = tempfile::Builder::new();
                builder.prefix(".ntm-").suffix(".tmp");
                // an ordinary file, readable by others as files people save are, not the
                // private 0600 of a temporary file
                #[cfg(unix)]
                builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
                let temp = pending_temp_file(&builder, dir).map_err(|source| Error::Io {
                    path: path.to_owned(),
                    source,
                })?;
                Ok(Output::File {
                    temp: BufWriter::new(temp),
                    path: path.to_owned(),
                })
            }
        }
    }

    /// The name to use in error messages.
    #[must_use]
    fn name(&self) -> &str {
        match self {
            Output::Stdout(_) => "<stdout>",
            Output::File { path, .. } | Output::Device { path, .. } => path,
        }
    }

    /// The writer to render into.
    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { temp, .. } => temp,
            Output::Device { writer, .. } => writer,
        }
    }

    /// Finishes the output: flushes standard output, or moves the file into place.
    fn commit(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|source| Error::Io {
                path: "<stdout>".to_owned(),
                source,
            }),
            Output::Device { mut writer, path } => {
                writer.flush().map_err(|source| Error::Io { path, source })
            }
            Output::File { temp, path } => {
                let io_err = |source| Error::Io {
                    path: path.clone(),
                    source,
                };
                let temp_path = temp.get_ref().path().to_owned();
                let written = temp
                    .into_inner()
                    .map_err(|e| io_err(e.into_error()))
                    .and_then(|temp| {
                        temp.as_file().sync_all().map_err(io_err)?;
                        temp.persist(&path).map_err(|e| io_err(e.error))
                    })
                    .map(drop);
                // moved into place, or removed as the temporary file was dropped
                unregister(&temp_path);
                written
            }
        }
    }

    /// Abandons the output after an error: standard output or a device keeps the rows already
    /// written (they are flushed); a file is removed and never appears at its path.
    fn abandon(self) {
        match self {
            Output::Stdout(mut w) => {
                let _ = w.flush();
            }
            Output::Device { mut writer, .. } => {
                let _ = writer.flush();
            }
            Output::File { temp, .. } => {
                let path = temp.get_ref().path().to_owned();
                drop(temp);
                unregister(&path);
            }
        }
    }
}
