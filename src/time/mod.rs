//! Time: instants, durations, time zones and policy calendars (time zone, weekend, holidays).
//!
//! The engine never reads a clock: `now` is always an input, so every decision can be replayed.

mod calendar;
mod civil;
mod text;
mod timestamp;
mod zone;

pub use calendar::{Calendar, Duration, MAX_BUSINESS_DAYS, MAX_DURATION_COUNT};
pub(crate) use text::parse_date;
pub use timestamp::Timestamp;
pub(crate) use timestamp::{MAX_MILLIS, MIN_MILLIS};
pub(crate) use zone::ZoneRules;
pub use zone::{zone_names, UnknownZone, Zone};
