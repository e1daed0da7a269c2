//! Proleptic Gregorian dates as day counts from 1970-01-01, without a calendar library: the
//! arithmetic that zone rules and RFC 3339 text need (Howard Hinnant's algorithms).

pub(crate) const SECONDS_PER_DAY: i64 = 86_400;

pub(crate) fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in a month (1..=12) of a year.
pub(crate) fn month_length(year: i64, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date; `month` is 1..=12 and `day` 1..=31.
pub(crate) fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month, day) of a day counted from 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // In range by construction: month 1..=12, day 1..=31.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn dates_match_chrono_across_the_accepted_years() {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
        let mut days = days_from_civil(1, 1, 1);
        while days <= days_from_civil(9999, 12, 31) {
            let date = epoch + chrono::Duration::days(days);
            let (y, m, d) = civil_from_days(days);
            assert_eq!(
                (y, u32::from(m), u32::from(d)),
                (i64::from(date.year()), date.month(), date.day())
            );
            assert_eq!(days_from_civil(y, m, d), days);
            let length = u32::from(month_length(y, m));
            assert!(date.with_day(length).is_some() && date.with_day(length + 1).is_none());
            days += 13;
        }
        assert_eq!(days_from_civil(2026, 3, 29), 20_541);
    }
}
