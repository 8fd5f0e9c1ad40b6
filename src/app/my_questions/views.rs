//! The parts of "My questions": the suggested questions, the reader's list with its
//! controls, the form for their own question, the checklist and the erase controls.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

use super::Mine;
use super::reader_printing;
use crate::app::steps::list_in_steps;
use crate::browser;
use crate::state::my_questions::{MAX_QUESTION_CHARS, QuestionList, SuggestedGroup};

/// Focus waits for Leptos to apply the change (it renders asynchronously).
fn focus_soon(id: String) {
    request_animation_frame(move || browser::focus_in_place(&id));
}

#[component]
pub fn SuggestedGroups(groups: Vec<SuggestedGroup>, mine: Mine) -> impl IntoView {
    let printing = reader_printing();
    // One group per task while the section is closed (see `steps`).
    list_in_steps(groups, 1, move |group: SuggestedGroup| {
        let count = group.questions.len();
        let chosen_open = RwSignal::new(group.open);
        let questions = group.questions.clone();
        let items = group
            .questions
            .into_iter()
            .map(|question| {
                let added = {
                    let question = question.clone();
                    Memo::new(move |_| mine.list.with(|list| list.contains(&question)))
                };
                let label = {
                    let question = question.clone();
                    move || {
                        if added.get() {
                            format!("Remove from my list: {question}")
                        } else {
                            format!("Add to my list: {question}")
                        }
                    }
                };
                let toggle = {
                    let question = question.clone();
                    move |_| mine.toggle_suggested(&question)
                };
                view! {
                    <li class="myq-suggestion" class:is-added=move || added.get()>
                        <span class="myq-suggestion-text">{question}</span>
                        <span class="myq-suggestion-action">
                            <span class="myq-added-mark" hidden=move || !added.get()>
                                <span aria-hidden="true">"✓ "</span>
                                "In your list"
                            </span>
                            <button
                                type="button"
                                class="button-quiet myq-toggle"
                                aria-label=label
                                on:click=toggle
                            >
                                {move || if added.get() { "Remove" } else { "Add to my list" }}
                            </button>
                        </span>
                    </li>
                }
            })
            .collect_view();
        // How many of this group's questions are in the list, shown beside its title.
        let in_list = {
            let questions = questions.clone();
            move || {
                let n = mine
                    .list
                    .with(|list| questions.iter().filter(|q| list.contains(q)).count());
                (n > 0).then(|| format!(", {n} in your list"))
            }
        };
        view! {
            <details
                class="myq-group"
                id=format!("myq-group-{}", group.key)
                prop:open=move || chosen_open.get() || printing.get()
                on:toggle=move |ev| {
                    if !printing.get_untracked() {
                        chosen_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
                    }
                }
            >
                <summary>
                    <span class="myq-group-title">{group.title}</span>
                    " "
                    <span class="myq-group-count">
                        "("
                        {if count == 1 { "1 question".to_owned() } else { format!("{count} questions") }}
                        {in_list}
                        ")"
                    </span>
                </summary>
                <ul class="myq-suggestions">{items}</ul>
            </details>
        }
    })
}

#[component]
pub fn MyList(mine: Mine) -> impl IntoView {
    let ids = move || {
        mine.list
            .with(|list| list.items().iter().map(|q| q.id).collect::<Vec<u64>>())
    };
    view! {
        <Show
            when=move || !mine.list.with(QuestionList::is_empty)
            fallback=|| view! {
                <p class="myq-empty">
                    "Your list is empty. Add suggested questions above, or write your own below."
                </p>
            }
        >
            <ol class="myq-list" aria-labelledby="myq-list-heading">
                <For each=ids key=|id| *id children=move |id| view! { <ListItem id mine/> }/>
            </ol>
        </Show>
    }
}

/// Which way a question moves in the reader's list.
#[derive(Clone, Copy)]
enum Direction {
    Up,
    Down,
}

/// The click handler of a "Move up" or "Move down" button: moves the question, says
/// where it went (or that it cannot go further), and keeps focus on the button.
fn move_handler(
    mine: Mine,
    id: u64,
    position: Memo<Option<usize>>,
    direction: Direction,
    button_id: String,
) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    let (word, end) = match direction {
        Direction::Up => ("up", "first"),
        Direction::Down => ("down", "last"),
    };
    move |_| {
        let mut moved = false;
        mine.list.update(|list| {
            moved = match direction {
                Direction::Up => list.move_up(id),
                Direction::Down => list.move_down(id),
            }
        });
        if moved {
            mine.save_list();
            mine.list_status.set(format!(
                "Moved {word} to number {}.",
                position.get_untracked().map_or(0, |p| p + 1)
            ));
        } else {
            mine.list_status
                .set(format!("This question is already {end}."));
        }
        focus_soon(button_id.clone());
    }
}

