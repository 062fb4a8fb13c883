//! Sign-in rules: what a registration or sign-in must contain, and when to throttle.
//!
//! *Invariant:* no I/O here; `now` is a parameter.

use chrono::{Duration, NaiveDateTime};
use etakirjasto_shared::{FieldCode, LoginRequest, RegisterRequest, validate};

/// Fields at fault, as the error type wants them.
pub type FieldFaults = Vec<(String, FieldCode)>;

/// How far back sign-in failures count.
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;
/// Failures for one account, since its last success, before it is throttled.
pub const ACCOUNT_FAILURE_LIMIT: usize = 5;
/// Failures from one address before it is throttled.
pub const ADDRESS_FAILURE_LIMIT: usize = 30;

/// A validated registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// Display name.
    pub name: String,
    /// Normalised email.
    pub email: Option<String>,
    /// E.164 phone.
    pub phone: Option<String>,
    /// Password (plain; hashed before storing).
    pub password: Option<String>,
    /// Card number.
    pub card_number: Option<String>,
    /// PIN (plain; hashed before storing).
    pub pin: Option<String>,
    /// Library slug, if given.
    pub library: Option<String>,
}

fn check(
    field: &str,
    raw: &Option<String>,
    rule: fn(&str) -> Result<String, FieldCode>,
    faults: &mut FieldFaults,
) -> Option<String> {
    let raw = raw.as_deref()?;
    match rule(raw) {
        Ok(v) => Some(v),
        Err(code) => {
            faults.push((field.to_owned(), code));
            None
        }
    }
}

/// Checks a registration: a name, and a password with email or phone, or a card with a PIN.
pub fn parse_registration(req: &RegisterRequest) -> Result<NewAccount, FieldFaults> {
    let mut faults = FieldFaults::new();
    let name = match validate::name(&req.name) {
        Ok(n) => Some(n),
        Err(code) => {
            faults.push(("name".into(), code));
            None
        }
    };
    let blank = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let (email_raw, phone_raw, password_raw) = (
        blank(&req.email),
        blank(&req.phone),
        req.password.clone().filter(|p| !p.is_empty()),
    );
    let (card_raw, pin_raw) = (blank(&req.card_number), blank(&req.pin));
    let email = check("email", &email_raw, validate::email, &mut faults);
    let phone = check("phone", &phone_raw, validate::phone, &mut faults);
    let password = check("password", &password_raw, validate::password, &mut faults);
    let card_number = check("card_number", &card_raw, validate::card_number, &mut faults);
    let pin = check("pin", &pin_raw, validate::pin, &mut faults);
    let library = check("library", &blank(&req.library), validate::slug, &mut faults);

    let wants_password = email_raw.is_some() || phone_raw.is_some() || password_raw.is_some();
    let wants_card = card_raw.is_some() || pin_raw.is_some();
    if wants_password {
        if password_raw.is_none() {
            faults.push(("password".into(), FieldCode::Required));
        }
        if email_raw.is_none() && phone_raw.is_none() {
            faults.push(("email".into(), FieldCode::Required));
        }
    }
    if wants_card {
        if card_raw.is_none() {
            faults.push(("card_number".into(), FieldCode::Required));
        }
        if pin_raw.is_none() {
            faults.push(("pin".into(), FieldCode::Required));
        }
    }
    if !wants_password && !wants_card {
        faults.push(("email".into(), FieldCode::Required));
        faults.push(("password".into(), FieldCode::Required));
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    Ok(NewAccount {
        name: name.unwrap_or_default(),
        email,
        phone,
        password,
        card_number,
        pin,
        library,
    })
}

/// Which account a sign-in names, and the secret offered for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// Email with password.
    Email { email: String, password: String },
    /// Phone with password.
    Phone { phone: String, password: String },
    /// Library card with PIN.
    Card { card_number: String, pin: String },
}

