//! The browser calls when there is no browser: the build-time prerender renders the
//! page a first-time visitor sees, so nothing is stored, there is no fragment, and
//! nothing can be focused, fetched, printed or copied. One file per concern, as in `web`.

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
