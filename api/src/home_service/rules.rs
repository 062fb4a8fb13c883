//! Checks of a home-service application: who applies, the person's address and phone, the reasons as
//! categories (a temporary need with its end date), at least one kind of material, short free texts,
//! and consent.

use chrono::NaiveDate;
use etakirjasto_shared::{
    ApplicantRelation, ClientStatus, FieldCode, HomeServiceApplicationInput,
    HomeServiceClientInput, HomeServiceReason, validate,
};

use crate::auth::rules::FieldFaults;

const ADDRESS_MAX: usize = 200;
const CITY_MAX: usize = 100;
const TEXT_MAX: usize = 1000;

/// An application's checked and normalised contact details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The person's name.
    pub name: String,
    /// Their phone, E.164.
    pub phone: String,
    /// The applicant's name, phone and email, when applying for someone else.
    pub applicant: Option<(String, Option<String>, Option<String>)>,
}

fn short_text(field: &str, value: &str, max: usize, faults: &mut FieldFaults) {
    if value.trim().is_empty() {
        faults.push((field.into(), FieldCode::Required));
    } else if value.chars().count() > max {
        faults.push((field.into(), FieldCode::TooLong));
    } else if validate::free_text(value).is_err() || value.contains('\n') {
        faults.push((field.into(), FieldCode::InvalidFormat));
    }
}

fn optional_text(field: &str, value: &Option<String>, faults: &mut FieldFaults) {
    if let Some(v) = value {
        if v.chars().count() > TEXT_MAX {
            faults.push((field.into(), FieldCode::TooLong));
        } else if validate::free_text(v).is_err() {
            faults.push((field.into(), FieldCode::InvalidFormat));
        }
    }
}

/// The parts an application and a client's profile share.
struct Profile<'a> {
    name: &'a str,
    street_address: &'a str,
    postal_code: &'a str,
    city: &'a str,
    phone: &'a str,
    reasons: &'a [HomeServiceReason],
    temporary_until: Option<NaiveDate>,
    formats: &'a [etakirjasto_shared::MaterialFormat],
    texts: [(&'static str, &'a Option<String>); 3],
}

/// Checks the person's details and wishes; the name and phone come back normalised.
fn check_profile(p: &Profile<'_>, faults: &mut FieldFaults) -> Option<(String, String)> {
    let name = validate::name(p.name).map_err(|c| faults.push(("name".into(), c)));
    short_text("street_address", p.street_address, ADDRESS_MAX, faults);
    let postcode = p.postal_code.trim();
    if postcode.len() != 5 || !postcode.chars().all(|c| c.is_ascii_digit()) {
        faults.push(("postal_code".into(), FieldCode::InvalidFormat));
    }
    short_text("city", p.city, CITY_MAX, faults);
    let phone = validate::phone(p.phone).map_err(|c| faults.push(("phone".into(), c)));
    Some((name.ok()?, phone.ok()?))
}

/// Checks the reasons, material and free texts of a profile (after any fields of its own).
fn check_wishes(p: &Profile<'_>, today: NaiveDate, faults: &mut FieldFaults) {
    if p.reasons.is_empty() {
        faults.push(("reasons".into(), FieldCode::Required));
    }
    let temporary = p.reasons.contains(&HomeServiceReason::Temporary);
    match (temporary, p.temporary_until) {
        (true, None) => faults.push(("temporary_until".into(), FieldCode::Required)),
        (true, Some(until)) if until < today => {
            faults.push(("temporary_until".into(), FieldCode::InvalidChoice))
        }
        (false, Some(_)) => faults.push(("temporary_until".into(), FieldCode::InvalidChoice)),
        _ => {}
    }
    if p.formats.is_empty() {
        faults.push(("formats".into(), FieldCode::Required));
    }
    for (field, text) in p.texts {
        optional_text(field, text, faults);
    }
}

/// Checks an application made on `today` (the library's date).
pub fn check_application(
    input: &HomeServiceApplicationInput,
    today: NaiveDate,
) -> Result<Checked, FieldFaults> {
    let mut faults = FieldFaults::new();
    let profile = Profile {
        name: &input.name,
        street_address: &input.street_address,
        postal_code: &input.postal_code,
        city: &input.city,
        phone: &input.phone,
        reasons: &input.reasons,
        temporary_until: input.temporary_until,
        formats: &input.formats,
        texts: [
            ("interests", &input.interests),
            ("avoid", &input.avoid),
            ("visit_notes", &input.visit_notes),
        ],
    };
    let person = check_profile(&profile, &mut faults);
    let applicant = if input.relation == ApplicantRelation::Themselves {
        None
    } else {
        let who = validate::name(input.applicant_name.as_deref().unwrap_or(""))
            .map_err(|c| faults.push(("applicant_name".into(), c)));
        let (phone, email) = contact(
            ("applicant_phone", &input.applicant_phone),
            ("applicant_email", &input.applicant_email),
            &mut faults,
        );
        if input.applicant_phone.is_none() && input.applicant_email.is_none() {
            faults.push(("applicant_phone".into(), FieldCode::Required));
        }
        who.ok().map(|w| (w, phone, email))
    };
    check_wishes(&profile, today, &mut faults);
    if !input.consent {
        faults.push(("consent".into(), FieldCode::Required));
    }
    match person {
        Some((name, phone)) if faults.is_empty() => Ok(Checked {
            name,
            phone,
            applicant,
        }),
        _ => Err(faults),
    }
}

