//! Text blocks with their citations and glossary terms. Content is always rendered
//! as text, never as HTML.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::glossary_term::{SectionTerms, marked_text};
use super::reader::Reader;
use crate::content::citations::{CitationIndex, reference_anchor};
use crate::content::{Block, NoteTone, Paragraph};

/// Gives every citation link its own id, so a reference entry can link back to it.
static NEXT_CITATION_ID: AtomicUsize = AtomicUsize::new(1);

/// Citation links such as [1, 4], each pointing at its reference entry, which then
/// offers a link back to the citation followed.
#[component]
pub fn Citations(keys: Vec<String>) -> impl IntoView {
    let index = use_context::<Arc<CitationIndex>>().unwrap_or_default();
    let reader = use_context::<Reader>();
    let links: Vec<_> = keys
        .iter()
        .filter_map(|key| index.number(key).map(|n| (n, key.clone())))
        .map(|(number, key)| {
            let id = format!("cite-{}", NEXT_CITATION_ID.fetch_add(1, Ordering::Relaxed));
            let href = format!("#{}", reference_anchor(&key));
            let origin = id.clone();
            view! {
                <a
                    class="cite"
                    id=id
                    href=href
                    on:click=move |_| {
                        if let Some(reader) = reader {
                            reader.came_from.set(Some((key.clone(), origin.clone())));
                        }
                    }
                >
                    <span class="visually-hidden">"Reference "</span>
                    {number}
                </a>
            }
        })
        .collect();
    (!links.is_empty()).then(|| {
        let count = links.len();
        let joined = links
            .into_iter()
            .enumerate()
            .map(|(i, link)| view! { {link} {(i + 1 < count).then_some(", ")} })
            .collect_view();
        view! { <sup class="citations">"[" {joined} "]"</sup> }
    })
}

/// Rules with an end date, and today's date on this device: a text stating such a
/// rule gets a notice beside it once the date has passed.
#[derive(Debug, Clone, Default)]
pub struct RuleEnds {
    /// Texts as the reader sees them, each with the date its rule was due to end.
    pub ends: std::collections::BTreeMap<String, String>,
    /// `None` while prerendering: the notice depends on the day it is read.
    pub today: Option<String>,
}

impl RuleEnds {
    fn notice_for(&self, text: &str) -> Option<String> {
        if self.today.is_none() || self.ends.is_empty() {
            return None;
        }
        let end = self.ends.get(text)?;
        crate::state::planner::rule_changed_notice(end, self.today.as_deref())
    }
}

/// Text with its glossary terms marked, its citations, then the terms' definitions.
#[component]
pub fn SourcedText(text: String, cite: Vec<String>, terms: SectionTerms) -> impl IntoView {
    let notice = use_context::<Arc<RuleEnds>>().and_then(|ends| ends.notice_for(&text));
    let (inline, definitions) = marked_text(text, &terms);
    let notice = notice.map(|notice| view! { " " <span class="rule-notice">{notice}</span> });
    view! { {inline} <Citations keys=cite/> {notice} {definitions} }
}

#[component]
pub fn ParagraphView(paragraph: Paragraph, terms: SectionTerms) -> impl IntoView {
    view! { <p><SourcedText text=paragraph.text cite=paragraph.cite terms/></p> }
}

#[component]
pub fn BlockView(block: Block, terms: SectionTerms) -> impl IntoView {
    match block {
        Block::Heading { text } => view! { <h3>{text}</h3> }.into_any(),
        Block::Paragraph { text, cite } => {
            view! { <p><SourcedText text cite terms/></p> }.into_any()
        }
        Block::List { items } => {
            let items = items
                .into_iter()
                .map(|item| {
                    view! { <li><SourcedText text=item.text cite=item.cite terms=terms.clone()/></li> }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        }
        Block::Note { tone, text, cite } => {
            let (class, label) = match tone {
                NoteTone::Uncertain => ("note note-uncertain", "Not certain"),
                NoteTone::Caution => ("note note-caution", "Caution"),
                NoteTone::Info => ("note note-info", "Good to know"),
            };
            view! {
                <div class=class role="note">
                    <p>
                        <strong class="note-label">{label} ": "</strong>
                        <SourcedText text cite terms/>
                    </p>
                </div>
            }
            .into_any()
        }
        Block::IconArray(array) => {
            view! { <super::icon_array::IconArrayView array terms/> }.into_any()
        }
    }
}
