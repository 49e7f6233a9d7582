//! Time of one `check_sms` in plain Rust, on the core directly and through the façade (guard and
//! argument moves, no foreign call), to compare with the Python and Kotlin figures in the README.
//!
//!     cargo run --release -p canhgiac-ffi --example call_cost

use std::hint::black_box;
use std::time::Instant;

const FAKE_BANK_SMS: &str = "Vietcombank thông báo: tài khoản của Quý khách bị tạm khóa. Vui lòng \
    xác thực tại vietcombank-xacthuc.com để tránh gián đoạn.";
const SHORT: &str = "Tối nay mấy giờ con về ăn cơm?";

fn best_of_5(rounds: u32, mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..rounds {
                f();
            }
            start.elapsed().as_secs_f64() * 1e6 / f64::from(rounds)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let core = canhgiac_core::Checker::embedded().expect("embedded catalogue");
    let ffi = canhgiac_ffi::Checker::new().expect("embedded catalogue");
    for (name, text) in [("scam", FAKE_BANK_SMS), ("short", SHORT)] {
        let direct = best_of_5(20_000, || {
            black_box(core.check_sms(None, black_box(text)));
        });
        let facade = best_of_5(20_000, || {
            black_box(
                ffi.check_sms(None, black_box(text).to_owned())
                    .expect("no panic"),
            );
        });
        println!("rust check_sms[{name}]: core {direct:.1} µs/call, façade {facade:.1} µs/call");
    }
}
