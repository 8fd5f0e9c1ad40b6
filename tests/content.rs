#![cfg(not(target_arch = "wasm32"))]
//! Checks on the shipped guide content (`public/content/guide.json`): it parses,
//! every source is used, the plain layer is plain, the crisis help is there, and
//! the wording follows the guide's rules.

use std::collections::BTreeSet;

use ketamine_guide::content::figures;
use ketamine_guide::content::readability::flesch_kincaid_grade;
use ketamine_guide::content::text::human_date;
use ketamine_guide::content::validate::all_citations;
use ketamine_guide::content::{
    Block, Certainty, ContentError, EmergencyKind, Guide, RowKind, Verdict, parse_guide,
    parse_guide_as_written,
};
use ketamine_guide::state::search::SearchIndex;

const GUIDE_JSON: &str = include_str!("../public/content/guide.json");

/// The sections, in reading order.
const SECTION_IDS: [&str; 21] = [
    "start-here",
    "depression",
    "what-it-is",
    "how-it-works",
    "who-it-is-for",
    "routes",
    "compare",
    "options",
    "treatment-course",
    "effectiveness",
    "side-effects",
    "safety-regulation",
    "cost",
    "plan-visits",
    "person-with-you",
    "psychotherapy",
    "claims",
    "questions",
    "glossary",
    "privacy",
    "about",
];

/// The highest Flesch-Kincaid grade allowed for a section's summary.
const MAX_SUMMARY_GRADE: f64 = 8.0;
/// The highest Flesch-Kincaid grade allowed for a section's "More detail" layer.
const MAX_DETAIL_GRADE: f64 = 9.0;

fn guide() -> Guide {
    parsed(parse_guide(GUIDE_JSON))
}

/// The guide with its `{{figure}}` references as written, for checks on the writing.
fn guide_as_written() -> Guide {
    parsed(parse_guide_as_written(GUIDE_JSON))
}

fn parsed(result: Result<Guide, ContentError>) -> Guide {
    match result {
        Ok(guide) => guide,
        Err(ContentError::Invalid(error)) => {
            let problems: Vec<String> = error.problems.iter().map(ToString::to_string).collect();
            panic!(
                "guide.json breaks {} rule(s):\n- {}",
                problems.len(),
                problems.join("\n- ")
            );
        }
        Err(error) => panic!("{error}"),
    }
}

/// Every citation key used anywhere, including the comparison if there is one.
fn cited_keys(guide: &Guide) -> BTreeSet<&str> {
    let mut keys: BTreeSet<&str> = all_citations(guide).collect();
    for (_, comparison) in guide.comparisons() {
        for row in &comparison.rows {
            for cell in row.cells.values() {
                keys.extend(cell.cite.iter().map(String::as_str));
            }
        }
        for timeline in &comparison.timelines {
            keys.extend(timeline.cite.iter().map(String::as_str));
        }
    }
    keys
}

