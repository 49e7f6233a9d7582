//! `canhgiac check`: one message (given as an argument, or `-` for standard input), number or
//! link, as readable text or one JSON object.

use std::fs;
use std::io::Read;

use canhgiac_catalogue::source::compile_dir;
use canhgiac_core::{now_unix, Checker, Verdict};
use serde_json::json;

use crate::error::CliError;
use crate::{jsonl, output, CheckArgs, Source};

pub fn run(args: &CheckArgs) -> Result<(), CliError> {
    // The message is read and refused before the catalogue is loaded: it is the cheaper error.
    let text = match args.text.as_deref() {
        Some("-") => Some(read_stdin()?),
        Some(text) => Some(text.to_owned()),
        None => None,
    };
    if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(CliError::Input(
            "nothing to check: the message is empty".into(),
        ));
    }
    let checker = load_checker(&args.source)?;
    if args.jsonl {
        return jsonl::run(&checker);
    }
    let verdict = if let Some(text) = &text {
        checker.check_sms(args.sender.as_deref(), text)
    } else if let Some(number) = &args.number {
        checker.check_number(number)?
    } else if let Some(link) = &args.link {
        checker.check_link(link)?
    } else {
        return Err(CliError::Input(
            "nothing to check: give a TEXT, --number N, --link URL or --jsonl".into(),
        ));
    };
    if args.json {
        output::emit(&format!("{}\n", verdict_json(&verdict)))
    } else {
        output::emit(&output::render(
            &verdict,
            &checker,
            args.lang,
            output::use_colour(),
        ))
    }
}

/// The whole of standard input as one message (`canhgiac check -`), for messages too long to
/// pass as an argument. The error never quotes the bytes it could not read.
fn read_stdin() -> Result<String, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::io("cannot read stdin", e))?;
    String::from_utf8(bytes).map_err(|e| {
        CliError::Input(format!(
            "the message on stdin is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The checker the command works with: the embedded catalogue, a signed bundle, or the sources.
pub fn load_checker(source: &Source) -> Result<Checker, CliError> {
    if let Some(path) = &source.bundle {
        let bytes = fs::read(path).map_err(|e| CliError::io("cannot read the bundle", e))?;
        return Ok(Checker::from_bundle(&bytes, None, now_unix())?);
    }
    if let Some(dir) = &source.sources {
        return Ok(Checker::from_catalogue(compile_dir(dir)?)?);
    }
    Ok(Checker::embedded()?)
}

/// Scores are shown with three decimals: more would pretend to a precision the weights lack.
pub fn rounded(score: f32) -> f64 {
    (f64::from(score) * 1000.0).round() / 1000.0
}

/// The full JSON form of a verdict (`check --json`).
pub fn verdict_json(v: &Verdict) -> serde_json::Value {
    json!({
        "verdict": v.level.as_str(),
        "score": rounded(v.score),
        "category": v.category.as_ref().map(|c| c.id.as_str()),
        "category_title_vi": v.category.as_ref().map(|c| c.title_vi.as_str()),
        "category_title_en": v.category.as_ref().map(|c| c.title_en.as_str()),
        "reasons": v.reasons,
        "advice_vi": v.advice_vi,
        "advice_en": v.advice_en,
        "number": v.number,
    })
}
