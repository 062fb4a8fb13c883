//! Checking what staff send: session types and availability.
//!
//! *Invariant:* no I/O.

use chrono::NaiveDate;
use etakirjasto_shared::{
    Availability, ExceptionKind, FieldCode, Localized, ServiceInput, SessionMode,
};

use super::rules::{DayInterval, parse_clock};
use crate::auth::rules::FieldFaults;

/// Longest name, in characters.
pub const NAME_MAX: usize = 120;
/// Longest description or rule text, in characters.
pub const TEXT_MAX: usize = 4000;
/// Most questions a service may ask.
pub const QUESTIONS_MAX: usize = 5;

/// Checks a text in three languages: Finnish required, each at most `max` characters of plain text.
pub(crate) fn localized(field: &str, value: &Localized, max: usize, faults: &mut FieldFaults) {
    if value.fi.trim().is_empty() {
        faults.push((format!("{field}.fi"), FieldCode::Required));
    }
    for (lang, text) in [("fi", &value.fi), ("sv", &value.sv), ("en", &value.en)] {
        if text.chars().count() > max {
            faults.push((format!("{field}.{lang}"), FieldCode::TooLong));
        } else if let Err(code) = etakirjasto_shared::validate::free_text(text) {
            faults.push((format!("{field}.{lang}"), code));
        }
    }
}

fn range(field: &str, value: u32, min: u32, max: u32, faults: &mut FieldFaults) {
    if value < min || value > max {
        faults.push((field.to_owned(), FieldCode::InvalidChoice));
    }
}

/// Checks a session type; the modes come back sorted and without repeats.
pub fn check_service(input: &ServiceInput) -> Result<Vec<SessionMode>, FieldFaults> {
    let mut faults = FieldFaults::new();
    localized("name", &input.name, NAME_MAX, &mut faults);
    localized("description", &input.description, TEXT_MAX, &mut faults);
    range(
        "duration_minutes",
        input.duration_minutes,
        5,
        240,
        &mut faults,
    );
    range(
        "buffer_before_minutes",
        input.buffer_before_minutes,
        0,
        120,
        &mut faults,
    );
    range(
        "buffer_after_minutes",
        input.buffer_after_minutes,
        0,
        120,
        &mut faults,
    );
    range(
        "min_notice_minutes",
        input.min_notice_minutes,
        0,
        43_200,
        &mut faults,
    );
    range(
        "booking_window_days",
        input.booking_window_days,
        1,
        365,
        &mut faults,
    );
    range(
        "cancellation_cutoff_minutes",
        input.cancellation_cutoff_minutes,
        0,
        10_080,
        &mut faults,
    );
    let mut modes = input.modes.clone();
    modes.sort();
    modes.dedup();
    if modes.is_empty() {
        faults.push(("modes".into(), FieldCode::Required));
    }
    if input.questions.len() > QUESTIONS_MAX {
        faults.push(("questions".into(), FieldCode::TooLong));
    }
    for (i, q) in input.questions.iter().enumerate() {
        localized(&format!("questions[{i}]"), q, NAME_MAX * 2, &mut faults);
    }
    if let Some(rules) = &input.ground_rules {
        localized("ground_rules", rules, TEXT_MAX, &mut faults);
    }
    if faults.is_empty() {
        Ok(modes)
    } else {
        Err(faults)
    }
}

/// Checked availability: weekly intervals and dated exceptions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedAvailability {
    /// (ISO weekday, interval).
    pub weekly: Vec<(u32, DayInterval)>,
    /// (date, extra hours?, interval).
    pub exceptions: Vec<(NaiveDate, bool, DayInterval)>,
}

/// Most intervals and exceptions one staff member may have.
pub const AVAILABILITY_MAX: usize = 200;

