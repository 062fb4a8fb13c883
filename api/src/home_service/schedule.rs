//! Planning home visits ahead, as a plain function of the client's schedule and the calendar.
//!
//! A weekly client gets one visit a week, an every-two-weeks client one every other week and a
//! monthly client one a calendar month, each on the first of their best days in that week or month
//! (Monday to Friday when they named none) that is after today, not a closing day of the library and
//! not within a pause. When a week (or month) has no such day, the visit goes to the next week (or
//! month), and the rhythm carries on from the day it went to. Visits that stay as they are — past
//! ones, cancelled ones and those staff added or changed — hold their period, so nothing is planned
//! beside them.

use std::collections::HashSet;

use chrono::{Datelike, Days, Months, NaiveDate};
use etakirjasto_shared::{DeliveryFrequency, Weekday};

use crate::events::recurrence::chrono_weekday;

/// How far ahead visits are planned, in days.
pub const PLAN_AHEAD_DAYS: u64 = 56;

/// A client's schedule and the days that cannot have a visit.
#[derive(Debug, Clone)]
pub struct Schedule<'a> {
    /// How often.
    pub frequency: DeliveryFrequency,
    /// The best days; Monday to Friday when empty.
    pub days: &'a [Weekday],
    /// The library's closing days.
    pub closed: &'a HashSet<NaiveDate>,
    /// A pause, first and last day.
    pub pause: Option<(NaiveDate, NaiveDate)>,
    /// The last day of the service (a temporary need's end), if any.
    pub last_day: Option<NaiveDate>,
}

impl Schedule<'_> {
    fn allowed(&self, day: NaiveDate) -> bool {
        let weekday = day.weekday();
        let wanted = if self.days.is_empty() {
            weekday.num_days_from_monday() < 5
        } else {
            self.days.iter().any(|d| chrono_weekday(*d) == weekday)
        };
        wanted
            && !self.closed.contains(&day)
            && !self
                .pause
                .is_some_and(|(from, to)| from <= day && day <= to)
            && self.last_day.is_none_or(|last| day <= last)
    }

    /// The first day of the period `day` falls in: its week's Monday, or its month's first day.
    fn period_of(&self, day: NaiveDate) -> NaiveDate {
        match self.frequency {
            DeliveryFrequency::Monthly => day.with_day(1).unwrap_or(day),
            _ => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
        }
    }

    /// The last day of the period starting at `start`.
    fn period_end(&self, start: NaiveDate) -> NaiveDate {
        match self.frequency {
            DeliveryFrequency::Monthly => start + Months::new(1) - Days::new(1),
            _ => start + Days::new(6),
        }
    }

    /// The period after `start` (used when a period has no possible day).
    fn following(&self, start: NaiveDate) -> NaiveDate {
        match self.frequency {
            DeliveryFrequency::Monthly => start + Months::new(1),
            _ => start + Days::new(7),
        }
    }

    /// The period in which the visit after one on `day` is due.
    fn due_after(&self, day: NaiveDate) -> NaiveDate {
        let start = self.period_of(day);
        match self.frequency {
            DeliveryFrequency::Weekly => start + Days::new(7),
            DeliveryFrequency::EveryTwoWeeks => start + Days::new(14),
            DeliveryFrequency::Monthly => start + Months::new(1),
        }
    }
}

