//! Checks that serde cannot make: ids are unique and well formed, every citation
//! names a reference, nothing shown as a title is empty.

use std::collections::HashSet;
use std::fmt;

use super::model::{
    Block, Certainty, Comparison, Guide, IconArray, Paragraph, RowKind, Section, SectionKind,
};
use super::text::human_date_or_year;

/// One thing wrong with the content, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where in the content, e.g. `section "cost"` or `claim "risk-free"`.
    pub place: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// Every problem found, so whoever edits the content can fix them in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(
            f,
            "{count} problem{} in the content",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n- {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationError {}

/// Ids appear in URLs (`#id`) and element ids, so they are kept to a safe alphabet.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && m.len() == 2 && d.len() == 2
        && [y, m, d].iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u8>().unwrap_or(0)))
}

/// Whether the checks of how the content is written run: blank texts, dates, the
/// figures an icon array draws written in its text, every option weighed, every figure
/// used. They run natively (the build's prerender, `make test`), which is where the
/// shipped content is checked; the app in the browser re-checks only what showing the
/// page depends on (ids, links, citations, figures, the data each section shows), so
/// the reader does not download checks that cannot fail on content the build passed.
const EDITORIAL: bool = cfg!(not(target_arch = "wasm32"));

struct Checker<'a> {
    reference_keys: HashSet<&'a str>,
    /// When the guide must next be reviewed: a rule that ends before then is missed.
    next_review: &'a str,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn problem(&mut self, place: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            place: place.to_owned(),
            message: message.into(),
        });
    }

    fn not_blank(&mut self, place: &str, what: &str, text: &str) {
        if EDITORIAL && text.trim().is_empty() {
            self.problem(place, format!("{what} is empty"));
        }
    }

    fn citations(&mut self, place: &str, keys: &[String]) {
        for key in keys {
            if !self.reference_keys.contains(key.as_str()) {
                self.problem(
                    place,
                    format!("cites \"{key}\", which is not in the references"),
                );
            }
        }
    }

    fn paragraph(&mut self, place: &str, paragraph: &Paragraph) {
        self.not_blank(place, "a paragraph", &paragraph.text);
        self.citations(place, &paragraph.cite);
    }

    /// A date by which a rule ends must not fall before the next review, or the guide
    /// would go on stating the rule after it has changed.
    fn valid_until(&mut self, place: &str, valid_until: Option<&str>) {
        let Some(date) = valid_until.filter(|_| EDITORIAL) else {
            return;
        };
        if !is_iso_date(date) {
            self.problem(
                place,
                format!("valid_until \"{date}\" must be a date like 2026-12-31"),
            );
        } else if is_iso_date(self.next_review) && date < self.next_review {
            self.problem(
                place,
                format!(
                    "is valid until {date}, before the next review ({}): bring the review forward",
                    self.next_review
                ),
            );
        }
    }

    fn unique_ids<'i>(&mut self, what: &str, ids: impl Iterator<Item = &'i str>) {
        let mut seen = HashSet::new();
        for id in ids {
            let place = format!("{what} \"{id}\"");
            if !is_valid_id(id) {
                self.problem(
                    &place,
                    "id must use only lowercase letters, digits and inner hyphens",
                );
            }
            if !seen.insert(id) {
                self.problem(&place, "id is used more than once");
            }
        }
    }
}

