//! Texts of the staff's training page: modules, checklists, practice sessions, confidence, the
//! team's readiness and the admins' competence matrix.

use etakirjasto_shared::{CompetenceState, Lang, PracticeState};

use super::Text;

/// A text about training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Training {
    /// Title and heading of the page; the dashboard's link.
    Title,
    /// The page's intro.
    Intro,
    /// Heading: the modules.
    Modules,
    /// No modules yet.
    NoModules,
    /// The module's text, shown on request.
    ReadText,
    /// The checklist's legend.
    Checklist,
    /// The module is complete.
    Complete,
    /// The required session types, before their names.
    RequiredFor,
    /// Heading of the practice part.
    Practice,
    /// What the practice is.
    PracticeHint,
    /// No practice sessions yet.
    NoPractices,
    /// Field: colleague.
    Colleague,
    /// Choose a colleague.
    ChooseColleague,
    /// Field: date.
    Date,
    /// Field: time.
    Time,
    /// Button: book the practice.
    BookPractice,
    /// Button: record held.
    RecordHeld,
    /// Button: cancel the practice.
    CancelPractice,
    /// The practice was booked.
    PracticeBooked,
    /// The practice was recorded.
    PracticeRecorded,
    /// You practise with.
    With,
    /// You are the colleague for.
    ColleagueFor,
    /// Saved.
    Saved,
    /// Heading: my confidence.
    Confidence,
    /// What the ratings are.
    ConfidenceHint,
    /// Before training.
    Before,
    /// After training.
    After,
    /// Not rated.
    NotRated,
    /// Button: save ratings.
    SaveRatings,
    /// Heading: the team's readiness.
    Readiness,
    /// Column: session type.
    Service,
    /// Column: deliver it.
    Delivering,
    /// Column: trained.
    Trained,
    /// Column: signed off.
    Competent,
    /// Column: offered.
    Offered,
    /// Column: mean confidence before.
    MeanBefore,
    /// Column: mean confidence after.
    MeanAfter,
    /// Heading: the competence matrix.
    Matrix,
    /// What the matrix is.
    MatrixHint,
    /// Column: staff member.
    Person,
    /// Modules done, after the figures.
    ModulesDone,
    /// Marks a session type the person delivers.
    DeliversIt,
    /// Button: sign off.
    SignOff,
    /// Button: take the sign-off back.
    TakeBack,
    /// Fill in a colleague, date and time.
    PracticeMissing,
    /// Link and heading: a new module.
    NewModule,
    /// Heading: changing a module.
    EditModule,
    /// Link: change the module.
    Edit,
    /// Back to the training page.
    Back,
    /// Legend: the module's title.
    ModuleTitle,
    /// Legend: the module's text.
    ModuleBody,
    /// Hint of the text.
    BodyHint,
    /// Heading: the checklist items.
    Items,
    /// "Item" before its number.
    Item,
    /// Button: add an item.
    AddItem,
    /// Field: a practice is part of the module.
    PracticeIncluded,
    /// Legend: required for these services.
    RequiredServices,
    /// Button: save the module.
    SaveModule,
    /// Hint of an item's key.
    ItemKeyHint,
    /// The module was saved by someone else meanwhile.
    StaleModule,
    /// Said when an item was ticked done.
    Ticked,
    /// Said when a tick was taken back.
    Unticked,
}

