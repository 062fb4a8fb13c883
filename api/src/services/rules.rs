//! Which times can be booked: pure rules over a service, its staff's calendars and the clock.
//!
//! Availability is wall-clock time in the library's zone (`Europe/Helsinki`): "Mondays 9–12" means 9–12
//! on every Monday, summer or winter. A start that does not exist on the day the clocks go forward is
//! skipped; one that exists twice when they go back is taken at its first occurrence, so no slot is
//! doubled. Sessions last their real duration. A slot is offered for a staff member only if the
//! session lies inside their availability and the session with its buffers overlaps none of their
//! bookings; it is offered at all only after the minimum notice and inside the booking window, and
//! never on a library closing day.
//!
//! *Invariant:* no I/O; `now` is a parameter.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

/// The timing rules of a service.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Session length in minutes.
    pub duration: i64,
    /// Free minutes needed before.
    pub buffer_before: i64,
    /// Free minutes needed after.
    pub buffer_after: i64,
    /// Minimum notice in minutes.
    pub min_notice: i64,
    /// Booking window in days.
    pub window_days: i64,
}

impl Timing {
    /// Minutes between offered starts: the duration rounded up to a quarter hour.
    pub fn step(&self) -> i64 {
        ((self.duration + 14) / 15 * 15).max(15)
    }

    /// The interval a session starting at `start` keeps its staff member busy, buffers included.
    pub fn blocked(&self, start: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            start - Duration::minutes(self.buffer_before),
            start + Duration::minutes(self.duration + self.buffer_after),
        )
    }
}

/// A wall-clock interval on one day, in minutes from midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayInterval {
    /// Start minute (0–1439).
    pub start: u32,
    /// End minute (1–1440), after the start.
    pub end: u32,
}

/// One staff member's calendar.
#[derive(Debug, Clone, Default)]
pub struct StaffCalendar {
    /// The staff member's account id.
    pub staff_id: String,
    /// Weekly availability: (ISO weekday 1–7, interval).
    pub weekly: Vec<(u32, DayInterval)>,
    /// Dated exceptions: (date, true for extra hours / false for time off, interval).
    pub exceptions: Vec<(NaiveDate, bool, DayInterval)>,
    /// Intervals already taken by bookings (buffers included).
    pub busy: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

impl StaffCalendar {
    /// The intervals the staff member is available on `date`, sorted and merged: the weekday's hours
    /// and any extra hours that day, less any time off that day.
    pub fn open_on(&self, date: NaiveDate) -> Vec<DayInterval> {
        let weekday = date.weekday().number_from_monday();
        let mut open: Vec<DayInterval> = self
            .weekly
            .iter()
            .filter(|(d, _)| *d == weekday)
            .map(|(_, i)| *i)
            .chain(
                self.exceptions
                    .iter()
                    .filter(|(d, available, _)| *d == date && *available)
                    .map(|(_, _, i)| *i),
            )
            .map(|i| DayInterval {
                start: i.start.min(1440),
                end: i.end.min(1440),
            })
            .filter(|i| i.start < i.end)
            .collect();
        open.sort_by_key(|i| i.start);
        let mut merged: Vec<DayInterval> = Vec::with_capacity(open.len());
        for i in open {
            match merged.last_mut() {
                Some(last) if i.start <= last.end => last.end = last.end.max(i.end),
                _ => merged.push(i),
            }
        }
        for (_, _, off) in self
            .exceptions
            .iter()
            .filter(|(d, available, _)| *d == date && !*available)
        {
            merged = merged
                .into_iter()
                .flat_map(|i| {
                    let before = DayInterval {
                        start: i.start,
                        end: i.end.min(off.start),
                    };
                    let after = DayInterval {
                        start: i.start.max(off.end),
                        end: i.end,
                    };
                    [before, after].into_iter().filter(|p| p.start < p.end)
                })
                .collect();
        }
        merged
    }

    fn is_free(&self, from: DateTime<Utc>, until: DateTime<Utc>) -> bool {
        !self
            .busy
            .iter()
            .any(|(b_from, b_until)| *b_from < until && from < *b_until)
    }
}

/// A bookable start with the staff members who could take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Start (UTC).
    pub start: DateTime<Utc>,
    /// End (UTC).
    pub end: DateTime<Utc>,
    /// Staff members free for it, in the order the calendars were given.
    pub staff_ids: Vec<String>,
}

