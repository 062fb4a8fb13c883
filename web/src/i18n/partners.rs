//! Texts of the admins' page of partner systems (API clients).

use etakirjasto_shared::{ApiScope, Lang};

use super::Text;

/// A text of the API clients page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partners {
    /// Title.
    Title,
    /// The line under it.
    Intro,
    /// Link from the staff dashboard.
    Link,
    /// For admins only.
    AdminsOnly,
    /// Heading of the form for a new client.
    NewHeading,
    /// Heading of the form when changing a client.
    EditHeading,
    /// Field: the partner system's name.
    Name,
    /// Its hint.
    NameHint,
    /// Field group: the scopes.
    Scopes,
    /// Its hint.
    ScopesHint,
    /// Field: origins.
    Origins,
    /// Its hint.
    OriginsHint,
    /// Field: calls per minute.
    RateLimit,
    /// Its hint.
    RateLimitHint,
    /// Button: create.
    Create,
    /// Button: save changes.
    Save,
    /// Button: stop changing.
    CancelEdit,
    /// Heading of the secret shown once.
    SecretHeading,
    /// What to do with it.
    SecretIntro,
    /// Label: client id.
    ClientId,
    /// Label: secret.
    Secret,
    /// Button: the secret is stored.
    SecretStored,
    /// Heading of the list.
    ListHeading,
    /// No clients yet.
    Empty,
    /// Label: created.
    Created,
    /// Label: last call.
    LastCall,
    /// No calls yet.
    Never,
    /// Label: calls in the last 24 hours.
    CallsLastDay,
    /// Label: origins (in the list).
    OriginsShort,
    /// Server-to-server only.
    NoOrigins,
    /// Label: state.
    State,
    /// In use.
    Active,
    /// Revoked (followed by the time).
    Revoked,
    /// Button: change.
    Edit,
    /// Button: new secret.
    NewSecret,
    /// Button: revoke.
    Revoke,
    /// The question before revoking.
    RevokeQuestion,
    /// Button: yes, revoke.
    ConfirmRevoke,
    /// Button: do not revoke.
    KeepIt,
    /// Button: show calls.
    ShowCalls,
    /// Button: hide calls.
    HideCalls,
    /// Caption of the calls table.
    CallsCaption,
    /// Column: when.
    When,
    /// Column: method and route.
    Route,
    /// Column: status.
    Status,
    /// No calls.
    NoCalls,
    /// Said after creating.
    CreatedSaid,
    /// Said after saving.
    SavedSaid,
    /// Said after revoking.
    RevokedSaid,
    /// Said after a new secret.
    RenewedSaid,
    /// Per minute.
    PerMinute,
    /// Label: the rate limit (in the list).
    RateLimitShort,
}

