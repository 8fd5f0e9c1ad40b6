//! The reader's own list of questions and the checklist of things to tell the care
//! team, as pure logic: the list model, the stored forms and the plain-text summary.
//!
//! Everything here is kept on the reader's device only (localStorage); nothing is ever
//! put in a URL. Stored values are versioned JSON; anything unreadable, of another
//! version or of the wrong shape gives the defaults, never a panic.

use std::collections::BTreeSet;

use serde_json::{Value, json};

use crate::content::{Comparison, Guide, SectionKind};
use crate::state::comparison::ComparisonChoices;
use crate::state::deliberation::DeliberationSummary;

/// Where the reader's list is kept (localStorage).
pub const QUESTIONS_KEY: &str = "ketamine-guide.my-questions";
/// Where the ticked checklist items are kept (localStorage).
pub const CHECKLIST_KEY: &str = "ketamine-guide.checklist";
/// Every key this guide stores starts with this; "erase everything" removes them all.
pub const STORAGE_PREFIX: &str = "ketamine-guide.";
/// Bumped when a stored shape changes; older values are ignored, not misread.
pub const STORAGE_VERSION: u64 = 1;
/// The longest question a reader may write, in characters.
pub const MAX_QUESTION_CHARS: usize = 300;
/// The most questions a list may hold (a guard against runaway stored data).
pub const MAX_QUESTIONS: usize = 200;

/// Why a question was not added or changed. `message` is what the reader is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionError {
    /// Nothing but spaces.
    Blank,
    /// Longer than [`MAX_QUESTION_CHARS`].
    TooLong,
    /// The same question is already in the list.
    Duplicate,
    /// The list already holds [`MAX_QUESTIONS`].
    Full,
    /// No question at that place in the list.
    NotFound,
}

impl QuestionError {
    pub fn message(self) -> String {
        match self {
            QuestionError::Blank => "Please type a question first.".to_owned(),
            QuestionError::TooLong => format!(
                "That question is too long. Please keep it under {MAX_QUESTION_CHARS} characters."
            ),
            QuestionError::Duplicate => "That question is already in your list.".to_owned(),
            QuestionError::Full => {
                format!("Your list is full ({MAX_QUESTIONS} questions). Remove one to add another.")
            }
            QuestionError::NotFound => "That question is no longer in your list.".to_owned(),
        }
    }
}

/// A question as the reader typed it, made tidy: spaces and line breaks collapsed to
/// single spaces, trimmed. Errors if nothing is left or it is too long.
pub fn clean_question(text: &str) -> Result<String, QuestionError> {
    let cleaned = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        Err(QuestionError::Blank)
    } else if cleaned.chars().count() > MAX_QUESTION_CHARS {
        Err(QuestionError::TooLong)
    } else {
        Ok(cleaned)
    }
}

/// Two questions are the same if they differ only in letter case or spacing.
fn same_question(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    key(a) == key(b)
}

/// One question in the reader's list. `id` is stable while the page is open (for
/// rendering); it is not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MyQuestion {
    pub id: u64,
    pub text: String,
}

/// The reader's list of questions, in the order they chose.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionList {
    items: Vec<MyQuestion>,
    next_id: u64,
}

impl QuestionList {
    /// A list of these questions, skipping blank ones and repeats.
    pub fn from_texts<I, S>(texts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut list = Self::default();
        for text in texts {
            // Stored data may be odd: keep what is usable, shorten what is too long.
            let text = text.as_ref();
            let usable = match clean_question(text) {
                Ok(clean) => Some(clean),
                Err(QuestionError::TooLong) => clean_question(
                    &text
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .chars()
                        .take(MAX_QUESTION_CHARS)
                        .collect::<String>(),
                )
                .ok(),
                Err(_) => None,
            };
            if let Some(clean) = usable {
                let _ = list.push(clean);
            }
        }
        list
    }

    pub fn items(&self) -> &[MyQuestion] {
        &self.items
    }

