//! Texts of the admins' audit-log page, and the actions in plain words.

use etakirjasto_shared::Lang;

use super::Text;

/// A text of the audit-log page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audit {
    /// Title.
    Title,
    /// The line under it.
    Intro,
    /// Link from the staff dashboard.
    Link,
    /// Field: the record.
    Record,
    /// Its hint.
    RecordHint,
    /// Field: the action.
    Action,
    /// Every action.
    AnyAction,
    /// Show.
    Show,
    /// Table caption.
    Caption,
    /// Column: when.
    When,
    /// Column: who.
    Who,
    /// The system (no person).
    System,
    /// An account that no longer exists.
    Removed,
    /// Nothing found.
    Empty,
    /// Show more.
    More,
    /// For admins only.
    AdminsOnly,
    /// Link from a client's page.
    ClientLink,
}

impl Text for Audit {
    fn text(self, lang: Lang) -> &'static str {
        use Audit::*;
        match self {
            Title => lang.pick("Lokitiedot henkilötietojen käsittelystä", "Logg över behandling av personuppgifter", "Audit log of personal data"),
            Intro => lang.pick(
                "Kuka luki tai muutti henkilötietoja, milloin ja mitä. Lokissa on vain tunnisteet, ei itse tietoja.",
                "Vem som läste eller ändrade personuppgifter, när och vad. Loggen har bara id:n, inte själva uppgifterna.",
                "Who read or changed personal data, when and what. The log holds identifiers only, never the data.",
            ),
            Link => lang.pick("Lokitiedot henkilötietojen käsittelystä (ylläpitäjille)", "Logg över personuppgifter (för administratörer)", "Audit log of personal data (admins)"),
            Record => lang.pick("Tietueen tunniste", "Postens id", "Record id"),
            RecordHint => lang.pick(
                "Esimerkiksi kotipalvelun asiakkaan tunniste: näet kaikki, jotka ovat käsitelleet hänen tietojaan.",
                "Till exempel en hemservicekunds id: du ser alla som har behandlat kundens uppgifter.",
                "A home-delivery client's id, say: you see everyone who has read or changed their data.",
            ),
            Action => lang.pick("Toimenpide", "Åtgärd", "Action"),
            AnyAction => lang.pick("Kaikki toimenpiteet", "Alla åtgärder", "Every action"),
            Show => lang.pick("Näytä", "Visa", "Show"),
            Caption => lang.pick("Lokimerkinnät, uusin ensin", "Loggposter, nyaste först", "Entries, newest first"),
            When => lang.pick("Milloin", "När", "When"),
            Who => lang.pick("Kuka", "Vem", "Who"),
            System => lang.pick("järjestelmä (ajastettu tehtävä)", "systemet (schemalagt jobb)", "the system (a scheduled job)"),
            Removed => lang.pick("poistettu tili", "borttaget konto", "a removed account"),
            Empty => lang.pick("Merkintöjä ei löytynyt.", "Inga poster hittades.", "No entries found."),
            More => lang.pick("Näytä lisää", "Visa fler", "Show more"),
            ClientLink => lang.pick(
                "Kuka on käsitellyt asiakkaan tietoja (loki)",
                "Vem har behandlat kundens uppgifter (logg)",
                "Who has handled this client's data (audit log)",
            ),
            AdminsOnly => lang.pick(
                "Lokitiedot ovat vain kirjaston ylläpitäjille.",
                "Loggen är bara för bibliotekets administratörer.",
                "The audit log is for the library's admins only.",
            ),
        }
    }
}

/// The actions the log records, by their stored name.
pub const ACTIONS: [&str; 24] = [
    "home_service.client_viewed",
    "home_service.client_changed",
    "home_service.visits_viewed",
    "home_service.visit_changed",
    "home_service.client_exported",
    "home_service.client_erased",
    "home_service.application_viewed",
    "home_service.application_approved",
    "home_service.application_declined",
    "home_service.application_erased",
    "survey.responses_exported",
    "booking.viewed",
    "registration.viewed",
    "event.participants_viewed",
    "programme_booking.viewed",
    "message.viewed",
    "message.resent",
    "account.exported",
    "account.deleted",
    "account.second_factor_reset",
    "api_client.created",
    "api_client.changed",
    "api_client.secret_renewed",
    "api_client.revoked",
];

