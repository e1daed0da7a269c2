//! Money: integer minor units with an ISO 4217 currency. No float ever decides a balance.

use std::fmt;

/// A three-letter currency code such as `IDR` or `EUR`.
///
/// ```
/// let idr = ordergate::Currency::parse("IDR").unwrap();
/// assert_eq!(idr.as_str(), "IDR");
/// assert!(ordergate::Currency::parse("idr").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Reads three uppercase ASCII letters.
    pub fn parse(code: &str) -> Option<Self> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes
            .iter()
            .all(u8::is_ascii_uppercase)
            .then_some(Currency(bytes))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Three ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount of money in integer minor units (cents, or whole rupiah for IDR).
///
/// ```
/// use ordergate::{Currency, Money};
/// let idr = Currency::parse("IDR").unwrap();
/// let balance = Money::new(150_000, idr);
/// let refund = Money::new(150_000, idr);
/// assert!(balance.covers(refund), "an equal balance is enough");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    /// Minor units; may be negative (a debt).
    pub minor: i64,
    /// The currency.
    pub currency: Currency,
}

/// The largest magnitude accepted for an amount: JavaScript's safe integer range, so that an
/// amount survives the trip through a JS number unchanged.
pub const MAX_MINOR_UNITS: i64 = 9_007_199_254_740_991;

impl Money {
    /// An amount in minor units.
    pub fn new(minor: i64, currency: Currency) -> Self {
        Money { minor, currency }
    }

    /// Whether this amount is at least `other` (same currency). A different currency never covers.
    pub fn covers(&self, other: Money) -> bool {
        self.currency == other.currency && self.minor >= other.minor
    }
}

/// Reads an amount of minor units from JSON: an integer number in the safe range, or a string of
/// digits (for amounts a JS number cannot hold exactly there is no such amount: the range is the
/// same). Fractions are refused: money is never a float.
pub(crate) fn minor_units_from_json(value: &serde_json::Value) -> Option<i64> {
    let minor = match value {
        serde_json::Value::Number(n) => n.as_i64()?,
        serde_json::Value::String(s) => s.parse::<i64>().ok()?,
        _ => return None,
    };
    (minor.abs() <= MAX_MINOR_UNITS).then_some(minor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn refuses_fractions_and_unsafe_integers() {
        assert_eq!(minor_units_from_json(&json!(1500)), Some(1500));
        assert_eq!(minor_units_from_json(&json!("1500")), Some(1500));
        assert_eq!(minor_units_from_json(&json!(15.5)), None);
        assert_eq!(
            minor_units_from_json(&json!(9_007_199_254_740_992i64)),
            None
        );
        assert_eq!(minor_units_from_json(&json!(true)), None);
    }

    #[test]
    fn different_currencies_never_cover() {
        let idr = Currency::parse("IDR").unwrap();
        let eur = Currency::parse("EUR").unwrap();
        assert!(!Money::new(10, idr).covers(Money::new(1, eur)));
    }
}
