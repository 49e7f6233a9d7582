//! [`SharedText`]: a text of the catalogue (a reason's message, a category's advice) that every
//! verdict quoting it shares instead of copying. A check explains itself in several long
//! Vietnamese and English sentences; copying them was a large share of a check's time.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// An immutable text shared by reference count; reads as a `str` (and is one in JSON and
/// through the bindings).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedText(Arc<str>);

impl SharedText {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> Self {
        SharedText(text.into())
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> Self {
        SharedText(text.into())
    }
}

impl From<SharedText> for String {
    fn from(text: SharedText) -> Self {
        text.0.as_ref().to_owned()
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compares_and_serialises_as_its_text() {
        let text = SharedText::from("Lừa đảo");
        let copy = text.clone();
        assert_eq!(copy, "Lừa đảo");
        assert_eq!(copy.len(), "Lừa đảo".len());
        assert_eq!(format!("{copy} {copy:?}"), "Lừa đảo \"Lừa đảo\"");
        assert_eq!(serde_json::to_string(&copy).unwrap(), "\"Lừa đảo\"");
        assert_eq!(String::from(copy), "Lừa đảo");
        assert_ne!(text, SharedText::from("Lừa"));
    }
}
