//! "My questions and summary": the reader picks from the guide's suggested questions
//! (per section and per route), adds their own, reorders, edits and removes them; ticks
//! the things to tell the care team; and prints or copies one clean summary with the
//! priorities they chose in the comparison. Everything stays on this device
//! (localStorage), never in a URL, and one button erases all of it.
//!
//! The logic is pure and tested in `state::my_questions`; this module renders it and
//! keeps it through `crate::browser`.

// At build time (the native prerender) there is no browser: the twin answers instead.
mod views;

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;

use super::reader::Reader;
use crate::browser;
use crate::content::{Guide, SectionKind};
use crate::state::comparison;
use crate::state::deliberation::{
    self, DeliberationChoices, DeliberationSummary, LEANING_HEADING, SURE_HEADING,
};
use crate::state::my_questions::{
    CHECKLIST_HEADING, CHECKLIST_KEY, Checklist, PRIORITIES_HEADING, QUESTIONS_HEADING,
    QUESTIONS_KEY, QuestionList, SUMMARY_HEADING, checklist_items, count_text, guide_keys,
    priority_labels, suggested_groups, summary_text_with,
};
use views::{AddOwnForm, ChecklistView, EraseControls, MyList, SuggestedGroups};

/// The class on `<html>` while only the summary should print.
const PRINT_CLASS: &str = "myq-printing";
/// The text field shown when the clipboard cannot be used.
const FALLBACK_ID: &str = "myq-copy-fallback";
/// Said once when saving fails.
const SAVE_PROBLEM: &str = "Your list cannot be saved on this device (storage is full or blocked); it will be lost when you close the page.";

/// The reader's list of questions, shared by the whole guide: the "Add to my list"
/// buttons under each section's questions, the "My list (n)" control and this tool
/// all read and change the same list, kept on this device.
#[derive(Clone, Copy)]
pub struct SharedQuestions(pub RwSignal<QuestionList>);

impl SharedQuestions {
    /// The list saved on this device (empty when there is none, or it is unreadable).
    pub fn from_storage() -> Self {
        SharedQuestions(RwSignal::new(QuestionList::from_storage(
            browser::storage_get(QUESTIONS_KEY).as_deref(),
        )))
    }

    pub fn contains(&self, text: &str) -> bool {
        self.0.with(|list| list.contains(text))
    }

    pub fn len(&self) -> usize {
        self.0.with(QuestionList::len)
    }

    /// Adds a suggested question unless it is already there; says what happened.
    pub fn add(&self, text: &str) -> String {
        if self.0.with_untracked(|list| list.contains(text)) {
            return format!(
                "Already on your list. {}",
                self.0.with_untracked(|l| count_text(l.len()))
            );
        }
        let mut result = Ok(0);
        self.0.update(|list| result = list.add_suggested(text));
        match result {
            Ok(_) => {
                // When storage is blocked the list still works until the page closes;
                // the "questions" section says so.
                let _ = self
                    .0
                    .with_untracked(|list| browser::storage_set(QUESTIONS_KEY, &list.to_storage()));
                format!(
                    "Added to your list. {}",
                    self.0.with_untracked(|l| count_text(l.len()))
                )
            }
            Err(error) => error.message(),
        }
    }
}

/// The reader's data on screen and the messages about it. Copyable, for event handlers.
#[derive(Clone, Copy)]
pub(crate) struct Mine {
    pub list: RwSignal<QuestionList>,
    pub checklist: RwSignal<Checklist>,
    pub checklist_items: StoredValue<Vec<String>>,
    /// Announced after each change to the list.
    pub list_status: RwSignal<String>,
    /// Set (once) when the device would not keep what the reader entered.
    pub save_problem: RwSignal<bool>,
    /// The question being reworded, if any, and why the last wording was refused.
    pub editing: RwSignal<Option<u64>>,
    pub edit_error: RwSignal<Option<String>>,
}

impl Mine {
    fn note_saved(&self, saved: Result<(), String>) {
        if saved.is_err() && !self.save_problem.get_untracked() {
            self.save_problem.set(true);
        }
    }