/// A section's summary layer as one text: the decision box, if any, then the summary.
fn summary_text(section: &ketamine_guide::content::Section) -> String {
    let decision = section.decision.iter().flat_map(|d| d.points.iter());
    decision
        .chain(&section.summary)
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A section's "More detail" layer as one text. Each paragraph, list item and note
/// counts as at least one sentence (a list item need not end with a full stop);
/// headings are left out, as they are not sentences.
fn detail_text(section: &ketamine_guide::content::Section) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    for block in &section.detail {
        match block {
            Block::Heading { .. } => {}
            Block::Paragraph { text, .. } | Block::Note { text, .. } => pieces.push(text),
            Block::List { items } => pieces.extend(items.iter().map(|i| i.text.as_str())),
            Block::IconArray(array) => pieces.push(&array.text),
        }
    }
    pieces
        .iter()
        .map(|piece| {
            let piece = piece.trim().trim_end_matches([';', ',', ':']);
            let ends = piece
                .trim_end_matches(['”', '’', ')', '"'])
                .ends_with(['.', '!', '?']);
            if ends {
                piece.to_owned()
            } else {
                format!("{piece}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every piece of reader-facing text, with where it is. The `claim` field of a
/// claim check is left out: it quotes marketing in order to correct it.
fn all_text(guide: &Guide) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |place: String, text: &str| out.push((place, text.to_owned()));

    push("meta title".into(), &guide.meta.title);
    push("meta subtitle".into(), &guide.meta.subtitle);
    if let Some(status) = &guide.meta.review_status {
        push("meta review status".into(), status);
    }
    push("crisis heading".into(), &guide.crisis.heading);
    for line in &guide.crisis.lines {
        push("crisis region".into(), &line.region);
        push("crisis action".into(), &line.action);
        for link in &line.links {
            push("crisis link".into(), &link.label);
            push("crisis link".into(), &link.href);
        }
    }
    for section in &guide.sections {
        let place = format!("section \"{}\"", section.id);
        push(place.clone(), &section.id);
        push(place.clone(), &section.title);
        for paragraph in &section.summary {
            push(place.clone(), &paragraph.text);
        }
        if let Some(decision) = &section.decision {
            push(place.clone(), &decision.heading);
            for point in &decision.points {
                push(place.clone(), &point.text);
            }
        }
        for block in &section.detail {
            match block {
                Block::Heading { text }
                | Block::Paragraph { text, .. }
                | Block::Note { text, .. } => push(place.clone(), text),
                Block::List { items } => {
                    for item in items {
                        push(place.clone(), &item.text);
                    }
                }
                Block::IconArray(array) => {
                    push(place.clone(), &array.title);
                    push(place.clone(), &array.text);
                    for group in &array.groups {
                        push(place.clone(), &group.label);
                    }
                }
            }
        }
        for question in &section.questions {
            push(place.clone(), question);
        }
    }
    for claim in &guide.claims {
        let place = format!("claim \"{}\"", claim.id);
        push(place.clone(), &claim.id);
        push(place, &claim.explanation);
    }
    for entry in &guide.glossary {
        let place = format!("glossary \"{}\"", entry.id);
        push(place.clone(), &entry.id);
        push(place.clone(), &entry.term);
        for alias in &entry.aliases {
            push(place.clone(), alias);
        }
        push(place, &entry.definition);
    }
    for reference in &guide.references {
        let place = format!("reference \"{}\"", reference.key);
        push(place.clone(), &reference.title);
        if let Some(note) = &reference.note {
            push(place, note);
        }
    }
    if let Some(emergency) = &guide.emergency {
        for text in [&emergency.heading, &emergency.intro, &emergency.action] {
            push("emergency box".into(), text);
        }
        push("emergency box".into(), &emergency.at_home_heading);
        for paragraph in emergency.signs.iter().chain(&emergency.at_home) {
            push("emergency box".into(), &paragraph.text);
        }
        push("emergency box".into(), &emergency.note.text);
    }
    if let Some(planner) = &guide.planner {
        for schedule in &planner.schedules {
            let place = format!("schedule \"{}\"", schedule.id);
            push(place.clone(), &schedule.label);
            push(place.clone(), &schedule.event_title);
            for p in [
                &schedule.about,
                &schedule.later,
                &schedule.plan_time,
                &schedule.driving,
            ] {
                push(place.clone(), &p.text);
            }
        }
        push("planner".into(), &planner.ride.text);
        push("planner".into(), &planner.cost_heading);
        push("planner".into(), &planner.cost_intro.text);
    }
    for (place, text) in handout_texts(guide) {
        push(place, &text);
    }
    for change in &guide.changes {
        push("what changed".into(), &change.what);
        push("what changed".into(), &change.why);
    }
    if let Some(d) = &guide.deliberation {
        for text in [&d.heading, &d.intro, &d.leaning_legend, &d.sure_heading] {
            push("deliberation".into(), text);
        }
        push("deliberation".into(), &d.sure_intro.text);
        push("deliberation".into(), &d.sure_all_yes);
        push("deliberation".into(), &d.sure_not_yet);
        for item in &d.sure {
            push("deliberation".into(), &item.question);
            push("deliberation".into(), &item.next_step);
        }
        for choice in &d.leanings {
            push("deliberation".into(), &choice.label);
        }
    }
    for (_, comparison) in guide.comparisons() {
        if let Some(caution) = &comparison.caution {
            push("comparison".into(), &caution.text);
        }
        push("comparison".into(), &comparison.caption);
        push("comparison".into(), &comparison.intro);
        for route in &comparison.routes {
            push("comparison route".into(), &route.name);
            push("comparison route".into(), &route.description);
            for question in &route.questions {
                push("comparison route".into(), question);
            }
        }
        for row in &comparison.rows {
            push(format!("comparison row \"{}\"", row.id), &row.question);
            for cell in row.cells.values() {
                push(format!("comparison row \"{}\"", row.id), &cell.answer);
            }
        }
        for timeline in &comparison.timelines {
            push("comparison timeline".into(), &timeline.note);
            for step in &timeline.visit {
                push("comparison timeline".into(), &step.label);
            }
        }
    }
    out
}

/// Banned phrases found in a text (lowercased, whitespace normalised).
fn banned_in(text: &str) -> Vec<&'static str> {
    const PHRASES: [&str; 7] = [
        "miracle",
        "breakthrough",
        "risk-free",
        "risk free",
        "committed suicide",
        "successful suicide",
        "completed suicide",
    ];
    let lower = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut found: Vec<&'static str> = PHRASES
        .iter()
        .copied()
        .filter(|phrase| lower.contains(phrase))
        .collect();
    // "cure" as a whole word (and its forms), so "secure" and "procure" pass.
    let cure = lower
        .split(|c: char| !c.is_alphabetic())
        .any(|word| matches!(word, "cure" | "cures" | "cured" | "curing"));
    if cure {
        found.push("cure");
    }
    found
}

#[test]
fn guide_parses_and_validates() {
    let guide = guide();
    assert!(!guide.sections.is_empty());
    assert!(
        guide.comparison.is_none() || !guide.comparison.as_ref().unwrap().rows.is_empty(),
        "a comparison, when present, has rows"
    );
}

#[test]
fn banned_phrase_check_works() {
    assert_eq!(banned_in("It is not a cure."), ["cure"]);
    assert_eq!(banned_in("Cured in a day"), ["cure"]);
    assert!(banned_in("Keep your data secure; procure care.").is_empty());
    assert_eq!(banned_in("A RISK-FREE miracle"), ["miracle", "risk-free"]);
    assert_eq!(banned_in("he committed\n suicide"), ["committed suicide"]);
}

#[test]
fn every_reference_is_cited() {
    let guide = guide();
    let cited = cited_keys(&guide);
    let unused: Vec<&str> = guide
        .references
        .iter()
        .map(|r| r.key.as_str())
        .filter(|key| !cited.contains(key))
        .collect();
    assert!(unused.is_empty(), "references never cited: {unused:?}");
}

#[test]
fn sections_are_all_present_in_order() {
    let guide = guide();
    let ids: Vec<&str> = guide.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, SECTION_IDS);
}

#[test]
fn every_section_has_a_summary_and_sourced_sections_cite() {
    let guide = guide();
    for section in &guide.sections {
        assert!(
            !section.summary.is_empty()
                && section.summary.iter().all(|p| !p.text.trim().is_empty()),
            "section \"{}\" has an empty summary",
            section.id
        );
        if section.kind.requires_citation() {
            let cites = ketamine_guide::content::validate::section_citations(section).count();
            assert!(cites >= 1, "section \"{}\" cites nothing", section.id);
        }
    }
}

#[test]
fn summaries_are_plain() {
    let guide = guide();
    let mut too_hard = Vec::new();
    for section in &guide.sections {
        let grade = flesch_kincaid_grade(&summary_text(section));
        println!("{:<18} summary grade {grade:.1}", section.id);
        if grade > MAX_SUMMARY_GRADE {
            too_hard.push(format!(
                "section \"{}\" summary scores grade {grade:.1} (max {MAX_SUMMARY_GRADE})",
                section.id
            ));
        }
    }
    assert!(too_hard.is_empty(), "{}", too_hard.join("\n"));
}

#[test]
fn claim_checks_are_complete() {
    let guide = guide();
    assert!(
        guide.claims.len() >= 15,
        "only {} claim checks",
        guide.claims.len()
    );
    let labels = [
        "Accurate",
        "Partly accurate",
        "Misleading",
        "Inaccurate",
        "Unproven",
    ];
    for claim in &guide.claims {
        assert!(
            labels.contains(&claim.verdict.label()),
            "claim \"{}\"",
            claim.id
        );
        assert!(
            !claim.cite.is_empty(),
            "claim \"{}\" cites nothing",
            claim.id
        );
        assert!(
            !claim.explanation.trim().is_empty(),
            "claim \"{}\" has no explanation",
            claim.id
        );
    }
}

/// The key above the claims says what each verdict means, in one short plain line,
/// so a reader need not guess what "misleading" or "unproven" means here.
#[test]
fn every_verdict_has_a_plain_one_line_meaning() {
    let guide = guide();
    for verdict in Verdict::ALL {
        let meanings: Vec<&str> = guide
            .verdict_meanings
            .iter()
            .filter(|m| m.verdict == verdict)
            .map(|m| m.meaning.trim())
            .collect();
        assert_eq!(
            meanings.len(),
            1,
            "{} needs exactly one meaning",
            verdict.label()
        );
        let meaning = meanings[0];
        assert!(
            !meaning.is_empty() && meaning.len() <= 90 && meaning.matches(". ").count() == 0,
            "{}: the meaning is one short sentence: {meaning:?}",
            verdict.label()
        );
        assert!(
            !meaning
                .to_lowercase()
                .contains(&verdict.label().to_lowercase()),
            "{}: the meaning explains the word instead of repeating it: {meaning:?}",
            verdict.label()
        );
    }
    let all: Vec<&str> = guide
        .verdict_meanings
        .iter()
        .map(|m| m.meaning.as_str())
        .collect();
    let grade = flesch_kincaid_grade(&all.join(" "));
    assert!(
        grade <= MAX_SUMMARY_GRADE,
        "the verdict meanings read at grade {grade:.1}"
    );
}

/// Each claim card starts with a one-line bottom line that says the verdict in plain
/// words; the claims readers ask about most (risk, addiction, approval, at-home use)
/// come first.
#[test]
fn claims_start_with_a_plain_bottom_line_and_the_most_asked_first() {
    let guide = guide();
    for claim in &guide.claims {
        let line = claim.bottom_line.trim();
        assert!(
            !line.is_empty(),
            "claim \"{}\" has no bottom line",
            claim.id
        );
        assert!(
            line.len() <= 140 && line.matches(". ").count() == 0,
            "claim \"{}\": the bottom line is one short sentence: {line:?}",
            claim.id
        );
        // The badge just before it already gives the verdict; a second label in other
        // words ("Wrong:", "Not proven:") would make two verdicts on one card.
        let label = line.split_once(':').map(|(head, _)| head);
        assert!(
            label.is_none_or(|head| head.split_whitespace().count() > 3),
            "claim \"{}\": the bottom line starts with a label of its own: {line:?}",
            claim.id
        );
    }
    let all: String = guide
        .claims
        .iter()
        .map(|c| c.bottom_line.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let grade = flesch_kincaid_grade(&all);
    assert!(
        grade <= MAX_SUMMARY_GRADE,
        "bottom lines read at grade {grade:.1}"
    );
    let first: Vec<&str> = guide.claims.iter().take(5).map(|c| c.id.as_str()).collect();
    for id in [
        "safe-for-most-adults",
        "low-addiction-risk",
        "fda-approved-for-depression",
        "at-home-is-convenient",
    ] {
        assert!(
            first.contains(&id),
            "{id} is not among the first claims: {first:?}"
        );
    }
}

/// "A medical reviewer has not checked it yet" is said near the top, not only in
/// "About this guide".
#[test]
fn the_review_status_is_given() {
    let status = guide().meta.review_status.expect("meta.review_status");
    assert!(status.contains("medical reviewer"), "{status}");
}

/// What an insured reader pays for the nasal spray: the maker's savings programme with
/// its figures and who cannot use it, the year, and that clinic fees are separate.
#[test]
fn the_cost_summary_says_what_an_insured_reader_pays() {
    let guide = guide();
    let cost = guide.sections.iter().find(|s| s.id == "cost").unwrap();
    let text = summary_text(cost);
    let copay = guide
        .figures
        .iter()
        .find(|f| f.id == "carepath-copay")
        .unwrap();
    let limit = guide
        .figures
        .iter()
        .find(|f| f.id == "carepath-yearly-limit")
        .unwrap();
    for needed in [
        copay.text.as_str(),
        limit.text.as_str(),
        "Medicare",
        "Medicaid",
        "Clinic fees",
        "2026",
    ] {
        assert!(
            text.contains(needed),
            "the cost summary lacks {needed:?}: {text}"
        );
    }
    let insurance = guide
        .comparison
        .as_ref()
        .unwrap()
        .rows
        .iter()
        .find(|r| r.id == "insurance")
        .unwrap();
    let nasal = &insurance.cells["nasal"].answer;
    assert!(
        nasal.contains("cannot use the savings programme"),
        "the savings card, not the drug, is closed to Medicare and Medicaid: {nasal}"
    );
}

#[test]
fn no_banned_phrases() {
    let guide = guide();
    let hits: Vec<String> = all_text(&guide)
        .iter()
        .flat_map(|(place, text)| {
            banned_in(text)
                .into_iter()
                .map(move |phrase| format!("{place}: \"{phrase}\" in \"{text}\""))
        })
        .collect();
    assert!(hits.is_empty(), "banned phrases:\n{}", hits.join("\n"));
}

#[test]
fn crisis_help_is_present() {
    let guide = guide();
    let lines = &guide.crisis.lines;
    let has_link = |line: &ketamine_guide::content::CrisisLine, href: &str| {
        line.links.iter().any(|l| l.href == href)
    };
    assert!(!guide.crisis.heading.trim().is_empty());
    assert!(
        lines
            .iter()
            .any(|l| l.action.contains("988") && has_link(l, "tel:988") && has_link(l, "sms:988")),
        "no 988 line with call and text links"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.action.contains("116 123") && has_link(l, "tel:116123")),
        "no Samaritans 116 123 line"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.links.iter().any(|k| k.href.contains("findahelpline.com"))),
        "no international directory"
    );
    assert!(
        lines.iter().any(|l| {
            let text = format!("{} {}", l.region, l.action).to_lowercase();
            text.contains("emergency")
                && has_link(l, "tel:911")
                && has_link(l, "tel:999")
                && has_link(l, "tel:112")
        }),
        "no emergency-number line"
    );
}

#[test]
fn glossary_has_the_core_terms() {
    let guide = guide();
    let required = [
        "NMDA receptor",
        "glutamate",
        "AMPA receptor",
        "BDNF",
        "dissociation",
        "treatment-resistant depression",
        "REMS",
        "off-label",
        "racemic",
        "bioavailability",
        "compounded",
        "remission",
        "response",
        "esketamine",
        "arketamine",
        "Schedule III",
        "midazolam",
        "MADRS",
        "placebo",
        "randomised controlled trial",
        "open-label",
        "relapse",
        "induction",
        "maintenance",
        "neuroplasticity",
        "cystitis",
    ];
    let names = |entry: &ketamine_guide::content::GlossaryEntry| {
        std::iter::once(entry.term.to_lowercase())
            .chain(entry.aliases.iter().map(|a| a.to_lowercase()))
            .collect::<Vec<_>>()
    };
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|term| {
            let term = term.to_lowercase();
            !guide.glossary.iter().any(|entry| {
                names(entry)
                    .iter()
                    .any(|name| name == &term || name.starts_with(&format!("{term} (")))
            })
        })
        .collect();
    assert!(missing.is_empty(), "glossary lacks: {missing:?}");
}

