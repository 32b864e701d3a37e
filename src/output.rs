//! Where output goes: standard output, or a file written atomically (the whole result or
//! nothing: a temporary file in the same folder, renamed into place only on success).

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// An output destination.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
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
    pub fn open(path: Option<&str>) -> Result<Output> {
        match path {
            None | Some("-") => Ok(Output::Stdout(BufWriter::new(io::stdout()))),
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
    pub fn name(&self) -> &str {
        match self {
            Output::Stdout(_) => "<stdout>",
            Output::File { path, .. } => path,
        }
    }

    /// The writer to render into.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { temp, .. } => temp,
        }
    }

    /// Finishes the output: flushes standard output, or moves the file into place.
    pub fn commit(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|source| Error::Io {
                path: "<stdout>".to_owned(),
                source,
            }),
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

    /// Abandons the output after an error: standard output keeps the rows already written
    /// (they are flushed); a file is removed and never appears at its path.
    pub fn abandon(self) {
        if let Output::Stdout(mut w) = self {
            let _ = w.flush();
        }
    }
}
