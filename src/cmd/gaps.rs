//! `ntm gaps`: for each commune below the top tier, what it lacks for the next tier, worst
//! first.

use std::io::Write;

use super::stream::{self, StreamOptions};
use crate::error::Result;
use crate::gaps::gaps;
use crate::render::GapsRow;

/// Runs `ntm gaps`, writing warnings to `stderr`.
pub fn run(options: &StreamOptions, stderr: &mut dyn Write) -> Result<()> {
    stream::run(options, stderr, |set, score| {
        gaps(set, &score).map(|(next, gaps)| GapsRow::new(set, &score, next, gaps))
    })
}
