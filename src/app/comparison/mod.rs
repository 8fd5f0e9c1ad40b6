//! A side-by-side comparison: of the ways ketamine is given, or of ketamine and the
//! other options (one set of components; a [`Wording`] tells them apart). The reader
//! picks columns, topics, what matters to them and a layout (table, by question, by
//! route or option); every answer shows its certainty in words and its citations. It
//! never ranks or recommends: priorities only move the matching questions to the top
//! and mark them.
//!
//! The choices are pure logic in `state::comparison`; this module only renders them
//! and keeps them on the device through `crate::browser`.

// At build time (the native prerender) there is no browser: the twin answers instead.
mod timeline;
mod views;

use std::sync::Arc;

use leptos::prelude::*;

use super::blocks::Citations;
use super::reader::Reader;
use super::steps::{built_in_steps, parts_in_steps};
use crate::browser;
use crate::content::{Comparison, Route};
use crate::state::comparison::{
    ComparisonChoices, ViewMode, Wording, busiest_week, focused_route, longest_visit,
    matching_concern_labels, ordered_rows, status_message_for, timeline_for, visible_routes,
};
use crate::state::layout::table_fits;
use views::ShownRow;

/// About how many answers are built in one task while the comparison is out of sight:
/// at a slow phone's speed, each batch stays well under the 50 ms that makes a page feel
/// stuck.
const ANSWERS_PER_TASK: usize = 8;

/// The column the comparison is shown in (the page's body when shown on its own): its
/// width decides the first layout.
const MAIN_COLUMN: &str = ".guide-main";

/// The comparison's parts, in the order they are built while its section is closed.
#[derive(Clone, Copy)]
enum Part {
    Intro,
    Controls,
    Results,
    Timelines,
}

impl Part {
    const ALL: [Part; 4] = [Part::Intro, Part::Controls, Part::Results, Part::Timelines];
}

