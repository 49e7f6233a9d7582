//! The command's errors and their exit codes. Messages never repeat a checked number or text.

use std::fmt;

use canhgiac_catalogue::{BundleError, SourceError};
use canhgiac_core::CoreError;

/// What went wrong, by exit code.
#[derive(Debug)]
pub enum CliError {
    /// Exit 3: the input is not what was asked for.
    Input(String),
    /// Exit 4: a catalogue or bundle was refused.
    Catalogue(String),
    /// Exit 5: reading or writing failed.
    Io(String),
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Input(_) => 3,
            CliError::Catalogue(_) => 4,
            CliError::Io(_) => 5,
        }
    }

    pub fn io(what: &str, error: std::io::Error) -> Self {
        CliError::Io(format!("{what}: {error}"))
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Input(m) | CliError::Catalogue(m) | CliError::Io(m) => f.write_str(m),
        }
    }
}

impl From<CoreError> for CliError {
    fn from(error: CoreError) -> Self {
        match error {
            CoreError::Bundle(_) => CliError::Catalogue(error.to_string()),
            _ => CliError::Input(error.to_string()),
        }
    }
}

impl From<BundleError> for CliError {
    fn from(error: BundleError) -> Self {
        CliError::Catalogue(error.to_string())
    }
}

impl From<SourceError> for CliError {
    /// A source file that cannot be read is an I/O failure (exit 5); one that reads but is not a
    /// valid catalogue is refused (exit 4).
    fn from(error: SourceError) -> Self {
        match error {
            SourceError::Io { .. } => CliError::Io(error.to_string()),
            _ => CliError::Catalogue(error.to_string()),
        }
    }
}
