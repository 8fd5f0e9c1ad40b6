//! Search over the guide's sections, claim checks, glossary, comparison rows and tools,
//! entirely in the browser. Every query word must match a word in the result: the start
//! of it (so "keta" finds "ketamine" as the reader types), another form of it
//! ("addictive" finds "addiction"), a word the content's synonym list gives for it
//! ("copay" finds "cost"), or, in longer words, the word with one typo ("insurence").
//! Titles weigh more than summaries, summaries more than the deeper text, and the query
//! found as a phrase ranks first.

use crate::content::words::{normalized_words, stem, within_one_edit, word_spans};
use crate::content::{Block, EmergencyKind, Guide, SectionKind, emergency_box_id};

/// What a result opens: a section, or an element inside one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTarget {
    pub section: String,
    /// The element to move to, when it is not the section itself.
    pub element: Option<String>,
    /// Where in the section's panel the match is, when that is more precise than
    /// `element` (a paragraph inside "More detail", a comparison row, a tool).
    pub spot: Option<Spot>,
}

/// A place inside a section's panel: the `index`-th element matching `selector` (a CSS
/// selector relative to the panel) or, when `text` is not empty, the first of them whose
/// text contains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub selector: &'static str,
    pub index: usize,
    pub text: String,
}

/// The panel's summary paragraphs, its "More detail" blocks and its own questions.
const SUMMARY_SELECTOR: &str = ":scope > .summary > p";
const DETAIL_SELECTOR: &str = ":scope > details.more > .more-body > *";
const QUESTION_SELECTOR: &str = ":scope > .ask li";
/// A comparison question, in whichever layout is shown.
const ROW_SELECTOR: &str = ".cmp-question, .cmp-card-question";

fn at(selector: &'static str, index: usize) -> Option<Spot> {
    Some(Spot {
        selector,
        index,
        text: String::new(),
    })
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
    /// "Section", "Claim check", "Glossary", "Comparison", "Tool" or "Emergency help".
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
    stems: Vec<String>,
    weight: Weight,
    spot: Option<Spot>,
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

/// One word of the query and the words that may stand for it (its synonyms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    alternatives: Vec<Alternative>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Alternative {
    word: String,
    stem: String,
}

/// The guide's text, prepared once for fast searching.
pub struct SearchIndex {
    documents: Vec<Document>,
    /// (what readers type, as words; what it also finds), from the content.
    synonyms: Vec<(Vec<String>, Vec<String>)>,
}

/// Words shorter than this are ignored unless they are numbers ("IV" counts: 2 letters).
const MIN_WORD: usize = 2;
/// Words at least this long also match with one typo.
const TYPO_MIN: usize = 6;
/// Forms of a word ("addictive" for "addiction") need a stem at least this long.
const STEM_MIN: usize = 4;
/// How much a field that holds the whole query, in order, adds (times its weight).
const PHRASE_BONUS: u32 = 12;
/// How much text a snippet shows around its first match.
const SNIPPET_CHARS: usize = 150;

