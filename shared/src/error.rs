//! The problem envelope (RFC 9457) and the machine-readable codes inside it.
//!
//! The server answers every error as `application/problem+json` with a `code` from [`ErrorCode`] and,
//! for input errors, the fields at fault with a [`FieldCode`]. The web app chooses the wording in the
//! patron's language from the codes, with the texts below, so server and browser never disagree.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// What went wrong, as a stable machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request body is not valid JSON or does not have the expected shape.
    MalformedRequest,
    /// One or more fields are invalid; see `errors`.
    InvalidInput,
    /// The body is not JSON.
    UnsupportedMediaType,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// No valid access token was given.
    Unauthorized,
    /// Wrong sign-in details.
    InvalidCredentials,
    /// The refresh token is unknown, expired, revoked or already used.
    InvalidRefreshToken,
    /// Signed in, but not allowed to do this.
    Forbidden,
    /// Nothing found at this address.
    NotFound,
    /// The HTTP method is not allowed here.
    MethodNotAllowed,
    /// The request conflicts with what is already stored.
    Conflict,
    /// An account with this email, phone number or card number already exists.
    AccountExists,
    /// Someone else booked this time first.
    SlotTaken,
    /// The booking can no longer be changed (past its cancellation cut-off, or already cancelled).
    BookingLocked,
    /// Registration for the event is not open (not yet, any more, or the event is cancelled).
    RegistrationClosed,
    /// The survey is not taking answers (its first day is still to come, or its last has passed).
    SurveyClosed,
    /// The home-service client has had this item before; `detail` names the days. Send it again
    /// with `allow_repeat` to choose it anyway.
    AlreadyDelivered,
    /// The staff member has not completed every training module the session type requires, so they
    /// cannot be signed off for it yet.
    TrainingIncomplete,
    /// The password was right; the account also needs the code from its authenticator app or a
    /// recovery code in `one_time_code`.
    SecondFactorRequired,
    /// The code from the authenticator app or the recovery code is wrong, used already or expired.
    SecondFactorInvalid,
    /// Staff tools need two-step sign-in: set it up (`POST /api/v1/me/second-factor`) or sign in again
    /// with the code.
    SecondFactorSetupRequired,
    /// Two-step sign-in is already on for this account.
    SecondFactorEnabled,
    /// The API client's id or secret is wrong, or the client was revoked (`POST /api/v1/oauth/token`).
    InvalidClient,
    /// The partner's token does not carry the scope this operation needs, or the operation is not
    /// open to partner tokens at all.
    InsufficientScope,
    /// Too many attempts; wait for `Retry-After` seconds.
    TooManyRequests,
    /// The database does not answer; try again shortly.
    DatabaseUnavailable,
    /// An unexpected error on the server.
    Internal,
}

