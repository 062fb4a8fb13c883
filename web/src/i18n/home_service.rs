//! Texts of the staff's home-delivery pages: the application queue, the week's visits, overdue and
//! missed visits, and the printable round.

use etakirjasto_shared::{
    ApplicantRelation, DayPart, DeliveryFrequency, HomeServiceReason, Lang, MaterialFormat,
    VisitStatus,
};

use super::Text;

/// A text of the home-delivery pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeService {
    /// Title of the page.
    Title,
    /// The line under it.
    Intro,
    /// Link from the staff dashboard.
    Link,
    /// Heading of the queue.
    QueueHeading,
    /// No applications waiting.
    QueueEmpty,
    /// Who applied.
    AppliedBy,
    /// Why they cannot visit.
    Reasons,
    /// The kinds of material.
    Formats,
    /// How often.
    Frequency,
    /// Best days.
    Days,
    /// Best part of the day.
    DayPartLabel,
    /// Interests.
    Interests,
    /// Not to bring.
    Avoid,
    /// Notes for the visit.
    Notes,
    /// Phone.
    Phone,
    /// Approve.
    Approve,
    /// Open the decline form.
    Decline,
    /// The reason field.
    DeclineReason,
    /// Its hint.
    DeclineHint,
    /// Send the decline.
    DeclineSend,
    /// Cancel the decline.
    DeclineCancel,
    /// Approved.
    Approved,
    /// Declined.
    Declined,
    /// Heading of the week's visits.
    WeekHeading,
    /// No visits this week.
    WeekEmpty,
    /// Heading of overdue and missed visits.
    LateHeading,
    /// None.
    LateEmpty,
    /// Who brings them.
    Deliverer,
    /// Nobody chosen yet.
    NoDeliverer,
    /// Heading of the round picker.
    RoundHeading,
    /// The date field.
    RoundDate,
    /// Show it.
    RoundShow,
    /// Title of the round page.
    RoundTitle,
    /// No visits that day.
    RoundEmpty,
    /// Print.
    Print,
    /// What to bring.
    Bring,
    /// What to collect.
    Collect,
    /// Nothing.
    Nothing,
    /// The contact person.
    Contact,
    /// Back to the dashboard.
    Back,
    /// The round of a day (link text).
    DayRound,
    /// Items on a visit.
    Items,
}

