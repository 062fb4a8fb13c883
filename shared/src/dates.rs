//! The words of dates in Finnish, Swedish and English: weekday and month names in the forms the pages
//! and the messages use. One table each, so a page and the message about the same booking always
//! name a day the same way.
//!
//! Weekdays are ISO numbers (1 is Monday) and months run from 1 (January); numbers outside the range
//! are clamped, so a name is always found.

use crate::Lang;

const WEEKDAYS: [(&str, &str, &str); 7] = [
    ("maanantai", "måndag", "Monday"),
    ("tiistai", "tisdag", "Tuesday"),
    ("keskiviikko", "onsdag", "Wednesday"),
    ("torstai", "torsdag", "Thursday"),
    ("perjantai", "fredag", "Friday"),
    ("lauantai", "lördag", "Saturday"),
    ("sunnuntai", "söndag", "Sunday"),
];

/// Finnish says "on Monday" with the essive case: "maanantaina".
const FI_WEEKDAYS_ON: [&str; 7] = [
    "maanantaina",
    "tiistaina",
    "keskiviikkona",
    "torstaina",
    "perjantaina",
    "lauantaina",
    "sunnuntaina",
];

const WEEKDAYS_SHORT: [(&str, &str, &str); 7] = [
    ("ma", "mån", "Mon"),
    ("ti", "tis", "Tue"),
    ("ke", "ons", "Wed"),
    ("to", "tor", "Thu"),
    ("pe", "fre", "Fri"),
    ("la", "lör", "Sat"),
    ("su", "sön", "Sun"),
];

/// Month names as a heading says them; Swedish and English use the same word inside a date.
const MONTHS: [(&str, &str, &str); 12] = [
    ("tammikuu", "januari", "January"),
    ("helmikuu", "februari", "February"),
    ("maaliskuu", "mars", "March"),
    ("huhtikuu", "april", "April"),
    ("toukokuu", "maj", "May"),
    ("kesäkuu", "juni", "June"),
    ("heinäkuu", "juli", "July"),
    ("elokuu", "augusti", "August"),
    ("syyskuu", "september", "September"),
    ("lokakuu", "oktober", "October"),
    ("marraskuu", "november", "November"),
    ("joulukuu", "december", "December"),
];

fn day_index(iso: u8) -> usize {
    usize::from(iso.clamp(1, 7) - 1)
}

fn month_index(month: u32) -> usize {
    (month.clamp(1, 12) - 1) as usize
}

/// A weekday's name: "maanantai", "måndag", "Monday".
pub fn weekday(lang: Lang, iso: u8) -> &'static str {
    let (fi, sv, en) = WEEKDAYS[day_index(iso)];
    lang.pick(fi, sv, en)
}

/// A weekday as in "on Monday": "maanantaina", "måndag", "Monday".
pub fn weekday_on(lang: Lang, iso: u8) -> &'static str {
    let (_, sv, en) = WEEKDAYS[day_index(iso)];
    lang.pick(FI_WEEKDAYS_ON[day_index(iso)], sv, en)
}

/// A weekday's short name for a column heading: "ma", "mån", "Mon".
pub fn weekday_short(lang: Lang, iso: u8) -> &'static str {
    let (fi, sv, en) = WEEKDAYS_SHORT[day_index(iso)];
    lang.pick(fi, sv, en)
}

/// A month as a heading: "joulukuu", "december", "December".
pub fn month(lang: Lang, month: u32) -> &'static str {
    let (fi, sv, en) = MONTHS[month_index(month)];
    lang.pick(fi, sv, en)
}

/// A month inside a date ("7. joulukuuta", "7 december"): Finnish takes the partitive, "-ta"
/// after the nominative.
pub fn month_in_date(lang: Lang, month: u32) -> String {
    let (fi, sv, en) = MONTHS[month_index(month)];
    match lang {
        Lang::Fi => format!("{fi}ta"),
        Lang::Sv => sv.to_owned(),
        Lang::En => en.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_each_language_and_case() {
        assert_eq!(weekday(Lang::Fi, 1), "maanantai");
        assert_eq!(weekday_on(Lang::Fi, 2), "tiistaina");
        assert_eq!(weekday_on(Lang::Sv, 7), "söndag");
        assert_eq!(weekday_short(Lang::En, 3), "Wed");
        assert_eq!(month(Lang::Fi, 12), "joulukuu");
        assert_eq!(month_in_date(Lang::Fi, 12), "joulukuuta");
        assert_eq!(month_in_date(Lang::Fi, 6), "kesäkuuta");
        assert_eq!(month_in_date(Lang::Sv, 3), "mars");
        assert_eq!(month_in_date(Lang::En, 1), "January");
    }

    #[test]
    fn numbers_out_of_range_are_clamped() {
        assert_eq!(weekday(Lang::En, 0), "Monday");
        assert_eq!(weekday(Lang::En, 9), "Sunday");
        assert_eq!(month(Lang::Sv, 13), "december");
    }
}