impl ErrorCode {
    /// The snake_case code as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedRequest => "malformed_request",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::InvalidRefreshToken => "invalid_refresh_token",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::Conflict => "conflict",
            ErrorCode::AccountExists => "account_exists",
            ErrorCode::SlotTaken => "slot_taken",
            ErrorCode::BookingLocked => "booking_locked",
            ErrorCode::RegistrationClosed => "registration_closed",
            ErrorCode::SurveyClosed => "survey_closed",
            ErrorCode::AlreadyDelivered => "already_delivered",
            ErrorCode::TrainingIncomplete => "training_incomplete",
            ErrorCode::SecondFactorRequired => "second_factor_required",
            ErrorCode::SecondFactorInvalid => "second_factor_invalid",
            ErrorCode::SecondFactorSetupRequired => "second_factor_setup_required",
            ErrorCode::SecondFactorEnabled => "second_factor_enabled",
            ErrorCode::InvalidClient => "invalid_client",
            ErrorCode::InsufficientScope => "insufficient_scope",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::DatabaseUnavailable => "database_unavailable",
            ErrorCode::Internal => "internal",
        }
    }

    /// The HTTP status that goes with the code.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::MalformedRequest => 400,
            ErrorCode::InvalidInput => 422,
            ErrorCode::UnsupportedMediaType => 415,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::Unauthorized
            | ErrorCode::InvalidCredentials
            | ErrorCode::InvalidRefreshToken
            | ErrorCode::SecondFactorRequired
            | ErrorCode::SecondFactorInvalid
            | ErrorCode::InvalidClient => 401,
            ErrorCode::Forbidden
            | ErrorCode::SecondFactorSetupRequired
            | ErrorCode::InsufficientScope => 403,
            ErrorCode::NotFound => 404,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::Conflict
            | ErrorCode::AccountExists
            | ErrorCode::SlotTaken
            | ErrorCode::BookingLocked
            | ErrorCode::SecondFactorEnabled
            | ErrorCode::RegistrationClosed
            | ErrorCode::SurveyClosed
            | ErrorCode::AlreadyDelivered
            | ErrorCode::TrainingIncomplete => 409,
            ErrorCode::TooManyRequests => 429,
            ErrorCode::DatabaseUnavailable => 503,
            ErrorCode::Internal => 500,
        }
    }

    /// A plain-language sentence for people, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        use ErrorCode::*;
        match self {
            MalformedRequest => lang.pick(
                "Pyyntö on virheellinen.",
                "Begäran är felaktig.",
                "The request is not valid.",
            ),
            InvalidInput => lang.pick(
                "Tarkista merkityt kentät.",
                "Kontrollera de markerade fälten.",
                "Please check the marked fields.",
            ),
            UnsupportedMediaType => lang.pick(
                "Lähetä tiedot JSON-muodossa.",
                "Skicka uppgifterna som JSON.",
                "Send the data as JSON.",
            ),
            PayloadTooLarge => lang.pick(
                "Lähetetty tieto on liian suuri.",
                "De skickade uppgifterna är för stora.",
                "What you sent is too large.",
            ),
            Unauthorized => lang.pick(
                "Kirjaudu sisään jatkaaksesi.",
                "Logga in för att fortsätta.",
                "Please sign in to continue.",
            ),
            InvalidCredentials => lang.pick(
                "Kirjautumistiedot eivät täsmää. Tarkista ne ja yritä uudelleen.",
                "Inloggningsuppgifterna stämmer inte. Kontrollera dem och försök igen.",
                "Those sign-in details do not match. Check them and try again.",
            ),
            InvalidRefreshToken => lang.pick(
                "Istuntosi on päättynyt. Kirjaudu uudelleen.",
                "Din session har gått ut. Logga in igen.",
                "Your session has ended. Please sign in again.",
            ),
            Forbidden => lang.pick(
                "Sinulla ei ole oikeutta tähän.",
                "Du har inte behörighet till detta.",
                "You are not allowed to do this.",
            ),
            NotFound => lang.pick(
                "Sivua tai tietoa ei löytynyt.",
                "Sidan eller uppgiften hittades inte.",
                "We could not find that.",
            ),
            MethodNotAllowed => lang.pick(
                "Tätä toimintoa ei voi tehdä tässä osoitteessa.",
                "Den här åtgärden kan inte göras på denna adress.",
                "This action is not possible at this address.",
            ),
            Conflict => lang.pick(
                "Tieto on muuttunut toisaalla. Päivitä ja yritä uudelleen.",
                "Uppgiften har ändrats på annat håll. Uppdatera och försök igen.",
                "This was changed elsewhere. Refresh and try again.",
            ),
            AccountExists => lang.pick(
                "Näillä tiedoilla on jo tili. Kirjaudu sisään.",
                "Det finns redan ett konto med dessa uppgifter. Logga in.",
                "An account with these details already exists. Please sign in.",
            ),
            SlotTaken => lang.pick(
                "Joku ehti varata tämän ajan juuri ennen sinua. Valitse toinen aika.",
                "Någon hann boka den här tiden just före dig. Välj en annan tid.",
                "Someone booked this time just before you. Please choose another time.",
            ),
            BookingLocked => lang.pick(
                "Varausta ei voi enää muuttaa verkossa. Soita kirjastoon.",
                "Bokningen kan inte längre ändras på nätet. Ring biblioteket.",
                "This booking can no longer be changed online. Please phone the library.",
            ),
            RegistrationClosed => lang.pick(
                "Tapahtumaan ei voi nyt ilmoittautua. Kysy kirjastosta.",
                "Det går inte att anmäla sig till evenemanget nu. Fråga biblioteket.",
                "Registration for this event is not open now. Please ask the library.",
            ),
            SurveyClosed => lang.pick(
                "Kyselyyn ei voi nyt vastata. Kiitos mielenkiinnosta!",
                "Det går inte att svara på enkäten nu. Tack för ditt intresse!",
                "This survey is not taking answers now. Thank you for your interest!",
            ),
            AlreadyDelivered => lang.pick(
                "Asiakas on saanut tämän jo aiemmin. Valitse se silti, jos hän haluaa sen uudelleen.",
                "Kunden har redan fått detta tidigare. Välj det ändå om kunden vill ha det igen.",
                "The client has had this before. Choose it anyway if they want it again.",
            ),
            TrainingIncomplete => lang.pick(
                "Henkilöltä puuttuu vielä osa palvelun vaatimista koulutuksista.",
                "Personen har ännu inte gått alla utbildningar som tjänsten kräver.",
                "This person has not yet completed all the training the service requires.",
            ),
            InvalidClient => lang.pick(
                "Asiakasohjelman tunnus tai salaisuus on väärä, tai sen käyttö on lopetettu.",
                "Klientens id eller hemlighet är fel, eller så har klienten återkallats.",
                "The client id or secret is wrong, or the client was revoked.",
            ),
            InsufficientScope => lang.pick(
                "Tämän asiakasohjelman oikeudet eivät riitä tähän.",
                "Klientens behörigheter räcker inte till detta.",
                "This client's scopes do not allow this.",
            ),
            SecondFactorRequired => lang.pick(
                "Anna vielä tunnistussovelluksen näyttämä koodi tai varakoodi.",
                "Ange också koden som autentiseringsappen visar eller en reservkod.",
                "Now enter the code shown by your authenticator app, or a recovery code.",
            ),
            SecondFactorInvalid => lang.pick(
                "Koodi ei kelpaa. Anna sovelluksen nyt näyttämä koodi tai käyttämätön varakoodi.",
                "Koden gäller inte. Ange koden som appen visar nu eller en oanvänd reservkod.",
                "That code does not work. Enter the code your app shows now, or an unused recovery code.",
            ),
            SecondFactorSetupRequired => lang.pick(
                "Henkilökunnan työkalut vaativat kaksivaiheisen kirjautumisen. Ota se käyttöön omalla sivullasi tai kirjaudu uudelleen koodilla.",
                "Personalens verktyg kräver tvåstegsinloggning. Aktivera den på din sida eller logga in igen med koden.",
                "Staff tools need two-step sign-in. Set it up on your page, or sign in again with your code.",
            ),
            SecondFactorEnabled => lang.pick(
                "Kaksivaiheinen kirjautuminen on jo käytössä.",
                "Tvåstegsinloggning används redan.",
                "Two-step sign-in is already on.",
            ),
            TooManyRequests => lang.pick(
                "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
                "För många försök. Vänta en stund och försök igen.",
                "Too many attempts. Please wait a moment and try again.",
            ),
            DatabaseUnavailable => lang.pick(
                "Palvelu on hetken poissa käytöstä. Yritä pian uudelleen.",
                "Tjänsten är tillfälligt otillgänglig. Försök snart igen.",
                "The service is briefly unavailable. Please try again soon.",
            ),
            Internal => lang.pick(
                "Jotain meni vikaan. Yritä uudelleen tai soita kirjastoon.",
                "Något gick fel. Försök igen eller ring biblioteket.",
                "Something went wrong. Try again or phone the library.",
            ),
        }
    }
}

