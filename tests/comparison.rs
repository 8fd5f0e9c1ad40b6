//! The comparison of routes in headless Chromium (wasm-bindgen-test): layouts, route
//! selection, topic filters, priority ordering, storage and the timelines.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use ketamine_guide::app::ComparisonView;
use ketamine_guide::content::citations::CitationIndex;
use ketamine_guide::content::{Comparison, parse_guide};
use ketamine_guide::state::comparison::ROUTES;
use ketamine_guide::state::comparison::STORAGE_KEY;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{GUIDE_JSON, Mounted, document, mount_with, storage};

fn comparison() -> Comparison {
    parse_guide(GUIDE_JSON)
        .expect("shipped content is valid")
        .comparison
        .expect("the shipped guide has a comparison")
}

/// Mounts the comparison on its own, with the citation numbers the guide provides.
/// `stored` is what the reader's device holds before the page opens.
async fn mount(stored: Option<&str>) -> Mounted {
    let stored: Vec<(&str, &str)> = stored
        .map(|value| (STORAGE_KEY, value))
        .into_iter()
        .collect();
    let guide = parse_guide(GUIDE_JSON).unwrap();
    let index = Arc::new(CitationIndex::new(&guide));
    let comparison = guide.comparison.clone().unwrap();
    mount_with(&stored, move || {
        provide_context(index);
        view! { <ComparisonView comparison wording=&ROUTES/> }.into_any()
    })
    .await
}

/// What these tests ask of the comparison's page, beyond the shared helpers.
trait ComparisonPage {
    /// The ids of the rows shown in the table, top to bottom.
    fn table_rows(&self) -> Vec<String>;
    /// Whether the table is the layout on screen (on its own, the comparison keeps it
    /// in the page for print).
    fn table_on_screen(&self) -> bool;
    async fn show_table(&self);
}

impl ComparisonPage for Mounted {
    fn table_rows(&self) -> Vec<String> {
        self.all(".cmp-table tbody tr")
            .iter()
            .map(|tr| tr.get_attribute("data-row").unwrap_or_default())
            .collect()
    }

    fn table_on_screen(&self) -> bool {
        !self
            .one(".cmp-table-wrap")
            .class_list()
            .contains("cmp-print-only")
    }

    async fn show_table(&self) {
        self.click("input[name=cmp-view][value=table]").await;
    }
}

#[wasm_bindgen_test]
async fn the_table_has_a_caption_and_scoped_headers() {
    let c = comparison();
    let page = mount(None).await;
    page.show_table().await;
    assert_eq!(page.text(".cmp-table caption"), c.caption);
    let col_heads = page.all(".cmp-table thead th");
    assert_eq!(col_heads.len(), c.routes.len() + 1);
    assert!(
        col_heads
            .iter()
            .all(|th| th.get_attribute("scope").as_deref() == Some("col"))
    );
    for (th, route) in col_heads[1..].iter().zip(&c.routes) {
        assert_eq!(th.text_content().unwrap_or_default(), route.name);
    }
    let row_heads = page.all(".cmp-table tbody th");
    assert_eq!(row_heads.len(), c.rows.len());
    assert!(
        row_heads
            .iter()
            .all(|th| th.get_attribute("scope").as_deref() == Some("row"))
    );
    assert_eq!(
        page.table_rows(),
        c.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    );
    assert!(page.table_on_screen());
}

#[wasm_bindgen_test]
async fn every_answer_shows_its_certainty_in_words_and_its_citations() {
    let c = comparison();
    let page = mount(None).await;
    page.show_table().await;
    let cells = page.all(".cmp-table tbody td");
    assert_eq!(cells.len(), c.rows.len() * c.routes.len());
    let labels = [
        "Well studied",
        "Some evidence",
        "Little evidence",
        "Not known",
    ];
    for cell in &cells {
        assert!(cell.query_selector("a.cite").unwrap().is_some());
        let certainty = cell
            .query_selector(".cmp-certainty")
            .unwrap()
            .and_then(|p| p.text_content())
            .unwrap_or_default();
        let dated = certainty.starts_with("Certainty: Official fact, checked ")
            || certainty.starts_with("Certainty: Price as of ");
        assert!(
            dated
                || labels
                    .iter()
                    .any(|l| certainty == format!("Certainty: {l}")),
            "{certainty}"
        );
    }
    for link in page.all("a.cite") {
        let href = link.get_attribute("href").unwrap_or_default();
        assert!(href.starts_with("#ref-"), "{href}");
    }
}

