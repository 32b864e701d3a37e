//! `ntm gaps`: for each commune below the top tier, what it lacks for the next tier, worst
//! first.

use std::io::Write;

use crate::env::Env;
use crate::error::Result;
use crate::render::GapsRow;
use crate::scan::{self, StreamOptions};
use crate::score::gaps::gaps;

/// Runs `ntm gaps`, writing warnings to `stderr`.
pub fn run(options: &StreamOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    let set = scan::load_set(
        &options.criteria,
        &options.input,
        &options.read,
        env.lang,
        stderr,
    )?;
    scan::run("gaps", &set, options, env, stderr, |score| {
        gaps(&set, &score).map(|(next, gaps)| GapsRow::new(&set, &score, next, gaps))
    })
}
