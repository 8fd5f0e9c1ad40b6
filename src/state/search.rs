//! Search over the guide's sections, claim checks and glossary, entirely in the browser.
//! Every query word must match the start of a word in the result (so "keta" finds
//! "ketamine" as the reader types); titles weigh more than summaries, summaries more
//! than the deeper text.

use crate::content::words::{normalized_words, word_spans};
use crate::content::{Block, EmergencyKind, Guide, SectionKind, emergency_box_id};

/// What a result opens: a section, or an element inside one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTarget {
    pub section: String,
    /// The element to move to, when it is not the section itself.
    pub element: Option<String>,
}

/// A piece of a snippet: plain, or matching the query (to highlight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Plain(String),
    Match(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub target: SearchTarget,
    /// "Section", "Claim check" or "Glossary".
    pub kind: &'static str,
    pub title: String,
    pub snippet: Vec<Piece>,
    pub score: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weight {
    Title = 8,
    Summary = 3,
    Body = 1,
}

struct Field {
    text: String,
    words: Vec<String>,
    weight: Weight,
}

struct Document {
    target: SearchTarget,
    /// Safety first: when the emergency box matches at all, it comes before any other
    /// result, so a frightened reader never has to scan for it.
    pinned: bool,
    kind: &'static str,
    title: String,
    fields: Vec<Field>,
}

/// The guide's text, prepared once for fast searching.
pub struct SearchIndex {
    documents: Vec<Document>,
}

/// Words shorter than this are ignored unless they are numbers ("IV" counts: 2 letters).
const MIN_WORD: usize = 2;
/// How much text a snippet shows around its first match.
const SNIPPET_CHARS: usize = 150;

fn field(text: &str, weight: Weight) -> Field {
    Field {
        text: text.to_owned(),
        words: normalized_words(text),
        weight,
    }
}

impl SearchIndex {
    pub fn new(guide: &Guide) -> Self {
        let mut documents = Vec::new();
        let section_of_kind = |kind| guide.section_id_of_kind(kind).map(str::to_owned);
        if let Some(document) = emergency_document(guide) {
            documents.push(document);
        }
        for section in &guide.sections {
            let mut fields = vec![field(&section.title, Weight::Title)];
            let decision = section.decision.iter().flat_map(|d| d.points.iter());
            fields.extend(
                decision
                    .chain(&section.summary)
                    .map(|p| field(&p.text, Weight::Summary)),
            );
            for block in &section.detail {
                match block {
                    Block::Heading { text }
                    | Block::Paragraph { text, .. }
                    | Block::Note { text, .. } => fields.push(field(text, Weight::Body)),
                    Block::List { items } => {
                        fields.extend(items.iter().map(|i| field(&i.text, Weight::Body)))
                    }
                    Block::IconArray(array) => {
                        fields.push(field(&array.title, Weight::Body));
                        fields.push(field(&array.text, Weight::Body));
                    }
                }
            }
            fields.extend(section.questions.iter().map(|q| field(q, Weight::Body)));
            documents.push(Document {
                target: SearchTarget {
                    section: section.id.clone(),
                    element: None,
                },
                pinned: false,
                kind: "Section",
                title: section.title.clone(),
                fields,
            });
        }
        if let Some(claims_section) = section_of_kind(SectionKind::Claims) {
            for claim in &guide.claims {
                documents.push(Document {
                    target: SearchTarget {
                        section: claims_section.clone(),
                        element: Some(claim.id.clone()),
                    },
                    pinned: false,
                    kind: "Claim check",
                    title: claim.claim.clone(),
                    fields: vec![
                        field(&claim.claim, Weight::Title),
                        field(claim.verdict.label(), Weight::Summary),
                        field(&claim.explanation, Weight::Summary),
                    ],
                });
            }
        }
        if let Some(glossary_section) = section_of_kind(SectionKind::Glossary) {
            for entry in &guide.glossary {
                let mut fields = vec![field(&entry.term, Weight::Title)];
                fields.extend(entry.aliases.iter().map(|a| field(a, Weight::Title)));
                fields.push(field(&entry.definition, Weight::Summary));
                documents.push(Document {
                    target: SearchTarget {
                        section: glossary_section.clone(),
                        element: Some(entry.id.clone()),
                    },
                    pinned: false,
                    kind: "Glossary",
                    title: entry.term.clone(),
                    fields,
                });
            }
        }
        SearchIndex { documents }
    }

    /// The best `limit` results for `query`, best first; empty for an empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u32, usize)> = self
            .documents
            .iter()
            .enumerate()
            .filter_map(|(index, doc)| score(doc, &terms).map(|s| (s, index)))
            .collect();
        // The pinned emergency box first, then best score; equal scores keep the
        // guide's reading order.
        let pinned = |index: usize| self.documents[index].pinned;
        hits.sort_by(|a, b| {
            pinned(b.1)
                .cmp(&pinned(a.1))
                .then(b.0.cmp(&a.0))
                .then(a.1.cmp(&b.1))
        });
        hits.into_iter()
            .take(limit)
            .map(|(score, index)| {
                let doc = &self.documents[index];
                SearchHit {
                    target: doc.target.clone(),
                    kind: doc.kind,
                    title: doc.title.clone(),
                    snippet: snippet(doc, &terms),
                    score,
                }
            })
            .collect()
    }
}

