//! The few calls that need a browser. Rendering code never calls `window` itself, so
//! the same components can also be rendered to HTML at build time, natively, where
//! `build_time` answers in the browser's place: no storage, no fragment, no network.

#[cfg(not(target_arch = "wasm32"))]
mod build_time;
#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(not(target_arch = "wasm32"))]
pub use build_time::*;
#[cfg(target_arch = "wasm32")]
pub use web::*;

/// The status and body of an HTTP answer.
pub struct HttpAnswer {
    pub status: u16,
    pub body: String,
}
