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
    /// Heading of the client list.
    ClientsHeading,
    /// No clients.
    ClientsEmpty,
    /// Heading of the figures.
    FiguresHeading,
    /// The figures table's caption.
    FiguresCaption,
    /// Column: month.
    Month,
    /// Column: new clients.
    NewClients,
    /// Column: clients visited.
    ClientsVisited,
    /// Column: visits delivered.
    VisitsDelivered,
    /// Column: visits missed.
    VisitsMissed,
    /// Column: items brought.
    ItemsDelivered,
    /// Address.
    Address,
    /// Client since.
    Since,
    /// Language.
    Language,
    /// Chooser.
    Chooser,
    /// No chooser.
    NoChooser,
    /// Heading of the status form.
    StatusHeading,
    /// The status question.
    StatusLegend,
    /// First day of a pause.
    PausedFrom,
    /// Last day of a pause.
    PausedUntil,
    /// Save the status.
    SaveStatus,
    /// Saved.
    StatusSaved,
    /// Heading of the visits to make.
    ComingHeading,
    /// None.
    ComingEmpty,
    /// Heading of the history.
    HistoryHeading,
    /// No history.
    HistoryEmpty,
    /// Open the chooser.
    ChooseItems,
    /// Field: title.
    ItemTitle,
    /// Field: author.
    ItemAuthor,
    /// Field: format.
    ItemFormat,
    /// Field: identifier.
    ItemIdentifier,
    /// Its hint.
    ItemIdentifierHint,
    /// Add the item.
    ItemAdd,
    /// Added.
    ItemAdded,
    /// Removed.
    ItemRemoved,
    /// The repeat warning; the days follow.
    RepeatWarning,
    /// Add it anyway.
    RepeatAnyway,
    /// Remove an item.
    Remove,
    /// Open the record form.
    RecordVisit,
    /// How the visit went.
    OutcomeLegend,
    /// Field: note.
    NoteLabel,
    /// Its hint.
    NoteHint,
    /// Field: feedback.
    FeedbackLabel,
    /// Items that came back.
    ReturnedLegend,
    /// Save the record.
    RecordSave,
    /// Saved.
    Recorded,
    /// Items that came back (list).
    Returned,
    /// Title of a client's page.
    ClientTitle,
    /// Taking an item off failed.
    RemoveFailed,
    /// Heading of the people form.
    PeopleHeading,
    /// Field.
    ContactName,
    /// Field.
    ContactPhone,
    /// Field.
    ContactEmail,
    /// Hint.
    ContactHint,
    /// Choice: nobody.
    Nobody,
    /// After a volunteer's name.
    VolunteerMark,
    /// Save.
    SavePeople,
    /// Saved.
    PeopleSaved,
    /// Heading of the add-visit form.
    AddVisitHeading,
    /// Field: the day.
    VisitDay,
    /// Add it.
    AddVisit,
    /// Added.
    VisitAdded,
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
            ClientsHeading => lang.pick("Asiakkaat", "Kunder", "Clients"),
            ClientsEmpty => lang.pick("Asiakkaita ei vielä ole.", "Det finns inga kunder ännu.", "There are no clients yet."),
            FiguresHeading => lang.pick("Luvut kuukausittain", "Siffror per månad", "Figures by month"),
            FiguresCaption => lang.pick("Kotipalvelu kuuden viimeisen kuukauden ajalta", "Hemservicen under de senaste sex månaderna", "Home delivery in the last six months"),
            Month => lang.pick("Kuukausi", "Månad", "Month"),
            NewClients => lang.pick("Uudet asiakkaat", "Nya kunder", "New clients"),
            ClientsVisited => lang.pick("Asiakkaita käyty", "Besökta kunder", "Clients visited"),
            VisitsDelivered => lang.pick("Toimitetut käynnit", "Levererade besök", "Visits delivered"),
            VisitsMissed => lang.pick("Väliin jääneet", "Uteblivna", "Visits missed"),
            ItemsDelivered => lang.pick("Tuodut aineistot", "Levererat material", "Items brought"),
            Address => lang.pick("Osoite", "Adress", "Address"),
            Since => lang.pick("Asiakkaana alkaen", "Kund sedan", "Client since"),
            Language => lang.pick("Kieli", "Språk", "Language"),
            Chooser => lang.pick("Aineiston valitsija", "Den som väljer material", "Chooses the materials"),
            NoChooser => lang.pick("Valitsijaa ei ole nimetty", "Ingen har utsetts", "Nobody named"),
            StatusHeading => lang.pick("Palvelun tila", "Tjänstens status", "Where the service stands"),
            StatusLegend => lang.pick("Onko palvelu käynnissä?", "Pågår tjänsten?", "Is the service going on?"),
            PausedFrom => lang.pick("Tauon ensimmäinen päivä", "Pausens första dag", "First day of the pause"),
            PausedUntil => lang.pick("Tauon viimeinen päivä", "Pausens sista dag", "Last day of the pause"),
            SaveStatus => lang.pick("Tallenna tila", "Spara status", "Save"),
            StatusSaved => lang.pick("Tila tallennettiin. Käynnit suunniteltiin uudelleen.", "Statusen sparades. Besöken planerades om.", "Saved. The visits were planned again."),
            ComingHeading => lang.pick("Tulevat ja kirjaamattomat käynnit", "Kommande och oregistrerade besök", "Coming and unrecorded visits"),
            ComingEmpty => lang.pick("Tulevia käyntejä ei ole.", "Det finns inga kommande besök.", "There are no coming visits."),
            HistoryHeading => lang.pick("Käyntihistoria", "Besökshistorik", "Visit history"),
            HistoryEmpty => lang.pick("Käyntejä ei ole vielä tehty.", "Inga besök har gjorts ännu.", "No visits have been made yet."),
            ChooseItems => lang.pick("Valitse aineistoa", "Välj material", "Choose items"),
            ItemTitle => lang.pick("Nimeke", "Titel", "Title"),
            ItemAuthor => lang.pick("Tekijä", "Författare", "Author"),
            ItemFormat => lang.pick("Aineistolaji", "Materialtyp", "Format"),
            ItemIdentifier => lang.pick("ISBN tai muu tunniste", "ISBN eller annan kod", "ISBN or other identifier"),
            ItemIdentifierHint => lang.pick("Vapaaehtoinen. Tunnisteesta näkee varmimmin, onko asiakas saanut saman jo.", "Frivilligt. Med koden ser man säkrast om kunden redan har fått samma.", "Optional. With it, a repeat is recognised most surely."),
            ItemAdd => lang.pick("Lisää käynnille", "Lägg till besöket", "Add to the visit"),
            ItemAdded => lang.pick("Aineisto lisättiin käynnille.", "Materialet lades till besöket.", "The item was added to the visit."),
            ItemRemoved => lang.pick("Aineisto poistettiin käynniltä.", "Materialet togs bort från besöket.", "The item was taken off the visit."),
            RepeatWarning => lang.pick("Asiakas on jo saanut tämän tai se on valittu toiselle käynnille:", "Kunden har redan fått detta eller det är valt för ett annat besök:", "The client has had this already, or it is chosen for another visit:"),
            RepeatAnyway => lang.pick("Lisää silti", "Lägg till ändå", "Add it anyway"),
            Remove => lang.pick("Poista", "Ta bort", "Remove"),
            RecordVisit => lang.pick("Kirjaa käynti", "Registrera besöket", "Record the visit"),
            OutcomeLegend => lang.pick("Miten käynti meni?", "Hur gick besöket?", "How did the visit go?"),
            NoteLabel => lang.pick("Huomio", "Anteckning", "Note"),
            NoteHint => lang.pick("Jos käynti jäi väliin, kerro miksi. Ei terveystietoja.", "Om besöket uteblev, berätta varför. Inga hälsouppgifter.", "If it was missed, say why. No health details."),
            FeedbackLabel => lang.pick("Mistä asiakas piti", "Vad kunden tyckte om", "What the client liked"),
            ReturnedLegend => lang.pick("Mitkä aineistot palautuivat?", "Vilket material kom tillbaka?", "Which items came back?"),
            RecordSave => lang.pick("Tallenna käynti", "Spara besöket", "Save the visit"),
            Recorded => lang.pick("Käynti kirjattiin.", "Besöket registrerades.", "The visit was recorded."),
            Returned => lang.pick("Palautui", "Kom tillbaka", "Came back"),
            ClientTitle => lang.pick("Kotipalvelun asiakas", "Hemservicens kund", "Home-delivery client"),
            RemoveFailed => lang.pick("Aineiston poistaminen ei onnistunut. Yritä uudelleen.", "Det gick inte att ta bort materialet. Försök igen.", "The item could not be taken off. Please try again."),
            PeopleHeading => lang.pick("Yhteyshenkilö, valitsija ja tuoja", "Kontaktperson, den som väljer och den som delar ut", "Contact person, chooser and deliverer"),
            ContactName => lang.pick("Yhteyshenkilön nimi", "Kontaktpersonens namn", "Contact person's name"),
            ContactPhone => lang.pick("Yhteyshenkilön puhelin", "Kontaktpersonens telefon", "Contact person's phone"),
            ContactEmail => lang.pick("Yhteyshenkilön sähköposti", "Kontaktpersonens e-post", "Contact person's email"),
            ContactHint => lang.pick("Yhteyshenkilö saa käyntiä edeltävänä päivänä muistutuksen asiakkaan puolesta.", "Kontaktpersonen får en påminnelse dagen före besöket för kundens räkning.", "The contact person is reminded the day before each visit, for the client."),
            Nobody => lang.pick("Ei ketään", "Ingen", "Nobody"),
            VolunteerMark => lang.pick(" (vapaaehtoinen)", " (volontär)", " (volunteer)"),
            SavePeople => lang.pick("Tallenna", "Spara", "Save"),
            PeopleSaved => lang.pick("Tallennettiin. Tulevat käynnit siirtyivät uudelle tuojalle.", "Sparat. De kommande besöken gick över till den nya utdelaren.", "Saved. The coming visits went to the new deliverer."),
            AddVisitHeading => lang.pick("Lisää käynti", "Lägg till ett besök", "Add a visit"),
            VisitDay => lang.pick("Käynnin päivä", "Besökets dag", "Day of the visit"),
            AddVisit => lang.pick("Lisää käynti", "Lägg till besöket", "Add the visit"),
            VisitAdded => lang.pick("Käynti lisättiin.", "Besöket lades till.", "The visit was added."),
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

