//! Message templates and the folds they make: an operator sends one template thousands of times
//! with other figures and links, so a fair measure never has a template on both sides of a
//! split. A template is a message with its links and digits masked; near-duplicates (word
//! 3-shingles of the masked text, Jaccard similarity at least one half) join one group.

use std::collections::HashMap;

/// Two masked texts whose shingles overlap at least this much are one template.
const SAME_TEMPLATE: f64 = 0.5;

/// `text` lower-cased, its links written `<link>` and its digit runs `0`, its words single-spaced.
pub fn masked(text: &str) -> String {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let lower = word.to_lowercase();
        let is_link = lower.starts_with("http")
            || lower.starts_with("www.")
            || (lower.contains('.') && lower.contains('/'));
        if is_link {
            out.push("<link>".to_owned());
            continue;
        }
        let mut masked = String::with_capacity(lower.len());
        let mut in_digits = false;
        for c in lower.chars() {
            let digit = c.is_ascii_digit();
            if !(digit && in_digits) {
                masked.push(if digit { '0' } else { c });
            }
            in_digits = digit;
        }
        out.push(masked);
    }
    out.join(" ")
}

fn shingles(masked: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<&str> = masked.split(' ').collect();
    let width = 3.min(words.len()).max(1);
    let mut out: Vec<u64> = words
        .windows(width)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The template group of each text (numbered from 0 in order of first appearance).
pub fn groups(texts: &[&str]) -> Vec<usize> {
    let masked: Vec<String> = texts.iter().map(|t| masked(t)).collect();
    let sets: Vec<Vec<u64>> = masked.iter().map(|m| shingles(m)).collect();
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Pairs that share a shingle, counted through an index from shingle to texts.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in sets.iter().enumerate() {
        for &s in set {
            index.entry(s).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for members in index.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), common) in pairs {
        let union = sets[a].len() + sets[b].len() - common;
        let same = masked[a] == masked[b] || common as f64 >= SAME_TEMPLATE * union as f64;
        if same {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    (0..texts.len())
        .map(|i| {
            let r = root(&mut parent, i);
            let next = numbers.len();
            *numbers.entry(r).or_insert(next)
        })
        .collect()
}

/// The fold (`0..k`) of each row: whole groups, biggest first, each to the fold that has the
/// fewest rows of the group's majority label so far, so folds stay balanced in size and labels.
/// Deterministic: the same rows give the same folds.
pub fn folds(groups: &[usize], positive: &[bool], k: usize) -> Vec<usize> {
    let count = groups.iter().max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (row, &g) in groups.iter().enumerate() {
        members[g].push(row);
    }
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&g| (std::cmp::Reverse(members[g].len()), g));
    let mut filled = vec![[0usize; 2]; k];
    let mut fold_of_group = vec![0; count];
    for g in order {
        let scams = members[g].iter().filter(|&&r| positive[r]).count();
        let label = usize::from(2 * scams >= members[g].len());
        let fold = (0..k)
            .min_by_key(|&f| (filled[f][label], filled[f][0] + filled[f][1], f))
            .unwrap_or(0);
        fold_of_group[g] = fold;
        filled[fold][usize::from(true)] += scams;
        filled[fold][usize::from(false)] += members[g].len() - scams;
    }
    groups.iter().map(|&g| fold_of_group[g]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_links_do_not_make_a_new_template() {
        assert_eq!(
            masked("Ma OTP 123456 het han sau 5 phut https://a.b/c"),
            "ma otp 0 het han sau 0 phut <link>"
        );
        let texts = [
            "Quy khach da nap 50000d vao tai khoan luc 10:30 ngay 01/12, so du 20000d",
            "Quy khach da nap 100000d vao tai khoan luc 08:15 ngay 02/12, so du 90000d",
            "Chuc mung ban trung thuong xe may, bam link de nhan",
        ];
        let g = groups(&texts);
        assert_eq!(g[0], g[1]);
        assert_ne!(g[0], g[2]);
    }

    #[test]
    fn a_group_stays_in_one_fold_and_folds_are_balanced() {
        let groups = [0, 0, 1, 2, 3, 4, 5, 6, 7, 7];
        let positive = [
            true, true, false, true, false, true, false, true, false, false,
        ];
        let folds = folds(&groups, &positive, 2);
        assert_eq!(folds[0], folds[1]);
        assert_eq!(folds[8], folds[9]);
        let first = folds.iter().filter(|&&f| f == 0).count();
        assert!((4..=6).contains(&first), "{folds:?}");
    }
}
