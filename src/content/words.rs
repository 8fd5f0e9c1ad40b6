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
}