/// Where a client's service stands.
pub fn client_status(lang: Lang, s: etakirjasto_shared::ClientStatus) -> &'static str {
    use etakirjasto_shared::ClientStatus as C;
    match s {
        C::Active => lang.pick("käynnissä", "pågår", "active"),
        C::Paused => lang.pick("tauolla", "paus", "paused"),
        C::Ended => lang.pick("päättynyt", "avslutad", "ended"),
    }
}

/// How a visit went, as a choice.
pub fn outcome(lang: Lang, s: VisitStatus) -> &'static str {
    match s {
        VisitStatus::Delivered => lang.pick(
            "Aineisto tuotiin perille",
            "Materialet levererades",
            "The items were brought",
        ),
        VisitStatus::Missed => lang.pick(
            "Käynti jäi väliin",
            "Besöket blev inte av",
            "The visit was missed",
        ),
        VisitStatus::Planned => lang.pick("Ei vielä tehty", "Inte gjort ännu", "Not made yet"),
        VisitStatus::Cancelled => lang.pick("Peruttu", "Inställt", "Cancelled"),
    }
}

/// Where a visit stands; `overdue` for a planned one whose day has passed.
pub fn status(lang: Lang, s: VisitStatus, overdue: bool) -> &'static str {
    match (s, overdue) {
        (VisitStatus::Planned, true) => lang.pick("myöhässä", "försenat", "overdue"),
        (VisitStatus::Planned, false) => lang.pick("suunniteltu", "planerat", "planned"),
        (VisitStatus::Delivered, _) => lang.pick("toimitettu", "levererat", "delivered"),
        (VisitStatus::Missed, _) => lang.pick("jäi väliin", "uteblivet", "missed"),
        (VisitStatus::Cancelled, _) => lang.pick("peruttu", "inställt", "cancelled"),
    }
}

