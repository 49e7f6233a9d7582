//! Regression tests for defects found in the `canhgiac` command, run as a separate process:
//! `eval`'s line numbers and undefined rates, `check --jsonl` into a closed pipe, empty messages,
//! `--sender` beside `--number`/`--link`, an unreadable `--sources` folder, and `check -` reading
//! the message from standard input. Kept apart from `cli.rs` so that the two merge independently.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use canhgiac_core::VerdictLevel;
use serde_json::Value;

mod common;

use common::*;

fn flagged(text: &str) -> bool {
    CHECKER.check_sms(None, text).level != VerdictLevel::Safe
}

/// A temporary folder, removed when dropped.
// ---- eval -------------------------------------------------------------------------------------

#[test]
fn eval_reports_the_line_a_row_starts_on() {
    let missed = "Hẹn gặp ở quán nhé";
    assert!(flagged(OTP_REQUEST), "precondition: flagged");
    assert!(!flagged(&format!("{missed}\ncon")), "precondition: safe");
    let dir = TempDir::new("eval-lines");
    let csv = dir.write(
        "rows.csv",
        format!(
            "label,text\n\
             \n\
             ham,\"{OTP_REQUEST}\"\n\
             scam,\"{missed}\ncon\"\n\
             \n\
             ham,{OTP_REQUEST}\n"
        )
        .as_bytes(),
    );
    let report = json_out(&run(&["eval", "--json", s(&csv)]));
    let lines: Vec<u64> = report["misclassified"]
        .as_array()
        .expect("misclassified")
        .iter()
        .map(|m| m["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, [3, 4, 7], "{report:#}");

    let readable = stdout(&run(&["eval", s(&csv)]));
    assert!(readable.contains("line 7 false_positive"), "{readable}");
}

#[test]
fn eval_says_n_a_for_rates_it_cannot_compute() {
    let ham = "Tối nay con về ăn cơm";
    assert!(!flagged(ham), "precondition: safe");
    let dir = TempDir::new("eval-rates");
    let tsv = dir.write("ham.tsv", format!("label\ttext\nham\t{ham}\n").as_bytes());
    let report = json_out(&run(&["eval", "--json", s(&tsv)]));
    for key in [
        "rows",
        "skipped",
        "recall",
        "scam_recall",
        "precision",
        "false_positive_rate",
        "scam",
        "spam",
        "ham",
        "by_category",
        "by_predicted",
        "misclassified",
    ] {
        assert!(report.get(key).is_some(), "{key} is kept: {report:#}");
    }
    assert_eq!(report["recall"], Value::Null, "no scam rows");
    assert_eq!(report["scam_recall"], Value::Null, "no scam rows");
    assert_eq!(report["precision"], Value::Null, "nothing flagged");
    assert_eq!(report["false_positive_rate"].as_f64(), Some(0.0));

    let output = run(&["eval", s(&tsv)]);
    assert_eq!(code(&output), 0);
    let readable = stdout(&output);
    assert!(readable.contains("recall n/a"), "{readable}");
    assert!(readable.contains("precision n/a"), "{readable}");
    assert!(readable.contains("false positives 0 (0.0%)"), "{readable}");
}

// ---- check --jsonl into a closed pipe ---------------------------------------------------------

#[test]
fn jsonl_ends_quietly_when_the_reader_goes_away() {
    let line = format!("{{\"id\":1,\"text\":\"{OTP_REQUEST}\"}}\n");
    let input = line.repeat(20_000);
    let mut child = command(&["check", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("canhgiac starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    // The command may stop reading once its output is gone: a failed write here is expected.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    // `| head -1`: read one line, then close the pipe while the command still has lines to write.
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout is piped"))
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with("{\"id\":1,"), "{first}");
    let output = child.wait_with_output().expect("canhgiac finishes");
    writer.join().expect("writer thread");
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    assert_eq!(stderr(&output), "", "ends quietly");
}

// ---- check: nothing to check, flags that do not go together, sources --------------------------

#[test]
fn an_empty_or_blank_message_is_nothing_to_check() {
    for text in ["", " ", "\n\t  \r\n"] {
        for args in [vec!["check", text], vec!["check", "--json", text]] {
            let output = run(&args);
            assert_eq!(code(&output), 3, "{args:?}");
            assert!(output.stdout.is_empty(), "{args:?}");
            assert!(stderr(&output).contains("nothing to check"), "{args:?}");
        }
    }
}

#[test]
fn sender_beside_a_number_or_a_link_is_a_usage_error() {
    for args in [
        ["check", "--number", "113", "--sender", PERSONAL],
        ["check", "--link", "https://example.com", "--sender", "VCB"],
    ] {
        let output = run(&args);
        assert_eq!(code(&output), 2, "{args:?}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn an_unreadable_sources_folder_is_exit_5_and_an_invalid_catalogue_exit_4() {
    let dir = TempDir::new("sources");
    let missing = dir.0.join("no-such-folder");
    let output = run(&["check", "--sources", s(&missing), OTP_REQUEST]);
    assert_eq!(code(&output), 5, "{}", stderr(&output));
    assert!(output.stdout.is_empty());

    let invalid = dir.0.join("invalid");
    fs::create_dir_all(&invalid).expect("create a folder");
    fs::write(invalid.join("catalogue.toml"), "this is = = not toml").expect("write");
    let output = run(&["check", "--sources", s(&invalid), OTP_REQUEST]);
    assert_eq!(code(&output), 4, "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

// ---- check - : the message from standard input ------------------------------------------------

#[test]
fn check_dash_reads_the_whole_of_stdin_as_one_message() {
    let text = format!("{OTP_REQUEST}\nvà gọi lại ngay\n");
    let expected = CHECKER.check_sms(None, &text);
    let out = json_out(&run_with_stdin(&["check", "--json", "-"], text.as_bytes()));
    assert_eq!(out["verdict"], expected.level.as_str());
    let argument = json_out(&run(&["check", "--json", &text]));
    assert_eq!(
        out, argument,
        "the same answer as the text given as an argument"
    );

    let with_sender = json_out(&run_with_stdin(
        &["check", "--json", "-", "--sender", PERSONAL],
        text.as_bytes(),
    ));
    let argument = json_out(&run(&["check", "--json", &text, "--sender", PERSONAL]));
    assert_eq!(with_sender, argument, "--sender applies to stdin");

    // Longer than one argument may be (128 KiB on Linux).
    let long = "Chào bạn, hôm nay trời đẹp quá. ".repeat(10_000);
    let output = run_with_stdin(&["check", "-"], long.as_bytes());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(!output.stdout.is_empty());
}

#[test]
fn check_dash_refuses_empty_and_non_utf8_stdin_without_echoing_it() {
    for input in [&b""[..], b"  \n\t\n"] {
        let output = run_with_stdin(&["check", "-"], input);
        assert_eq!(code(&output), 3, "{input:?}");
        assert!(output.stdout.is_empty());
        assert!(stderr(&output).contains("nothing to check"), "{input:?}");
    }
    let mut bytes = format!("{PERSONAL} {OTP_REQUEST} ").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe");
    let output = run_with_stdin(&["check", "--json", "-"], &bytes);
    assert_eq!(code(&output), 3);
    assert!(output.stdout.is_empty());
    let error = stderr(&output);
    assert!(error.contains("UTF-8"), "{error}");
    assert!(
        !error.contains(PERSONAL) && !error.contains("OTP"),
        "echoed: {error}"
    );
}