    pub fn texts(&self) -> Vec<String> {
        self.items.iter().map(|q| q.text.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Whether this question (ignoring case and spacing) is in the list.
    pub fn contains(&self, text: &str) -> bool {
        self.items.iter().any(|q| same_question(&q.text, text))
    }

    /// The position of the question with this id.
    pub fn position(&self, id: u64) -> Option<usize> {
        self.items.iter().position(|q| q.id == id)
    }

    pub fn get(&self, id: u64) -> Option<&MyQuestion> {
        self.items.iter().find(|q| q.id == id)
    }

    fn push(&mut self, clean: String) -> Result<u64, QuestionError> {
        if self.contains(&clean) {
            return Err(QuestionError::Duplicate);
        }
        if self.items.len() >= MAX_QUESTIONS {
            return Err(QuestionError::Full);
        }
        let id = self.next_id;
        self.next_id += 1;
        self.items.push(MyQuestion { id, text: clean });
        Ok(id)
    }

    /// Adds one of the guide's suggested questions at the end. Adding one that is
    /// already there changes nothing and says so.
    pub fn add_suggested(&mut self, text: &str) -> Result<u64, QuestionError> {
        self.push(clean_question(text)?)
    }

    /// Adds the reader's own question at the end: trimmed, not blank, not too long,
    /// not already there.
    pub fn add_own(&mut self, text: &str) -> Result<u64, QuestionError> {
        self.push(clean_question(text)?)
    }

    /// Changes the wording of a question. The new wording follows the same rules as a
    /// new question (it may differ from the old only in case or spacing).
    pub fn edit(&mut self, id: u64, text: &str) -> Result<(), QuestionError> {
        let clean = clean_question(text)?;
        let index = self.position(id).ok_or(QuestionError::NotFound)?;
        if self
            .items
            .iter()
            .any(|q| q.id != id && same_question(&q.text, &clean))
        {
            return Err(QuestionError::Duplicate);
        }
        self.items[index].text = clean;
        Ok(())
    }

    /// Moves a question one place up; `false` if it is first or not there.
    pub fn move_up(&mut self, id: u64) -> bool {
        match self.position(id) {
            Some(index) if index > 0 => {
                self.items.swap(index, index - 1);
                true
            }
            _ => false,
        }
    }

    /// Moves a question one place down; `false` if it is last or not there.
    pub fn move_down(&mut self, id: u64) -> bool {
        match self.position(id) {
            Some(index) if index + 1 < self.items.len() => {
                self.items.swap(index, index + 1);
                true
            }
            _ => false,
        }
    }

    /// Removes the question with this id; returns its text.
    pub fn remove(&mut self, id: u64) -> Option<String> {
        let index = self.position(id)?;
        Some(self.items.remove(index).text)
    }

    /// Removes a question by its wording (ignoring case and spacing); returns whether
    /// one was removed. Used by the "Added ✓ — remove" toggle on suggested questions.
    pub fn remove_text(&mut self, text: &str) -> bool {
        match self.items.iter().position(|q| same_question(&q.text, text)) {
            Some(index) => {
                self.items.remove(index);
                true
            }
            None => false,
        }
    }

    /// Reads a stored list. Anything missing, unreadable, of another version or of the
    /// wrong shape gives an empty list; unusable entries are skipped.
    pub fn from_storage(stored: Option<&str>) -> Self {
        let Some(value) = versioned(stored) else {
            return Self::default();
        };
        let texts: Vec<&str> = value
            .get("questions")
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        Self::from_texts(texts)
    }

    /// The stored form: `{"version":1,"questions":[...]}`.
    pub fn to_storage(&self) -> String {
        json!({ "version": STORAGE_VERSION, "questions": self.texts() }).to_string()
    }
}

/// Parses stored JSON and checks its version; `None` for anything else.
fn versioned(stored: Option<&str>) -> Option<Value> {
    let value = serde_json::from_str::<Value>(stored?).ok()?;
    if !value.is_object() || value.get("version").and_then(Value::as_u64) != Some(STORAGE_VERSION) {
        return None;
    }
    Some(value)
}

/// Which of the content's checklist items the reader has ticked. Items are kept by
/// their wording, so a reworded or removed item is simply unticked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklist {
    checked: BTreeSet<String>,
}

impl Checklist {
    pub fn is_checked(&self, item: &str) -> bool {
        self.checked.contains(item)
    }