#[wasm_bindgen_test]
async fn route_selection_hides_columns_and_keeps_at_least_two() {
    let c = comparison();
    let page = mount(None).await;
    page.show_table().await;
    let first = &c.routes[0].id;
    page.click(&format!("input[name=cmp-route][value={first}]"))
        .await;
    let heads = page.all(".cmp-table thead th");
    assert_eq!(heads.len(), c.routes.len());
    assert!(
        heads
            .iter()
            .all(|th| th.text_content().as_deref() != Some(c.routes[0].name.as_str()))
    );
    for route in &c.routes[1..] {
        let input = page.input(&format!("input[name=cmp-route][value={}]", route.id));
        assert!(input.checked());
        assert!(input.disabled(), "the last two routes cannot be unchecked");
    }
    assert!(
        !page
            .input(&format!("input[name=cmp-route][value={first}]"))
            .checked()
    );
    assert!(page.text("#cmp-routes-hint").contains("At least two"));
    assert!(page.text(".cmp-status").contains("for 2 routes"));
    assert_eq!(page.all(".cmp-table tbody td").len(), c.rows.len() * 2);

    page.click(&format!("input[name=cmp-route][value={first}]"))
        .await;
    assert_eq!(page.all(".cmp-table thead th").len(), c.routes.len() + 1);
    assert!(page.all("input[name=cmp-route]").iter().all(|i| {
        !i.clone()
            .unchecked_into::<web_sys::HtmlInputElement>()
            .disabled()
    }));
}

#[wasm_bindgen_test]
async fn topic_filter_shows_only_the_chosen_topics() {
    let c = comparison();
    let page = mount(None).await;
    page.show_table().await;
    let keep = &c.topics[2].id;
    for topic in c.topics.iter().filter(|t| &t.id != keep) {
        page.click(&format!("input[name=cmp-topic][value={}]", topic.id))
            .await;
    }
    let expected: Vec<String> = c
        .rows
        .iter()
        .filter(|r| &r.topic == keep)
        .map(|r| r.id.clone())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(page.table_rows(), expected);
    assert_eq!(
        page.text(".cmp-status"),
        format!(
            "Showing {} question{} for {} routes.",
            expected.len(),
            if expected.len() == 1 { "" } else { "s" },
            c.routes.len()
        )
    );

    page.click(&format!("input[name=cmp-topic][value={keep}]"))
        .await;
    assert!(page.table_rows().is_empty());
    assert!(page.text(".cmp-status").starts_with("No questions to show"));
    assert!(page.one(".cmp-empty").is_connected());
}

#[wasm_bindgen_test]
async fn priorities_move_matching_rows_to_the_top_and_mark_them() {
    let c = comparison();
    let page = mount(None).await;
    page.show_table().await;
    let concern = c
        .concerns
        .iter()
        .find(|concern| {
            // A concern whose rows are not already the first ones, so the order changes.
            c.rows
                .iter()
                .skip(1)
                .any(|r| r.concerns.contains(&concern.id))
                && !c.rows[0].concerns.contains(&concern.id)
        })
        .expect("some concern reorders the rows");
    page.click(&format!("input[name=cmp-priority][value={}]", concern.id))
        .await;

    let (matching, rest): (Vec<_>, Vec<_>) = c
        .rows
        .iter()
        .partition(|r| r.concerns.contains(&concern.id));
    let expected: Vec<String> = matching
        .iter()
        .chain(rest.iter())
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(page.table_rows(), expected);
    assert_ne!(expected[0], c.rows[0].id);

    let marked = page.all(".cmp-table tbody tr.cmp-marked");
    assert_eq!(marked.len(), matching.len());
    for row in &marked {
        let marker = row
            .query_selector(".cmp-marker")
            .unwrap()
            .and_then(|m| m.text_content())
            .unwrap_or_default();
        assert!(marker.contains("Matters to you"), "{marker}");
        assert!(marker.contains(&concern.label), "{marker}");
    }
    assert_eq!(
        page.text(".cmp-status"),
        format!(
            "Showing {} questions for {} routes, {} marked as mattering to you.",
            c.rows.len(),
            c.routes.len(),
            matching.len()
        )
    );

    page.click(&format!("input[name=cmp-priority][value={}]", concern.id))
        .await;
    assert_eq!(
        page.table_rows(),
        c.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>()
    );
    assert!(page.all(".cmp-marked").is_empty());
}

#[wasm_bindgen_test]
async fn choices_are_kept_on_the_device_and_can_be_cleared() {
    let c = comparison();
    let concern = &c.concerns[0].id;
    let page = mount(None).await;
    page.click(&format!("input[name=cmp-priority][value={concern}]"))
        .await;
    page.click("input[name=cmp-view][value=by-route]").await;
    let saved = storage()
        .get_item(STORAGE_KEY)
        .unwrap()
        .expect("choices saved");
    assert!(saved.contains(concern.as_str()), "{saved}");
    drop(page);

    let page = mount(Some(&saved)).await;
    assert!(
        page.input(&format!("input[name=cmp-priority][value={concern}]"))
            .checked()
    );
    assert!(page.input("input[name=cmp-view][value=by-route]").checked());
    assert!(!page.all(".cmp-by-route .cmp-marked").is_empty());

    page.click(".cmp-clear").await;
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None);
    assert!(
        !page
            .input(&format!("input[name=cmp-priority][value={concern}]"))
            .checked()
    );
    assert!(page.all(".cmp-marked").is_empty());
    let status = page.one(".cmp-status");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(
        page.text(".cmp-status")
            .starts_with("Your choices were cleared."),
        "{}",
        page.text(".cmp-status")
    );
}

