//! The visit planner and the cost estimate: a start date and a treatment give the
//! sessions of the first 8 weeks, with what each needs, a calendar file, and the cost
//! from the reader's own clinic price. The inputs stay on this device.

use leptos::prelude::*;

use super::blocks::Citations;
use crate::browser;
use crate::content::{Paragraph, Planner};
use crate::state::calendar::{calendar, utc_stamp};
use crate::state::cost::{AmountError, estimate, format_dollars, parse_dollars, parse_percent};
use crate::state::planner::{
    Field, FieldError, PLANNER_KEY, Plan, PlannerInputs, calendar_events, duration_text, make_plan,
};

const SAVE_PROBLEM: &str =
    "Your entries could not be saved on this device, so they will be gone after a reload.";

fn sourced(paragraph: Paragraph) -> impl IntoView {
    view! { {paragraph.text} <Citations keys=paragraph.cite/> }
}

/// A text field with its label, an optional hint, and its message when it is wrong.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    value: Signal<String>,
    error: Signal<Option<String>>,
    on_input: Callback<String>,
    on_change: Callback<()>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "decimal")] mode: &'static str,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="plan-field">
            <label for=id>{label}</label>
            {hint.map(|hint| view! { <p class="plan-hint" id=hint_id>{hint}</p> })}
            <input
                type=kind
                id=id
                inputmode=mode
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:change=move |_| on_change.run(())
            />
            <p class="plan-error" id=error_id>{move || error.get()}</p>
        </div>
    }
}