impl Text for Training {
    fn text(self, lang: Lang) -> &'static str {
        use Training::*;
        match self {
            Title => lang.pick("Koulutus ja osaaminen", "Utbildning och kompetens", "Training and competence"),
            Intro => lang.pick(
                "Käy koulutukset läpi, merkitse tehdyt kohdat ja harjoittele kollegan kanssa. Kun koulutus on valmis, ylläpitäjä hyväksyy sinut palveluun, ja sen jälkeen sinulle voi varata aikoja.",
                "Gå igenom utbildningarna, markera det du gjort och öva med en kollega. När utbildningen är klar godkänner administratören dig för tjänsten, och sedan kan tider bokas hos dig.",
                "Work through the training, tick what you have done and practise with a colleague. When the training is complete, an admin signs you off for the service, and then sessions can be booked with you.",
            ),
            Modules => lang.pick("Koulutukset", "Utbildningar", "Training modules"),
            NoModules => lang.pick("Koulutuksia ei ole vielä.", "Det finns inga utbildningar än.", "There are no training modules yet."),
            ReadText => lang.pick("Lue ohje", "Läs anvisningen", "Read the guide"),
            Checklist => lang.pick("Tehtävät", "Uppgifter", "Checklist"),
            Complete => lang.pick("Valmis", "Klar", "Complete"),
            RequiredFor => lang.pick("Vaaditaan palveluun:", "Krävs för tjänsten:", "Required for:"),
            Practice => lang.pick("Harjoitus kollegan kanssa", "Övning med en kollega", "Practice with a colleague"),
            PracticeHint => lang.pick(
                "Kollega esittää asiakasta. Harjoitus lasketaan, kun kollega merkitsee sen pidetyksi.",
                "Kollegan spelar kund. Övningen räknas när kollegan markerar den som hållen.",
                "The colleague plays the patron. The practice counts once the colleague records it as held.",
            ),
            NoPractices => lang.pick("Ei harjoituksia vielä.", "Inga övningar än.", "No practice sessions yet."),
            Colleague => lang.pick("Kollega", "Kollega", "Colleague"),
            ChooseColleague => lang.pick("Valitse kollega", "Välj en kollega", "Choose a colleague"),
            Date => lang.pick("Päivä", "Dag", "Date"),
            Time => lang.pick("Kellonaika", "Klockslag", "Time"),
            BookPractice => lang.pick("Varaa harjoitus", "Boka övning", "Book the practice"),
            RecordHeld => lang.pick("Merkitse pidetyksi", "Markera som hållen", "Record as held"),
            CancelPractice => lang.pick("Peru harjoitus", "Avboka övningen", "Cancel the practice"),
            PracticeBooked => lang.pick("Harjoitus on varattu.", "Övningen är bokad.", "The practice is booked."),
            PracticeRecorded => lang.pick("Harjoitus on merkitty.", "Övningen är markerad.", "The practice is recorded."),
            With => lang.pick("Harjoittelet kollegan kanssa:", "Du övar med:", "You practise with:"),
            ColleagueFor => lang.pick("Olet kollegana:", "Du är kollega åt:", "You are the colleague for:"),
            Saved => lang.pick("Tallennettu.", "Sparat.", "Saved."),
            Confidence => lang.pick("Oma varmuuteni", "Min egen trygghet", "My confidence"),
            ConfidenceHint => lang.pick(
                "Kuinka varmaksi tunnet itsesi palvelun antajana? 1 = en lainkaan varma, 5 = täysin varma.",
                "Hur trygg känner du dig med att ge tjänsten? 1 = inte alls trygg, 5 = helt trygg.",
                "How confident do you feel delivering the service? 1 = not at all, 5 = fully confident.",
            ),
            Before => lang.pick("Ennen koulutusta", "Före utbildningen", "Before training"),
            After => lang.pick("Koulutuksen jälkeen", "Efter utbildningen", "After training"),
            NotRated => lang.pick("Ei arvioitu", "Inte bedömt", "Not rated"),
            SaveRatings => lang.pick("Tallenna arviot", "Spara bedömningarna", "Save the ratings"),
            Readiness => lang.pick("Tiimin valmius", "Teamets beredskap", "The team's readiness"),
            Service => lang.pick("Palvelu", "Tjänst", "Service"),
            Delivering => lang.pick("Palvelun antajat", "Utförare", "Delivering"),
            Trained => lang.pick("Koulutettuja", "Utbildade", "Trained"),
            Competent => lang.pick("Hyväksyttyjä", "Godkända", "Signed off"),
            Offered => lang.pick("Varattavissa", "Bokningsbara", "Offered"),
            MeanBefore => lang.pick("Varmuus ennen (ka.)", "Trygghet före (medel)", "Confidence before (mean)"),
            MeanAfter => lang.pick("Varmuus jälkeen (ka.)", "Trygghet efter (medel)", "Confidence after (mean)"),
            Matrix => lang.pick("Osaamismatriisi", "Kompetensmatris", "Competence matrix"),
            MatrixHint => lang.pick(
                "Hyväksy henkilö palveluun, kun hänen koulutuksensa on valmis. Palvelussa, johon vaaditaan koulutus, varattavissa ovat vain hyväksytyt.",
                "Godkänn en person för tjänsten när utbildningen är klar. I en tjänst som kräver utbildning kan bara godkända bokas.",
                "Sign a person off for a service once their training is complete. A service that requires training offers only those signed off.",
            ),
            Person => lang.pick("Henkilö", "Person", "Staff member"),
            ModulesDone => lang.pick("koulutusta valmiina", "utbildningar klara", "modules complete"),
            DeliversIt => lang.pick("antaa palvelua", "ger tjänsten", "delivers it"),
            SignOff => lang.pick("Hyväksy", "Godkänn", "Sign off"),
            TakeBack => lang.pick("Peru hyväksyntä", "Återkalla godkännandet", "Take back"),
            NewModule => lang.pick("Uusi koulutus", "Ny utbildning", "New training module"),
            EditModule => lang.pick("Muokkaa koulutusta", "Redigera utbildningen", "Edit the training module"),
            Edit => lang.pick("Muokkaa", "Redigera", "Edit"),
            Back => lang.pick("Takaisin koulutuksiin", "Tillbaka till utbildningarna", "Back to training"),
            ModuleTitle => lang.pick("Koulutuksen nimi", "Utbildningens namn", "The module's title"),
            ModuleBody => lang.pick("Ohje", "Anvisning", "The guide"),
            BodyHint => lang.pick(
                "Markdown: tyhjä rivi aloittaa uuden kappaleen, 1. numeroi vaiheet, - tekee luettelon, **lihavointi**.",
                "Markdown: en tom rad börjar ett nytt stycke, 1. numrerar steg, - gör en lista, **fetstil**.",
                "Markdown: a blank line starts a paragraph, 1. numbers steps, - makes a list, **bold**.",
            ),
            Items => lang.pick("Tehtävälista", "Uppgiftslista", "Checklist"),
            Item => lang.pick("Tehtävä", "Uppgift", "Item"),
            AddItem => lang.pick("Lisää tehtävä", "Lägg till en uppgift", "Add an item"),
            PracticeIncluded => lang.pick(
                "Koulutukseen kuuluu harjoitus kollegan kanssa",
                "I utbildningen ingår en övning med en kollega",
                "A practice with a colleague is part of the module",
            ),
            RequiredServices => lang.pick(
                "Vaaditaan näihin palveluihin (vain hyväksytyt voivat antaa niitä)",
                "Krävs för dessa tjänster (bara godkända kan ge dem)",
                "Required for these services (only those signed off deliver them)",
            ),
            SaveModule => lang.pick("Tallenna koulutus", "Spara utbildningen", "Save the module"),
            ItemKeyHint => lang.pick(
                "Jokaisella tehtävällä on tunniste: pienet kirjaimet a–z, numerot ja _. Jos vaihdat tunnisteen, tehtävän merkinnät poistuvat kaikilta.",
                "Varje uppgift har en nyckel: små bokstäver a–z, siffror och _. Om du byter nyckeln försvinner allas markeringar för uppgiften.",
                "Each item has a key: lowercase letters a–z, digits and _. If you change a key, everyone's ticks of that item are dropped.",
            ),
            StaleModule => lang.pick(
                "Joku muu tallensi koulutuksen sillä välin. Lataa sivu uudelleen ja tee muutoksesi uudelleen.",
                "Någon annan sparade utbildningen under tiden. Ladda om sidan och gör din ändring igen.",
                "Someone else saved the module meanwhile. Load the page again and redo your change.",
            ),
            Ticked => lang.pick("Merkitty tehdyksi:", "Markerad som gjord:", "Ticked as done:"),
            Unticked => lang.pick("Merkintä poistettu:", "Markeringen borttagen:", "Tick taken back:"),
            PracticeMissing => lang.pick(
                "Valitse kollega, päivä ja kellonaika.",
                "Välj en kollega, en dag och ett klockslag.",
                "Choose a colleague, a date and a time.",
            ),
        }
    }
}

