//! The loaded guide: introduction, contents and the sections.

use std::sync::Arc;

use leptos::prelude::*;

use super::section::SectionView;
use crate::content::Guide;
use crate::content::citations::CitationIndex;
use crate::content::text::human_date;

#[component]
pub fn GuideView(guide: Arc<Guide>) -> impl IntoView {
    provide_context(Arc::new(CitationIndex::new(&guide)));
    let meta = &guide.meta;
    let reviewed = human_date(&meta.last_reviewed).unwrap_or_else(|| meta.last_reviewed.clone());
    let contents = guide
        .sections
        .iter()
        .map(|section| {
            view! { <li><a href=format!("#{}", section.id)>{section.title.clone()}</a></li> }
        })
        .collect_view();
    let sections = guide
        .sections
        .iter()
        .map(|section| view! { <SectionView section=section.clone() guide=guide.clone()/> })
        .collect_view();

    view! {
        <div class="guide">
            <div class="intro">
                <p class="lede">{meta.subtitle.clone()}</p>
                <p class="reviewed">
                    "Last reviewed "
                    <time datetime=meta.last_reviewed.clone()>{reviewed}</time>
                </p>
            </div>
            <nav class="contents" aria-labelledby="contents-heading">
                <h2 id="contents-heading">"Contents"</h2>
                <ol>{contents}</ol>
            </nav>
            <div class="sections">{sections}</div>
        </div>
    }
}