fn field(text: &str, weight: Weight, spot: Option<Spot>) -> Field {
    let words = normalized_words(text);
    let stems = words.iter().map(|w| stem(w).to_owned()).collect();
    Field {
        text: text.to_owned(),
        words,
        stems,
        weight,
        spot,
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
            let mut fields = vec![field(&section.title, Weight::Title, None)];
            let decision = section.decision.iter().flat_map(|d| d.points.iter());
            fields.extend(decision.map(|p| field(&p.text, Weight::Summary, None)));
            fields.extend(
                section
                    .summary
                    .iter()
                    .enumerate()
                    .map(|(i, p)| field(&p.text, Weight::Summary, at(SUMMARY_SELECTOR, i))),
            );
            for (index, block) in section.detail.iter().enumerate() {
                let spot = || at(DETAIL_SELECTOR, index);
                match block {
                    Block::Heading { text }
                    | Block::Paragraph { text, .. }
                    | Block::Note { text, .. } => fields.push(field(text, Weight::Body, spot())),
                    Block::List { items } => {
                        fields.extend(items.iter().map(|i| field(&i.text, Weight::Body, spot())))
                    }
                    Block::IconArray(array) => {
                        fields.push(field(&array.title, Weight::Body, spot()));
                        fields.push(field(&array.text, Weight::Body, spot()));
                    }
                }
            }
            if section.kind != SectionKind::Questions {
                fields.extend(
                    section
                        .questions
                        .iter()
                        .enumerate()
                        .map(|(i, q)| field(q, Weight::Body, at(QUESTION_SELECTOR, i))),
                );
            }
            documents.push(Document {
                target: SearchTarget {
                    section: section.id.clone(),
                    element: None,
                    spot: None,
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
                    target: inside(&claims_section, &claim.id),
                    pinned: false,
                    kind: "Claim check",
                    title: claim.claim.clone(),
                    fields: vec![
                        field(&claim.claim, Weight::Title, None),
                        field(&claim.bottom_line, Weight::Summary, None),
                        field(claim.verdict.label(), Weight::Summary, None),
                        field(&claim.explanation, Weight::Summary, None),
                    ],
                });
            }
        }
        if let Some(glossary_section) = section_of_kind(SectionKind::Glossary) {
            for entry in &guide.glossary {
                let mut fields = vec![field(&entry.term, Weight::Title, None)];
                fields.extend(entry.aliases.iter().map(|a| field(a, Weight::Title, None)));
                fields.push(field(&entry.definition, Weight::Summary, None));
                documents.push(Document {
                    target: inside(&glossary_section, &entry.id),
                    pinned: false,
                    kind: "Glossary",
                    title: entry.term.clone(),
                    fields,
                });
            }
        }
        if let (Some(compare), Some(comparison)) = (
            section_of_kind(SectionKind::Comparison),
            guide.comparison.as_ref(),
        ) {
            for row in &comparison.rows {
                let mut fields = vec![field(&row.question, Weight::Title, None)];
                for route in &comparison.routes {
                    if let Some(cell) = row.cells.get(&route.id) {
                        let text = format!("{}: {}", route.short_name, cell.answer);
                        fields.push(field(&text, Weight::Summary, None));
                    }
                }
                documents.push(Document {
                    target: SearchTarget {
                        section: compare.clone(),
                        element: None,
                        spot: Some(Spot {
                            selector: ROW_SELECTOR,
                            index: 0,
                            text: row.question.clone(),
                        }),
                    },
                    pinned: false,
                    kind: "Comparison",
                    title: row.question.clone(),
                    fields,
                });
            }
        }
        if let Some(questions) = section_of_kind(SectionKind::Questions) {
            for (title, words, selector) in TOOLS {
                documents.push(Document {
                    target: SearchTarget {
                        section: questions.clone(),
                        element: None,
                        spot: at(selector, 0),
                    },
                    pinned: false,
                    kind: "Tool",
                    title: title.to_owned(),
                    fields: vec![
                        field(title, Weight::Title, None),
                        field(words, Weight::Summary, None),
                    ],
                });
            }
        }
        let synonyms = guide
            .search_synonyms
            .iter()
            .flat_map(|entry| {
                let means: Vec<String> = entry
                    .means
                    .iter()
                    .flat_map(|m| normalized_words(m))
                    .collect();
                entry
                    .words
                    .iter()
                    .map(move |w| (normalized_words(w), means.clone()))
            })
            .filter(|(words, _)| !words.is_empty())
            .collect();
        SearchIndex {
            documents,
            synonyms,
        }
    }

    /// The best `limit` results for `query`, best first; empty for an empty query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let terms = self.query_terms(query);
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
                let (snippet, spot) = snippet(doc, &terms);
                let mut target = doc.target.clone();
                if spot.is_some() {
                    target.spot = spot;
                }
                SearchHit {
                    target,
                    kind: doc.kind,
                    title: doc.title.clone(),
                    snippet,
                    score,
                }
            })
            .collect()
    }

    /// The query's words, lowercased, each with the words the synonym list gives for it
    /// (a phrase in the list, such as "K-hole", stands as one term); very short words are
    /// dropped (they match everything).
    pub fn query_terms(&self, query: &str) -> Vec<Term> {
        let words = normalized_words(query);
        let mut terms: Vec<Term> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let synonym = self
                .synonyms
                .iter()
                .filter(|(typed, _)| words[i..].starts_with(typed))
                .max_by_key(|(typed, _)| typed.len());
            let (length, mut alternatives) = match synonym {
                Some((typed, means)) => {
                    let mut alternatives: Vec<String> = means.clone();
                    alternatives.push(typed.concat());
                    (typed.len(), alternatives)
                }
                None => (1, vec![words[i].clone()]),
            };
            i += length;
            alternatives
                .retain(|w| w.chars().count() >= MIN_WORD || w.chars().all(|c| c.is_ascii_digit()));
            alternatives.dedup();
            if alternatives.is_empty() {
                continue;
            }
            let term = Term {
                alternatives: alternatives
                    .into_iter()
                    .map(|word| Alternative {
                        stem: stem(&word).to_owned(),
                        word,
                    })
                    .collect(),
            };
            if terms.last() != Some(&term) {
                terms.push(term);
            }
        }
        terms
    }
}

