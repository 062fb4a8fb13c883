//! Expanding a series' repeat rule into occurrences, as pure functions. Every occurrence keeps the
//! first one's wall-clock time in the library's zone (18:00 stays 18:00 across the change to and
//! from summer time); a time that does not exist on the day the clocks go forward moves an hour
//! later, and one that happens twice when they go back is the first of the two.

use chrono::{DateTime, Datelike, Days, Duration, Months, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use etakirjasto_shared::{FieldCode, Frequency, Repeat, Weekday};

use crate::auth::rules::FieldFaults;

/// Most occurrences one series may have.
pub const MAX_OCCURRENCES: usize = 104;
/// Furthest a series may reach past its first occurrence, in days.
pub const MAX_SPAN_DAYS: u64 = 731;

/// The same day in chrono's terms.
pub fn chrono_weekday(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Monday => chrono::Weekday::Mon,
        Weekday::Tuesday => chrono::Weekday::Tue,
        Weekday::Wednesday => chrono::Weekday::Wed,
        Weekday::Thursday => chrono::Weekday::Thu,
        Weekday::Friday => chrono::Weekday::Fri,
        Weekday::Saturday => chrono::Weekday::Sat,
        Weekday::Sunday => chrono::Weekday::Sun,
    }
}

/// Checks a repeat rule on its own; every fault is named `repeat.<field>`.
pub fn check(repeat: &Repeat) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    if !(1..=12).contains(&repeat.interval) {
        faults.push(("repeat.interval".into(), FieldCode::InvalidChoice));
    }
    match (repeat.until, repeat.count) {
        (None, None) => faults.push(("repeat.until".into(), FieldCode::Required)),
        (Some(_), Some(_)) => faults.push(("repeat.count".into(), FieldCode::InvalidChoice)),
        (None, Some(n)) if !(2..=MAX_OCCURRENCES as u32).contains(&n) => {
            faults.push(("repeat.count".into(), FieldCode::InvalidChoice))
        }
        _ => {}
    }
    let mut days = repeat.weekdays.clone();
    days.sort_by_key(|d| chrono_weekday(*d).num_days_from_monday());
    days.dedup();
    if days.len() != repeat.weekdays.len() {
        faults.push(("repeat.weekdays".into(), FieldCode::InvalidChoice));
    }
    match (repeat.frequency, repeat.week_of_month) {
        (Frequency::Weekly, Some(_)) => {
            faults.push(("repeat.week_of_month".into(), FieldCode::InvalidChoice))
        }
        (Frequency::Monthly, Some(n)) => {
            if !matches!(n, 1..=4 | -1) {
                faults.push(("repeat.week_of_month".into(), FieldCode::InvalidChoice));
            }
            if repeat.weekdays.len() != 1 {
                faults.push(("repeat.weekdays".into(), FieldCode::InvalidChoice));
            }
        }
        (Frequency::Monthly, None) if !repeat.weekdays.is_empty() => {
            faults.push(("repeat.weekdays".into(), FieldCode::InvalidChoice))
        }
        _ => {}
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// The `n`th (1–4) or last (-1) `day` of the month of `first_of_month`.
fn nth_weekday(first_of_month: NaiveDate, day: chrono::Weekday, n: i8) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(
            first_of_month.year(),
            first_of_month.month(),
            day,
            n as u8,
        )
    } else {
        let next = first_of_month.checked_add_months(Months::new(1))?;
        let mut d = next.pred_opt()?;
        while d.weekday() != day {
            d = d.pred_opt()?;
        }
        Some(d)
    }
}

/// The dates of a series from its first date on, in order (without limits applied).
fn dates(repeat: &Repeat, first: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
    let interval = repeat.interval.max(1);
    let weekly_days: Vec<chrono::Weekday> = if repeat.weekdays.is_empty() {
        vec![first.weekday()]
    } else {
        let mut d: Vec<_> = repeat.weekdays.iter().map(|d| chrono_weekday(*d)).collect();
        d.sort_by_key(|d| d.num_days_from_monday());
        d
    };
    let week_start = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let month_start = first.with_day(1).unwrap_or(first);
    (0u32..)
        .map_while(move |k| -> Option<Vec<NaiveDate>> {
            match repeat.frequency {
                Frequency::Weekly => {
                    let monday =
                        week_start.checked_add_days(Days::new(7 * u64::from(k * interval)))?;
                    Some(
                        weekly_days
                            .iter()
                            .filter_map(|d| {
                                monday.checked_add_days(Days::new(u64::from(
                                    d.num_days_from_monday(),
                                )))
                            })
                            .collect(),
                    )
                }
                Frequency::Monthly => {
                    let month = month_start.checked_add_months(Months::new(k * interval))?;
                    Some(match repeat.week_of_month {
                        Some(n) => nth_weekday(month, weekly_days[0], n).into_iter().collect(),
                        // The same date each month; months without it are skipped.
                        None => month.with_day(first.day()).into_iter().collect(),
                    })
                }
            }
        })
        .flatten()
        .filter(move |d| *d >= first)
}

