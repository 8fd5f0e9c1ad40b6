//! The numbers of an icon array: a result out of 100, in whole or half people.
//! Integer arithmetic only (float formatting would add to the wasm).

/// A value out of 100 in halves (52.5 → 105), if it is a whole or half number from 0
/// to 100.
pub fn halves(value: f64) -> Option<u16> {
    let doubled = value * 2.0;
    let whole = doubled.round();
    ((0.0..=200.0).contains(&whole) && (doubled - whole).abs() < 1e-9).then_some(whole as u16)
}

/// Halves as the reader reads them: 105 → "52.5", 62 → "31".
pub fn halves_text(halves: u16) -> String {
    if halves.is_multiple_of(2) {
        (halves / 2).to_string()
    } else {
        format!("{}.5", halves / 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_and_half_numbers_are_accepted() {
        assert_eq!(halves(52.5), Some(105));
        assert_eq!(halves(31.0), Some(62));
        assert_eq!(halves(0.0), Some(0));
        assert_eq!(halves(100.0), Some(200));
    }

    #[test]
    fn other_numbers_are_refused() {
        assert_eq!(halves(52.4), None);
        assert_eq!(halves(-1.0), None);
        assert_eq!(halves(100.5), None);
        assert_eq!(halves(f64::NAN), None);
    }

    #[test]
    fn halves_read_as_numbers() {
        assert_eq!(halves_text(105), "52.5");
        assert_eq!(halves_text(62), "31");
        assert_eq!(halves_text(1), "0.5");
        assert_eq!(halves_text(200), "100");
    }
}