impl Text for HomeService {
    fn text(self, lang: Lang) -> &'static str {
        use HomeService::*;
        match self {
            Title => lang.pick("Kotipalvelu", "Hemservice", "Home delivery service"),
            Intro => lang.pick(
                "Uudet hakemukset, tämän viikon käynnit, myöhässä olevat käynnit ja päivän kierros tulostettavana.",
                "Nya ansökningar, veckans besök, försenade besök och dagens runda att skriva ut.",
                "New applications, this week's visits, overdue visits and the day's round to print.",
            ),
            Link => lang.pick(
                "Kotipalvelu: hakemukset, käynnit ja kierrokset",
                "Hemservice: ansökningar, besök och rundor",
                "Home delivery: applications, visits and rounds",
            ),
            QueueHeading => lang.pick("Uudet hakemukset", "Nya ansökningar", "New applications"),
            QueueEmpty => lang.pick(
                "Uusia hakemuksia ei ole.",
                "Det finns inga nya ansökningar.",
                "There are no new applications.",
            ),
            AppliedBy => lang.pick("Hakija", "Sökande", "Applied by"),
            Reasons => lang.pick(
                "Miksi ei pääse kirjastoon",
                "Varför personen inte kan komma till biblioteket",
                "Why they cannot visit the library",
            ),
            Formats => lang.pick("Aineistot", "Material", "Materials"),
            Frequency => lang.pick("Kuinka usein", "Hur ofta", "How often"),
            Days => lang.pick("Parhaat päivät", "Bästa dagar", "Best days"),
            DayPartLabel => lang.pick("Paras aika", "Bästa tid", "Best time"),
            Interests => lang.pick("Kiinnostuksen kohteet", "Intressen", "Interests"),
            Avoid => lang.pick("Ei näitä", "Inte dessa", "Not these"),
            Notes => lang.pick("Huomioita käynnille", "Att tänka på vid besöket", "Notes for the visit"),
            Phone => lang.pick("Puhelin", "Telefon", "Phone"),
            Approve => lang.pick("Hyväksy asiakkaaksi", "Godkänn som kund", "Approve as a client"),
            Decline => lang.pick("Hylkää", "Avslå", "Decline"),
            DeclineReason => lang.pick(
                "Perustelu hakijalle",
                "Motivering till den sökande",
                "The reason, for the applicant",
            ),
            DeclineHint => lang.pick(
                "Hakija saa tämän viestinä. Kirjoita selkeästi ja kerro, mistä voi saada apua.",
                "Den sökande får detta som meddelande. Skriv tydligt och berätta var man kan få hjälp.",
                "The applicant gets this as a message. Write plainly and say where they can get help.",
            ),
            DeclineSend => lang.pick("Lähetä hylkäys", "Skicka avslaget", "Send the decision"),
            DeclineCancel => lang.pick("Peruuta", "Avbryt", "Cancel"),
            Approved => lang.pick(
                "Hakemus hyväksyttiin. Asiakkaan käynnit on suunniteltu, ja hakijalle kerrotaan.",
                "Ansökan godkändes. Kundens besök har planerats och den sökande meddelas.",
                "Approved. The client's visits are planned, and the applicant is told.",
            ),
            Declined => lang.pick(
                "Hakemus hylättiin, ja hakijalle kerrotaan perustelu.",
                "Ansökan avslogs och den sökande får motiveringen.",
                "Declined; the applicant is given the reason.",
            ),
            WeekHeading => lang.pick("Tämän viikon käynnit", "Veckans besök", "This week's visits"),
            WeekEmpty => lang.pick(
                "Tällä viikolla ei ole käyntejä.",
                "Det finns inga besök den här veckan.",
                "There are no visits this week.",
            ),
            LateHeading => lang.pick(
                "Myöhässä olevat ja väliin jääneet käynnit",
                "Försenade och uteblivna besök",
                "Overdue and missed visits",
            ),
            LateEmpty => lang.pick(
                "Myöhässä olevia tai väliin jääneitä käyntejä ei ole neljän viikon ajalta.",
                "Inga försenade eller uteblivna besök under de senaste fyra veckorna.",
                "No overdue or missed visits in the last four weeks.",
            ),
            Deliverer => lang.pick("Tuoja", "Utdelare", "Brought by"),
            NoDeliverer => lang.pick("Tuojaa ei ole valittu", "Ingen utdelare vald", "Nobody chosen to bring it"),
            RoundHeading => lang.pick("Päivän kierros", "Dagens runda", "The day's round"),
            RoundDate => lang.pick("Kierroksen päivä", "Rundans dag", "Day of the round"),
            RoundShow => lang.pick("Näytä kierros", "Visa rundan", "Show the round"),
            RoundTitle => lang.pick("Kotipalvelukierros", "Hemservicerunda", "Home delivery round"),
            RoundEmpty => lang.pick(
                "Tälle päivälle ei ole käyntejä.",
                "Det finns inga besök den här dagen.",
                "There are no visits on this day.",
            ),
            Print => lang.pick("Tulosta kierros", "Skriv ut rundan", "Print the round"),
            Bring => lang.pick("Tuo", "Ta med", "Bring"),
            Collect => lang.pick("Hae pois", "Hämta tillbaka", "Collect"),
            Nothing => lang.pick("ei mitään", "inget", "nothing"),
            Contact => lang.pick("Yhteyshenkilö", "Kontaktperson", "Contact person"),
            Back => lang.pick("Takaisin kotipalveluun", "Tillbaka till hemservicen", "Back to home delivery"),
            DayRound => lang.pick("Päivän kierros", "Dagens runda", "The day's round"),
            Items => lang.pick("Aineistot", "Material", "Items"),
        }
    }
}