/// The days to plan visits on after `today` up to `until`, given the days of the visits that stay
/// (`fixed`, in any order).
pub fn plan(
    schedule: &Schedule<'_>,
    fixed: &[NaiveDate],
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<NaiveDate> {
    let mut fixed: Vec<NaiveDate> = fixed.to_vec();
    fixed.sort();
    let mut out = Vec::new();
    // The last visit so far (a past or today's one), and the period the next one is due in.
    let mut previous = fixed.iter().rev().find(|d| **d <= today).copied();
    let mut start = match previous {
        Some(day) => schedule.due_after(day),
        None => schedule.period_of(today),
    };
    while start <= until {
        let end = schedule.period_end(start);
        // A visit that stays, after the previous one and by the end of this period, is the next one.
        let after = previous.unwrap_or(today);
        if let Some(kept) = fixed.iter().find(|d| **d > after && **d <= end) {
            previous = Some(*kept);
            start = schedule.due_after(*kept);
            continue;
        }
        let found = start
            .iter_days()
            .take_while(|d| *d <= end && *d <= until)
            .find(|d| *d > today && schedule.allowed(*d));
        match found {
            Some(day) => {
                out.push(day);
                previous = Some(day);
                start = schedule.due_after(day);
            }
            None => start = schedule.following(start),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn schedule<'a>(
        frequency: DeliveryFrequency,
        days: &'a [Weekday],
        closed: &'a HashSet<NaiveDate>,
    ) -> Schedule<'a> {
        Schedule {
            frequency,
            days,
            closed,
            pause: None,
            last_day: None,
        }
    }

    #[test]
    fn weekly_on_the_best_day_from_tomorrow() {
        let closed = HashSet::new();
        let s = schedule(DeliveryFrequency::Weekly, &[Weekday::Tuesday], &closed);
        // 2026-11-30 is a Monday.
        assert_eq!(
            plan(&s, &[], d("2026-11-30"), d("2026-12-20")),
            vec![d("2026-12-01"), d("2026-12-08"), d("2026-12-15")]
        );
        // On a Tuesday, today's visit is not planned: next week's is.
        assert_eq!(
            plan(&s, &[], d("2026-12-01"), d("2026-12-10")),
            vec![d("2026-12-08")]
        );
    }

    #[test]
    fn a_closing_day_moves_the_visit_to_the_next_best_day() {
        let closed: HashSet<NaiveDate> = [d("2026-12-08")].into();
        let days = [Weekday::Tuesday, Weekday::Thursday];
        let s = schedule(DeliveryFrequency::Weekly, &days, &closed);
        assert_eq!(
            plan(&s, &[], d("2026-11-30"), d("2026-12-13")),
            vec![d("2026-12-01"), d("2026-12-10")]
        );
        // With Tuesday only, the closed week is skipped and the rhythm goes on.
        let s = schedule(DeliveryFrequency::Weekly, &[Weekday::Tuesday], &closed);
        assert_eq!(
            plan(&s, &[], d("2026-11-30"), d("2026-12-20")),
            vec![d("2026-12-01"), d("2026-12-15")]
        );
    }

    #[test]
    fn every_two_weeks_follows_the_last_visit() {
        let closed = HashSet::new();
        let s = schedule(
            DeliveryFrequency::EveryTwoWeeks,
            &[Weekday::Wednesday],
            &closed,
        );
        // Last delivered on Wednesday 25 November: the next is 9 December, then 23 December.
        assert_eq!(
            plan(&s, &[d("2026-11-25")], d("2026-11-30"), d("2026-12-31")),
            vec![d("2026-12-09"), d("2026-12-23")]
        );
    }

    #[test]
    fn monthly_on_the_first_best_day_of_each_month() {
        let closed: HashSet<NaiveDate> = [d("2027-01-05")].into();
        let s = schedule(DeliveryFrequency::Monthly, &[Weekday::Tuesday], &closed);
        assert_eq!(
            plan(&s, &[d("2026-11-03")], d("2026-11-30"), d("2027-02-28")),
            vec![d("2026-12-01"), d("2027-01-12"), d("2027-02-02")]
        );
    }

    #[test]
    fn a_pause_is_skipped_and_visits_resume_after_it() {
        let closed = HashSet::new();
        let mut s = schedule(DeliveryFrequency::Weekly, &[Weekday::Monday], &closed);
        s.pause = Some((d("2026-12-05"), d("2026-12-20")));
        assert_eq!(
            plan(&s, &[], d("2026-11-30"), d("2026-12-31")),
            vec![d("2026-12-21"), d("2026-12-28")]
        );
    }

    #[test]
    fn visits_that_stay_hold_their_period() {
        let closed = HashSet::new();
        let s = schedule(DeliveryFrequency::Weekly, &[Weekday::Tuesday], &closed);
        // Staff moved next week's visit to Friday: nothing else is planned that week.
        assert_eq!(
            plan(&s, &[d("2026-12-11")], d("2026-11-30"), d("2026-12-20")),
            vec![d("2026-12-01"), d("2026-12-15")]
        );
        // A fortnightly client with an extra visit in between goes on two weeks from it.
        let s = schedule(
            DeliveryFrequency::EveryTwoWeeks,
            &[Weekday::Tuesday],
            &closed,
        );
        assert_eq!(
            plan(&s, &[d("2026-12-10")], d("2026-11-30"), d("2026-12-31")),
            vec![d("2026-12-01"), d("2026-12-22")]
        );
    }

    #[test]
    fn no_best_day_means_a_weekday_and_a_temporary_need_ends() {
        let closed = HashSet::new();
        let mut s = schedule(DeliveryFrequency::Weekly, &[], &closed);
        s.last_day = Some(d("2026-12-10"));
        // Saturday 5 December: the next weekday is Monday 7 December; nothing after the last day.
        assert_eq!(
            plan(&s, &[], d("2026-12-05"), d("2026-12-31")),
            vec![d("2026-12-07")]
        );
    }
}