/// The guide is reviewed at least every 6 months, and "About this guide" states both
/// dates as the header does.
#[test]
fn meta_dates_match_the_review_policy() {
    let guide = guide();
    let (last, next) = (&guide.meta.last_reviewed, &guide.meta.next_review);
    assert!(next > last, "next review {next} is not after {last}");
    let month_index = |iso: &str| {
        let year: i32 = iso[..4].parse().unwrap();
        let month: i32 = iso[5..7].parse().unwrap();
        year * 12 + month
    };
    assert!(
        month_index(next) - month_index(last) <= 6,
        "next review {next} is more than 6 months after {last}"
    );
    let about = guide.sections.iter().find(|s| s.id == "about").unwrap();
    let about_text = format!("{} {}", summary_text(about), detail_text(about));
    for date in [last, next] {
        let human = human_date(date).unwrap();
        assert!(about_text.contains(&human), "About does not give {human}");
    }
}

#[test]
fn detail_layers_are_plain() {
    let guide = guide();
    let mut too_hard = Vec::new();
    for section in &guide.sections {
        let text = detail_text(section);
        if text.is_empty() {
            continue;
        }
        let grade = flesch_kincaid_grade(&text);
        println!("{:<18} detail grade {grade:.1}", section.id);
        if grade > MAX_DETAIL_GRADE {
            too_hard.push(format!(
                "section \"{}\" detail scores grade {grade:.1} (max {MAX_DETAIL_GRADE})",
                section.id
            ));
        }
    }
    assert!(too_hard.is_empty(), "{}", too_hard.join("\n"));
}

