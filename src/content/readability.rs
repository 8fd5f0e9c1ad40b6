//! Readability scoring: the Flesch-Kincaid grade level, in pure Rust.
//!
//! The guide promises that every section's short layer reads at US grade 8 or
//! lower. This module measures that, so the promise is checked by a test rather
//! than by hand.
//!
//! The formula is the usual one:
//!
//! ```text
//! grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
//! ```
//!
//! Counting rules (heuristics, chosen to err on the side of a *higher* grade):
//!
//! - **Words** are whitespace-separated tokens that contain at least one letter
//!   or digit. A hyphenated word ("risk-free") is one word; "116 123" is two.
//! - **Sentences** end at `.`, `!` or `?` followed by a space or the end of the
//!   text (closing quotes and brackets may come between). A full stop inside a
//!   number ("0.5") never ends a sentence, nor does the full stop of a known
//!   abbreviation ("e.g.", "vs.", "Dr.") or of a dotted abbreviation ("U.S.").
//!   Words after the last full stop count as one more sentence.
//! - **Syllables** are counted per run of letters and per run of digits inside a
//!   word, and added up:
//!   - a run of letters uses vowel groups (a, e, i, o, u, and y when not the
//!     first letter), dropping a silent final "e" but keeping consonant + "le"
//!     ("table" = 2), dropping "-es" and "-ed" when they add no sound ("makes",
//!     "used") but not after sounds that need them ("uses", "tested"); at least 1;
//!   - an all-capital run of 2 to 5 letters is read as an acronym, one syllable
//!     per letter ("FDA" = 3, "BDNF" = 4; "W" counts 3). Some acronyms are said
//!     as words ("REMS"), so this can over-count a little, which is the safe side;
//!   - a run of digits counts **one syllable per digit** ("988" = 3, "2019" = 4,
//!     "100" = 3). That is close for the short numbers a plain guide uses and
//!     slightly low for long ones;
//!   - a `%` adds 2 syllables ("per cent") and a `$` adds 2 ("dollars").
//! - Apostrophes inside a word are ignored ("don't" = 1, "ketamine's" = 3).

/// Abbreviations whose full stop does not end a sentence (compared lowercase).
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "vs.", "etc.", "dr.", "mr.", "mrs.", "ms.", "prof.", "st.", "no.", "approx.",
    "cf.", "fig.", "al.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
    "oct.", "nov.", "dec.", "mg.", "min.", "inc.", "ltd.", "co.",
];

/// Characters that may close a sentence after its full stop: quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The words of a text, in order (see the module notes for what counts).
pub fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .collect()
}

/// Whether a token ends a sentence.
fn ends_sentence(token: &str) -> bool {
    let core = token.trim_end_matches(is_closer);
    let Some(last) = core.chars().last() else {
        return false;
    };
    match last {
        '!' | '?' => true,
        '.' => {
            let lower = core
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if ABBREVIATIONS.contains(&lower.as_str()) {
                return false;
            }
            // Dotted abbreviations such as "U.S." or "a.m.": letters, each followed
            // by a full stop, with at least two full stops in all.
            let body = lower.trim_end_matches('.');
            let dotted = lower.matches('.').count() >= 2
                && body
                    .split('.')
                    .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
            !dotted
        }
        _ => false,
    }
}

