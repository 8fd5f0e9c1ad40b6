//! An evidence-based, plain-language guide to ketamine therapy for depression.
//!
//! - `content`: the model (types, validation, pure functions), tested natively;
//! - `loader`: from an HTTP answer to a guide or a reader-facing error;
//! - `browser`: the few calls that need a browser;
//! - `app`: the Leptos components.

pub mod content;
pub mod loader;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