/// A phone and an email, each checked when given.
fn contact(
    phone: (&'static str, &Option<String>),
    email: (&'static str, &Option<String>),
    faults: &mut FieldFaults,
) -> (Option<String>, Option<String>) {
    let phone = match phone.1.as_deref().map(validate::phone) {
        Some(Err(c)) => {
            faults.push((phone.0.into(), c));
            None
        }
        other => other.and_then(Result::ok),
    };
    let email = match email.1.as_deref().map(validate::email) {
        Some(Err(c)) => {
            faults.push((email.0.into(), c));
            None
        }
        other => other.and_then(Result::ok),
    };
    (phone, email)
}

/// A client's checked profile: name and phone, and the contact person's name, phone and email,
/// normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedClient {
    /// The person's name.
    pub name: String,
    /// Their phone, E.164.
    pub phone: String,
    /// The contact person's name, phone and email.
    pub contact: (Option<String>, Option<String>, Option<String>),
}

/// Checks a client's profile as staff change it on `today`.
pub fn check_client(
    input: &HomeServiceClientInput,
    today: NaiveDate,
) -> Result<CheckedClient, FieldFaults> {
    let mut faults = FieldFaults::new();
    match (input.status, input.paused_from, input.paused_until) {
        (ClientStatus::Paused, Some(from), Some(until)) if from <= until => {}
        (ClientStatus::Paused, None, _) => faults.push(("paused_from".into(), FieldCode::Required)),
        (ClientStatus::Paused, _, None) => {
            faults.push(("paused_until".into(), FieldCode::Required))
        }
        (ClientStatus::Paused, _, _) => {
            faults.push(("paused_until".into(), FieldCode::InvalidChoice))
        }
        (_, None, None) => {}
        _ => faults.push(("paused_from".into(), FieldCode::InvalidChoice)),
    }
    let profile = Profile {
        name: &input.name,
        street_address: &input.street_address,
        postal_code: &input.postal_code,
        city: &input.city,
        phone: &input.phone,
        reasons: &input.reasons,
        temporary_until: input.temporary_until,
        formats: &input.formats,
        texts: [
            ("interests", &input.interests),
            ("avoid", &input.avoid),
            ("visit_notes", &input.visit_notes),
        ],
    };
    let person = check_profile(&profile, &mut faults);
    let contact_name = match input.contact_name.as_deref().map(validate::name) {
        Some(Err(c)) => {
            faults.push(("contact_name".into(), c));
            None
        }
        other => other.and_then(Result::ok),
    };
    let (contact_phone, contact_email) = contact(
        ("contact_phone", &input.contact_phone),
        ("contact_email", &input.contact_email),
        &mut faults,
    );
    check_wishes(&profile, today, &mut faults);
    match person {
        Some((name, phone)) if faults.is_empty() => Ok(CheckedClient {
            name,
            phone,
            contact: (contact_name, contact_phone, contact_email),
        }),
        _ => Err(faults),
    }
}

/// Checks a reason for declining.
pub fn check_decline_reason(reason: &str) -> Result<String, FieldFaults> {
    let mut faults = FieldFaults::new();
    let r = reason.trim();
    if r.is_empty() {
        faults.push(("reason".into(), FieldCode::Required));
    } else if r.chars().count() > TEXT_MAX {
        faults.push(("reason".into(), FieldCode::TooLong));
    } else if validate::free_text(r).is_err() {
        faults.push(("reason".into(), FieldCode::InvalidFormat));
    }
    if faults.is_empty() {
        Ok(r.to_owned())
    } else {
        Err(faults)
    }
}

/// Checks a visit's note and feedback (optional short texts).
pub fn check_visit_texts(
    note: &Option<String>,
    feedback: &Option<String>,
) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    optional_text("note", note, &mut faults);
    optional_text("feedback", feedback, &mut faults);
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

const ITEM_TEXT_MAX: usize = 200;
const IDENTIFIER_MAX: usize = 40;

/// An item's checked title, author and identifier, and the key a repeat is recognised by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedItem {
    /// Title.
    pub title: String,
    /// Author.
    pub author: Option<String>,
    /// Identifier, its spaces and hyphens taken out.
    pub identifier: Option<String>,
    /// `<title>|<author>` in lower case with single spaces: the same book by title.
    pub match_key: String,
}

