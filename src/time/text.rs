//! RFC 3339 text for instants (`2026-03-02T10:00:00.250+07:00`) and plain dates (`2026-03-02`),
//! read and written by hand: a date library's general formatter costs tens of kilobytes in the
//! WebAssembly module for these two fixed shapes.

use super::civil::{civil_from_days, days_from_civil, month_length, SECONDS_PER_DAY};
use chrono::NaiveDate;

/// Reads a plain date, `YYYY-MM-DD` (years 0001..=9999).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    (b.len() == 10).then_some(())?;
    let (year, month, day) = date_at(b)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month.into(), day.into())
}

/// Reads an RFC 3339 date-time with an offset, into epoch milliseconds.
///
/// `T`, `t` or a space separates date and time; `Z` or `z` stands for `+00:00`; a fraction of a
/// second may have any number of digits and is truncated to the millisecond; a leap second
/// (`:60`) is read as the start of the next second. Offsets go up to `±23:59`.
pub(crate) fn parse_instant(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let (year, month, day) = date_at(b.get(..10)?)?;
    if !matches!(b.get(10)?, b'T' | b't' | b' ') || b.get(13)? != &b':' || b.get(16)? != &b':' {
        return None;
    }
    let (hour, minute, second) = (two(b, 11)?, two(b, 14)?, two(b, 17)?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0;
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        millis = fraction[..digits.min(3)]
            .iter()
            .zip([100, 10, 1])
            .map(|(c, place)| i64::from(c - b'0') * place)
            .sum();
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (two(&[*h1, *h2], 0)?, two(&[*m1, *m2], 0)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let offset = i64::from(hours) * 3600 + i64::from(minutes) * 60;
            if *sign == b'-' {
                -offset
            } else {
                offset
            }
        }
        _ => return None,
    };
    let seconds = days_from_civil(year, month, day) * SECONDS_PER_DAY
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second)
        - offset;
    Some(seconds * 1000 + millis)
}

/// Writes epoch milliseconds as RFC 3339 text at an offset (seconds east of UTC): `Z` for UTC,
/// milliseconds only when they are not zero. An offset with seconds (some zones before 1972) is
/// written rounded to the minute, with the local time shifted to match, so the text still names
/// the same instant.
pub(crate) fn format_instant(millis: i64, offset: i32) -> String {
    let rounded = (i64::from(offset).abs() + 30) / 60;
    let offset_minutes = if offset < 0 { -rounded } else { rounded };
    let local_ms = millis + offset_minutes * 60_000;
    let days = local_ms.div_euclid(SECONDS_PER_DAY * 1000);
    let in_day = local_ms.rem_euclid(SECONDS_PER_DAY * 1000);
    let (year, month, day) = civil_from_days(days);
    // In a day, so below 86,400 seconds and 1,000 milliseconds.
    let (seconds, ms) = ((in_day / 1000) as u32, (in_day % 1000) as u32);
    let abs = offset_minutes.unsigned_abs() as u32;
    // Digits put into a template rather than through `format!`: an answer's `at` is written at
    // every decision.
    let mut text = *b"0000-00-00T00:00:00.000+00:00";
    let four_digits = u32::try_from(year).ok().filter(|y| *y <= 9999);
    for (field, value) in [
        (0..4, four_digits.unwrap_or(0)),
        (5..7, u32::from(month)),
        (8..10, u32::from(day)),
        (11..13, seconds / 3600),
        (14..16, seconds / 60 % 60),
        (17..19, seconds % 60),
        (20..23, ms),
        (24..26, abs / 60),
        (27..29, abs % 60),
    ] {
        put_digits(text.get_mut(field).unwrap_or_default(), value);
    }
    if offset_minutes < 0 {
        text[23] = b'-';
    }
    let mut out = String::with_capacity(text.len());
    match four_digits {
        Some(_) => out.push_str(text_of(&text[..4])),
        // A year that a zone's offset moves past the accepted range's ends (0 or 10000).
        None => out.push_str(&format!("{year:04}")),
    }
    out.push_str(text_of(&text[4..19]));
    if ms != 0 {
        out.push_str(text_of(&text[19..23]));
    }
    out.push_str(if offset_minutes == 0 {
        "Z"
    } else {
        text_of(&text[23..])
    });
    out
}

