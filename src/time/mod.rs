//! Time: instants, durations and policy calendars (time zone, weekend, holidays).
//!
//! The engine never reads a clock: `now` is always an input, so every decision can be replayed.

mod calendar;
mod timestamp;

pub use calendar::{Calendar, Duration, MAX_BUSINESS_DAYS, MAX_DURATION_COUNT};
pub use timestamp::Timestamp;