/// A text of the public application form for the home-delivery service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Apply {
    /// Title.
    Title,
    /// The line under it.
    Intro,
    /// Link from the home page.
    Link,
    /// "Step 2 of 6".
    StepOf,
    /// Next.
    Continue,
    /// Back a step.
    Previous,
    /// Step 1 heading.
    WhoHeading,
    /// The relation question.
    WhoLegend,
    /// For myself.
    ForMe,
    /// For a relative.
    ForRelative,
    /// As a care worker.
    AsCareWorker,
    /// For someone else.
    ForOther,
    /// The applicant's name.
    ApplicantName,
    /// The applicant's phone.
    ApplicantPhone,
    /// The applicant's email.
    ApplicantEmail,
    /// Hint of the applicant's contact.
    ApplicantHint,
    /// Step 2 heading.
    PersonHeading,
    /// Hint when applying for someone else.
    PersonHintOther,
    /// Name.
    Name,
    /// Street address.
    Street,
    /// Hint of the street address.
    StreetHint,
    /// Postcode.
    PostalCode,
    /// Town.
    City,
    /// Phone.
    Phone,
    /// Step 3 heading.
    NeedsHeading,
    /// The reasons question.
    ReasonsLegend,
    /// Hint of the reasons.
    ReasonsHint,
    /// Until when, for a temporary need.
    TemporaryUntil,
    /// Step 4 heading.
    WishesHeading,
    /// The formats question.
    FormatsLegend,
    /// Interests.
    Interests,
    /// Hint of interests.
    InterestsHint,
    /// Not to bring.
    Avoid,
    /// Step 5 heading.
    VisitsHeading,
    /// How often.
    FrequencyLegend,
    /// Best days.
    DaysLegend,
    /// Hint of the days.
    DaysHint,
    /// Best part of the day.
    DayPartLegend,
    /// Notes for the visit.
    VisitNotes,
    /// Hint of the notes.
    VisitNotesHint,
    /// Step 6 heading.
    CheckHeading,
    /// The line under it.
    CheckIntro,
    /// Change link.
    Change,
    /// The consent heading.
    ConsentHeading,
    /// The checkbox label.
    ConsentLabel,
    /// Send.
    Send,
    /// Sent heading.
    SentHeading,
    /// What happens next.
    SentNext,
    /// The reference.
    Reference,
    /// Not given.
    NotGiven,
    /// Any weekday.
    AnyDay,
}

