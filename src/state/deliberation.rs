//! Help to deliberate, as pure logic: where the reader is leaning (one choice) and
//! their answers to the SURE test (Légaré 2010: four yes/no questions; fewer than four
//! "yes" answers suggests the decision is not settled yet). Also the stored form and
//! the lines "My summary" shows.
//!
//! Kept on the reader's device only; anything unreadable gives the defaults.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::content::Deliberation;

/// Where the choices are kept (localStorage).
pub const STORAGE_KEY: &str = "ketamine-guide.deliberation";
/// Bumped when the stored shape changes; older values are ignored, not misread.
pub const STORAGE_VERSION: u64 = 1;

/// Headings of the summary, shared by the page and the plain text.
pub const LEANING_HEADING: &str = "Where I am leaning";
pub const SURE_HEADING: &str = "How sure I feel (SURE test)";

/// The reader's leaning and SURE answers (`true` is yes), by the content's ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliberationChoices {
    pub leaning: Option<String>,
    pub sure: BTreeMap<String, bool>,
}

impl DeliberationChoices {
    /// Reads stored choices, keeping only ids the content has; never panics.
    pub fn from_storage(stored: Option<&str>, content: &Deliberation) -> Self {
        let Some(value) = stored.and_then(|text| serde_json::from_str::<Value>(text).ok()) else {
            return Self::default();
        };
        if value.get("version").and_then(Value::as_u64) != Some(STORAGE_VERSION) {
            return Self::default();
        }
        let mut choices = Self::default();
        if let Some(id) = value.get("leaning").and_then(Value::as_str) {
            choices.set_leaning(content, id);
        }
        if let Some(answers) = value.get("sure").and_then(Value::as_object) {
            for (id, answer) in answers {
                if let Some(yes) = answer.as_bool() {
                    choices.set_sure(content, id, yes);
                }
            }
        }
        choices
    }

    /// The stored form (JSON with a version number).
    pub fn to_storage(&self) -> String {
        json!({ "version": STORAGE_VERSION, "leaning": self.leaning, "sure": self.sure })
            .to_string()
    }

    /// True when the reader has chosen nothing: there is nothing to store.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// Chooses a leaning; unknown ids are ignored.
    pub fn set_leaning(&mut self, content: &Deliberation, id: &str) -> bool {
        if !content.leanings.iter().any(|c| c.id == id) {
            return false;
        }
        self.leaning = Some(id.to_owned());
        true
    }

    /// Answers a SURE question; unknown ids are ignored.
    pub fn set_sure(&mut self, content: &Deliberation, id: &str, yes: bool) -> bool {
        if !content.sure.iter().any(|item| item.id == id) {
            return false;
        }
        self.sure.insert(id.to_owned(), yes);
        true
    }

    pub fn answer(&self, id: &str) -> Option<bool> {
        self.sure.get(id).copied()
    }
}

/// What the SURE answers add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SureScore {
    /// "Yes" answers (each counts 1).
    pub yes: usize,
    pub answered: usize,
    /// The number of questions (4).
    pub total: usize,
}

impl SureScore {
    /// Every question answered yes: the test finds no sign of an unsettled decision.
    pub fn all_yes(self) -> bool {
        self.total > 0 && self.yes == self.total
    }

    /// "SURE: 3 of 4", with how many are not answered yet.
    pub fn text(self) -> String {
        let mut text = format!("SURE: {} of {}", self.yes, self.total);
        let open = self.total - self.answered;
        if open == 1 {
            text.push_str(" (1 question not answered)");
        } else if open > 1 {
            text.push_str(&format!(" ({open} questions not answered)"));
        }
        text
    }
}

pub fn sure_score(content: &Deliberation, choices: &DeliberationChoices) -> SureScore {
    let answers = content
        .sure
        .iter()
        .filter_map(|item| choices.answer(&item.id));
    let (yes, answered) = answers.fold((0, 0), |(yes, all), a| (yes + usize::from(a), all + 1));
    SureScore {
        yes,
        answered,
        total: content.sure.len(),
    }
}

/// What "My summary" shows of the deliberation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliberationSummary {
    pub leaning: Option<String>,
    /// "SURE: 3 of 4", if any question is answered.
    pub sure: Option<String>,
    /// The questions answered "no", in the content's order.
    pub not_yet: Vec<String>,
}

