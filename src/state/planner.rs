//! The visit planner as pure logic: the reader's inputs (kept as typed, so bad input
//! is never lost), checking them, the sessions of the first 8 weeks from a schedule
//! in the content, the totals, and how the inputs are stored on the device.

use serde_json::{Value, json};

use crate::content::{PlanSchedule, Planner};
use crate::state::calendar::CalendarEvent;
use crate::state::dates::Date;

/// Where the planner's inputs are kept (localStorage).
pub const PLANNER_KEY: &str = "ketamine-guide.planner";
/// Where the handout's blank lines are kept (localStorage).
pub const HANDOUT_KEY: &str = "ketamine-guide.companion";
/// Bumped when a stored shape changes; older values are ignored, not misread.
pub const STORAGE_VERSION: u64 = 1;
/// The weeks the planner lists.
pub const PLANNED_WEEKS: usize = 8;
/// The most sessions a week the reader's own schedule may have.
pub const MAX_PER_WEEK: u32 = 7;
/// The most weeks the reader's own schedule may last.
pub const MAX_WEEKS: u32 = 52;
/// The longest text kept from one field (a guard against runaway stored data).
const MAX_FIELD_CHARS: usize = 200;

/// What the reader typed or chose, exactly as given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlannerInputs {
    /// ISO date from the date input (empty, or whatever the browser gave).
    pub start: String,
    /// A schedule id from the content.
    pub schedule: String,
    pub per_week: String,
    pub weeks: String,
    pub price: String,
    pub extras: String,
    pub share: String,
}

const FIELDS: [&str; 7] = [
    "start", "schedule", "per_week", "weeks", "price", "extras", "share",
];

impl PlannerInputs {
    fn fields(&self) -> [&String; 7] {
        [
            &self.start,
            &self.schedule,
            &self.per_week,
            &self.weeks,
            &self.price,
            &self.extras,
            &self.share,
        ]
    }

    fn fields_mut(&mut self) -> [&mut String; 7] {
        [
            &mut self.start,
            &mut self.schedule,
            &mut self.per_week,
            &mut self.weeks,
            &mut self.price,
            &mut self.extras,
            &mut self.share,
        ]
    }

    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.is_empty())
    }

    pub fn to_storage(&self) -> String {
        let mut object = serde_json::Map::new();
        object.insert("version".into(), json!(STORAGE_VERSION));
        for (name, value) in FIELDS.iter().zip(self.fields()) {
            object.insert((*name).into(), json!(value));
        }
        Value::Object(object).to_string()
    }

    /// The stored inputs; anything unreadable gives empty inputs, and a field of the
    /// wrong type is left empty.
    pub fn from_storage(stored: Option<&str>) -> Self {
        let mut inputs = Self::default();
        let Some(value) = stored.and_then(|s| serde_json::from_str::<Value>(s).ok()) else {
            return inputs;
        };
        if value.get("version").and_then(Value::as_u64) != Some(STORAGE_VERSION) {
            return inputs;
        }
        for (name, field) in FIELDS.iter().zip(inputs.fields_mut()) {
            if let Some(text) = value.get(*name).and_then(Value::as_str) {
                *field = text.chars().take(MAX_FIELD_CHARS).collect();
            }
        }
        inputs
    }
}

/// The handout's blank lines, filled in by the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandoutFields {
    pub clinic_phone: String,
    pub next_session: String,
}

impl HandoutFields {
    pub fn is_empty(&self) -> bool {
        self.clinic_phone.is_empty() && self.next_session.is_empty()
    }

    pub fn to_storage(&self) -> String {
        json!({
            "version": STORAGE_VERSION,
            "clinic_phone": self.clinic_phone,
            "next_session": self.next_session,
        })
        .to_string()
    }

