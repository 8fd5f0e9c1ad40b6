#![cfg(not(target_arch = "wasm32"))]
//! Checks on the shipped guide content (`public/content/guide.json`): it parses,
//! every source is used, the plain layer is plain, the crisis help is there, and
//! the wording follows the guide's rules.

use std::collections::BTreeSet;

use ketamine_guide::content::readability::flesch_kincaid_grade;
use ketamine_guide::content::validate::all_citations;
use ketamine_guide::content::{Block, ContentError, Guide, parse_guide};

const GUIDE_JSON: &str = include_str!("../public/content/guide.json");

/// The sections, in reading order.
const SECTION_IDS: [&str; 17] = [
    "start-here",
    "depression",
    "what-it-is",
    "how-it-works",
    "routes",
    "compare",
    "treatment-course",
    "effectiveness",
    "side-effects",
    "safety-regulation",
    "cost",
    "psychotherapy",
    "claims",
    "questions",
    "glossary",
    "privacy",
    "about",
];

/// The highest Flesch-Kincaid grade allowed for a section's summary.
const MAX_SUMMARY_GRADE: f64 = 8.0;

fn guide() -> Guide {
    match parse_guide(GUIDE_JSON) {
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
    if let Some(comparison) = &guide.comparison {
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

fn summary_text(section: &ketamine_guide::content::Section) -> String {
    section
        .summary
        .iter()
        .map(|p| p.text.as_str())
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
    if let Some(comparison) = &guide.comparison {
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

#[test]
fn meta_dates_match_the_review_policy() {
    let guide = guide();
    assert_eq!(guide.meta.last_reviewed, "2026-11-21");
    assert_eq!(guide.meta.next_review, "2027-05-21");
}
