//! Choosing a layout by the room there really is, not by a guess from the screen size.

/// The question column of the comparison table needs about this many CSS pixels…
const QUESTION_COLUMN_PX: f64 = 176.0;
/// …and each route's column about this many, to keep its answers readable.
const ROUTE_COLUMN_PX: f64 = 160.0;

/// Whether the comparison table fits, unscrolled, in `available_px` (the width of the
/// column it is shown in) with `routes` route columns. Unknown room means no: the
/// one-column layouts fit anywhere.
pub fn table_fits(available_px: Option<f64>, routes: usize) -> bool {
    available_px.is_some_and(|width| width >= QUESTION_COLUMN_PX + ROUTE_COLUMN_PX * routes as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_chosen_only_where_it_fits() {
        // A phone's column (390 px screen), a tablet's and a desktop's main column.
        assert!(!table_fits(Some(358.0), 3));
        assert!(table_fits(Some(736.0), 3));
        assert!(table_fits(Some(700.0), 3));
        // Fewer routes need less room.
        assert!(!table_fits(Some(600.0), 3));
        assert!(table_fits(Some(600.0), 2));
        assert!(!table_fits(None, 1));
    }
}
