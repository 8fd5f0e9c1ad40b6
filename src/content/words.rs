//! Finding words in text by byte offset, shared by search and glossary marking.

/// The words of `text` (runs of letters and digits) with their byte ranges.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// Lowercase words, for comparing.
pub fn normalized_words(text: &str) -> Vec<String> {
    word_spans(text)
        .map(|(start, end)| text[start..end].to_lowercase())
        .collect()
}

/// A word's rough stem, so forms of one word meet: "addicted", "addictive" and
/// "addiction" all give "addict"; "dissociate" and "dissociation" give "dissoci".
/// Deliberately small: it strips one common English ending from a lowercase word and
/// keeps at least four letters, so short words stay as they are.
pub fn stem(word: &str) -> &str {
    const ENDINGS: [&str; 21] = [
        "ations", "ation", "atives", "ative", "ated", "ions", "ion", "ives", "ive", "ings", "ing",
        "ness", "ance", "ence", "ates", "ate", "ies", "ed", "es", "ly", "s",
    ];
    for ending in ENDINGS {
        if let Some(base) = word.strip_suffix(ending)
            && base.chars().count() >= 4
        {
            return base;
        }
    }
    word
}

/// Whether `a` becomes `b` by at most one edit (a letter changed, added, removed, or two
/// neighbours swapped): "insurence" is one edit from "insurance".
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    if short.len() == long.len() {
        // One letter changed, or two neighbours swapped.
        short[prefix + 1..] == long[prefix + 1..]
            || (prefix + 1 < short.len()
                && short[prefix] == long[prefix + 1]
                && short[prefix + 1] == long[prefix]
                && short[prefix + 2..] == long[prefix + 2..])
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_anything_that_is_not_a_letter_or_digit() {
        let text = "NMDA-receptor, 0.5 mg/kg; naïve";
        let words: Vec<&str> = word_spans(text).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(words, ["NMDA", "receptor", "0", "5", "mg", "kg", "naïve"]);
        assert_eq!(normalized_words("Ketamine IV"), ["ketamine", "iv"]);
        assert_eq!(word_spans("  ").count(), 0);
    }

    #[test]
    fn word_forms_share_a_stem() {
        for (a, b) in [
            ("addicted", "addictive"),
            ("addictive", "addiction"),
            ("dissociate", "dissociation"),
            ("dissociation", "dissociative"),
            ("dissociated", "dissociate"),
            ("insured", "insurance"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("cost"), "cost");
        assert_eq!(stem("iv"), "iv");
        assert_ne!(stem("addiction"), stem("add"));
    }

    #[test]
    fn one_edit_apart() {
        assert!(within_one_edit("insurence", "insurance"));
        assert!(within_one_edit("ketamin", "ketamine"));
        assert!(within_one_edit("ketmaine", "ketamine"));
        assert!(within_one_edit("driving", "driving"));
        assert!(!within_one_edit("insurence", "assurance"));
        assert!(!within_one_edit("cost", "coast2"));
    }
}