impl Checker<'_> {
    /// `options` is the comparison of ketamine with the other options: its columns are
    /// called options, it has no timelines, and every option must be weighed on
    /// benefits, harms, burdens and cost.
    fn comparison(&mut self, comparison: &Comparison, options: bool) {
        let (place, route_word, row_word) = if options {
            ("options comparison", "option", "options row")
        } else {
            ("comparison", "route", "row")
        };
        self.not_blank(place, "the caption", &comparison.caption);
        if let Some(caution) = &comparison.caution {
            self.paragraph(place, caution);
        }
        self.unique_ids(route_word, comparison.routes.iter().map(|r| r.id.as_str()));
        self.unique_ids("topic", comparison.topics.iter().map(|t| t.id.as_str()));
        self.unique_ids("concern", comparison.concerns.iter().map(|c| c.id.as_str()));
        self.unique_ids(row_word, comparison.rows.iter().map(|r| r.id.as_str()));
        if comparison.routes.len() < 2 {
            self.problem(
                place,
                format!("a comparison needs at least two {route_word}s"),
            );
        }
        if options && EDITORIAL {
            self.weighs_every_option(comparison);
        }
        for route in &comparison.routes {
            let place = format!("{route_word} \"{}\"", route.id);
            self.not_blank(&place, "the name", &route.name);
            self.not_blank(&place, "the short name", &route.short_name);
        }
        let route_ids: HashSet<&str> = comparison.routes.iter().map(|r| r.id.as_str()).collect();
        let topic_ids: HashSet<&str> = comparison.topics.iter().map(|t| t.id.as_str()).collect();
        let concern_ids: HashSet<&str> =
            comparison.concerns.iter().map(|c| c.id.as_str()).collect();

        for row in &comparison.rows {
            let place = format!("{row_word} \"{}\"", row.id);
            self.not_blank(&place, "the question", &row.question);
            if !topic_ids.contains(row.topic.as_str()) {
                self.problem(&place, format!("topic \"{}\" is not defined", row.topic));
            }
            for concern in &row.concerns {
                if !concern_ids.contains(concern.as_str()) {
                    self.problem(&place, format!("concern \"{concern}\" is not defined"));
                }
            }
            for route in &comparison.routes {
                if !row.cells.contains_key(&route.id) {
                    self.problem(
                        &place,
                        format!("has no answer for {route_word} \"{}\"", route.id),
                    );
                }
            }
            for (route, cell) in &row.cells {
                let place = format!("{row_word} \"{}\", {route_word} \"{route}\"", row.id);
                if !route_ids.contains(route.as_str()) {
                    self.problem(
                        &place,
                        format!("answers a {route_word} that is not defined"),
                    );
                }
                self.not_blank(&place, "the answer", &cell.answer);
                match (cell.certainty, cell.as_of.as_deref()) {
                    _ if !EDITORIAL => {}
                    (Certainty::Official, Some(date)) if is_iso_date(date) => {}
                    (Certainty::Official, _) => self.problem(
                        &place,
                        "an official fact needs as_of, the date it was checked (like 2026-12-01)",
                    ),
                    (Certainty::Price, Some(date)) if human_date_or_year(date).is_some() => {}
                    (Certainty::Price, _) => self.problem(
                        &place,
                        "a price needs as_of, the year (or date) it is from (like 2019)",
                    ),
                    _ => {}
                }
                self.valid_until(&place, cell.valid_until.as_deref());
                if cell.cite.is_empty() {
                    self.problem(&place, "cites no reference");
                }
                self.citations(&place, &cell.cite);
            }
        }

        if options {
            if !comparison.timelines.is_empty() {
                self.problem(
                    place,
                    "has timelines, which only the routes' comparison shows",
                );
            }
            return;
        }
        for route in &comparison.routes {
            let count = comparison
                .timelines
                .iter()
                .filter(|t| t.route == route.id)
                .count();
            if count != 1 {
                self.problem(
                    &format!("route \"{}\"", route.id),
                    format!("needs exactly one timeline, has {count}"),
                );
            }
        }
        for timeline in &comparison.timelines {
            let place = format!("timeline \"{}\"", timeline.route);
            if !route_ids.contains(timeline.route.as_str()) {
                self.problem(&place, "is for a route that is not defined");
            }
            if timeline.visit.is_empty() {
                self.problem(&place, "has no visit steps");
            }
            for step in &timeline.visit {
                self.not_blank(&place, "a step label", &step.label);
            }
            if timeline.weekly_visits.len() != 8 {
                self.problem(&place, "must give visits for exactly 8 weeks");
            }
            if timeline.cite.is_empty() {
                self.problem(&place, "cites no reference");
            }
            self.citations(&place, &timeline.cite);
        }
    }
}

