//! Thresholds from false-alarm rates, and recall at a false-alarm rate: how the learned model's
//! `scam` and `suspicious` thresholds are set, and how `eval` reports a score's worth.

/// The false-alarm rates `eval` reports recall at.
pub const REPORTED_RATES: [f64; 3] = [0.005, 0.01, 0.02];

/// The lowest threshold that flags at most `rate` of the legitimate messages' `scores` (ties at
/// the boundary stay below it); never 1 or more, so a threshold is always reachable.
pub fn threshold_at(legitimate: &[f32], rate: f64) -> f32 {
    let mut sorted = legitimate.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let allowed = (rate * sorted.len() as f64).floor() as usize;
    let threshold = match sorted.get(allowed) {
        // Just above the first legitimate score that must not be flagged.
        Some(&score) => f32::from_bits(score.max(0.0).to_bits() + 1),
        None => f32::MIN_POSITIVE,
    };
    threshold.clamp(f32::MIN_POSITIVE, 0.999)
}

/// Recall, and the false-alarm rate reached, at the threshold [`threshold_at`] `rate` gives.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct AtRate {
    pub rate: f64,
    pub threshold: f32,
    pub recall: f64,
    pub false_alarms: f64,
}

/// Recall of the scam `scores` (where `positive`) at false-alarm `rate` on the others.
pub fn at_rate(scores: &[f32], positive: &[bool], rate: f64) -> AtRate {
    let legitimate: Vec<f32> = scores
        .iter()
        .zip(positive)
        .filter(|(_, &p)| !p)
        .map(|(&s, _)| s)
        .collect();
    let threshold = threshold_at(&legitimate, rate);
    let share = |wanted: bool| {
        let (hit, all) = scores
            .iter()
            .zip(positive)
            .filter(|(_, &p)| p == wanted)
            .fold((0usize, 0usize), |(hit, all), (&s, _)| {
                (hit + usize::from(s >= threshold), all + 1)
            });
        if all == 0 {
            0.0
        } else {
            hit as f64 / all as f64
        }
    };
    AtRate {
        rate,
        threshold,
        recall: share(true),
        false_alarms: share(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_keeps_false_alarms_within_the_rate() {
        let ham: Vec<f32> = (0..100).map(|i| i as f32 / 100.0).collect();
        let t = threshold_at(&ham, 0.02);
        let flagged = ham.iter().filter(|&&s| s >= t).count();
        assert_eq!(flagged, 2);
        assert!(threshold_at(&ham, 0.005) > t);
    }

    #[test]
    fn recall_counts_scams_at_or_above_the_threshold() {
        let scores = [0.9, 0.8, 0.1, 0.2, 0.3, 0.95];
        let positive = [true, true, true, false, false, false];
        let r = at_rate(&scores, &positive, 0.34);
        // One legitimate message may be flagged: the threshold sits just above 0.3.
        assert!((r.recall - 2.0 / 3.0).abs() < 1e-9, "{r:?}");
        assert!((r.false_alarms - 1.0 / 3.0).abs() < 1e-9, "{r:?}");
    }
}