/// The emergency box, found by what a frightened reader types ("chest pain",
/// "overdose", "call 911"); it leads to the first section that shows the general box.
fn emergency_document(guide: &Guide) -> Option<Document> {
    let emergency = guide.emergency.as_ref()?;
    let section = guide
        .sections
        .iter()
        .find(|s| s.emergency == Some(EmergencyKind::General))
        .or_else(|| guide.sections.iter().find(|s| s.emergency.is_some()))?;
    let mut fields = vec![
        // The heading and its first line ("These warning signs can mean an overdose…")
        // say what the box is for, so they weigh as a title.
        field(&emergency.heading, Weight::Title),
        field(&emergency.intro, Weight::Title),
    ];
    fields.extend(
        emergency
            .signs
            .iter()
            .map(|p| field(&p.text, Weight::Summary)),
    );
    fields.push(field(&emergency.action, Weight::Summary));
    fields.extend(
        emergency
            .at_home
            .iter()
            .map(|p| field(&p.text, Weight::Body)),
    );
    Some(Document {
        target: SearchTarget {
            section: section.id.clone(),
            element: Some(emergency_box_id(&section.id)),
        },
        pinned: true,
        kind: "Emergency help",
        title: emergency.heading.clone(),
        fields,
    })
}

/// The query's words, lowercased; very short words are dropped (they match everything).
pub fn query_terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = normalized_words(query)
        .into_iter()
        .filter(|w| w.chars().count() >= MIN_WORD || w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    terms.dedup();
    terms
}

fn matches(word: &str, term: &str) -> bool {
    word.starts_with(term)
}

/// `None` unless every term matches somewhere in the document.
fn score(doc: &Document, terms: &[String]) -> Option<u32> {
    let mut total = 0;
    for term in terms {
        let mut term_score = 0;
        for field in &doc.fields {
            let count = field.words.iter().filter(|w| matches(w, term)).count() as u32;
            let exact = field.words.iter().any(|w| w == term) as u32;
            term_score += (count.min(3) + exact) * field.weight as u32;
        }
        if term_score == 0 {
            return None;
        }
        total += term_score;
    }
    Some(total)
}

/// A short passage around the first match, with matching words marked.
fn snippet(doc: &Document, terms: &[String]) -> Vec<Piece> {
    // Prefer a passage from the text over repeating the title.
    let chosen = doc
        .fields
        .iter()
        .filter(|f| f.weight != Weight::Title)
        .chain(doc.fields.iter())
        .find(|f| f.words.iter().any(|w| terms.iter().any(|t| matches(w, t))));
    let Some(field) = chosen else {
        return vec![];
    };
    let text = field.text.as_str();
    let spans: Vec<(usize, usize)> = word_spans(text).collect();
    let is_match = |&(s, e): &(usize, usize)| {
        let word = text[s..e].to_lowercase();
        terms.iter().any(|t| matches(&word, t))
    };
    let first = spans.iter().find(|s| is_match(s)).map_or(0, |s| s.0);
    let (start, end) = window(text, first, SNIPPET_CHARS);

    let mut pieces = Vec::new();
    if start > 0 {
        pieces.push(Piece::Plain("…".into()));
    }
    let mut plain_from = start;
    for span in spans.iter().filter(|s| s.0 >= start && s.1 <= end) {
        if is_match(span) {
            if plain_from < span.0 {
                pieces.push(Piece::Plain(text[plain_from..span.0].into()));
            }
            pieces.push(Piece::Match(text[span.0..span.1].into()));
            plain_from = span.1;
        }
    }
    if plain_from < end {
        pieces.push(Piece::Plain(text[plain_from..end].into()));
    }
    if end < text.len() {
        pieces.push(Piece::Plain("…".into()));
    }
    pieces
}