#[test]
fn detail_text_counts_each_piece_as_a_sentence() {
    let guide = guide();
    let side_effects = guide
        .sections
        .iter()
        .find(|s| s.id == "side-effects")
        .unwrap();
    let text = detail_text(side_effects);
    assert!(
        !text.contains(";."),
        "list items ending in ';' are closed once"
    );
    assert!(text.ends_with(['.', '!', '?', '”', ')']), "{text}");
}

/// Whether `text` holds `value` as a whole figure ("41 in 100" is not inside "141 in 100").
fn holds_figure(text: &str, value: &str) -> bool {
    text.match_indices(value).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + value.len()..].chars().next();
        let mut rest = text[at + value.len()..].chars();
        let continues = match (after, rest.nth(1)) {
            (Some(c), _) if c.is_ascii_digit() => true,
            (Some(',' | '.'), Some(next)) => next.is_ascii_digit(),
            _ => false,
        };
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',') && !continues
    })
}

/// A figure written in the registry is never also typed out by hand next to its own
/// source, so the same result cannot read differently in two places. (The same
/// number from a different study, citing a different source, is a different figure.)
#[test]
fn figures_are_written_once() {
    let guide = guide_as_written();
    let mut typed = Vec::new();
    for figure in &guide.figures {
        for (place, text, cites) in figures::texts(&guide) {
            let same_source = figure.cite.iter().any(|key| cites.contains(key));
            if same_source && holds_figure(text, &figure.text) {
                typed.push(format!(
                    "{place} types \"{}\" instead of {{{{{}}}}}",
                    figure.text, figure.id
                ));
            }
        }
    }
    assert!(typed.is_empty(), "{}", typed.join("\n"));
}

