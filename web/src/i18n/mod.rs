//! Every visible word of the app, in Finnish, Swedish and English.
//!
//! Texts are enum variants with a `text(lang)` method built on [`Lang::pick`], so the compiler proves
//! that each message exists in all three languages: adding a variant without its translations does not
//! compile. Texts are grouped by where they appear ([`Ui`] for the frame around every page, [`Auth`] for
//! the sign-in and registration forms and their fields, [`Pages`] for page contents, [`Account`] for
//! downloading one's data and deleting one's account, [`Booking`] for booking sessions and managing
//! bookings, [`Staff`] for the staff dashboard's calendar and booking for a patron, [`Events`] for the event
//! pages, [`Programmes`] for care-home programmes, [`Messages`] for message settings and the staff's messages page, [`Offers`] for the staff's
//! programme offers and organisations, [`HomeService`] for the home-delivery pages) to keep each file
//! short.
//!
//! Error wording does not live here: it comes from `shared` (`ErrorCode::message`, `FieldCode::message`),
//! so the browser and the server always say the same thing.

mod account;
pub mod audit;
mod auth;
pub mod booking;
pub mod branding;
pub mod events;
pub mod guides;
pub mod home_service;
pub mod messages;
pub mod offers;
mod pages;
pub mod partners;
pub mod programmes;
pub mod scenario;
pub mod staff;
pub mod staff_events;
pub mod survey_form;
pub mod surveys;
pub mod training;
mod ui;

use etakirjasto_shared::Lang;

pub use account::Account;
pub use audit::Audit;
pub use auth::Auth;
pub use booking::Booking;
pub use events::Events;
pub use home_service::{Apply, HomeService};
pub use messages::Messages;
pub use offers::Offers;
pub use pages::{Pages, role_name};
pub use programmes::Programmes;
pub use scenario::ScenarioText;
pub use staff::Staff;
pub use staff_events::StaffEvents;
pub use ui::Ui;

/// The product name, the same in every language; the second half of every page title.
pub const PRODUCT_NAME: &str = "Etäkirjasto";

/// A message that can be shown in any of the three languages.
pub trait Text: Copy + 'static {
    /// The message in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

/// The language's own name, used on the language buttons: each language is labelled in itself so a
/// person who does not read the current language still finds their own.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Fi => "Suomi",
        Lang::Sv => "Svenska",
        Lang::En => "English",
    }
}

/// "Try again in N seconds", for answers that carry `Retry-After`.
pub fn retry_after(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::Fi => format!("Voit yrittää uudelleen {seconds} sekunnin kuluttua."),
        Lang::Sv => format!("Du kan försöka igen om {seconds} sekunder."),
        Lang::En => format!("You can try again in {seconds} seconds."),
    }
}

/// The weekday name for an ISO weekday number (1 is Monday); `None` outside 1 to 7.
pub fn weekday(lang: Lang, iso: u8) -> Option<&'static str> {
    (1..=7)
        .contains(&iso)
        .then(|| etakirjasto_shared::dates::weekday(lang, iso))
}

/// Writes a phone number from its E.164 form the way people read it aloud and dial it at home.
///
/// Finnish numbers (`+358…`) are shown in the national form with a leading `0`, grouped as
/// `040 123 4567`; other numbers keep their `+` and country code, grouped in threes. The `tel:` link
/// always uses the E.164 form, so only the visible text changes.
pub fn display_phone(e164: &str) -> String {
    let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
    let (prefix, rest) = match digits.strip_prefix("358") {
        Some(national) if e164.starts_with('+') => (String::from("0"), national.to_owned()),
        _ if e164.starts_with('+') => (String::from("+"), digits.clone()),
        _ => (String::new(), digits.clone()),
    };
    let all = format!("{prefix}{rest}");
    if prefix != "0" || all.len() < 7 {
        return group(&all, 3);
    }
    // Area or mobile code (three characters with the 0), then the subscriber number with its last
    // four digits kept together, as Finnish directories print them.
    let (area, subscriber) = all.split_at(3);
    let (head, tail) = subscriber.split_at(subscriber.len() - 4);
    [area, head, tail]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn group(s: &str, size: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .chunks(size)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_numbers_are_shown_in_national_form() {
        assert_eq!(display_phone("+358401234567"), "040 123 4567");
        assert_eq!(display_phone("+358844691235"), "084 469 1235");
        assert_eq!(display_phone("+46812345678"), "+46 812 345 678");
    }

    #[test]
    fn weekdays_are_known_from_one_to_seven() {
        assert_eq!(weekday(Lang::Sv, 1), Some("måndag"));
        assert_eq!(weekday(Lang::Fi, 7), Some("sunnuntai"));
        assert_eq!(weekday(Lang::En, 0), None);
    }
}
