//! What the reader has chosen in the side-by-side comparison of routes, as pure logic:
//! which routes are shown (always at least two), which topics, which concerns matter
//! most to them and how the comparison is laid out. Also the order of the rows, the
//! status line, the stored form and the geometry of the timeline pictures.
//!
//! Nothing here ranks the routes: priorities only move the questions a reader cares
//! about to the top, in the content's own order.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::content::{Comparison, ComparisonRow, Route, RouteTimeline, VisitStep};

/// Where the choices are kept on the reader's device (localStorage).
pub const STORAGE_KEY: &str = "ketamine-guide.comparison.choices";
/// Bumped when the stored shape changes; older values are ignored, not misread.
pub const STORAGE_VERSION: u64 = 1;
/// A comparison needs at least this many routes side by side.
pub const MIN_ROUTES: usize = 2;

/// What tells the two comparisons apart on the page: what a column is called, where
/// the choices are kept, and the element ids and input names (unique on the page).
/// Everything else (components, layouts, rules) is shared.
#[derive(Debug, PartialEq, Eq)]
pub struct Wording {
    pub storage_key: &'static str,
    /// A column, and columns: "route", "routes".
    pub one: &'static str,
    pub many: &'static str,
    pub about: &'static str,
    pub pick_legend: &'static str,
    pub pick_hint: &'static str,
    pub view_hint: &'static str,
    pub priorities_hint: &'static str,
    pub by_column: &'static str,
    pub focus_legend: &'static str,
    pub column_questions: &'static str,
    pub no_answer: &'static str,
    pub caption_id: &'static str,
    pub controls_id: &'static str,
    pub pick_hint_id: &'static str,
    pub priority_name: &'static str,
    pub pick_name: &'static str,
    pub topic_name: &'static str,
    pub view_name: &'static str,
    pub focus_name: &'static str,
    /// Begins the ids of the glossary terms marked in the answers, so the two
    /// comparisons (and each one's layouts) never give two elements one id.
    pub terms_scope: &'static str,
}

/// The comparison of ways ketamine is given.
pub const ROUTES: Wording = Wording {
    storage_key: STORAGE_KEY,
    one: "route",
    many: "routes",
    about: "What each route is",
    pick_legend: "Routes to compare",
    pick_hint: "Pick any two, or all of them. At least two always stay selected, so there is something to compare.",
    view_hint: "The table needs a wide screen. On a phone, “By question” or “By route” is easier to read.",
    priorities_hint: "This does not rank the routes. Your choices stay on this device.",
    by_column: "By route",
    focus_legend: "Route to read",
    column_questions: "Questions you could ask about this route",
    no_answer: "No answer is given for this route.",
    caption_id: "cmp-caption",
    controls_id: "cmp-controls-heading",
    pick_hint_id: "cmp-routes-hint",
    priority_name: "cmp-priority",
    pick_name: "cmp-route",
    topic_name: "cmp-topic",
    view_name: "cmp-view",
    focus_name: "cmp-focus",
    terms_scope: "cmp",
};

/// Where the choices in the comparison of ketamine with the other options are kept.
pub const OPTIONS_STORAGE_KEY: &str = "ketamine-guide.options.choices";

/// The comparison of ketamine with the other options.
pub const OPTIONS: Wording = Wording {
    storage_key: OPTIONS_STORAGE_KEY,
    one: "option",
    many: "options",
    about: "What each option is",
    pick_legend: "Options to compare",
    pick_hint: "Pick any two, or all of them. At least two always stay selected, so there is something to compare.",
    view_hint: "The table needs a wide screen. On a phone, “By question” or “By option” is easier to read.",
    priorities_hint: "This does not rank the options. Your choices stay on this device.",
    by_column: "By option",
    focus_legend: "Option to read",
    column_questions: "Questions you could ask about this option",
    no_answer: "No answer is given for this option.",
    caption_id: "opt-caption",
    controls_id: "opt-controls-heading",
    pick_hint_id: "opt-routes-hint",
    priority_name: "opt-priority",
    pick_name: "opt-route",
    topic_name: "opt-topic",
    view_name: "opt-view",
    focus_name: "opt-focus",
    terms_scope: "opt",
};