#[test]
fn whole_figures_are_told_apart() {
    assert!(holds_figure("about 41 in 100 responded", "41 in 100"));
    assert!(!holds_figure("about 141 in 100", "41 in 100"));
    assert!(!holds_figure("about 52.5 in 100", "5 in 100"));
    assert!(!holds_figure("3 to 4 in 1,000", "4 in 1"));
}

#[test]
fn the_same_trial_result_reads_the_same_everywhere() {
    let guide = guide();
    // TRANSFORM-2 remission on esketamine was 52.5 in 100 (Popova 2019); rounded
    // forms of it crept in before the registry.
    let drifted: Vec<String> = all_text(&guide)
        .into_iter()
        .filter(|(_, text)| text.contains("TRANSFORM-2") || text.contains("227 adults"))
        .filter(|(_, text)| {
            text.contains("53 in 100") || text.contains("about 52 in 100 on esketamine")
        })
        .map(|(place, text)| format!("{place}: {text}"))
        .collect();
    assert!(drifted.is_empty(), "{}", drifted.join("\n"));
    let remission = guide
        .figures
        .iter()
        .find(|f| f.id == "transform2-remission-esketamine")
        .expect("the TRANSFORM-2 remission figure");
    assert_eq!(remission.text, "52.5 in 100");
}

/// Text that uses a figure cites the figure's source beside it.
#[test]
fn figures_are_cited_where_they_are_used() {
    let guide = guide_as_written();
    let mut uncited = Vec::new();
    for (place, text, cites) in figures::texts(&guide) {
        for id in figures::references_in(text) {
            let Some(figure) = guide.figures.iter().find(|f| f.id == id) else {
                continue;
            };
            let missing: Vec<&String> = figure
                .cite
                .iter()
                .filter(|key| !cites.contains(key))
                .collect();
            if !missing.is_empty() {
                uncited.push(format!(
                    "{place}: uses {{{{{id}}}}} without citing {missing:?}"
                ));
            }
        }
    }
    assert!(uncited.is_empty(), "{}", uncited.join("\n"));
}

/// Prices and rules change: every price carries its date, and a rule that ends is
/// dated so validation can hold the next review to it.
#[test]
fn prices_and_rules_carry_their_dates() {
    let guide = guide_as_written();
    let mut undated = Vec::new();
    for figure in &guide.figures {
        if figure.text.contains('$') && figure.checked.is_none() {
            undated.push(format!(
                "figure \"{}\" is a price without a checked date",
                figure.id
            ));
        }
    }
    for (_, comparison) in guide.comparisons() {
        for row in &comparison.rows {
            for (route, cell) in &row.cells {
                if cell.answer.contains('$') && cell.certainty != Certainty::Price {
                    undated.push(format!(
                        "row \"{}\", route \"{route}\" gives a price but is not labelled as one",
                        row.id
                    ));
                }
            }
        }
    }
    let telehealth = guide
        .figures
        .iter()
        .find(|f| f.id == "dea-telehealth-end")
        .expect("the end date of the US telehealth flexibilities");
    assert!(telehealth.valid_until.is_some() && telehealth.checked.is_some());
    assert!(undated.is_empty(), "{}", undated.join("\n"));
}

