//! The build-time prerender: the guide's real HTML, rendered natively from the same
//! components and the same content the browser uses, and written into `index.html`.
//! A reader sees the guide before any script has arrived, and can read it with no
//! script at all; the app then takes the page over (see `app::start`).

use std::fmt;
use std::sync::Arc;

use hydration_context::SsrSharedContext;
use leptos::prelude::*;

use crate::app::{GuideView, PRERENDERED_ATTRIBUTE};
use crate::content::{ContentError, Guide, parse_guide};
use crate::loader::EMBEDDED_CONTENT_ID;

/// Where the rendered guide goes in `index.html`: everything between the two markers
/// (the loading notice the page shows without a prerender) is replaced.
pub const START_MARKER: &str = "<!-- prerender:start -->";
pub const END_MARKER: &str = "<!-- prerender:end -->";

#[derive(Debug)]
pub enum PrerenderError {
    Content(ContentError),
    /// The page template does not have exactly one pair of markers, in order.
    Markers(String),
}

impl fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrerenderError::Content(error) => write!(f, "prerender: {error}"),
            PrerenderError::Markers(problem) => write!(f, "prerender: index.html {problem}"),
        }
    }
}

impl std::error::Error for PrerenderError {}

/// The guide's HTML as the app renders it for a first-time visitor: every section
/// closed, nothing stored, no fragment in the URL.
pub fn render_guide(guide: Guide) -> String {
    // A server-side context tells Leptos there is no window (no listeners to add).
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let html = owner.with(|| view! { <GuideView guide=Arc::new(guide)/> }.to_html());
    // Cleanups are for a live page (they remove listeners, reset classes on <html>);
    // this render is thrown away as a string, so none of them has anything to undo.
    std::mem::forget(owner);
    without_hydration_markers(&html)
}

/// Leptos marks places in its HTML where hydration would need to find text again
/// (`<!>`) or an empty view (`<!--<() />-->`). The app does not hydrate (it replaces the
/// page), so the marks are only bytes to download and nodes to parse. Content text
/// cannot contain them: it is escaped (`<` as `&lt;`).
fn without_hydration_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}

/// Puts `guide_html` between the page's markers and marks the page as prerendered.
pub fn insert_into_page(page: &str, guide_html: &str) -> Result<String, PrerenderError> {
    let count = |marker: &str| page.matches(marker).count();
    if count(START_MARKER) != 1 || count(END_MARKER) != 1 {
        return Err(PrerenderError::Markers(format!(
            "must hold {START_MARKER} and {END_MARKER} once each"
        )));
    }
    let start = page.find(START_MARKER).unwrap_or_default() + START_MARKER.len();
    let end = page.find(END_MARKER).unwrap_or_default();
    if end < start {
        return Err(PrerenderError::Markers(format!(
            "has {END_MARKER} before {START_MARKER}"
        )));
    }
    let before = &page[..start];
    let app_open = before.rfind("<div id=\"app\"").ok_or_else(|| {
        PrerenderError::Markers("has no <div id=\"app\"> around the markers".into())
    })?;
    let at = app_open + "<div id=\"app\"".len();
    Ok(format!(
        "{}{}{}{guide_html}{}",
        &page[..at],
        format_args!(" {PRERENDERED_ATTRIBUTE}"),
        &page[at..start],
        &page[end..]
    ))
}

/// The content as a JSON data block (`type="application/json"` is data, not script, so
/// the Content-Security-Policy stands). Compact, with every `<` escaped as `\u003c`, so
/// nothing in it can close the element.
pub fn content_data_block(content_json: &str) -> Result<String, PrerenderError> {
    let value: serde_json::Value = serde_json::from_str(content_json)
        .map_err(|e| PrerenderError::Content(crate::content::ContentError::Malformed(e)))?;
    let compact = value.to_string().replace('<', "\\u003c");
    Ok(format!(
        "<script type=\"application/json\" id=\"{EMBEDDED_CONTENT_ID}\">{compact}</script>"
    ))
}

/// Checks the content, renders it and returns the finished page, with the content's
/// data block at the end of the body (after everything a reader sees first).
pub fn prerender_page(page: &str, content_json: &str) -> Result<String, PrerenderError> {
    let guide = parse_guide(content_json).map_err(PrerenderError::Content)?;
    let page = insert_into_page(page, &render_guide(guide))?;
    let body_end = page
        .rfind("</body>")
        .ok_or_else(|| PrerenderError::Markers("has no </body>".into()))?;
    Ok(format!(
        "{}{}\n  {}",
        &page[..body_end],
        content_data_block(content_json)?,
        &page[body_end..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<main><div id=\"app\">\n<!-- prerender:start --><p>Loading</p><!-- prerender:end -->\n</div></main>";

    #[test]
    fn the_guide_replaces_what_is_between_the_markers() {
        let page = insert_into_page(PAGE, "<div class=\"guide\">G</div>").unwrap();
        assert_eq!(
            page,
            "<main><div id=\"app\" data-prerendered>\n<!-- prerender:start --><div class=\"guide\">G</div><!-- prerender:end -->\n</div></main>"
        );
    }

    #[test]
    fn hydration_markers_are_dropped_and_escaped_text_is_kept() {
        assert_eq!(
            without_hydration_markers("<p>a<!>b &lt;!&gt;<!--<() />--></p><!>"),
            "<p>ab &lt;!&gt;</p>"
        );
    }

    #[test]
    fn a_page_without_markers_is_refused() {
        let error = insert_into_page("<div id=\"app\"></div>", "G").unwrap_err();
        assert!(error.to_string().contains("prerender:start"));
    }

    #[test]
    fn markers_in_the_wrong_order_are_refused() {
        let page = "<div id=\"app\"><!-- prerender:end --><!-- prerender:start --></div>";
        assert!(insert_into_page(page, "G").is_err());
    }

    #[test]
    fn the_content_data_block_cannot_close_itself() {
        let block =
            content_data_block(r#"{"text": "a </script><script>alert(1)</script>"}"#).unwrap();
        assert_eq!(block.matches("</script>").count(), 1, "{block}");
        assert!(block.ends_with("</script>"));
        let json = block
            .trim_start_matches(r#"<script type="application/json" id="guide-content">"#)
            .trim_end_matches("</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["text"], "a </script><script>alert(1)</script>");
    }

    #[test]
    fn invalid_content_is_refused_with_the_reason() {
        let error = prerender_page(PAGE, "{\"not\": \"a guide\"}").unwrap_err();
        assert!(matches!(error, PrerenderError::Content(_)), "{error}");
    }
}