/// A local wall-clock time as an instant: a time in the spring-forward gap moves an hour later; one
/// that happens twice is the first.
fn instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// Start and end of one occurrence.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// Start and end of every occurrence of a series whose first occurrence is `[start, end)`. The first
/// must itself follow the rule (field `start` otherwise).
pub fn occurrences(
    repeat: &Repeat,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tz: Tz,
) -> Result<Vec<Span>, FieldFaults> {
    check(repeat)?;
    let local_start = start.with_timezone(&tz).naive_local();
    let local_length = end.with_timezone(&tz).naive_local() - local_start;
    let first = local_start.date();
    let last = repeat
        .until
        .unwrap_or_else(|| first + Days::new(MAX_SPAN_DAYS));
    if last <= first || last > first + Days::new(MAX_SPAN_DAYS) {
        return Err(vec![("repeat.until".into(), FieldCode::InvalidChoice)]);
    }
    let count = repeat.count.map_or(MAX_OCCURRENCES, |n| n as usize);
    let days: Vec<NaiveDate> = dates(repeat, first)
        .take_while(|d| *d <= last)
        .take(MAX_OCCURRENCES + 1)
        .collect();
    if days.first() != Some(&first) {
        return Err(vec![("start".into(), FieldCode::InvalidChoice)]);
    }
    if repeat.count.is_none() && days.len() > MAX_OCCURRENCES {
        return Err(vec![("repeat.until".into(), FieldCode::TooLong)]);
    }
    if let Some(n) = repeat.count
        && days.len() < n as usize
    {
        // That many occurrences do not fit in two years.
        return Err(vec![("repeat.count".into(), FieldCode::TooLong)]);
    }
    if days.len() < 2 {
        return Err(vec![("repeat.until".into(), FieldCode::InvalidChoice)]);
    }
    days.into_iter()
        .take(count)
        .map(|day| {
            let s = day.and_time(local_start.time());
            match (instant(tz, s), instant(tz, s + local_length)) {
                (Some(a), Some(b)) if b > a => Ok((a, b)),
                // A start moved out of the spring gap past its end keeps the first one's length.
                (Some(a), Some(_)) => Ok((a, a + (end - start))),
                _ => Err(vec![("start".into(), FieldCode::InvalidChoice)]),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Helsinki;

    fn at(local: &str) -> DateTime<Utc> {
        let t = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        Helsinki
            .from_local_datetime(&t)
            .earliest()
            .unwrap()
            .with_timezone(&Utc)
    }

    fn local(t: DateTime<Utc>) -> String {
        t.with_timezone(&Helsinki)
            .format("%Y-%m-%d %a %H:%M %:z")
            .to_string()
    }

    fn rule(frequency: Frequency) -> Repeat {
        Repeat {
            frequency,
            interval: 1,
            weekdays: Vec::new(),
            week_of_month: None,
            until: None,
            count: None,
        }
    }

    #[test]
    fn first_tuesday_of_every_month_at_six_keeps_six_across_both_clock_changes() {
        let r = Repeat {
            weekdays: vec![Weekday::Tuesday],
            week_of_month: Some(1),
            count: Some(12),
            ..rule(Frequency::Monthly)
        };
        let list =
            occurrences(&r, at("2026-12-01 18:00"), at("2026-12-01 19:30"), Helsinki).unwrap();
        let shown: Vec<String> = list.iter().map(|(s, _)| local(*s)).collect();
        assert_eq!(
            shown,
            [
                "2026-12-01 Tue 18:00 +02:00",
                "2027-01-05 Tue 18:00 +02:00",
                "2027-02-02 Tue 18:00 +02:00",
                "2027-03-02 Tue 18:00 +02:00",
                "2027-04-06 Tue 18:00 +03:00",
                "2027-05-04 Tue 18:00 +03:00",
                "2027-06-01 Tue 18:00 +03:00",
                "2027-07-06 Tue 18:00 +03:00",
                "2027-08-03 Tue 18:00 +03:00",
                "2027-09-07 Tue 18:00 +03:00",
                "2027-10-05 Tue 18:00 +03:00",
                "2027-11-02 Tue 18:00 +02:00",
            ]
        );
        assert!(list.iter().all(|(s, e)| *e - *s == Duration::minutes(90)));
    }

    #[test]
    fn every_wednesday_until_the_end_of_may_includes_the_last_day() {
        let r = Repeat {
            until: NaiveDate::from_ymd_opt(2027, 5, 26),
            ..rule(Frequency::Weekly)
        };
        let list =
            occurrences(&r, at("2027-03-03 10:00"), at("2027-03-03 11:00"), Helsinki).unwrap();
        assert_eq!(list.len(), 13);
        assert_eq!(local(list[3].0), "2027-03-24 Wed 10:00 +02:00");
        assert_eq!(
            local(list[4].0),
            "2027-03-31 Wed 10:00 +03:00",
            "after the clocks went forward"
        );
        assert_eq!(local(list[12].0), "2027-05-26 Wed 10:00 +03:00");
    }

    #[test]
    fn the_last_friday_and_several_weekdays_and_every_other_week() {
        let last = Repeat {
            weekdays: vec![Weekday::Friday],
            week_of_month: Some(-1),
            count: Some(3),
            ..rule(Frequency::Monthly)
        };
        let list = occurrences(
            &last,
            at("2027-01-29 12:00"),
            at("2027-01-29 13:00"),
            Helsinki,
        )
        .unwrap();
        let days: Vec<String> = list
            .iter()
            .map(|(s, _)| local(*s)[..10].to_owned())
            .collect();
        assert_eq!(days, ["2027-01-29", "2027-02-26", "2027-03-26"]);
        let twice = Repeat {
            weekdays: vec![Weekday::Thursday, Weekday::Monday],
            interval: 2,
            count: Some(4),
            ..rule(Frequency::Weekly)
        };
        let list = occurrences(
            &twice,
            at("2027-01-04 09:00"),
            at("2027-01-04 10:00"),
            Helsinki,
        )
        .unwrap();
        let days: Vec<String> = list
            .iter()
            .map(|(s, _)| local(*s)[..14].to_owned())
            .collect();
        assert_eq!(
            days,
            [
                "2027-01-04 Mon",
                "2027-01-07 Thu",
                "2027-01-18 Mon",
                "2027-01-21 Thu"
            ]
        );
    }

    #[test]
    fn a_monthly_date_skips_months_without_it() {
        let r = Repeat {
            count: Some(3),
            ..rule(Frequency::Monthly)
        };
        let list =
            occurrences(&r, at("2027-01-31 17:00"), at("2027-01-31 18:00"), Helsinki).unwrap();
        let days: Vec<String> = list
            .iter()
            .map(|(s, _)| local(*s)[..10].to_owned())
            .collect();
        assert_eq!(days, ["2027-01-31", "2027-03-31", "2027-05-31"]);
    }

    #[test]
    fn a_time_in_the_spring_gap_moves_an_hour_later() {
        // Clocks go from 03:00 to 04:00 on Sunday 28 March 2027 in Helsinki.
        let r = Repeat {
            count: Some(2),
            ..rule(Frequency::Weekly)
        };
        let list =
            occurrences(&r, at("2027-03-21 03:30"), at("2027-03-21 05:00"), Helsinki).unwrap();
        assert_eq!(local(list[1].0), "2027-03-28 Sun 04:30 +03:00");
        assert_eq!(local(list[1].1), "2027-03-28 Sun 05:00 +03:00");
        // A short one whose start moves past its end keeps its length.
        let list =
            occurrences(&r, at("2027-03-21 03:30"), at("2027-03-21 04:15"), Helsinki).unwrap();
        assert_eq!(local(list[1].0), "2027-03-28 Sun 04:30 +03:00");
        assert_eq!(local(list[1].1), "2027-03-28 Sun 05:15 +03:00");
    }

    #[test]
    fn bad_rules_are_refused_by_field() {
        let fields = |r: Repeat, start: &str| -> Vec<String> {
            occurrences(&r, at(start), at(start) + Duration::hours(1), Helsinki)
                .unwrap_err()
                .into_iter()
                .map(|(f, _)| f)
                .collect()
        };
        assert_eq!(
            fields(rule(Frequency::Weekly), "2027-01-05 18:00"),
            ["repeat.until"]
        );
        let not_first_tuesday = Repeat {
            weekdays: vec![Weekday::Tuesday],
            week_of_month: Some(1),
            count: Some(3),
            ..rule(Frequency::Monthly)
        };
        assert_eq!(fields(not_first_tuesday, "2027-01-12 18:00"), ["start"]);
        let too_many = Repeat {
            until: NaiveDate::from_ymd_opt(2029, 1, 3),
            ..rule(Frequency::Weekly)
        };
        assert_eq!(fields(too_many, "2027-01-05 18:00"), ["repeat.until"]);
        let monthly_for_three_years = Repeat {
            count: Some(36),
            ..rule(Frequency::Monthly)
        };
        assert_eq!(
            fields(monthly_for_three_years, "2027-01-05 18:00"),
            ["repeat.count"]
        );
        let both = Repeat {
            until: NaiveDate::from_ymd_opt(2027, 3, 1),
            count: Some(3),
            interval: 0,
            ..rule(Frequency::Weekly)
        };
        assert_eq!(
            fields(both, "2027-01-05 18:00"),
            ["repeat.interval", "repeat.count"]
        );
        let weekday_missing = Repeat {
            week_of_month: Some(2),
            count: Some(3),
            ..rule(Frequency::Monthly)
        };
        assert_eq!(
            fields(weekday_missing, "2027-01-05 18:00"),
            ["repeat.weekdays"]
        );
    }
}