/// The first `limit` rows as the reader's choices order and mark them.
fn shown_rows(comparison: &Comparison, choices: &ComparisonChoices, limit: usize) -> Vec<ShownRow> {
    ordered_rows(comparison, choices)
        .into_iter()
        .take(limit)
        .map(|(row, marked)| ShownRow {
            row: row.clone(),
            topic: comparison
                .topics
                .iter()
                .find(|t| t.id == row.topic)
                .map(|t| t.label.clone())
                .unwrap_or_default(),
            marks: if marked {
                matching_concern_labels(comparison, choices, row)
                    .into_iter()
                    .map(str::to_owned)
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect()
}

#[component]
pub fn ComparisonView(comparison: Comparison, wording: &'static Wording) -> impl IntoView {
    let w = wording;
    let status_message =
        move |c: &Comparison, chosen: &ComparisonChoices| status_message_for(c, chosen, w);
    let data = StoredValue::new(comparison);
    let stored = browser::storage_get(w.storage_key);
    let choices =
        RwSignal::new(data.with_value(|c| ComparisonChoices::from_storage(stored.as_deref(), c)));
    let wide = table_fits(
        browser::element_width(MAIN_COLUMN).or_else(|| browser::element_width("body")),
        data.with_value(|c| choices.with_untracked(|chosen| visible_routes(c, chosen).len())),
    );
    let status = RwSignal::new(
        data.with_value(|c| choices.with_untracked(|chosen| status_message(c, chosen))),
    );
    // The route read in the "by route" layout; `None` means the first one shown.
    let focus = RwSignal::new(None::<String>);

    // Applies new choices: keeps them on this device (or forgets them when they are the
    // defaults) and says what is shown now.
    let commit = move |next: ComparisonChoices, prefix: &str| {
        let saved = if next.is_default() {
            browser::storage_remove(w.storage_key)
        } else {
            browser::storage_set(w.storage_key, &next.to_storage())
        };
        let mut message = prefix.to_owned();
        message.push_str(&data.with_value(|c| status_message(c, &next)));
        if saved.is_err() {
            message.push_str(" Your choices could not be saved on this device.");
        }
        status.set(message);
        choices.set(next);
    };
    let change = move |edit: &dyn Fn(&mut ComparisonChoices, &Comparison)| {
        let mut next = choices.get_untracked();
        data.with_value(|c| edit(&mut next, c));
        commit(next, "");
    };
    let clear = move |_| {
        focus.set(None);
        commit(ComparisonChoices::default(), "Your choices were cleared. ");
    };
    // "Erase everything I entered" (in the questions section) has already removed the
    // stored choices; the view forgets them too, so nothing is saved again by mistake.
    let erased = window_event_listener(
        leptos::ev::Custom::new("ketamine-guide:erased"),
        move |_: web_sys::CustomEvent| {
            focus.set(None);
            choices.set(ComparisonChoices::default());
            status.set(data.with_value(|c| status_message(c, &ComparisonChoices::default())));
        },
    );
    on_cleanup(move || erased.remove());

    let mode = Memo::new(move |_| choices.with(|chosen| chosen.effective_view(wide)));
    let routes = Memo::new(move |_| {
        choices.with(|chosen| {
            data.with_value(|c| {
                visible_routes(c, chosen)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Route>>()
            })
        })
    });

    // The controls.
    let controls = move || {
        let concern_boxes = data.with_value(|c| {
            c.concerns
                .iter()
                .map(|concern| {
                    let checked_id = concern.id.clone();
                    let change_id = concern.id.clone();
                    view! {
                        <label class="cmp-choice">
                            <input
                                type="checkbox"
                                name=w.priority_name
                                value=concern.id.clone()
                                prop:checked=move || choices.with(|chosen| chosen.is_priority(&checked_id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    change(&|next, c| {
                                        next.set_priority(c, &change_id, on);
                                    });
                                }
                            />
                            <span>{concern.label.clone()}</span>
                        </label>
                    }
                })
                .collect_view()
        });
        let route_boxes = data.with_value(|c| {
            c.routes
                .iter()
                .map(|route| {
                    let checked_id = route.id.clone();
                    let locked_id = route.id.clone();
                    let change_id = route.id.clone();
                    view! {
                        <label class="cmp-choice">
                            <input
                                type="checkbox"
                                name=w.pick_name
                                value=route.id.clone()
                                aria-describedby=w.pick_hint_id
                                prop:checked=move || choices.with(|chosen| chosen.is_route_shown(&checked_id))
                                disabled=move || {
                                    choices.with(|chosen| {
                                        data.with_value(|c| {
                                            chosen.is_route_shown(&locked_id)
                                                && !chosen.can_hide_route(c, &locked_id)
                                        })
                                    })
                                }
                                on:change=move |ev| {
                                    let shown = event_target_checked(&ev);
                                    change(&|next, c| {
                                        next.set_route_shown(c, &change_id, shown);
                                    });
                                }
                            />
                            <span>{route.short_name.clone()}</span>
                        </label>
                    }
                })
                .collect_view()
        });
        let topic_boxes = data.with_value(|c| {
            c.topics
                .iter()
                .map(|topic| {
                    let checked_id = topic.id.clone();
                    let change_id = topic.id.clone();
                    view! {
                        <label class="cmp-choice">
                            <input
                                type="checkbox"
                                name=w.topic_name
                                value=topic.id.clone()
                                prop:checked=move || choices.with(|chosen| chosen.is_topic_shown(&checked_id))
                                on:change=move |ev| {
                                    let shown = event_target_checked(&ev);
                                    change(&|next, c| {
                                        next.set_topic_shown(c, &change_id, shown);
                                    });
                                }
                            />
                            <span>{topic.label.clone()}</span>
                        </label>
                    }
                })
                .collect_view()
        });
        let view_radios = ViewMode::ALL
            .into_iter()
            .map(|option| {
                view! {
                    <label class="cmp-choice">
                        <input
                            type="radio"
                            name=w.view_name
                            value=option.id()
                            prop:checked=move || mode.get() == option
                            on:change=move |_| change(&|next, _| next.view = Some(option))
                        />
                        <span>{if option == ViewMode::ByRoute { w.by_column } else { option.label() }}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <div class="cmp-controls" role="group" aria-labelledby=w.controls_id>
                <h3 id=w.controls_id>"Choose what to compare"</h3>
                <fieldset class="cmp-fieldset cmp-priorities">
                    <legend>"What matters most to you"</legend>
                    <p class="cmp-hint">
                        "Questions about what you pick move to the top and are marked “Matters to you”. "
                        {w.priorities_hint}
                    </p>
                    <div class="cmp-options">{concern_boxes}</div>
                </fieldset>
                <fieldset class="cmp-fieldset cmp-routes">
                    <legend>{w.pick_legend}</legend>
                    <p class="cmp-hint" id=w.pick_hint_id>{w.pick_hint}</p>
                    <div class="cmp-options">{route_boxes}</div>
                </fieldset>
                <fieldset class="cmp-fieldset cmp-views">
                    <legend>"Show the comparison as"</legend>
                    <p class="cmp-hint">{w.view_hint}</p>
                    <div class="cmp-options">{view_radios}</div>
                </fieldset>
                <fieldset class="cmp-fieldset cmp-topics">
                    <legend>"Topics"</legend>
                    <div class="cmp-options">{topic_boxes}</div>
                </fieldset>
                <div class="cmp-actions">
                    <button type="button" class="cmp-clear" on:click=clear>
                        "Clear my choices"
                    </button>
                </div>
            </div>
        }
    };

    let intro = move || {
        let about_routes = data.with_value(|c| {
            c.routes
                .iter()
                .map(|route| {
                    view! {
                        <dt>{route.name.clone()}</dt>
                        <dd>{route.description.clone()}</dd>
                    }
                })
                .collect_view()
        });
        let caution = data.with_value(|c| c.caution.clone()).map(|caution| {
            view! {
                <div class="note note-caution cmp-caution" role="note">
                    <p>
                        <strong class="note-label">"Caution: "</strong>
                        {caution.text}
                        " "
                        <Citations keys=caution.cite/>
                    </p>
                </div>
            }
        });
        view! {
            <p class="comparison-intro">{data.with_value(|c| c.intro.clone())}</p>
            {caution}
            <details class="more cmp-about-routes">
                <summary>{w.about}</summary>
                <dl class="more-body">{about_routes}</dl>
            </details>
        }
    };

    // The results: the status line and the chosen layout. Their rows start growing
    // when this part is built, not before.
    let results = move || {
        let caption = data.with_value(|c| c.caption.clone());
        // Built in the background while its section is closed, a comparison adds a few rows
        // per task, so the page never stops answering; opened (or printed), it has them all.
        let limit = data.with_value(|c| {
            built_in_steps(
                c.rows.len(),
                (ANSWERS_PER_TASK / c.routes.len().max(1)).max(1),
            )
        });
        // The "by route" layout shows one route's answers, rebuilt whole: it takes them all.
        let rows = Memo::new(move |_| {
            let limit = if mode.get() == ViewMode::ByRoute {
                usize::MAX
            } else {
                limit.get()
            };
            choices.with(|chosen| data.with_value(|c| shown_rows(c, chosen, limit)))
        });
        // The layouts. The table is built when it is the chosen layout, or when the page is
        // printed (the print event comes before the browser lays out the printout): kept up
        // to date beside a card layout, it doubled the cost of starting and of every filter.
        // Shown on its own (no reader, as in the component tests) it is always there.
        let printing = use_context::<Reader>().map(|reader| reader.printing);
        let table_built = Memo::new(move |_| {
            mode.get() == ViewMode::Table || printing.is_none_or(|printing| printing.get())
        });
        let table_caption = caption.clone();
        let table = move || {
            table_built.get().then(|| {
                let class = move || {
                    if mode.get() == ViewMode::Table {
                        "cmp-table-wrap"
                    } else {
                        "cmp-table-wrap cmp-print-only"
                    }
                };
                view! {
                    <div class=class role="region" aria-labelledby=w.caption_id tabindex="0">
                        {views::table(table_caption.clone(), routes, rows, w)}
                    </div>
                }
            })
        };
        let other_layout = move || match mode.get() {
            ViewMode::Table => ().into_any(),
            ViewMode::ByQuestion => view! {
                <div class="cmp-layout cmp-by-question">
                    <h3 class="cmp-results-heading">{caption.clone()}</h3>
                    {views::by_question(routes, rows, w)}
                </div>
            }
            .into_any(),
            ViewMode::ByRoute => {
                let pickers = routes
                    .get()
                    .into_iter()
                    .map(|route| {
                        let checked_id = route.id.clone();
                        let pick_id = route.id.clone();
                        view! {
                            <label class="cmp-choice">
                                <input
                                    type="radio"
                                    name=w.focus_name
                                    value=route.id.clone()
                                    prop:checked=move || {
                                        choices.with(|chosen| {
                                            data.with_value(|c| {
                                                focused_route(c, chosen, focus.get().as_deref())
                                                    .is_some_and(|r| r.id == checked_id)
                                            })
                                        })
                                    }
                                    on:change=move |_| focus.set(Some(pick_id.clone()))
                                />
                                <span>{route.short_name.clone()}</span>
                            </label>
                        }
                    })
                    .collect_view();
                let focused = move || {
                    let route = choices.with(|chosen| {
                        data.with_value(|c| {
                            focused_route(c, chosen, focus.get().as_deref()).cloned()
                        })
                    });
                    route.map(|route| views::by_route(route, rows.get(), w))
                };
                view! {
                    <div class="cmp-layout cmp-by-route">
                        <h3 class="cmp-results-heading">{caption.clone()}</h3>
                        <fieldset class="cmp-fieldset cmp-focus">
                            <legend>{w.focus_legend}</legend>
                            <div class="cmp-options">{pickers}</div>
                        </fieldset>
                        {focused}
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <p class="cmp-status" aria-live="polite" aria-atomic="true">{move || status.get()}</p>
            {table}
            {other_layout}
        }
    };

    let timelines = move || {
        let routes = routes.get();
        data.with_value(|c| {
            let minutes = longest_visit(c);
            let visits = busiest_week(c);
            routes
                .iter()
                .filter_map(|route| {
                    timeline_for(c, &route.id)
                        .map(|t| timeline::route_timeline(route, t, minutes, visits))
                })
                .collect_view()
        })
    };

    let timelines_part = move || {
        let has_timelines = data.with_value(|c| !c.timelines.is_empty());
        has_timelines.then(|| {
            view! {
                <div class="cmp-timelines">
                    <h3>"What a typical visit and the first 8 weeks look like"</h3>
                    {timelines}
                </div>
            }
        })
    };

    // Built in the background while its section is closed, the comparison comes one part
    // per task (its introduction, its controls, its results, its timelines), so no task
    // keeps a slow phone from answering; opened (or printed), it has every part at once.
    view! {
        <div class="comparison">
            {parts_in_steps(
                Part::ALL.len(),
                Arc::new(move |part| match Part::ALL[part] {
                    Part::Intro => intro().into_any(),
                    Part::Controls => controls().into_any(),
                    Part::Results => results().into_any(),
                    Part::Timelines => timelines_part().into_any(),
                }),
            )}
        </div>
    }
}
