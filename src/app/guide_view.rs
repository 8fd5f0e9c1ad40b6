//! The loaded guide: introduction, contents, search, the expand/collapse controls
//! and the sections.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::blocks::RuleEnds;
use super::glossary_term::Glossary;
use super::my_questions::SharedQuestions;
use super::reader::Reader;
use super::search::SearchBox;
use super::section::SectionView;
use super::toc::TableOfContents;
use crate::browser;
use crate::content::citations::CitationIndex;
use crate::content::text::human_date;
use crate::content::{Guide, SectionKind, WHAT_CHANGED_ID};
use crate::state::search::{SearchTarget, Spot};

/// The start of the guide, where Home brings focus.
const TOP_ID: &str = "guide-top";

#[component]
pub fn GuideView(
    guide: Arc<Guide>,
    /// Sections the reader opened on the prerendered page before the app took over.
    #[prop(optional)]
    opened_before_start: Vec<String>,
) -> impl IntoView {
    provide_context(Arc::new(CitationIndex::new(&guide)));
    provide_context(Arc::new(Glossary::new(&guide)));
    provide_context(Arc::new(RuleEnds {
        ends: guide.rule_ends.clone(),
        today: browser::today_iso(),
    }));
    let reader = Reader::new(guide.clone());
    reader.open_sections(&opened_before_start);
    provide_context(reader);
    let shared_questions = SharedQuestions::from_storage();
    provide_context(shared_questions);

    // Links into the guide work on load, on hashchange, and in print every section opens.
    reader.follow(&browser::location_hash());
    let listeners = [
        window_event_listener(ev::hashchange, move |_| {
            reader.follow(&browser::location_hash())
        }),
        window_event_listener(ev::beforeprint, move |_| reader.printing.set(true)),
        window_event_listener(ev::afterprint, move |_| reader.printing.set(false)),
        // Home scrolls the page to the top: focus follows, instead of staying deep in
        // the page (the section headers handle Home themselves).
        window_event_listener(ev::keydown, move |ev| {
            let modified = ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.shift_key();
            let elsewhere = ev.default_prevented() || browser::typing_in_field(&ev);
            if ev.key() == "Home" && !modified && !elsewhere {
                browser::focus_in_place(TOP_ID);
            }
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));
    if cfg!(target_arch = "wasm32") {
        // Once the headers are on screen, build the sections' content in the background.
        request_animation_frame(move || reader.build_queued());
    }

    let meta = &guide.meta;
    let reviewed = human_date(&meta.last_reviewed).unwrap_or_else(|| meta.last_reviewed.clone());
    let next_review = human_date(&meta.next_review).unwrap_or_else(|| meta.next_review.clone());
    let what_changed = (!guide.changes.is_empty()).then(|| {
        view! { " " <a href=format!("#{WHAT_CHANGED_ID}")>"What changed"</a> }
    });
    let contents: Vec<(String, String)> = guide
        .sections
        .iter()
        .map(|section| (section.id.clone(), section.title.clone()))
        .collect();
    let sections = guide
        .sections
        .iter()
        .map(|section| view! { <SectionView section=section.clone() guide=guide.clone()/> })
        .collect_view();
    // "My list (n)": always in reach, it leads to the list and the summary.
    let my_list = guide
        .section_id_of_kind(SectionKind::Questions)
        .map(|section| {
            let target = SearchTarget {
                section: section.to_owned(),
                element: None,
                spot: Some(Spot {
                    selector: "#myq-list-heading",
                    index: 0,
                    text: String::new(),
                }),
            };
            let href = format!("#{section}");
            view! {
                <a
                    class="my-list-link"
                    href=href
                    on:click=move |ev| {
                        ev.prevent_default();
                        reader.show_result(&target);
                    }
                >
                    "My list (" {move || shared_questions.len()} ")"
                </a>
            }
        });
    let all_open = move || reader.open.with(|open| open.count()) == reader.section_ids().len();
    let none_open = move || reader.open.with(|open| open.count()) == 0;

    view! {
        <div class="guide">
            <div class="intro" id=TOP_ID tabindex="-1">
                <p class="lede">{meta.subtitle.clone()}</p>
                {meta.review_status.clone().map(|text| view! { <p class="review-status">{text}</p> })}
                <p class="reviewed">
                    <span>
                        "Last reviewed "
                        <time datetime=meta.last_reviewed.clone()>{reviewed}</time>
                        ". "
                    </span>
                    <span>
                        "Next review due "
                        <time datetime=meta.next_review.clone()>{next_review}</time>
                        "."
                    </span>
                    {what_changed}
                </p>
            </div>
            <div class="layout">
                <div class="reach">
                    <TableOfContents sections=contents/>
                    {my_list}
                </div>
                <div class="guide-main">
                    <SearchBox guide=guide.clone()/>
                    <div class="link-notice" role="status">
                        {move || reader.notice.get().map(|text| view! { <p class="notice notice-info">{text}</p> })}
                    </div>
                    <div class="expand-controls">
                        <button
                            type="button"
                            class="button-quiet"
                            aria-disabled=move || all_open().to_string()
                            on:click=move |_| reader.expand_all()
                        >
                            "Expand all"
                        </button>
                        <button
                            type="button"
                            class="button-quiet"
                            aria-disabled=move || none_open().to_string()
                            on:click=move |_| reader.collapse_all()
                        >
                            "Collapse all"
                        </button>
                    </div>
                    <div class="sections">{sections}</div>
                </div>
            </div>
        </div>
    }
}