/// Benefits and harms are given alike: "X in 100" (with a time frame and a comparison
/// group, in the words), or a plain statement that no comparable figure exists.
#[test]
fn comparison_benefits_and_harms_are_in_numbers() {
    let guide = guide();
    assert!(guide.comparison.is_some() && guide.options_comparison.is_some());
    for (_, comparison) in guide.comparisons() {
        benefits_and_harms_are_in_numbers(comparison);
    }
}

fn benefits_and_harms_are_in_numbers(comparison: &ketamine_guide::content::Comparison) {
    let mut vague = Vec::new();
    for row in &comparison.rows {
        assert!(
            row.kind.is_some(),
            "row \"{}\" does not say what it weighs",
            row.id
        );
        if !matches!(row.kind, Some(RowKind::Benefit | RowKind::Harm)) {
            continue;
        }
        for (route, cell) in &row.cells {
            let numeric = cell.answer.contains(" in 100") || cell.answer.contains(" in 1,000");
            let said_so = cell.answer.contains("No comparable figure");
            if !numeric && !said_so {
                vague.push(format!(
                    "row \"{}\", route \"{route}\": {}",
                    row.id, cell.answer
                ));
            }
        }
    }
    let kinds: Vec<RowKind> = comparison.rows.iter().filter_map(|r| r.kind).collect();
    for kind in [
        RowKind::Benefit,
        RowKind::Harm,
        RowKind::Burden,
        RowKind::Cost,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} row");
    }
    assert!(vague.is_empty(), "{}", vague.join("\n"));
}

/// Regulatory facts and prices are labelled as what they are, not as evidence.
#[test]
fn approval_and_prices_are_not_called_well_studied() {
    let guide = guide();
    let comparison = guide.comparison.as_ref().expect("the comparison");
    let approval = comparison
        .rows
        .iter()
        .find(|r| r.id == "fda-approved")
        .expect("the approval row");
    assert!(
        approval
            .cells
            .values()
            .all(|c| c.certainty == Certainty::Official)
    );
    let cost = comparison.rows.iter().find(|r| r.id == "cost").unwrap();
    assert!(cost.cells.values().all(|c| c.certainty == Certainty::Price));
    let about = guide.sections.iter().find(|s| s.id == "about").unwrap();
    let about_text = detail_text(about);
    for label in [
        "Well studied",
        "Some evidence",
        "Little evidence",
        "Not known",
        "Official fact",
        "Price as of",
    ] {
        assert!(
            about_text.contains(label),
            "About does not explain \"{label}\""
        );
    }
}