#[wasm_bindgen_test]
async fn corrupt_or_outdated_storage_shows_the_defaults() {
    let c = comparison();
    for stored in [
        "{not json",
        "{\"version\": 99, \"priorities\": [\"cost\"]}",
        "{\"version\": 1, \"priorities\": [\"no-such-concern\"], \"hidden_routes\": [\"iv\", \"nasal\", \"oral\"]}",
    ] {
        let page = mount(Some(stored)).await;
        page.show_table().await;
        assert!(page.all(".cmp-marked").is_empty(), "{stored}");
        assert_eq!(page.all(".cmp-table thead th").len(), c.routes.len() + 1);
        assert!(page.all("input[name=cmp-priority]").iter().all(|i| {
            !i.clone()
                .unchecked_into::<web_sys::HtmlInputElement>()
                .checked()
        }));
    }
}

#[wasm_bindgen_test]
async fn the_layouts_switch_between_table_by_question_and_by_route() {
    let c = comparison();
    let page = mount(None).await;

    page.click("input[name=cmp-view][value=by-question]").await;
    assert!(!page.table_on_screen());
    let cards = page.all(".cmp-by-question .cmp-card");
    assert_eq!(cards.len(), c.rows.len());
    for card in &cards {
        let labels = card.query_selector_all("dt").unwrap();
        assert_eq!(labels.length() as usize, c.routes.len());
        assert!(card.query_selector("h4").unwrap().is_some());
    }
    let first_labels: Vec<String> = (0..c.routes.len())
        .map(|i| {
            cards[0]
                .query_selector_all("dt")
                .unwrap()
                .item(i as u32)
                .and_then(|n| n.text_content())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        first_labels,
        c.routes
            .iter()
            .map(|r| r.short_name.clone())
            .collect::<Vec<_>>()
    );

    page.click("input[name=cmp-view][value=by-route]").await;
    assert!(page.all(".cmp-by-question").is_empty());
    let shown = page.all(".cmp-by-route .cmp-route");
    assert_eq!(shown.len(), 1);
    assert_eq!(
        shown[0].get_attribute("data-route"),
        Some(c.routes[0].id.clone())
    );
    assert_eq!(page.all(".cmp-by-route .cmp-card").len(), c.rows.len());
    let last = &c.routes[c.routes.len() - 1];
    page.click(&format!("input[name=cmp-focus][value={}]", last.id))
        .await;
    assert_eq!(
        page.one(".cmp-by-route .cmp-route")
            .get_attribute("data-route"),
        Some(last.id.clone())
    );
    assert_eq!(page.text(".cmp-by-route h4"), last.name);

    // Hiding the route being read falls back to the first one still shown.
    page.click(&format!("input[name=cmp-route][value={}]", last.id))
        .await;
    assert_eq!(
        page.one(".cmp-by-route .cmp-route")
            .get_attribute("data-route"),
        Some(c.routes[0].id.clone())
    );

    page.show_table().await;
    assert!(page.all(".cmp-by-route").is_empty());
    assert!(page.table_on_screen());
}

#[wasm_bindgen_test]
async fn each_route_shown_has_a_timeline_with_words_beside_it() {
    let c = comparison();
    let page = mount(None).await;
    let timelines = page.all(".cmp-timeline");
    assert_eq!(timelines.len(), c.routes.len());
    for (section, route) in timelines.iter().zip(&c.routes) {
        let timeline = c.timelines.iter().find(|t| t.route == route.id).unwrap();
        let pictures = section.query_selector_all("svg[role=img]").unwrap();
        assert_eq!(pictures.length(), 2);
        for i in 0..pictures.length() {
            let svg: web_sys::Element = pictures.item(i).unwrap().unchecked_into();
            let title_id = svg.get_attribute("aria-labelledby").unwrap();
            let title = document().get_element_by_id(&title_id).unwrap();
            assert!(
                title
                    .text_content()
                    .unwrap_or_default()
                    .contains(&route.short_name)
            );
        }
        let steps = section.query_selector_all(".cmp-steps li").unwrap();
        assert_eq!(steps.length() as usize, timeline.visit.len());
        let segments = section.query_selector_all("rect.cmp-seg").unwrap();
        assert_eq!(segments.length() as usize, timeline.visit.len());
        let weeks = section.query_selector_all(".cmp-tl-text li").unwrap();
        assert_eq!(weeks.length(), 8);
        assert_eq!(
            section
                .query_selector_all("rect.cmp-week-bar")
                .unwrap()
                .length(),
            8
        );
        let note = section
            .query_selector(".cmp-tl-note")
            .unwrap()
            .and_then(|n| n.text_content())
            .unwrap_or_default();
        assert!(note.contains(&timeline.note));
    }

    page.click(&format!("input[name=cmp-route][value={}]", c.routes[0].id))
        .await;
    assert_eq!(page.all(".cmp-timeline").len(), c.routes.len() - 1);
}