    /// Keeps the list on this device (forgets it when empty).
    pub fn save_list(&self) {
        let saved = self.list.with_untracked(|list| {
            if list.is_empty() {
                browser::storage_remove(QUESTIONS_KEY)
            } else {
                browser::storage_set(QUESTIONS_KEY, &list.to_storage())
            }
        });
        self.note_saved(saved);
    }

    pub fn save_checklist(&self) {
        let saved = self.checklist.with_untracked(|checklist| {
            if checklist.is_empty() {
                browser::storage_remove(CHECKLIST_KEY)
            } else {
                browser::storage_set(CHECKLIST_KEY, &checklist.to_storage())
            }
        });
        self.note_saved(saved);
    }

    /// Says what changed and how long the list is now.
    pub fn announce(&self, what: &str) {
        let count = self.list.with_untracked(QuestionList::len);
        self.list_status
            .set(format!("{what} {}", count_text(count)));
    }

    /// Adds a suggested question, or takes it out again if it is in the list.
    pub fn toggle_suggested(&self, text: &str) {
        let mut removed = false;
        let mut refused = None;
        self.list.update(|list| {
            if list.contains(text) {
                removed = list.remove_text(text);
            } else if let Err(error) = list.add_suggested(text) {
                refused = Some(error);
            }
        });
        match refused {
            Some(error) => self.list_status.set(error.message()),
            None => {
                self.save_list();
                self.announce(if removed {
                    "Removed from your list."
                } else {
                    "Added to your list."
                });
            }
        }
    }
}

/// Whether the whole page is being printed (then every group opens); never when the
/// component is shown on its own.
fn reader_printing() -> RwSignal<bool> {
    use_context::<Reader>()
        .map(|reader| reader.printing)
        .unwrap_or_else(|| RwSignal::new(false))
}

