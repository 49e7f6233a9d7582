//! Benchmarks of the check path (run with `cargo bench -p canhgiac-core`):
//! - `check_sms` over the fixtures' realistic mix of scam and ordinary messages, plus per-call
//!   latency percentiles (p50, p99) printed after the criterion groups;
//! - the normaliser alone on the same mix (the largest share of a check);
//! - `check_number` with one million numbers in the blocklist;
//! - loading and verifying the default bundle.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use canhgiac_catalogue::bundle::unix_day;
use canhgiac_catalogue::source::compile_dir;
use canhgiac_catalogue::{Bundle, KeyPair};
use canhgiac_core::{now_unix, Checker};
use criterion::{criterion_group, Criterion, Throughput};

#[path = "../tests/common/mod.rs"]
mod common;

fn assets() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../assets")
}

/// (sender, text) of every fixture message, scam and ham alike.
fn messages() -> Vec<(Option<String>, String)> {
    common::scam_and_ham()
        .into_iter()
        .map(|row| (row.sender, row.text))
        .collect()
}

fn signed_default_bundle() -> Vec<u8> {
    let catalogue = compile_dir(&assets().join("catalogue")).expect("sources compile");
    let secret = std::fs::read_to_string(assets().join("keys/dev/dev.secret")).expect("dev key");
    let key = KeyPair::from_hex(&secret).expect("dev key parses");
    let issued = unix_day(&catalogue.meta.issued_at).expect("date");
    // Valid from now on, so the benchmark keeps working after the catalogue's own expiry.
    let issued = issued.min(now_unix());
    Bundle::seal(&catalogue, &key, issued, now_unix() + 365 * 86_400)
}

fn bench_sms(c: &mut Criterion) {
    let checker = Checker::embedded().expect("embedded catalogue");
    let messages = messages();
    let mut group = c.benchmark_group("check_sms");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.bench_function("fixture_mix", |b| {
        b.iter(|| {
            for (sender, text) in &messages {
                black_box(checker.check_sms(sender.as_deref(), text));
            }
        })
    });
    group.finish();
}

fn bench_normalise(c: &mut Criterion) {
    let checker = Checker::embedded().expect("embedded catalogue");
    let normaliser = canhgiac_core::normalise::Normaliser::new(&checker.catalogue().normalisation);
    let messages = messages();
    let mut group = c.benchmark_group("normalise");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.bench_function("fixture_mix", |b| {
        b.iter(|| {
            for (_, text) in &messages {
                black_box(normaliser.normalise(text));
            }
        })
    });
    group.finish();
}

fn bench_number(c: &mut Criterion) {
    let mut checker = Checker::embedded().expect("embedded catalogue");
    let numbers: Vec<String> = (0..1_000_000u32)
        .map(|i| format!("09{:08}", i * 97 % 100_000_000))
        .collect();
    let refs: Vec<&str> = numbers.iter().map(String::as_str).collect();
    checker.set_blocked_numbers_for_bench(&refs);
    let mut group = c.benchmark_group("check_number_1m_blocklist");
    group.bench_function("blocked", |b| {
        b.iter(|| black_box(checker.check_number(black_box("0900000097"))))
    });
    group.bench_function("not_blocked", |b| {
        b.iter(|| black_box(checker.check_number(black_box("0912345671"))))
    });
    group.bench_function("hotline", |b| {
        b.iter(|| black_box(checker.check_number(black_box("113"))))
    });
    group.finish();
}

fn bench_bundle(c: &mut Criterion) {
    let bytes = signed_default_bundle();
    let mut group = c.benchmark_group("bundle");
    group.bench_function("load_and_verify_default", |b| {
        b.iter(|| {
            black_box(Checker::from_bundle(black_box(&bytes), None, now_unix()).expect("loads"))
        })
    });
    group.bench_function("embedded", |b| {
        b.iter(|| black_box(Checker::embedded().expect("loads")))
    });
    group.finish();
}

/// Per-call latency of `check_sms` over the mix: criterion gives means, a ringing phone cares
/// about the tail.
fn sms_percentiles() {
    let checker = Checker::embedded().expect("embedded catalogue");
    let messages = messages();
    let mut samples = Vec::with_capacity(messages.len() * 200);
    for _ in 0..200 {
        for (sender, text) in &messages {
            let start = Instant::now();
            black_box(checker.check_sms(sender.as_deref(), text));
            samples.push(start.elapsed().as_nanos() as u64);
        }
    }
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize] as f64 / 1000.0;
    println!(
        "check_sms latency over {} calls: p50 {:.2} µs, p90 {:.2} µs, p99 {:.2} µs, max {:.2} µs",
        samples.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

criterion_group!(
    benches,
    bench_sms,
    bench_normalise,
    bench_number,
    bench_bundle
);

fn main() {
    benches();
    // `cargo test --benches` runs each benchmark once to prove it works; the percentiles are
    // for real runs (`cargo bench` passes --bench).
    if std::env::args().any(|a| a == "--bench") {
        sms_percentiles();
    }
    Criterion::default().configure_from_args().final_summary();
}
