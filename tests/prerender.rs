#![cfg(not(target_arch = "wasm32"))]
//! The build-time prerender (`src/prerender.rs`): the page it writes holds the real
//! guide, readable and navigable before (or without) any script.

use std::collections::BTreeSet;

use ketamine_guide::content::parse_guide;
use ketamine_guide::prerender::prerender_page;

const GUIDE_JSON: &str = include_str!("../public/content/guide.json");
const INDEX_HTML: &str = include_str!("../index.html");

fn page() -> String {
    prerender_page(INDEX_HTML, GUIDE_JSON).expect("the shipped content prerenders")
}

/// Text as it appears in HTML.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Every value of `attribute="..."` in `html`.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

#[test]
fn every_section_title_is_in_the_page() {
    let guide = parse_guide(GUIDE_JSON).unwrap();
    let page = page();
    for section in &guide.sections {
        let title = format!(
            "<span class=\"section-title\">{}</span>",
            escaped(&section.title)
        );
        assert!(
            page.contains(&title),
            "missing section title {:?}",
            section.title
        );
    }
}

#[test]
fn every_section_opens_without_a_script() {
    let guide = parse_guide(GUIDE_JSON).unwrap();
    let page = page();
    assert_eq!(
        page.matches("<details class=\"section-disclosure\">")
            .count(),
        guide.sections.len(),
        "each section is a native disclosure"
    );
    for section in &guide.sections {
        // The id sits inside the disclosure, so a link to it opens the section.
        let panel = format!("<div id=\"{}\" class=\"section-panel\">", section.id);
        assert!(page.contains(&panel), "no panel for {}", section.id);
    }
}

#[test]
fn the_page_is_marked_and_the_loading_notice_is_gone() {
    let page = page();
    assert!(page.contains("<div id=\"app\" data-prerendered>"));
    assert!(!page.contains("Loading the guide…"));
    assert!(!page.contains("This guide needs JavaScript"));
}

#[test]
fn the_crisis_bar_is_still_first() {
    let page = page();
    let crisis = page.find("class=\"crisis-bar\"").expect("crisis bar");
    let guide = page.find("class=\"guide\"").expect("guide");
    assert!(crisis < guide);
    assert!(page.contains("href=\"tel:988\""));
}

#[test]
fn every_link_within_the_page_has_a_target() {
    let page = page();
    let ids: BTreeSet<&str> = attribute_values(&page, "id").into_iter().collect();
    let broken: Vec<&str> = attribute_values(&page, "href")
        .into_iter()
        .filter_map(|href| href.strip_prefix('#'))
        .filter(|target| !ids.contains(target))
        .collect();
    assert!(broken.is_empty(), "links to nothing: {broken:?}");
}

#[test]
fn ids_are_unique() {
    let page = page();
    let mut seen = BTreeSet::new();
    let repeated: Vec<&str> = attribute_values(&page, "id")
        .into_iter()
        .filter(|id| !seen.insert(*id))
        .collect();
    assert!(repeated.is_empty(), "repeated ids: {repeated:?}");
}
