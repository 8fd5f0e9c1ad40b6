//! What the reader has chosen, as pure logic: tested natively, stored by `browser`.

pub mod accordion;
pub mod calendar;
pub mod comparison;
pub mod cost;
pub mod dates;
pub mod deliberation;
pub mod icon_array;
pub mod layout;
pub mod my_questions;
pub mod planner;
pub mod search;