/// How the comparison is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewMode {
    /// A table: questions down the side, routes across the top.
    Table,
    /// One question at a time, with an answer per route.
    ByQuestion,
    /// One route at a time, with all its answers.
    ByRoute,
}

impl ViewMode {
    pub const ALL: [ViewMode; 3] = [ViewMode::Table, ViewMode::ByQuestion, ViewMode::ByRoute];

    /// The stable name used in storage and in element ids.
    pub fn id(self) -> &'static str {
        match self {
            ViewMode::Table => "table",
            ViewMode::ByQuestion => "by-question",
            ViewMode::ByRoute => "by-route",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ViewMode::Table => "Table",
            ViewMode::ByQuestion => "By question",
            ViewMode::ByRoute => "By route",
        }
    }

    pub fn from_id(id: &str) -> Option<ViewMode> {
        ViewMode::ALL.into_iter().find(|mode| mode.id() == id)
    }
}

/// The reader's choices. Routes and topics are stored as the ones *hidden*, so a
/// route or topic added to the content later is shown without the reader asking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComparisonChoices {
    /// Route ids the reader has hidden.
    pub hidden_routes: BTreeSet<String>,
    /// Topic ids the reader has filtered out.
    pub hidden_topics: BTreeSet<String>,
    /// Concern ids that matter most to the reader.
    pub priorities: BTreeSet<String>,
    /// The layout the reader picked; `None` lets the page choose by screen width.
    pub view: Option<ViewMode>,
}

impl ComparisonChoices {
    /// Reads stored choices. Anything missing, corrupt, from another version or naming
    /// ids the content no longer has gives the defaults for that part; never panics.
    pub fn from_storage(stored: Option<&str>, comparison: &Comparison) -> Self {
        let Some(value) = stored.and_then(|text| serde_json::from_str::<Value>(text).ok()) else {
            return Self::default();
        };
        if value.get("version").and_then(Value::as_u64) != Some(STORAGE_VERSION) {
            return Self::default();
        }
        let ids = |field: &str| -> BTreeSet<String> {
            value
                .get(field)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let choices = ComparisonChoices {
            hidden_routes: ids("hidden_routes"),
            hidden_topics: ids("hidden_topics"),
            priorities: ids("priorities"),
            view: value
                .get("view")
                .and_then(Value::as_str)
                .and_then(ViewMode::from_id),
        };
        choices.normalized(comparison)
    }

    /// The stored form (JSON with a version number).
    pub fn to_storage(&self) -> String {
        json!({
            "version": STORAGE_VERSION,
            "hidden_routes": self.hidden_routes,
            "hidden_topics": self.hidden_topics,
            "priorities": self.priorities,
            "view": self.view.map(ViewMode::id),
        })
        .to_string()
    }

    /// Drops ids the content does not have and shows every route again if fewer
    /// than two would be left.
    pub fn normalized(mut self, comparison: &Comparison) -> Self {
        let routes: BTreeSet<&str> = comparison.routes.iter().map(|r| r.id.as_str()).collect();
        let topics: BTreeSet<&str> = comparison.topics.iter().map(|t| t.id.as_str()).collect();
        let concerns: BTreeSet<&str> = comparison.concerns.iter().map(|c| c.id.as_str()).collect();
        self.hidden_routes.retain(|id| routes.contains(id.as_str()));
        self.hidden_topics.retain(|id| topics.contains(id.as_str()));
        self.priorities.retain(|id| concerns.contains(id.as_str()));
        if comparison.routes.len() - self.hidden_routes.len() < MIN_ROUTES {
            self.hidden_routes.clear();
        }
        self
    }

    /// True when nothing differs from a first visit: there is nothing to store.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    pub fn is_route_shown(&self, route_id: &str) -> bool {
        !self.hidden_routes.contains(route_id)
    }

    pub fn is_topic_shown(&self, topic_id: &str) -> bool {
        !self.hidden_topics.contains(topic_id)
    }

    pub fn is_priority(&self, concern_id: &str) -> bool {
        self.priorities.contains(concern_id)
    }

    /// Whether the reader may hide this route now: it is shown, and more than
    /// [`MIN_ROUTES`] routes are shown.
    pub fn can_hide_route(&self, comparison: &Comparison, route_id: &str) -> bool {
        self.is_route_shown(route_id) && visible_routes(comparison, self).len() > MIN_ROUTES
    }