/// The emergency box is in the summary layer of every section on side effects and on
/// doses outside a clinic, and says what a frightened reader needs.
#[test]
fn emergency_help_is_where_the_risks_are() {
    let guide = guide();
    let emergency = guide.emergency.as_ref().expect("the emergency box");
    let shown = |id: &str| {
        guide
            .sections
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.emergency)
    };
    assert!(
        shown("side-effects").is_some(),
        "side effects lacks the emergency box"
    );
    assert!(
        shown("treatment-course").is_some(),
        "the course lacks the emergency box"
    );
    for id in ["routes", "safety-regulation"] {
        assert_eq!(
            shown(id),
            Some(EmergencyKind::AtHome),
            "{id} lacks the at-home box"
        );
    }
    let signs = emergency
        .signs
        .iter()
        .map(|p| p.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for sign in [
        "wake",
        "breath",
        "chest pain",
        "headache",
        "faint",
        "confus",
    ] {
        assert!(signs.contains(sign), "the box does not mention \"{sign}\"");
    }
    for number in ["911", "999", "112"] {
        assert!(
            emergency.action.contains(number),
            "the box does not give {number}"
        );
    }
    let rules = emergency
        .at_home
        .iter()
        .map(|p| p.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for rule in ["alone", "alcohol", "opioid", "dose", "drive"] {
        assert!(
            rules.contains(rule),
            "the at-home rules do not mention \"{rule}\""
        );
    }
}

/// What a reader in a hurry types finds the emergency box first.
#[test]
fn searching_for_help_finds_the_emergency_box() {
    let guide = guide();
    let index = SearchIndex::new(&guide);
    for query in [
        "warning signs",
        "emergency",
        "chest pain",
        "overdose",
        "call 911",
    ] {
        let hits = index.search(query, 5);
        let first = hits
            .first()
            .unwrap_or_else(|| panic!("nothing found for \"{query}\""));
        assert_eq!(
            first.kind, "Emergency help",
            "\"{query}\" found {:?} first",
            first.title
        );
        assert!(
            first
                .target
                .element
                .as_deref()
                .is_some_and(|e| e.ends_with("-emergency"))
        );
    }
}

/// Driving: a rule wherever patient guidance gives one, never "not known".
#[test]
fn driving_rules_are_given_for_every_route() {
    let guide = guide();
    let comparison = guide.comparison.as_ref().expect("the comparison");
    let driving = comparison.rows.iter().find(|r| r.id == "driving").unwrap();
    for route in ["iv", "oral"] {
        let cell = &driving.cells[route];
        assert!(cell.answer.contains("24 hours"), "{route}: {}", cell.answer);
        assert!(
            cell.certainty != Certainty::NotKnown,
            "{route} driving is 'not known'"
        );
        assert!(cell.cite.iter().any(|k| k == "ketamine-injection-leaflet"));
    }
    let course = guide
        .sections
        .iter()
        .find(|s| s.id == "treatment-course")
        .unwrap();
    let course_text = format!("{} {}", summary_text(course), detail_text(course));
    assert!(
        course_text.contains("24 hours"),
        "the course does not give the 24-hour rule"
    );
}

/// The handout's own texts, with the emergency box it reuses.
fn handout_texts(guide: &Guide) -> Vec<(String, String)> {
    let Some(companion) = &guide.companion else {
        return Vec::new();
    };
    let mut out = vec![
        ("handout".to_owned(), companion.intro.text.clone()),
        ("handout".to_owned(), companion.normal_heading.clone()),
        ("handout".to_owned(), companion.driving_heading.clone()),
    ];
    for p in companion
        .normal
        .iter()
        .chain(&companion.more_help)
        .chain(&companion.driving)
    {
        out.push(("handout".to_owned(), p.text.clone()));
    }
    out
}

/// The planner's check figure: the nasal spray on its label schedule, started on a
/// Monday, gives 12 sessions in weeks 1 to 8, from the content's own schedule.
#[test]
fn the_planner_gives_the_label_schedule_from_the_content() {
    use ketamine_guide::state::planner::{PlannerInputs, make_plan};
    let guide = guide();
    let planner = guide.planner.as_ref().expect("the planner");
    let plan = |schedule: &str, start: &str| {
        let inputs = PlannerInputs {
            start: start.into(),
            schedule: schedule.into(),
            ..Default::default()
        };
        make_plan(planner, &inputs).unwrap()
    };
    let nasal = plan("nasal", "2026-12-07");
    assert_eq!(nasal.visits(), 12);
    let per_week: Vec<usize> = (1..=8)
        .map(|w| nasal.sessions.iter().filter(|s| s.week == w).count())
        .collect();
    assert_eq!(per_week, [2, 2, 2, 2, 1, 1, 1, 1]);
    assert!(nasal.schedule.driving.text.contains("next day"));
    assert!(
        nasal
            .schedule
            .driving
            .cite
            .iter()
            .any(|k| k == "spravato-pi")
    );
    assert!(nasal.schedule.plan_time.text.contains("at least 2 hours"));

    let iv = plan("iv", "2026-12-07");
    assert_eq!(iv.visits(), 6);
    assert!(iv.schedule.label.contains("a common pattern in studies"));
    assert!(iv.schedule.label.contains("your clinic’s plan may differ"));
    assert!(iv.schedule.driving.text.contains("24 hours"));
    assert!(
        iv.schedule
            .driving
            .cite
            .iter()
            .any(|k| k == "ketamine-injection-leaflet")
    );
    assert!(!iv.schedule.about.cite.is_empty());
    assert!(planner.schedules.iter().any(|s| s.is_custom()));
    assert_eq!(
        planner.cost_heading,
        "Your own numbers: an estimate, not a quote"
    );
    assert_eq!(planner.ride.text, "Bring someone to take you home.");
}

/// The planner, the handout and "What changed" read as plainly as the summaries.
#[test]
fn planner_handout_and_changes_are_plain() {
    let guide = guide();
    let planner = guide.planner.as_ref().unwrap();
    let mut planner_text = vec![planner.ride.text.clone(), planner.cost_intro.text.clone()];
    for schedule in &planner.schedules {
        for p in [
            &schedule.about,
            &schedule.later,
            &schedule.plan_time,
            &schedule.driving,
        ] {
            planner_text.push(p.text.clone());
        }
    }
    let handout: Vec<String> = handout_texts(&guide)
        .into_iter()
        .skip(3)
        .map(|(_, t)| t)
        .collect();
    let changes: Vec<String> = guide
        .changes
        .iter()
        .flat_map(|c| [c.what.clone(), c.why.clone()])
        .collect();
    for (what, texts, max) in [
        ("planner", planner_text, MAX_SUMMARY_GRADE),
        ("handout", handout, MAX_SUMMARY_GRADE),
        ("what changed", changes, MAX_DETAIL_GRADE),
    ] {
        let grade = flesch_kincaid_grade(&texts.join(" "));
        println!("{what:<18} grade {grade:.1}");
        assert!(grade <= max, "{what} scores grade {grade:.1} (max {max})");
    }
}

/// The handout says what is normal, when to get help (the shared emergency box plus
/// suicide help) and both driving rules, each with its source.
#[test]
fn the_handout_covers_what_the_person_with_you_needs() {
    let guide = guide();
    let companion = guide.companion.as_ref().expect("the handout");
    let normal = companion
        .normal
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    for word in ["detached", "sleepy", "dizzy", "sick", "2 hours"] {
        assert!(normal.contains(word), "what is normal lacks {word:?}");
    }
    let help = companion
        .more_help
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(help.contains("thoughts of suicide") && help.contains("988"));
    let driving = companion
        .driving
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(driving.contains("next day") && driving.contains("24 hours"));
    let all = std::iter::once(&companion.intro)
        .chain(&companion.normal)
        .chain(&companion.more_help)
        .chain(&companion.driving);
    for p in all {
        assert!(
            !p.cite.is_empty(),
            "handout text without a source: {}",
            p.text
        );
    }
    assert!(
        guide.emergency.is_some(),
        "the handout reuses the emergency box"
    );
}

/// "What changed" is said once: as the structured list, not again in About's detail.
#[test]
fn what_changed_is_listed_once_newest_first() {
    let guide = guide();
    assert!(guide.changes.len() >= 5);
    assert!(guide.changes[0].date == guide.meta.last_reviewed);
    let about = guide.sections.iter().find(|s| s.id == "about").unwrap();
    let about_text = detail_text(about);
    for change in &guide.changes {
        assert!(
            !about_text.contains(&change.what),
            "said twice: {}",
            change.what
        );
    }
    assert!(!about_text.contains("What changed on"));
}

/// The US telehealth rule's end date is known to the page, so it can say when it passed.
#[test]
fn texts_stating_a_rule_with_an_end_date_are_known() {
    let guide = guide();
    let telehealth = guide
        .rule_ends
        .iter()
        .find(|(text, _)| text.contains("extension runs until"))
        .expect("the telehealth rule");
    assert_eq!(telehealth.1, "2026-12-31");
    assert!(telehealth.0.contains("31 December 2026"));
}
/// "Ketamine and the other options" names every option the reader may weigh, warns
/// that the trials cannot be compared directly, and never uses the route timelines.
#[test]
fn the_options_comparison_covers_the_whole_decision() {
    let guide = guide();
    let options = guide
        .options_comparison
        .as_ref()
        .expect("the options comparison");
    let ids: Vec<&str> = options.routes.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "keep",
            "medicine",
            "therapy",
            "rtms",
            "ect",
            "esketamine",
            "iv"
        ]
    );
    let caution = options.caution.as_ref().expect("the caution");
    assert!(caution.text.contains("not directly comparable"));
    for question in [
        "how-well",
        "how-fast",
        "common-harms",
        "serious-harms",
        "visits",
        "cost",
    ] {
        assert!(
            options.rows.iter().any(|r| r.id == question),
            "no row \"{question}\""
        );
    }
    let labels: Vec<&str> = options.concerns.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.contains(&"Fast relief") && labels.contains(&"Lasting benefit"));
    let routes = guide.comparison.as_ref().unwrap();
    assert!(routes.concerns.iter().any(|c| c.label == "Fast relief"));
    let start = guide
        .sections
        .iter()
        .find(|s| s.id == "start-here")
        .unwrap();
    let decision = start
        .decision
        .as_ref()
        .expect("the decision box in Start here");
    let said = summary_text(start);
    for words in [
        "your clinician",
        "time to decide",
        "benefits and harms",
        "no change",
    ] {
        assert!(
            said.contains(words),
            "the decision box does not say \"{words}\""
        );
    }
    assert!(!decision.heading.is_empty());
}