    /// Ticks or unticks an item; items not in `items` (the content's) are ignored.
    pub fn set(&mut self, items: &[String], item: &str, on: bool) -> bool {
        if !items.iter().any(|i| i == item) {
            return false;
        }
        if on {
            self.checked.insert(item.to_owned())
        } else {
            self.checked.remove(item)
        }
    }

    pub fn checked_count(&self) -> usize {
        self.checked.len()
    }

    pub fn is_empty(&self) -> bool {
        self.checked.is_empty()
    }

    /// Reads a stored checklist, keeping only items the content still has.
    pub fn from_storage(stored: Option<&str>, items: &[String]) -> Self {
        let Some(value) = versioned(stored) else {
            return Self::default();
        };
        let checked = value
            .get("checked")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_str)
                    .filter(|label| items.iter().any(|i| i == label))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        Checklist { checked }
    }

    /// The stored form: `{"version":1,"checked":[...]}`.
    pub fn to_storage(&self) -> String {
        json!({ "version": STORAGE_VERSION, "checked": self.checked }).to_string()
    }

    /// Every item in the content's order, with whether it is ticked.
    pub fn marked<'a>(&self, items: &'a [String]) -> Vec<(&'a str, bool)> {
        items
            .iter()
            .map(|item| (item.as_str(), self.is_checked(item)))
            .collect()
    }
}

/// The status line after a change to the list, e.g. "Added. Your list has 3 questions."
pub fn count_text(count: usize) -> String {
    match count {
        0 => "Your list is empty.".to_owned(),
        1 => "Your list has 1 question.".to_owned(),
        n => format!("Your list has {n} questions."),
    }
}

/// Headings of the summary, shared by the page and the plain text.
pub const SUMMARY_HEADING: &str = "My summary";
pub const PRIORITIES_HEADING: &str = "What matters most to me";
pub const QUESTIONS_HEADING: &str = "My questions";
pub const CHECKLIST_HEADING: &str = "Things to tell the care team";

/// The reader's summary as plain text, to copy into an email or a note. It has no
/// date (the reader may keep it a while) and no links.
///
/// ```text
/// My summary: <guide title>
///
/// What matters most to me
/// - Needles
///
/// My questions
/// 1. First question?
///
/// Things to tell the care team
/// [x] Ticked item
/// [ ] Unticked item
/// ```
pub fn summary_text(
    guide_title: &str,
    priorities: &[&str],
    questions: &[String],
    checklist: &[(&str, bool)],
) -> String {
    summary_text_with(guide_title, priorities, None, questions, checklist)
}

/// The summary as plain text, with where the reader is leaning and their SURE answers
/// after the priorities (see [`DeliberationSummary::text`]).
pub fn summary_text_with(
    guide_title: &str,
    priorities: &[&str],
    deliberation: Option<&DeliberationSummary>,
    questions: &[String],
    checklist: &[(&str, bool)],
) -> String {
    let mut text = String::new();
    if guide_title.trim().is_empty() {
        text.push_str(SUMMARY_HEADING);
    } else {
        text.push_str(&format!("{SUMMARY_HEADING}: {}", guide_title.trim()));
    }
    text.push_str("\n\n");

    text.push_str(PRIORITIES_HEADING);
    text.push('\n');
    if priorities.is_empty() {
        text.push_str("- None chosen\n");
    }
    for priority in priorities {
        text.push_str(&format!("- {priority}\n"));
    }
    text.push('\n');
    if let Some(deliberation) = deliberation {
        text.push_str(&deliberation.text());
        text.push('\n');
    }

    text.push_str(QUESTIONS_HEADING);
    text.push('\n');
    if questions.is_empty() {
        text.push_str("- None yet\n");
    }
    for (number, question) in questions.iter().enumerate() {
        text.push_str(&format!("{}. {}\n", number + 1, question));
    }

    if !checklist.is_empty() {
        text.push('\n');
        text.push_str(CHECKLIST_HEADING);
        text.push('\n');
        for (item, checked) in checklist {
            let mark = if *checked { "[x]" } else { "[ ]" };
            text.push_str(&format!("{mark} {item}\n"));
        }
    }
    text
}

/// Suggested questions under one heading: a section's, or a route's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestedGroup {
    /// Unique among the groups, for element ids: the section id, or `route-<id>`.
    pub key: String,
    pub title: String,
    pub questions: Vec<String>,
    /// Shown open at first (the general questions); the others are one click away.
    pub open: bool,
}

