//! Numbers in JSON text, converted as serde_json converts them without its `float_roundtrip`
//! feature: integers that fit 64 bits stay integers; the rest become the first 19 or 20
//! significant digits (as many as fit a `u64`) times a power of ten, later digits dropped. Not
//! always the nearest float (2.6852607222799203e158 reads one unit in the last place off), but the
//! same float serde_json gives, so that a policy means what it meant before this reader.

use super::{Reader, SyntaxError};
use serde_json::{Number, Value};

impl Reader<'_> {
    /// A number, from its sign or its first digit.
    #[inline(never)]
    pub(super) fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut significand: u64 = 0;
        let mut exponent: i32 = 0;
        let mut whole = true;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                let mut full = false;
                while let Some(b @ b'0'..=b'9') = self.peek() {
                    self.at += 1;
                    if full {
                        // Integer digits beyond a u64 only scale the number.
                        exponent = exponent.saturating_add(1);
                    } else if let Some(next) = push_digit(significand, b) {
                        significand = next;
                    } else {
                        full = true;
                        whole = false;
                        exponent = 1;
                    }
                }
            }
            Some(_) => return Err(self.error("invalid number")),
            None => return Err(self.error("EOF while parsing a value")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            let mut digits = 0;
            let mut full = false;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                digits += 1;
                if !full {
                    match push_digit(significand, b) {
                        Some(next) => {
                            significand = next;
                            exponent = exponent.saturating_sub(1);
                        }
                        None => full = true,
                    }
                }
            }
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.error("invalid number"),
                    None => self.error("EOF while parsing a value"),
                });
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            let positive = match self.peek() {
                Some(b'+') => {
                    self.at += 1;
                    true
                }
                Some(b'-') => {
                    self.at += 1;
                    false
                }
                _ => true,
            };
            let mut power: i32 = match self.peek() {
                Some(b @ b'0'..=b'9') => i32::from(b - b'0'),
                Some(_) => return Err(self.error("invalid number")),
                None => return Err(self.error("EOF while parsing a value")),
            };
            self.at += 1;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match power
                    .checked_mul(10)
                    .and_then(|p| p.checked_add(i32::from(b - b'0')))
                {
                    Some(p) => power = p,
                    None => {
                        // An exponent beyond 32 bits: infinite (refused) unless it makes zero.
                        if significand != 0 && positive {
                            return Err(self.error("number out of range"));
                        }
                        while matches!(self.peek(), Some(b'0'..=b'9')) {
                            self.at += 1;
                        }
                        return Ok(float(if negative { -0.0 } else { 0.0 }));
                    }
                }
            }
            exponent = if positive {
                exponent.saturating_add(power)
            } else {
                exponent.saturating_sub(power)
            };
        }
        if whole {
            return Ok(Value::Number(if !negative {
                Number::from(significand)
            } else {
                match i64::try_from(significand) {
                    Ok(0) => return Ok(float(-0.0)),
                    Ok(n) => Number::from(-n),
                    Err(_) if significand == 1 << 63 => Number::from(i64::MIN),
                    Err(_) => return Ok(float(-(significand as f64))),
                }
            }));
        }
        let magnitude =
            scale(significand, exponent).ok_or_else(|| self.error("number out of range"))?;
        Ok(float(if negative { -magnitude } else { magnitude }))
    }
}

/// `significand * 10 + digit`, or `None` when it no longer fits a `u64`.
fn push_digit(significand: u64, digit: u8) -> Option<u64> {
    significand
        .checked_mul(10)?
        .checked_add(u64::from(digit - b'0'))
}

/// A finite float as a JSON number.
fn float(f: f64) -> Value {
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// `significand` times ten to `exponent`, by one multiplication or division by a power of ten
/// (several divisions below 1e-308), as serde_json computes it; `None` when it overflows.
fn scale(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut f = significand as f64;
    loop {
        match POWERS_OF_TEN.get(exponent.unsigned_abs() as usize) {
            Some(&power) if exponent >= 0 => {
                f *= power;
                return f.is_finite().then_some(f);
            }
            Some(&power) => return Some(f / power),
            None if f == 0.0 => return Some(f),
            None if exponent >= 0 => return None,
            None => {
                f /= 1e308;
                exponent += 308;
            }
        }
    }
}

/// 1e0 to 1e308, each the `f64` nearest to it.
#[rustfmt::skip]
static POWERS_OF_TEN: [f64; 309] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
    1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29,
    1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39,
    1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49,
    1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59,
    1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69,
    1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79,
    1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89,
    1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99,
    1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109,
    1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119,
    1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129,
    1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139,
    1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149,
    1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159,
    1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169,
    1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179,
    1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189,
    1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199,
    1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209,
    1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219,
    1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229,
    1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239,
    1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249,
    1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259,
    1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269,
    1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279,
    1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289,
    1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299,
    1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_powers_of_ten_are_the_nearest_floats() {
        for (n, power) in POWERS_OF_TEN.iter().enumerate() {
            assert_eq!(*power, format!("1e{n}").parse::<f64>().unwrap(), "1e{n}");
        }
    }
}