impl Text for Partners {
    fn text(self, lang: Lang) -> &'static str {
        use Partners::*;
        match self {
            Title => lang.pick("Kumppanijärjestelmät", "Partnersystem", "Partner systems"),
            Intro => lang.pick(
                "Kumppanin järjestelmä (esimerkiksi kaupungin verkkosivut tai tapahtumakalenteri) käyttää kirjaston tietoja rajapinnan kautta omalla tunnuksellaan. Valitse, mitä se saa tehdä.",
                "Ett partnersystem (till exempel stadens webbplats eller evenemangskalender) använder bibliotekets uppgifter via gränssnittet med ett eget id. Välj vad det får göra.",
                "A partner's system (such as the city website or an event calendar) uses the library's data through the API with its own client. Choose what it may do.",
            ),
            Link => lang.pick("Kumppanijärjestelmät (ylläpitäjille)", "Partnersystem (för administratörer)", "Partner systems (admins)"),
            AdminsOnly => lang.pick(
                "Kumppanijärjestelmiä hallitsevat kirjaston ylläpitäjät.",
                "Partnersystemen hanteras av bibliotekets administratörer.",
                "Partner systems are managed by the library's admins.",
            ),
            NewHeading => lang.pick("Uusi kumppanijärjestelmä", "Nytt partnersystem", "New partner system"),
            EditHeading => lang.pick("Muuta kumppanijärjestelmää", "Ändra partnersystem", "Change partner system"),
            Name => lang.pick("Järjestelmän nimi", "Systemets namn", "System name"),
            NameHint => lang.pick(
                "Nimi, josta henkilökunta tunnistaa järjestelmän.",
                "Ett namn som personalen känner igen systemet på.",
                "A name staff will recognise the system by.",
            ),
            Scopes => lang.pick("Mitä järjestelmä saa tehdä", "Vad systemet får göra", "What the system may do"),
            ScopesHint => lang.pick("Valitse vähintään yksi.", "Välj minst ett.", "Choose at least one."),
            Origins => lang.pick("Sallitut verkkosivustot", "Tillåtna webbplatser", "Allowed websites"),
            OriginsHint => lang.pick(
                "Yksi osoite riville, esimerkiksi https://www.kalajoki.fi. Vain näiden sivustojen sivut voivat kutsua rajapintaa selaimesta. Jätä tyhjäksi, jos järjestelmä kutsuu vain palvelimelta.",
                "En adress per rad, till exempel https://www.kalajoki.fi. Bara dessa webbplatsers sidor kan anropa gränssnittet från webbläsaren. Lämna tomt om systemet bara anropar från en server.",
                "One address a line, for example https://www.kalajoki.fi. Only these websites' pages may call the API from a browser. Leave empty if the system calls from a server only.",
            ),
            RateLimit => lang.pick("Kutsuja minuutissa enintään", "Högst anrop per minut", "Calls per minute at most"),
            RateLimitHint => lang.pick("1–10 000.", "1–10 000.", "1–10,000."),
            Create => lang.pick("Luo tunnus", "Skapa id", "Create client"),
            Save => lang.pick("Tallenna muutokset", "Spara ändringarna", "Save changes"),
            CancelEdit => lang.pick("Peruuta muutos", "Avbryt ändringen", "Cancel the change"),
            SecretHeading => lang.pick("Tallenna salaisuus nyt", "Spara hemligheten nu", "Store the secret now"),
            SecretIntro => lang.pick(
                "Salaisuus näytetään vain tämän kerran. Anna tunnus ja salaisuus kumppanin järjestelmän ylläpitäjälle turvallista reittiä. Jos salaisuus katoaa, tee uusi.",
                "Hemligheten visas bara denna gång. Ge id och hemlighet till partnersystemets administratör på ett säkert sätt. Om hemligheten försvinner, skapa en ny.",
                "The secret is shown this once. Give the client id and secret to the partner system's administrator by a safe route. If the secret is lost, make a new one.",
            ),
            ClientId => lang.pick("Tunnus (client_id)", "Id (client_id)", "Client id (client_id)"),
            Secret => lang.pick("Salaisuus (client_secret)", "Hemlighet (client_secret)", "Secret (client_secret)"),
            SecretStored => lang.pick("Salaisuus on tallessa", "Hemligheten är sparad", "The secret is stored"),
            ListHeading => lang.pick("Kirjaston kumppanijärjestelmät", "Bibliotekets partnersystem", "The library's partner systems"),
            Empty => lang.pick("Ei vielä yhtään.", "Inga ännu.", "None yet."),
            Created => lang.pick("Luotu", "Skapad", "Created"),
            LastCall => lang.pick("Viimeisin kutsu", "Senaste anrop", "Last call"),
            Never => lang.pick("ei vielä", "inte ännu", "none yet"),
            CallsLastDay => lang.pick("Kutsuja viimeisen vuorokauden aikana", "Anrop under det senaste dygnet", "Calls in the last 24 hours"),
            OriginsShort => lang.pick("Sivustot", "Webbplatser", "Websites"),
            NoOrigins => lang.pick("vain palvelimelta", "bara från server", "from a server only"),
            State => lang.pick("Tila", "Status", "State"),
            Active => lang.pick("käytössä", "i bruk", "in use"),
            Revoked => lang.pick("käyttö lopetettu", "återkallad", "revoked"),
            Edit => lang.pick("Muuta", "Ändra", "Change"),
            NewSecret => lang.pick("Tee uusi salaisuus", "Skapa ny hemlighet", "Make a new secret"),
            Revoke => lang.pick("Lopeta käyttö", "Återkalla", "Revoke"),
            RevokeQuestion => lang.pick(
                "Järjestelmä ei voi enää käyttää rajapintaa. Tätä ei voi perua.",
                "Systemet kan inte längre använda gränssnittet. Det går inte att ångra.",
                "The system can no longer use the API. This cannot be undone.",
            ),
            ConfirmRevoke => lang.pick("Kyllä, lopeta käyttö", "Ja, återkalla", "Yes, revoke"),
            KeepIt => lang.pick("Älä lopeta", "Återkalla inte", "Do not revoke"),
            ShowCalls => lang.pick("Näytä kutsut", "Visa anrop", "Show calls"),
            HideCalls => lang.pick("Piilota kutsut", "Dölj anrop", "Hide calls"),
            CallsCaption => lang.pick("Viimeisimmät kutsut", "Senaste anrop", "Latest calls"),
            When => lang.pick("Milloin", "När", "When"),
            Route => lang.pick("Kutsu", "Anrop", "Call"),
            Status => lang.pick("Vastaus", "Svar", "Answer"),
            NoCalls => lang.pick("Ei kutsuja.", "Inga anrop.", "No calls."),
            CreatedSaid => lang.pick("Tunnus luotu.", "Id skapat.", "Client created."),
            SavedSaid => lang.pick("Muutokset tallennettu.", "Ändringarna sparade.", "Changes saved."),
            RevokedSaid => lang.pick("Käyttö lopetettu.", "Återkallad.", "Revoked."),
            RenewedSaid => lang.pick(
                "Uusi salaisuus tehty. Vanha salaisuus ei enää toimi.",
                "Ny hemlighet skapad. Den gamla fungerar inte längre.",
                "New secret made. The old secret no longer works.",
            ),
            PerMinute => lang.pick("kutsua minuutissa", "anrop per minut", "calls per minute"),
            RateLimitShort => lang.pick("Kutsuja enintään", "Högst anrop", "Calls at most"),
        }
    }
}