    pub fn from_storage(stored: Option<&str>) -> Self {
        let value = stored.and_then(|s| serde_json::from_str::<Value>(s).ok());
        let Some(value) = value.filter(|v| v.get("version").and_then(Value::as_u64) == Some(1))
        else {
            return Self::default();
        };
        let text = |name: &str| -> String {
            value
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .chars()
                .take(MAX_FIELD_CHARS)
                .collect()
        };
        HandoutFields {
            clinic_phone: text("clinic_phone"),
            next_session: text("next_session"),
        }
    }
}

/// A planner field that can be wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Start,
    PerWeek,
    Weeks,
}

/// Why a field cannot be used: `message` is what the reader is told beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

fn field_error(field: Field, message: &str) -> FieldError {
    FieldError {
        field,
        message: message.to_owned(),
    }
}

/// One session in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub date: Date,
    /// Week 1 starts on the start date.
    pub week: u32,
}

/// The plan for the first 8 weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub schedule: PlanSchedule,
    pub sessions: Vec<Session>,
    /// Sessions every 4 weeks after week 8: fewest and most; `None` when there is no
    /// standard plan (or the reader's schedule ends by week 8).
    pub later_per_4_weeks: Option<(u32, u32)>,
}

impl Plan {
    pub fn visits(&self) -> u32 {
        self.sessions.len() as u32
    }

    /// Minutes at the clinic over the first 8 weeks.
    pub fn clinic_minutes(&self) -> u32 {
        self.visits() * u32::from(self.schedule.visit_minutes)
    }

    /// Rides home needed: one after every session.
    pub fn rides(&self) -> u32 {
        self.visits()
    }
}

/// The schedule the reader chose, or the first one.
pub fn chosen_schedule<'p>(planner: &'p Planner, id: &str) -> Option<&'p PlanSchedule> {
    planner
        .schedules
        .iter()
        .find(|s| s.id == id)
        .or_else(|| planner.schedules.first())
}

/// The session dates for these sessions a week, from `start`. Sessions in a week are
/// spread out: two a week fall 3 days apart (Monday and Thursday), three a week 2 days
/// apart, and so on. All days are whole calendar days.
pub fn session_dates(start: Date, weekly_sessions: &[u8]) -> Vec<Session> {
    let mut sessions = Vec::new();
    for (week, count) in weekly_sessions.iter().take(PLANNED_WEEKS).enumerate() {
        let count = i64::from((*count).min(7));
        for i in 0..count {
            let offset = week as i64 * 7 + i * 7 / count;
            sessions.push(Session {
                date: start.plus_days(offset),
                week: week as u32 + 1,
            });
        }
    }
    sessions
}

fn whole_number(text: &str, low: u32, high: u32) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| (low..=high).contains(n))
}

/// Checks the inputs and makes the plan, or says what is wrong with each field.
pub fn make_plan(planner: &Planner, inputs: &PlannerInputs) -> Result<Plan, Vec<FieldError>> {
    let mut errors = Vec::new();
    let Some(schedule) = chosen_schedule(planner, &inputs.schedule) else {
        return Err(errors);
    };
    let start = if inputs.start.trim().is_empty() {
        errors.push(field_error(
            Field::Start,
            "Please choose the date of your first session.",
        ));
        None
    } else {
        let date = Date::parse_iso(&inputs.start);
        if date.is_none() {
            errors.push(field_error(
                Field::Start,
                "That is not a date we can use. Please choose a real date, such as 7 December 2026.",
            ));
        }
        date
    };
    let (weekly, later) = if schedule.is_custom() {
        let per_week = whole_number(&inputs.per_week, 1, MAX_PER_WEEK);
        if per_week.is_none() {
            errors.push(field_error(
                Field::PerWeek,
                "Please give the number of sessions a week as a whole number from 1 to 7.",
            ));
        }
        let weeks = whole_number(&inputs.weeks, 1, MAX_WEEKS);
        if weeks.is_none() {
            errors.push(field_error(
                Field::Weeks,
                "Please give the number of weeks as a whole number from 1 to 52.",
            ));
        }
        let (Some(per_week), Some(weeks)) = (per_week, weeks) else {
            return Err(errors);
        };
        let weekly: Vec<u8> = (0..PLANNED_WEEKS as u32)
            .map(|w| if w < weeks { per_week as u8 } else { 0 })
            .collect();
        let later = (weeks > PLANNED_WEEKS as u32).then_some((per_week * 4, per_week * 4));
        (weekly, later)
    } else {
        let later = match schedule.later_per_4_weeks.as_slice() {
            [low, high] => Some((u32::from(*low), u32::from(*high))),
            _ => None,
        };
        (schedule.weekly_sessions.clone(), later)
    };
    match start {
        Some(start) if errors.is_empty() => Ok(Plan {
            schedule: schedule.clone(),
            sessions: session_dates(start, &weekly),
            later_per_4_weeks: later,
        }),
        _ => Err(errors),
    }
}

