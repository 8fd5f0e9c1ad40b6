//! Numbering of references by first use, as a reader meets them.

use std::collections::HashMap;

use super::model::{Guide, Reference};
use super::validate::all_citations;

/// Maps each citation key to the number shown to the reader ([1], [2], ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitationIndex {
    numbers: HashMap<String, usize>,
}

impl CitationIndex {
    /// Numbers references in the order the guide first cites them.
    pub fn new(guide: &Guide) -> Self {
        let mut numbers = HashMap::new();
        for key in all_citations(guide) {
            let next = numbers.len() + 1;
            numbers.entry(key.to_owned()).or_insert(next);
        }
        CitationIndex { numbers }
    }

    pub fn number(&self, key: &str) -> Option<usize> {
        self.numbers.get(key).copied()
    }

    /// The references in citation order; any never cited come last, unnumbered.
    pub fn in_order<'g>(&self, references: &'g [Reference]) -> Vec<(Option<usize>, &'g Reference)> {
        let mut listed: Vec<_> = references
            .iter()
            .map(|r| (self.number(&r.key), r))
            .collect();
        listed.sort_by_key(|(number, _)| number.unwrap_or(usize::MAX));
        listed
    }
}

/// The element id of a reference entry, the target of its citation links.
pub fn reference_anchor(key: &str) -> String {
    format!("ref-{key}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{Crisis, Meta, Paragraph, Section, SectionKind};

    fn reference(key: &str) -> Reference {
        Reference {
            key: key.into(),
            authors: "A".into(),
            title: "T".into(),
            source: "S".into(),
            year: 2020,
            doi: None,
            pmid: None,
            url: None,
            note: None,
        }
    }

    fn section(id: &str, cites: &[&str]) -> Section {
        Section {
            id: id.into(),
            title: id.into(),
            kind: SectionKind::Article,
            summary: vec![Paragraph {
                text: "x".into(),
                cite: cites.iter().map(|c| c.to_string()).collect(),
            }],
            detail: vec![],
            questions: vec![],
            checklist: vec![],
            emergency: None,
            decision: None,
        }
    }

    #[test]
    fn numbers_follow_first_use_and_repeats_keep_their_number() {
        let guide = Guide {
            options_comparison: None,
            deliberation: None,
            meta: Meta {
                title: "t".into(),
                subtitle: "s".into(),
                last_reviewed: "2026-11-21".into(),
                next_review: "2027-05-21".into(),
                review_status: None,
            },
            crisis: Crisis {
                heading: "h".into(),
                lines: vec![],
            },
            sections: vec![
                section("a", &["b-ref", "a-ref"]),
                section("b", &["a-ref", "c-ref"]),
            ],
            claims: vec![],
            verdict_meanings: vec![],
            glossary: vec![],
            emergency: None,
            figures: vec![],
            comparison: None,
            planner: None,
            companion: None,
            changes: vec![],
            references: vec![
                reference("a-ref"),
                reference("unused"),
                reference("b-ref"),
                reference("c-ref"),
            ],
            rule_ends: Default::default(),
            search_synonyms: vec![],
        };
        let index = CitationIndex::new(&guide);
        assert_eq!(index.number("b-ref"), Some(1));
        assert_eq!(index.number("a-ref"), Some(2));
        assert_eq!(index.number("c-ref"), Some(3));
        assert_eq!(index.number("unused"), None);
        let order: Vec<_> = index
            .in_order(&guide.references)
            .into_iter()
            .map(|(n, r)| (n, r.key.as_str()))
            .collect();
        assert_eq!(
            order,
            vec![
                (Some(1), "b-ref"),
                (Some(2), "a-ref"),
                (Some(3), "c-ref"),
                (None, "unused")
            ]
        );
    }
}
