//! Build-time data for the core, written into `OUT_DIR`: the default bundle and the table of
//! country calling codes.

mod bundle;
mod calling_codes;

use std::env;
use std::path::PathBuf;

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it"));
    bundle::write(&out_dir);
    calling_codes::write(&out_dir);
}