/// A person's standing for one service.
pub fn state_name(lang: Lang, s: CompetenceState) -> &'static str {
    match s {
        CompetenceState::NotRequired => lang.pick(
            "ei vaadi koulutusta",
            "kräver ingen utbildning",
            "no training required",
        ),
        CompetenceState::NotStarted => lang.pick("ei aloitettu", "inte påbörjad", "not started"),
        CompetenceState::InTraining => {
            lang.pick("koulutus kesken", "utbildning pågår", "in training")
        }
        CompetenceState::Trained => lang.pick(
            "koulutettu, odottaa hyväksyntää",
            "utbildad, väntar på godkännande",
            "trained, awaiting sign-off",
        ),
        CompetenceState::Competent => lang.pick("hyväksytty", "godkänd", "signed off"),
    }
}

/// A practice session's state.
pub fn practice_state(lang: Lang, s: PracticeState) -> &'static str {
    match s {
        PracticeState::Booked => lang.pick("varattu", "bokad", "booked"),
        PracticeState::Held => lang.pick("pidetty", "hållen", "held"),
        PracticeState::Cancelled => lang.pick("peruttu", "avbokad", "cancelled"),
    }
}

/// "2/4 done".
pub fn done_of(lang: Lang, done: usize, total: usize) -> String {
    format!("{done}/{total} {}", lang.pick("tehty", "klart", "done"))
}
