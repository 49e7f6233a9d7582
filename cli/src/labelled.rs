//! Labelled message files (CSV or TSV with a header naming `label` and `text`, optionally
//! `id`, `sender`, `category`): what `canhgiac eval` measures on and `canhgiac catalogue train`
//! learns from.

use std::path::Path;

use serde::Serialize;

use crate::error::CliError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Scam,
    Spam,
    Ham,
}

pub struct Row {
    /// The line the row starts on, counted from 1.
    pub line: usize,
    /// The file's own id of the row (column `id`), when it has one.
    pub id: Option<String>,
    pub label: Label,
    pub category: Option<String>,
    pub sender: Option<String>,
    pub text: String,
}

/// The rows of `path` that have a known label and a text, and how many were skipped.
pub fn read_rows(path: &Path) -> Result<(Vec<Row>, usize), CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError::io("cannot read the file", e))?;
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let tsv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
        || first_line.contains(&b'\t');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let headers = reader
        .byte_headers()
        .map_err(|e| CliError::Input(format!("cannot read the header: {e}")))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| String::from_utf8_lossy(h).trim().eq_ignore_ascii_case(name))
    };
    let (Some(label_at), Some(text_at)) = (column("label"), column("text")) else {
        return Err(CliError::Input(
            "the file needs a header with the columns label and text".into(),
        ));
    };
    let sender_at = column("sender");
    let category_at = column("category");
    let id_at = column("id");
    let mut rows = Vec::new();
    let mut skipped = 0;
    for record in reader.byte_records() {
        let Ok(record) = record else {
            skipped += 1;
            continue;
        };
        let line = start_line(&bytes, record.position());
        let field = |at: Option<usize>| {
            at.and_then(|at| record.get(at))
                .map(|b| String::from_utf8_lossy(b).trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let label = match field(Some(label_at))
            .map(|l| l.to_ascii_lowercase())
            .as_deref()
        {
            Some("scam") => Label::Scam,
            Some("spam") => Label::Spam,
            Some("ham") => Label::Ham,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let Some(text) = field(Some(text_at)) else {
            skipped += 1;
            continue;
        };
        rows.push(Row {
            line,
            id: field(id_at),
            label,
            category: field(category_at),
            sender: field(sender_at),
            text,
        });
    }
    Ok((rows, skipped))
}

/// The line a record starts on, counted from 1. The reader's position is where it began to read
/// the record, which is before any blank lines it skipped on the way.
fn start_line(bytes: &[u8], position: Option<&csv::Position>) -> usize {
    let Some(position) = position else {
        return 0;
    };
    let from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let blank = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'\n' || b == b'\r')
        .filter(|&&b| b == b'\n')
        .count();
    usize::try_from(position.line()).unwrap_or(usize::MAX) + blank
}

/// A range of row ids, `COM_1400..COM_2050`: the same prefix and a number between the two, both
/// included (`eval --exclude-ids` leaves out a block of a file, such as a generated one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdRange {
    prefix: String,
    from: u64,
    to: u64,
}

/// An id's prefix and trailing number.
fn split_id(id: &str) -> Option<(&str, u64)> {
    let digits = id.len() - id.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, number) = id.split_at(id.len() - digits);
    Some((prefix, number.parse().ok()?))
}

impl std::str::FromStr for IdRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let wrong =
            || format!("expected FIRST..LAST with ids such as COM_1400..COM_2050, got {text:?}");
        let (a, b) = text.split_once("..").ok_or_else(wrong)?;
        let ((prefix, from), (prefix_b, to)) = (
            split_id(a.trim()).ok_or_else(wrong)?,
            split_id(b.trim()).ok_or_else(wrong)?,
        );
        if prefix != prefix_b || from > to {
            return Err(wrong());
        }
        Ok(IdRange {
            prefix: prefix.to_owned(),
            from,
            to,
        })
    }
}

impl IdRange {
    /// True when `id` is in the range.
    pub fn contains(&self, id: &str) -> bool {
        split_id(id)
            .is_some_and(|(prefix, n)| prefix == self.prefix && (self.from..=self.to).contains(&n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_range_holds_its_prefix_and_numbers() {
        let range: IdRange = "COM_1400..COM_2050".parse().expect("a range");
        assert!(
            range.contains("COM_1400") && range.contains("COM_2050") && range.contains("COM_1999")
        );
        assert!(
            !range.contains("COM_2051") && !range.contains("HAM_1500") && !range.contains("COM_")
        );
        assert!("COM_5..HAM_9".parse::<IdRange>().is_err());
        assert!("COM_9..COM_5".parse::<IdRange>().is_err());
        assert!("nothing".parse::<IdRange>().is_err());
    }
}