    /// Shows or hides a route. Refuses (returns `false`) to go below two routes or to
    /// act on a route the content does not have.
    pub fn set_route_shown(
        &mut self,
        comparison: &Comparison,
        route_id: &str,
        shown: bool,
    ) -> bool {
        if !comparison.routes.iter().any(|r| r.id == route_id) {
            return false;
        }
        if shown {
            self.hidden_routes.remove(route_id)
        } else if self.can_hide_route(comparison, route_id) {
            self.hidden_routes.insert(route_id.to_owned())
        } else {
            false
        }
    }

    /// Shows or filters out a topic's rows. Unknown topics are ignored.
    pub fn set_topic_shown(
        &mut self,
        comparison: &Comparison,
        topic_id: &str,
        shown: bool,
    ) -> bool {
        if !comparison.topics.iter().any(|t| t.id == topic_id) {
            return false;
        }
        if shown {
            self.hidden_topics.remove(topic_id)
        } else {
            self.hidden_topics.insert(topic_id.to_owned())
        }
    }

    /// Marks or unmarks a concern as mattering to the reader. Unknown concerns are ignored.
    pub fn set_priority(&mut self, comparison: &Comparison, concern_id: &str, on: bool) -> bool {
        if !comparison.concerns.iter().any(|c| c.id == concern_id) {
            return false;
        }
        if on {
            self.priorities.insert(concern_id.to_owned())
        } else {
            self.priorities.remove(concern_id)
        }
    }

    /// The layout to show: the reader's pick, else the table when the screen is wide
    /// enough for it and "by question" when it is not.
    pub fn effective_view(&self, wide_screen: bool) -> ViewMode {
        self.view.unwrap_or(if wide_screen {
            ViewMode::Table
        } else {
            ViewMode::ByQuestion
        })
    }

    /// Whether a row bears on any concern the reader picked.
    pub fn matches_priority(&self, row: &ComparisonRow) -> bool {
        row.concerns.iter().any(|c| self.priorities.contains(c))
    }
}

/// The routes to show, in the content's order.
pub fn visible_routes<'c>(
    comparison: &'c Comparison,
    choices: &ComparisonChoices,
) -> Vec<&'c Route> {
    comparison
        .routes
        .iter()
        .filter(|route| choices.is_route_shown(&route.id))
        .collect()
}

/// The rows to show: those of the chosen topics, with the rows that bear on the
/// reader's priorities first. Within each group the content's order is kept. The flag
/// says whether the row matches a priority (and is marked as mattering to the reader).
pub fn ordered_rows<'c>(
    comparison: &'c Comparison,
    choices: &ComparisonChoices,
) -> Vec<(&'c ComparisonRow, bool)> {
    let shown: Vec<(&ComparisonRow, bool)> = comparison
        .rows
        .iter()
        .filter(|row| choices.is_topic_shown(&row.topic))
        .map(|row| (row, choices.matches_priority(row)))
        .collect();
    let (mut first, rest): (Vec<_>, Vec<_>) = shown.into_iter().partition(|(_, marked)| *marked);
    first.extend(rest);
    first
}

/// The labels of the reader's concerns that a row bears on, in the content's order.
pub fn matching_concern_labels<'c>(
    comparison: &'c Comparison,
    choices: &ComparisonChoices,
    row: &ComparisonRow,
) -> Vec<&'c str> {
    comparison
        .concerns
        .iter()
        .filter(|c| choices.is_priority(&c.id) && row.concerns.contains(&c.id))
        .map(|c| c.label.as_str())
        .collect()
}

/// The route to show in the "by route" layout: the one asked for if it is visible,
/// otherwise the first visible route.
pub fn focused_route<'c>(
    comparison: &'c Comparison,
    choices: &ComparisonChoices,
    wanted: Option<&str>,
) -> Option<&'c Route> {
    let visible = visible_routes(comparison, choices);
    wanted
        .and_then(|id| visible.iter().copied().find(|route| route.id == id))
        .or_else(|| visible.first().copied())
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The status line announced after each change, e.g.
/// "Showing 17 questions for 3 routes, 3 marked as mattering to you."
pub fn status_message(comparison: &Comparison, choices: &ComparisonChoices) -> String {
    status_message_for(comparison, choices, &ROUTES)
}