/// What the reader marked as mattering most in either comparison, read from their
/// storage, each label once.
fn stored_priorities(guide: &Guide) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let routes = guide
        .comparison
        .iter()
        .map(|c| (c, comparison::STORAGE_KEY));
    let options = guide
        .options_comparison
        .iter()
        .map(|c| (c, comparison::OPTIONS_STORAGE_KEY));
    for (content, key) in routes.chain(options) {
        for label in priority_labels(content, browser::storage_get(key).as_deref()) {
            if !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    labels
}

/// Where the reader is leaning and their SURE answers, read from storage.
fn stored_deliberation(guide: &Guide) -> Option<DeliberationSummary> {
    guide.deliberation.as_ref().map(|content| {
        let stored = browser::storage_get(deliberation::STORAGE_KEY);
        let choices = DeliberationChoices::from_storage(stored.as_deref(), content);
        DeliberationSummary::new(content, &choices)
    })
}

/// Where the reader is leaning and how sure they feel, in the summary.
fn deliberation_view(summary: DeliberationSummary) -> impl IntoView {
    let not_yet = (!summary.not_yet.is_empty()).then(|| {
        let items = summary
            .not_yet
            .into_iter()
            .map(|question| view! { <li>"Not yet: " {question}</li> })
            .collect_view();
        view! { <ul class="myq-not-yet">{items}</ul> }
    });
    view! {
        <h4>{LEANING_HEADING}</h4>
        <p class="myq-leaning">{summary.leaning.unwrap_or_else(|| "Not chosen yet".to_owned())}</p>
        <h4>{SURE_HEADING}</h4>
        <p class="myq-sure">{summary.sure.unwrap_or_else(|| "Not answered yet".to_owned())}</p>
        {not_yet}
    }
}

/// Replaces the plain list of questions in the "questions" section.
#[component]
pub fn MyQuestions(guide: Arc<Guide>) -> impl IntoView {
    let reader = use_context::<Reader>();
    let checklist_items = checklist_items(&guide);
    let mine = Mine {
        list: use_context::<SharedQuestions>()
            .unwrap_or_else(SharedQuestions::from_storage)
            .0,
        checklist: RwSignal::new(Checklist::from_storage(
            browser::storage_get(CHECKLIST_KEY).as_deref(),
            &checklist_items,
        )),
        checklist_items: StoredValue::new(checklist_items),
        list_status: RwSignal::new(String::new()),
        save_problem: RwSignal::new(false),
        editing: RwSignal::new(None),
        edit_error: RwSignal::new(None),
    };
    let guide = StoredValue::new(guide);
    let has_comparison = guide.with_value(|g| g.comparison.is_some());
    let compare_link = guide.with_value(|g| {
        g.sections
            .iter()
            .find(|s| s.kind == SectionKind::Comparison)
            .map(|s| format!("#{}", s.id))
    });
    let guide_title = guide.with_value(|g| g.meta.title.clone());

    // The comparison keeps its own choices; read them again whenever the reader may
    // have changed them (on opening this section, and on coming back to it).
    let priorities = RwSignal::new(guide.with_value(|g| stored_priorities(g)));
    let weighing = RwSignal::new(guide.with_value(|g| stored_deliberation(g)));
    let refresh_priorities = move || {
        let now = guide.with_value(|g| stored_priorities(g));
        if priorities.with_untracked(|p| *p != now) {
            priorities.set(now);
        }
        let now = guide.with_value(|g| stored_deliberation(g));
        if weighing.with_untracked(|w| *w != now) {
            weighing.set(now);
        }
    };
    if let Some(reader) = reader {
        Effect::new(move |_| {
            reader.open.track();
            refresh_priorities();
        });
    }

    let summary_status = RwSignal::new(String::new());
    let fallback_text = RwSignal::new(None::<String>);
    let erase_status = RwSignal::new(String::new());

    // Printing "only the summary" ends with the print dialog.
    let after_print = window_event_listener(ev::afterprint, |_| {
        browser::set_root_class(PRINT_CLASS, false)
    });
    on_cleanup(move || {
        after_print.remove();
        browser::set_root_class(PRINT_CLASS, false);
    });

    let current_text = move || {
        refresh_priorities();
        let priorities = priorities.get_untracked();
        let priorities: Vec<&str> = priorities.iter().map(String::as_str).collect();
        let questions = mine.list.with_untracked(QuestionList::texts);
        let weighing = weighing.get_untracked();
        mine.checklist.with_untracked(|checklist| {
            mine.checklist_items.with_value(|items| {
                summary_text_with(
                    &guide_title,
                    &priorities,
                    weighing.as_ref(),
                    &questions,
                    &checklist.marked(items),
                )
            })
        })
    };

    let print = move |_| {
        refresh_priorities();
        fallback_text.set(None);
        match browser::print_with_class(PRINT_CLASS) {
            Ok(()) => summary_status.set(String::new()),
            Err(_) => summary_status.set(
                "This browser could not open printing here. You can use “Copy as text” instead."
                    .to_owned(),
            ),
        }
    };
    let copy = move |_| {
        let text = current_text();
        summary_status.set(String::new());
        leptos::task::spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    fallback_text.set(None);
                    summary_status.set(
                        "Your summary was copied as plain text. You can paste it into an email or a note."
                            .to_owned(),
                    );
                }
                Err(_) => {
                    fallback_text.set(Some(text));
                    // The field appears on the next frame; then select it and try the old way.
                    request_animation_frame(move || {
                        let copied = browser::select_and_copy(FALLBACK_ID);
                        summary_status.set(if copied {
                            "Your summary was copied as plain text. It is also shown below.".to_owned()
                        } else {
                            "Your browser did not allow copying. The text is shown and selected below: copy it with Ctrl+C (or Command+C on a Mac).".to_owned()
                        });
                    });
                }
            }
        });
    };

    let erase = move || {
        let keys = guide_keys(browser::storage_keys());
        let failed = keys
            .iter()
            .filter(|key| browser::storage_remove(key).is_err())
            .count();
        mine.list.set(QuestionList::default());
        mine.checklist.set(Checklist::default());
        mine.editing.set(None);
        mine.edit_error.set(None);
        mine.list_status.set(String::new());
        mine.save_problem.set(false);
        priorities.set(Vec::new());
        weighing.set(guide.with_value(|g| stored_deliberation(g)));
        fallback_text.set(None);
        summary_status.set(String::new());
        browser::announce_erased();
        erase_status.set(if failed == 0 {
            "Everything you entered has been erased from this device.".to_owned()
        } else {
            "Some of what you entered could not be erased: this browser blocked it. Clearing this site's data in the browser settings removes it.".to_owned()
        });
    };

    let groups = guide.with_value(|g| suggested_groups(g));
    let has_checklist = mine.checklist_items.with_value(|items| !items.is_empty());

    let priorities_view = has_comparison.then(|| {
        let link = compare_link.clone();
        view! {
            <h4 id="myq-priorities-heading">{PRIORITIES_HEADING}</h4>
            {move || {
                let chosen = priorities.get();
                if chosen.is_empty() {
                    let link = link.clone();
                    view! {
                        <p class="myq-empty">
                            "None chosen yet. "
                            {link.map(|href| view! {
                                <span class="myq-screen-only">
                                    "You can mark what matters most to you in "
                                    <a href=href>"the comparison"</a>
                                    "."
                                </span>
                            })}
                        </p>
                    }
                    .into_any()
                } else {
                    let items = chosen
                        .into_iter()
                        .map(|label| view! { <li>{label}</li> })
                        .collect_view();
                    view! { <ul class="myq-priorities" aria-labelledby="myq-priorities-heading">{items}</ul> }
                        .into_any()
                }
            }}
        }
    });

    view! {
        <div
            class="myq"
            on:focusin=move |_| refresh_priorities()
            on:pointerenter=move |_| refresh_priorities()
        >
            <p class="myq-privacy">
                "Your list and checklist stay in this browser on this device. They are not sent anywhere."
            </p>
            <div role="status" class="myq-save-problem">
                {move || mine.save_problem.get().then(|| view! { <p class="notice notice-info">{SAVE_PROBLEM}</p> })}
            </div>

            <h3 id="myq-suggested-heading">"Suggested questions"</h3>
            <p class="myq-hint">
                "Add the ones that matter to you. They go into “My questions” below, where you can change the wording and the order."
            </p>
            <SuggestedGroups groups mine/>

            <section class="myq-summary" id="my-summary" aria-labelledby="myq-summary-heading">
                <h3 id="myq-summary-heading">{SUMMARY_HEADING}</h3>
                <p class="myq-print-only">{format!("From “{}”", guide.with_value(|g| g.meta.title.clone()))}</p>

                {priorities_view}
                {move || weighing.get().map(deliberation_view)}

                <h4 id="myq-list-heading" tabindex="-1">{QUESTIONS_HEADING}</h4>
                <MyList mine/>
                <div role="status" class="myq-status myq-screen-only">
                    {move || mine.list_status.get()}
                </div>
                <AddOwnForm mine/>

                {has_checklist.then(|| view! {
                    <h4 id="myq-checklist-heading">{CHECKLIST_HEADING}</h4>
                    <ChecklistView mine/>
                })}

                <div class="myq-actions myq-screen-only">
                    <button type="button" class="button" id="myq-print" on:click=print>"Print my summary"</button>
                    <button type="button" class="button" on:click=copy>"Copy as text"</button>
                </div>
                <div role="status" class="myq-status myq-screen-only">
                    {move || summary_status.get()}
                </div>
                {move || fallback_text.get().map(|text| view! {
                    <div class="myq-fallback myq-screen-only">
                        <label for=FALLBACK_ID>"Your summary as text"</label>
                        <textarea id=FALLBACK_ID readonly rows="10" prop:value=text></textarea>
                    </div>
                })}
            </section>

            <EraseControls on_erase=Callback::new(move |()| erase()) status=erase_status/>
        </div>
    }
}
