//! Where output goes: standard output, or a file written atomically (the whole result or
//! nothing: a temporary file in the same folder, renamed into place only on success). A path
//! that names something other than a file, such as `/dev/null` or a named pipe, is written to
//! as it is: renaming a file over it would replace it.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

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
            return Err(Error::Usage(format!(
                "-o {output} names the input file {input}; writing there would replace it: write the output to another file"
            )));
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
        return Err(Error::Usage(format!(
            "a workbook cannot go to standard output; name the file: ntm {command} … -o FILE.xlsx"
        )));
    }
    let Some(ext) = output.and_then(|o| Path::new(o).extension()) else {
        return Ok(());
    };
    if extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)) {
        return Ok(());
    }
    let listed: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
    Err(Error::Usage(format!(
        "ntm {command} does not write .{} files; it writes {} (-o FILE with one of those extensions, or --format)",
        ext.to_string_lossy(),
        listed.join(", ")
    )))
}

/// Names `path` on an I/O error, for [`write_whole`]'s writers.
pub fn io_error(path: &str) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

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
                let temp = builder.tempfile_in(dir).map_err(|source| Error::Io {
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
                let temp = temp.into_inner().map_err(|e| io_err(e.into_error()))?;
                temp.as_file().sync_all().map_err(io_err)?;
                temp.persist(&path).map_err(|e| io_err(e.error))?;
                Ok(())
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
            Output::File { .. } => {}
        }
    }
}
