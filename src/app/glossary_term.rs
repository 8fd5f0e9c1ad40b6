//! Glossary terms explained in place: the WAI-ARIA disclosure pattern (a button with
//! `aria-expanded` that shows a definition), opened by click, tap, Enter or Space and
//! closed again by the button or Escape. Never on hover alone (WCAG 1.4.13).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::browser;
use crate::content::terms::{Segment, TermMatcher};
use crate::content::{GlossaryEntry, Guide};

/// The glossary and a matcher for its terms, shared through context.
pub struct Glossary {
    matcher: TermMatcher,
    entries: Vec<GlossaryEntry>,
}

impl Glossary {
    pub fn new(guide: &Guide) -> Self {
        Glossary {
            matcher: TermMatcher::new(&guide.glossary),
            entries: guide.glossary.clone(),
        }
    }
}

/// Which terms one section has already explained: each is marked once per section.
#[derive(Clone)]
pub struct SectionTerms {
    section: String,
    seen: Rc<RefCell<HashSet<usize>>>,
}

impl SectionTerms {
    pub fn new(section: &str) -> Self {
        SectionTerms {
            section: section.to_owned(),
            seen: Rc::default(),
        }
    }
}

/// Renders `text` with its glossary terms as buttons. Returns the inline text and,
/// separately, the definitions, which the caller places after the text's citations.
pub fn marked_text(text: String, terms: &SectionTerms) -> (AnyView, AnyView) {
    let Some(glossary) = use_context::<Arc<Glossary>>() else {
        return (text.into_any(), ().into_any());
    };
    let segments: Vec<(String, Option<usize>)> = glossary
        .matcher
        .mark(&text, &mut terms.seen.borrow_mut())
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(t) => (t.to_owned(), None),
            Segment::Term { text, entry } => (text.to_owned(), Some(entry)),
        })
        .collect();
    if segments.iter().all(|(_, entry)| entry.is_none()) {
        return (text.into_any(), ().into_any());
    }

    let mut inline = Vec::new();
    let mut definitions = Vec::new();
    for (piece, entry) in segments {
        let Some(entry) = entry.and_then(|i| glossary.entries.get(i).cloned()) else {
            inline.push(piece.into_any());
            continue;
        };
        let open = RwSignal::new(false);
        let button_id = format!("term-{}-{}", terms.section, entry.id);
        let definition_id = format!("def-{}-{}", terms.section, entry.id);
        let close_on_escape = {
            let button_id = button_id.clone();
            move |ev: KeyboardEvent| {
                if ev.key() == "Escape" && open.get_untracked() {
                    ev.prevent_default();
                    open.set(false);
                    browser::focus_element(&button_id);
                }
            }
        };
        let term_id = button_id.clone();
        inline.push(
            view! {
                <button
                    type="button"
                    class="term"
                    id=button_id
                    aria-expanded=move || open.get().to_string()
                    aria-controls=definition_id.clone()
                    on:click={
                        let definition_id = definition_id.clone();
                        let button_id = term_id.clone();
                        move |_| {
                            open.update(|o| *o = !*o);
                            if open.get_untracked() {
                                // At 200 % zoom the definition may open below the fold;
                                // bringing it up must not push the term itself under a
                                // sticky header (the table's route names), so the term
                                // is brought back into view after it.
                                let (definition, term) = (definition_id.clone(), button_id.clone());
                                request_animation_frame(move || {
                                    browser::bring_into_view(&definition);
                                    browser::bring_into_view(&term);
                                });
                            }
                        }
                    }
                    on:keydown=close_on_escape.clone()
                >
                    {piece}
                </button>
            }
            .into_any(),
        );
        definitions.push(view! {
            <span class="term-definition" id=definition_id hidden=move || !open.get() on:keydown=close_on_escape>
                <strong>{entry.term.clone()}</strong>
                ": "
                {entry.definition.clone()}
                " "
                <a href=format!("#{}", entry.id)>"In the glossary"</a>
            </span>
        });
    }
    (
        inline.into_iter().collect_view().into_any(),
        view! { <span class="term-definitions">{definitions}</span> }.into_any(),
    )
}
