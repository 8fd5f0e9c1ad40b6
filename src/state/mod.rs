//! What the reader has chosen, as pure logic: tested natively, stored by `browser`.

pub mod accordion;
pub mod comparison;
pub mod layout;
pub mod my_questions;
pub mod search;
