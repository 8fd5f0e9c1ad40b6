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

/// A rectangle of people drawn alike, in the picture's units: whole rows, or the part
/// of a row before or after the marked people end. Drawing blocks instead of 100
/// separate figures keeps the page small; a half-filled person is a block of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
    pub mark: Mark,
}

/// The people of [`people`] as the fewest blocks of one kind each: a run of one kind in
/// a row is a block, and runs that line up in the rows below join it.
pub fn blocks(halves: u16) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for person in people(halves) {
        match out.last_mut() {
            Some(last)
                if last.mark == person.mark
                    && last.height == CELL_HEIGHT
                    && last.y == person.y
                    && last.x + last.width == person.x =>
            {
                last.width += CELL_WIDTH;
            }
            _ => out.push(Block {
                x: person.x,
                y: person.y,
                width: CELL_WIDTH,
                height: CELL_HEIGHT,
                mark: person.mark,
            }),
        }
    }
    // Join each row's block with the block above it when they match exactly.
    let mut joined: Vec<Block> = Vec::new();
    for block in out {
        let above = joined.iter_mut().find(|b| {
            b.mark == block.mark
                && b.x == block.x
                && b.width == block.width
                && b.y + b.height == block.y
        });
        match above {
            Some(above) => above.height += block.height,
            None => joined.push(block),
        }
    }
    joined
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

    /// The people each kind of block covers, counted cell by cell, and whether any
    /// cell is covered twice.
    fn covered(blocks: &[Block]) -> (usize, usize, usize, bool) {
        let mut cells = [None; 100];
        let mut twice = false;
        for b in blocks {
            for row in (b.y / CELL_HEIGHT)..((b.y + b.height) / CELL_HEIGHT) {
                for col in (b.x / CELL_WIDTH)..((b.x + b.width) / CELL_WIDTH) {
                    let cell = &mut cells[usize::from(row * PER_ROW + col)];
                    twice |= cell.is_some();
                    *cell = Some(b.mark);
                }
            }
        }
        let n = |m: Mark| cells.iter().filter(|c| **c == Some(m)).count();
        assert!(cells.iter().all(Option::is_some), "every person is drawn");
        (n(Mark::Full), n(Mark::Half), n(Mark::Empty), twice)
    }

    #[test]
    fn blocks_draw_each_person_once_as_the_people_say() {
        for halves in 0..=200 {
            let drawn = people(halves);
            let (full, half, empty, twice) = covered(&blocks(halves));
            assert!(!twice, "{halves}: a person drawn twice");
            assert_eq!(full, count(&drawn, Mark::Full), "{halves}");
            assert_eq!(half, count(&drawn, Mark::Half), "{halves}");
            assert_eq!(empty, count(&drawn, Mark::Empty), "{halves}");
        }
    }

    #[test]
    fn blocks_are_few() {
        // 52 filled, a half, 47 outlined: 5 rows filled, 2 filled in the 6th, the half,
        // the rest of the 6th row outlined, then 4 outlined rows.
        let drawn = blocks(105);
        assert_eq!(drawn.len(), 5);
        assert_eq!(
            drawn[0],
            Block {
                x: 0,
                y: 0,
                width: 100,
                height: 60,
                mark: Mark::Full
            }
        );
        assert_eq!(drawn[2].mark, Mark::Half);
        assert_eq!(blocks(0).len(), 1);
        assert_eq!(blocks(200).len(), 1);
        assert!((0..=200).all(|h| blocks(h).len() <= 5));
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
