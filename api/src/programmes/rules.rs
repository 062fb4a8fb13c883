//! Care-home programme rules as pure functions: what staff and units may enter, and which step a
//! booking may take from where it stands. No I/O; `now` is a parameter.

use chrono::{DateTime, Utc};
use etakirjasto_shared::{
    FieldCode, NewProgrammeBooking, OrganisationInput, ProgrammeOfferInput, ProgrammeOutcome,
    ProgrammeStatus, validate,
};

use crate::{auth::rules::FieldFaults, services::input::localized};

/// Longest title.
pub const TITLE_MAX: usize = 200;
/// Longest description.
pub const TEXT_MAX: usize = 4000;
/// Longest equipment text.
pub const EQUIPMENT_MAX: usize = 500;
/// Longest wishes or note to the unit.
pub const NOTE_MAX: usize = 1000;
/// Longest feedback.
pub const FEEDBACK_MAX: usize = 2000;
/// Longest address.
pub const ADDRESS_MAX: usize = 200;
/// Largest group.
pub const RESIDENTS_MAX: u32 = 200;
/// Most times on one offer.
pub const TIMES_MAX: usize = 100;

fn text(field: &str, value: &str, max: usize, required: bool, faults: &mut FieldFaults) {
    if required && value.trim().is_empty() {
        faults.push((field.into(), FieldCode::Required));
    } else if value.chars().count() > max {
        faults.push((field.into(), FieldCode::TooLong));
    } else if let Err(code) = validate::free_text(value) {
        faults.push((field.into(), code));
    }
}

fn optional_text(field: &str, value: &Option<String>, max: usize, faults: &mut FieldFaults) {
    if let Some(v) = value {
        text(field, v, max, false, faults);
    }
}

/// Checks an organisation from staff; the contact's email comes back normalised.
pub fn check_organisation(input: &OrganisationInput) -> Result<String, FieldFaults> {
    let mut faults = FieldFaults::new();
    if let Err(code) = validate::name(&input.name) {
        faults.push(("name".into(), code));
    }
    optional_text("address", &input.address, ADDRESS_MAX, &mut faults);
    if let Some(phone) = &input.phone
        && let Err(code) = validate::phone(phone)
    {
        faults.push(("phone".into(), code));
    }
    let email = validate::email(&input.contact_email);
    if let Err(code) = &email {
        faults.push(("contact_email".into(), *code));
    }
    match email {
        Ok(email) if faults.is_empty() => Ok(email),
        _ => Err(faults),
    }
}

/// Checks an offer from staff: texts, length, group size, and times that are in the future,
/// distinct and not too many.
pub fn check_offer(input: &ProgrammeOfferInput, now: DateTime<Utc>) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    localized("title", &input.title, TITLE_MAX, &mut faults);
    localized("description", &input.description, TEXT_MAX, &mut faults);
    if !(15..=240).contains(&input.duration_minutes) {
        faults.push(("duration_minutes".into(), FieldCode::InvalidChoice));
    }
    if let Some(max) = input.max_residents
        && !(1..=RESIDENTS_MAX).contains(&max)
    {
        faults.push(("max_residents".into(), FieldCode::InvalidChoice));
    }
    if input.times.len() > TIMES_MAX {
        faults.push(("times".into(), FieldCode::TooLong));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, t) in input.times.iter().enumerate() {
        let utc = t.with_timezone(&Utc);
        if utc.timestamp_subsec_nanos() != 0 || utc.timestamp() % 60 != 0 {
            faults.push((format!("times[{i}]"), FieldCode::InvalidFormat));
        } else if utc <= now || utc > now + chrono::Duration::days(731) || !seen.insert(utc) {
            faults.push((format!("times[{i}]"), FieldCode::InvalidChoice));
        }
    }
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// Checks a unit's request, before it is read against the offer.
pub fn check_booking(input: &NewProgrammeBooking) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    if !validate::is_id(&input.time_id) {
        faults.push(("time_id".into(), FieldCode::InvalidChoice));
    }
    if !validate::is_id(&input.organisation_id) {
        faults.push(("organisation_id".into(), FieldCode::InvalidChoice));
    }
    if !(1..=RESIDENTS_MAX).contains(&input.residents) {
        faults.push(("residents".into(), FieldCode::InvalidChoice));
    }
    text(
        "equipment",
        &input.equipment,
        EQUIPMENT_MAX,
        true,
        &mut faults,
    );
    if let Err(code) = validate::name(&input.onsite_contact_name) {
        faults.push(("onsite_contact_name".into(), code));
    }
    if let Err(code) = validate::phone(&input.onsite_contact_phone) {
        faults.push(("onsite_contact_phone".into(), code));
    }
    optional_text("wishes", &input.wishes, NOTE_MAX, &mut faults);
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// Checks a note to the unit.
pub fn check_message(message: &Option<String>) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    optional_text("message", message, NOTE_MAX, &mut faults);
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// Checks what staff record afterwards.
pub fn check_outcome(input: &ProgrammeOutcome) -> Result<(), FieldFaults> {
    let mut faults = FieldFaults::new();
    if input.participants > RESIDENTS_MAX {
        faults.push(("participants".into(), FieldCode::InvalidChoice));
    }
    optional_text("feedback", &input.feedback, FEEDBACK_MAX, &mut faults);
    if faults.is_empty() {
        Ok(())
    } else {
        Err(faults)
    }
}

