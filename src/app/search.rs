//! Search over the whole guide, in the browser. Results update as the reader types,
//! after a short pause so a slow phone never stalls on every key.

use std::sync::Arc;

use leptos::prelude::*;

use super::reader::Reader;
use crate::browser;
use crate::content::Guide;
use crate::state::search::{Piece, SearchHit, SearchIndex};

/// Results shown at most.
const MAX_RESULTS: usize = 12;
/// Pause after the last key press before searching.
const TYPING_PAUSE_MS: u64 = 120;

#[component]
pub fn SearchBox(guide: Arc<Guide>) -> impl IntoView {
    let reader = expect_context::<Reader>();
    // Indexing the whole guide is the slowest part of starting on a slow phone, and
    // most visits never search: the index is built on the first key press.
    let index = StoredValue::new(None::<Arc<SearchIndex>>);
    let index_of_guide = move || {
        if let Some(built) = index.get_value() {
            return built;
        }
        let built = Arc::new(SearchIndex::new(&guide));
        index.set_value(Some(built.clone()));
        built
    };
    // The query the results on screen belong to: the status names it, so while the
    // reader is still typing it never claims the old results for the new words.
    let query = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<SearchHit>::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);

    let on_input = move |ev| {
        let text = event_target_value(&ev);
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let index = index_of_guide();
        let handle = set_timeout_with_handle(
            move || {
                results.set(index.search(&text, MAX_RESULTS));
                query.set(text);
            },
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        )
        .ok();
        pending.set_value(handle);
    };

    let status = move || {
        let query = query.get();
        let query = query.trim();
        if query.is_empty() {
            return String::new();
        }
        match results.with(Vec::len) {
            0 => format!("No results for “{query}”. Try another word, or browse the contents."),
            1 => format!("1 result for “{query}”."),
            n => format!("{n} results for “{query}”."),
        }
    };

    let result_list = move || {
        results
            .get()
            .into_iter()
            .map(|hit| {
                let target = hit
                    .target
                    .element
                    .clone()
                    .unwrap_or_else(|| hit.target.section.clone());
                let href = format!("#{target}");
                let result = hit.target.clone();
                let snippet = hit
                    .snippet
                    .into_iter()
                    .map(|piece| match piece {
                        Piece::Plain(text) => text.into_any(),
                        Piece::Match(text) => view! { <mark>{text}</mark> }.into_any(),
                    })
                    .collect_view();
                view! {
                    <li>
                        <a
                            class="search-result"
                            href=href.clone()
                            on:click=move |ev| {
                                ev.prevent_default();
                                browser::replace_hash(&target);
                                reader.show_result(&result);
                            }
                        >
                            <span class="result-kind">{hit.kind}</span>
                            <span class="result-title">{hit.title}</span>
                            <span class="result-snippet">{snippet}</span>
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="search" role="search">
            <label for="search-input">"Search the guide"</label>
            <input
                type="search"
                id="search-input"
                autocomplete="off"
                spellcheck="false"
                placeholder="For example: cost, driving"
                on:input=on_input
            />
            <p class="search-status" role="status">{status}</p>
            <ul class="search-results">{result_list}</ul>
        </div>
    }
}