/// "Esketamine nasal spray" → "esketamine nasal spray", to follow "About"; names that
/// start with an abbreviation ("IV ketamine") are kept as they are.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// Every suggested question, grouped: first the questions section's own ("General
/// questions", open), then each other section's in the guide's order, then each
/// route's from the comparison. Sections and routes without questions are left out.
pub fn suggested_groups(guide: &Guide) -> Vec<SuggestedGroup> {
    let mut general = Vec::new();
    let mut by_section = Vec::new();
    for section in guide.sections.iter().filter(|s| !s.questions.is_empty()) {
        let is_general = section.kind == SectionKind::Questions;
        let group = SuggestedGroup {
            key: section.id.clone(),
            title: if is_general {
                "General questions".to_owned()
            } else {
                section.title.clone()
            },
            questions: section.questions.clone(),
            open: is_general,
        };
        if is_general {
            general.push(group);
        } else {
            by_section.push(group);
        }
    }
    let by_route = guide.comparison.iter().flat_map(|comparison| {
        comparison
            .routes
            .iter()
            .filter(|route| !route.questions.is_empty())
            .map(|route| SuggestedGroup {
                key: format!("route-{}", route.id),
                title: format!("About {}", lower_first(&route.name)),
                questions: route.questions.clone(),
                open: false,
            })
    });
    general
        .into_iter()
        .chain(by_section)
        .chain(by_route)
        .collect()
}

/// The checklist items of the questions section (none if the content has none).
pub fn checklist_items(guide: &Guide) -> Vec<String> {
    guide
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Questions)
        .map(|s| s.checklist.clone())
        .unwrap_or_default()
}

/// The labels of the concerns the reader marked as mattering most in the comparison,
/// in the content's order, from the comparison's stored choices (anything unreadable
/// gives none).
pub fn priority_labels(comparison: &Comparison, stored: Option<&str>) -> Vec<String> {
    let chosen = ComparisonChoices::from_storage(stored, comparison);
    comparison
        .concerns
        .iter()
        .filter(|concern| chosen.is_priority(&concern.id))
        .map(|concern| concern.label.clone())
        .collect()
}

