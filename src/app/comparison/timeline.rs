//! A picture per route of one typical visit and of the first 8 weeks, drawn from the
//! content, each with words beside it: the steps as a list, the weeks as text.
//! Positions across are percentages (from `state::comparison`), so the pictures fit
//! any width and their labels keep their size.

use leptos::prelude::*;

use super::super::blocks::Citations;
use crate::content::{Route, RouteTimeline};
use crate::state::comparison::{
    fixed_point, minutes_text, total_visits, visit_minutes, visit_segments, visits_text, week_bars,
};

/// Height of the visit bar, in pixels.
const VISIT_BAR: f64 = 40.0;
/// Tallest week bar, and where the baseline sits, in pixels.
const WEEK_BAR: f64 = 56.0;
const BASELINE: f64 = 82.0;
/// A step narrower than this (percent of the width) has no number drawn inside it.
const NUMBER_FITS: f64 = 6.0;

fn percent(value: f64) -> String {
    format!("{}%", fixed_point(value, 3))
}

fn px(value: f64) -> String {
    fixed_point(value, 1)
}

/// Alternating fills keep neighbouring steps apart; the numbers and the list say
/// which step is which, so colour carries no meaning of its own.
fn step_class(number: usize) -> &'static str {
    if number % 2 == 1 {
        "cmp-seg-a"
    } else {
        "cmp-seg-b"
    }
}

/// One route's timelines. `scale_minutes` and `scale_visits` are shared by all routes,
/// so a longer bar always means a longer visit or more visits.
pub fn route_timeline(
    route: &Route,
    timeline: &RouteTimeline,
    scale_minutes: u32,
    scale_visits: u8,
) -> impl IntoView + use<> {
    let id = format!("cmp-tl-{}", route.id);
    let heading_id = format!("{id}-heading");
    let visit_title_id = format!("{id}-visit-title");
    let weeks_title_id = format!("{id}-weeks-title");
    let name = route.short_name.clone();
    let total_minutes = visit_minutes(&timeline.visit);
    let steps = timeline.visit.len();

    let segments = visit_segments(&timeline.visit, scale_minutes);
    let rects = segments
        .iter()
        .map(|s| {
            // A step too narrow for its number has it just below the bar.
            let inside = s.width_percent >= NUMBER_FITS;
            let label = view! {
                <text
                    class=if inside { format!("{}-text", step_class(s.number)) } else { "cmp-seg-below".to_owned() }
                    x=percent(s.start_percent + s.width_percent / 2.0)
                    y=px(if inside { VISIT_BAR / 2.0 + 6.0 } else { VISIT_BAR + 16.0 })
                    text-anchor="middle"
                >
                    {s.number}
                </text>
            };
            view! {
                <rect
                    class=format!("cmp-seg {}", step_class(s.number))
                    x=percent(s.start_percent)
                    y="0"
                    width=percent(s.width_percent)
                    height=px(VISIT_BAR)
                ></rect>
                {label}
            }
        })
        .collect_view();
    let step_items = timeline
        .visit
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let number = i + 1;
            view! {
                <li>
                    <span class=format!("cmp-step-key {}", step_class(number)) aria-hidden="true">
                        {number}
                    </span>
                    <span class="cmp-step-label">
                        {step.label.clone()}
                        <span class="cmp-step-minutes">
                            {format!(" (about {})", minutes_text(u32::from(step.minutes)))}
                        </span>
                    </span>
                </li>
            }
        })
        .collect_view();

    let bars = week_bars(&timeline.weekly_visits, scale_visits, WEEK_BAR);
    let bar_views = bars
        .iter()
        .map(|bar| {
            let centre = percent(bar.x_percent + bar.width_percent / 2.0);
            view! {
                <rect
                    class="cmp-week-bar"
                    x=percent(bar.x_percent)
                    y=px(BASELINE - bar.height)
                    width=percent(bar.width_percent)
                    height=px(bar.height)
                ></rect>
                <text
                    class="cmp-week-count"
                    x=centre.clone()
                    y=px(BASELINE - bar.height - 6.0)
                    text-anchor="middle"
                >
                    {bar.visits}
                </text>
                <text class="cmp-week-number" x=centre y=px(BASELINE + 22.0) text-anchor="middle">
                    {bar.week}
                </text>
            }
        })
        .collect_view();
    let week_numbers = timeline
        .weekly_visits
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let week_items = timeline
        .weekly_visits
        .iter()
        .enumerate()
        .map(|(i, &visits)| {
            view! { <li>{format!("Week {}: {}", i + 1, visits_text(u32::from(visits)))}</li> }
        })
        .collect_view();
    let weeks_count = timeline.weekly_visits.len();
    let all_visits = total_visits(&timeline.weekly_visits);

    view! {
        <section class="cmp-timeline" aria-labelledby=heading_id.clone() data-route=route.id.clone()>
            <h4 id=heading_id.clone()>{route.name.clone()}</h4>
            <p class="cmp-tl-lead">
                {format!("One typical visit: about {} in all.", minutes_text(total_minutes))}
            </p>
            <svg
                class="cmp-visit"
                role="img"
                aria-labelledby=visit_title_id.clone()
                width="100%"
                height=px(VISIT_BAR + 20.0)
                focusable="false"
            >
                <title id=visit_title_id.clone()>
                    {format!(
                        "{name}: one typical visit of about {}, in {steps} steps, listed below.",
                        minutes_text(total_minutes),
                    )}
                </title>
                <rect class="cmp-track" x="0" y="0" width="100%" height=px(VISIT_BAR)></rect>
                {rects}
            </svg>
            <ol class="cmp-steps">{step_items}</ol>
            <p class="cmp-tl-lead">
                {format!(
                    "The first {weeks_count} weeks: {} in all. Bars show visits in each week; the numbers under them are the weeks.",
                    visits_text(all_visits),
                )}
            </p>
            <svg
                class="cmp-weeks"
                role="img"
                aria-labelledby=weeks_title_id.clone()
                width="100%"
                height=px(BASELINE + 30.0)
                focusable="false"
            >
                <title id=weeks_title_id.clone()>
                    {format!("{name}: visits in each of weeks 1 to {weeks_count}: {week_numbers}.")}
                </title>
                <line class="cmp-baseline" x1="0" x2="100%" y1=px(BASELINE) y2=px(BASELINE)></line>
                {bar_views}
            </svg>
            <details class="cmp-tl-text">
                <summary>"Weeks as text"</summary>
                <ul>{week_items}</ul>
            </details>
            <p class="cmp-tl-note">{timeline.note.clone()} <Citations keys=timeline.cite.clone()/></p>
        </section>
    }
}