/// Checks availability: times `HH:MM`, end after start, weekdays 1–7, real dates; a whole-day
/// exception is allowed only for time off.
pub fn check_availability(input: &Availability) -> Result<CheckedAvailability, FieldFaults> {
    let mut faults = FieldFaults::new();
    let mut out = CheckedAvailability::default();
    if input.weekly.len() > AVAILABILITY_MAX {
        faults.push(("weekly".into(), FieldCode::TooLong));
    }
    if input.exceptions.len() > AVAILABILITY_MAX {
        faults.push(("exceptions".into(), FieldCode::TooLong));
    }
    for (i, w) in input.weekly.iter().enumerate() {
        if !(1..=7).contains(&w.weekday) {
            faults.push((format!("weekly[{i}].weekday"), FieldCode::InvalidChoice));
        }
        match interval(&w.start, &w.end) {
            Ok(iv) => out.weekly.push((u32::from(w.weekday), iv)),
            Err(field) => faults.push((format!("weekly[{i}].{field}"), FieldCode::InvalidFormat)),
        }
    }
    for (i, e) in input.exceptions.iter().enumerate() {
        let Ok(date) = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d") else {
            faults.push((format!("exceptions[{i}].date"), FieldCode::InvalidFormat));
            continue;
        };
        let iv = match (&e.start, &e.end, e.kind) {
            (None, None, ExceptionKind::Unavailable) => Ok(DayInterval {
                start: 0,
                end: 1440,
            }),
            (None, None, ExceptionKind::Available) => Err("start"),
            (Some(s), Some(t), _) => interval(s, t),
            (None, Some(_), _) => Err("start"),
            (Some(_), None, _) => Err("end"),
        };
        match iv {
            Ok(iv) => out
                .exceptions
                .push((date, e.kind == ExceptionKind::Available, iv)),
            Err(field) => {
                faults.push((format!("exceptions[{i}].{field}"), FieldCode::InvalidFormat))
            }
        }
    }
    if faults.is_empty() {
        Ok(out)
    } else {
        Err(faults)
    }
}

fn interval(start: &str, end: &str) -> Result<DayInterval, &'static str> {
    let s = parse_clock(start, false).ok_or("start")?;
    let e = parse_clock(end, true).ok_or("end")?;
    if e <= s {
        return Err("end");
    }
    Ok(DayInterval { start: s, end: e })
}

#[cfg(test)]
mod tests {
    use super::*;
    use etakirjasto_shared::{AvailabilityException, WeeklyInterval};

    fn service() -> ServiceInput {
        ServiceInput {
            library: "kalajoki".into(),
            name: Localized {
                fi: "Lukuneuvonta".into(),
                ..Default::default()
            },
            description: Localized {
                fi: "Kirjavinkkejä".into(),
                ..Default::default()
            },
            duration_minutes: 45,
            modes: vec![SessionMode::Phone, SessionMode::Video, SessionMode::Phone],
            buffer_before_minutes: 0,
            buffer_after_minutes: 15,
            min_notice_minutes: 1440,
            booking_window_days: 60,
            cancellation_cutoff_minutes: 120,
            questions: vec![],
            ground_rules: None,
            active: true,
        }
    }

    #[test]
    fn a_good_service_passes_with_modes_sorted() {
        assert_eq!(
            check_service(&service()).unwrap(),
            [SessionMode::Video, SessionMode::Phone]
        );
    }

    #[test]
    fn bad_services_name_every_field() {
        let mut s = service();
        s.name.fi = " ".into();
        s.duration_minutes = 1;
        s.modes.clear();
        s.questions = vec![
            Localized {
                fi: "?".into(),
                ..Default::default()
            };
            6
        ];
        let faults = check_service(&s).unwrap_err();
        for field in ["name.fi", "duration_minutes", "modes", "questions"] {
            assert!(
                faults.iter().any(|(f, _)| f == field),
                "{field}: {faults:?}"
            );
        }
    }

    #[test]
    fn availability_checks_times_and_dates() {
        let good = Availability {
            library: "kalajoki".into(),
            weekly: vec![WeeklyInterval {
                weekday: 1,
                start: "09:00".into(),
                end: "24:00".into(),
            }],
            exceptions: vec![AvailabilityException {
                date: "2026-12-24".into(),
                kind: ExceptionKind::Unavailable,
                start: None,
                end: None,
            }],
        };
        let ok = check_availability(&good).unwrap();
        assert_eq!(
            ok.weekly,
            [(
                1,
                DayInterval {
                    start: 540,
                    end: 1440
                }
            )]
        );
        assert_eq!(
            ok.exceptions[0].2,
            DayInterval {
                start: 0,
                end: 1440
            }
        );
        let bad = Availability {
            library: "kalajoki".into(),
            weekly: vec![
                WeeklyInterval {
                    weekday: 8,
                    start: "09:00".into(),
                    end: "10:00".into(),
                },
                WeeklyInterval {
                    weekday: 1,
                    start: "12:00".into(),
                    end: "11:00".into(),
                },
            ],
            exceptions: vec![
                AvailabilityException {
                    date: "2026-02-30".into(),
                    kind: ExceptionKind::Unavailable,
                    start: None,
                    end: None,
                },
                AvailabilityException {
                    date: "2026-12-01".into(),
                    kind: ExceptionKind::Available,
                    start: None,
                    end: None,
                },
            ],
        };
        let faults: Vec<String> = check_availability(&bad)
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            faults,
            [
                "weekly[0].weekday",
                "weekly[1].end",
                "exceptions[0].date",
                "exceptions[1].start"
            ]
        );
    }
}