/// A scope in plain words.
pub fn scope_name(lang: Lang, scope: ApiScope) -> String {
    match scope {
        ApiScope::EventsRead => lang.pick("Lukea tapahtumat", "Läsa evenemang", "Read events"),
        ApiScope::SlotsRead => lang.pick(
            "Lukea henkilökohtaisten tapaamisten vapaat ajat",
            "Läsa lediga tider för personliga möten",
            "Read the free times of one-to-one sessions",
        ),
        ApiScope::BookingsWrite => lang.pick(
            "Varata tapaamisia asiakkaan puolesta",
            "Boka möten för låntagare",
            "Book sessions for patrons",
        ),
        ApiScope::RegistrationsWrite => lang.pick(
            "Ilmoittaa asiakkaita tapahtumiin",
            "Anmäla låntagare till evenemang",
            "Register patrons for events",
        ),
        ApiScope::GuidesRead => lang.pick(
            "Lukea julkaistut toimintamallit",
            "Läsa publicerade verksamhetsmodeller",
            "Read published operating models",
        ),
        ApiScope::WebhooksManage => lang.pick(
            "Tilata ilmoitukset tapahtumien ja varausten muutoksista (webhookit)",
            "Prenumerera på meddelanden om ändringar i evenemang och bokningar (webhooks)",
            "Subscribe to notices of changes to events and bookings (webhooks)",
        ),
    }
    .to_owned()
}