/// The headline results are drawn as 100 people, each picture from the same figure as
/// the text beside it.
#[test]
fn headline_results_are_drawn() {
    let guide = guide();
    let arrays: Vec<&ketamine_guide::content::IconArray> = guide
        .sections
        .iter()
        .flat_map(|s| s.detail.iter())
        .filter_map(|b| match b {
            Block::IconArray(a) => Some(a),
            _ => None,
        })
        .collect();
    for id in [
        "ia-transform2-remission",
        "ia-escape-remission",
        "ia-ketamine-ect",
        "ia-sustain1-relapse",
        "ia-dissociation",
        "ia-blood-pressure-older",
    ] {
        assert!(arrays.iter().any(|a| a.id == id), "no icon array \"{id}\"");
    }
    let both = arrays.iter().find(|a| a.id == "ia-ketamine-ect").unwrap();
    let labels: Vec<&str> = both.groups.iter().map(|g| g.label.as_str()).collect();
    assert!(labels.iter().any(|l| l.starts_with("ELEKT-D")));
    assert!(labels.iter().any(|l| l.starts_with("KetECT")));
    let transform = arrays
        .iter()
        .find(|a| a.id == "ia-transform2-remission")
        .unwrap();
    assert_eq!(transform.groups[0].value, 52.5);
    assert!(transform.text.contains("52.5 in 100"));
}

/// The SURE test in its published wording, cited, with a next step for every question.
#[test]
fn the_sure_test_is_as_published() {
    let guide = guide();
    let d = guide.deliberation.as_ref().expect("the help to deliberate");
    let questions: Vec<&str> = d.sure.iter().map(|i| i.question.as_str()).collect();
    assert_eq!(
        questions,
        [
            "Do you feel SURE about the best choice for you?",
            "Do you know the benefits and risks of each option?",
            "Are you clear about which benefits and risks matter most to you?",
            "Do you have enough support and advice to make a choice?",
        ]
    );
    assert_eq!(d.sure_intro.cite, ["legare-2010"]);
    let legare = guide
        .references
        .iter()
        .find(|r| r.key == "legare-2010")
        .unwrap();
    assert!(legare.note.as_deref().unwrap_or("").contains("copies"));
    assert!(d.sure.iter().all(|i| i.link.is_some()));
    let leanings: Vec<&str> = d.leanings.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        leanings,
        [
            "Esketamine nasal spray",
            "IV ketamine",
            "Oral ketamine",
            "Switching or adding a medicine",
            "Talking therapy",
            "rTMS",
            "ECT",
            "Keep my current treatment",
            "Another option not listed here",
            "Not sure yet",
        ]
    );
}