/// Why one field was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// The field is missing or empty.
    Required,
    /// The value is shorter than allowed.
    TooShort,
    /// The value is longer than allowed.
    TooLong,
    /// The value does not have the expected form.
    InvalidFormat,
    /// The field is not known here.
    UnknownField,
    /// Another account already uses this value.
    Taken,
    /// The value is not one of the allowed ones.
    InvalidChoice,
    /// The value is well-formed but wrong (a password that does not match).
    Incorrect,
    /// A number outside the range allowed.
    OutOfRange,
    /// A colour too light for white text on it (a contrast under 4.5:1).
    LowContrast,
}

impl FieldCode {
    /// A plain-language sentence for people, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        use FieldCode::*;
        match self {
            Required => lang.pick(
                "Tämä tieto puuttuu.",
                "Uppgiften saknas.",
                "This is required.",
            ),
            TooShort => lang.pick(
                "Tämä on liian lyhyt.",
                "Detta är för kort.",
                "This is too short.",
            ),
            TooLong => lang.pick(
                "Tämä on liian pitkä.",
                "Detta är för långt.",
                "This is too long.",
            ),
            InvalidFormat => lang.pick(
                "Tarkista muoto.",
                "Kontrollera formatet.",
                "Please check the format.",
            ),
            UnknownField => lang.pick("Tuntematon kenttä.", "Okänt fält.", "Unknown field."),
            Taken => lang.pick(
                "Tämä on jo käytössä toisella tilillä.",
                "Detta används redan av ett annat konto.",
                "This is already used by another account.",
            ),
            InvalidChoice => lang.pick(
                "Valitse yksi vaihtoehdoista.",
                "Välj ett av alternativen.",
                "Choose one of the options.",
            ),
            LowContrast => lang.pick(
                "Väri on liian vaalea: valkoinen teksti ei erotu siitä tarpeeksi hyvin. Valitse tummempi väri.",
                "Färgen är för ljus: vit text syns inte tillräckligt bra på den. Välj en mörkare färg.",
                "The colour is too light for white text on it to be read well. Choose a darker colour.",
            ),
            OutOfRange => lang.pick(
                "Luku ei ole sallitulla välillä.",
                "Talet ligger inte inom det tillåtna intervallet.",
                "The number is outside the range allowed.",
            ),
            Incorrect => lang.pick(
                "Tämä ei täsmää. Tarkista ja yritä uudelleen.",
                "Detta stämmer inte. Kontrollera och försök igen.",
                "This does not match. Check it and try again.",
            ),
        }
    }
}

