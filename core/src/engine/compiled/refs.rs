//! What every compiled part needs while it is built: category ids resolved to their indices, and
//! the refusal of a catalogue that does not compile.

use canhgiac_catalogue::model::Catalogue;

use crate::error::CoreError;

/// Resolves a category id of the catalogue to its index.
pub(crate) struct CategoryIds<'c>(pub &'c Catalogue);

impl CategoryIds<'_> {
    /// The index of category `id`, if the catalogue has it.
    pub fn of(&self, id: &Option<String>) -> Option<usize> {
        id.as_ref()
            .and_then(|id| self.0.categories.iter().position(|c| &c.id == id))
    }
}

/// A refusal of a catalogue that does not compile (a bundle is signed, so this means a bug in
/// the district's tools rather than an attack; it is refused all the same).
pub(crate) fn malformed(reason: &str) -> CoreError {
    CoreError::Bundle(canhgiac_catalogue::BundleError::Malformed {
        reason: reason.to_owned(),
    })
}
