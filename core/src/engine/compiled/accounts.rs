//! Blocked bank accounts, digits only: looked up for every account-like number in every message.

use canhgiac_catalogue::model::Catalogue;
use rustc_hash::FxHashSet;

pub(crate) struct Accounts(FxHashSet<String>);

impl Accounts {
    pub fn build(catalogue: &Catalogue) -> Self {
        Accounts(
            catalogue
                .blocklist
                .accounts
                .iter()
                .map(|a| a.value.chars().filter(char::is_ascii_digit).collect())
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `digits` is a blocked account.
    pub fn is_blocked(&self, digits: &str) -> bool {
        self.0.contains(digits)
    }
}
