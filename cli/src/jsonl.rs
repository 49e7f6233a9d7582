//! `canhgiac check --jsonl`: a stream of JSON lines in, one verdict line out per line in. A bad
//! line gets `{"id", "error"}` and the stream goes on.

use std::io::{self, BufRead, BufWriter, Write};

use canhgiac_core::{Checker, Verdict};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::check::rounded;
use crate::error::CliError;

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    sender: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    number: Option<String>,
    #[serde(default)]
    link: Option<String>,
}

#[derive(Serialize)]
struct Failure<'a> {
    id: &'a Value,
    error: String,
}

pub fn run(checker: &Checker) -> Result<(), CliError> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut line = Vec::with_capacity(1024);
    loop {
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(|e| CliError::io("cannot read stdin", e))?;
        if read == 0 {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Err(error) = answer(checker, &line, &mut out) {
            return write_failed(error);
        }
    }
    out.flush().or_else(write_failed)
}

/// A closed stdout (`canhgiac check --jsonl … | head -1`) ends the run quietly, as
/// [`crate::output::emit`] does for the other commands; any other write error is exit 5.
fn write_failed(error: io::Error) -> Result<(), CliError> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(CliError::io("cannot write stdout", error))
    }
}

fn answer(checker: &Checker, line: &[u8], out: &mut impl Write) -> io::Result<()> {
    let request: Request = match serde_json::from_slice(line) {
        Ok(request) => request,
        Err(error) => {
            // Salvage the id when the line is JSON but not a valid request, even when a field
            // holds bytes that are not UTF-8 (the id itself is then read with them replaced).
            let id = serde_json::from_slice::<Value>(line)
                .or_else(|_| serde_json::from_str::<Value>(&String::from_utf8_lossy(line)))
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            let error = format!("malformed line: {}", error.classify_message());
            return write_line(out, &Failure { id: &id, error });
        }
    };
    match verdict(checker, &request) {
        Ok(v) => write_verdict(out, &request.id, &v),
        Err(error) => write_line(
            out,
            &Failure {
                id: &request.id,
                error,
            },
        ),
    }
}

fn verdict(checker: &Checker, r: &Request) -> Result<Verdict, String> {
    if let Some(text) = &r.text {
        Ok(checker.check_sms(r.sender.as_deref(), text))
    } else if let Some(number) = &r.number {
        checker.check_number(number).map_err(|e| e.to_string())
    } else if let Some(link) = &r.link {
        checker.check_link(link).map_err(|e| e.to_string())
    } else {
        Err("nothing to check: give text, number or link".into())
    }
}

/// One verdict line, `{"id", "verdict", "score", "category", "reasons": [{"code", "message_vi",
/// "message_en"}], "advice_vi"}`: the bytes `serde_json` writes for these fields, with each text
/// copied whole when it needs no escape. The catalogue's messages make a line a kilobyte and more,
/// and escaping them byte by byte was a fifth of the time of a line.
fn write_verdict(out: &mut impl Write, id: &Value, v: &Verdict) -> io::Result<()> {
    out.write_all(b"{\"id\":")?;
    serde_json::to_writer(&mut *out, id)?;
    out.write_all(b",\"verdict\":")?;
    write_str(out, v.level.as_str())?;
    out.write_all(b",\"score\":")?;
    serde_json::to_writer(&mut *out, &rounded(v.score))?;
    out.write_all(b",\"category\":")?;
    match &v.category {
        Some(category) => write_str(out, &category.id)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"reasons\":[")?;
    for (i, reason) in v.reasons.iter().enumerate() {
        out.write_all(if i == 0 {
            b"{\"code\":"
        } else {
            b",{\"code\":"
        })?;
        write_str(out, &reason.code)?;
        out.write_all(b",\"message_vi\":")?;
        write_str(out, &reason.message_vi)?;
        out.write_all(b",\"message_en\":")?;
        write_str(out, &reason.message_en)?;
        out.write_all(b"}")?;
    }
    out.write_all(b"],\"advice_vi\":")?;
    write_str(out, &v.advice_vi)?;
    out.write_all(b"}\n")
}

/// `text` as a JSON string.
fn write_str(out: &mut impl Write, text: &str) -> io::Result<()> {
    if needs_escape(text.as_bytes()) {
        return Ok(serde_json::to_writer(out, text)?);
    }
    out.write_all(b"\"")?;
    out.write_all(text.as_bytes())?;
    out.write_all(b"\"")
}

/// True when JSON escapes some byte of `text`: a quote, a backslash or a control character.
/// Eight bytes at a time (texts are long and rarely hold one).
fn needs_escape(text: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte of `word` below `n` (n ≤ 0x80) sets its high bit in the result.
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS;
    let special = |word: u64| {
        below(word, 0x20)
            | below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            != 0
    };
    let mut chunks = text.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        if special(u64::from_le_bytes(word)) {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

trait Classify {
    fn classify_message(&self) -> &'static str;
}

impl Classify for serde_json::Error {
    /// The kind of error only: serde's message may quote the line, which may hold a number.
    fn classify_message(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "unreadable",
            serde_json::error::Category::Syntax => "not valid JSON",
            serde_json::error::Category::Data => {
                "fields of the wrong type (text, sender, number and link are strings or null)"
            }
            serde_json::error::Category::Eof => "truncated JSON",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(text: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, text).expect("writes to memory");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    #[test]
    fn texts_are_written_as_serde_json_writes_them() {
        // Every ASCII character at every place of an eight-byte word, and beside Vietnamese.
        for b in 0u8..0x80 {
            let c = char::from(b);
            for at in 0..10 {
                let text: String = (0..10).map(|k| if k == at { c } else { 'ệ' }).collect();
                assert_eq!(
                    written(&text),
                    serde_json::to_string(&text).unwrap(),
                    "{b:#x}"
                );
            }
        }
        for text in [
            "",
            "\"",
            "\\",
            "Bấm \"OK\"",
            "a\u{7f}b",
            "\u{1f}",
            "Đ\u{2028}",
        ] {
            assert_eq!(written(text), serde_json::to_string(text).unwrap());
        }
    }
}
