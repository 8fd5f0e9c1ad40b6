//! Turning an HTTP answer into a guide, or into an error a reader can act on.
//! The fetch itself lives in `browser`; everything here is pure and tested natively.

use std::sync::Arc;

use crate::content::{ContentError, Guide, check_guide, decode_guide};

/// Where the content lives, relative to the page, so the guide also works
/// when it is hosted under a sub-path such as `/guide/`. The page's loader (Trunk.toml)
/// preloads the same path as it fetches the app.
pub const CONTENT_URL: &str = "content/guide.json";

/// The id of the page's copy of the content, which a release build's prerender writes
/// at the end of the page (see `crate::prerender`). The app reads it instead of fetching
/// `CONTENT_URL`: the text then travels once, in one compressed response, where brotli
/// finds the guide's words already sent in the prerendered HTML. The file stays the
/// source, and the fallback when the page has no copy (debug builds) or a damaged one.
pub const EMBEDDED_CONTENT_ID: &str = "guide-content";

/// Where the content came from, for messages: the page's own copy.
pub const EMBEDDED_CONTENT_SOURCE: &str = "the copy of the content in the page";

/// Why the guide could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered 404: the file is missing from the site.
    NotFound { url: String },
    /// The server answered with another error status.
    Server { url: String, status: u16 },
    /// No answer at all: offline, blocked, or the connection dropped.
    Network { url: String, detail: String },
    /// The answer arrived but is not the guide's content.
    Damaged { detail: String },
}

impl LoadError {
    /// What went wrong, in plain words.
    pub fn headline(&self) -> &'static str {
        match self {
            LoadError::NotFound { .. } => "The guide's content could not be found.",
            LoadError::Server { .. } => "The website could not send the guide's content.",
            LoadError::Network { .. } => "The guide's content could not be loaded.",
            LoadError::Damaged { .. } => "The guide's content is damaged, so it is not shown.",
        }
    }

    /// What the reader can do about it.
    pub fn advice(&self) -> &'static str {
        match self {
            LoadError::NotFound { .. } | LoadError::Server { .. } => {
                "The site may be in the middle of an update. Please try again in a few minutes."
            }
            LoadError::Network { .. } => {
                "You may be offline, or the connection dropped. Check your connection, then try again."
            }
            LoadError::Damaged { .. } => {
                "Medical information that may be incomplete could mislead you, so nothing is shown. Please try again later."
            }
        }
    }

    /// What the reader can do when the guide itself is still readable (the copy in the
    /// page, rendered when the site was built) and only the app could not start.
    pub fn advice_for_app(&self) -> &'static str {
        match self {
            LoadError::Network { .. } => self.advice(),
            LoadError::NotFound { .. } | LoadError::Server { .. } => {
                "The site may be in the middle of an update. Please try again in a few minutes."
            }
            LoadError::Damaged { .. } => {
                "The site may be in the middle of an update. Please try again later."
            }
        }
    }

    /// The detail whoever hosts the guide needs to fix it.
    pub fn technical_detail(&self) -> String {
        match self {
            LoadError::NotFound { url } => format!("HTTP 404 Not Found for {url}"),
            LoadError::Server { url, status } => format!("HTTP {status} for {url}"),
            LoadError::Network { url, detail } => format!("Request for {url} failed: {detail}"),
            LoadError::Damaged { detail } => detail.clone(),
        }
    }
}

/// Interprets the server's answer for the content file.
pub fn interpret_response(url: &str, status: u16, body: &str) -> Result<Arc<Guide>, LoadError> {
    match status {
        200..=299 => decode_content(url, body).and_then(|guide| check_content(url, guide)),
        404 => Err(LoadError::NotFound {
            url: url.to_owned(),
        }),
        _ => Err(LoadError::Server {
            url: url.to_owned(),
            status,
        }),
    }
}

/// The first half of reading content from `source`: the JSON in the guide's shape.
/// Taking over the prerendered page, the app runs each half in a task of its own, so a
/// slow phone can answer in between.
pub fn decode_content(source: &str, body: &str) -> Result<Guide, LoadError> {
    decode_guide(body).map_err(|error| damaged(source, error))
}

/// The second half: the decoded guide validated, with its figures filled in.
pub fn check_content(source: &str, guide: Guide) -> Result<Arc<Guide>, LoadError> {
    check_guide(guide)
        .map(Arc::new)
        .map_err(|error| damaged(source, error))
}

fn damaged(source: &str, error: ContentError) -> LoadError {
    LoadError::Damaged {
        detail: match error {
            ContentError::Malformed(e) => format!("{source} is not valid guide content: {e}"),
            ContentError::Invalid(e) => format!("{source}: {e}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_is_explained_and_names_the_file() {
        let error = interpret_response("content/guide.json", 404, "Not Found").unwrap_err();
        assert_eq!(error.headline(), "The guide's content could not be found.");
        assert_eq!(
            error.technical_detail(),
            "HTTP 404 Not Found for content/guide.json"
        );
    }

    #[test]
    fn server_error_keeps_the_status() {
        let error = interpret_response("c.json", 503, "").unwrap_err();
        assert_eq!(
            error,
            LoadError::Server {
                url: "c.json".into(),
                status: 503
            }
        );
        assert_eq!(error.technical_detail(), "HTTP 503 for c.json");
    }

    #[test]
    fn broken_json_is_damaged_content_with_the_parser_position() {
        let error = interpret_response("c.json", 200, "{\"meta\": [").unwrap_err();
        assert_eq!(
            error.headline(),
            "The guide's content is damaged, so it is not shown."
        );
        let detail = error.technical_detail();
        assert!(
            detail.starts_with("c.json is not valid guide content"),
            "{detail}"
        );
        assert!(detail.contains("line 1 column"), "{detail}");
    }

    #[test]
    fn html_instead_of_json_is_damaged_content() {
        // Single-page hosts often answer a missing file with index.html and status 200.
        let error = interpret_response("c.json", 200, "<!doctype html><p>hi").unwrap_err();
        assert!(matches!(error, LoadError::Damaged { .. }));
    }

    #[test]
    fn shipped_content_loads() {
        let body = include_str!("../public/content/guide.json");
        let guide = interpret_response(CONTENT_URL, 200, body).expect("shipped content loads");
        assert!(!guide.sections.is_empty());
    }

    #[test]
    fn a_copy_that_breaks_a_rule_decodes_but_fails_the_check_naming_its_source() {
        let mut content: serde_json::Value =
            serde_json::from_str(include_str!("../public/content/guide.json")).unwrap();
        content["sections"][1]["id"] = content["sections"][0]["id"].clone();
        let decoded = decode_content("the copy", &content.to_string()).expect("still decodes");
        let error = check_content("the copy", decoded).unwrap_err();
        assert!(matches!(error, LoadError::Damaged { .. }));
        assert!(
            error.technical_detail().starts_with("the copy: "),
            "{}",
            error.technical_detail()
        );
    }

    #[test]
    fn a_copy_that_is_not_json_fails_to_decode_naming_its_source() {
        let error = decode_content("the copy", "{\"meta\": damaged").unwrap_err();
        assert!(
            error
                .technical_detail()
                .starts_with("the copy is not valid guide content"),
            "{}",
            error.technical_detail()
        );
    }
}
