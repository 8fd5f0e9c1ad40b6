//! Fetching the content.

use gloo_net::http::Request;

use crate::browser::HttpAnswer;

/// GETs `url` (relative URLs resolve against the page). `Err` means no answer arrived.
pub async fn get_text(url: &str) -> Result<HttpAnswer, String> {
    let response = Request::get(url).send().await.map_err(|e| e.to_string())?;
    let status = response.status();
    let body = response.text().await.map_err(|e| e.to_string())?;
    Ok(HttpAnswer { status, body })
}
