//! An evidence-based, plain-language guide to ketamine therapy for depression.
//!
//! - `content`: the model (types, validation, pure functions), tested natively;
//! - `loader`: from an HTTP answer to a guide or a reader-facing error;
//! - `state`: what the reader has chosen (open sections, search, comparison
//!   choices) and how it is stored, as pure, natively tested logic;
//! - `browser`: the few calls that need a browser;
//! - `app`: the Leptos components;
//! - `prerender` (native only): the same components rendered to HTML at build time.

// The comparison's view is one deeply nested type; a build from scratch (not an
// incremental one) needs more than the default 128 levels to lay out its future.
#![recursion_limit = "256"]

pub mod content;
pub mod loader;
pub mod state;

pub mod app;
pub mod browser;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