#[component]
fn ListItem(id: u64, mine: Mine) -> impl IntoView {
    let text = Memo::new(move |_| {
        mine.list
            .with(|list| list.get(id).map(|q| q.text.clone()))
            .unwrap_or_default()
    });
    let position = Memo::new(move |_| mine.list.with(|list| list.position(id)));
    let count = Memo::new(move |_| mine.list.with(QuestionList::len));
    let is_first = move || position.get() == Some(0);
    let is_last = move || position.get().is_none_or(|p| p + 1 >= count.get());
    let editing = Memo::new(move |_| mine.editing.get() == Some(id));
    let draft = RwSignal::new(String::new());

    let up_id = format!("myq-up-{id}");
    let down_id = format!("myq-down-{id}");
    let edit_id = format!("myq-edit-{id}");
    let input_id = format!("myq-edit-input-{id}");
    let error_id = format!("myq-edit-error-{id}");

    let move_up = move_handler(mine, id, position, Direction::Up, up_id.clone());
    let move_down = move_handler(mine, id, position, Direction::Down, down_id.clone());
    let start_edit = {
        let input_id = input_id.clone();
        move |_| {
            draft.set(text.get_untracked());
            mine.edit_error.set(None);
            mine.editing.set(Some(id));
            focus_soon(input_id.clone());
        }
    };
    let finish_edit = {
        let edit_id = edit_id.clone();
        move || {
            mine.editing.set(None);
            mine.edit_error.set(None);
            focus_soon(edit_id.clone());
        }
    };
    let save = {
        let finish_edit = finish_edit.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let mut result = Ok(());
            let wording = draft.get_untracked();
            mine.list.update(|list| result = list.edit(id, &wording));
            match result {
                Ok(()) => {
                    mine.save_list();
                    mine.list_status
                        .set("Your question was changed.".to_owned());
                    finish_edit();
                }
                Err(error) => mine.edit_error.set(Some(error.message())),
            }
        }
    };
    let cancel = {
        let finish_edit = finish_edit.clone();
        move |_| {
            mine.list_status.set("No change made.".to_owned());
            finish_edit();
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            mine.list_status.set("No change made.".to_owned());
            finish_edit();
        }
    };
    let remove = move |_| {
        let mut removed = None;
        mine.list.update(|list| removed = list.remove(id));
        if removed.is_some() {
            if mine.editing.get_untracked() == Some(id) {
                mine.editing.set(None);
            }
            mine.save_list();
            mine.announce("Removed.");
            focus_soon("myq-list-heading".to_owned());
        }
    };

    let label = move |action: &str| {
        let action = action.to_owned();
        move || format!("{action}: {}", text.get())
    };

    view! {
        <li class="myq-item">
            <Show
                when=move || editing.get()
                fallback={
                    let up_id = up_id.clone();
                    let down_id = down_id.clone();
                    let edit_id = edit_id.clone();
                    let move_up = move_up.clone();
                    let move_down = move_down.clone();
                    let start_edit = start_edit.clone();
                    move || view! {
                        <p class="myq-item-text">{move || text.get()}</p>
                        <div class="myq-controls myq-screen-only">
                            <button
                                type="button"
                                class="button-quiet"
                                id=up_id.clone()
                                aria-label=label("Move up")
                                aria-disabled=move || is_first().to_string()
                                on:click=move_up.clone()
                            >
                                <span aria-hidden="true">"↑ "</span>
                                "Move up"
                            </button>
                            <button
                                type="button"
                                class="button-quiet"
                                id=down_id.clone()
                                aria-label=label("Move down")
                                aria-disabled=move || is_last().to_string()
                                on:click=move_down.clone()
                            >
                                <span aria-hidden="true">"↓ "</span>
                                "Move down"
                            </button>
                            <button
                                type="button"
                                class="button-quiet"
                                id=edit_id.clone()
                                aria-label=label("Edit")
                                on:click=start_edit.clone()
                            >
                                "Edit"
                            </button>
                            <button
                                type="button"
                                class="button-quiet myq-remove"
                                aria-label=label("Remove")
                                on:click=remove
                            >
                                "Remove"
                            </button>
                        </div>
                    }
                }
            >
                <form class="myq-edit" on:submit=save.clone()>
                    <label for=input_id.clone()>"Change the wording"</label>
                    <input
                        type="text"
                        id=input_id.clone()
                        maxlength=MAX_QUESTION_CHARS.to_string()
                        autocomplete="off"
                        aria-describedby=error_id.clone()
                        aria-invalid=move || mine.edit_error.with(Option::is_some).to_string()
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                        on:keydown=on_keydown.clone()
                    />
                    <div class="myq-edit-actions">
                        <button type="submit" class="button">"Save"</button>
                        <button type="button" class="button-quiet" on:click=cancel.clone()>"Cancel"</button>
                    </div>
                    <p class="myq-error" id=error_id.clone()>{move || mine.edit_error.get()}</p>
                </form>
            </Show>
        </li>
    }
}

