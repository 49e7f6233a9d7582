//! The `canhgiac` command keeps its contract, run as a separate process: `check` (text, number,
//! link; readable Vietnamese or English, `--json`), `check --jsonl` (one answer per line in order,
//! malformed lines answered with `{"id","error"}` and the run goes on), `eval` on CSV, TSV and
//! broken files, and `catalogue keygen | build | sign | verify | stats`; exit codes as documented in
//! cli/src/main.rs; errors never repeat a checked number; no crash on huge or control-character
//! input. Expected verdicts come from the library itself, so the test checks the command, not the
//! catalogue's current tuning.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use canhgiac_catalogue::bundle::unix_day;
use canhgiac_catalogue::{Bundle, KeyPair};
use canhgiac_core::{Verdict, VerdictLevel};
use serde_json::{json, Value};

mod common;

use common::*;

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set(names: &[&'static str]) -> BTreeSet<&'static str> {
    names.iter().copied().collect()
}

fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

fn codes(v: &Verdict) -> Vec<&str> {
    v.reasons.iter().map(|r| r.code.as_str()).collect()
}

// ---- check ------------------------------------------------------------------------------------

/// The full JSON form of `check --json`.
fn assert_check_json(out: &Value, expected: &Verdict) {
    assert_eq!(
        keys(out),
        set(&[
            "verdict",
            "score",
            "category",
            "category_title_vi",
            "category_title_en",
            "reasons",
            "advice_vi",
            "advice_en",
            "number",
        ])
    );
    assert_eq!(out["verdict"], expected.level.as_str());
    assert_eq!(out["score"].as_f64(), Some(rounded(expected.score)));
    assert_eq!(
        out["category"],
        json!(expected.category.as_ref().map(|c| &c.id))
    );
    assert_eq!(
        out["category_title_en"],
        json!(expected.category.as_ref().map(|c| &c.title_en))
    );
    assert_eq!(out["advice_vi"], expected.advice_vi.as_str());
    assert_eq!(out["advice_en"], expected.advice_en.as_str());
    let reasons = out["reasons"].as_array().expect("reasons is an array");
    assert_eq!(reasons.len(), expected.reasons.len());
    for (got, want) in reasons.iter().zip(&expected.reasons) {
        assert_eq!(
            keys(got),
            set(&["code", "message_vi", "message_en", "span"])
        );
        assert_eq!(got["code"], want.code.as_str());
        assert_eq!(got["message_vi"], want.message_vi.as_str());
        assert_eq!(got["message_en"], want.message_en.as_str());
        assert_eq!(got["span"], serde_json::to_value(&want.span).expect("span"));
    }
}

#[test]
fn check_text_json_is_the_library_verdict() {
    let expected = CHECKER.check_sms(Some(PERSONAL), OTP_REQUEST);
    assert_ne!(expected.level, VerdictLevel::Safe, "precondition: a scam");
    let output = run(&["check", "--json", OTP_REQUEST, "--sender", PERSONAL]);
    assert_eq!(
        stdout(&output).trim_end().lines().count(),
        1,
        "one JSON object on one line"
    );
    let out = json_out(&output);
    assert_check_json(&out, &expected);
    assert!(
        out["reasons"][0]["span"].is_object(),
        "a text reason quotes the text"
    );
    assert_eq!(out["number"], Value::Null);

    let ham = "Tối nay con về ăn cơm nhé mẹ";
    let out = json_out(&run(&["check", "--json", ham]));
    assert_check_json(&out, &CHECKER.check_sms(None, ham));
}

#[test]
fn check_number_json_describes_the_number() {
    for number in ["0912 345 678", "+84 912 345 678", "113", "+44 20 7946 0958"] {
        let expected = CHECKER.check_number(number).expect("a number");
        let out = json_out(&run(&["check", "--json", "--number", number]));
        assert_check_json(&out, &expected);
        let facts = &out["number"];
        assert_eq!(
            *facts,
            serde_json::to_value(expected.number.as_ref().expect("facts")).expect("facts")
        );
        assert!(facts["normalised"].is_string() && facts["kind"].is_string());
    }
    let out = json_out(&run(&["check", "--json", "--number", "0912.345.678"]));
    assert_eq!(out["number"]["normalised"], "+84912345678");
    assert_eq!(out["number"]["kind"], "mobile");
    assert_eq!(out["number"]["country_code"], 84);
}

#[test]
fn check_link_json_is_the_library_verdict() {
    for link in [
        "vcb-xacminh.com",
        "https://vietcombank.com.vn/",
        "http://192.168.1.1/login",
    ] {
        let expected = CHECKER.check_link(link).expect("a link");
        let out = json_out(&run(&["check", "--json", "--link", link]));
        assert_check_json(&out, &expected);
    }
}

#[test]
fn readable_output_is_vietnamese_by_default_and_english_with_lang_en() {
    let expected = CHECKER.check_sms(None, OTP_REQUEST);
    let reason = expected.reasons.first().expect("precondition: a reason");
    let label = CHECKER.text(expected.level.text_key());

    let vi = run(&["check", OTP_REQUEST]);
    assert_eq!(code(&vi), 0);
    let vi = stdout(&vi);
    assert!(vi.contains(&label.vi.to_uppercase()), "{vi}");
    assert!(vi.contains(reason.message_vi.as_str()), "{vi}");
    assert!(vi.contains(expected.advice_vi.as_str()), "{vi}");
    assert!(!vi.contains(reason.message_en.as_str()), "{vi}");
    assert!(
        !vi.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );

    let en = run(&["check", "--lang", "en", OTP_REQUEST]);
    assert_eq!(code(&en), 0);
    let en = stdout(&en);
    assert!(en.contains(&label.en.to_uppercase()), "{en}");
    assert!(en.contains(reason.message_en.as_str()), "{en}");
    assert!(en.contains(expected.advice_en.as_str()), "{en}");
    assert!(!en.contains(reason.message_vi.as_str()), "{en}");

    let number = run(&["check", "--lang", "en", "--number", "113"]);
    let kind = CHECKER.text("number.kind.official");
    assert!(stdout(&number).contains(&kind.en), "{}", stdout(&number));
}

#[test]
fn check_with_nothing_to_check_exits_3() {
    let output = run(&["check"]);
    assert_eq!(code(&output), 3);
    assert!(output.stdout.is_empty());
    assert!(!stderr(&output).is_empty());
    assert_eq!(code(&run(&["check", "--json"])), 3);
}

#[test]
fn invalid_numbers_and_links_exit_3_without_echoing_them() {
    for args in [
        vec!["check", "--number", "abc"],
        vec!["check", "--number", "xyz0912345678"],
        vec![
            "check",
            "--json",
            "--number",
            "0912-345-678-999-888-777-666-555",
        ],
        vec!["check", "--link", "not a link at all"],
        vec!["check", "--link", "ftp://0912345678.example"],
    ] {
        let output = run(&args);
        assert_eq!(code(&output), 3, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let input = args.last().expect("an input");
        let error = stderr(&output);
        assert!(!error.trim().is_empty());
        assert!(
            !error.contains(input) && !error.contains("0912"),
            "{input:?} echoed: {error}"
        );
    }
}

#[test]
fn a_signed_bundle_can_replace_the_embedded_catalogue() {
    let dir = TempDir::new("check-bundle");
    let bundle = dir.path("dev.bundle");
    let sources = fresh_sources(&dir);
    build_dev_bundle(&sources, &bundle);
    let out = json_out(&run(&[
        "check",
        "--json",
        "--bundle",
        s(&bundle),
        OTP_REQUEST,
    ]));
    assert_check_json(&out, &CHECKER.check_sms(None, OTP_REQUEST));

    let mut tampered = fs::read(&bundle).expect("bundle");
    let middle = tampered.len() / 2;
    tampered[middle] ^= 1;
    let tampered = dir.write("tampered.bundle", &tampered);
    assert_eq!(
        code(&run(&["check", "--bundle", s(&tampered), OTP_REQUEST])),
        4
    );
}

#[test]
fn huge_and_control_character_arguments_do_not_crash() {
    // Linux limits one argument to 128 KiB; a megabyte goes through --jsonl below.
    let big = "Chào bạn, hôm nay trời đẹp quá. ".repeat(3_000);
    assert!(big.len() > 100_000);
    let out = json_out(&run(&["check", "--json", &big]));
    assert_eq!(out["verdict"], CHECKER.check_sms(None, &big).level.as_str());

    let control =
        "\u{1}\u{7}\u{8}\u{1b}[2J\u{1b}]0;x\u{7}\r\u{7f}\u{200B}\u{202E} gửi mã OTP cho \u{1b}[0m";
    for args in [
        vec!["check", control],
        vec!["check", "--json", control, "--sender", control],
        vec!["check", "--number", control],
        vec!["check", "--link", control],
        vec!["check", ""],
        vec!["check", "--number", ""],
    ] {
        let output = run(&args);
        assert!(
            matches!(code(&output), 0 | 3),
            "{args:?}: exit {}: {}",
            code(&output),
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{args:?}");
    }

    let text = "\u{0}\u{1}".repeat(10) + "gửi mã OTP cho";
    let line = serde_json::to_vec(&json!({"id": 1, "text": text})).expect("json");
    let out = run_with_stdin(&["check", "--jsonl"], &[line, b"\n".to_vec()].concat());
    assert_eq!(code(&out), 0);
    let answer: Value = serde_json::from_slice(&out.stdout).expect("one line");
    assert_eq!(
        answer["verdict"],
        CHECKER.check_sms(None, &text).level.as_str()
    );
}

// ---- check --jsonl ----------------------------------------------------------------------------

const SUCCESS_KEYS: &[&str] = &["id", "verdict", "score", "category", "reasons", "advice_vi"];

fn assert_jsonl_verdict(line: &Value, id: &Value, expected: &Verdict) {
    assert_eq!(keys(line), set(SUCCESS_KEYS), "{line}");
    assert_eq!(&line["id"], id);
    assert_eq!(line["verdict"], expected.level.as_str(), "{line}");
    assert_eq!(line["score"].as_f64(), Some(rounded(expected.score)));
    assert_eq!(
        line["category"],
        json!(expected.category.as_ref().map(|c| &c.id))
    );
    assert_eq!(line["advice_vi"], expected.advice_vi.as_str());
    let reasons = line["reasons"].as_array().expect("reasons");
    assert_eq!(
        reasons
            .iter()
            .map(|r| r["code"].as_str().expect("code"))
            .collect::<Vec<_>>(),
        codes(expected)
    );
    for (got, want) in reasons.iter().zip(&expected.reasons) {
        assert_eq!(keys(got), set(&["code", "message_vi", "message_en"]));
        assert_eq!(got["message_vi"], want.message_vi.as_str());
        assert_eq!(got["message_en"], want.message_en.as_str());
    }
}

fn assert_jsonl_error(line: &Value, id: &Value) {
    assert_eq!(keys(line), set(&["id", "error"]), "{line}");
    assert_eq!(&line["id"], id, "{line}");
    let error = line["error"].as_str().expect("error is a string");
    assert!(!error.is_empty());
    assert!(
        !error.contains("0912"),
        "the error repeats the input: {error}"
    );
}

/// What one input line must be answered with (a short table: size does not matter).
#[allow(clippy::large_enum_variant)]
enum Expect {
    Verdict(Value, Verdict),
    Error(Value),
}

#[test]
fn jsonl_answers_every_line_in_order_and_survives_bad_ones() {
    let ham = "Tối nay con về ăn cơm nhé mẹ";
    let mut input: Vec<u8> = Vec::new();
    let mut expect = Vec::new();
    let mut line = |bytes: &[u8], answer: Option<Expect>| {
        input.extend_from_slice(bytes);
        input.push(b'\n');
        expect.extend(answer);
    };
    line(
        format!(r#"{{"id": 1, "sender": "{PERSONAL}", "text": "{OTP_REQUEST}"}}"#).as_bytes(),
        Some(Expect::Verdict(
            json!(1),
            CHECKER.check_sms(Some(PERSONAL), OTP_REQUEST),
        )),
    );
    line(b"", None);
    line(
        br#"{"id": "n-2", "number": "0912 345 678", "text": null, "sender": null, "link": null}"#,
        Some(Expect::Verdict(
            json!("n-2"),
            CHECKER.check_number("0912 345 678").expect("number"),
        )),
    );
    line(
        br#"{"id": null, "link": "vcb-xacminh.com"}"#,
        Some(Expect::Verdict(
            Value::Null,
            CHECKER.check_link("vcb-xacminh.com").expect("link"),
        )),
    );
    line(
        format!(r#"{{"id": {{"batch": [1, 2], "ok": true}}, "text": "{ham}"}}"#).as_bytes(),
        Some(Expect::Verdict(
            json!({"batch": [1, 2], "ok": true}),
            CHECKER.check_sms(None, ham),
        )),
    );
    line(
        b"not json at all 0912345678",
        Some(Expect::Error(Value::Null)),
    );
    line(b"   \t ", None);
    line(br#"{"id": 5, "text": 42}"#, Some(Expect::Error(json!(5))));
    line(
        br#"{"id": 6, "sender": ["0912345678"], "text": "hi"}"#,
        Some(Expect::Error(json!(6))),
    );
    line(
        b"{\"id\": 7, \"text\": \"g\xffi m\xe3 OTP\"}",
        Some(Expect::Error(json!(7))),
    );
    line(br#"{"id": 8}"#, Some(Expect::Error(json!(8))));
    line(
        br#"{"id": 9, "text": null, "number": null, "link": null}"#,
        Some(Expect::Error(json!(9))),
    );
    line(
        br#"{"id": 10, "number": "xyz0912345678"}"#,
        Some(Expect::Error(json!(10))),
    );
    line(
        br#"{"id": 11, "link": "not a link"}"#,
        Some(Expect::Error(json!(11))),
    );
    line(br#"[1, 2, 3]"#, Some(Expect::Error(Value::Null)));
    line(
        br#"{"id": 12, "text": "unterminated"#,
        Some(Expect::Error(Value::Null)),
    );
    line(
        format!(r#"{{"text": "{OTP_REQUEST}"}}"#).as_bytes(),
        Some(Expect::Verdict(
            Value::Null,
            CHECKER.check_sms(None, OTP_REQUEST),
        )),
    );
    line(
        format!("{{\"id\": 13, \"text\": \"{ham}\"}}\r").as_bytes(),
        Some(Expect::Verdict(json!(13), CHECKER.check_sms(None, ham))),
    );
    // The last line has no newline.
    input.extend_from_slice(br#"{"id": 14, "link": "vietcombank.com.vn"}"#);
    expect.push(Expect::Verdict(
        json!(14),
        CHECKER.check_link("vietcombank.com.vn").expect("link"),
    ));

    let output = run_with_stdin(&["check", "--jsonl"], &input);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(
        lines.len(),
        expect.len(),
        "one answer per non-blank line:\n{text}"
    );
    for (got, want) in lines.iter().zip(&expect) {
        match want {
            Expect::Verdict(id, verdict) => assert_jsonl_verdict(got, id, verdict),
            Expect::Error(id) => assert_jsonl_error(got, id),
        }
    }
}

#[test]
fn jsonl_takes_a_megabyte_line_and_empty_input() {
    let text = "Chào bạn, hôm nay trời đẹp quá. ".repeat(1 << 15);
    let line = serde_json::to_vec(&json!({"id": "big", "text": text})).expect("json");
    assert!(line.len() > 1 << 20);
    let output = run_with_stdin(&["check", "--jsonl"], &line);
    let answer = json_out(&output);
    assert_jsonl_verdict(&answer, &json!("big"), &CHECKER.check_sms(None, &text));

    let output = run_with_stdin(&["check", "--jsonl"], b"");
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
}

// ---- eval -------------------------------------------------------------------------------------

fn eval_json(path: &Path) -> Value {
    json_out(&run(&["eval", "--json", s(path)]))
}

fn flagged(sender: Option<&str>, text: &str) -> bool {
    CHECKER.check_sms(sender, text).level != VerdictLevel::Safe
}

#[test]
fn eval_reads_quoted_csv() {
    let scam =
        "Vietcombank: tài khoản của bạn bị khóa. Vui lòng đọc mã OTP cho nhân viên để mở khóa ngay";
    let missed = r#"Hẹn gặp "ở quán", nhé"#;
    let ham = "Tối nay, con về ăn cơm";
    assert!(flagged(Some(PERSONAL), scam), "precondition: flagged");
    assert!(!flagged(None, missed), "precondition: not flagged");
    assert!(!flagged(None, ham), "precondition: not flagged");
    let dir = TempDir::new("eval-csv");
    let csv = dir.write(
        "rows.csv",
        format!(
            "label,text,sender\n\
             scam,\"{scam}\",{PERSONAL}\n\
             scam,\"Hẹn gặp \"\"ở quán\"\", nhé\",\n\
             HAM,\"{ham}\",\n\
             maybe,something,\n\
             ham,,\n"
        )
        .as_bytes(),
    );
    let report = eval_json(&csv);
    assert_eq!(report["rows"], 3);
    assert_eq!(report["skipped"], 2, "an unknown label and an empty text");
    assert_eq!(report["scam"]["total"], 2);
    assert_eq!(report["scam"]["flagged"], 1);
    assert_eq!(report["ham"]["total"], 1);
    assert_eq!(report["ham"]["flagged"], 0);
    assert_eq!(report["recall"].as_f64(), Some(0.5));
    assert_eq!(report["false_positive_rate"].as_f64(), Some(0.0));
    let misses = report["misclassified"].as_array().expect("misclassified");
    assert_eq!(misses.len(), 1, "{misses:?}");
    assert_eq!(misses[0]["line"], 3);
    assert_eq!(misses[0]["kind"], "missed");
    assert_eq!(
        misses[0]["text"], missed,
        "quotes and commas read as one field"
    );

    let readable = run(&["eval", s(&csv)]);
    assert_eq!(code(&readable), 0);
    let readable = stdout(&readable);
    assert!(readable.contains("rows 3 (skipped 2)"), "{readable}");
    assert!(readable.contains(missed), "{readable}");
}

#[test]
fn eval_reads_tsv_with_literal_quotes() {
    let scam = r#"Vui lòng gửi mã "OTP" cho nhân viên, ngay"#;
    let ham = r#"Mẹ ơi "con" về rồi, mở cửa nhé"#;
    let dir = TempDir::new("eval-tsv");
    let tsv = dir.write(
        "rows.tsv",
        format!("label\ttext\nscam\t{scam}\nham\t{ham}\nham\t{OTP_REQUEST}\n").as_bytes(),
    );
    let report = eval_json(&tsv);
    assert_eq!(report["rows"], 3);
    assert_eq!(report["skipped"], 0);
    assert_eq!(report["scam"]["flagged"], u64::from(flagged(None, scam)));
    let fp = u64::from(flagged(None, ham)) + u64::from(flagged(None, OTP_REQUEST));
    assert_eq!(report["ham"]["flagged"], fp);
    let texts: Vec<&str> = report["misclassified"]
        .as_array()
        .expect("misclassified")
        .iter()
        .map(|m| m["text"].as_str().expect("text"))
        .collect();
    assert!(
        texts.contains(&OTP_REQUEST),
        "a flagged ham row is listed: {texts:?}"
    );
    if flagged(None, ham) {
        assert!(texts.contains(&ham), "quotes are kept literally: {texts:?}");
    }
}

#[test]
fn eval_survives_invalid_utf8() {
    let dir = TempDir::new("eval-utf8");
    let mut bytes = b"label,text\nham,ch\xe0o \xff\xfe b\xe1n\n".to_vec();
    bytes.extend_from_slice(format!("scam,\"{OTP_REQUEST} ").as_bytes());
    bytes.extend_from_slice(b"\xc3\"\n");
    bytes.extend_from_slice(b"\xff\xfe,\x80\n");
    let file = dir.write("broken.csv", &bytes);
    let report = eval_json(&file);
    assert_eq!(report["rows"], 2);
    assert_eq!(report["skipped"], 1);
    assert_eq!(report["scam"]["total"], 1);
    assert_eq!(report["ham"]["total"], 1);
}

#[test]
fn eval_without_a_label_column_exits_3() {
    let dir = TempDir::new("eval-nolabel");
    for (name, content) in [
        ("nolabel.csv", "kind,text\nham,hello\n"),
        ("notext.tsv", "label\tmessage\nham\thello\n"),
        ("empty.csv", ""),
    ] {
        let output = run(&["eval", s(&dir.write(name, content.as_bytes()))]);
        assert_eq!(code(&output), 3, "{name}: {}", stderr(&output));
        assert!(output.stdout.is_empty());
    }
}

// ---- catalogue --------------------------------------------------------------------------------

/// A copy of assets/catalogue issued today, so that bundles built from it are valid whenever the
/// test runs (`verify` and `--bundle` check the validity window against the clock).
fn fresh_sources(dir: &TempDir) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/catalogue");
    let to = dir.path("sources");
    copy_dir(&from, &to);
    let manifest = to.join("catalogue.toml");
    let text = fs::read_to_string(&manifest).expect("catalogue.toml");
    let mut replaced = false;
    let text: String = text
        .lines()
        .map(|line| {
            if !replaced && line.trim_start().starts_with("issued_at") {
                replaced = true;
                format!("issued_at = \"{}\"", today())
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(replaced, "catalogue.toml has meta.issued_at");
    fs::write(&manifest, text).expect("write catalogue.toml");
    to
}

/// Builds a development-signed bundle of `sources` into `out`, and checks the build succeeded.
fn build_dev_bundle(sources: &Path, out: &Path) {
    let built = run(&[
        "catalogue",
        "build",
        "--sources",
        s(sources),
        "--out",
        s(out),
        "--dev",
    ]);
    assert_eq!(code(&built), 0, "{}", stderr(&built));
}

/// Today (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    canhgiac_catalogue::bundle::civil_date(canhgiac_core::now_unix())
}

fn is_hex_key(text: &str) -> bool {
    let text = text.trim_end_matches('\n');
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[test]
fn keygen_writes_a_private_secret_and_refuses_to_overwrite() {
    let dir = TempDir::new("keygen");
    let secret = dir.path("district.key");
    let output = run(&["catalogue", "keygen", "--out", s(&secret)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let secret_text = fs::read_to_string(&secret).expect("secret written");
    let public_text = fs::read_to_string(dir.path("district.key.pub")).expect("K.pub written");
    assert!(is_hex_key(&secret_text) && is_hex_key(&public_text));
    assert_ne!(secret_text, public_text);
    assert!(
        !stdout(&output).contains(secret_text.trim()),
        "the secret is not printed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&secret)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "secret key mode {mode:o}");
    }

    let again = run(&["catalogue", "keygen", "--out", s(&secret)]);
    assert_eq!(code(&again), 5);
    assert!(
        stderr(&again).contains("never overwritten"),
        "{}",
        stderr(&again)
    );
    assert_eq!(fs::read_to_string(&secret).expect("secret"), secret_text);
    let public_again = fs::read_to_string(dir.path("district.key.pub")).expect("public");
    assert_eq!(public_again, public_text);

    // A second key never equals the first.
    let other = dir.path("other.key");
    assert_eq!(code(&run(&["catalogue", "keygen", "--out", s(&other)])), 0);
    assert_ne!(fs::read_to_string(other).expect("other"), secret_text);
}

#[test]
fn keygen_never_overwrites_a_public_key_and_keeps_both_halves_of_any_name() {
    let dir = TempDir::new("keygen-names");
    // `K.pub` taken, `K` free: refused before anything is written.
    let taken = dir.write("team.key.pub", b"someone's public key\n");
    let secret = dir.path("team.key");
    let output = run(&["catalogue", "keygen", "--out", s(&secret)]);
    assert_eq!(code(&output), 5, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("team.key.pub"),
        "{}",
        stderr(&output)
    );
    assert!(!secret.exists(), "no secret without its public half");
    assert_eq!(
        fs::read_to_string(&taken).expect("kept"),
        "someone's public key\n"
    );

    // `--out mine.pub`: the secret is `mine.pub`, its public half `mine.pub.pub`.
    let mine = dir.path("mine.pub");
    let output = run(&["catalogue", "keygen", "--out", s(&mine)]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let secret_text = fs::read_to_string(&mine).expect("secret");
    let public_text = fs::read_to_string(dir.path("mine.pub.pub")).expect("public");
    let pair = KeyPair::from_hex(&secret_text).expect("the secret survives");
    assert_eq!(pair.public().to_hex(), public_text.trim());
}

#[test]
fn build_sign_and_verify() {
    let dir = TempDir::new("build");
    let sources = fresh_sources(&dir);
    let key = dir.path("district.key");
    assert_eq!(code(&run(&["catalogue", "keygen", "--out", s(&key)])), 0);
    let public = dir.path("district.key.pub");
    let stranger = dir.path("stranger.key");
    assert_eq!(
        code(&run(&["catalogue", "keygen", "--out", s(&stranger)])),
        0
    );

    // Development-signed: the pinned development key accepts it.
    let dev = dir.path("dev.bundle");
    build_dev_bundle(&sources, &dev);
    let verified = run(&["catalogue", "verify", s(&dev)]);
    assert_eq!(code(&verified), 0, "{}", stderr(&verified));
    assert!(
        stdout(&verified).starts_with("ok:"),
        "{}",
        stdout(&verified)
    );
    assert!(stdout(&verified).contains("development key"));

    // Unsigned, then signed by the district's own key.
    let unsigned = dir.path("unsigned.bundle");
    let built = run(&[
        "catalogue",
        "build",
        "--sources",
        s(&sources),
        "--out",
        s(&unsigned),
    ]);
    assert_eq!(code(&built), 0, "{}", stderr(&built));
    assert_eq!(code(&run(&["catalogue", "verify", s(&unsigned)])), 4);
    let no_key = run(&[
        "catalogue",
        "sign",
        s(&unsigned),
        "--out",
        s(&dir.path("x.bundle")),
    ]);
    assert_eq!(code(&no_key), 3, "signing needs a key");

    let signed = dir.path("signed.bundle");
    let output = run(&[
        "catalogue",
        "sign",
        s(&unsigned),
        "--key",
        s(&key),
        "--out",
        s(&signed),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let (u, g) = (
        fs::read(&unsigned).expect("u"),
        fs::read(&signed).expect("s"),
    );
    assert_eq!(u.len(), g.len());
    assert_eq!(u[..32], g[..32], "signing keeps the header");
    assert_eq!(u[40..u.len() - 64], g[40..g.len() - 64], "and the payload");
    assert_ne!(u[u.len() - 64..], g[g.len() - 64..]);

    // Not pinned by the app, but valid against its own public key; not against a stranger's.
    assert_eq!(code(&run(&["catalogue", "verify", s(&signed)])), 4);
    let own = run(&[
        "catalogue",
        "verify",
        s(&signed),
        "--public-key",
        s(&public),
    ]);
    assert_eq!(code(&own), 0, "{}", stderr(&own));
    assert!(stdout(&own).starts_with("ok:"));
    let strange = dir.path("stranger.key.pub");
    assert_eq!(
        code(&run(&[
            "catalogue",
            "verify",
            s(&signed),
            "--public-key",
            s(&strange)
        ])),
        4
    );
    assert_eq!(
        code(&run(&[
            "catalogue",
            "verify",
            s(&dev),
            "--public-key",
            s(&public)
        ])),
        4
    );

    // The CANHGIAC_SIGNING_KEY variable signs like --key.
    let by_env = dir.path("env.bundle");
    let secret = fs::read_to_string(&key).expect("secret");
    let output = command(&["catalogue", "sign", s(&unsigned), "--out", s(&by_env)])
        .env("CANHGIAC_SIGNING_KEY", secret.trim())
        .output()
        .expect("runs");
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(fs::read(&by_env).expect("env bundle"), g);

    // Tampered, truncated, rolled back.
    let bytes = fs::read(&dev).expect("dev bundle");
    let mut tampered = bytes.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x40;
    for (name, bad) in [
        ("tampered.bundle", tampered),
        ("truncated.bundle", bytes[..bytes.len() - 100].to_vec()),
        ("header-only.bundle", bytes[..44].to_vec()),
        ("empty.bundle", Vec::new()),
    ] {
        let output = run(&["catalogue", "verify", s(&dir.write(name, &bad))]);
        assert_eq!(code(&output), 4, "{name}: {}", stderr(&output));
        assert!(!stdout(&output).contains("ok"), "{name}");
    }
    let version = CHECKER.info().version;
    let newer = (version + 1).to_string();
    assert_eq!(
        code(&run(&[
            "catalogue",
            "verify",
            s(&dev),
            "--installed-version",
            &newer
        ])),
        4,
        "rollback"
    );
}

/// The development key pair, public on purpose (assets/keys/dev).
fn dev_key_pair() -> KeyPair {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/keys/dev/dev.secret");
    KeyPair::from_hex(&fs::read_to_string(path).expect("dev.secret")).expect("a key")
}

#[test]
fn verify_says_why_a_bundle_is_refused() {
    let dir = TempDir::new("refusals");
    let catalogue = CHECKER.catalogue().clone();
    let day = 86_400;
    let now = canhgiac_core::now_unix();
    let refusal = |name: &str, bytes: &[u8], extra: &[&str]| {
        let path = dir.write(name, bytes);
        let mut args = vec!["catalogue", "verify", s(&path)];
        args.extend_from_slice(extra);
        let output = run(&args);
        assert_eq!(code(&output), 4, "{name}: {}", stderr(&output));
        stderr(&output)
    };

    // `catalogue build` without a key: not signed, which is not a question of trust.
    let unsigned = Bundle::unsigned(&catalogue, now - day, now + day);
    let message = refusal("unsigned.bundle", &unsigned, &[]);
    assert!(message.contains("not signed"), "{message}");
    assert!(!message.contains("trust"), "{message}");

    // Signed by a key the app does not pin, checked against the app's keys or another key.
    let district = KeyPair::from_hex(&"33".repeat(32)).expect("fixed seed");
    let stranger = KeyPair::from_hex(&"44".repeat(32)).expect("fixed seed");
    let signed = Bundle::sign(&unsigned, &district).expect("well shaped");
    let message = refusal("district.bundle", &signed, &[]);
    let district_id = district.public().id_hex();
    assert!(
        message.contains(&format!(
            "signed by key {district_id}, which this app does not trust"
        )),
        "{message}"
    );
    let stranger_pub = dir.write("stranger.pub", stranger.public().to_hex().as_bytes());
    let message = refusal(
        "district.bundle",
        &signed,
        &["--public-key", s(&stranger_pub)],
    );
    let expected = format!(
        "signed by key {district_id}, not by the given key {}",
        stranger.public().id_hex()
    );
    assert!(message.contains(&expected), "{message}");

    // One flipped bit in the format version (1 → 257) is damage, not a newer format.
    let mut flipped = Bundle::seal(&catalogue, &dev_key_pair(), now - day, now + day);
    flipped[5] ^= 0x01;
    let message = refusal("flipped.bundle", &flipped, &[]);
    assert!(message.contains("damaged"), "{message}");
    assert!(!message.contains("not supported"), "{message}");

    // Dates, not unix seconds.
    let issued = unix_day("2001-01-01").expect("a date");
    let expired = Bundle::seal(&catalogue, &dev_key_pair(), issued, issued + 30 * day);
    let message = refusal("expired.bundle", &expired, &[]);
    assert!(message.contains("expired on 2001-01-31 (UTC)"), "{message}");
    let future = unix_day("2999-01-01").expect("a date");
    let early = Bundle::seal(&catalogue, &dev_key_pair(), future, future + 30 * day);
    let message = refusal("future.bundle", &early, &[]);
    assert!(
        message.contains("not valid before 2999-01-01 (UTC)"),
        "{message}"
    );
}

fn info_json() -> Value {
    serde_json::to_value(CHECKER.info()).expect("info serialises")
}

#[test]
fn stats_of_the_embedded_catalogue() {
    let info = CHECKER.info();
    let out = json_out(&run(&["catalogue", "stats", "--json"]));
    assert_eq!(out, info_json());
    assert_eq!(
        keys(&out),
        set(&[
            "version",
            "issued_at",
            "expires_at",
            "development",
            "categories",
            "entities",
            "signals",
            "official_domains",
            "official_numbers",
            "blocked_numbers",
            "blocked_domains",
            "blocked_accounts",
            "changelog",
        ])
    );
    let changelog = out["changelog"].as_array().expect("changelog");
    assert!(!changelog.is_empty());
    assert_eq!(
        keys(&changelog[0]),
        set(&["version", "date", "changes_vi", "changes_en"])
    );

    let vi = run(&["catalogue", "stats"]);
    assert_eq!(code(&vi), 0);
    let vi = stdout(&vi);
    assert!(
        vi.contains(&format!("Danh mục phiên bản {}", info.version)),
        "{vi}"
    );
    assert!(
        vi.lines().any(|l| l.trim_start().starts_with("Dấu hiệu")
            && l.trim_end().ends_with(&format!(" {}", info.signals))),
        "{vi}"
    );
    assert!(vi.contains(&info.changelog[0].changes_vi[0]), "{vi}");

    let en = stdout(&run(&["catalogue", "stats", "--lang", "en"]));
    assert!(
        en.contains(&format!("Catalogue version {}", info.version)),
        "{en}"
    );
    assert!(
        en.lines().any(|l| l.trim_start().starts_with("Signals")
            && l.trim_end().ends_with(&format!(" {}", info.signals))),
        "{en}"
    );
    assert!(en.contains(&info.changelog[0].changes_en[0]), "{en}");
}

#[test]
fn stats_of_a_bundle_file() {
    let dir = TempDir::new("stats");
    let sources = fresh_sources(&dir);
    let dev = dir.path("dev.bundle");
    build_dev_bundle(&sources, &dev);

    let out = json_out(&run(&["catalogue", "stats", "--json", s(&dev)]));
    let mut expected = info_json();
    let issued = out["issued_at"].as_i64().expect("issued_at");
    assert_eq!(
        issued,
        canhgiac_core::now_unix().div_euclid(86_400) * 86_400
    );
    expected["issued_at"] = json!(issued);
    expected["expires_at"] = out["expires_at"].clone();
    expected["development"] = json!(true);
    assert_eq!(
        out, expected,
        "counts and change log of the bundle, signed with the dev key"
    );

    let text = run(&["catalogue", "stats", s(&dev)]);
    assert_eq!(code(&text), 0);
    assert!(stdout(&text).contains("(dev)"), "{}", stdout(&text));

    let unsigned = dir.path("unsigned.bundle");
    let built = run(&[
        "catalogue",
        "build",
        "--sources",
        s(&sources),
        "--out",
        s(&unsigned),
    ]);
    assert_eq!(code(&built), 0);
    assert_eq!(code(&run(&["catalogue", "stats", s(&unsigned)])), 4);
}
