//! The cost estimate as pure logic, in whole cents: reading amounts the way people
//! type them, the reader's share after insurance, and US dollar formatting. No
//! floating point, so no rounding drift and never NaN.

/// The most a session (or its extras) may cost here: anything above is a typo.
pub const MAX_CENTS: u64 = 10_000_000;

/// Why an amount cannot be used. `message` is what the reader is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooLarge,
}

impl AmountError {
    pub fn money_message(self) -> &'static str {
        match self {
            AmountError::NotANumber => {
                "Please enter an amount in dollars, using numbers only, such as 850 or 1,200.50."
            }
            AmountError::Negative => "An amount cannot be less than zero.",
            AmountError::TooLarge => {
                "That is more than $100,000 for one session. Please check the amount."
            }
        }
    }

    pub fn percent_message(self) -> &'static str {
        match self {
            AmountError::NotANumber | AmountError::TooLarge => {
                "Please enter a percentage from 0 to 100, such as 20."
            }
            AmountError::Negative => "A percentage cannot be less than zero.",
        }
    }
}

/// Reads a number with at most two decimal places as hundredths: "1,200.5" is
/// 120050. `Ok(None)` for a blank field.
fn hundredths(text: &str) -> Result<Option<u64>, AmountError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, text) = match text.strip_prefix(['-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    };
    let text = text.strip_prefix('$').unwrap_or(text).trim_start();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (text, ""),
    };
    // Thousands separators: commas between groups of three digits only.
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_well = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !grouped_well
        || (digits.is_empty() && fraction.is_empty())
        || !all_digits(&digits)
        || !all_digits(fraction)
        || fraction.len() > 2
        || (text.contains('.') && fraction.is_empty())
    {
        return Err(AmountError::NotANumber);
    }
    if digits.len() > 12 {
        return Err(if negative {
            AmountError::Negative
        } else {
            AmountError::TooLarge
        });
    }
    let whole: u64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| AmountError::NotANumber)?
    };
    let fraction: u64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<u64>()
                .map_err(|_| AmountError::NotANumber)?
                * 10
        }
        _ => fraction.parse().map_err(|_| AmountError::NotANumber)?,
    };
    let value = whole * 100 + fraction;
    if negative && value > 0 {
        return Err(AmountError::Negative);
    }
    Ok(Some(value))
}

/// An amount in dollars as whole cents: "$1,200.50" is 120050. `Ok(None)` when blank.
pub fn parse_dollars(text: &str) -> Result<Option<u64>, AmountError> {
    match hundredths(text)? {
        Some(cents) if cents > MAX_CENTS => Err(AmountError::TooLarge),
        other => Ok(other),
    }
}

/// A percentage as basis points (hundredths of a percent): "20" is 2000, "12.5" is
/// 1250. `Ok(None)` when blank.
pub fn parse_percent(text: &str) -> Result<Option<u64>, AmountError> {
    let text = text.trim().trim_end_matches('%');
    match hundredths(text)? {
        Some(points) if points > 10_000 => Err(AmountError::TooLarge),
        other => Ok(other),
    }
}

/// `$1,200`, or `$1,200.50` when there are cents.
pub fn format_dollars(cents: u64) -> String {
    let digits = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match cents % 100 {
        0 => format!("${grouped}"),
        rest => format!("${grouped}.{rest:02}"),
    }
}

/// What is left to pay after an insurer pays `insured_points` (basis points) of
/// `cents`, rounded to the nearest cent (halves up).
pub fn after_insurance(cents: u64, insured_points: u64) -> u64 {
    let share = 10_000 - insured_points.min(10_000);
    (cents * share + 5_000) / 10_000
}

/// The estimate for a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// Price plus extras, for one session.
    pub per_session: u64,
    /// What the reader pays for one session, after the insurance share.
    pub you_pay_per_session: u64,
    /// The first 8 weeks, before and after insurance.
    pub first_weeks: u64,
    pub you_pay_first_weeks: u64,
    /// Every 4 weeks after week 8, fewest and most sessions, after insurance.
    pub later_per_4_weeks: Option<(u64, u64)>,
}

