//! The logistic regression behind the learned model, fitted by L-BFGS (the `argmin` crate) on
//! sparse features: the log-loss of every message (times its weight), an L2 penalty pulling n-gram weights to 0
//! and named weights to their priors (a signal the data rarely shows keeps roughly its
//! catalogue weight). Deterministic: the same rows give the same weights.

use argmin::core::{CostFunction, Error, Executor, Gradient, State};
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::quasinewton::LBFGS;
use canhgiac_core::ModelFeatures;

/// How hard the weights are pulled to their priors.
#[derive(Debug, Clone, Copy)]
pub struct Penalty {
    pub ngrams: f64,
    pub named: f64,
}

/// The fitted weights: `bias`, one per named feature, one per n-gram bucket.
#[derive(Debug, Clone)]
pub struct Weights {
    pub bias: f64,
    pub named: Vec<f64>,
    pub ngrams: Vec<f64>,
}

struct Problem<'a> {
    rows: &'a [&'a ModelFeatures],
    labels: &'a [f64],
    weights: &'a [f64],
    priors: &'a [f64],
    penalty: Penalty,
}

impl Problem<'_> {
    /// Parameters: bias, named weights, n-gram weights, in one vector.
    fn logit(&self, p: &[f64], row: &ModelFeatures) -> f64 {
        let named = &p[1..1 + self.priors.len()];
        let ngrams = &p[1 + self.priors.len()..];
        p[0] + row.named.iter().map(|&i| named[i as usize]).sum::<f64>()
            + row
                .ngrams
                .iter()
                .map(|&(b, v)| ngrams[b as usize] * f64::from(v))
                .sum::<f64>()
    }

    fn penalty_terms(&self, p: &[f64]) -> impl Iterator<Item = (usize, f64, f64)> + '_ {
        let m = self.priors.len();
        (1..p.len()).map(move |j| {
            if j <= m {
                (j, self.priors[j - 1], self.penalty.named)
            } else {
                (j, 0.0, self.penalty.ngrams)
            }
        })
    }
}

/// `log(1 + e^z)` without overflow.
fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + (-z).exp().ln_1p()
    } else {
        z.exp().ln_1p()
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl CostFunction for Problem<'_> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, p: &Vec<f64>) -> Result<f64, Error> {
        let loss: f64 = self
            .rows
            .iter()
            .zip(self.labels.iter().zip(self.weights))
            .map(|(row, (&y, &w))| {
                let z = self.logit(p, row);
                w * (softplus(z) - y * z)
            })
            .sum();
        let penalty: f64 = self
            .penalty_terms(p)
            .map(|(j, prior, strength)| 0.5 * strength * (p[j] - prior).powi(2))
            .sum();
        Ok(loss + penalty)
    }
}

impl Gradient for Problem<'_> {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;

    fn gradient(&self, p: &Vec<f64>) -> Result<Vec<f64>, Error> {
        let m = self.priors.len();
        let mut g = vec![0.0; p.len()];
        for (row, (&y, &w)) in self.rows.iter().zip(self.labels.iter().zip(self.weights)) {
            let d = w * (sigmoid(self.logit(p, row)) - y);
            g[0] += d;
            for &i in &row.named {
                g[1 + i as usize] += d;
            }
            for &(b, v) in &row.ngrams {
                g[1 + m + b as usize] += d * f64::from(v);
            }
        }
        for (j, prior, strength) in self.penalty_terms(p) {
            g[j] += strength * (p[j] - prior);
        }
        Ok(g)
    }
}

/// Fits the weights on `rows` with `labels` (1 scam, 0 legitimate), each row's loss counted
/// `weights` times.
pub fn fit(
    rows: &[&ModelFeatures],
    labels: &[f64],
    weights: &[f64],
    priors: &[f64],
    buckets: usize,
    penalty: Penalty,
) -> Result<Weights, String> {
    let problem = Problem {
        rows,
        labels,
        weights,
        priors,
        penalty,
    };
    let mut start = vec![0.0; 1 + priors.len() + buckets];
    start[1..1 + priors.len()].copy_from_slice(priors);
    let solver = LBFGS::new(MoreThuenteLineSearch::new(), 10)
        .with_tolerance_cost(1e-9)
        .map_err(|e| e.to_string())?;
    let result = Executor::new(problem, solver)
        .configure(|state| state.param(start).max_iters(400))
        .run()
        .map_err(|e| format!("the optimiser failed: {e}"))?;
    let best = result
        .state()
        .get_best_param()
        .ok_or("the optimiser returned no weights")?;
    let m = priors.len();
    Ok(Weights {
        bias: best[0],
        named: best[1..1 + m].to_vec(),
        ngrams: best[1 + m..].to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(named: &[u32], ngrams: &[(u32, f32)]) -> ModelFeatures {
        ModelFeatures {
            named: named.to_vec(),
            ngrams: ngrams.to_vec(),
            strong_keep: 1.0,
        }
    }

    #[test]
    fn a_feature_only_scams_have_gets_a_positive_weight() {
        let rows = [
            row(&[0], &[(1, 1.0)]),
            row(&[0], &[(1, 1.0)]),
            row(&[], &[(2, 1.0)]),
            row(&[], &[(2, 1.0)]),
        ];
        let refs: Vec<&ModelFeatures> = rows.iter().collect();
        let penalty = Penalty {
            ngrams: 0.1,
            named: 0.1,
        };
        let w = fit(&refs, &[1.0, 1.0, 0.0, 0.0], &[1.0; 4], &[0.0], 4, penalty).expect("fits");
        assert!(w.named[0] > 0.5, "{w:?}");
        assert!(w.ngrams[1] > 0.0 && w.ngrams[2] < 0.0, "{w:?}");
        assert_eq!(w.ngrams[3], 0.0, "a bucket no row has stays at 0");
    }

    #[test]
    fn a_named_feature_the_data_lacks_keeps_its_prior() {
        let rows = [row(&[], &[(0, 1.0)]), row(&[], &[(1, 1.0)])];
        let refs: Vec<&ModelFeatures> = rows.iter().collect();
        let penalty = Penalty {
            ngrams: 1.0,
            named: 1.0,
        };
        let w = fit(&refs, &[1.0, 0.0], &[1.0; 2], &[0.0, 2.5], 2, penalty).expect("fits");
        assert!((w.named[1] - 2.5).abs() < 1e-6, "{w:?}");
    }
}