/// The tools, found by what they do: (title, what they are for, where they are in the
/// "questions" section).
const TOOLS: [(&str, &str, &str); 3] = [
    (
        "My questions and summary",
        "Make your own list of questions to ask, add your own, and keep it on this device",
        "#myq-list-heading",
    ),
    (
        "Print or copy my summary",
        "Print your questions and summary, or copy them as text",
        "#myq-print",
    ),
    (
        "Erase everything",
        "Erase what you entered: your questions, ticks and choices",
        "#myq-erase",
    ),
];

fn inside(section: &str, element: &str) -> SearchTarget {
    SearchTarget {
        section: section.to_owned(),
        element: Some(element.to_owned()),
        spot: None,
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
        field(&emergency.heading, Weight::Title, None),
        field(&emergency.intro, Weight::Title, None),
    ];
    fields.extend(
        emergency
            .signs
            .iter()
            .map(|p| field(&p.text, Weight::Summary, None)),
    );
    fields.push(field(&emergency.action, Weight::Summary, None));
    fields.extend(
        emergency
            .at_home
            .iter()
            .map(|p| field(&p.text, Weight::Body, None)),
    );
    Some(Document {
        target: inside(&section.id, &emergency_box_id(&section.id)),
        pinned: true,
        kind: "Emergency help",
        title: emergency.heading.clone(),
        fields,
    })
}

/// How well a word of the text matches one alternative: 2 for its start or another
/// form of it, 1 for one typo (longer words only), 0 for no match.
fn strength(word: &str, word_stem: &str, alternative: &Alternative) -> u32 {
    let typed = alternative.word.as_str();
    if word.starts_with(typed)
        || (alternative.stem.len() >= STEM_MIN && word_stem == alternative.stem)
    {
        return 2;
    }
    let close = typed.len() >= TYPO_MIN
        && word.as_bytes().first() == typed.as_bytes().first()
        && (within_one_edit(word, typed)
            || (word.len() > typed.len()
                && word.is_char_boundary(typed.len())
                && within_one_edit(&word[..typed.len()], typed)));
    u32::from(close)
}

fn term_strength(word: &str, word_stem: &str, term: &Term) -> u32 {
    term.alternatives
        .iter()
        .map(|a| strength(word, word_stem, a))
        .max()
        .unwrap_or(0)
}

/// How well one field matches one term (0: not at all).
fn field_term_score(field: &Field, term: &Term) -> u32 {
    let mut count = 0;
    let mut exact = 0;
    for (word, word_stem) in field.words.iter().zip(&field.stems) {
        let found = term_strength(word, word_stem, term);
        if found > 0 {
            count += found;
            if term.alternatives.iter().any(|a| a.word == *word) {
                exact = 2;
            }
        }
    }
    if count == 0 {
        return 0;
    }
    (count.min(6) + exact) * field.weight as u32
}

/// Whether the field holds the terms one after the other, as a phrase.
fn has_phrase(field: &Field, terms: &[Term]) -> bool {
    terms.len() >= 2
        && field.words.len() >= terms.len()
        && (0..=field.words.len() - terms.len()).any(|start| {
            terms.iter().enumerate().all(|(k, term)| {
                term_strength(&field.words[start + k], &field.stems[start + k], term) == 2
            })
        })
}

fn field_score(field: &Field, terms: &[Term]) -> u32 {
    let mut total = 0;
    for term in terms {
        total += field_term_score(field, term);
    }
    if has_phrase(field, terms) {
        total += PHRASE_BONUS * field.weight as u32;
    }
    total
}

/// `None` unless every term matches somewhere in the document.
fn score(doc: &Document, terms: &[Term]) -> Option<u32> {
    let mut total = 0;
    for term in terms {
        let term_score: u32 = doc.fields.iter().map(|f| field_term_score(f, term)).sum();
        if term_score == 0 {
            return None;
        }
        total += term_score;
    }
    let phrase = doc
        .fields
        .iter()
        .filter(|f| has_phrase(f, terms))
        .map(|f| PHRASE_BONUS * f.weight as u32)
        .max()
        .unwrap_or(0);
    Some(total + phrase)
}

