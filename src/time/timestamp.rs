//! Instants: milliseconds since the Unix epoch, read from RFC 3339 text or epoch numbers.

use super::Zone;
use chrono::{DateTime, TimeZone, Utc};

/// An instant, in whole milliseconds since 1970-01-01T00:00:00Z.
///
/// ```
/// use ordergate::Timestamp;
/// let t = Timestamp::parse("2026-03-02T10:00:00+07:00").unwrap();
/// assert_eq!(t, Timestamp::from_millis(1_772_420_400_000));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// The earliest and latest instants accepted (years 1 to 9999), so that every computation on them
/// stays inside chrono's range.
pub(crate) const MIN_MILLIS: i64 = -62_135_596_800_000;
pub(crate) const MAX_MILLIS: i64 = 253_402_300_799_999;

impl Timestamp {
    /// An instant from epoch milliseconds (clamped to years 1..=9999).
    pub fn from_millis(ms: i64) -> Self {
        Timestamp(ms.clamp(MIN_MILLIS, MAX_MILLIS))
    }

    /// Epoch milliseconds.
    pub fn millis(self) -> i64 {
        self.0
    }

    /// Reads an RFC 3339 timestamp with an explicit offset (`Z` or `+07:00`).
    ///
    /// Returns `None` for text without an offset or outside years 1..=9999.
    pub fn parse(text: &str) -> Option<Self> {
        Self::from_millis_checked(super::text::parse_instant(text)?)
    }

    /// An instant from epoch milliseconds, or `None` outside the years 1 to 9999.
    pub(crate) fn from_millis_checked(ms: i64) -> Option<Self> {
        (MIN_MILLIS..=MAX_MILLIS)
            .contains(&ms)
            .then_some(Timestamp(ms))
    }

    /// Reads epoch milliseconds given as a JSON number; fractions and unsafe integers are refused.
    pub fn from_json_number(n: &serde_json::Number) -> Option<Self> {
        Self::from_millis_checked(n.as_i64()?)
    }

    /// The instant as a UTC date-time.
    pub(crate) fn to_utc(self) -> DateTime<Utc> {
        // In range by construction; the fallback is never taken.
        Utc.timestamp_millis_opt(self.0)
            .single()
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// RFC 3339 text in the given zone, with milliseconds only when they are not zero.
    pub fn format_in(self, zone: Zone) -> String {
        super::text::format_instant(self.0, zone.offset_at(self))
    }

    /// This instant plus (or minus) some milliseconds, saturating at the accepted range.
    ///
    /// ```
    /// let t = ordergate::Timestamp::from_millis(1_000);
    /// assert_eq!(t.offset(-1).millis(), 999);
    /// ```
    pub fn offset(self, ms: i64) -> Self {
        Timestamp::from_millis(self.0.saturating_add(ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requires_an_offset() {
        assert!(Timestamp::parse("2026-03-02T10:00:00").is_none());
        assert!(Timestamp::parse("2026-03-02T10:00:00Z").is_some());
    }

    #[test]
    fn formats_in_zone_with_millis_only_when_needed() {
        let t = Timestamp::parse("2026-03-02T03:00:00Z").unwrap();
        assert_eq!(
            t.format_in(Zone::named("Asia/Jakarta").expect("a zone")),
            "2026-03-02T10:00:00+07:00"
        );
        assert_eq!(t.offset(1).format_in(Zone::UTC), "2026-03-02T03:00:00.001Z");
    }
}