/// `value`'s last decimal digits into `field`, zeros in front. Out of line: inlined, its unrolled
/// copies were most of the function.
#[inline(never)]
fn put_digits(field: &mut [u8], mut value: u32) {
    for digit in field.iter_mut().rev() {
        *digit = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// ASCII bytes as text.
fn text_of(ascii: &[u8]) -> &str {
    std::str::from_utf8(ascii).unwrap_or_default()
}

fn date_at(b: &[u8]) -> Option<(i64, u8, u8)> {
    if b.get(4)? != &b'-' || b.get(7)? != &b'-' {
        return None;
    }
    let year = i64::from(two(b, 0)?) * 100 + i64::from(two(b, 2)?);
    let (month, day) = (two(b, 5)?, two(b, 8)?);
    let valid = year >= 1 && (1..=12).contains(&month) && day >= 1;
    (valid && day <= month_length(year, month)).then_some((year, month, day))
}

/// Two ASCII digits at `at`.
fn two(b: &[u8], at: usize) -> Option<u8> {
    match b.get(at..at + 2)? {
        [t @ b'0'..=b'9', u @ b'0'..=b'9'] => Some((t - b'0') * 10 + (u - b'0')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Datelike, SecondsFormat};

    fn chrono_millis(text: &str) -> Option<i64> {
        DateTime::parse_from_rfc3339(text)
            .ok()
            .map(|t| t.timestamp_millis())
    }

    #[test]
    fn reads_what_chrono_reads() {
        for text in [
            "2026-03-02T10:00:00+07:00",
            "2026-03-02t10:00:00z",
            "2026-03-02 10:00:00Z",
            "2026-03-02T10:00:00.5-03:30",
            "2026-03-02T10:00:00.123456789123+00:00",
            "2016-12-31T23:59:60Z",
            "2024-02-29T00:00:00Z",
            "0001-01-01T00:00:00+00:01",
            "9999-12-31T23:59:59.999Z",
            "1969-12-31T23:59:59.999Z",
        ] {
            assert_eq!(parse_instant(text), chrono_millis(text), "{text}");
            assert!(parse_instant(text).is_some(), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_rfc_3339() {
        for text in [
            "2026-03-02T10:00:00",
            "2026-03-02T10:00:00+0700",
            "2026-03-02T10:00:00+24:00",
            "2026-03-02T10:00:00.+07:00",
            "2026-02-29T10:00:00Z",
            "2026-13-02T10:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T10:60:00Z",
            "2026-3-02T10:00:00Z",
            "2026-03-02T10:00:00Z ",
            "0000-01-01T00:00:00Z",
            "２026-03-02T10:00:00Z",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
    }

    #[test]
    fn writes_like_chrono_with_milliseconds_only_when_needed() {
        for (millis, offset) in [
            (1_772_420_400_000, 25_200),
            (1_772_420_400_250, -12_600),
            (0, 0),
            (-1, 3600),
            (253_402_300_799_999, 0),
            (-62_135_596_800_000, 0),
        ] {
            let zone = chrono::FixedOffset::east_opt(offset).expect("an offset");
            let expected = DateTime::from_timestamp_millis(millis)
                .expect("in range")
                .with_timezone(&zone)
                .to_rfc3339_opts(SecondsFormat::AutoSi, true);
            assert_eq!(format_instant(millis, offset), expected);
            assert_eq!(parse_instant(&expected), Some(millis));
        }
    }

    proptest::proptest! {
        #[test]
        fn writes_every_instant_at_every_whole_minute_offset_like_chrono(
            millis in -62_135_596_800_000i64..=253_402_300_799_999,
            minutes in -14 * 60..=14 * 60i32,
        ) {
            let zone = chrono::FixedOffset::east_opt(minutes * 60).expect("an offset");
            let local = DateTime::from_timestamp_millis(millis).expect("in range").with_timezone(&zone);
            // Past the accepted range's ends a local year of 0 or 10000 is written as before.
            proptest::prop_assume!((1..=9999).contains(&local.year()));
            let expected = local.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            proptest::prop_assert_eq!(format_instant(millis, minutes * 60), expected);
        }
    }

    #[test]
    fn an_offset_with_seconds_is_rounded_and_the_instant_kept() {
        // Africa/Monrovia until 1972: -0:44:30.
        let text = format_instant(0, -2670);
        assert_eq!(text, "1969-12-31T23:15:00-00:45");
        assert_eq!(parse_instant(&text), Some(0));
    }

    #[test]
    fn reads_plain_dates() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("2026-03-02"), date(2026, 3, 2));
        assert_eq!(parse_date("2028-02-29"), date(2028, 2, 29));
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-3-2"), None);
        assert_eq!(parse_date("2026-03-02T00:00:00Z"), None);
    }
}