impl Checker<'_> {
    /// Every option is weighed on its benefits, harms, burdens and cost: a row of each
    /// kind answers it. Every row says what it weighs.
    fn weighs_every_option(&mut self, comparison: &Comparison) {
        for row in comparison.rows.iter().filter(|r| r.kind.is_none()) {
            self.problem(
                &format!("options row \"{}\"", row.id),
                "does not say what it weighs (kind)",
            );
        }
        for option in &comparison.routes {
            for (kind, what) in [
                (RowKind::Benefit, "benefit"),
                (RowKind::Harm, "harm"),
                (RowKind::Burden, "burden"),
                (RowKind::Cost, "cost"),
            ] {
                let answered = comparison
                    .rows
                    .iter()
                    .any(|row| row.kind == Some(kind) && row.cells.contains_key(&option.id));
                if !answered {
                    self.problem(
                        &format!("option \"{}\"", option.id),
                        format!("has no {what} row"),
                    );
                }
            }
        }
    }

    /// A picture of 100 people: whole or half people, between 0 and 100, each value
    /// written in its text as "X in 100".
    fn icon_array(&mut self, place: &str, array: &IconArray, guide: &Guide) {
        let place = format!("{place}, icon array \"{}\"", array.id);
        self.citations(&place, &array.cite);
        if !EDITORIAL {
            return;
        }
        self.not_blank(&place, "the title", &array.title);
        self.not_blank(&place, "the text", &array.text);
        if array.cite.is_empty() {
            self.problem(&place, "cites no reference");
        }
        if array.groups.is_empty() {
            self.problem(&place, "has no groups to draw");
        }
        let text = super::figures::filled_text(guide, &array.text);
        for group in &array.groups {
            self.not_blank(&place, "a group label", &group.label);
            self.not_blank(&place, "what the marked people had", &group.yes);
            self.not_blank(&place, "what the others had", &group.no);
            let Some(halves) = super::icons::halves(group.value) else {
                self.problem(
                    &place,
                    format!(
                        "the value for \"{}\" must be a whole or half number from 0 to 100",
                        group.label
                    ),
                );
                continue;
            };
            let written = format!("{} in 100", super::icons::halves_text(halves));
            if !text.contains(&written) {
                self.problem(
                    &place,
                    format!("draws {written} but its text does not say so"),
                );
            }
        }
    }

    fn deliberation(&mut self, guide: &Guide) {
        let Some(d) = &guide.deliberation else {
            return;
        };
        let place = "deliberation";
        for (what, text) in [
            ("the heading", &d.heading),
            ("the leaning legend", &d.leaning_legend),
            ("the SURE heading", &d.sure_heading),
            ("the all-yes message", &d.sure_all_yes),
            ("the not-yet message", &d.sure_not_yet),
        ] {
            self.not_blank(place, what, text);
        }
        self.paragraph(place, &d.sure_intro);
        if d.sure_intro.cite.is_empty() {
            self.problem(place, "the SURE test cites no reference");
        }
        if d.leanings.len() < 2 {
            self.problem(place, "needs at least two leanings to choose from");
        }
        self.unique_ids("leaning", d.leanings.iter().map(|c| c.id.as_str()));
        for choice in &d.leanings {
            self.not_blank(place, "a leaning", &choice.label);
        }
        if d.sure.len() != 4 {
            self.problem(place, "the SURE test has exactly four questions");
        }
        self.unique_ids("SURE question", d.sure.iter().map(|i| i.id.as_str()));
        let sections: HashSet<&str> = guide.sections.iter().map(|s| s.id.as_str()).collect();
        for item in &d.sure {
            let place = format!("SURE question \"{}\"", item.id);
            self.not_blank(&place, "the question", &item.question);
            self.not_blank(&place, "the next step", &item.next_step);
            if let Some(link) = &item.link {
                self.not_blank(&place, "the link label", &link.label);
                let target = link.href.strip_prefix('#').unwrap_or("");
                if !sections.contains(target) {
                    self.problem(
                        &place,
                        format!("links to \"{}\", which is not a section", link.href),
                    );
                }
            }
        }
    }

    fn figures(&mut self, guide: &Guide) {
        self.unique_ids("figure", guide.figures.iter().map(|f| f.id.as_str()));
        for figure in &guide.figures {
            let place = format!("figure \"{}\"", figure.id);
            self.not_blank(&place, "the text", &figure.text);
            if figure.text.contains("{{") {
                self.problem(&place, "a figure cannot refer to another figure");
            }
            if figure.cite.is_empty() {
                self.problem(&place, "cites no reference");
            }
            self.citations(&place, &figure.cite);
            if let Some(date) = &figure.checked
                && !is_iso_date(date)
            {
                self.problem(
                    &place,
                    format!("checked \"{date}\" must be a date like 2026-12-01"),
                );
            }
            self.valid_until(&place, figure.valid_until.as_deref());
        }
        self.problems
            .extend(super::figures::check(guide, EDITORIAL));
    }

    fn emergency(&mut self, guide: &Guide) {
        if let Some(emergency) = &guide.emergency {
            let place = "emergency box";
            self.not_blank(place, "the heading", &emergency.heading);
            self.not_blank(place, "the action", &emergency.action);
            if emergency.signs.is_empty() {
                self.problem(place, "lists no warning signs");
            }
            for paragraph in emergency.signs.iter().chain(&emergency.at_home) {
                self.paragraph(place, paragraph);
            }
            self.paragraph(place, &emergency.note);
        } else {
            for section in guide.sections.iter().filter(|s| s.emergency.is_some()) {
                self.problem(
                    &format!("section \"{}\"", section.id),
                    "shows the emergency box, but there is none",
                );
            }
        }
    }
}

