//! One module per subcommand, each with one entry point. Commands write data to the writer they
//! are given and warnings to the stderr writer they are given; they never print directly.

pub mod criteria;
pub mod diff;
pub mod gaps;
pub mod profile;
pub mod progress;
pub mod report;
pub mod score;
pub mod template;
pub mod trend;
pub mod validate;
