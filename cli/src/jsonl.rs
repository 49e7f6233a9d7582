//! `canhgiac check --jsonl`: a stream of JSON lines in, one verdict line out per line in. A bad
//! line gets `{"id", "error"}` and the stream goes on.

use std::io::{self, BufRead, BufWriter, Write};

use canhgiac_core::{Checker, Reason, Verdict};
use serde::{Deserialize, Serialize, Serializer};
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
/// "message_en"}], "advice_vi"}`, in this order.
#[derive(Serialize)]
struct Answer<'a> {
    id: &'a Value,
    verdict: &'a str,
    score: f64,
    category: Option<&'a str>,
    reasons: Reasons<'a>,
    advice_vi: &'a str,
}

/// A verdict's reasons, each as `{"code", "message_vi", "message_en"}` (no span).
struct Reasons<'a>(&'a [Reason]);

#[derive(Serialize)]
struct ReasonLine<'a> {
    code: &'a str,
    message_vi: &'a str,
    message_en: &'a str,
}

impl Serialize for Reasons<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|r| ReasonLine {
            code: &r.code,
            message_vi: &r.message_vi,
            message_en: &r.message_en,
        }))
    }
}

fn write_verdict(out: &mut impl Write, id: &Value, v: &Verdict) -> io::Result<()> {
    let answer = Answer {
        id,
        verdict: v.level.as_str(),
        score: rounded(v.score),
        category: v.category.as_ref().map(|c| &*c.id),
        reasons: Reasons(&v.reasons),
        advice_vi: &v.advice_vi,
    };
    write_line(out, &answer)
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

    #[test]
    fn a_verdict_line_keeps_its_keys_in_order() {
        let checker = Checker::embedded().expect("the embedded catalogue loads");
        let v = checker.check_sms(None, "Vui lòng gửi mã \"OTP\" cho nhân viên ngân hàng");
        assert!(!v.reasons.is_empty(), "precondition: reasons");
        let mut out = Vec::new();
        write_verdict(&mut out, &Value::from("a\"1"), &v).expect("writes to memory");
        let line = String::from_utf8(out).expect("JSON is UTF-8");
        assert!(
            line.ends_with("}\n") && line.matches('\n').count() == 1,
            "{line}"
        );
        let at = |key: &str| line.find(&format!("\"{key}\":")).expect(key);
        let places: Vec<usize> = [
            "id",
            "verdict",
            "score",
            "category",
            "reasons",
            "code",
            "message_vi",
            "message_en",
            "advice_vi",
        ]
        .map(at)
        .to_vec();
        assert!(places.windows(2).all(|w| w[0] < w[1]), "{line}");
        assert!(
            line.starts_with("{\"id\":\"a\\\"1\",\"verdict\":"),
            "{line}"
        );
    }
}
