//! The geometry and words of an icon array: 100 people in rows of 10, the first ones
//! marked. A half person (as in 52.5 in 100) is drawn as a person filled on the left
//! half only. The words give both framings: "52.5 in 100 were in remission; 47.5 in
//! 100 were not".

use crate::content::IconGroup;
use crate::content::icons::{halves, halves_text};

/// People in a row, and rows.
pub const PER_ROW: u16 = 10;
pub const TOTAL: u16 = 100;
/// The room each person takes in the picture's own units (its viewBox).
pub const CELL_WIDTH: u16 = 10;
pub const CELL_HEIGHT: u16 = 12;

/// How a person is drawn: filled (had the outcome), half filled, or outlined (did not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Full,
    Half,
    Empty,
}

impl Mark {
    /// The class that draws it.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Full => "ia-full",
            Mark::Half => "ia-half",
            Mark::Empty => "ia-empty",
        }
    }
}

/// One person: where it goes (top-left corner, in the picture's units) and how it is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    pub x: u16,
    pub y: u16,
    pub mark: Mark,
}

/// The 100 people of a group with `halves` half people marked (105 → 52 filled, one
/// half filled, 47 outlined), row by row from the top left.
pub fn people(halves: u16) -> Vec<Person> {
    let halves = halves.min(TOTAL * 2);
    let full = halves / 2;
    let half = halves % 2;
    (0..TOTAL)
        .map(|i| Person {
            x: (i % PER_ROW) * CELL_WIDTH,
            y: (i / PER_ROW) * CELL_HEIGHT,
            mark: if i < full {
                Mark::Full
            } else if i < full + half {
                Mark::Half
            } else {
                Mark::Empty
            },
        })
        .collect()
}

/// Both framings of a group, e.g. "Esketamine: 52.5 in 100 were in remission; 47.5 in
/// 100 were not." (`None` for a value that cannot be drawn; validation refuses those.)
pub fn framing(group: &IconGroup) -> Option<String> {
    let marked = halves(group.value)?;
    Some(format!(
        "{}: {} in 100 {}; {} in 100 {}.",
        group.label,
        halves_text(marked),
        group.yes,
        halves_text(TOTAL * 2 - marked),
        group.no
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(value: f64) -> IconGroup {
        IconGroup {
            label: "Esketamine".into(),
            value,
            yes: "were in remission".into(),
            no: "were not".into(),
        }
    }

    fn count(people: &[Person], mark: Mark) -> usize {
        people.iter().filter(|p| p.mark == mark).count()
    }

    #[test]
    fn always_exactly_100_people() {
        for halves in [0, 1, 62, 105, 199, 200, 999] {
            assert_eq!(people(halves).len(), 100);
        }
    }

    #[test]
    fn the_right_number_are_marked() {
        let drawn = people(105);
        assert_eq!(count(&drawn, Mark::Full), 52);
        assert_eq!(count(&drawn, Mark::Half), 1);
        assert_eq!(count(&drawn, Mark::Empty), 47);
        let drawn = people(62);
        assert_eq!(count(&drawn, Mark::Full), 31);
        assert_eq!(count(&drawn, Mark::Half), 0);
        assert_eq!(count(&people(0), Mark::Full), 0);
        assert_eq!(count(&people(200), Mark::Full), 100);
    }

    #[test]
    fn marked_people_come_first_in_rows_of_ten() {
        let drawn = people(105);
        assert!(drawn[..52].iter().all(|p| p.mark == Mark::Full));
        assert_eq!(drawn[52].mark, Mark::Half);
        assert_eq!((drawn[0].x, drawn[0].y), (0, 0));
        assert_eq!((drawn[9].x, drawn[9].y), (90, 0));
        assert_eq!((drawn[10].x, drawn[10].y), (0, 12));
        assert_eq!((drawn[99].x, drawn[99].y), (90, 108));
    }

    #[test]
    fn both_framings_are_given() {
        assert_eq!(
            framing(&group(52.5)).unwrap(),
            "Esketamine: 52.5 in 100 were in remission; 47.5 in 100 were not."
        );
        assert_eq!(
            framing(&group(31.0)).unwrap(),
            "Esketamine: 31 in 100 were in remission; 69 in 100 were not."
        );
        assert_eq!(framing(&group(31.2)), None);
    }
}