/// How many sentences a text has (0 for a text without words).
pub fn sentence_count(text: &str) -> usize {
    let mut sentences = 0;
    let mut words_since_end = 0;
    for token in text.split_whitespace() {
        if token.chars().any(char::is_alphanumeric) {
            words_since_end += 1;
        }
        if ends_sentence(token) && words_since_end > 0 {
            sentences += 1;
            words_since_end = 0;
        }
    }
    if words_since_end > 0 {
        sentences += 1;
    }
    sentences
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Syllables in one run of lowercase letters, by vowel groups.
fn syllables_in_letters(run: &str) -> usize {
    let mut letters: Vec<char> = run.chars().collect();
    if letters.len() <= 3 {
        return 1;
    }
    let n = letters.len();
    let has_vowel = |chars: &[char]| {
        chars
            .iter()
            .enumerate()
            .any(|(i, &c)| is_vowel(c) && !(i == 0 && c == 'y'))
    };
    if letters.ends_with(&['e', 's']) {
        // "-es" is silent after most consonants ("makes", "times") and after a
        // vowel ("goes", "studies"), but sounds after s, x, z, ch, sh, c and g.
        let before = letters[n - 3];
        if !matches!(before, 's' | 'x' | 'z' | 'c' | 'g' | 'h') && has_vowel(&letters[..n - 2]) {
            letters.truncate(n - 2);
        }
    } else if letters.ends_with(&['e', 'd']) {
        // "-ed" is silent except after t or d ("tested", "needed").
        let before = letters[n - 3];
        if !matches!(before, 't' | 'd') && has_vowel(&letters[..n - 2]) {
            letters.truncate(n - 2);
        }
    } else if letters.ends_with(&['e']) {
        let before = letters[n - 2];
        let consonant_le = before == 'l' && !is_vowel(letters[n - 3]);
        if !consonant_le && before != 'e' && has_vowel(&letters[..n - 1]) {
            letters.truncate(n - 1);
        }
    }
    let mut count = 0;
    let mut in_group = false;
    for (i, &c) in letters.iter().enumerate() {
        let vowel = is_vowel(c) && !(i == 0 && c == 'y');
        if vowel && !in_group {
            count += 1;
        }
        in_group = vowel;
    }
    count.max(1)
}

/// Syllables in one word (see the module notes for the rules).
pub fn syllables(word: &str) -> usize {
    let cleaned: String = word.chars().filter(|&c| !is_apostrophe(c)).collect();
    let mut total = 0;
    let mut extra = 0;
    let mut run = String::new();
    let mut digits = 0;
    let flush = |run: &mut String, total: &mut usize| {
        if run.is_empty() {
            return;
        }
        let letters = run.chars().count();
        let acronym = (2..=5).contains(&letters) && run.chars().all(char::is_uppercase);
        *total += if acronym {
            run.chars().map(|c| if c == 'W' { 3 } else { 1 }).sum()
        } else {
            syllables_in_letters(&run.to_lowercase())
        };
        run.clear();
    };
    for c in cleaned.chars() {
        if c.is_alphabetic() {
            run.push(c);
            continue;
        }
        flush(&mut run, &mut total);
        if c.is_ascii_digit() {
            digits += 1;
        } else if c == '%' || c == '$' {
            extra += 2;
        }
    }
    flush(&mut run, &mut total);
    total += digits;
    if total == 0 {
        // A token with letters or digits always has at least one syllable; a bare
        // "%" or "$" counts as its spoken word.
        return if extra > 0 { extra } else { 1 };
    }
    total + extra
}

/// The Flesch-Kincaid grade level of a text, or 0.0 if it has no words.
pub fn flesch_kincaid_grade(text: &str) -> f64 {
    let words = words(text);
    if words.is_empty() {
        return 0.0;
    }
    let word_count = words.len() as f64;
    let sentences = sentence_count(text).max(1) as f64;
    let syllable_count: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * word_count / sentences + 11.8 * syllable_count as f64 / word_count - 15.59
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_counts_of_plain_words() {
        let cases = [
            ("the", 1),
            ("cat", 1),
            ("make", 1),
            ("makes", 1),
            ("time", 1),
            ("spray", 1),
            ("blood", 1),
            ("used", 1),
            ("yes", 1),
            ("free", 1),
            ("table", 2),
            ("simple", 2),
            ("people", 2),
            ("little", 2),
            ("treatment", 2),
            ("doctor", 2),
            ("pressure", 2),
            ("tested", 2),
            ("uses", 2),
            ("minutes", 2),
            ("happy", 2),
            ("nasal", 2),
            ("studies", 2),
            ("ketamine", 3),
            ("depression", 3),
            ("medicine", 3),
            ("receptor", 3),
            ("glutamate", 3),
            ("family", 3),
            ("beautiful", 3),
            ("infusion", 3),
            ("placebo", 3),
            ("esketamine", 4),
            ("anaesthetic", 4),
            ("hypothesis", 4),
            ("medication", 4),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(word, expected)| syllables(word) != *expected)
            .map(|(word, expected)| format!("{word}: got {}, expected {expected}", syllables(word)))
            .collect();
        assert!(
            wrong.is_empty(),
            "wrong syllable counts:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn syllables_of_acronyms_numbers_and_marks() {
        assert_eq!(syllables("FDA"), 3);
        assert_eq!(syllables("BDNF"), 4);
        assert_eq!(syllables("IV"), 2);
        assert_eq!(syllables("988"), 3);
        assert_eq!(syllables("2019"), 4);
        assert_eq!(syllables("52%"), 4);
        assert_eq!(syllables("ketamine's"), 3);
        assert_eq!(syllables("don't"), 1);
        assert_eq!(syllables("risk-free"), 2);
        assert_eq!(syllables("S-ketamine"), 4);
        assert_eq!(syllables("e.g."), 2);
        assert_eq!(syllables("U.S."), 2);
        assert_eq!(syllables("TRANSFORM-2"), 3);
    }

    #[test]
    fn counts_words() {
        assert_eq!(
            words("The cat sat on the mat."),
            ["The", "cat", "sat", "on", "the", "mat."]
        );
        assert_eq!(words("Call 116 123 — free, any time.").len(), 6);
        assert!(words("  — ").is_empty());
    }

    #[test]
    fn splits_sentences_sensibly() {
        assert_eq!(sentence_count("One. Two! Three? Four"), 4);
        assert_eq!(sentence_count("The dose was 0.5 mg/kg over 40 minutes."), 1);
        assert_eq!(
            sentence_count("Some drugs, e.g. this one, are old. Others are new."),
            2
        );
        assert_eq!(sentence_count("It is sold in the U.S. and elsewhere."), 1);
        assert_eq!(sentence_count("She said \"stop.\" Then she left."), 2);
        assert_eq!(sentence_count("Ketamine vs. placebo."), 1);
        assert_eq!(sentence_count(""), 0);
    }

    #[test]
    fn very_simple_text_scores_very_low() {
        let grade = flesch_kincaid_grade("The cat sat on the mat.");
        assert!(grade < 2.0, "grade {grade}");
        let grade = flesch_kincaid_grade("I like my dog. My dog likes me. We run in the park.");
        assert!(grade < 2.0, "grade {grade}");
    }

    #[test]
    fn dense_academic_text_scores_high() {
        let text = "The pharmacological characterisation of N-methyl-D-aspartate receptor \
                    antagonism demonstrates considerable heterogeneity across experimental \
                    paradigms, necessitating comprehensive methodological standardisation \
                    before translational extrapolation to heterogeneous clinical populations.";
        let grade = flesch_kincaid_grade(text);
        assert!(grade > 14.0, "grade {grade}");
    }

    #[test]
    fn plain_health_text_scores_in_the_middle() {
        let text = "Ketamine is a medicine used to put people to sleep for surgery. \
                    At lower doses, doctors also use it to treat depression. \
                    It can raise your blood pressure for a short time.";
        let grade = flesch_kincaid_grade(text);
        assert!((3.0..=9.0).contains(&grade), "grade {grade}");
    }

    #[test]
    fn empty_text_scores_zero() {
        assert_eq!(flesch_kincaid_grade(""), 0.0);
        assert_eq!(flesch_kincaid_grade(" — "), 0.0);
    }
}
