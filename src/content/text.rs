//! Small pure helpers for turning content into reader-facing text.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-11-21" → "21 November 2026"; `None` if the date is not in that form.
pub fn human_date(iso: &str) -> Option<String> {
    let mut parts = iso.splitn(3, '-');
    let year: u16 = parts.next()?.parse().ok()?;
    let month: usize = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let month = MONTHS.get(month.checked_sub(1)?)?;
    (1..=31)
        .contains(&day)
        .then(|| format!("{day} {month} {year}"))
}

/// "2019" → "2019", "2019-03" → "March 2019", or a full ISO date as [`human_date`]
/// gives it: the precision a price or a check date was recorded with.
pub fn human_date_or_year(iso: &str) -> Option<String> {
    let parts: Vec<&str> = iso.split('-').collect();
    let year = |y: &str| (y.len() == 4 && y.parse::<u16>().is_ok()).then(|| y.to_owned());
    match parts.as_slice() {
        [y] => year(y),
        [y, m] => {
            let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
            year(y).map(|y| format!("{month} {y}"))
        }
        _ => human_date(iso),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_years_and_months_as_recorded() {
        assert_eq!(human_date_or_year("2019").as_deref(), Some("2019"));
        assert_eq!(human_date_or_year("2019-03").as_deref(), Some("March 2019"));
        assert_eq!(
            human_date_or_year("2026-12-01").as_deref(),
            Some("1 December 2026")
        );
        assert_eq!(human_date_or_year("19"), None);
        assert_eq!(human_date_or_year("2019-13"), None);
    }

    #[test]
    fn formats_iso_dates_for_readers() {
        assert_eq!(
            human_date("2026-11-21").as_deref(),
            Some("21 November 2026")
        );
        assert_eq!(human_date("2027-01-05").as_deref(), Some("5 January 2027"));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(human_date("2026-13-01"), None);
        assert_eq!(human_date("2026-00-01"), None);
        assert_eq!(human_date("soon"), None);
        assert_eq!(human_date("2026-11-32"), None);
    }
}