impl Credentials {
    /// The key under which failures are counted; the same whether or not the account exists.
    pub fn account_key(&self) -> String {
        match self {
            Credentials::Email { email, .. } => format!("email:{email}"),
            Credentials::Phone { phone, .. } => format!("phone:{phone}"),
            Credentials::Card { card_number, .. } => format!("card:{card_number}"),
        }
    }
}

/// Checks sign-in details. Only the form is checked here (a PIN of letters can never match);
/// length rules for passwords are not, so old accounts can still sign in if the rule tightens.
pub fn parse_login(req: &LoginRequest) -> Result<Credentials, FieldFaults> {
    let present = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
    let mut faults = FieldFaults::new();
    // A card field that is there at all, even empty, means a card sign-in: an empty PIN is refused,
    // not ignored.
    if req.card_number.is_some() || req.pin.is_some() {
        let card = req
            .card_number
            .as_deref()
            .map(validate::card_number)
            .unwrap_or(Err(FieldCode::Required));
        let pin = match req.pin.as_deref().map(str::trim) {
            None | Some("") => Err(FieldCode::Required),
            Some(p) if p.chars().all(|c| c.is_ascii_digit()) => Ok(p.to_owned()),
            Some(_) => Err(FieldCode::InvalidFormat),
        };
        return match (card, pin) {
            (Ok(card_number), Ok(pin)) => Ok(Credentials::Card { card_number, pin }),
            (card, pin) => {
                if let Err(c) = card {
                    faults.push(("card_number".into(), c));
                }
                if let Err(c) = pin {
                    faults.push(("pin".into(), c));
                }
                Err(faults)
            }
        };
    }
    let password = req.password.clone().filter(|p| !p.is_empty());
    if password.is_none() {
        faults.push(("password".into(), FieldCode::Required));
    }
    let who = if present(&req.phone) && !present(&req.email) {
        validate::phone(req.phone.as_deref().unwrap_or_default())
            .map(Some)
            .map_err(|c| ("phone", c))
    } else {
        validate::email(req.email.as_deref().unwrap_or_default())
            .map(Some)
            .map_err(|c| ("email", c))
    };
    let who = match who {
        Ok(w) => w,
        Err((field, code)) => {
            faults.push((field.into(), code));
            None
        }
    };
    match (who, password) {
        (Some(id), Some(password)) if faults.is_empty() => {
            if present(&req.phone) && !present(&req.email) {
                Ok(Credentials::Phone {
                    phone: id,
                    password,
                })
            } else {
                Ok(Credentials::Email {
                    email: id,
                    password,
                })
            }
        }
        _ => Err(faults),
    }
}

/// One earlier sign-in attempt.
#[derive(Debug, Clone, Copy)]
pub struct Attempt {
    /// When it happened.
    pub at: NaiveDateTime,
    /// Whether it succeeded.
    pub succeeded: bool,
}

/// Seconds to wait before an account may try again, or `None` when it may try now.
///
/// `attempts` are the account's attempts within the window, in any order. Failures count only
/// after the last success; the wait ends when the oldest counted failure leaves the window.
pub fn account_wait(attempts: &[Attempt], now: NaiveDateTime) -> Option<u64> {
    let window_start = now - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let last_success = attempts.iter().filter(|a| a.succeeded).map(|a| a.at).max();
    let mut failures: Vec<NaiveDateTime> = attempts
        .iter()
        .filter(|a| !a.succeeded && a.at > window_start && last_success.is_none_or(|s| a.at > s))
        .map(|a| a.at)
        .collect();
    wait_for(&mut failures, ACCOUNT_FAILURE_LIMIT, now)
}

/// Seconds to wait before an address may try again, given its failures within the window.
pub fn address_wait(failures: &mut [NaiveDateTime], now: NaiveDateTime) -> Option<u64> {
    wait_for(failures, ADDRESS_FAILURE_LIMIT, now)
}

