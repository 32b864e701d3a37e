//! End-to-end tests: they run the `ntm` binary on files under `tests/data` and compare its whole
//! output, exit status and messages.

mod bench_tools;
mod browser;
mod catalogue;
mod changes;
mod completions;
mod criteria;
mod docs;
mod errors;
mod examples;
mod gaps;
mod grouping;
mod hostile;
mod input;
mod layouts;
mod limits;
mod messages;
mod panels;
mod profile;
mod progress;
mod readme;
mod report;
mod score;
mod shell;
mod util;
mod validate;
mod versions;
mod vietnamese;
mod workbook;