impl Text for Apply {
    fn text(self, lang: Lang) -> &'static str {
        use Apply::*;
        match self {
            Title => lang.pick("Hae kirjaston kotipalvelua", "Ansök om bibliotekets hemservice", "Apply for the library's home delivery"),
            Intro => lang.pick(
                "Kotipalvelu tuo kirjaston aineistoja kotiin niille, jotka eivät pääse kirjastoon iän, sairauden tai vamman vuoksi. Voit hakea itsellesi tai toisen puolesta. Hakeminen vie noin viisi minuuttia.",
                "Hemservicen kör ut bibliotekets material till dem som inte kan komma till biblioteket på grund av ålder, sjukdom eller funktionsnedsättning. Du kan ansöka för dig själv eller för någon annan. Det tar ungefär fem minuter.",
                "Home delivery brings library materials to people who cannot come to the library because of age, illness or disability. You can apply for yourself or for someone else. It takes about five minutes.",
            ),
            Link => lang.pick("Kirjaston kotipalvelu: hae tästä", "Bibliotekets hemservice: ansök här", "The library's home delivery: apply here"),
            StepOf => lang.pick("Vaihe", "Steg", "Step"),
            Continue => lang.pick("Jatka", "Fortsätt", "Continue"),
            Previous => lang.pick("Edellinen vaihe", "Föregående steg", "Previous step"),
            WhoHeading => lang.pick("Kuka hakee?", "Vem ansöker?", "Who is applying?"),
            WhoLegend => lang.pick("Kenelle haet kotipalvelua?", "För vem ansöker du om hemservice?", "Who are you applying for?"),
            ForMe => lang.pick("Itselleni", "För mig själv", "For myself"),
            ForRelative => lang.pick("Omaiselleni", "För en anhörig", "For a relative"),
            AsCareWorker => lang.pick("Hoitajana asiakkaalleni", "Som vårdare för min klient", "As a care worker, for my client"),
            ForOther => lang.pick("Jollekulle muulle", "För någon annan", "For someone else"),
            ApplicantName => lang.pick("Sinun nimesi", "Ditt namn", "Your name"),
            ApplicantPhone => lang.pick("Sinun puhelinnumerosi", "Ditt telefonnummer", "Your phone number"),
            ApplicantEmail => lang.pick("Sinun sähköpostisi", "Din e-post", "Your email"),
            ApplicantHint => lang.pick(
                "Anna puhelinnumero tai sähköposti, niin kerromme sinulle päätöksestä.",
                "Ange telefonnummer eller e-post, så berättar vi om beslutet.",
                "Give a phone number or an email so we can tell you the decision.",
            ),
            PersonHeading => lang.pick("Kenelle aineistot tuodaan?", "Vem får materialet?", "Who will get the materials?"),
            PersonHintOther => lang.pick(
                "Anna tässä sen henkilön tiedot, jolle aineistot tuodaan, ei omiasi.",
                "Ange här uppgifterna om den som får materialet, inte dina egna.",
                "Give the details of the person who will get the materials here, not your own.",
            ),
            Name => lang.pick("Nimi", "Namn", "Name"),
            Street => lang.pick("Katuosoite", "Gatuadress", "Street address"),
            StreetHint => lang.pick(
                "Myös rappu ja asunnon numero, esimerkiksi Rantatie 5 B 12.",
                "Också trappa och lägenhetsnummer, till exempel Strandvägen 5 B 12.",
                "With the staircase and flat, for example Rantatie 5 B 12.",
            ),
            PostalCode => lang.pick("Postinumero", "Postnummer", "Postcode"),
            City => lang.pick("Postitoimipaikka", "Postort", "Town"),
            Phone => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            NeedsHeading => lang.pick("Miksi kirjastossa käyminen ei onnistu?", "Varför går det inte att komma till biblioteket?", "Why is visiting the library not possible?"),
            ReasonsLegend => lang.pick("Valitse kaikki, jotka sopivat", "Välj alla som passar", "Choose all that apply"),
            ReasonsHint => lang.pick(
                "Emme kysy terveystietoja: riittää, kun valitset syyn.",
                "Vi frågar inte om hälsouppgifter: det räcker att du väljer orsaken.",
                "We do not ask about health: choosing the reason is enough.",
            ),
            TemporaryUntil => lang.pick("Mihin asti palvelua tarvitaan?", "Till när behövs tjänsten?", "Until when is the service needed?"),
            WishesHeading => lang.pick("Mitä haluaisit lukea tai kuunnella?", "Vad vill du läsa eller lyssna på?", "What would you like to read or listen to?"),
            FormatsLegend => lang.pick("Millaisia aineistoja?", "Vilket slags material?", "What kinds of material?"),
            Interests => lang.pick("Kiinnostuksen kohteet ja lempikirjailijat (vapaaehtoinen)", "Intressen och favoritförfattare (frivilligt)", "Interests and favourite authors (optional)"),
            InterestsHint => lang.pick(
                "Esimerkiksi dekkarit, kotiseutu, Kalle Päätalo.",
                "Till exempel deckare, hembygd, Tove Jansson.",
                "For example crime novels, local history, Kalle Päätalo.",
            ),
            Avoid => lang.pick("Mitä et halua (vapaaehtoinen)", "Vad du inte vill ha (frivilligt)", "What you do not want (optional)"),
            VisitsHeading => lang.pick("Milloin aineistot tuodaan?", "När ska materialet komma?", "When should the materials come?"),
            FrequencyLegend => lang.pick("Kuinka usein?", "Hur ofta?", "How often?"),
            DaysLegend => lang.pick("Sopivat päivät (vapaaehtoinen)", "Passande dagar (frivilligt)", "Good days (optional)"),
            DaysHint => lang.pick("Jos et valitse, mikä tahansa arkipäivä käy.", "Om du inte väljer passar vilken vardag som helst.", "If you choose none, any weekday will do."),
            DayPartLegend => lang.pick("Mihin aikaan?", "Vilken tid?", "What time of day?"),
            VisitNotes => lang.pick("Hyvä tietää käynnillä (vapaaehtoinen)", "Bra att veta vid besöket (frivilligt)", "Good to know for the visit (optional)"),
            VisitNotesHint => lang.pick(
                "Esimerkiksi ovikoodi, lemmikki tai että ovikelloa pitää soittaa pitkään. Älä kirjoita terveystietoja.",
                "Till exempel portkod, husdjur eller att man ska ringa länge på dörrklockan. Skriv inga hälsouppgifter.",
                "For example a door code, a pet, or to ring the bell for long. Do not write health details.",
            ),
            CheckHeading => lang.pick("Tarkista vastauksesi", "Kontrollera dina svar", "Check your answers"),
            CheckIntro => lang.pick(
                "Voit vielä muuttaa tietoja ennen lähettämistä.",
                "Du kan ännu ändra uppgifterna innan du skickar.",
                "You can still change your answers before sending.",
            ),
            Change => lang.pick("Muuta", "Ändra", "Change"),
            ConsentHeading => lang.pick("Lupa tietojen tallentamiseen", "Tillstånd att spara uppgifterna", "Permission to store the details"),
            ConsentLabel => lang.pick("Annan luvan", "Jag ger tillstånd", "I give permission"),
            Send => lang.pick("Lähetä hakemus", "Skicka ansökan", "Send the application"),
            SentHeading => lang.pick("Hakemus on lähetetty", "Ansökan har skickats", "The application has been sent"),
            SentNext => lang.pick(
                "Kirjaston kotipalvelu käsittelee hakemuksen ja ottaa yhteyttä. Jos sinulla on kysyttävää, soita kirjastoon.",
                "Bibliotekets hemservice behandlar ansökan och tar kontakt. Om du har frågor, ring biblioteket.",
                "The library's home delivery team will handle the application and get in touch. If you have questions, phone the library.",
            ),
            Reference => lang.pick("Hakemuksen tunnus", "Ansökans nummer", "Application reference"),
            NotGiven => lang.pick("ei annettu", "inte angivet", "not given"),
            AnyDay => lang.pick("mikä tahansa arkipäivä", "vilken vardag som helst", "any weekday"),
        }
    }
}
