//! What a booking request must contain, and when a booking may still be changed.
//!
//! *Invariant:* no I/O; `now` is a parameter.

use chrono::{DateTime, Duration, Utc};
use etakirjasto_shared::{FieldCode, NewBooking, Service, SessionMode, validate};

use crate::auth::rules::FieldFaults;

/// Longest answer to a booking question, in characters.
pub const ANSWER_MAX: usize = 2000;

/// Who the booking is for, as checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// Name to use.
    pub name: String,
    /// Email, if any.
    pub email: Option<String>,
    /// Phone (E.164), if any.
    pub phone: Option<String>,
}

/// The account behind a booking, when there is one: (name, email, phone).
pub type Account<'a> = Option<(&'a str, Option<&'a str>, Option<&'a str>)>;

/// Checks a booking request against its service; returns the contact and the answers.
pub fn check(
    req: &NewBooking,
    service: &Service,
    account: Account<'_>,
) -> Result<(Contact, Vec<String>), FieldFaults> {
    let mut faults = FieldFaults::new();
    if !service.modes.contains(&req.mode) {
        faults.push(("mode".into(), FieldCode::InvalidChoice));
    }
    if req.answers.len() > service.questions.len() {
        faults.push(("answers".into(), FieldCode::TooLong));
    }
    let mut answers: Vec<String> = req.answers.iter().map(|a| a.trim().to_owned()).collect();
    for (i, a) in answers.iter().enumerate() {
        if a.chars().count() > ANSWER_MAX {
            faults.push((format!("answers[{i}]"), FieldCode::TooLong));
        } else if let Err(code) = validate::free_text(a) {
            faults.push((format!("answers[{i}]"), code));
        }
    }
    if answers.len() < service.questions.len() {
        answers.resize(service.questions.len(), String::new());
    }
    if service.ground_rules.is_some() && !req.accept_ground_rules {
        faults.push(("accept_ground_rules".into(), FieldCode::Required));
    }
    let phone = match req
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => match validate::phone(p) {
            Ok(p) => Some(p),
            Err(c) => {
                faults.push(("phone".into(), c));
                None
            }
        },
        None => account.and_then(|(_, _, p)| p.map(str::to_owned)),
    };
    let contact = match account {
        Some((name, email, _)) => Some(Contact {
            name: name.to_owned(),
            email: email.map(str::to_owned),
            phone: phone.clone(),
        }),
        None => {
            let name = match req.name.as_deref().map(validate::name) {
                Some(Ok(n)) => Some(n),
                Some(Err(c)) => {
                    faults.push(("name".into(), c));
                    None
                }
                None => {
                    faults.push(("name".into(), FieldCode::Required));
                    None
                }
            };
            let email = match req
                .email
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
            {
                Some(e) => validate::email(e)
                    .map_err(|c| faults.push(("email".into(), c)))
                    .ok(),
                None => None,
            };
            if email.is_none() && phone.is_none() && req.email.is_none() && req.phone.is_none() {
                faults.push(("email".into(), FieldCode::Required));
            }
            name.map(|name| Contact {
                name,
                email,
                phone: phone.clone(),
            })
        }
    };
    if req.mode == SessionMode::Phone
        && phone.is_none()
        && !faults.iter().any(|(f, _)| f == "phone")
    {
        faults.push(("phone".into(), FieldCode::Required));
    }
    match contact {
        Some(c) if faults.is_empty() => Ok((c, answers)),
        _ => Err(faults),
    }
}

/// Until when the patron may cancel a booking that starts at `start`.
pub fn cancellable_until(start: DateTime<Utc>, cutoff_minutes: i64) -> DateTime<Utc> {
    start - Duration::minutes(cutoff_minutes)
}

/// Whether a patron (not staff) may still cancel at `now`.
pub fn patron_may_cancel(start: DateTime<Utc>, cutoff_minutes: i64, now: DateTime<Utc>) -> bool {
    now < cancellable_until(start, cutoff_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use etakirjasto_shared::Localized;

    fn service(modes: Vec<SessionMode>, rules: bool) -> Service {
        Service {
            id: "s".into(),
            library: "kalajoki".into(),
            name: Localized::default(),
            description: Localized::default(),
            duration_minutes: 30,
            modes,
            buffer_before_minutes: 0,
            buffer_after_minutes: 0,
            min_notice_minutes: 0,
            booking_window_days: 30,
            cancellation_cutoff_minutes: 60,
            questions: vec![Localized {
                fi: "Mitä?".into(),
                ..Default::default()
            }],
            ground_rules: rules.then(|| Localized {
                fi: "Säännöt".into(),
                ..Default::default()
            }),
            active: true,
        }
    }

    fn req(mode: SessionMode) -> NewBooking {
        NewBooking {
            service_id: "s".into(),
            start: "2026-12-07T09:00:00+02:00".parse().unwrap(),
            mode,
            answers: vec![],
            accept_ground_rules: false,
            name: None,
            email: None,
            phone: None,
            language: None,
            patron_consent: false,
        }
    }

    fn fields(r: Result<(Contact, Vec<String>), FieldFaults>) -> Vec<String> {
        r.unwrap_err().into_iter().map(|(f, _)| f).collect()
    }

    #[test]
    fn a_guest_needs_a_name_and_a_way_to_be_reached() {
        let s = service(vec![SessionMode::Video], false);
        assert_eq!(
            fields(check(&req(SessionMode::Video), &s, None)),
            ["name", "email"]
        );
        let mut ok = req(SessionMode::Video);
        ok.name = Some("Vieras".into());
        ok.email = Some("VIERAS@example.fi".into());
        let (contact, answers) = check(&ok, &s, None).unwrap();
        assert_eq!(contact.email.as_deref(), Some("vieras@example.fi"));
        assert_eq!(answers, [""], "one answer slot per question");
    }

    #[test]
    fn phone_sessions_need_a_number_and_rules_must_be_accepted() {
        let s = service(vec![SessionMode::Phone], true);
        let account: Account<'_> = Some(("Maija", Some("m@example.fi"), None));
        assert_eq!(
            fields(check(&req(SessionMode::Phone), &s, account)),
            ["accept_ground_rules", "phone"]
        );
        let mut r = req(SessionMode::Phone);
        r.accept_ground_rules = true;
        r.phone = Some("040 123 4567".into());
        assert_eq!(
            check(&r, &s, account).unwrap().0.phone.as_deref(),
            Some("+358401234567")
        );
        assert_eq!(
            fields(check(&req(SessionMode::Video), &s, account)),
            ["mode", "accept_ground_rules"]
        );
    }

    #[test]
    fn cancellation_cut_off() {
        let start: DateTime<Utc> = "2026-12-07T10:00:00Z".parse().unwrap();
        assert!(patron_may_cancel(
            start,
            60,
            "2026-12-07T08:59:59Z".parse().unwrap()
        ));
        assert!(!patron_may_cancel(
            start,
            60,
            "2026-12-07T09:00:00Z".parse().unwrap()
        ));
    }
}
