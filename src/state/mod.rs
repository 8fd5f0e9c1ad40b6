//! What the reader has chosen, as pure logic: tested natively, stored by `browser`.

pub mod comparison;