/// The local time `minute` minutes after midnight on `date`, in UTC; `None` when the clocks skip it.
fn local_to_utc(tz: Tz, date: NaiveDate, minute: u32) -> Option<DateTime<Utc>> {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(minute * 60, 0)?;
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The UTC instants of a day's local minutes: one fixed offset when the day has no clock change
/// (nearly every day), the time zone's rules minute by minute on the two days that do.
struct DayClock {
    tz: Tz,
    date: NaiveDate,
    fixed: Option<chrono::FixedOffset>,
}

impl DayClock {
    fn new(tz: Tz, date: NaiveDate) -> DayClock {
        let offset_at = |minute: u32| {
            let time = NaiveTime::from_num_seconds_from_midnight_opt(minute * 60, 0)?;
            tz.offset_from_local_datetime(&date.and_time(time))
                .single()
                .map(|o| o.fix())
        };
        let (first, last) = (offset_at(0), offset_at(1439));
        DayClock {
            tz,
            date,
            fixed: first.filter(|_| first == last),
        }
    }

    fn utc(&self, minute: u32) -> Option<DateTime<Utc>> {
        match self.fixed {
            Some(offset) => {
                let time = NaiveTime::from_num_seconds_from_midnight_opt(minute * 60, 0)?;
                Some((self.date.and_time(time) - offset).and_utc())
            }
            None => local_to_utc(self.tz, self.date, minute),
        }
    }
}

/// Calls `visit(start, staff index)` for every bookable start in `[from, to)` and every staff member
/// free for it, day by day.
fn scan(
    timing: Timing,
    staff: &[StaffCalendar],
    closures: &HashSet<NaiveDate>,
    tz: Tz,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
    mut visit: impl FnMut(DateTime<Utc>, usize),
) {
    let earliest = (now + Duration::minutes(timing.min_notice)).max(from);
    let latest = (now + Duration::days(timing.window_days)).min(to);
    if earliest >= latest {
        return;
    }
    let first_day = earliest.with_timezone(&tz).date_naive();
    let last_day = latest.with_timezone(&tz).date_naive();
    let mut day = first_day;
    while day <= last_day {
        if !closures.contains(&day) {
            let clock = DayClock::new(tz, day);
            for (index, cal) in staff.iter().enumerate() {
                for open in cal.open_on(day) {
                    let mut m = open.start;
                    while m + timing.duration as u32 <= open.end {
                        if let Some(start) = clock.utc(m) {
                            let (b_from, b_until) = timing.blocked(start);
                            if start >= earliest && start < latest && cal.is_free(b_from, b_until) {
                                visit(start, index);
                            }
                        }
                        m += timing.step() as u32;
                    }
                }
            }
        }
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
}

/// Every bookable start in `[from, to)` with the staff members free for it.
pub fn candidates(
    timing: Timing,
    staff: &[StaffCalendar],
    closures: &HashSet<NaiveDate>,
    tz: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Candidate> {
    let mut by_start: BTreeMap<DateTime<Utc>, Vec<String>> = BTreeMap::new();
    scan(timing, staff, closures, tz, (from, to), now, |start, i| {
        by_start
            .entry(start)
            .or_default()
            .push(staff[i].staff_id.clone())
    });
    by_start
        .into_iter()
        .map(|(start, staff_ids)| Candidate {
            start,
            end: start + Duration::minutes(timing.duration),
            staff_ids,
        })
        .collect()
}

/// Every bookable start in `[from, to)` with how many staff members are free for it: what the slot
/// list shows, without naming anyone.
pub fn free_counts(
    timing: Timing,
    staff: &[StaffCalendar],
    closures: &HashSet<NaiveDate>,
    tz: Tz,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, DateTime<Utc>, u32)> {
    let mut by_start: BTreeMap<DateTime<Utc>, u32> = BTreeMap::new();
    scan(timing, staff, closures, tz, (from, to), now, |start, _| {
        *by_start.entry(start).or_default() += 1
    });
    by_start
        .into_iter()
        .map(|(start, n)| (start, start + Duration::minutes(timing.duration), n))
        .collect()
}

/// Parses `HH:MM` (or `24:00` as an end) into minutes from midnight.
pub fn parse_clock(s: &str, allow_midnight_end: bool) -> Option<u32> {
    let (h, m) = s.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) if allow_midnight_end => Some(1440),
        (0..=23, 0..=59) => Some(h * 60 + m),
        _ => None,
    }
}

/// Formats minutes from midnight as `HH:MM`.
pub fn format_clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HKI: Tz = chrono_tz::Europe::Helsinki;

    fn timing(duration: i64) -> Timing {
        Timing {
            duration,
            buffer_before: 0,
            buffer_after: 0,
            min_notice: 0,
            window_days: 365,
        }
    }

    fn staff(id: &str, weekly: &[(u32, u32, u32)]) -> StaffCalendar {
        StaffCalendar {
            staff_id: id.into(),
            weekly: weekly
                .iter()
                .map(|(d, s, e)| (*d, DayInterval { start: *s, end: *e }))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn open_hours_merge_weekly_and_extra_hours_and_cut_out_time_off() {
        let iv = |start, end| DayInterval { start, end };
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut cal = staff(
            "a",
            &[(1, 540, 720), (1, 780, 900), (1, 720, 780), (2, 60, 120)],
        );
        // Adjacent weekly intervals join into one.
        assert_eq!(cal.open_on(monday), vec![iv(540, 900)]);
        cal.exceptions = vec![
            (monday, true, iv(1000, 1100)),
            (monday, true, iv(880, 960)),
            (monday, false, iv(600, 660)),
            (monday, false, iv(1050, 1440)),
            (monday.succ_opt().unwrap(), false, iv(0, 1440)),
        ];
        assert_eq!(
            cal.open_on(monday),
            vec![iv(540, 600), iv(660, 960), iv(1000, 1050)]
        );
        assert_eq!(
            cal.open_on(monday.succ_opt().unwrap()),
            vec![],
            "a whole day off"
        );
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn local_starts(c: &[Candidate]) -> Vec<String> {
        c.iter()
            .map(|c| {
                c.start
                    .with_timezone(&HKI)
                    .format("%Y-%m-%d %H:%M %:z")
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn slots_step_by_duration_inside_availability() {
        let s = [staff("a", &[(1, 9 * 60, 12 * 60)])]; // Mondays 9–12
        let c = candidates(
            timing(45),
            &s,
            &HashSet::new(),
            HKI,
            utc("2026-11-30T00:00:00Z"),
            utc("2026-12-01T00:00:00Z"),
            utc("2026-11-01T00:00:00Z"),
        );
        assert_eq!(
            local_starts(&c),
            [
                "2026-11-30 09:00 +02:00",
                "2026-11-30 09:45 +02:00",
                "2026-11-30 10:30 +02:00",
                "2026-11-30 11:15 +02:00"
            ]
        );
    }

    #[test]
    fn wall_clock_hours_hold_across_both_daylight_saving_changes() {
        // Sundays 00:00–06:00 covers the changes at 03:00/04:00 local time.
        let s = [staff("a", &[(7, 0, 6 * 60)])];
        let now = utc("2026-01-01T00:00:00Z");
        let spring = candidates(
            timing(60),
            &s,
            &HashSet::new(),
            HKI,
            utc("2026-03-28T12:00:00Z"),
            utc("2026-03-29T12:00:00Z"),
            now,
        );
        // 03:00 does not exist on 29 March 2026: five slots, offsets change from +02 to +03.
        assert_eq!(
            local_starts(&spring),
            [
                "2026-03-29 00:00 +02:00",
                "2026-03-29 01:00 +02:00",
                "2026-03-29 02:00 +02:00",
                "2026-03-29 04:00 +03:00",
                "2026-03-29 05:00 +03:00"
            ]
        );
        let autumn = candidates(
            timing(60),
            &s,
            &HashSet::new(),
            HKI,
            utc("2026-10-24T12:00:00Z"),
            utc("2026-10-25T12:00:00Z"),
            now,
        );
        // 03:00 happens twice on 25 October 2026: it is offered once, at its first occurrence.
        assert_eq!(
            local_starts(&autumn),
            [
                "2026-10-25 00:00 +03:00",
                "2026-10-25 01:00 +03:00",
                "2026-10-25 02:00 +03:00",
                "2026-10-25 03:00 +03:00",
                "2026-10-25 04:00 +02:00",
                "2026-10-25 05:00 +02:00"
            ]
        );
        // Daytime availability is unaffected: Sunday 9–12 gives the same three local slots.
        let day = [staff("a", &[(7, 9 * 60, 12 * 60)])];
        for (from, to) in [
            ("2026-03-28T12:00:00Z", "2026-03-29T20:00:00Z"),
            ("2026-10-24T12:00:00Z", "2026-10-25T20:00:00Z"),
        ] {
            let c = candidates(
                timing(60),
                &day,
                &HashSet::new(),
                HKI,
                utc(from),
                utc(to),
                now,
            );
            let hours: Vec<String> = c
                .iter()
                .map(|c| c.start.with_timezone(&HKI).format("%H:%M").to_string())
                .collect();
            assert_eq!(hours, ["09:00", "10:00", "11:00"], "{from}");
        }
    }

    #[test]
    fn bookings_buffers_notice_window_closures_and_exceptions_remove_slots() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut a = staff("a", &[(1, 9 * 60, 12 * 60)]);
        let b = staff("b", &[(1, 9 * 60, 10 * 60)]);
        let t = Timing {
            duration: 60,
            buffer_before: 15,
            buffer_after: 15,
            min_notice: 0,
            window_days: 365,
        };
        let (from, to, now) = (
            utc("2026-11-30T00:00:00Z"),
            utc("2026-12-01T00:00:00Z"),
            utc("2026-11-01T00:00:00Z"),
        );
        // A booking 10:00–11:00 local (08:00–09:00 UTC) with buffers blocks 09:45–11:15 for a.
        a.busy.push(t.blocked(utc("2026-11-30T08:00:00Z")));
        let c = candidates(t, &[a, b.clone()], &HashSet::new(), HKI, from, to, now);
        let summary: Vec<(String, Vec<String>)> = c
            .iter()
            .map(|c| {
                (
                    c.start.with_timezone(&HKI).format("%H:%M").to_string(),
                    c.staff_ids.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [("09:00".to_owned(), vec!["b".to_owned()])],
            "09:00 only b (a's 09:00–10:00 + 15 min buffer hits 09:45); 11:00 overlaps a's buffer"
        );
        // A closing day removes everything.
        let closed: HashSet<NaiveDate> = [monday].into();
        assert!(candidates(t, std::slice::from_ref(&b), &closed, HKI, from, to, now).is_empty());
        // Minimum notice and booking window.
        let late_now = utc("2026-11-30T06:30:00Z"); // 08:30 local
        let notice = Timing {
            min_notice: 60,
            ..timing(60)
        };
        let c = candidates(
            notice,
            &[staff("a", &[(1, 9 * 60, 12 * 60)])],
            &HashSet::new(),
            HKI,
            from,
            to,
            late_now,
        );
        assert_eq!(
            c.first()
                .map(|c| c.start.with_timezone(&HKI).format("%H:%M").to_string()),
            Some("10:00".into())
        );
        let window = Timing {
            window_days: 1,
            ..timing(60)
        };
        assert!(
            candidates(
                window,
                std::slice::from_ref(&b),
                &HashSet::new(),
                HKI,
                from,
                to,
                utc("2026-11-28T00:00:00Z")
            )
            .is_empty()
        );
        // Exceptions: a sick morning removes time, extra hours add it.
        let mut sick = staff("a", &[(1, 9 * 60, 12 * 60)]);
        sick.exceptions.push((
            monday,
            false,
            DayInterval {
                start: 9 * 60,
                end: 11 * 60,
            },
        ));
        sick.exceptions.push((
            monday,
            true,
            DayInterval {
                start: 14 * 60,
                end: 15 * 60,
            },
        ));
        let hours: Vec<String> =
            candidates(timing(60), &[sick], &HashSet::new(), HKI, from, to, now)
                .iter()
                .map(|c| c.start.with_timezone(&HKI).format("%H:%M").to_string())
                .collect();
        assert_eq!(hours, ["11:00", "14:00"]);
    }

    #[test]
    fn clock_parsing() {
        assert_eq!(parse_clock("09:30", false), Some(570));
        assert_eq!(parse_clock("24:00", true), Some(1440));
        assert_eq!(parse_clock("24:00", false), None);
        assert_eq!(parse_clock("9:30", false), None);
        assert_eq!(parse_clock("12:60", false), None);
        assert_eq!(format_clock(570), "09:30");
    }
}