impl Checker<'_> {
    /// The planner's schedules, the handout and "What changed".
    fn plan_it(&mut self, guide: &Guide) {
        if let Some(planner) = &guide.planner {
            self.unique_ids("schedule", planner.schedules.iter().map(|s| s.id.as_str()));
            if planner.schedules.is_empty() {
                self.problem("planner", "has no schedules");
            }
            if planner.schedules.iter().filter(|s| s.is_custom()).count() > 1 {
                self.problem("planner", "has more than one schedule the reader fills in");
            }
            self.paragraph("planner", &planner.ride);
            self.not_blank("planner", "the cost heading", &planner.cost_heading);
            self.paragraph("planner", &planner.cost_intro);
            for schedule in &planner.schedules {
                let place = format!("schedule \"{}\"", schedule.id);
                self.not_blank(&place, "the label", &schedule.label);
                self.not_blank(&place, "the event title", &schedule.event_title);
                // The rules cite their sources; the reader's own schedule has no source
                // for where it comes from or what follows.
                let fixed = !schedule.is_custom();
                for (paragraph, must_cite) in [
                    (&schedule.about, fixed),
                    (&schedule.later, fixed),
                    (&schedule.plan_time, true),
                    (&schedule.driving, true),
                ] {
                    self.paragraph(&place, paragraph);
                    if must_cite && paragraph.cite.is_empty() {
                        self.problem(&place, "a schedule rule cites no reference");
                    }
                }
                if !schedule.is_custom() && schedule.weekly_sessions.len() != 8 {
                    self.problem(&place, "must give sessions for exactly 8 weeks");
                }
                if schedule.weekly_sessions.iter().any(|n| *n > 7) {
                    self.problem(&place, "has more than 7 sessions in a week");
                }
                match schedule.later_per_4_weeks.as_slice() {
                    [] => {}
                    [low, high] if low <= high && *high <= 28 => {}
                    _ => self.problem(
                        &place,
                        "later_per_4_weeks must be empty or [fewest, most], at most 28",
                    ),
                }
                if schedule.visit_minutes == 0 || schedule.visit_minutes > 24 * 60 {
                    self.problem(&place, "visit_minutes must be between 1 and 1440");
                }
            }
        }
        if let Some(companion) = &guide.companion {
            let place = "companion handout";
            self.paragraph(place, &companion.intro);
            self.not_blank(place, "a heading", &companion.normal_heading);
            self.not_blank(place, "a heading", &companion.driving_heading);
            for paragraph in companion
                .normal
                .iter()
                .chain(&companion.more_help)
                .chain(&companion.driving)
            {
                self.paragraph(place, paragraph);
            }
            if companion.normal.is_empty() || companion.driving.is_empty() {
                self.problem(place, "must say what is normal and give the driving rules");
            }
        }
        let mut previous: Option<&str> = None;
        for change in &guide.changes {
            let place = format!("change of {}", change.date);
            if !is_iso_date(&change.date) {
                self.problem(&place, "the date must be like 2026-12-01");
            }
            if previous.is_some_and(|p| p < change.date.as_str()) {
                self.problem(&place, "changes must be listed newest first");
            }
            previous = Some(&change.date);
            self.not_blank(&place, "what changed", &change.what);
            self.not_blank(&place, "why", &change.why);
            self.citations(&place, &change.cite);
        }
    }
}

/// Checks the whole guide and returns every problem found.
pub fn validate(guide: &Guide) -> Result<(), ValidationError> {
    let mut check = Checker {
        reference_keys: HashSet::new(),
        next_review: &guide.meta.next_review,
        problems: Vec::new(),
    };

    check.not_blank("meta", "the title", &guide.meta.title);
    for (what, date) in [
        ("last_reviewed", &guide.meta.last_reviewed),
        ("next_review", &guide.meta.next_review),
    ] {
        if !is_iso_date(date) {
            check.problem("meta", format!("{what} must be a date like 2026-11-21"));
        }
    }

    if guide.crisis.lines.is_empty() {
        check.problem("crisis", "there are no crisis lines");
    }
    for line in &guide.crisis.lines {
        check.not_blank("crisis", "a region", &line.region);
        check.not_blank("crisis", "an action", &line.action);
        for link in &line.links {
            check.not_blank("crisis", "a link label", &link.label);
            check.not_blank("crisis", "a link address", &link.href);
        }
    }

    check.unique_ids("reference", guide.references.iter().map(|r| r.key.as_str()));
    for reference in &guide.references {
        let place = format!("reference \"{}\"", reference.key);
        check.not_blank(&place, "the title", &reference.title);
        check.not_blank(&place, "the source", &reference.source);
        check.reference_keys.insert(reference.key.as_str());
    }

    if guide.sections.is_empty() {
        check.problem("sections", "there are no sections");
    }
    let section_ids = guide.sections.iter().map(|s| s.id.as_str());
    let claim_ids = guide.claims.iter().map(|c| c.id.as_str());
    let glossary_ids = guide.glossary.iter().map(|g| g.id.as_str());
    // Sections, claims and glossary entries share one id space: all are link targets.
    check.unique_ids("id", section_ids.chain(claim_ids).chain(glossary_ids));

    for section in &guide.sections {
        let place = format!("section \"{}\"", section.id);
        check.not_blank(&place, "the title", &section.title);
        if section.summary.is_empty() {
            check.problem(&place, "there is no summary");
        }
        for paragraph in &section.summary {
            check.paragraph(&place, paragraph);
        }
        for block in &section.detail {
            match block {
                Block::Heading { text } => check.not_blank(&place, "a heading", text),
                Block::Paragraph { text, cite } | Block::Note { text, cite, .. } => {
                    check.not_blank(&place, "a paragraph", text);
                    check.citations(&place, cite);
                }
                Block::List { items } => {
                    if items.is_empty() {
                        check.problem(&place, "a list has no items");
                    }
                    for item in items {
                        check.paragraph(&place, item);
                    }
                }
                Block::IconArray(array) => check.icon_array(&place, array, guide),
            }
        }
        if let Some(decision) = &section.decision {
            check.not_blank(&place, "the decision heading", &decision.heading);
            if decision.points.is_empty() {
                check.problem(&place, "the decision box says nothing");
            }
            for point in &decision.points {
                check.paragraph(&place, point);
            }
        }
        for question in &section.questions {
            check.not_blank(&place, "a question", question);
        }
        if section.kind == SectionKind::Comparison && guide.comparison.is_none() {
            check.problem(&place, "shows the comparison, but there is no comparison");
        }
        if section.kind == SectionKind::Planner && guide.planner.is_none() {
            check.problem(&place, "shows the planner, but there is no planner");
        }
        if section.kind == SectionKind::Companion && guide.companion.is_none() {
            check.problem(
                &place,
                "shows the handout, but there is no companion handout",
            );
        }
        if section.kind == SectionKind::OptionsComparison && guide.options_comparison.is_none() {
            check.problem(
                &place,
                "shows the options comparison, but there is no options comparison",
            );
        }
        if section.kind.requires_citation() && section_citations(section).next().is_none() {
            check.problem(&place, "cites no reference");
        }
    }

    for claim in &guide.claims {
        let place = format!("claim \"{}\"", claim.id);
        check.not_blank(&place, "the claim", &claim.claim);
        check.not_blank(&place, "the explanation", &claim.explanation);
        // The key above the claims must be able to say what this verdict means.
        if !guide
            .verdict_meanings
            .iter()
            .any(|m| m.verdict == claim.verdict)
        {
            check.problem(&place, "its verdict has no meaning in verdict_meanings");
        }
        if claim.cite.is_empty() {
            check.problem(&place, "cites no reference");
        }
        check.citations(&place, &claim.cite);
    }

    // The key to the verdicts says what each one means (every claim's verdict needs one:
    // checked with the claims above).
    for entry in &guide.verdict_meanings {
        check.not_blank("verdict_meanings", "a meaning", &entry.meaning);
    }

    for entry in &guide.glossary {
        let place = format!("glossary \"{}\"", entry.id);
        check.not_blank(&place, "the term", &entry.term);
        check.not_blank(&place, "the definition", &entry.definition);
        check.citations(&place, &entry.cite);
    }

    if let Some(comparison) = &guide.comparison {
        check.comparison(comparison, false);
    }
    if let Some(options) = &guide.options_comparison {
        check.comparison(options, true);
    }
    let icon_ids = guide.sections.iter().flat_map(|s| {
        s.detail.iter().filter_map(|b| match b {
            Block::IconArray(a) => Some(a.id.as_str()),
            _ => None,
        })
    });
    check.unique_ids("icon array", icon_ids);
    check.deliberation(guide);

    check.figures(guide);
    check.emergency(guide);
    check.plan_it(guide);

    if check.problems.is_empty() {
        Ok(())
    } else {
        Err(ValidationError {
            problems: check.problems,
        })
    }
}

