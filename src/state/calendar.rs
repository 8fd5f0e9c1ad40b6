//! An iCalendar file (RFC 5545) of the planned sessions, made on the device: one
//! all-day event per session. Lines end in CRLF, text is escaped, and lines longer
//! than 75 octets are folded without splitting a UTF-8 character.

use crate::state::dates::Date;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    pub date: Date,
    pub summary: String,
    pub description: String,
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no line is longer than 75 octets (the space
/// that starts a continuation line counts), each ending in CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// `2026-12-01T09:30:05.123Z` (as a browser gives the time) to `20261201T093005Z`.
/// `None` if it is not such a time.
pub fn utc_stamp(iso_time: &str) -> Option<String> {
    let digits: String = iso_time.chars().filter(char::is_ascii_digit).collect();
    let well_formed = iso_time.len() >= 20
        && iso_time.ends_with('Z')
        && iso_time.as_bytes().get(10) == Some(&b'T')
        && digits.len() >= 14;
    well_formed.then(|| format!("{}T{}Z", &digits[..8], &digits[8..14]))
}

/// The whole file. `stamp` is when it was made (`20261201T093005Z`): it dates every
/// event and makes their ids unique to this export.
pub fn calendar(events: &[CalendarEvent], stamp: &str) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Ketamine for depression: an independent guide//Visit planner//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    for (index, event) in events.iter().enumerate() {
        let day = event.date.compact();
        let next_day = event.date.plus_days(1).compact();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:{stamp}-{}-{day}@ketamine-guide.invalid", index + 1),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{day}"));
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{next_day}"));
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&event.summary)),
        );
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&event.description)),
        );
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, summary: &str, description: &str) -> CalendarEvent {
        CalendarEvent {
            date: Date::parse_iso(date).unwrap(),
            summary: summary.into(),
            description: description.into(),
        }
    }

    /// Unfolds content lines as a reader of the file would.
    fn unfolded(file: &str) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for line in file.split("\r\n") {
            if let Some(rest) = line.strip_prefix(' ') {
                lines.last_mut().unwrap().push_str(rest);
            } else if !line.is_empty() {
                lines.push(line.to_owned());
            }
        }
        lines
    }

    #[test]
    fn escapes_commas_semicolons_backslashes_and_newlines() {
        assert_eq!(
            escape_text("a, b; c\\d\ne\r\nf"),
            "a\\, b\\; c\\\\d\\ne\\nf"
        );
    }

    #[test]
    fn every_event_has_what_calendars_need() {
        let file = calendar(
            &[
                event("2026-12-31", "Nasal spray session", "Plan for 2 hours."),
                event(
                    "2027-01-04",
                    "Nasal spray session",
                    "No driving, then sleep.",
                ),
            ],
            "20261201T093005Z",
        );
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !file.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        assert!(!file.replace("\r\n", "").contains('\r'));
        let lines = unfolded(&file);
        assert_eq!(lines[0], "BEGIN:VCALENDAR");
        assert!(lines.contains(&"VERSION:2.0".to_owned()));
        assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        for prefix in [
            "UID:",
            "DTSTAMP:20261201T093005Z",
            "SUMMARY:",
            "DESCRIPTION:",
        ] {
            assert_eq!(
                lines.iter().filter(|l| l.starts_with(prefix)).count(),
                2,
                "{prefix}"
            );
        }
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20261231".to_owned()));
        assert!(
            lines.contains(&"DTEND;VALUE=DATE:20270101".to_owned()),
            "across the year end"
        );
        assert!(lines.contains(&"DESCRIPTION:No driving\\, then sleep.".to_owned()));
        let uids: std::collections::BTreeSet<&String> =
            lines.iter().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(uids.len(), 2, "ids are unique");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let description = "Plan for about 2½ hours at the clinic; bring someone—“a sober adult”—to take you home. ".repeat(4);
        let file = calendar(
            &[event("2026-12-07", "Session", &description)],
            "20261201T093005Z",
        );
        for line in file.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let lines = unfolded(&file);
        let text = lines
            .iter()
            .find_map(|l| l.strip_prefix("DESCRIPTION:"))
            .unwrap();
        assert_eq!(text, escape_text(&description));
        assert!(file.split("\r\n").filter(|l| l.starts_with(' ')).count() >= 4);
    }

    #[test]
    fn browser_times_become_utc_stamps() {
        assert_eq!(
            utc_stamp("2026-12-01T09:30:05.123Z").as_deref(),
            Some("20261201T093005Z")
        );
        assert_eq!(utc_stamp("yesterday"), None);
        assert_eq!(utc_stamp("2026-12-01 09:30:05"), None);
    }
}
