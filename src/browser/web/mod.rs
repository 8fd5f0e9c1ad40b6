//! The browser calls, in the browser: one file per concern, each with its twin in
//! `build_time` for the prerender.

mod clipboard;
mod clock;
mod download;
mod media;
mod network;
mod page;
mod print;
mod storage;

pub use clipboard::*;
pub use clock::*;
pub use download::*;
pub use media::*;
pub use network::*;
pub use page::*;
pub use print::*;
pub use storage::*;
