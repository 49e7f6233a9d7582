//! Readable output of a verdict: Vietnamese by default, English with `--lang en`, coloured on a
//! terminal (unless `NO_COLOR` is set). Labels of verdicts and number kinds come from the catalogue
//! texts; the few headings below are this command's own string resource.

use std::fmt::Write;
use std::io::IsTerminal;

use canhgiac_core::{Checker, Verdict, VerdictLevel};

use crate::check::rounded;
use crate::Lang;

/// Headings, Vietnamese and English.
struct Strings {
    score: &'static str,
    reasons: &'static str,
    advice: &'static str,
    number: &'static str,
    carrier: &'static str,
    official: &'static str,
    legacy: &'static str,
}

const VI: Strings = Strings {
    score: "điểm",
    reasons: "Lý do",
    advice: "Nên làm",
    number: "Số",
    carrier: "nhà mạng gốc",
    official: "của",
    legacy: "đã đổi từ số 11 chữ số",
};

const EN: Strings = Strings {
    score: "score",
    reasons: "Reasons",
    advice: "What to do",
    number: "Number",
    carrier: "original carrier",
    official: "belongs to",
    legacy: "converted from an 11-digit number",
};

/// True when stdout is a terminal and the person has not asked for no colour.
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// The verdict as a few readable lines.
pub fn render(v: &Verdict, checker: &Checker, lang: Lang, colour: bool) -> String {
    let s = if lang == Lang::Vi { &VI } else { &EN };
    let pick = |vi: &str, en: &str| {
        if lang == Lang::Vi {
            vi.to_owned()
        } else {
            en.to_owned()
        }
    };
    let label = checker.text(v.level.text_key());
    let (paint, reset) = match (colour, v.level) {
        (false, _) => ("", ""),
        (true, VerdictLevel::Scam) => ("\x1b[1;31m", "\x1b[0m"),
        (true, VerdictLevel::Suspicious) => ("\x1b[1;33m", "\x1b[0m"),
        (true, VerdictLevel::Safe) => ("\x1b[1;32m", "\x1b[0m"),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "{paint}{}{reset} ({} {:.2})",
        pick(&label.vi, &label.en).to_uppercase(),
        s.score,
        rounded(v.score)
    );
    if let Some(c) = &v.category {
        let _ = write!(out, " — {}", pick(&c.title_vi, &c.title_en));
    }
    out.push('\n');
    if let Some(n) = &v.number {
        let kind = checker.text(n.kind.text_key());
        let _ = write!(
            out,
            "{}: {} · {}",
            s.number,
            n.normalised,
            pick(&kind.vi, &kind.en)
        );
        if let Some(carrier) = &n.carrier_hint {
            let _ = write!(out, " · {} {carrier}", s.carrier);
        }
        if let Some(entity) = &n.official_entity {
            let _ = write!(out, " · {} {entity}", s.official);
        }
        if n.converted_from_legacy {
            let _ = write!(out, " · {}", s.legacy);
        }
        out.push('\n');
    }
    if !v.reasons.is_empty() {
        let _ = writeln!(out, "{}:", s.reasons);
        for r in &v.reasons {
            let _ = write!(out, "  • {}", pick(&r.message_vi, &r.message_en));
            if let Some(span) = &r.span {
                // Quoted from the message: control characters (terminal escapes) are not replayed.
                let quoted: String = span
                    .matched
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                let _ = write!(out, " «{quoted}»");
            }
            let _ = writeln!(out, " [{}]", r.code);
        }
    }
    let _ = writeln!(out, "{}: {}", s.advice, pick(&v.advice_vi, &v.advice_en));
    out
}

/// Appends one formatted line to a `String` (output is built whole, then written by [`emit`]).
#[macro_export]
macro_rules! outln {
    ($out:expr) => {{ $out.push('\n'); }};
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Writes `text` to stdout. A closed pipe (`canhgiac eval … | head`) ends the output quietly.
pub fn emit(text: &str) -> Result<(), crate::error::CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(crate::error::CliError::io("cannot write stdout", e))
        }
        _ => Ok(()),
    }
}
