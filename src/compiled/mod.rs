//! A policy's compiled form as bytes: what [`crate::Policy::to_compiled`] writes and
//! [`crate::Policy::from_compiled`] reads. A page or a service that ships its policies compiled
//! loads them without the JSON reader, the validation and the compiler, which are most of the
//! engine's code: less to download, and less to compile at a cold start.
//!
//! Layout: the magic `OGPC`; the format number; an FNV-1a checksum (8 bytes, little-endian) of
//! everything after it; then the policy's id, version, hash and summary, and its program (every
//! name resolved, rules grouped per action, the calendar with its zone's record). Numbers are
//! LEB128, signed ones zigzag-encoded; texts and lists are their length, then their items.
//!
//! The checksum catches a damaged file; every length and index is checked again when the form is
//! read, so that no sequence of bytes makes the engine read out of bounds or panic.

mod check;
mod read;
#[cfg(feature = "compiler")]
mod write;

pub(crate) use read::read;
#[cfg(feature = "compiler")]
pub(crate) use write::write;

/// The first four bytes of every compiled policy.
const MAGIC: &[u8; 4] = b"OGPC";

/// The layout's number. A change to the layout or to the meaning of a program's parts changes
/// it; a compiled policy of another number is refused with a request to compile it again.
pub const FORMAT: u64 = 1;

/// What a compiled policy carries besides its program.
#[derive(Debug, Clone)]
pub(crate) struct About {
    pub id: String,
    pub version: String,
    pub hash: String,
    /// The policy's summary, as [`crate::ffi::describe_json`] writes it.
    pub summary: String,
}

/// Bytes before the body: the magic, the format number (one byte while it is below 128) and the
/// checksum. For tests and the fuzz target, which change a body and seal it again.
#[doc(hidden)]
pub const HEADER_BYTES: usize = MAGIC.len() + 1 + 8;
const _: () = assert!(
    FORMAT < 128,
    "HEADER_BYTES counts one byte for the format number"
);

/// `body` under the magic, the format number and its checksum: a compiled policy's bytes. Public
/// for tests and the fuzz target, which seal changed bodies so that the reader is what they test.
#[doc(hidden)]
pub fn seal(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_BYTES + body.len());
    out.extend_from_slice(MAGIC);
    out.push(FORMAT as u8); // one LEB128 byte, as asserted above
    out.extend_from_slice(&checksum(body).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// FNV-1a, 64 bits: a few lines that catch a damaged or truncated file. Not a defence against
/// bytes made to deceive, which the checks on every index are.
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
