//! The country calling codes, taken from `phonenumber`'s metadata and written as a bit table.
//!
//! A number found in a message needs only its calling code (is it foreign, is the country on the
//! risky list). Loading `phonenumber`'s metadata at run time for that costs 80–170 ms and several
//! MB the first time, and each parse 2–12 µs; the table costs 128 bytes and a few
//! instructions, and still follows `phonenumber` whenever its version changes.

use std::fs;
use std::path::Path;

/// One bit for every number below 1,024: calling codes have one to three digits.
const WORDS: usize = 16;

/// Writes `calling_codes.rs`: `CALLING_CODES`, bit `c` set when `+c` is a country calling code.
pub fn write(out_dir: &Path) {
    let mut bits = [0u64; WORDS];
    // By code, as `phonenumber`'s parser looks them up: the non-geographic codes (+800, +881…)
    // share one region id and would be missed by a walk over the regions.
    let database = &*phonenumber::metadata::DATABASE;
    for code in 1..1000u16 {
        if database.by_code(&code).is_some() {
            bits[usize::from(code) / 64] |= 1 << (code % 64);
        }
    }
    let words: Vec<String> = bits.iter().map(|w| format!("{w:#018x}")).collect();
    let source = format!(
        "/// Bit `c` is set when `+c` is a country calling code (from `phonenumber`'s metadata).\n\
         pub(crate) const CALLING_CODES: [u64; {}] = [{}];\n",
        bits.len(),
        words.join(", ")
    );
    fs::write(out_dir.join("calling_codes.rs"), source).expect("OUT_DIR is writable");
}