/// A step in a booking's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Staff agree to the requested time.
    Confirm,
    /// Staff propose another of the offer's times.
    Propose,
    /// The unit (or staff for it) accepts the proposed time.
    Accept,
    /// Either side cancels.
    Cancel,
    /// Staff record how it went.
    RecordOutcome,
}

/// Whether `step` may be taken from `status`, for a booking starting at `start` (for `Accept`, the
/// proposed start).
pub fn step_allowed(
    status: ProgrammeStatus,
    step: Step,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    use ProgrammeStatus::*;
    let upcoming = start > now;
    match step {
        Step::Confirm => status == Requested && upcoming,
        Step::Propose => matches!(status, Requested | Proposed | Confirmed) && upcoming,
        Step::Accept => status == Proposed && upcoming,
        Step::Cancel => match status {
            Requested | Confirmed => upcoming,
            Proposed => true,
            Held | Cancelled => false,
        },
        Step::RecordOutcome => matches!(status, Confirmed | Held) && !upcoming,
    }
}

/// Whether the unit's contact and staff see the video link: once agreed.
pub fn shows_link(status: ProgrammeStatus) -> bool {
    matches!(status, ProgrammeStatus::Confirmed | ProgrammeStatus::Held)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn now() -> DateTime<Utc> {
        "2026-12-01T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn steps_follow_the_life_of_a_booking() {
        use ProgrammeStatus::*;
        let later = now() + Duration::days(1);
        let earlier = now() - Duration::hours(1);
        assert!(step_allowed(Requested, Step::Confirm, later, now()));
        assert!(!step_allowed(Requested, Step::Confirm, earlier, now()));
        assert!(!step_allowed(Proposed, Step::Confirm, later, now()));
        assert!(step_allowed(Confirmed, Step::Propose, later, now()));
        assert!(!step_allowed(Held, Step::Propose, later, now()));
        assert!(step_allowed(Proposed, Step::Accept, later, now()));
        assert!(!step_allowed(Proposed, Step::Accept, earlier, now()));
        assert!(!step_allowed(Requested, Step::Accept, later, now()));
        assert!(step_allowed(Proposed, Step::Cancel, earlier, now()));
        assert!(!step_allowed(Confirmed, Step::Cancel, earlier, now()));
        assert!(!step_allowed(Cancelled, Step::Cancel, later, now()));
        assert!(step_allowed(Confirmed, Step::RecordOutcome, earlier, now()));
        assert!(step_allowed(Held, Step::RecordOutcome, earlier, now()));
        assert!(!step_allowed(Confirmed, Step::RecordOutcome, later, now()));
        assert!(!step_allowed(
            Requested,
            Step::RecordOutcome,
            earlier,
            now()
        ));
    }

    #[test]
    fn the_link_shows_only_once_agreed() {
        assert!(shows_link(ProgrammeStatus::Confirmed));
        assert!(shows_link(ProgrammeStatus::Held));
        assert!(!shows_link(ProgrammeStatus::Requested));
        assert!(!shows_link(ProgrammeStatus::Proposed));
        assert!(!shows_link(ProgrammeStatus::Cancelled));
    }

    #[test]
    fn offer_times_must_be_future_and_distinct() {
        let t = |s: &str| s.parse::<DateTime<chrono::FixedOffset>>().unwrap();
        let input = ProgrammeOfferInput {
            library: "kalajoki".into(),
            title: etakirjasto_shared::Localized {
                fi: "Muistojen tuokio".into(),
                ..Default::default()
            },
            description: etakirjasto_shared::Localized {
                fi: "Muistelemme.".into(),
                ..Default::default()
            },
            duration_minutes: 45,
            max_residents: Some(12),
            times: vec![
                t("2026-12-08T13:00:00+02:00"),
                t("2026-12-08T11:00:00Z"),
                t("2026-11-30T13:00:00+02:00"),
            ],
            published: true,
        };
        let faults = check_offer(&input, now()).unwrap_err();
        let fields: Vec<_> = faults.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["times[1]", "times[2]"]);
    }

    #[test]
    fn a_request_needs_a_count_equipment_and_a_reachable_contact() {
        let input = NewProgrammeBooking {
            time_id: "not an id".into(),
            organisation_id: uuid::Uuid::new_v4().to_string(),
            residents: 0,
            equipment: " ".into(),
            onsite_contact_name: "Sari".into(),
            onsite_contact_phone: "abc".into(),
            wishes: None,
        };
        let faults = check_booking(&input).unwrap_err();
        let fields: Vec<_> = faults.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["time_id", "residents", "equipment", "onsite_contact_phone"]
        );
    }
}