/// The status line, with the comparison's own word for a column.
pub fn status_message_for(
    comparison: &Comparison,
    choices: &ComparisonChoices,
    wording: &Wording,
) -> String {
    let rows = ordered_rows(comparison, choices);
    let routes = visible_routes(comparison, choices).len();
    if rows.is_empty() {
        return "No questions to show: choose at least one topic.".to_owned();
    }
    let marked = rows.iter().filter(|(_, marked)| *marked).count();
    let mut message = format!(
        "Showing {} for {}",
        plural(rows.len(), "question", "questions"),
        plural(routes, wording.one, wording.many)
    );
    if !choices.priorities.is_empty() {
        message.push_str(&format!(", {marked} marked as mattering to you"));
    }
    message.push('.');
    message
}

/// "1 visit", "2 visits", "no visits".
pub fn visits_text(count: u32) -> String {
    match count {
        0 => "no visits".to_owned(),
        1 => "1 visit".to_owned(),
        n => format!("{n} visits"),
    }
}

/// "1 minute", "40 minutes".
pub fn minutes_text(minutes: u32) -> String {
    if minutes == 1 {
        "1 minute".to_owned()
    } else {
        format!("{minutes} minutes")
    }
}

/// The timeline of a route, if the content has one.
pub fn timeline_for<'c>(comparison: &'c Comparison, route_id: &str) -> Option<&'c RouteTimeline> {
    comparison.timelines.iter().find(|t| t.route == route_id)
}

/// The length of one typical visit, in minutes.
pub fn visit_minutes(steps: &[VisitStep]) -> u32 {
    steps.iter().map(|s| u32::from(s.minutes)).sum()
}

/// The longest typical visit of any route: the common scale of the visit pictures,
/// so a longer bar always means a longer visit.
pub fn longest_visit(comparison: &Comparison) -> u32 {
    comparison
        .timelines
        .iter()
        .map(|t| visit_minutes(&t.visit))
        .max()
        .unwrap_or(0)
}

/// The most visits in any week of any route: the common scale of the week pictures.
pub fn busiest_week(comparison: &Comparison) -> u8 {
    comparison
        .timelines
        .iter()
        .flat_map(|t| t.weekly_visits.iter().copied())
        .max()
        .unwrap_or(0)
}

/// The total number of visits in the weeks shown.
pub fn total_visits(weekly: &[u8]) -> u32 {
    weekly.iter().map(|&n| u32::from(n)).sum()
}

/// One step of a visit, drawn as part of a bar. Positions are percentages of the
/// picture's width, so the picture fits any screen without shrinking its text.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitSegment {
    /// 1-based step number, as in the list of steps beside the picture.
    pub number: usize,
    pub start_percent: f64,
    pub width_percent: f64,
    pub minutes: u16,
}

/// Lays out the steps end to end; `scale_minutes` fills the whole width.
pub fn visit_segments(steps: &[VisitStep], scale_minutes: u32) -> Vec<VisitSegment> {
    let scale = f64::from(scale_minutes.max(visit_minutes(steps)).max(1));
    let mut start = 0.0;
    steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let width = f64::from(step.minutes) / scale * 100.0;
            let segment = VisitSegment {
                number: i + 1,
                start_percent: start,
                width_percent: width,
                minutes: step.minutes,
            };
            start += width;
            segment
        })
        .collect()
}

/// A week's bar. `x_percent` and `width_percent` are percentages of the picture's
/// width; `height` is in pixels, from the baseline up.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekBar {
    /// 1-based week number.
    pub week: usize,
    pub visits: u8,
    pub x_percent: f64,
    pub width_percent: f64,
    pub height: f64,
}

/// One bar per week in equal slots; `scale_visits` visits reach `max_height`.
pub fn week_bars(weekly: &[u8], scale_visits: u8, max_height: f64) -> Vec<WeekBar> {
    let slots = weekly.len().max(1) as f64;
    let slot = 100.0 / slots;
    let scale = f64::from(
        scale_visits
            .max(weekly.iter().copied().max().unwrap_or(0))
            .max(1),
    );
    weekly
        .iter()
        .enumerate()
        .map(|(i, &visits)| WeekBar {
            week: i + 1,
            visits,
            x_percent: slot * i as f64 + slot * 0.2,
            width_percent: slot * 0.6,
            height: f64::from(visits) / scale * max_height,
        })
        .collect()
}

