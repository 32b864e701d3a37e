//! What the scored communes come to together: progress against targets, and what changed
//! between two surveys.

pub mod changes;
pub mod periods;
pub mod progress;
pub mod targets;
pub mod trend;