impl DeliberationSummary {
    pub fn new(content: &Deliberation, choices: &DeliberationChoices) -> Self {
        let score = sure_score(content, choices);
        DeliberationSummary {
            leaning: choices.leaning.as_ref().and_then(|id| {
                content
                    .leanings
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.label.clone())
            }),
            sure: (score.answered > 0).then(|| score.text()),
            not_yet: content
                .sure
                .iter()
                .filter(|item| choices.answer(&item.id) == Some(false))
                .map(|item| item.question.clone())
                .collect(),
        }
    }

    /// The summary's lines under [`LEANING_HEADING`] and [`SURE_HEADING`], as plain text.
    pub fn text(&self) -> String {
        let mut text = format!("{LEANING_HEADING}\n");
        match &self.leaning {
            Some(label) => text.push_str(&format!("- {label}\n")),
            None => text.push_str("- Not chosen yet\n"),
        }
        text.push('\n');
        text.push_str(SURE_HEADING);
        text.push('\n');
        match &self.sure {
            Some(score) => text.push_str(&format!("- {score}\n")),
            None => text.push_str("- Not answered yet\n"),
        }
        for question in &self.not_yet {
            text.push_str(&format!("- Not yet: {question}\n"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Choice, Paragraph, SureItem};

    fn content() -> Deliberation {
        let item = |id: &str, q: &str| SureItem {
            id: id.into(),
            question: q.into(),
            next_step: "Reread.".into(),
            link: None,
        };
        Deliberation {
            heading: "H".into(),
            intro: "I".into(),
            leaning_legend: "Where am I leaning?".into(),
            leanings: vec![
                Choice {
                    id: "iv".into(),
                    label: "IV ketamine".into(),
                },
                Choice {
                    id: "unsure".into(),
                    label: "Not sure yet".into(),
                },
            ],
            sure_heading: "SURE".into(),
            sure_intro: Paragraph {
                text: "T".into(),
                cite: vec!["legare-2010".into()],
            },
            sure: vec![
                item("sure", "Do you feel SURE about the best choice for you?"),
                item(
                    "understand",
                    "Do you know the benefits and risks of each option?",
                ),
                item(
                    "risks",
                    "Are you clear about which benefits and risks matter most to you?",
                ),
                item(
                    "encouragement",
                    "Do you have enough support and advice to make a choice?",
                ),
            ],
            sure_all_yes: "Y".into(),
            sure_not_yet: "N".into(),
        }
    }

    fn answered(answers: &[(&str, bool)]) -> DeliberationChoices {
        let mut choices = DeliberationChoices::default();
        for (id, yes) in answers {
            assert!(choices.set_sure(&content(), id, *yes));
        }
        choices
    }

    #[test]
    fn each_yes_counts_one() {
        let c = content();
        let choices = answered(&[("sure", true), ("understand", false), ("risks", true)]);
        let score = sure_score(&c, &choices);
        assert_eq!((score.yes, score.answered, score.total), (2, 3, 4));
        assert!(!score.all_yes());
        assert_eq!(score.text(), "SURE: 2 of 4 (1 question not answered)");
        let all = answered(&[
            ("sure", true),
            ("understand", true),
            ("risks", true),
            ("encouragement", true),
        ]);
        assert!(sure_score(&c, &all).all_yes());
        assert_eq!(sure_score(&c, &all).text(), "SURE: 4 of 4");
        let three = answered(&[
            ("sure", true),
            ("understand", false),
            ("risks", true),
            ("encouragement", true),
        ]);
        assert_eq!(sure_score(&c, &three).text(), "SURE: 3 of 4");
        assert!(!sure_score(&c, &DeliberationChoices::default()).all_yes());
    }

    #[test]
    fn unknown_ids_are_ignored() {
        let c = content();
        let mut choices = DeliberationChoices::default();
        assert!(!choices.set_leaning(&c, "homeopathy"));
        assert!(!choices.set_sure(&c, "other", true));
        assert!(choices.is_default());
    }

    #[test]
    fn choices_round_trip_through_storage() {
        let c = content();
        let mut choices = answered(&[("sure", false), ("risks", true)]);
        choices.set_leaning(&c, "iv");
        let stored = choices.to_storage();
        assert_eq!(
            DeliberationChoices::from_storage(Some(&stored), &c),
            choices
        );
    }

    #[test]
    fn corrupt_or_foreign_storage_gives_nothing() {
        let c = content();
        for stored in [
            None,
            Some("not json"),
            Some("[]"),
            Some(r#"{"version":99,"leaning":"iv"}"#),
            Some(r#"{"version":1,"leaning":42,"sure":{"sure":"yes","x":true}}"#),
        ] {
            assert!(
                DeliberationChoices::from_storage(stored, &c).is_default(),
                "{stored:?}"
            );
        }
        let partly = DeliberationChoices::from_storage(
            Some(r#"{"version":1,"leaning":"gone","sure":{"risks":false,"gone":true}}"#),
            &c,
        );
        assert_eq!(partly, answered(&[("risks", false)]));
    }

    #[test]
    fn the_summary_says_the_leaning_the_score_and_what_is_not_settled() {
        let c = content();
        let mut choices = answered(&[
            ("sure", true),
            ("understand", false),
            ("risks", true),
            ("encouragement", true),
        ]);
        choices.set_leaning(&c, "iv");
        let summary = DeliberationSummary::new(&c, &choices);
        assert_eq!(
            summary.text(),
            "Where I am leaning\n- IV ketamine\n\nHow sure I feel (SURE test)\n- SURE: 3 of 4\n\
             - Not yet: Do you know the benefits and risks of each option?\n"
        );
        let empty = DeliberationSummary::new(&c, &DeliberationChoices::default());
        assert_eq!(
            empty.text(),
            "Where I am leaning\n- Not chosen yet\n\nHow sure I feel (SURE test)\n- Not answered yet\n"
        );
    }
}
