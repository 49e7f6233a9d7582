//! Letters spelled apart (`V.i.e.t`, `T.K`, `O T P`, `T.h.u.e b.a.o`) joined back into words.

use super::fold::is_word_char;
use super::tokens::{Gap, Scratch, Token};
use super::word_tricks::WordTricks;

/// Separators that join two single letters into a word (`T.K` → `tk`), but a space does not.
const JOINERS: &[char] = &['.', '-', '_', '*', '/', '\'', '`', '|'];

/// Joins letters spelled apart: three or more single characters in a row (`O T P`), or
/// characters joined by punctuation (`T.K`). When punctuation joins the letters, a space
/// between them is a word break: `T.h.u.e b.a.o` is two words.
pub(super) fn join_spelled(
    tricks: &WordTricks,
    tokens: Vec<Token>,
    scratch: &mut Scratch,
) -> Vec<Token> {
    let joiner = |gap: Gap| matches!(gap, Gap::Short(c) if JOINERS.contains(&c));
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i;
        while end < tokens.len() && single(scratch, &tokens[end]) {
            end += 1;
        }
        if end == i {
            out.push(tokens[i]);
            i += 1;
            continue;
        }
        let run = &tokens[i..end];
        if run[1..].iter().any(|t| joiner(t.gap)) {
            // Words are the stretches joined by punctuation; what is left single in a row of
            // three or more is spelled with spaces and joins as one word.
            let mut words: Vec<&[Token]> = Vec::new();
            let mut from = 0;
            for k in 1..=run.len() {
                if k == run.len() || !joiner(run[k].gap) {
                    words.push(&run[from..k]);
                    from = k;
                }
            }
            let mut w = 0;
            while w < words.len() {
                let mut singles = w;
                while singles < words.len() && words[singles].len() == 1 {
                    singles += 1;
                }
                if singles - w >= 3 {
                    join(
                        tricks,
                        &run[start_of(&words, w, run)..start_of(&words, singles, run)],
                        scratch,
                        &mut out,
                    );
                    w = singles;
                } else if words[w].len() > 1 {
                    join(tricks, words[w], scratch, &mut out);
                    w += 1;
                } else {
                    out.push(words[w][0]);
                    w += 1;
                }
            }
        } else if run.len() >= 3 {
            join(tricks, run, scratch, &mut out);
        } else {
            out.extend_from_slice(run);
        }
        i = end;
    }
    out
}

fn join(tricks: &WordTricks, run: &[Token], scratch: &mut Scratch, out: &mut Vec<Token>) {
    let text: String = run.iter().map(|t| scratch.get(t)).collect();
    let token = Token {
        text: scratch.append(&text),
        orig: (run[0].orig.0, run[run.len() - 1].orig.1),
        gap: run[0].gap,
    };
    tricks.shape(token, scratch, out);
}

/// True when the token is one letter or digit.
#[inline]
fn single(scratch: &Scratch, token: &Token) -> bool {
    let len = token.text.1 - token.text.0;
    if len == 1 {
        return scratch.buf.as_bytes()[token.text.0 as usize].is_ascii_alphanumeric();
    }
    if len > 4 {
        return false; // longer than any one character
    }
    let mut chars = scratch.get(token).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_word_char(c))
}

/// True when two single letters stand side by side: the least that [`join_spelled`]
/// joins.
pub(super) fn adjacent_singles(tokens: &[Token], scratch: &Scratch) -> bool {
    tokens
        .windows(2)
        .any(|w| single(scratch, &w[0]) && single(scratch, &w[1]))
}

/// True when three single letters stand in a row: letters spelled apart with spaces.
pub(super) fn spelled_run(tokens: &[Token], scratch: &Scratch) -> bool {
    tokens
        .windows(3)
        .any(|w| w.iter().all(|t| single(scratch, t)))
}

/// Where word `w` of `words` (slices of `run`) starts in `run`; `run.len()` past the last.
fn start_of(words: &[&[Token]], w: usize, run: &[Token]) -> usize {
    words[..w]
        .iter()
        .map(|x| x.len())
        .sum::<usize>()
        .min(run.len())
}
