//! The reader's place in the guide: which sections are open (remembered on this
//! device), where links point, and whether the page is being printed.

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser;
use crate::content::Guide;
use crate::state::accordion::{LinkTarget, OPEN_SECTIONS_KEY, OpenSections, resolve_link};
use crate::state::search::SearchTarget;

/// Whether the section a component sits in is open (or printing), for content that is
/// built in steps while it is out of sight and at once when the reader opens it.
#[derive(Clone, Copy)]
pub struct PanelOpen(pub Memo<bool>);

/// Shared by every component that opens sections or reacts to printing.
#[derive(Clone, Copy)]
pub struct Reader {
    pub open: RwSignal<OpenSections>,
    pub printing: RwSignal<bool>,
    /// A polite message, e.g. about a link that points nowhere.
    pub notice: RwSignal<Option<String>>,
    /// The citation link the reader last followed: (reference key, link element id), so
    /// the reference entry can offer a way back to the text.
    pub came_from: RwSignal<Option<(String, String)>>,
    /// Set by "Expand all" (true) and "Collapse all" (false): every "More detail"
    /// follows, as well as every section.
    pub all_detail: RwSignal<Option<bool>>,
    section_ids: StoredValue<Vec<String>>,
    guide: StoredValue<Arc<Guide>>,
    /// Sections whose content is still to be built, in reading order.
    to_build: StoredValue<VecDeque<RwSignal<bool>>>,
}

impl Reader {
    /// Restores the open sections saved on this device (ignoring anything unreadable).
    pub fn new(guide: Arc<Guide>) -> Self {
        let section_ids: Vec<String> = guide.sections.iter().map(|s| s.id.clone()).collect();
        let known: BTreeSet<&str> = section_ids.iter().map(String::as_str).collect();
        let stored = browser::storage_get(OPEN_SECTIONS_KEY);
        let open = OpenSections::from_storage(stored.as_deref(), &known);
        Reader {
            open: RwSignal::new(open),
            printing: RwSignal::new(false),
            notice: RwSignal::new(None),
            came_from: RwSignal::new(None),
            all_detail: RwSignal::new(None),
            section_ids: StoredValue::new(section_ids),
            guide: StoredValue::new(guide),
            to_build: StoredValue::new(VecDeque::new()),
        }
    }

    /// Queues a section's content to be built (its `built` flag set) after the page has
    /// started, one section per task, so no single task keeps the reader waiting.
    pub fn build_later(&self, built: RwSignal<bool>) {
        self.to_build.update_value(|queue| queue.push_back(built));
    }

    /// Starts building the queued sections, one per task, in reading order.
    pub fn build_queued(&self) {
        let reader = *self;
        set_timeout(
            move || {
                let next = reader
                    .to_build
                    .try_update_value(VecDeque::pop_front)
                    .flatten();
                if let Some(built) = next {
                    if !built.get_untracked() {
                        built.set(true);
                    }
                    reader.build_queued();
                }
            },
            Duration::ZERO,
        );
    }

    pub fn section_ids(&self) -> Vec<String> {
        self.section_ids.get_value()
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.with(|open| open.is_open(id))
    }

    /// Opens or closes a section from its header; an opened section becomes the URL's
    /// fragment (replacing it, so Back still leaves the page).
    pub fn toggle(&self, id: &str) {
        let mut now_open = false;
        self.open.update(|open| now_open = open.toggle(id));
        if now_open {
            browser::replace_hash(id);
        }
        self.save();
    }

    pub fn expand_all(&self) {
        let ids = self.section_ids();
        self.open
            .update(|open| open.open_all(ids.iter().map(String::as_str)));
        self.all_detail.set(Some(true));
        self.save();
    }

    /// Opens these sections (unknown ids are ignored) and remembers them.
    pub fn open_sections(&self, ids: &[String]) {
        let known = self.section_ids();
        let chosen: Vec<&str> = ids
            .iter()
            .filter(|id| known.contains(id))
            .map(String::as_str)
            .collect();
        if chosen.is_empty() {
            return;
        }
        self.open.update(|open| open.open_all(chosen));
        self.save();
    }

    pub fn collapse_all(&self) {
        self.open.update(OpenSections::close_all);
        self.all_detail.set(Some(false));
        self.save();
    }

    /// Follows a link to `#fragment`: opens the section it is in and moves focus there.
    /// A link to nothing in the guide gets a polite notice, not an error.
    pub fn follow(&self, fragment: &str) {
        let target = self.guide.with_value(|guide| resolve_link(guide, fragment));
        match target {
            LinkTarget::Nothing => {}
            LinkTarget::Section(section) => {
                self.reveal(&section);
                focus_after_render(format!("{section}-button"));
            }
            LinkTarget::Inside { section, element } => {
                self.reveal(&section);
                focus_after_render(element);
            }
            LinkTarget::Unknown(id) => self.notice.set(Some(format!(
                "The link you followed points to “{id}”, which is not in this guide. It may have moved: the contents below list every section."
            ))),
        }
    }

    /// Shows a search result: opens its section, then opens, marks and focuses the
    /// passage that matched (inside "More detail" too), or else the element or the
    /// section's header.
    pub fn show_result(&self, target: &SearchTarget) {
        self.reveal(&target.section);
        let target = target.clone();
        request_animation_frame(move || {
            let shown = match (&target.spot, &target.element) {
                (Some(spot), _) => browser::reveal_in_section(
                    &target.section,
                    spot.selector,
                    spot.index,
                    &spot.text,
                ),
                (None, Some(id)) => {
                    browser::reveal_in_section(&target.section, &format!("#{id}"), 0, "")
                }
                (None, None) => false,
            };
            if !shown {
                let id = target
                    .element
                    .clone()
                    .unwrap_or_else(|| format!("{}-button", target.section));
                browser::focus_element(&id);
            }
        });
    }

    fn reveal(&self, section: &str) {
        self.notice.set(None);
        if !self.is_open(section) {
            self.open.update(|open| open.open(section));
            self.save();
        }
    }

    fn save(&self) {
        let stored = self.open.with_untracked(OpenSections::to_storage);
        // Storage may be full or blocked (private browsing): the guide still works,
        // it just will not remember open sections after a reload.
        let _ = browser::storage_set(OPEN_SECTIONS_KEY, &stored);
    }
}

/// Focus waits for the panel to be shown: Leptos applies changes asynchronously.
fn focus_after_render(id: String) {
    request_animation_frame(move || {
        browser::focus_element(&id);
    });
}
