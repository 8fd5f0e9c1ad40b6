//! The table of contents: a `nav` landmark linking every section, marking the one
//! the reader is in. On narrow screens it folds into a "Contents" menu button.

use leptos::ev;
use leptos::prelude::*;

use super::reader::Reader;
use crate::browser;

/// How far below the top of the window a section must start to count as "current".
const CURRENT_OFFSET_PX: f64 = 120.0;

#[component]
pub fn TableOfContents(
    /// (id, title) of every section, in order.
    sections: Vec<(String, String)>,
) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let menu_open = RwSignal::new(false);
    let current = RwSignal::new(None::<usize>);

    let ids: Vec<String> = sections.iter().map(|(id, _)| id.clone()).collect();
    let frame_pending = StoredValue::new(false);
    // Read positions at most once per frame, so scrolling stays smooth on slow phones.
    let scroll_listener = window_event_listener(ev::scroll, move |_| {
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        let ids = ids.clone();
        request_animation_frame(move || {
            frame_pending.set_value(false);
            current.set(browser::current_position(&ids, CURRENT_OFFSET_PX));
        });
    });
    on_cleanup(move || scroll_listener.remove());

    let links = sections
        .into_iter()
        .enumerate()
        .map(|(index, (id, title))| {
            let href = format!("#{id}");
            view! {
                <li>
                    <a
                        href=href.clone()
                        aria-current=move || (current.get() == Some(index)).then_some("location")
                        on:click=move |ev| {
                            // Handled here so a second click on the same link still works.
                            ev.prevent_default();
                            menu_open.set(false);
                            browser::replace_hash(&id);
                            reader.follow(&href);
                        }
                    >
                        {title}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <nav class="toc" id="contents" tabindex="-1" aria-label="Contents">
            <button
                type="button"
                class="toc-toggle"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="toc-list"
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                "Contents"
            </button>
            <p class="toc-heading" aria-hidden="true">"Contents"</p>
            <ol id="toc-list" class="toc-list" hidden=move || !menu_open.get()>
                {links}
            </ol>
        </nav>
    }
}
