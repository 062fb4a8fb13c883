//! Checks of a home-service application: who applies, the person's address and phone, the reasons as
//! categories (a temporary need with its end date), at least one kind of material, short free texts,
//! and consent.

use chrono::NaiveDate;
use etakirjasto_shared::{
    ApplicantRelation, FieldCode, HomeServiceApplicationInput, HomeServiceReason, validate,
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

/// Checks an application made on `today` (the library's date).
pub fn check_application(
    input: &HomeServiceApplicationInput,
    today: NaiveDate,
) -> Result<Checked, FieldFaults> {
    let mut faults = FieldFaults::new();
    let name = validate::name(&input.name).map_err(|c| faults.push(("name".into(), c)));
    short_text(
        "street_address",
        &input.street_address,
        ADDRESS_MAX,
        &mut faults,
    );
    let postcode = input.postal_code.trim();
    if postcode.len() != 5 || !postcode.chars().all(|c| c.is_ascii_digit()) {
        faults.push(("postal_code".into(), FieldCode::InvalidFormat));
    }
    short_text("city", &input.city, CITY_MAX, &mut faults);
    let phone = validate::phone(&input.phone).map_err(|c| faults.push(("phone".into(), c)));
    let applicant = if input.relation == ApplicantRelation::Themselves {
        None
    } else {
        let who = validate::name(input.applicant_name.as_deref().unwrap_or(""))
            .map_err(|c| faults.push(("applicant_name".into(), c)));
        let phone = match input.applicant_phone.as_deref().map(validate::phone) {
            Some(Err(c)) => {
                faults.push(("applicant_phone".into(), c));
                None
            }
            Some(Ok(p)) => Some(p),
            None => None,
        };
        let email = match input.applicant_email.as_deref().map(validate::email) {
            Some(Err(c)) => {
                faults.push(("applicant_email".into(), c));
                None
            }
            Some(Ok(e)) => Some(e),
            None => None,
        };
        if input.applicant_phone.is_none() && input.applicant_email.is_none() {
            faults.push(("applicant_phone".into(), FieldCode::Required));
        }
        who.ok().map(|w| (w, phone, email))
    };
    if input.reasons.is_empty() {
        faults.push(("reasons".into(), FieldCode::Required));
    }
    let temporary = input.reasons.contains(&HomeServiceReason::Temporary);
    match (temporary, input.temporary_until) {
        (true, None) => faults.push(("temporary_until".into(), FieldCode::Required)),
        (true, Some(until)) if until < today => {
            faults.push(("temporary_until".into(), FieldCode::InvalidChoice))
        }
        (false, Some(_)) => faults.push(("temporary_until".into(), FieldCode::InvalidChoice)),
        _ => {}
    }
    if input.formats.is_empty() {
        faults.push(("formats".into(), FieldCode::Required));
    }
    optional_text("interests", &input.interests, &mut faults);
    optional_text("avoid", &input.avoid, &mut faults);
    optional_text("visit_notes", &input.visit_notes, &mut faults);
    if !input.consent {
        faults.push(("consent".into(), FieldCode::Required));
    }
    match (name, phone) {
        (Ok(name), Ok(phone)) if faults.is_empty() => Ok(Checked {
            name,
            phone,
            applicant,
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
}
