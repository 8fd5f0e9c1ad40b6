//! The registry of figures. A figure that appears in more than one place (a trial
//! result, a rate, a price, a date a rule ends) is written once in `figures`, and the
//! text refers to it as `{{id}}`. Filling the references in is the last step of
//! loading, so every view, the search and the prerender see plain text, and the same
//! figure can never read differently in two places.

use std::collections::{HashMap, HashSet};

use super::model::{Block, Guide};
use super::validate::Problem;

/// The ids a text refers to, in order, with `{{` and `}}` removed.
pub fn references_in(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        found.push(&after[..end]);
        rest = &after[end + 2..];
    }
    found
}

/// Every piece of reader-facing text in the guide that may refer to a figure, with
/// where it is and the citations that stand beside it.
pub fn texts(guide: &Guide) -> Vec<(String, &str, &[String])> {
    let mut out: Vec<(String, &str, &[String])> = Vec::new();
    let none: &[String] = &[];
    for section in &guide.sections {
        let place = format!("section \"{}\"", section.id);
        let decision = section.decision.iter().flat_map(|d| d.points.iter());
        for p in decision.chain(&section.summary) {
            out.push((place.clone(), &p.text, &p.cite));
        }
        for block in &section.detail {
            match block {
                Block::Heading { text } => out.push((place.clone(), text, none)),
                Block::Paragraph { text, cite } | Block::Note { text, cite, .. } => {
                    out.push((place.clone(), text, cite))
                }
                Block::List { items } => {
                    for item in items {
                        out.push((place.clone(), &item.text, &item.cite));
                    }
                }
                Block::IconArray(array) => {
                    out.push((place.clone(), &array.title, none));
                    out.push((place.clone(), &array.text, &array.cite));
                }
            }
        }
        for text in section.questions.iter().chain(&section.checklist) {
            out.push((place.clone(), text, none));
        }
    }
    for claim in &guide.claims {
        out.push((
            format!("claim \"{}\"", claim.id),
            &claim.explanation,
            &claim.cite,
        ));
    }
    for entry in &guide.glossary {
        out.push((
            format!("glossary \"{}\"", entry.id),
            &entry.definition,
            &entry.cite,
        ));
    }
    for (name, comparison) in guide.comparisons() {
        if let Some(caution) = &comparison.caution {
            out.push((name.to_owned(), &caution.text, &caution.cite));
        }
        for row in &comparison.rows {
            for (route, cell) in &row.cells {
                let place = format!("{name} row \"{}\", column \"{route}\"", row.id);
                out.push((place, &cell.answer, &cell.cite));
            }
        }
        for timeline in &comparison.timelines {
            let place = format!("timeline \"{}\"", timeline.route);
            out.push((place, &timeline.note, &timeline.cite));
        }
        for route in &comparison.routes {
            out.push((format!("route \"{}\"", route.id), &route.description, none));
        }
    }
    if let Some(planner) = &guide.planner {
        for schedule in &planner.schedules {
            let place = format!("schedule \"{}\"", schedule.id);
            for p in [
                &schedule.about,
                &schedule.later,
                &schedule.plan_time,
                &schedule.driving,
            ] {
                out.push((place.clone(), &p.text, &p.cite));
            }
        }
        out.push(("planner".into(), &planner.ride.text, &planner.ride.cite));
        out.push((
            "planner".into(),
            &planner.cost_intro.text,
            &planner.cost_intro.cite,
        ));
    }
    if let Some(companion) = &guide.companion {
        let paragraphs = std::iter::once(&companion.intro)
            .chain(&companion.normal)
            .chain(&companion.more_help)
            .chain(&companion.driving);
        for p in paragraphs {
            out.push(("companion handout".into(), &p.text, &p.cite));
        }
    }
    for change in &guide.changes {
        let place = format!("change of {}", change.date);
        out.push((place.clone(), &change.what, &change.cite));
        out.push((place, &change.why, &change.cite));
    }
    if let Some(d) = &guide.deliberation {
        let place = || "deliberation".to_owned();
        out.push((place(), &d.intro, none));
        out.push((place(), &d.sure_intro.text, &d.sure_intro.cite));
        for item in &d.sure {
            out.push((place(), &item.next_step, none));
        }
    }
    if let Some(emergency) = &guide.emergency {
        let place = || "emergency box".to_owned();
        out.push((place(), &emergency.intro, none));
        out.push((place(), &emergency.action, none));
        for p in emergency.signs.iter().chain(&emergency.at_home) {
            out.push((place(), &p.text, &p.cite));
        }
        out.push((place(), &emergency.note.text, &emergency.note.cite));
    }
    out
}