/// Who applied, in relation to the person.
pub fn relation(lang: Lang, r: ApplicantRelation) -> &'static str {
    match r {
        ApplicantRelation::Themselves => {
            lang.pick("asiakas itse", "kunden själv", "the person themselves")
        }
        ApplicantRelation::Relative => lang.pick("omainen", "anhörig", "a relative"),
        ApplicantRelation::CareWorker => lang.pick(
            "hoitaja tai kotihoito",
            "vårdare eller hemvård",
            "a care worker",
        ),
        ApplicantRelation::Other => lang.pick("joku muu", "någon annan", "someone else"),
    }
}

/// Why someone cannot visit.
pub fn reason(lang: Lang, r: HomeServiceReason) -> &'static str {
    match r {
        HomeServiceReason::Age => lang.pick("ikä", "ålder", "age"),
        HomeServiceReason::LongTermIllness => lang.pick(
            "pitkäaikainen sairaus",
            "långvarig sjukdom",
            "long-term illness",
        ),
        HomeServiceReason::Disability => lang.pick("vamma", "funktionsnedsättning", "disability"),
        HomeServiceReason::Temporary => lang.pick("tilapäinen", "tillfälligt", "temporary"),
    }
}

/// A kind of material.
pub fn format(lang: Lang, f: MaterialFormat) -> &'static str {
    match f {
        MaterialFormat::RegularPrint => {
            lang.pick("tavallinen teksti", "vanlig text", "regular print")
        }
        MaterialFormat::LargePrint => lang.pick("isoteksti", "storstil", "large print"),
        MaterialFormat::Audiobook => lang.pick("äänikirja", "ljudbok", "audiobook"),
        MaterialFormat::Ebook => lang.pick("e-kirja", "e-bok", "e-book"),
        MaterialFormat::Celia => lang.pick("Celia-kirja", "Celiabok", "Celia book"),
        MaterialFormat::Magazines => lang.pick("lehdet", "tidningar", "magazines"),
        MaterialFormat::Music => lang.pick("musiikki", "musik", "music"),
        MaterialFormat::Films => lang.pick("elokuvat", "filmer", "films"),
    }
}

/// How often.
pub fn frequency(lang: Lang, f: DeliveryFrequency) -> &'static str {
    match f {
        DeliveryFrequency::Weekly => lang.pick("joka viikko", "varje vecka", "every week"),
        DeliveryFrequency::EveryTwoWeeks => {
            lang.pick("joka toinen viikko", "varannan vecka", "every other week")
        }
        DeliveryFrequency::Monthly => {
            lang.pick("kerran kuussa", "en gång i månaden", "once a month")
        }
    }
}

/// The best part of the day.
pub fn day_part(lang: Lang, d: DayPart) -> &'static str {
    match d {
        DayPart::Any => lang.pick("mihin aikaan tahansa", "när som helst", "any time"),
        DayPart::Morning => lang.pick("aamupäivällä", "på förmiddagen", "in the morning"),
        DayPart::Afternoon => lang.pick("iltapäivällä", "på eftermiddagen", "in the afternoon"),
    }
}

/// Where a visit stands; `overdue` for a planned one whose day has passed.
pub fn status(lang: Lang, s: VisitStatus, overdue: bool) -> &'static str {
    match (s, overdue) {
        (VisitStatus::Planned, true) => lang.pick("myöhässä", "försenat", "overdue"),
        (VisitStatus::Planned, false) => lang.pick("suunniteltu", "planerat", "planned"),
        (VisitStatus::Delivered, _) => lang.pick("toimitettu", "levererat", "delivered"),
        (VisitStatus::Missed, _) => lang.pick("jäi väliin", "uteblev", "missed"),
        (VisitStatus::Cancelled, _) => lang.pick("peruttu", "inställt", "cancelled"),
    }
}