fn folded(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Checks an item the chooser picks.
pub fn check_item(item: &etakirjasto_shared::ChooseItem) -> Result<CheckedItem, FieldFaults> {
    let mut faults = FieldFaults::new();
    short_text("title", &item.title, ITEM_TEXT_MAX, &mut faults);
    let author = item
        .author
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    if let Some(a) = author {
        short_text("author", a, ITEM_TEXT_MAX, &mut faults);
    }
    let identifier = item
        .identifier
        .as_deref()
        .map(|i| {
            i.chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .collect::<String>()
        })
        .filter(|i| !i.is_empty());
    if let Some(i) = &identifier
        && (i.chars().count() > IDENTIFIER_MAX || !i.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        faults.push(("identifier".into(), FieldCode::InvalidFormat));
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    let title = item.title.trim().to_owned();
    let match_key = format!(
        "{}|{}",
        folded(&title),
        author.map(folded).unwrap_or_default()
    );
    let identifier = identifier.map(|i| i.to_uppercase());
    Ok(CheckedItem {
        title,
        author: author.map(str::to_owned),
        identifier,
        match_key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use etakirjasto_shared::{DayPart, DeliveryFrequency, MaterialFormat};

    fn input() -> HomeServiceApplicationInput {
        HomeServiceApplicationInput {
            library: "kalajoki".into(),
            relation: ApplicantRelation::Relative,
            applicant_name: Some("Pekka Virtanen".into()),
            applicant_phone: Some("0401234567".into()),
            applicant_email: None,
            name: "Aino Virtanen".into(),
            street_address: "Rantatie 5 B 12".into(),
            postal_code: "85100".into(),
            city: "Kalajoki".into(),
            phone: "0407654321".into(),
            reasons: vec![HomeServiceReason::Age],
            temporary_until: None,
            formats: vec![MaterialFormat::LargePrint],
            interests: None,
            avoid: None,
            frequency: DeliveryFrequency::Monthly,
            days: vec![],
            day_part: DayPart::Any,
            visit_notes: None,
            language: None,
            consent: true,
        }
    }

    fn fields(r: Result<Checked, FieldFaults>) -> Vec<String> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    #[test]
    fn a_relatives_application_is_accepted_with_phones_normalised() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let ok = check_application(&input(), today).unwrap();
        assert_eq!(ok.phone, "+358407654321");
        assert_eq!(
            ok.applicant,
            Some(("Pekka Virtanen".into(), Some("+358401234567".into()), None))
        );
    }

    #[test]
    fn each_missing_part_is_named() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut bad = input();
        bad.applicant_phone = None;
        bad.postal_code = "851".into();
        bad.reasons = vec![HomeServiceReason::Temporary];
        bad.formats.clear();
        bad.consent = false;
        assert_eq!(
            fields(check_application(&bad, today)),
            [
                "postal_code",
                "applicant_phone",
                "temporary_until",
                "formats",
                "consent"
            ]
        );
        let mut past = input();
        past.reasons = vec![HomeServiceReason::Temporary];
        past.temporary_until = NaiveDate::from_ymd_opt(2026, 11, 30);
        assert_eq!(fields(check_application(&past, today)), ["temporary_until"]);
    }

    #[test]
    fn applying_for_oneself_needs_no_applicant_details() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut own = input();
        own.relation = ApplicantRelation::Themselves;
        own.applicant_name = None;
        own.applicant_phone = None;
        assert_eq!(check_application(&own, today).unwrap().applicant, None);
    }

    #[test]
    fn a_pause_needs_both_days_in_order_and_only_a_pause_has_them() {
        use etakirjasto_shared::{ClientStatus, HomeServiceClientInput, Lang};
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d);
        let base = input();
        let client = |status, from, until| HomeServiceClientInput {
            status,
            paused_from: from,
            paused_until: until,
            name: base.name.clone(),
            street_address: base.street_address.clone(),
            postal_code: base.postal_code.clone(),
            city: base.city.clone(),
            phone: base.phone.clone(),
            reasons: base.reasons.clone(),
            temporary_until: None,
            formats: base.formats.clone(),
            interests: None,
            avoid: None,
            frequency: base.frequency,
            days: vec![],
            day_part: base.day_part,
            visit_notes: None,
            language: Lang::Fi,
            contact_name: Some("Pekka Virtanen".into()),
            contact_phone: Some("0401234567".into()),
            contact_email: None,
            chooser_id: None,
            deliverer_id: None,
        };
        let faults = |c: HomeServiceClientInput| -> Vec<String> {
            check_client(&c, today)
                .err()
                .unwrap_or_default()
                .into_iter()
                .map(|(f, _)| f)
                .collect()
        };
        assert!(check_client(&client(ClientStatus::Paused, day(6, 1), day(8, 15)), today).is_ok());
        assert_eq!(
            faults(client(ClientStatus::Paused, day(6, 1), None)),
            ["paused_until"]
        );
        assert_eq!(
            faults(client(ClientStatus::Paused, None, day(8, 15))),
            ["paused_from"]
        );
        assert_eq!(
            faults(client(ClientStatus::Paused, day(8, 15), day(6, 1))),
            ["paused_until"]
        );
        assert_eq!(
            faults(client(ClientStatus::Active, day(6, 1), None)),
            ["paused_from"]
        );
        let ok = check_client(&client(ClientStatus::Active, None, None), today).unwrap();
        assert_eq!(ok.contact.1.as_deref(), Some("+358401234567"));
    }
}