/// `value` with exactly `decimals` digits after the point (rounded half away from
/// zero), for SVG coordinates. Written with integers: Rust's float formatting would
/// add about 20 KB to the wasm for a few numbers in a picture.
pub fn fixed_point(value: f64, decimals: u32) -> String {
    let scale = 10_i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_point_rounds_to_the_nearest_step() {
        assert_eq!(fixed_point(12.3456, 3), "12.346");
        assert_eq!(fixed_point(99.99996, 3), "100.000");
        assert_eq!(fixed_point(0.04, 1), "0.0");
        assert_eq!(fixed_point(-0.04, 1), "0.0");
        assert_eq!(fixed_point(-3.26, 1), "-3.3");
        assert_eq!(fixed_point(40.0, 1), "40.0");
        assert_eq!(fixed_point(7.5, 0), "8");
        for value in [0.0, 1.0, 33.333_333, 66.666_667, 82.0, -12.06] {
            for decimals in [0, 1, 3] {
                let text = fixed_point(value, decimals);
                let digits = text.split('.').nth(1).map_or(0, str::len);
                assert_eq!(digits, decimals as usize, "{text}");
                let step = 10_f64.powi(-(decimals as i32));
                let back: f64 = text.parse().unwrap();
                assert!(
                    (back - value).abs() <= step / 2.0 + 1e-9,
                    "{value} became {text}"
                );
            }
        }
    }

    use crate::content::{Cell, Certainty, Concern, Topic};
    use std::collections::BTreeMap;

    fn route(id: &str) -> Route {
        Route {
            id: id.into(),
            name: format!("{id} route"),
            short_name: id.into(),
            description: "d".into(),
            questions: vec![],
        }
    }

    fn row(id: &str, topic: &str, concerns: &[&str]) -> ComparisonRow {
        let cells: BTreeMap<String, Cell> = ["iv", "nasal", "oral"]
            .iter()
            .map(|r| {
                (
                    (*r).to_owned(),
                    Cell {
                        answer: "a".into(),
                        certainty: Certainty::SomeEvidence,
                        cite: vec!["x".into()],
                        as_of: None,
                        valid_until: None,
                    },
                )
            })
            .collect();
        ComparisonRow {
            id: id.into(),
            question: format!("{id}?"),
            topic: topic.into(),
            concerns: concerns.iter().map(|c| (*c).to_owned()).collect(),
            kind: None,
            cells,
        }
    }

    fn step(minutes: u16) -> VisitStep {
        VisitStep {
            label: "s".into(),
            minutes,
        }
    }

    fn comparison() -> Comparison {
        Comparison {
            caution: None,
            caption: "c".into(),
            intro: "i".into(),
            routes: vec![route("iv"), route("nasal"), route("oral")],
            topics: ["how-given", "safety", "cost-access"]
                .iter()
                .map(|id| Topic {
                    id: (*id).into(),
                    label: id.to_uppercase(),
                })
                .collect(),
            concerns: ["needles", "cost", "driver"]
                .iter()
                .map(|id| Concern {
                    id: (*id).into(),
                    label: id.to_uppercase(),
                })
                .collect(),
            rows: vec![
                row("a", "how-given", &["needles"]),
                row("b", "safety", &[]),
                row("c", "cost-access", &["cost"]),
                row("d", "how-given", &["driver"]),
                row("e", "safety", &["cost", "needles"]),
            ],
            timelines: vec![
                RouteTimeline {
                    route: "iv".into(),
                    visit: vec![step(15), step(40), step(45)],
                    weekly_visits: vec![2, 2, 2, 0, 0, 0, 0, 0],
                    note: "n".into(),
                    cite: vec!["x".into()],
                },
                RouteTimeline {
                    route: "nasal".into(),
                    visit: vec![step(15), step(10), step(120), step(5), step(50)],
                    weekly_visits: vec![2, 2, 2, 2, 1, 1, 1, 1],
                    note: "n".into(),
                    cite: vec!["x".into()],
                },
            ],
        }
    }

    fn ids(rows: &[(&ComparisonRow, bool)]) -> Vec<(String, bool)> {
        rows.iter().map(|(r, m)| (r.id.clone(), *m)).collect()
    }

    fn owned(pairs: &[(&str, bool)]) -> Vec<(String, bool)> {
        pairs.iter().map(|(id, m)| ((*id).to_owned(), *m)).collect()
    }

    #[test]
    fn defaults_show_everything_in_content_order() {
        let c = comparison();
        let choices = ComparisonChoices::default();
        assert_eq!(visible_routes(&c, &choices).len(), 3);
        assert_eq!(
            ids(&ordered_rows(&c, &choices)),
            owned(&[
                ("a", false),
                ("b", false),
                ("c", false),
                ("d", false),
                ("e", false)
            ])
        );
        assert!(choices.is_default());
    }

    #[test]
    fn priority_rows_come_first_and_keep_content_order() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        assert!(choices.set_priority(&c, "cost", true));
        assert_eq!(
            ids(&ordered_rows(&c, &choices)),
            owned(&[
                ("c", true),
                ("e", true),
                ("a", false),
                ("b", false),
                ("d", false)
            ])
        );
        choices.set_priority(&c, "needles", true);
        assert_eq!(
            ids(&ordered_rows(&c, &choices)),
            owned(&[
                ("a", true),
                ("c", true),
                ("e", true),
                ("b", false),
                ("d", false)
            ])
        );
        assert!(choices.set_priority(&c, "cost", false));
        assert_eq!(
            ids(&ordered_rows(&c, &choices))[..2],
            owned(&[("a", true), ("e", true)])[..]
        );
    }

    #[test]
    fn matching_labels_follow_the_content_order() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        choices.set_priority(&c, "needles", true);
        choices.set_priority(&c, "cost", true);
        assert_eq!(
            matching_concern_labels(&c, &choices, &c.rows[4]),
            vec!["NEEDLES", "COST"]
        );
        assert!(matching_concern_labels(&c, &choices, &c.rows[1]).is_empty());
    }

    #[test]
    fn topic_filter_applies_before_ordering() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        assert!(choices.set_topic_shown(&c, "safety", false));
        choices.set_priority(&c, "driver", true);
        assert_eq!(
            ids(&ordered_rows(&c, &choices)),
            owned(&[("d", true), ("a", false), ("c", false)])
        );
        for topic in ["how-given", "cost-access"] {
            choices.set_topic_shown(&c, topic, false);
        }
        assert!(ordered_rows(&c, &choices).is_empty());
        assert_eq!(
            status_message(&c, &choices),
            "No questions to show: choose at least one topic."
        );
        assert!(!choices.set_topic_shown(&c, "no-such-topic", false));
    }

    #[test]
    fn at_least_two_routes_stay_shown() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        assert!(choices.can_hide_route(&c, "iv"));
        assert!(choices.set_route_shown(&c, "iv", false));
        let shown: Vec<_> = visible_routes(&c, &choices)
            .iter()
            .map(|r| r.id.clone())
            .collect();
        assert_eq!(shown, vec!["nasal", "oral"]);
        assert!(!choices.can_hide_route(&c, "nasal"));
        assert!(!choices.set_route_shown(&c, "nasal", false));
        assert!(!choices.can_hide_route(&c, "iv"), "already hidden");
        assert_eq!(visible_routes(&c, &choices).len(), 2);
        assert!(choices.set_route_shown(&c, "iv", true));
        assert!(!choices.set_route_shown(&c, "pill", false));
        assert_eq!(visible_routes(&c, &choices).len(), 3);
    }

    #[test]
    fn focused_route_falls_back_to_the_first_visible() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        assert_eq!(
            focused_route(&c, &choices, Some("oral")).map(|r| r.id.as_str()),
            Some("oral")
        );
        choices.set_route_shown(&c, "oral", false);
        assert_eq!(
            focused_route(&c, &choices, Some("oral")).map(|r| r.id.as_str()),
            Some("iv")
        );
        assert_eq!(
            focused_route(&c, &choices, None).map(|r| r.id.as_str()),
            Some("iv")
        );
    }

    #[test]
    fn view_defaults_to_the_table_only_on_wide_screens() {
        let mut choices = ComparisonChoices::default();
        assert_eq!(choices.effective_view(true), ViewMode::Table);
        assert_eq!(choices.effective_view(false), ViewMode::ByQuestion);
        choices.view = Some(ViewMode::ByRoute);
        assert_eq!(choices.effective_view(true), ViewMode::ByRoute);
        choices.view = Some(ViewMode::Table);
        assert_eq!(choices.effective_view(false), ViewMode::Table);
        for mode in ViewMode::ALL {
            assert_eq!(ViewMode::from_id(mode.id()), Some(mode));
        }
    }

    #[test]
    fn storage_round_trips() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        choices.set_route_shown(&c, "oral", false);
        choices.set_topic_shown(&c, "safety", false);
        choices.set_priority(&c, "needles", true);
        choices.set_priority(&c, "cost", true);
        choices.view = Some(ViewMode::ByRoute);
        let stored = choices.to_storage();
        assert_eq!(ComparisonChoices::from_storage(Some(&stored), &c), choices);
        let plain = ComparisonChoices::default();
        assert_eq!(
            ComparisonChoices::from_storage(Some(&plain.to_storage()), &c),
            plain
        );
    }

    #[test]
    fn corrupt_or_outdated_storage_gives_defaults() {
        let c = comparison();
        for stored in [
            None,
            Some(""),
            Some("not json"),
            Some("{\"version\":"),
            Some("[1,2,3]"),
            Some("null"),
            Some("42"),
            Some("{}"),
            Some("{\"version\": 0, \"priorities\": [\"cost\"]}"),
            Some("{\"version\": 99, \"priorities\": [\"cost\"]}"),
            Some("{\"version\": \"1\", \"priorities\": [\"cost\"]}"),
        ] {
            assert_eq!(
                ComparisonChoices::from_storage(stored, &c),
                ComparisonChoices::default(),
                "{stored:?}"
            );
        }
    }

    #[test]
    fn stored_values_of_the_wrong_type_or_unknown_ids_are_dropped() {
        let c = comparison();
        let stored = r#"{"version": 1, "hidden_routes": "iv", "hidden_topics": [1, null, "safety", "gone"],
            "priorities": ["cost", "teleportation", {"x": 1}], "view": "carousel"}"#;
        let choices = ComparisonChoices::from_storage(Some(stored), &c);
        assert!(choices.hidden_routes.is_empty());
        assert_eq!(choices.hidden_topics, BTreeSet::from(["safety".to_owned()]));
        assert_eq!(choices.priorities, BTreeSet::from(["cost".to_owned()]));
        assert_eq!(choices.view, None);
    }

    #[test]
    fn stored_choices_that_leave_fewer_than_two_routes_show_all() {
        let c = comparison();
        let stored = r#"{"version": 1, "hidden_routes": ["iv", "oral"], "view": "table"}"#;
        let choices = ComparisonChoices::from_storage(Some(stored), &c);
        assert!(choices.hidden_routes.is_empty());
        assert_eq!(choices.view, Some(ViewMode::Table));
    }

    #[test]
    fn status_counts_questions_routes_and_marks() {
        let c = comparison();
        let mut choices = ComparisonChoices::default();
        assert_eq!(
            status_message(&c, &choices),
            "Showing 5 questions for 3 routes."
        );
        choices.set_priority(&c, "cost", true);
        choices.set_route_shown(&c, "iv", false);
        assert_eq!(
            status_message(&c, &choices),
            "Showing 5 questions for 2 routes, 2 marked as mattering to you."
        );
        choices.set_topic_shown(&c, "how-given", false);
        choices.set_topic_shown(&c, "safety", false);
        assert_eq!(
            status_message(&c, &choices),
            "Showing 1 question for 2 routes, 1 marked as mattering to you."
        );
        choices.set_priority(&c, "cost", false);
        choices.set_priority(&c, "driver", true);
        assert_eq!(
            status_message(&c, &choices),
            "Showing 1 question for 2 routes, 0 marked as mattering to you."
        );
    }

    #[test]
    fn words_for_counts() {
        assert_eq!(visits_text(0), "no visits");
        assert_eq!(visits_text(1), "1 visit");
        assert_eq!(visits_text(6), "6 visits");
        assert_eq!(minutes_text(1), "1 minute");
        assert_eq!(minutes_text(145), "145 minutes");
    }

    #[test]
    fn visit_segments_are_proportional_on_a_shared_scale() {
        let c = comparison();
        assert_eq!(longest_visit(&c), 200);
        let iv = timeline_for(&c, "iv")
            .map(|t| t.visit.clone())
            .unwrap_or_default();
        assert_eq!(visit_minutes(&iv), 100);
        let segments = visit_segments(&iv, longest_visit(&c));
        let widths: Vec<f64> = segments.iter().map(|s| s.width_percent).collect();
        assert_eq!(widths, vec![7.5, 20.0, 22.5]);
        let starts: Vec<f64> = segments.iter().map(|s| s.start_percent).collect();
        assert_eq!(starts, vec![0.0, 7.5, 27.5]);
        assert_eq!(segments[2].number, 3);
        assert_eq!(segments[1].minutes, 40);
        let nasal = &timeline_for(&c, "nasal")
            .map(|t| t.visit.clone())
            .unwrap_or_default();
        let end = visit_segments(nasal, longest_visit(&c))
            .last()
            .map(|s| s.start_percent + s.width_percent);
        assert_eq!(end, Some(100.0));
    }

    #[test]
    fn visit_segments_never_overflow_or_divide_by_zero() {
        assert!(visit_segments(&[], 0).is_empty());
        let zero = visit_segments(&[step(0), step(0)], 0);
        assert!(zero.iter().all(|s| s.width_percent == 0.0));
        // A scale smaller than the visit is widened to the visit itself.
        let wide = visit_segments(&[step(30), step(30)], 10);
        assert_eq!(
            wide.last().map(|s| s.start_percent + s.width_percent),
            Some(100.0)
        );
        assert!(timeline_for(&comparison(), "oral").is_none());
    }

    #[test]
    fn week_bars_share_a_scale_and_fill_equal_slots() {
        let c = comparison();
        assert_eq!(busiest_week(&c), 2);
        let bars = week_bars(&[2, 1, 0, 0, 0, 0, 0, 0], busiest_week(&c), 60.0);
        assert_eq!(bars.len(), 8);
        assert_eq!(bars[0].week, 1);
        assert_eq!(bars[0].height, 60.0);
        assert_eq!(bars[1].height, 30.0);
        assert_eq!(bars[2].height, 0.0);
        assert_eq!(bars[0].x_percent, 2.5);
        assert_eq!(bars[0].width_percent, 7.5);
        assert_eq!(bars[7].x_percent, 90.0);
        assert!(bars.iter().all(|b| b.x_percent + b.width_percent <= 100.0));
        assert_eq!(total_visits(&[2, 2, 2, 0, 0, 0, 0, 0]), 6);
        assert!(week_bars(&[], 0, 60.0).is_empty());
        assert!(week_bars(&[0, 0], 0, 60.0).iter().all(|b| b.height == 0.0));
        // A busier week than the scale is clamped to the picture.
        assert_eq!(week_bars(&[4], 2, 60.0)[0].height, 60.0);
    }

    #[test]
    fn shipped_content_orders_and_stores_cleanly() {
        let json = include_str!("../../public/content/guide.json");
        let guide = crate::content::parse_guide(json).expect("shipped content is valid");
        let Some(c) = guide.comparison else {
            panic!("the shipped guide has a comparison")
        };
        let mut choices = ComparisonChoices::default();
        for concern in &c.concerns {
            choices.set_priority(&c, &concern.id, true);
        }
        let rows = ordered_rows(&c, &choices);
        assert_eq!(rows.len(), c.rows.len());
        let first_unmarked = rows.iter().position(|(_, m)| !m).unwrap_or(rows.len());
        assert!(rows[first_unmarked..].iter().all(|(_, m)| !m));
        for timeline in &c.timelines {
            let segments = visit_segments(&timeline.visit, longest_visit(&c));
            let end = segments
                .last()
                .map(|s| s.start_percent + s.width_percent)
                .unwrap_or(0.0);
            assert!(end <= 100.0 + 1e-9, "{}", timeline.route);
            assert_eq!(
                week_bars(&timeline.weekly_visits, busiest_week(&c), 60.0).len(),
                8
            );
        }
        let restored = ComparisonChoices::from_storage(Some(&choices.to_storage()), &c);
        assert_eq!(restored, choices);
    }
}
