//! `ntm score`: one record per commune — criteria met, band, tier, next tier, and which criteria
//! are not met, basically met or not assessed.

use std::io::Write;

use crate::env::Env;
use crate::error::Result;
use crate::render::ScoreRow;
use crate::scan::{self, StreamOptions};

/// Runs `ntm score`, writing warnings to `stderr`.
pub fn run(options: &StreamOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    let set = scan::load_set(
        &options.criteria,
        &options.input,
        &options.read,
        env.lang,
        stderr,
    )?;
    scan::run("score", &set, options, env, stderr, |score| {
        Some(ScoreRow::new(&set, score))
    })
}