/// Works out the estimate in whole cents.
pub fn estimate(
    price: u64,
    extras: u64,
    insured_points: u64,
    sessions: u32,
    later_sessions: Option<(u32, u32)>,
) -> Estimate {
    let per_session = price + extras;
    let you_pay = after_insurance(per_session, insured_points);
    Estimate {
        per_session,
        you_pay_per_session: you_pay,
        first_weeks: per_session * u64::from(sessions),
        you_pay_first_weeks: you_pay * u64::from(sessions),
        later_per_4_weeks: later_sessions
            .map(|(low, high)| (you_pay * u64::from(low), you_pay * u64::from(high))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts_as_people_type_them() {
        for (text, cents) in [
            ("850", 85_000),
            ("$850", 85_000),
            (" $ 1,200 ", 120_000),
            ("1200.5", 120_050),
            ("1,200.05", 120_005),
            ("0.99", 99),
            (".5", 50),
            ("0", 0),
            ("-0", 0),
            ("100,000", 10_000_000),
        ] {
            assert_eq!(parse_dollars(text), Ok(Some(cents)), "{text:?}");
        }
        assert_eq!(parse_dollars("   "), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for text in [
            "abc",
            "12abc",
            "1.234",
            "1,20",
            "12,00,000",
            ",100",
            "1.",
            "$",
            "1e3",
            "NaN",
            "Infinity",
            "1..2",
            "--5",
            "5-",
        ] {
            assert_eq!(
                parse_dollars(text),
                Err(AmountError::NotANumber),
                "{text:?}"
            );
        }
        for text in ["-5", "-$850", "− 1,200"] {
            assert_eq!(parse_dollars(text), Err(AmountError::Negative), "{text:?}");
        }
        for text in [
            "100000.01",
            "1,000,000",
            "99999999999999999999999",
            "18446744073709551616",
        ] {
            assert_eq!(parse_dollars(text), Err(AmountError::TooLarge), "{text:?}");
        }
    }

    #[test]
    fn reads_percentages() {
        assert_eq!(parse_percent("20"), Ok(Some(2_000)));
        assert_eq!(parse_percent("12.5%"), Ok(Some(1_250)));
        assert_eq!(parse_percent("100"), Ok(Some(10_000)));
        assert_eq!(parse_percent(""), Ok(None));
        assert_eq!(parse_percent("101"), Err(AmountError::TooLarge));
        assert_eq!(parse_percent("-3"), Err(AmountError::Negative));
        assert_eq!(parse_percent("most"), Err(AmountError::NotANumber));
    }

    #[test]
    fn formats_us_dollars() {
        assert_eq!(format_dollars(120_000), "$1,200");
        assert_eq!(format_dollars(0), "$0");
        assert_eq!(format_dollars(5), "$0.05");
        assert_eq!(format_dollars(99_999), "$999.99");
        assert_eq!(format_dollars(12_345_678_900), "$123,456,789");
        assert_eq!(format_dollars(100_000_050), "$1,000,000.50");
    }

    #[test]
    fn works_in_whole_cents() {
        // 12 sessions at $850 plus $49.99 of extras, insurer pays 20%.
        let e = estimate(85_000, 4_999, 2_000, 12, Some((2, 4)));
        assert_eq!(e.per_session, 89_999);
        assert_eq!(e.you_pay_per_session, 71_999, "71,999.2 rounds to 71,999");
        assert_eq!(e.first_weeks, 1_079_988);
        assert_eq!(e.you_pay_first_weeks, 863_988);
        assert_eq!(e.later_per_4_weeks, Some((143_998, 287_996)));
        assert_eq!(format_dollars(e.you_pay_first_weeks), "$8,639.88");
        // Halves round up; the whole share paid leaves nothing.
        assert_eq!(after_insurance(1, 5_000), 1);
        assert_eq!(after_insurance(85_000, 10_000), 0);
        assert_eq!(after_insurance(85_000, 0), 85_000);
        // The largest allowed amounts cannot overflow.
        let big = estimate(MAX_CENTS, MAX_CENTS, 0, 56, Some((28, 28)));
        assert_eq!(big.first_weeks, 2 * MAX_CENTS * 56);
        assert_eq!(estimate(85_000, 0, 0, 6, None).later_per_4_weeks, None);
    }
}