/// The same texts, to be filled in.
fn texts_mut(guide: &mut Guide) -> Vec<&mut String> {
    let Guide {
        sections,
        claims,
        glossary,
        comparison,
        options_comparison,
        deliberation,
        emergency,
        planner,
        companion,
        changes,
        ..
    } = guide;
    let mut out: Vec<&mut String> = Vec::new();
    for section in sections {
        if let Some(decision) = &mut section.decision {
            out.extend(decision.points.iter_mut().map(|p| &mut p.text));
        }
        out.extend(section.summary.iter_mut().map(|p| &mut p.text));
        for block in &mut section.detail {
            match block {
                Block::Heading { text }
                | Block::Paragraph { text, .. }
                | Block::Note { text, .. } => out.push(text),
                Block::List { items } => out.extend(items.iter_mut().map(|i| &mut i.text)),
                Block::IconArray(array) => {
                    out.push(&mut array.title);
                    out.push(&mut array.text);
                }
            }
        }
        out.extend(section.questions.iter_mut());
        out.extend(section.checklist.iter_mut());
    }
    out.extend(claims.iter_mut().map(|c| &mut c.explanation));
    out.extend(glossary.iter_mut().map(|g| &mut g.definition));
    for comparison in comparison.iter_mut().chain(options_comparison.iter_mut()) {
        if let Some(caution) = &mut comparison.caution {
            out.push(&mut caution.text);
        }
        for row in &mut comparison.rows {
            out.extend(row.cells.values_mut().map(|c| &mut c.answer));
        }
        out.extend(comparison.timelines.iter_mut().map(|t| &mut t.note));
        out.extend(comparison.routes.iter_mut().map(|r| &mut r.description));
    }
    if let Some(planner) = planner {
        for schedule in &mut planner.schedules {
            out.push(&mut schedule.about.text);
            out.push(&mut schedule.later.text);
            out.push(&mut schedule.plan_time.text);
            out.push(&mut schedule.driving.text);
        }
        out.push(&mut planner.ride.text);
        out.push(&mut planner.cost_intro.text);
    }
    if let Some(companion) = companion {
        out.push(&mut companion.intro.text);
        let paragraphs = companion
            .normal
            .iter_mut()
            .chain(&mut companion.more_help)
            .chain(&mut companion.driving);
        out.extend(paragraphs.map(|p| &mut p.text));
    }
    for change in changes {
        out.push(&mut change.what);
        out.push(&mut change.why);
    }
    if let Some(d) = deliberation {
        out.push(&mut d.intro);
        out.push(&mut d.sure_intro.text);
        out.extend(d.sure.iter_mut().map(|i| &mut i.next_step));
    }
    if let Some(emergency) = emergency {
        out.push(&mut emergency.intro);
        out.push(&mut emergency.action);
        let paragraphs = emergency.signs.iter_mut().chain(&mut emergency.at_home);
        out.extend(paragraphs.map(|p| &mut p.text));
        out.push(&mut emergency.note.text);
    }
    out
}

/// Problems with how the text uses the figures: a reference to a figure that does not
/// exist and, when `report_unused`, a figure no text uses.
pub fn check(guide: &Guide, report_unused: bool) -> Vec<Problem> {
    let known: HashSet<&str> = guide.figures.iter().map(|f| f.id.as_str()).collect();
    let mut used = HashSet::new();
    let mut problems = Vec::new();
    for (place, text, _) in texts(guide) {
        for id in references_in(text) {
            if known.contains(id) {
                used.insert(id);
            } else {
                problems.push(Problem {
                    place,
                    message: format!("refers to the figure {{{{{id}}}}}, which is not defined"),
                });
                break;
            }
        }
    }
    for figure in guide.figures.iter().filter(|_| report_unused) {
        if !used.contains(figure.id.as_str()) {
            problems.push(Problem {
                place: format!("figure \"{}\"", figure.id),
                message: "is not used anywhere".to_owned(),
            });
        }
    }
    problems
}

/// One text with its `{{id}}`s filled in (for checks made before loading fills them).
pub fn filled_text(guide: &Guide, text: &str) -> String {
    let mut filled = text.to_owned();
    for figure in &guide.figures {
        let placeholder = format!("{{{{{}}}}}", figure.id);
        if filled.contains(&placeholder) {
            filled = filled.replace(&placeholder, &figure.text);
        }
    }
    filled
}

/// Fills in every `{{id}}` with its figure's text. Unknown ids are left as they are
/// ([`check`] reports them before this runs). Each text that states a rule with an
/// end date is noted in `guide.rule_ends`, as filled in, with that date.
pub fn fill_in(guide: &mut Guide) {
    let figures: HashMap<String, (String, Option<String>)> = guide
        .figures
        .iter()
        .map(|f| {
            let placeholder = format!("{{{{{}}}}}", f.id);
            (placeholder, (f.text.clone(), f.valid_until.clone()))
        })
        .collect();
    if figures.is_empty() {
        return;
    }
    let mut rule_ends = std::collections::BTreeMap::new();
    for text in texts_mut(guide) {
        if !text.contains("{{") {
            continue;
        }
        let mut filled = text.clone();
        let mut ends: Option<String> = None;
        for (placeholder, (value, valid_until)) in &figures {
            if filled.contains(placeholder.as_str()) {
                filled = filled.replace(placeholder.as_str(), value);
                if let Some(date) = valid_until {
                    // The earliest end date, where a text names more than one rule.
                    if ends.as_ref().is_none_or(|e| date < e) {
                        ends = Some(date.clone());
                    }
                }
            }
        }
        if let Some(date) = ends {
            rule_ends.insert(filled.clone(), date);
        }
        *text = filled;
    }
    guide.rule_ends = rule_ends;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references_in_order() {
        assert_eq!(
            references_in("About {{a}} versus {{b-2}} in 100, not { c }."),
            vec!["a", "b-2"]
        );
        assert!(references_in("No figures, {{ unclosed").is_empty());
    }
}