/// Of the stored keys, the ones this guide wrote (to erase them all).
pub fn guide_keys<I, S>(keys: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    keys.into_iter()
        .filter(|key| key.as_ref().starts_with(STORAGE_PREFIX))
        .map(|key| key.as_ref().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(texts: &[&str]) -> QuestionList {
        QuestionList::from_texts(texts.iter().copied())
    }

    fn items() -> Vec<String> {
        vec![
            "Blood pressure".to_owned(),
            "Pregnancy".to_owned(),
            "Medicines".to_owned(),
        ]
    }

    fn shipped() -> Guide {
        crate::content::parse_guide(include_str!("../../public/content/guide.json"))
            .expect("shipped content is valid")
    }

    #[test]
    fn suggested_groups_cover_every_section_and_route() {
        let guide = shipped();
        let groups = suggested_groups(&guide);
        assert_eq!(groups[0].title, "General questions");
        assert!(groups[0].open);
        assert!(groups[1..].iter().all(|g| !g.open));
        let total: usize = groups.iter().map(|g| g.questions.len()).sum();
        let expected: usize = guide
            .sections
            .iter()
            .map(|s| s.questions.len())
            .sum::<usize>()
            + guide
                .comparison
                .as_ref()
                .map_or(0, |c| c.routes.iter().map(|r| r.questions.len()).sum());
        assert_eq!(total, expected);
        assert!(groups.iter().all(|g| !g.questions.is_empty()));
        let keys: BTreeSet<&str> = groups.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys.len(), groups.len(), "keys are unique");
        let routes: Vec<&SuggestedGroup> = groups
            .iter()
            .filter(|g| g.key.starts_with("route-"))
            .collect();
        assert_eq!(
            routes.len(),
            guide.comparison.as_ref().unwrap().routes.len()
        );
        assert!(routes.iter().all(|g| g.title.starts_with("About ")));
    }

    #[test]
    fn route_names_read_naturally_after_about() {
        assert_eq!(
            lower_first("Esketamine nasal spray"),
            "esketamine nasal spray"
        );
        assert_eq!(lower_first("IV ketamine"), "IV ketamine");
        assert_eq!(lower_first("oral"), "oral");
        assert_eq!(lower_first("É"), "É");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn the_shipped_checklist_has_the_six_things_to_tell() {
        let items = checklist_items(&shipped());
        assert_eq!(items.len(), 6);
        assert!(items.iter().any(|i| i.contains("blood pressure")));
        assert!(items.iter().any(|i| i.contains("aneurysm")));
        assert!(items.iter().any(|i| i.contains("Psychosis")));
        assert!(items.iter().any(|i| i.contains("drug use")));
        assert!(items.iter().any(|i| i.contains("pregnant")));
        assert!(items.iter().any(|i| i.contains("medicines")));
    }

    #[test]
    fn priorities_come_from_the_comparison_in_content_order() {
        let guide = shipped();
        let comparison = guide.comparison.as_ref().unwrap();
        let last = &comparison.concerns[comparison.concerns.len() - 1];
        let first = &comparison.concerns[0];
        let stored = json!({"version": 1, "priorities": [last.id, first.id, "gone"]}).to_string();
        assert_eq!(
            priority_labels(comparison, Some(&stored)),
            vec![first.label.clone(), last.label.clone()]
        );
        for corrupt in [
            None,
            Some("{"),
            Some(r#"{"version":9,"priorities":["cost"]}"#),
        ] {
            assert!(priority_labels(comparison, corrupt).is_empty());
        }
    }

    #[test]
    fn adds_suggested_questions_once() {
        let mut l = QuestionList::default();
        assert!(l.add_suggested("Is a doctor on site?").is_ok());
        assert_eq!(
            l.add_suggested("Is a doctor on site?"),
            Err(QuestionError::Duplicate)
        );
        assert_eq!(
            l.add_suggested("  is a DOCTOR   on site? "),
            Err(QuestionError::Duplicate)
        );
        assert_eq!(l.len(), 1);
        assert!(l.contains("Is a doctor on site?"));
        assert!(l.contains("is a doctor on site?"));
        assert!(!l.contains("Is a nurse on site?"));
    }

    #[test]
    fn own_questions_are_trimmed_and_must_not_be_blank_or_too_long() {
        let mut l = QuestionList::default();
        assert_eq!(l.add_own("   "), Err(QuestionError::Blank));
        assert_eq!(l.add_own(""), Err(QuestionError::Blank));
        assert_eq!(l.add_own("\n\t"), Err(QuestionError::Blank));
        let id = l.add_own("  Can I   bring\na friend?  ").unwrap();
        assert_eq!(l.get(id).unwrap().text, "Can I bring a friend?");
        let long = "a".repeat(MAX_QUESTION_CHARS + 1);
        assert_eq!(l.add_own(&long), Err(QuestionError::TooLong));
        let just_fits = "é".repeat(MAX_QUESTION_CHARS);
        assert!(l.add_own(&just_fits).is_ok());
        assert_eq!(l.len(), 2);
    }

    #[test]
    fn a_full_list_refuses_more() {
        let mut l = QuestionList::default();
        for n in 0..MAX_QUESTIONS {
            l.add_own(&format!("Question {n}?")).unwrap();
        }
        assert_eq!(l.add_own("One more?"), Err(QuestionError::Full));
        assert_eq!(l.len(), MAX_QUESTIONS);
    }

    #[test]
    fn edits_keep_the_rules() {
        let mut l = list(&["First?", "Second?"]);
        let first = l.items()[0].id;
        let second = l.items()[1].id;
        assert_eq!(l.edit(first, "  "), Err(QuestionError::Blank));
        assert_eq!(l.edit(first, "second?"), Err(QuestionError::Duplicate));
        assert_eq!(l.edit(99, "Other?"), Err(QuestionError::NotFound));
        assert_eq!(l.edit(first, "first?"), Ok(()), "a change of case is fine");
        assert_eq!(l.edit(second, " Changed  wording? "), Ok(()));
        assert_eq!(l.texts(), vec!["first?", "Changed wording?"]);
        assert_eq!(l.items()[1].id, second, "ids survive an edit");
    }

    #[test]
    fn moves_up_and_down_within_bounds() {
        let mut l = list(&["A?", "B?", "C?"]);
        let [a, b, c] = [l.items()[0].id, l.items()[1].id, l.items()[2].id];
        assert!(!l.move_up(a));
        assert!(!l.move_down(c));
        assert!(l.move_up(c));
        assert_eq!(l.texts(), vec!["A?", "C?", "B?"]);
        assert!(l.move_down(a));
        assert_eq!(l.texts(), vec!["C?", "A?", "B?"]);
        assert!(!l.move_down(b));
        assert!(!l.move_up(1234));
        assert!(!l.move_down(1234));
    }

    #[test]
    fn removes_by_id_and_by_text() {
        let mut l = list(&["A?", "B?", "C?"]);
        let b = l.items()[1].id;
        assert_eq!(l.remove(b), Some("B?".to_owned()));
        assert_eq!(l.remove(b), None);
        assert!(l.remove_text("c?"));
        assert!(!l.remove_text("c?"));
        assert_eq!(l.texts(), vec!["A?"]);
        let id = l.add_own("B?").unwrap();
        assert_ne!(id, b, "ids are never reused");
    }

    #[test]
    fn the_list_round_trips_through_storage() {
        let l = list(&["A?", "Quote \" and émoji 🙂?", "C?"]);
        let stored = l.to_storage();
        assert!(stored.contains("\"version\":1"));
        let back = QuestionList::from_storage(Some(&stored));
        assert_eq!(back.texts(), l.texts());
    }

    #[test]
    fn corrupt_or_old_stored_lists_are_ignored() {
        for stored in [
            None,
            Some(""),
            Some("garbage{"),
            Some("null"),
            Some("42"),
            Some("\"text\""),
            Some("[\"A?\"]"),
            Some("{}"),
            Some(r#"{"version":2,"questions":["A?"]}"#),
            Some(r#"{"version":"1","questions":["A?"]}"#),
            Some(r#"{"version":1,"questions":"A?"}"#),
            Some(r#"{"version":1,"questions":{"a":"A?"}}"#),
            Some(r#"{"version":1}"#),
        ] {
            assert!(
                QuestionList::from_storage(stored).is_empty(),
                "{stored:?} should give an empty list"
            );
        }
    }

    #[test]
    fn odd_stored_entries_are_skipped_or_tidied() {
        let long = "b".repeat(MAX_QUESTION_CHARS + 50);
        let stored = json!({
            "version": 1,
            "questions": ["A?", 7, null, "", "   ", "a?", {"x": 1}, ["B?"], long, "  C?  "],
        })
        .to_string();
        let l = QuestionList::from_storage(Some(&stored));
        assert_eq!(l.len(), 3);
        assert_eq!(l.texts()[0], "A?");
        assert_eq!(l.texts()[1].chars().count(), MAX_QUESTION_CHARS);
        assert_eq!(l.texts()[2], "C?");
        let many: Vec<String> = (0..MAX_QUESTIONS + 20).map(|n| format!("Q{n}?")).collect();
        let stored = json!({ "version": 1, "questions": many }).to_string();
        assert_eq!(
            QuestionList::from_storage(Some(&stored)).len(),
            MAX_QUESTIONS
        );
    }

    #[test]
    fn checklist_ticks_only_known_items() {
        let items = items();
        let mut c = Checklist::default();
        assert!(c.set(&items, "Pregnancy", true));
        assert!(!c.set(&items, "Pregnancy", true), "already ticked");
        assert!(!c.set(&items, "Unknown", true));
        assert!(c.is_checked("Pregnancy"));
        assert_eq!(c.checked_count(), 1);
        assert_eq!(
            c.marked(&items),
            vec![
                ("Blood pressure", false),
                ("Pregnancy", true),
                ("Medicines", false)
            ]
        );
        assert!(c.set(&items, "Pregnancy", false));
        assert!(c.is_empty());
    }

    #[test]
    fn checklist_round_trips_and_ignores_corrupt_data() {
        let items = items();
        let mut c = Checklist::default();
        c.set(&items, "Medicines", true);
        c.set(&items, "Blood pressure", true);
        let back = Checklist::from_storage(Some(&c.to_storage()), &items);
        assert_eq!(back, c);
        for stored in [
            None,
            Some("{"),
            Some("[]"),
            Some("true"),
            Some(r#"{"version":0,"checked":["Medicines"]}"#),
            Some(r#"{"version":1,"checked":"Medicines"}"#),
            Some(r#"{"version":1,"checked":[1,2,null]}"#),
            Some(r#"{"version":1,"checked":["Gone item"]}"#),
        ] {
            assert!(
                Checklist::from_storage(stored, &items).is_empty(),
                "{stored:?} should give an empty checklist"
            );
        }
        let partly = r#"{"version":1,"checked":["Gone item","Pregnancy",3]}"#;
        let c = Checklist::from_storage(Some(partly), &items);
        assert!(c.is_checked("Pregnancy"));
        assert_eq!(c.checked_count(), 1);
    }

    #[test]
    fn summary_text_lists_everything_in_order() {
        let text = summary_text(
            "Ketamine guide",
            &["Needles", "Cost"],
            &["First?".to_owned(), "Second?".to_owned()],
            &[("Blood pressure", true), ("Pregnancy", false)],
        );
        assert_eq!(
            text,
            "My summary: Ketamine guide\n\n\
             What matters most to me\n- Needles\n- Cost\n\n\
             My questions\n1. First?\n2. Second?\n\n\
             Things to tell the care team\n[x] Blood pressure\n[ ] Pregnancy\n"
        );
    }

    #[test]
    fn summary_text_gives_the_leaning_and_the_sure_answers_after_the_priorities() {
        let deliberation = DeliberationSummary {
            leaning: Some("IV ketamine".to_owned()),
            sure: Some("SURE: 3 of 4".to_owned()),
            not_yet: vec!["Do you know the benefits and risks of each option?".to_owned()],
        };
        let text = summary_text_with(
            "Ketamine guide",
            &["Fast relief"],
            Some(&deliberation),
            &["First?".to_owned()],
            &[],
        );
        assert_eq!(
            text,
            "My summary: Ketamine guide\n\n\
             What matters most to me\n- Fast relief\n\n\
             Where I am leaning\n- IV ketamine\n\n\
             How sure I feel (SURE test)\n- SURE: 3 of 4\n\
             - Not yet: Do you know the benefits and risks of each option?\n\n\
             My questions\n1. First?\n"
        );
    }

    #[test]
    fn summary_text_when_nothing_is_chosen() {
        let text = summary_text("  ", &[], &[], &[]);
        assert_eq!(
            text,
            "My summary\n\nWhat matters most to me\n- None chosen\n\nMy questions\n- None yet\n"
        );
        assert!(!text.contains("[ ]"));
    }

    #[test]
    fn summary_text_has_no_date_or_markup() {
        let text = summary_text("T", &["<b>x</b>"], &["Is 2024-01-01 ok?".to_owned()], &[]);
        assert!(text.contains("<b>x</b>"), "plain text, not escaped HTML");
        assert_eq!(
            text.matches("2024").count(),
            1,
            "only the reader's own text"
        );
    }

    #[test]
    fn count_text_reads_naturally() {
        assert_eq!(count_text(0), "Your list is empty.");
        assert_eq!(count_text(1), "Your list has 1 question.");
        assert_eq!(count_text(4), "Your list has 4 questions.");
    }

    #[test]
    fn guide_keys_are_only_ours() {
        let keys = guide_keys([
            "ketamine-guide.open-sections",
            "ketamine-guide.comparison.choices",
            "ketamine-guide.my-questions",
            "ketamine-guide.checklist",
            "other-site.thing",
            "ketamine-guide",
            "KETAMINE-GUIDE.x",
        ]);
        assert_eq!(
            keys,
            vec![
                "ketamine-guide.open-sections",
                "ketamine-guide.comparison.choices",
                "ketamine-guide.my-questions",
                "ketamine-guide.checklist",
            ]
        );
    }

    #[test]
    fn error_messages_are_plain() {
        for error in [
            QuestionError::Blank,
            QuestionError::TooLong,
            QuestionError::Duplicate,
            QuestionError::Full,
            QuestionError::NotFound,
        ] {
            let message = error.message();
            assert!(message.ends_with('.'), "{message}");
        }
    }
}