/// A window of about `width` characters that starts a little before `focus`, cut at
/// word boundaries.
fn window(text: &str, focus: usize, width: usize) -> (usize, usize) {
    let lead = width / 4;
    let boundaries: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .collect();
    let chars_before = text[..focus].chars().count();
    let start = if chars_before <= lead {
        0
    } else {
        let ideal = text
            .char_indices()
            .nth(chars_before - lead)
            .map_or(0, |(i, _)| i);
        boundaries
            .iter()
            .find(|&&b| b >= ideal && b < focus)
            .map_or(focus, |&b| b + 1)
    };
    let ideal_end = text[start..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| start + i);
    let end = if ideal_end >= text.len() {
        text.len()
    } else {
        boundaries
            .iter()
            .rev()
            .find(|&&b| b <= ideal_end && b > focus)
            .copied()
            .unwrap_or(ideal_end)
    };
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn index() -> SearchIndex {
        SearchIndex::new(&parse_guide(include_str!("../../public/content/guide.json")).unwrap())
    }

    fn text_of(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p {
                Piece::Plain(t) | Piece::Match(t) => t.as_str(),
            })
            .collect()
    }

    #[test]
    fn empty_or_tiny_queries_find_nothing() {
        assert!(index().search("", 10).is_empty());
        assert!(index().search("  a ", 10).is_empty());
        assert_eq!(query_terms("a IV 5 mg"), ["iv", "5", "mg"]);
    }

    #[test]
    fn title_matches_rank_above_passing_mentions() {
        let hits = index().search("cost", 5);
        assert_eq!(hits[0].target.section, "cost", "{hits:#?}");
        assert_eq!(hits[0].kind, "Section");
    }

    #[test]
    fn prefixes_match_as_the_reader_types() {
        let hits = index().search("bladd", 10);
        assert!(
            hits.iter().any(|h| h.target.section == "side-effects"),
            "{:?}",
            hits.iter().map(|h| &h.title).collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_word_must_match() {
        assert!(index().search("ketamine zzzzqx", 10).is_empty());
    }

    #[test]
    fn glossary_and_claims_are_found_and_point_inside_their_section() {
        let index = index();
        let hits = index.search("bioavailability", 10);
        let glossary = hits
            .iter()
            .find(|h| h.kind == "Glossary")
            .expect("glossary hit");
        assert_eq!(glossary.target.section, "glossary");
        assert!(glossary.target.element.is_some());
        let claim_hits = index.search("risk free", 20);
        assert!(
            claim_hits.iter().any(|h| h.kind == "Claim check"),
            "{claim_hits:#?}"
        );
    }

    #[test]
    fn snippets_mark_the_matching_words_and_stay_short() {
        let hits = index().search("blood pressure", 3);
        let snippet = &hits[0].snippet;
        let marked: Vec<&str> = snippet
            .iter()
            .filter_map(|p| match p {
                Piece::Match(t) => Some(t.as_str()),
                Piece::Plain(_) => None,
            })
            .collect();
        assert!(
            marked.iter().any(|m| m.eq_ignore_ascii_case("blood")),
            "{snippet:?}"
        );
        assert!(
            text_of(snippet).chars().count() <= SNIPPET_CHARS + 4,
            "{snippet:?}"
        );
    }

    #[test]
    fn window_cuts_at_word_boundaries() {
        let text = "one two three four five six seven eight nine ten";
        let focus = text.find("six").unwrap();
        let (start, end) = window(text, focus, 16);
        let cut = &text[start..end];
        assert!(cut.contains("six"), "{cut}");
        assert!(!cut.starts_with(' ') && !cut.ends_with(' '), "{cut:?}");
        assert_eq!(window("short", 0, 100), (0, 5));
    }
}