/// Every citation key a section uses, in reading order (repeats included).
pub fn section_citations(section: &Section) -> impl Iterator<Item = &str> {
    let decision = section.decision.iter().flat_map(|d| d.points.iter());
    let summary = decision
        .chain(section.summary.iter())
        .flat_map(|p| p.cite.iter());
    let detail = section
        .detail
        .iter()
        .flat_map(|block| -> Box<dyn Iterator<Item = &String>> {
            match block {
                Block::Heading { .. } => Box::new(std::iter::empty()),
                Block::Paragraph { cite, .. } | Block::Note { cite, .. } => Box::new(cite.iter()),
                Block::List { items } => Box::new(items.iter().flat_map(|i| i.cite.iter())),
                Block::IconArray(array) => Box::new(array.cite.iter()),
            }
        });
    summary.chain(detail).map(String::as_str)
}

/// Every citation key the guide uses anywhere, in reading order (repeats included).
pub fn all_citations(guide: &Guide) -> impl Iterator<Item = &str> {
    let sections = guide.sections.iter().flat_map(section_citations);
    let claims = guide
        .claims
        .iter()
        .flat_map(|c| c.cite.iter().map(String::as_str));
    let glossary = guide
        .glossary
        .iter()
        .flat_map(|g| g.cite.iter().map(String::as_str));
    let comparison = guide.comparisons().flat_map(|(_, c)| {
        let caution = c.caution.iter().flat_map(|p| p.cite.iter());
        let cells = c
            .rows
            .iter()
            .flat_map(|r| r.cells.values().flat_map(|cell| cell.cite.iter()));
        let timelines = c.timelines.iter().flat_map(|t| t.cite.iter());
        caution.chain(cells).chain(timelines).map(String::as_str)
    });
    let deliberation = guide
        .deliberation
        .iter()
        .flat_map(|d| d.sure_intro.cite.iter().map(String::as_str));
    // The emergency box is shown in the sections' summaries, so it is numbered with them.
    let emergency = guide.emergency.iter().flat_map(|e| {
        e.signs
            .iter()
            .chain(&e.at_home)
            .chain(std::iter::once(&e.note))
            .flat_map(|p| p.cite.iter().map(String::as_str))
    });
    // The planner, the handout and "What changed" come after: appended, so they do
    // not renumber what the guide already cites.
    let planner = guide.planner.iter().flat_map(|p| {
        let schedules = p.schedules.iter().flat_map(|s| {
            [&s.about, &s.later, &s.plan_time, &s.driving]
                .into_iter()
                .flat_map(|p| p.cite.iter())
        });
        schedules
            .chain(&p.ride.cite)
            .chain(&p.cost_intro.cite)
            .map(String::as_str)
    });
    let companion = guide.companion.iter().flat_map(|c| {
        std::iter::once(&c.intro)
            .chain(&c.normal)
            .chain(&c.more_help)
            .chain(&c.driving)
            .flat_map(|p| p.cite.iter().map(String::as_str))
    });
    let changes = guide
        .changes
        .iter()
        .flat_map(|c| c.cite.iter().map(String::as_str));
    sections
        .chain(emergency)
        .chain(claims)
        .chain(glossary)
        .chain(comparison)
        .chain(planner)
        .chain(companion)
        .chain(changes)
        .chain(deliberation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentError, parse_guide};
    use serde_json::{Value, json};

    fn minimal() -> Value {
        json!({
            "meta": {"title": "Guide", "subtitle": "S", "last_reviewed": "2026-11-21", "next_review": "2027-05-21"},
            "crisis": {"heading": "Need help now?", "lines": [
                {"region": "US", "action": "Call or text 988", "links": [{"label": "Call 988", "href": "tel:988"}]}
            ]},
            "sections": [
                {"id": "start-here", "title": "Start here",
                 "summary": [{"text": "Read this first.", "cite": ["who-2023"]}]},
                {"id": "glossary", "title": "Glossary", "kind": "glossary",
                 "summary": [{"text": "Words explained."}]}
            ],
            "claims": [{"id": "risk", "claim": "It has no risks.", "verdict": "inaccurate",
                        "explanation": "It has risks.", "cite": ["who-2023"]}],
            "verdict_meanings": [{"verdict": "inaccurate", "meaning": "The evidence says otherwise."}],
            "glossary": [{"id": "nmda", "term": "NMDA receptor", "definition": "A receptor."}],
            "references": [{"key": "who-2023", "authors": "WHO", "title": "Depression",
                            "source": "WHO", "year": 2023}]
        })
    }

    fn problems(guide: Value) -> Vec<String> {
        match parse_guide(&guide.to_string()) {
            Ok(_) => vec![],
            Err(ContentError::Invalid(e)) => e.problems.iter().map(ToString::to_string).collect(),
            Err(other) => panic!("expected validation problems, got {other}"),
        }
    }

    #[test]
    fn minimal_guide_is_valid() {
        assert_eq!(problems(minimal()), Vec::<String>::new());
    }

    #[test]
    fn duplicate_section_ids_are_reported() {
        let mut guide = minimal();
        guide["sections"][1]["id"] = json!("start-here");
        assert_eq!(
            problems(guide),
            vec!["id \"start-here\": id is used more than once"]
        );
    }

    #[test]
    fn ids_are_shared_between_sections_claims_and_glossary() {
        let mut guide = minimal();
        guide["claims"][0]["id"] = json!("glossary");
        assert_eq!(
            problems(guide),
            vec!["id \"glossary\": id is used more than once"]
        );
    }

    #[test]
    fn unsafe_ids_are_reported() {
        let mut guide = minimal();
        guide["sections"][0]["id"] = json!("Start Here");
        assert_eq!(
            problems(guide),
            vec!["id \"Start Here\": id must use only lowercase letters, digits and inner hyphens"]
        );
    }

    #[test]
    fn unknown_citation_is_reported_with_its_place() {
        let mut guide = minimal();
        guide["claims"][0]["cite"] = json!(["nobody-1999"]);
        assert_eq!(
            problems(guide),
            vec!["claim \"risk\": cites \"nobody-1999\", which is not in the references"]
        );
    }

    #[test]
    fn a_verdict_without_a_meaning_is_reported() {
        let mut guide = minimal();
        guide["verdict_meanings"] = json!([
            {"verdict": "accurate", "meaning": "Backed."},
            {"verdict": "unproven", "meaning": " "}
        ]);
        assert_eq!(
            problems(guide),
            vec![
                "claim \"risk\": its verdict has no meaning in verdict_meanings",
                "verdict_meanings: a meaning is empty"
            ]
        );
    }

    #[test]
    fn empty_title_is_reported() {
        let mut guide = minimal();
        guide["sections"][0]["title"] = json!("  ");
        assert_eq!(
            problems(guide),
            vec!["section \"start-here\": the title is empty"]
        );
    }

    #[test]
    fn article_without_citation_is_reported_but_navigation_is_not() {
        let mut guide = minimal();
        guide["sections"][0]["summary"][0]["cite"] = json!([]);
        assert_eq!(
            problems(guide),
            vec!["section \"start-here\": cites no reference"]
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut guide = minimal();
        guide["sections"][0]["title"] = json!("");
        guide["meta"]["last_reviewed"] = json!("21/11/2026");
        guide["crisis"]["lines"] = json!([]);
        let found = problems(guide);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn malformed_json_is_not_a_validation_error() {
        let err = parse_guide("{ \"meta\": ").unwrap_err();
        assert!(matches!(err, ContentError::Malformed(_)));
        assert!(err.to_string().contains("line 1"), "{err}");
    }

    #[test]
    fn unknown_fields_are_rejected_so_typos_surface() {
        let mut guide = minimal();
        guide["sections"][0]["sumary"] = json!([]);
        let err = parse_guide(&guide.to_string()).unwrap_err();
        assert!(err.to_string().contains("sumary"), "{err}");
    }

    fn with_comparison() -> Value {
        let mut guide = minimal();
        let cell = json!({"answer": "A", "certainty": "some_evidence", "cite": ["who-2023"]});
        guide["comparison"] = json!({
            "caption": "Compared", "intro": "No ranking.",
            "routes": [
                {"id": "iv", "name": "IV", "short_name": "IV", "description": "D"},
                {"id": "nasal", "name": "Nasal", "short_name": "Nasal", "description": "D"}
            ],
            "topics": [{"id": "safety", "label": "Safety"}],
            "concerns": [{"id": "cost", "label": "Cost"}],
            "rows": [{"id": "how", "question": "How?", "topic": "safety", "concerns": ["cost"],
                      "cells": {"iv": cell, "nasal": cell}}],
            "timelines": [
                {"route": "iv", "visit": [{"label": "Dose", "minutes": 40}],
                 "weekly_visits": [2,2,2,0,0,0,0,0], "note": "N", "cite": ["who-2023"]},
                {"route": "nasal", "visit": [{"label": "Dose", "minutes": 15}],
                 "weekly_visits": [2,2,2,2,1,1,1,1], "note": "N", "cite": ["who-2023"]}
            ]
        });
        guide
    }

    fn with_options() -> Value {
        let mut guide = minimal();
        let cell = json!({"answer": "A", "certainty": "some_evidence", "cite": ["who-2023"]});
        let row = |id: &str, kind: &str| {
            json!({"id": id, "question": "Q?", "topic": "t", "kind": kind,
                   "cells": {"keep": cell, "ect": cell}})
        };
        guide["options_comparison"] = json!({
            "caption": "Options", "intro": "No ranking.",
            "caution": {"text": "Not directly comparable.", "cite": ["who-2023"]},
            "routes": [
                {"id": "keep", "name": "Keep", "short_name": "Keep", "description": "D"},
                {"id": "ect", "name": "ECT", "short_name": "ECT", "description": "D"}
            ],
            "topics": [{"id": "t", "label": "T"}],
            "concerns": [],
            "rows": [row("b", "benefit"), row("h", "harm"), row("v", "burden"), row("c", "cost")]
        });
        guide
    }

    #[test]
    fn valid_options_comparison_passes_without_timelines() {
        assert_eq!(problems(with_options()), Vec::<String>::new());
    }

    #[test]
    fn an_option_without_a_harm_row_is_reported() {
        let mut guide = with_options();
        guide["options_comparison"]["rows"][1]["kind"] = json!("fact");
        assert_eq!(
            problems(guide),
            vec![
                "option \"keep\": has no harm row",
                "option \"ect\": has no harm row"
            ]
        );
        let mut guide = with_options();
        guide["options_comparison"]["rows"][3]["kind"] = json!(null);
        let found = problems(guide);
        assert!(
            found.contains(&"options row \"c\": does not say what it weighs (kind)".to_owned())
        );
        assert!(found.contains(&"option \"keep\": has no cost row".to_owned()));
    }

    #[test]
    fn an_options_cell_without_citation_is_reported() {
        let mut guide = with_options();
        guide["options_comparison"]["rows"][0]["cells"]["ect"]["cite"] = json!([]);
        assert_eq!(
            problems(guide),
            vec!["options row \"b\", option \"ect\": cites no reference"]
        );
    }

    #[test]
    fn an_icon_array_must_say_what_it_draws() {
        let mut guide = minimal();
        let array = |value: f64, text: &str| {
            json!({"type": "icon_array", "id": "ia", "title": "T", "text": text,
                   "cite": ["who-2023"], "groups": [
                       {"label": "L", "value": value, "yes": "were well", "no": "were not"}]})
        };
        guide["sections"][0]["detail"] = json!([array(52.5, "About 52.5 in 100 were well.")]);
        assert_eq!(problems(guide.clone()), Vec::<String>::new());
        guide["sections"][0]["detail"] = json!([array(52.5, "About 53 in 100 were well.")]);
        assert_eq!(
            problems(guide.clone()),
            vec![
                "section \"start-here\", icon array \"ia\": draws 52.5 in 100 but its text does not say so"
            ]
        );
        // The id goes into the picture's markup, so only a plain id passes.
        let mut bad_id = array(52.5, "About 52.5 in 100 were well.");
        bad_id["id"] = json!("ia\"><b>x</b>");
        guide["sections"][0]["detail"] = json!([bad_id]);
        assert!(
            problems(guide.clone())
                .iter()
                .any(|p| p.contains("id must use only lowercase letters")),
            "{:?}",
            problems(guide.clone())
        );
        guide["sections"][0]["detail"] = json!([array(52.3, "About 52.3 in 100 were well.")]);
        assert_eq!(
            problems(guide),
            vec![
                "section \"start-here\", icon array \"ia\": the value for \"L\" must be a whole or half number from 0 to 100"
            ]
        );
    }

    #[test]
    fn valid_comparison_passes() {
        assert_eq!(problems(with_comparison()), Vec::<String>::new());
    }

    #[test]
    fn comparison_row_missing_a_route_is_reported() {
        let mut guide = with_comparison();
        guide["comparison"]["rows"][0]["cells"]
            .as_object_mut()
            .unwrap()
            .remove("nasal");
        assert_eq!(
            problems(guide),
            vec!["row \"how\": has no answer for route \"nasal\""]
        );
    }

    #[test]
    fn comparison_cell_without_citation_is_reported() {
        let mut guide = with_comparison();
        guide["comparison"]["rows"][0]["cells"]["iv"]["cite"] = json!([]);
        assert_eq!(
            problems(guide),
            vec!["row \"how\", route \"iv\": cites no reference"]
        );
    }

    #[test]
    fn comparison_unknown_topic_and_concern_are_reported() {
        let mut guide = with_comparison();
        guide["comparison"]["rows"][0]["topic"] = json!("money");
        guide["comparison"]["rows"][0]["concerns"] = json!(["needles"]);
        assert_eq!(
            problems(guide),
            vec![
                "row \"how\": topic \"money\" is not defined",
                "row \"how\": concern \"needles\" is not defined"
            ]
        );
    }

    #[test]
    fn timeline_needs_eight_weeks() {
        let mut guide = with_comparison();
        guide["comparison"]["timelines"][0]["weekly_visits"] = json!([1, 1]);
        assert_eq!(
            problems(guide),
            vec!["timeline \"iv\": must give visits for exactly 8 weeks"]
        );
    }

    #[test]
    fn citations_are_listed_in_reading_order() {
        let guide = parse_guide(&with_comparison().to_string()).unwrap();
        let keys: Vec<&str> = all_citations(&guide).collect();
        // One section, one claim, two cells, two timelines.
        assert_eq!(keys, vec!["who-2023"; 6]);
    }

    #[test]
    fn figures_are_filled_in_and_checked() {
        let mut guide = minimal();
        guide["figures"] =
            json!([{"id": "remission", "text": "52.5 in 100", "cite": ["who-2023"]}]);
        guide["claims"][0]["explanation"] = json!("About {{remission}} were well.");
        let parsed = parse_guide(&guide.to_string()).unwrap();
        assert_eq!(parsed.claims[0].explanation, "About 52.5 in 100 were well.");

        guide["claims"][0]["explanation"] = json!("About {{remision}} were well.");
        assert_eq!(
            problems(guide),
            vec![
                "claim \"risk\": refers to the figure {{remision}}, which is not defined",
                "figure \"remission\": is not used anywhere"
            ]
        );
    }

    #[test]
    fn a_rule_ending_before_the_next_review_is_reported() {
        let mut guide = minimal();
        guide["figures"] = json!([{"id": "end", "text": "31 December 2026", "cite": ["who-2023"],
                                   "checked": "2026-12-01", "valid_until": "2026-12-31"}]);
        guide["sections"][0]["summary"][0]["text"] = json!("The rule ends on {{end}}.");
        assert_eq!(
            problems(guide.clone()),
            vec![
                "figure \"end\": is valid until 2026-12-31, before the next review (2027-05-21): bring the review forward"
            ]
        );
        guide["meta"]["next_review"] = json!("2026-12-31");
        assert_eq!(problems(guide), Vec::<String>::new());
    }

    #[test]
    fn official_facts_and_prices_need_their_date() {
        let mut guide = with_comparison();
        guide["comparison"]["rows"][0]["cells"]["iv"]["certainty"] = json!("official");
        guide["comparison"]["rows"][0]["cells"]["nasal"]["certainty"] = json!("price");
        assert_eq!(problems(guide.clone()).len(), 2);
        guide["comparison"]["rows"][0]["cells"]["iv"]["as_of"] = json!("2026-12-01");
        guide["comparison"]["rows"][0]["cells"]["nasal"]["as_of"] = json!("2019");
        let parsed = parse_guide(&guide.to_string()).unwrap();
        let cells = &parsed.comparison.unwrap().rows[0].cells;
        assert_eq!(
            cells["iv"].certainty_label(),
            "Official fact, checked 1 December 2026"
        );
        assert_eq!(cells["nasal"].certainty_label(), "Price as of 2019");
    }

    #[test]
    fn a_section_cannot_show_a_missing_emergency_box() {
        let mut guide = minimal();
        guide["sections"][0]["emergency"] = json!("at_home");
        assert_eq!(
            problems(guide),
            vec!["section \"start-here\": shows the emergency box, but there is none"]
        );
    }

    #[test]
    fn reference_link_prefers_doi() {
        let mut guide = parse_guide(&minimal().to_string()).unwrap();
        let reference = &mut guide.references[0];
        assert_eq!(reference.link(), None);
        reference.pmid = Some("123".into());
        assert_eq!(
            reference.link().as_deref(),
            Some("https://pubmed.ncbi.nlm.nih.gov/123/")
        );
        reference.doi = Some("10.1/x".into());
        assert_eq!(reference.link().as_deref(), Some("https://doi.org/10.1/x"));
    }
}