#[component]
pub fn AddOwnForm(mine: Mine) -> impl IntoView {
    let own = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = own.get_untracked();
        let mut result = Ok(0);
        mine.list.update(|list| result = list.add_own(&text));
        match result {
            Ok(_) => {
                own.set(String::new());
                error.set(None);
                mine.save_list();
                mine.announce("Your question was added.");
            }
            Err(problem) => error.set(Some(problem.message())),
        }
        focus_soon("myq-own".to_owned());
    };
    view! {
        <form class="myq-add myq-screen-only" on:submit=add>
            <label for="myq-own">"Write your own question"</label>
            <div class="myq-add-row">
                <input
                    type="text"
                    id="myq-own"
                    maxlength=MAX_QUESTION_CHARS.to_string()
                    autocomplete="off"
                    aria-describedby="myq-own-message"
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || own.get()
                    on:input=move |ev| {
                        own.set(event_target_value(&ev));
                    }
                />
                <button type="submit" class="button">"Add"</button>
            </div>
            <p class="myq-error" id="myq-own-message" role="status">
                {move || error.get()}
            </p>
        </form>
    }
}

#[component]
pub fn ChecklistView(mine: Mine) -> impl IntoView {
    let items = mine.checklist_items.get_value();
    let boxes = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let checked_item = item.clone();
            let change_item = item.clone();
            let id = format!("myq-check-{index}");
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || mine.checklist.with(|c| c.is_checked(&checked_item))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            mine.checklist_items.with_value(|items| {
                                mine.checklist.update(|c| {
                                    c.set(items, &change_item, on);
                                });
                            });
                            mine.save_checklist();
                        }
                    />
                    <label for=id>{item}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="myq-hint myq-screen-only" id="myq-checklist-hint">
            "Tick what applies to you, so you remember to tell the clinic or your doctor."
        </p>
        <div
            role="group"
            aria-labelledby="myq-checklist-heading"
            aria-describedby="myq-checklist-hint"
        >
            <ul class="myq-checklist">{boxes}</ul>
        </div>
    }
}

#[component]
pub fn EraseControls(on_erase: Callback<()>, status: RwSignal<String>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let ask = move |_| {
        status.set(String::new());
        confirming.set(true);
        focus_soon("myq-erase-cancel".to_owned());
    };
    let cancel = move |_| {
        confirming.set(false);
        status.set("Nothing was erased.".to_owned());
        focus_soon("myq-erase".to_owned());
    };
    let confirm = move |_| {
        on_erase.run(());
        confirming.set(false);
        focus_soon("myq-erase".to_owned());
    };
    view! {
        <div class="myq-erase myq-screen-only">
            <h3>"Erase what you entered"</h3>
            <p>
                "Your questions, checklist, comparison choices and open sections are kept only in this browser. You can remove them at any time, for example on a shared computer."
            </p>
            <button
                type="button"
                class="button-quiet myq-danger"
                id="myq-erase"
                aria-expanded=move || confirming.get().to_string()
                aria-controls="myq-erase-confirm"
                on:click=ask
            >
                "Erase everything I entered"
            </button>
            <div
                class="myq-confirm"
                id="myq-erase-confirm"
                role="group"
                aria-labelledby="myq-erase-question"
                hidden=move || !confirming.get()
            >
                <p id="myq-erase-question">
                    "This removes your questions, checklist and comparison choices from this device."
                </p>
                <div class="myq-confirm-actions">
                    <button type="button" class="button myq-danger-strong" on:click=confirm>
                        "Yes, erase everything"
                    </button>
                    <button
                        type="button"
                        class="button-quiet"
                        id="myq-erase-cancel"
                        on:click=cancel
                    >
                        "Cancel"
                    </button>
                </div>
            </div>
            <div role="status" class="myq-status">
                {move || status.get()}
            </div>
        </div>
    }
}