/// An action in plain words (the stored name when it is not known here).
pub fn action(lang: Lang, name: &str) -> String {
    let text = match name {
        "home_service.client_viewed" => lang.pick(
            "kotipalveluasiakkaan tiedot luettu",
            "hemservicekundens uppgifter lästa",
            "home-delivery client read",
        ),
        "home_service.client_changed" => lang.pick(
            "kotipalveluasiakkaan tiedot muutettu",
            "hemservicekundens uppgifter ändrade",
            "home-delivery client changed",
        ),
        "home_service.visits_viewed" => lang.pick(
            "kotipalvelukäynnit luettu",
            "hemservicebesök lästa",
            "home visits read",
        ),
        "home_service.visit_changed" => lang.pick(
            "kotipalvelukäynti muutettu",
            "hemservicebesök ändrat",
            "home visit changed",
        ),
        "home_service.client_exported" => lang.pick(
            "kotipalveluasiakkaan tiedot viety",
            "hemservicekundens uppgifter exporterade",
            "home-delivery client exported",
        ),
        "home_service.client_erased" => lang.pick(
            "kotipalveluasiakkaan tiedot poistettu",
            "hemservicekundens uppgifter raderade",
            "home-delivery client erased",
        ),
        "home_service.application_viewed" => lang.pick(
            "kotipalveluhakemus luettu",
            "ansökan om hemservice läst",
            "home-delivery application read",
        ),
        "home_service.application_approved" => lang.pick(
            "kotipalveluhakemus hyväksytty",
            "ansökan om hemservice beviljad",
            "home-delivery application approved",
        ),
        "home_service.application_declined" => lang.pick(
            "kotipalveluhakemus hylätty",
            "ansökan om hemservice avslagen",
            "home-delivery application declined",
        ),
        "home_service.application_erased" => lang.pick(
            "kotipalveluhakemus poistettu",
            "ansökan om hemservice raderad",
            "home-delivery application erased",
        ),
        "survey.responses_exported" => lang.pick(
            "kyselyn vastaukset yhteystietoineen ladattu",
            "enkätens svar med kontaktuppgifter hämtade",
            "survey answers with contact details downloaded",
        ),
        "api_client.created" => lang.pick(
            "API-asiakas luotu",
            "API-klient skapad",
            "API client created",
        ),
        "api_client.changed" => lang.pick(
            "API-asiakasta muutettu",
            "API-klient ändrad",
            "API client changed",
        ),
        "api_client.secret_renewed" => lang.pick(
            "API-asiakkaalle uusi salaisuus",
            "ny hemlighet för API-klient",
            "API client given a new secret",
        ),
        "api_client.revoked" => lang.pick(
            "API-asiakkaan käyttö lopetettu",
            "API-klient återkallad",
            "API client revoked",
        ),
        "booking.viewed" => lang.pick(
            "varauksen yhteystiedot luettu",
            "bokningens kontaktuppgifter lästa",
            "booking's contact details read",
        ),
        "registration.viewed" => lang.pick(
            "ilmoittautuminen luettu",
            "anmälan läst",
            "registration read",
        ),
        "event.participants_viewed" => lang.pick(
            "osallistujalista luettu",
            "deltagarlistan läst",
            "participant list read",
        ),
        "programme_booking.viewed" => lang.pick(
            "ohjelmavaraus luettu",
            "programbokning läst",
            "programme booking read",
        ),
        "message.viewed" => lang.pick("viesti luettu", "meddelande läst", "message read"),
        "message.resent" => lang.pick(
            "viesti lähetetty uudelleen",
            "meddelande skickat igen",
            "message sent again",
        ),
        "account.exported" => lang.pick(
            "omat tiedot viety",
            "egna uppgifter exporterade",
            "account data exported",
        ),
        "account.deleted" => lang.pick("tili poistettu", "konto raderat", "account deleted"),
        "account.second_factor_reset" => lang.pick(
            "kaksivaiheinen tunnistus nollattu",
            "tvåstegsverifiering återställd",
            "two-step sign-in reset",
        ),
        other => return other.to_owned(),
    };
    text.to_owned()
}