/// A short passage around the best match, with matching words marked, and where in the
/// section that passage is. When only the title matches, the first passage of the text
/// (a glossary entry's definition, a claim's bottom line) is shown instead.
fn snippet(doc: &Document, terms: &[Term]) -> (Vec<Piece>, Option<Spot>) {
    let text_fields = || doc.fields.iter().filter(|f| f.weight != Weight::Title);
    let best = text_fields()
        .map(|f| (field_score(f, terms), f))
        .filter(|(s, _)| *s > 0)
        .fold(None::<(u32, &Field)>, |best, (s, f)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, f)),
        });
    let (field, spot) = match best {
        Some((_, f)) => (f, f.spot.clone()),
        None => match text_fields().find(|f| !f.text.is_empty()) {
            Some(f) => (f, None),
            None => return (vec![], None),
        },
    };
    let text = field.text.as_str();
    let spans: Vec<(usize, usize)> = word_spans(text).collect();
    let is_match = |&(s, e): &(usize, usize)| {
        let word = text[s..e].to_lowercase();
        let word_stem = stem(&word);
        terms.iter().any(|t| term_strength(&word, word_stem, t) > 0)
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
    (pieces, spot)
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
        let words = |query: &str| -> Vec<String> {
            index()
                .query_terms(query)
                .into_iter()
                .map(|t| t.alternatives[0].word.clone())
                .collect()
        };
        assert_eq!(words("a IV 5 mg"), ["iv", "5", "mg"]);
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

    /// What readers typed in testing, and what each must find first: (query, kind,
    /// section, element or comparison row question).
    #[test]
    fn what_readers_type_finds_the_right_thing_first() {
        let table: [(&str, &str, &str, &str); 18] = [
            (
                "driving",
                "Comparison",
                "compare",
                "Can I drive afterwards?",
            ),
            (
                "Can I drive afterwards",
                "Comparison",
                "compare",
                "Can I drive afterwards?",
            ),
            (
                "does insurance pay",
                "Comparison",
                "compare",
                "Does insurance pay?",
            ),
            ("cystitis", "Glossary", "glossary", "cystitis"),
            ("addictive", "Claim check", "claims", "low-addiction-risk"),
            ("addicted", "Claim check", "claims", "low-addiction-risk"),
            ("insurence", "Section", "cost", ""),
            ("copay", "Section", "cost", ""),
            ("cost with insurance", "Section", "cost", ""),
            ("k-hole", "Glossary", "glossary", "dissociation"),
            ("dissociate", "Glossary", "glossary", "dissociation"),
            (
                "911",
                "Emergency help",
                "treatment-course",
                "treatment-course-emergency",
            ),
            (
                "overdose",
                "Emergency help",
                "treatment-course",
                "treatment-course-emergency",
            ),
            ("risk free", "Claim check", "claims", "safe-for-most-adults"),
            ("at home approved", "Section", "safety-regulation", ""),
            ("print", "Tool", "questions", "#myq-print"),
            ("my questions", "Tool", "questions", "#myq-list-heading"),
            ("side effects", "Section", "side-effects", ""),
        ];
        let index = index();
        for (query, kind, section, thing) in table {
            let hits = index.search(query, 3);
            let first = hits
                .first()
                .unwrap_or_else(|| panic!("nothing for {query:?}"));
            assert_eq!(
                (first.kind, first.target.section.as_str()),
                (kind, section),
                "{query:?}: {hits:#?}"
            );
            if !thing.is_empty() {
                let found = first
                    .target
                    .element
                    .as_deref()
                    .or(first.target.spot.as_ref().map(|s| {
                        if s.text.is_empty() {
                            s.selector
                        } else {
                            s.text.as_str()
                        }
                    }));
                assert_eq!(found, Some(thing), "{query:?}: {first:#?}");
            }
        }
    }

    #[test]
    fn a_match_inside_more_detail_points_at_its_block() {
        let hits = index().search("cystitis", 5);
        let section = hits
            .iter()
            .find(|h| h.target.section == "side-effects")
            .expect("the side-effects section");
        let spot = section.target.spot.as_ref().expect("a spot");
        assert_eq!(spot.selector, DETAIL_SELECTOR);
        assert!(
            text_of(&section.snippet)
                .to_lowercase()
                .contains("cystitis"),
            "{section:#?}"
        );
    }

    #[test]
    fn glossary_results_show_the_definition() {
        let hits = index().search("bioavailability", 5);
        let glossary = hits.iter().find(|h| h.kind == "Glossary").unwrap();
        assert!(
            text_of(&glossary.snippet).starts_with("The share of a dose"),
            "{glossary:#?}"
        );
    }

    #[test]
    fn phrases_rank_first() {
        let index = index();
        let phrase = index.search("side effects", 20);
        assert!(phrase[0].title.to_lowercase().contains("side effects"));
        assert!(index.query_terms("K-hole").len() == 1);
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
