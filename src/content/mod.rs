//! The content model: types, parsing and validation. Pure Rust, no browser.

pub mod citations;
pub mod figures;
pub mod icons;
pub mod model;
pub mod readability;
pub mod terms;
pub mod text;
pub mod validate;
pub mod words;

pub use model::*;
pub use validate::{Problem, ValidationError, validate};

use std::fmt;

/// Why content could not be used, once it has arrived.
#[derive(Debug)]
pub enum ContentError {
    /// The file is not valid JSON, or does not have the guide's shape.
    Malformed(serde_json::Error),
    /// The file has the right shape but breaks a rule (see [`validate`]).
    Invalid(ValidationError),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Malformed(error) => write!(f, "the content file is not valid: {error}"),
            ContentError::Invalid(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for ContentError {}

/// Parses and validates the guide's JSON, and fills in its figures.
pub fn parse_guide(json: &str) -> Result<Guide, ContentError> {
    check_guide(decode_guide(json)?)
}

/// The guide's JSON in the guide's shape, not yet checked: the first half of
/// [`parse_guide`], which the app runs in a task of its own.
pub fn decode_guide(json: &str) -> Result<Guide, ContentError> {
    serde_json::from_str(json).map_err(ContentError::Malformed)
}

/// Validates a decoded guide and fills in its figures: the second half of [`parse_guide`].
pub fn check_guide(mut guide: Guide) -> Result<Guide, ContentError> {
    validate(&guide).map_err(ContentError::Invalid)?;
    figures::fill_in(&mut guide);
    Ok(guide)
}

/// Parses and validates the guide's JSON, leaving `{{figure}}` references as written:
/// for checks on how the content is written.
pub fn parse_guide_as_written(json: &str) -> Result<Guide, ContentError> {
    let guide = decode_guide(json)?;
    validate(&guide).map_err(ContentError::Invalid)?;
    Ok(guide)
}