/// One field at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as in the request body (`email`, `password`, …).
    #[cfg_attr(feature = "openapi", schema(example = "email"))]
    pub field: String,
    /// Why it was rejected.
    pub code: FieldCode,
    /// A sentence for people, in the language of the request's `Accept-Language`.
    #[cfg_attr(feature = "openapi", schema(example = "Please check the format."))]
    pub message: String,
}

impl FieldError {
    /// A field error worded in `lang`.
    pub fn new(field: impl Into<String>, code: FieldCode, lang: Lang) -> Self {
        FieldError {
            field: field.into(),
            code,
            message: code.message(lang).to_owned(),
        }
    }
}

/// An RFC 9457 problem document, the body of every error answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:etakirjasto:problem:<code>`).
    #[serde(rename = "type")]
    #[cfg_attr(
        feature = "openapi",
        schema(example = "urn:etakirjasto:problem:invalid_input")
    )]
    pub kind: String,
    /// A short summary of the kind of problem, in the request's language.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Please check the marked fields.")
    )]
    pub title: String,
    /// The HTTP status code.
    #[cfg_attr(feature = "openapi", schema(example = 422))]
    pub status: u16,
    /// What happened in this case, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The machine-readable code.
    pub code: ErrorCode,
    /// The fields at fault, for input errors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    /// A problem with the standard wording for `code` in `lang`.
    pub fn new(code: ErrorCode, lang: Lang) -> Self {
        Problem {
            kind: format!("urn:etakirjasto:problem:{}", code.as_str()),
            title: code.message(lang).to_owned(),
            status: code.status(),
            detail: None,
            code,
            errors: Vec::new(),
        }
    }

    /// The message for one field, if that field is at fault.
    pub fn field(&self, name: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.field == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_serialises_with_type_and_snake_case_codes() {
        let mut p = Problem::new(ErrorCode::InvalidInput, Lang::En);
        p.errors
            .push(FieldError::new("email", FieldCode::InvalidFormat, Lang::En));
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "urn:etakirjasto:problem:invalid_input");
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["status"], 422);
        assert_eq!(json["errors"][0]["code"], "invalid_format");
    }

    #[test]
    fn as_str_matches_serde_name() {
        for code in [
            ErrorCode::MalformedRequest,
            ErrorCode::AccountExists,
            ErrorCode::DatabaseUnavailable,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
