//! Recognising glossary terms in running text, so they can be explained in place.

use std::collections::HashSet;

use super::model::GlossaryEntry;
use super::words::{normalized_words, word_spans};

/// A piece of text: plain, or a glossary term (by index into the glossary).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Term { text: &'a str, entry: usize },
}

/// Finds glossary terms and their aliases in text, whole words only, case-insensitive,
/// longest match first ("NMDA receptor" before "NMDA").
#[derive(Debug, Clone, Default)]
pub struct TermMatcher {
    /// (lowercase words of the pattern, glossary index), longest first.
    patterns: Vec<(Vec<String>, usize)>,
}

impl TermMatcher {
    pub fn new(glossary: &[GlossaryEntry]) -> Self {
        let mut patterns: Vec<(Vec<String>, usize)> = glossary
            .iter()
            .enumerate()
            .flat_map(|(index, entry)| {
                std::iter::once(&entry.term)
                    .chain(entry.aliases.iter())
                    .map(move |name| (normalized_words(name), index))
            })
            .filter(|(words, _)| !words.is_empty())
            .collect();
        patterns.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        TermMatcher { patterns }
    }

    /// Splits `text` into segments, marking each glossary entry at most once: entries
    /// already in `seen` (marked earlier in the same section) stay plain text.
    pub fn mark<'a>(&self, text: &'a str, seen: &mut HashSet<usize>) -> Vec<Segment<'a>> {
        let spans: Vec<(usize, usize)> = word_spans(text).collect();
        let lower: Vec<String> = spans
            .iter()
            .map(|&(s, e)| text[s..e].to_lowercase())
            .collect();
        let mut segments = Vec::new();
        let mut plain_from = 0;
        let mut i = 0;
        while i < spans.len() {
            let found = self.patterns.iter().find(|(words, entry)| {
                !seen.contains(entry)
                    && i + words.len() <= spans.len()
                    && words.iter().zip(&lower[i..]).all(|(a, b)| a == b)
                    && joined_as_one_term(text, &spans[i..i + words.len()])
            });
            match found {
                Some((words, entry)) => {
                    let start = spans[i].0;
                    let end = spans[i + words.len() - 1].1;
                    if plain_from < start {
                        segments.push(Segment::Text(&text[plain_from..start]));
                    }
                    segments.push(Segment::Term {
                        text: &text[start..end],
                        entry: *entry,
                    });
                    seen.insert(*entry);
                    plain_from = end;
                    i += words.len();
                }
                None => i += 1,
            }
        }
        if plain_from < text.len() {
            segments.push(Segment::Text(&text[plain_from..]));
        }
        segments
    }
}

/// A multi-word term must not run across punctuation ("NMDA. Receptor" is not a term);
/// a slash joins units ("mg/kg").
fn joined_as_one_term(text: &str, spans: &[(usize, usize)]) -> bool {
    spans.windows(2).all(|pair| {
        text[pair[0].1..pair[1].0]
            .chars()
            .all(|c| matches!(c, ' ' | '-' | '/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(term: &str, aliases: &[&str]) -> GlossaryEntry {
        GlossaryEntry {
            id: term.to_lowercase().replace(' ', "-"),
            term: term.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            definition: "d".into(),
            cite: vec![],
        }
    }

    fn matcher() -> TermMatcher {
        TermMatcher::new(&[
            entry("NMDA", &[]),
            entry("NMDA receptor", &["NMDA receptors"]),
            entry("Treatment-resistant depression", &["TRD"]),
            entry("Response", &[]),
        ])
    }

    #[test]
    fn marks_the_longest_term_once_per_section() {
        let mut seen = HashSet::new();
        let text = "Ketamine blocks NMDA receptors. NMDA receptors matter.";
        let segments = matcher().mark(text, &mut seen);
        assert_eq!(
            segments,
            vec![
                Segment::Text("Ketamine blocks "),
                Segment::Term {
                    text: "NMDA receptors",
                    entry: 1
                },
                Segment::Text(". "),
                Segment::Term {
                    text: "NMDA",
                    entry: 0
                },
                Segment::Text(" receptors matter."),
            ]
        );
        let again = matcher().mark("NMDA receptor and NMDA", &mut seen);
        assert_eq!(again, vec![Segment::Text("NMDA receptor and NMDA")]);
    }

    #[test]
    fn matches_whole_words_case_insensitively_across_hyphens() {
        let mut seen = HashSet::new();
        let segments = matcher().mark(
            "People with treatment resistant depression (TRD)",
            &mut seen,
        );
        assert_eq!(
            segments[1],
            Segment::Term {
                text: "treatment resistant depression",
                entry: 2
            }
        );
        assert_eq!(
            segments.len(),
            3,
            "TRD is the same entry, so it is not marked again"
        );
        let mut seen = HashSet::new();
        assert_eq!(
            matcher().mark("Responses vary", &mut seen),
            vec![Segment::Text("Responses vary")]
        );
    }

    #[test]
    fn does_not_join_words_across_punctuation() {
        let mut seen = HashSet::new();
        let segments = matcher().mark("It blocks NMDA. Receptor", &mut seen);
        assert_eq!(
            segments[1],
            Segment::Term {
                text: "NMDA",
                entry: 0
            }
        );
    }

    #[test]
    fn units_joined_by_a_slash_are_one_term() {
        let units = TermMatcher::new(&[entry("mg/kg", &[])]);
        let mut seen = HashSet::new();
        assert_eq!(
            units.mark("A dose of 0.5 mg/kg.", &mut seen),
            vec![
                Segment::Text("A dose of 0.5 "),
                Segment::Term {
                    text: "mg/kg",
                    entry: 0
                },
                Segment::Text("."),
            ]
        );
    }

    #[test]
    fn text_without_terms_is_one_segment() {
        let mut seen = HashSet::new();
        assert_eq!(matcher().mark("", &mut seen), vec![]);
        assert_eq!(
            matcher().mark("plain", &mut seen),
            vec![Segment::Text("plain")]
        );
    }
}