#[component]
pub fn VisitPlanner(planner: Planner) -> impl IntoView {
    let planner = StoredValue::new(planner);
    let inputs = RwSignal::new(PlannerInputs::from_storage(
        browser::storage_get(PLANNER_KEY).as_deref(),
    ));
    // Messages show once the reader has left a field, or asked for the plan.
    let touched = RwSignal::new(Vec::<Field>::new());
    let asked = RwSignal::new(!inputs.with_untracked(PlannerInputs::is_empty));
    let save_problem = RwSignal::new(false);
    let export_status = RwSignal::new(String::new());

    let erased = window_event_listener(
        leptos::ev::Custom::new("ketamine-guide:erased"),
        move |_: web_sys::CustomEvent| {
            inputs.set(PlannerInputs::default());
            touched.set(Vec::new());
            asked.set(false);
            save_problem.set(false);
            export_status.set(String::new());
        },
    );
    on_cleanup(move || erased.remove());

    let edit = move |change: fn(&mut PlannerInputs, String), value: String| {
        inputs.update(|i| change(i, value));
        let saved = inputs.with_untracked(|i| {
            if i.is_empty() {
                browser::storage_remove(PLANNER_KEY)
            } else {
                browser::storage_set(PLANNER_KEY, &i.to_storage())
            }
        });
        save_problem.set(saved.is_err());
        export_status.set(String::new());
    };
    let touch = move |field: Field| {
        touched.update(|t| {
            if !t.contains(&field) {
                t.push(field);
            }
        })
    };

    let plan = Memo::new(move |_| inputs.with(|i| planner.with_value(|p| make_plan(p, i))));
    let error_for = move |field: Field| {
        Signal::derive(move || {
            if !asked.get() && !touched.with(|t| t.contains(&field)) {
                return None;
            }
            plan.with(|result| match result {
                Err(errors) => errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e: &FieldError| e.message.clone()),
                Ok(_) => None,
            })
        })
    };
    let start_error = error_for(Field::Start);

    let ride = planner.with_value(|p| p.ride.clone());
    let schedules = planner.with_value(|p| p.schedules.clone());
    let chosen = move || {
        inputs.with(|i| {
            planner.with_value(|p| {
                crate::state::planner::chosen_schedule(p, &i.schedule)
                    .map(|s| s.id.clone())
                    .unwrap_or_default()
            })
        })
    };
    let custom_chosen = move || {
        let id = chosen();
        planner.with_value(|p| p.schedules.iter().any(|s| s.id == id && s.is_custom()))
    };

    let choices = schedules
        .into_iter()
        .map(|schedule| {
            let id = schedule.id.clone();
            let input_id = format!("plan-schedule-{id}");
            let about_id = format!("{input_id}-about");
            let value = id.clone();
            let checked = {
                let id = id.clone();
                move || chosen() == id
            };
            view! {
                <div class="plan-choice">
                    <input
                        type="radio"
                        name="plan-schedule"
                        id=input_id.clone()
                        value=id
                        aria-describedby=about_id.clone()
                        prop:checked=checked
                        on:change=move |_| edit(|i, v| i.schedule = v, value.clone())
                    />
                    <label for=input_id>{schedule.label}</label>
                    <p class="plan-hint" id=about_id>{sourced(schedule.about)}</p>
                </div>
            }
        })
        .collect_view();

    let export = move |_| {
        let Ok(plan) = plan.get_untracked() else {
            asked.set(true);
            return;
        };
        let stamp = browser::now_utc_iso()
            .as_deref()
            .and_then(utc_stamp)
            .unwrap_or_else(|| "19700101T000000Z".to_owned());
        let ride = planner.with_value(|p| p.ride.text.clone());
        let file = calendar(&calendar_events(&plan, &ride), &stamp);
        export_status.set(
            match browser::download_text("ketamine-visits.ics", "text/calendar", &file) {
                Ok(()) => format!(
                    "Your calendar file, ketamine-visits.ics, has {} visits. Open it to add them to your calendar.",
                    plan.visits()
                ),
                Err(_) => "This browser could not save the calendar file.".to_owned(),
            },
        );
    };

    let results = move || {
        match plan.get() {
        Ok(plan) => plan_view(plan, ride.clone()).into_any(),
        Err(_) => view! {
            <p class="plan-empty">
                "Choose a start date and a treatment above to see your visits for the first 8 weeks."
            </p>
        }
        .into_any(),
    }
    };

    view! {
        <div class="planner">
            <p class="plan-privacy">
                "What you enter here stays in this browser on this device. It is not sent anywhere."
            </p>
            <form class="plan-form" on:submit=move |ev| {
                ev.prevent_default();
                asked.set(true);
                if start_error.get_untracked().is_some() {
                    browser::focus_element("plan-start");
                }
            }>
                <div class="plan-field">
                    <label for="plan-start">"Date of your first session"</label>
                    <input
                        type="date"
                        id="plan-start"
                        aria-describedby="plan-start-error"
                        aria-invalid=move || start_error.with(Option::is_some).to_string()
                        prop:value=move || inputs.with(|i| i.start.clone())
                        on:input=move |ev| edit(|i, v| i.start = v, event_target_value(&ev))
                        on:change=move |ev| {
                            edit(|i, v| i.start = v, event_target_value(&ev));
                            touch(Field::Start);
                        }
                    />
                    <p class="plan-error" id="plan-start-error">{move || start_error.get()}</p>
                </div>
                <fieldset class="plan-choices">
                    <legend>"Treatment"</legend>
                    {choices}
                </fieldset>
                <Show when=custom_chosen>
                    <div class="plan-custom">
                        <TextField
                            id="plan-per-week"
                            label="Sessions a week"
                            hint="A whole number from 1 to 7."
                            mode="numeric"
                            value=Signal::derive(move || inputs.with(|i| i.per_week.clone()))
                            error=error_for(Field::PerWeek)
                            on_input=Callback::new(move |v| edit(|i, v| i.per_week = v, v))
                            on_change=Callback::new(move |()| touch(Field::PerWeek))
                        />
                        <TextField
                            id="plan-weeks"
                            label="For how many weeks"
                            hint="From 1 to 52. The list shows the first 8."
                            mode="numeric"
                            value=Signal::derive(move || inputs.with(|i| i.weeks.clone()))
                            error=error_for(Field::Weeks)
                            on_input=Callback::new(move |v| edit(|i, v| i.weeks = v, v))
                            on_change=Callback::new(move |()| touch(Field::Weeks))
                        />
                    </div>
                </Show>
                <button type="submit" class="button">"Show my visits"</button>
            </form>
            <div role="status" class="plan-save-problem">
                {move || save_problem.get().then(|| view! { <p class="notice notice-info">{SAVE_PROBLEM}</p> })}
            </div>
            <div class="plan-results">{results}</div>
            <div class="plan-actions">
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || plan.with(Result::is_err).to_string()
                    on:click=export
                >
                    "Add to my calendar (.ics file)"
                </button>
                <p class="plan-status" role="status">{move || export_status.get()}</p>
            </div>
            <CostEstimate planner inputs edit plan/>
        </div>
    }
}