fn wait_for(failures: &mut [NaiveDateTime], limit: usize, now: NaiveDateTime) -> Option<u64> {
    if failures.len() < limit {
        return None;
    }
    failures.sort();
    // The attempt that must leave the window before the count drops below the limit.
    let decisive = failures[failures.len() - limit];
    let free_at = decisive + Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let secs = (free_at - now).num_seconds();
    Some(secs.max(1) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn reg(f: impl FnOnce(&mut RegisterRequest)) -> Result<NewAccount, FieldFaults> {
        let mut r = RegisterRequest {
            name: "Maija".into(),
            ..Default::default()
        };
        f(&mut r);
        parse_registration(&r)
    }

    fn has(faults: &FieldFaults, field: &str, code: FieldCode) -> bool {
        faults.iter().any(|(f, c)| f == field && *c == code)
    }

    #[test]
    fn registration_needs_one_complete_way_to_sign_in() {
        let e = reg(|_| {}).unwrap_err();
        assert!(has(&e, "email", FieldCode::Required) && has(&e, "password", FieldCode::Required));
        let e = reg(|r| r.email = Some("maija@example.fi".into())).unwrap_err();
        assert!(has(&e, "password", FieldCode::Required));
        let e = reg(|r| r.card_number = Some("12345678".into())).unwrap_err();
        assert!(has(&e, "pin", FieldCode::Required));
        let ok = reg(|r| {
            r.phone = Some("040 123 4567".into());
            r.password = Some("long enough pass".into());
        })
        .unwrap();
        assert_eq!(ok.phone.as_deref(), Some("+358401234567"));
        assert!(
            reg(|r| {
                r.card_number = Some("12345678".into());
                r.pin = Some("1234".into());
            })
            .is_ok()
        );
    }

    #[test]
    fn registration_reports_every_bad_field() {
        let e = reg(|r| {
            r.name = " ".into();
            r.email = Some("nope".into());
            r.password = Some("short".into());
        })
        .unwrap_err();
        assert!(has(&e, "name", FieldCode::Required), "{e:?}");
        assert!(has(&e, "email", FieldCode::InvalidFormat), "{e:?}");
        assert!(has(&e, "password", FieldCode::TooShort), "{e:?}");
    }

    #[test]
    fn login_forms() {
        let email = LoginRequest {
            email: Some("A@B.fi".into()),
            password: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(parse_login(&email).unwrap().account_key(), "email:a@b.fi");
        let card = LoginRequest {
            card_number: Some("12345678".into()),
            pin: Some("1234".into()),
            ..Default::default()
        };
        assert_eq!(parse_login(&card).unwrap().account_key(), "card:12345678");
        let phone = LoginRequest {
            phone: Some("0401234567".into()),
            password: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(
            parse_login(&phone).unwrap().account_key(),
            "phone:+358401234567"
        );
        let bad = LoginRequest {
            card_number: Some("12345678".into()),
            pin: Some("12a4".into()),
            ..Default::default()
        };
        assert!(has(
            &parse_login(&bad).unwrap_err(),
            "pin",
            FieldCode::InvalidFormat
        ));
        let empty = parse_login(&LoginRequest::default()).unwrap_err();
        assert!(
            has(&empty, "email", FieldCode::Required)
                && has(&empty, "password", FieldCode::Required)
        );
    }

    fn t(min: u32, sec: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(12, min, sec)
            .unwrap()
    }

    #[test]
    fn throttle_after_five_failures_until_the_first_leaves_the_window() {
        let fails: Vec<Attempt> = (0..5)
            .map(|i| Attempt {
                at: t(i, 0),
                succeeded: false,
            })
            .collect();
        assert_eq!(account_wait(&fails[..4], t(5, 0)), None);
        assert_eq!(account_wait(&fails, t(5, 0)), Some(10 * 60));
        let mut with_success = fails.clone();
        with_success.push(Attempt {
            at: t(4, 30),
            succeeded: true,
        });
        assert_eq!(
            account_wait(&with_success, t(5, 0)),
            None,
            "a success resets the count"
        );
    }
}
