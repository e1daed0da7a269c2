//! LEB128 numbers: seven bits a byte, low first, the top bit set on all but the last byte; signed
//! ones zigzag-encoded (0, -1, 1, -2 ... written as 0, 1, 2, 3 ...). The time-zone table and
//! compiled policies are written with them.

use std::slice::Iter;

/// The next number of `bytes`, or `None` when they end first or it does not fit in 64 bits.
pub(crate) fn read(bytes: &mut Iter<u8>) -> Option<u64> {
    let mut value = 0;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.next()?;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// The next zigzag-encoded number of `bytes`.
pub(crate) fn read_signed(bytes: &mut Iter<u8>) -> Option<i64> {
    let n = read(bytes)?;
    Some((n >> 1) as i64 ^ -((n & 1) as i64))
}

/// Appends `n`.
#[cfg(any(feature = "compiler", test))]
pub(crate) fn write(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Appends `n`, zigzag-encoded.
#[cfg(any(feature = "compiler", test))]
pub(crate) fn write_signed(out: &mut Vec<u8>, n: i64) {
    write(out, ((n << 1) ^ (n >> 63)) as u64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        let unsigned = [0, 1, 127, 128, 300, 1 << 35, u64::MAX];
        let signed = [0, -1, 1, -64, 64, i64::from(i32::MIN), i64::MIN, i64::MAX];
        let mut out = Vec::new();
        unsigned.iter().for_each(|&n| write(&mut out, n));
        signed.iter().for_each(|&n| write_signed(&mut out, n));
        // Known encodings: 300 is 0xac 0x02; -1 is 1 and 1 is 2 zigzag-encoded.
        assert_eq!(&out[..5], &[0, 1, 0x7f, 0x80, 0x01]);
        assert_eq!(&out[5..7], &[0xac, 0x02]);
        let mut bytes = out.iter();
        for &n in &unsigned {
            assert_eq!(read(&mut bytes), Some(n));
        }
        for &n in &signed {
            assert_eq!(read_signed(&mut bytes), Some(n));
        }
        assert_eq!(read(&mut bytes), None);
        assert_eq!(read(&mut [0x80u8, 0x80].iter()), None, "cut short");
        assert_eq!(read(&mut [0xffu8; 11].iter()), None, "past 64 bits");
    }
}