/// The totals, what happens after week 8, and one row per session.
fn plan_view(plan: Plan, ride: Paragraph) -> impl IntoView {
    let schedule = plan.schedule.clone();
    let visits = plan.visits();
    let rows = plan
        .sessions
        .iter()
        .map(|session| {
            view! {
                <li class="plan-row">
                    <p class="plan-when">
                        <strong>
                            <time datetime=session.date.iso()>{session.date.long()}</time>
                        </strong>
                        <span class="plan-week">{format!("Week {}", session.week)}</span>
                    </p>
                    <ul class="plan-needs">
                        <li>{schedule.plan_time.text.clone()}</li>
                        <li>{ride.text.clone()}</li>
                        <li>{schedule.driving.text.clone()}</li>
                    </ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <h3 class="plan-heading" id="plan-heading">"Your visits in the first 8 weeks"</h3>
        <dl class="plan-totals">
            <div><dt>"Visits"</dt><dd id="plan-total-visits">{visits}</dd></div>
            <div>
                <dt>"Time at the clinic"</dt>
                <dd>{format!("about {}", duration_text(plan.clinic_minutes()))}</dd>
            </div>
            <div><dt>"Rides home"</dt><dd>{plan.rides()}</dd></div>
        </dl>
        <p class="plan-later">
            <strong>"After week 8: "</strong>
            {sourced(schedule.later.clone())}
        </p>
        <ol class="plan-list" aria-labelledby="plan-heading">{rows}</ol>
        <div class="plan-sources">
            <p>"Where these rules come from:"</p>
            <ul>
                <li>{sourced(schedule.plan_time.clone())}</li>
                <li>{sourced(ride)}</li>
                <li>{sourced(schedule.driving.clone())}</li>
            </ul>
        </div>
    }
}

#[component]
fn CostEstimate(
    planner: StoredValue<Planner>,
    inputs: RwSignal<PlannerInputs>,
    edit: impl Fn(fn(&mut PlannerInputs, String), String) + Copy + Send + Sync + 'static,
    plan: Memo<Result<Plan, Vec<FieldError>>>,
) -> impl IntoView {
    let heading = planner.with_value(|p| p.cost_heading.clone());
    let intro = planner.with_value(|p| p.cost_intro.clone());
    let money = |text: &str| parse_dollars(text).map_err(AmountError::money_message);
    let price = Memo::new(move |_| inputs.with(|i| money(&i.price)));
    let extras = Memo::new(move |_| inputs.with(|i| money(&i.extras)));
    let share = Memo::new(move |_| {
        inputs.with(|i| parse_percent(&i.share).map_err(AmountError::percent_message))
    });
    let message = |result: Result<Option<u64>, &'static str>| result.err().map(str::to_owned);

    let result = move || {
        let Ok(plan) = plan.get() else {
            return view! { <p class="plan-empty">"Choose a start date and a treatment above first."</p> }
                .into_any();
        };
        let (Ok(price), Ok(extras), Ok(share)) = (price.get(), extras.get(), share.get()) else {
            return view! { <p class="plan-empty">"Please check the amounts above."</p> }
                .into_any();
        };
        let Some(price) = price else {
            return view! { <p class="plan-empty">"Enter your clinic’s price for one session to see an estimate."</p> }
                .into_any();
        };
        let e = estimate(
            price,
            extras.unwrap_or(0),
            share.unwrap_or(0),
            plan.visits(),
            plan.later_per_4_weeks,
        );
        let insured = share.unwrap_or(0) > 0;
        let paid = move |total: u64, yours: u64| {
            if insured {
                format!(
                    "{} (you pay {})",
                    format_dollars(total),
                    format_dollars(yours)
                )
            } else {
                format_dollars(total)
            }
        };
        let later = match e.later_per_4_weeks {
            Some((low, high)) if low == high => format_dollars(low),
            Some((low, high)) => format!("{} to {}", format_dollars(low), format_dollars(high)),
            None => "No standard plan after week 8: ask your clinic.".to_owned(),
        };
        let later = if insured && e.later_per_4_weeks.is_some() {
            format!("{later} (what you pay)")
        } else {
            later
        };
        view! {
            <dl class="cost-totals">
                <div><dt>"One session"</dt><dd>{paid(e.per_session, e.you_pay_per_session)}</dd></div>
                <div>
                    <dt>{format!("First 8 weeks ({} sessions)", plan.visits())}</dt>
                    <dd id="cost-first-weeks">{paid(e.first_weeks, e.you_pay_first_weeks)}</dd>
                </div>
                <div><dt>"Each month after week 8 (4 weeks)"</dt><dd id="cost-later">{later}</dd></div>
            </dl>
        }
        .into_any()
    };

    view! {
        <section class="cost-estimate" aria-labelledby="cost-estimate-heading">
            <h3 id="cost-estimate-heading">{heading}</h3>
            <p>
                {sourced(intro)} " See "
                <a href="#cost">"Cost and insurance"</a>
                " and "
                <a href="#questions">"the questions to ask"</a>
                " the clinic and your insurer."
            </p>
            <TextField
                id="cost-price"
                label="Price per session from your clinic, in dollars"
                value=Signal::derive(move || inputs.with(|i| i.price.clone()))
                error=Signal::derive(move || message(price.get()))
                on_input=Callback::new(move |v| edit(|i, v| i.price = v, v))
                on_change=Callback::new(|()| {})
            />
            <TextField
                id="cost-extras"
                label="Extra costs per session, if any, in dollars"
                hint="For example a medication or observation fee."
                value=Signal::derive(move || inputs.with(|i| i.extras.clone()))
                error=Signal::derive(move || message(extras.get()))
                on_input=Callback::new(move |v| edit(|i, v| i.extras = v, v))
                on_change=Callback::new(|()| {})
            />
            <TextField
                id="cost-share"
                label="Share your insurance pays, in percent, if known"
                value=Signal::derive(move || inputs.with(|i| i.share.clone()))
                error=Signal::derive(move || message(share.get()))
                on_input=Callback::new(move |v| edit(|i, v| i.share = v, v))
                on_change=Callback::new(|()| {})
            />
            <div class="cost-result" role="status">{result}</div>
        </section>
    }
}
