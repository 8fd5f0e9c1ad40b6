//! Building a closed section's long lists a few items per task. After the app starts,
//! every section's content is built in the background (see `Reader::build_later`); a
//! long list built in one go would keep a slow phone from answering a tap for a tenth
//! of a second or more. Out of sight, a list grows by a few items per task; as soon as
//! its section opens, or the print event comes, it has them all in the same update, so
//! links, search results and printing find every item. (A printer that sends no print
//! event, right after the page starts, may find a closed section's list, or a comparison's
//! parts, still growing.)

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::reader::PanelOpen;

/// How many of a list's `total` items to build now: all of them when the list's section
/// is open, when it is not in a section, or at build time (the prerendered page); else
/// none in the task that builds the rest of the section, then `per_task` more in each
/// following task.
pub fn built_in_steps(total: usize, per_task: usize) -> Signal<usize> {
    let panel_open = use_context::<PanelOpen>().map(|open| open.0);
    let out_of_sight = cfg!(target_arch = "wasm32")
        && total > 0
        && panel_open.is_some_and(|open| !open.get_untracked());
    let limit = RwSignal::new(if out_of_sight { 0 } else { usize::MAX });
    if out_of_sight {
        grow(limit, per_task, total);
        Effect::new(move |_| {
            if panel_open.is_some_and(|open| open.get()) && limit.get_untracked() != usize::MAX {
                limit.set(usize::MAX);
            }
        });
    }
    limit.into()
}

/// Grows `limit` by `per_task` in each task until it covers `total` (then `usize::MAX`).
/// Stops when the section opened meanwhile (the limit is lifted) or the list is gone.
fn grow(limit: RwSignal<usize>, per_task: usize, total: usize) {
    set_timeout(
        move || {
            let Some(now) = limit.try_get_untracked() else {
                return;
            };
            if now == usize::MAX {
                return;
            }
            if now + per_task >= total {
                limit.set(usize::MAX);
            } else {
                limit.set(now + per_task);
                grow(limit, per_task, total);
            }
        },
        Duration::ZERO,
    );
}

/// `items`, each shown by `item`, built in steps of `per_task` while out of sight.
pub fn list_in_steps<T, V>(
    items: Vec<T>,
    per_task: usize,
    item: impl Fn(T) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let total = items.len();
    numbered_in_steps(
        total,
        per_task,
        Arc::new(move |i: usize| item(items[i].clone()).into_any()),
    )
}

/// The parts of a view, `item(0)` to `item(count - 1)`, built one per task while out of
/// sight: the same keyed list as [`list_in_steps`], without another copy of its code.
pub fn parts_in_steps(count: usize, item: Arc<dyn Fn(usize) -> AnyView + Send + Sync>) -> AnyView {
    numbered_in_steps(count, 1, item)
}

/// The one keyed list behind every [`list_in_steps`]: a single copy of `For` in the wasm,
/// however many kinds of list use it.
fn numbered_in_steps(
    total: usize,
    per_task: usize,
    item: Arc<dyn Fn(usize) -> AnyView + Send + Sync>,
) -> AnyView {
    let shown = built_in_steps(total, per_task);
    view! {
        <For
            each=move || 0..shown.get().min(total)
            key=|i| *i
            children=move |i| item(i)
        />
    }
    .into_any()
}