/// One calendar event per session: what it is, and the time to plan for, the ride home
/// and the driving rule from the content.
pub fn calendar_events(plan: &Plan, ride: &str) -> Vec<CalendarEvent> {
    let schedule = &plan.schedule;
    let description = format!(
        "{}\n{}\n{}",
        schedule.plan_time.text, ride, schedule.driving.text
    );
    plan.sessions
        .iter()
        .map(|session| CalendarEvent {
            date: session.date,
            summary: format!("{} (week {})", schedule.event_title, session.week),
            description: description.clone(),
        })
        .collect()
}

/// The notice beside a rule whose end date has passed, or `None` while it holds (or
/// when today's date is not known).
pub fn rule_changed_notice(valid_until: &str, today: Option<&str>) -> Option<String> {
    let end = Date::parse_iso(valid_until)?;
    let today = Date::parse_iso(today?)?;
    (today > end).then(|| {
        format!(
            "This rule was due to change on {}. Check the current rule.",
            crate::content::text::human_date(&end.iso()).unwrap_or_default()
        )
    })
}

/// "2 hours 30 minutes", "30 hours", "45 minutes".
pub fn duration_text(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let unit = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    match (hours, rest) {
        (0, m) => unit(m, "minute", "minutes"),
        (h, 0) => unit(h, "hour", "hours"),
        (h, m) => format!(
            "{} {}",
            unit(h, "hour", "hours"),
            unit(m, "minute", "minutes")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Paragraph;

    fn paragraph(text: &str) -> Paragraph {
        Paragraph {
            text: text.into(),
            cite: vec!["x".into()],
        }
    }

    fn schedule(id: &str, weekly: &[u8], later: &[u8], minutes: u16) -> PlanSchedule {
        PlanSchedule {
            id: id.into(),
            label: id.into(),
            event_title: format!("{id} session"),
            about: paragraph("about"),
            weekly_sessions: weekly.to_vec(),
            later_per_4_weeks: later.to_vec(),
            later: paragraph("later"),
            visit_minutes: minutes,
            plan_time: paragraph("plan"),
            driving: paragraph("driving"),
        }
    }

    fn planner() -> Planner {
        Planner {
            schedules: vec![
                schedule("nasal", &[2, 2, 2, 2, 1, 1, 1, 1], &[2, 4], 150),
                schedule("iv", &[2, 2, 2, 0, 0, 0, 0, 0], &[], 120),
                schedule("custom", &[], &[], 120),
            ],
            ride: paragraph("ride"),
            cost_heading: "cost".into(),
            cost_intro: paragraph("intro"),
        }
    }

    fn inputs(start: &str, schedule: &str) -> PlannerInputs {
        PlannerInputs {
            start: start.into(),
            schedule: schedule.into(),
            ..Default::default()
        }
    }

    fn dates(plan: &Plan) -> Vec<String> {
        plan.sessions.iter().map(|s| s.date.iso()).collect()
    }

    #[test]
    fn the_label_schedule_from_a_monday_gives_12_sessions() {
        let planner = planner();
        let plan = make_plan(&planner, &inputs("2026-12-07", "nasal")).unwrap();
        assert_eq!(plan.visits(), 12);
        assert_eq!(plan.rides(), 12);
        assert_eq!(plan.clinic_minutes(), 12 * 150);
        let weeks: Vec<u32> = plan.sessions.iter().map(|s| s.week).collect();
        assert_eq!(weeks, [1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8]);
        let weekdays: Vec<&str> = plan.sessions.iter().map(|s| s.date.weekday()).collect();
        assert_eq!(&weekdays[..2], ["Monday", "Thursday"]);
        assert!(weekdays[8..].iter().all(|d| *d == "Monday"));
        // Across the end of the year: Monday 28 December, then into January.
        assert_eq!(
            dates(&plan),
            [
                "2026-12-07",
                "2026-12-10",
                "2026-12-14",
                "2026-12-17",
                "2026-12-21",
                "2026-12-24",
                "2026-12-28",
                "2026-12-31",
                "2027-01-04",
                "2027-01-11",
                "2027-01-18",
                "2027-01-25"
            ]
        );
        assert_eq!(plan.later_per_4_weeks, Some((2, 4)));
    }

    #[test]
    fn the_study_course_is_six_sessions_in_three_weeks() {
        let planner = planner();
        let plan = make_plan(&planner, &inputs("2027-02-24", "iv")).unwrap();
        // Wednesday 24 February 2027: across the end of February.
        assert_eq!(
            dates(&plan),
            [
                "2027-02-24",
                "2027-02-27",
                "2027-03-03",
                "2027-03-06",
                "2027-03-10",
                "2027-03-13"
            ]
        );
        assert_eq!(plan.later_per_4_weeks, None);
    }

    #[test]
    fn the_readers_own_schedule() {
        let planner = planner();
        let mut given = inputs("2028-02-28", "custom");
        given.per_week = "3".into();
        given.weeks = "2".into();
        let plan = make_plan(&planner, &given).unwrap();
        assert_eq!(
            dates(&plan),
            [
                "2028-02-28",
                "2028-03-01",
                "2028-03-03",
                "2028-03-06",
                "2028-03-08",
                "2028-03-10"
            ],
            "2028 is a leap year"
        );
        assert_eq!(plan.later_per_4_weeks, None);
        given.per_week = " 1 ".into();
        given.weeks = "20".into();
        let plan = make_plan(&planner, &given).unwrap();
        assert_eq!(plan.visits(), 8, "only the first 8 weeks are listed");
        assert_eq!(plan.later_per_4_weeks, Some((4, 4)));
        given.per_week = "7".into();
        let plan = make_plan(&planner, &given).unwrap();
        assert_eq!(plan.visits(), 56);
        assert_eq!(plan.sessions[6].date.iso(), "2028-03-05");
    }

    #[test]
    fn weeks_keep_their_weekday_through_daylight_saving_changes() {
        let planner = planner();
        // US clocks change on 8 March and 1 November 2026; EU clocks on 29 March and
        // 25 October 2026. Dates are whole days, so a week is always 7 days.
        for start in ["2026-03-02", "2026-03-23", "2026-10-19", "2026-10-26"] {
            let plan = make_plan(&planner, &inputs(start, "nasal")).unwrap();
            let first = plan.sessions[0].date;
            for session in &plan.sessions {
                let offset = first.days_until(session.date);
                assert_eq!(offset.div_euclid(7) + 1, i64::from(session.week), "{start}");
            }
            for pair in plan.sessions.windows(2).skip(8) {
                assert_eq!(pair[0].date.days_until(pair[1].date), 7, "{start}");
                assert_eq!(pair[1].date.weekday(), "Monday");
            }
        }
    }

    #[test]
    fn bad_input_is_named_field_by_field() {
        let planner = planner();
        let fields = |given: &PlannerInputs| -> Vec<Field> {
            make_plan(&planner, given)
                .unwrap_err()
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(&inputs("", "nasal")), [Field::Start]);
        assert_eq!(fields(&inputs("2026-02-30", "nasal")), [Field::Start]);
        assert_eq!(fields(&inputs("tomorrow", "iv")), [Field::Start]);
        let mut given = inputs("2026-12-07", "custom");
        for (per_week, weeks, wrong) in [
            ("0", "4", vec![Field::PerWeek]),
            ("50", "4", vec![Field::PerWeek]),
            ("2.5", "4", vec![Field::PerWeek]),
            ("-1", "4", vec![Field::PerWeek]),
            ("", "4", vec![Field::PerWeek]),
            ("2", "0", vec![Field::Weeks]),
            ("2", "53", vec![Field::Weeks]),
            ("2", "four", vec![Field::Weeks]),
            ("50", "99999999", vec![Field::PerWeek, Field::Weeks]),
        ] {
            given.per_week = per_week.into();
            given.weeks = weeks.into();
            assert_eq!(fields(&given), wrong, "{per_week:?} {weeks:?}");
        }
        given.start = String::new();
        given.per_week = "2".into();
        given.weeks = "4".into();
        assert_eq!(fields(&given), [Field::Start]);
        // The fixed schedules ignore the custom fields.
        given.schedule = "nasal".into();
        given.start = "2026-12-07".into();
        given.per_week = "50".into();
        assert!(make_plan(&planner, &given).is_ok());
    }

    #[test]
    fn an_unknown_schedule_falls_back_to_the_first() {
        let planner = planner();
        let plan = make_plan(&planner, &inputs("2026-12-07", "gone")).unwrap();
        assert_eq!(plan.schedule.id, "nasal");
    }

    #[test]
    fn inputs_round_trip_through_storage_and_bad_data_gives_defaults() {
        let given = PlannerInputs {
            start: "2026-12-07".into(),
            schedule: "custom".into(),
            per_week: "50".into(),
            weeks: "3".into(),
            price: "$1,200".into(),
            extras: "".into(),
            share: "20".into(),
        };
        assert_eq!(
            PlannerInputs::from_storage(Some(&given.to_storage())),
            given
        );
        for bad in [
            None,
            Some(""),
            Some("not json"),
            Some("[]"),
            Some(r#"{"version":2,"start":"2026-12-07"}"#),
        ] {
            assert_eq!(PlannerInputs::from_storage(bad), PlannerInputs::default());
        }
        let odd = PlannerInputs::from_storage(Some(r#"{"version":1,"start":7,"weeks":"4"}"#));
        assert_eq!(odd.start, "");
        assert_eq!(odd.weeks, "4");
        let handout = HandoutFields {
            clinic_phone: "555 0100".into(),
            next_session: "Thursday, 10 am".into(),
        };
        assert_eq!(
            HandoutFields::from_storage(Some(&handout.to_storage())),
            handout
        );
        assert!(HandoutFields::from_storage(Some("{")).is_empty());
    }

    #[test]
    fn calendar_events_carry_the_rules() {
        let planner = planner();
        let plan = make_plan(&planner, &inputs("2026-12-07", "nasal")).unwrap();
        let events = calendar_events(&plan, "Bring someone.");
        assert_eq!(events.len(), 12);
        assert_eq!(events[11].summary, "nasal session (week 8)");
        assert_eq!(events[0].description, "plan\nBring someone.\ndriving");
    }

    #[test]
    fn a_rule_notice_shows_only_after_its_end_date() {
        assert_eq!(rule_changed_notice("2026-12-31", Some("2026-12-31")), None);
        assert_eq!(rule_changed_notice("2026-12-31", None), None);
        assert_eq!(rule_changed_notice("2026-12-31", Some("junk")), None);
        assert_eq!(
            rule_changed_notice("2026-12-31", Some("2027-01-01")).as_deref(),
            Some("This rule was due to change on 31 December 2026. Check the current rule.")
        );
    }

    #[test]
    fn durations_read_plainly() {
        assert_eq!(duration_text(150), "2 hours 30 minutes");
        assert_eq!(duration_text(1800), "30 hours");
        assert_eq!(duration_text(60), "1 hour");
        assert_eq!(duration_text(45), "45 minutes");
        assert_eq!(duration_text(61), "1 hour 1 minute");
    }
}
