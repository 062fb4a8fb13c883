//! Texts of the survey pages: answering, and the staff's list and results.

use etakirjasto_shared::{Lang, ResponseSource, SurveyState};

use super::Text;

/// A text about surveys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surveys {
    /// Title and heading of the list.
    Title,
    /// The list's intro.
    Intro,
    /// No open surveys.
    None,
    /// Back to the list.
    Back,
    /// Marks a required question.
    Required,
    /// Hint of a multiple-choice question.
    ChooseAny,
    /// The "other" option.
    Other,
    /// The label of the "other" text.
    OtherSpecify,
    /// Scale end: 1.
    ScaleLow,
    /// Scale end: 5.
    ScaleHigh,
    /// Hint of a number question, before the range.
    NumberHint,
    /// Heading of the contact details.
    ContactHeading,
    /// Hint of the contact details.
    ContactHint,
    /// Field: name.
    ContactName,
    /// Field: email.
    ContactEmail,
    /// Field: phone.
    ContactPhone,
    /// Send the answers.
    Send,
    /// Thank-you heading.
    Thanks,
    /// Thank-you text.
    ThanksText,
    /// Answer again (staff entering several).
    EnterAnother,
    /// Said when the survey is for signed-in people.
    SignInToAnswer,
    /// Said when the survey is not open.
    NotOpen,
    /// Staff: how the answer was given.
    SourceLegend,
    /// Staff: heading of the staff's list.
    StaffTitle,
    /// Staff: the list's intro.
    StaffIntro,
    /// Staff: responses column.
    Responses,
    /// Staff: state column.
    State,
    /// Staff: survey column.
    Survey,
    /// Staff: link to the results.
    Results,
    /// Staff: link to enter a paper answer.
    EnterPaper,
    /// Staff: back to the list.
    StaffBack,
    /// Staff: heading of the results page.
    ResultsTitle,
    /// Staff: "responses in all".
    TotalResponses,
    /// Staff: how the answers came.
    BySource,
    /// Staff: "answered".
    Answered,
    /// Staff: "skipped".
    Skipped,
    /// Staff: column "option".
    Option,
    /// Staff: column "count".
    Count,
    /// Staff: column "percent".
    Percent,
    /// Staff: mean.
    Mean,
    /// Staff: median.
    Median,
    /// Staff: smallest.
    Min,
    /// Staff: largest.
    Max,
    /// Staff: the free texts.
    Texts,
    /// Staff: no free texts.
    NoTexts,
    /// Staff: the cross-tabulation's choice.
    CrossBy,
    /// Staff: no cross-tabulation.
    CrossNone,
    /// Staff: show the cross-tabulation chosen.
    Show,
    /// Staff: heading of the cross-tabulation.
    CrossHeading,
    /// Staff: download the answers.
    Download,
    /// Staff: the chart is also a table.
    ChartNote,
    /// Staff: a survey for everyone.
    AudiencePublic,
    /// Staff: a survey for patrons.
    AudiencePatrons,
    /// Staff: a survey for care-home contacts.
    AudienceCareHomes,
    /// Staff: "Audience".
    AudienceLabel,
    /// Staff: heading of the invitation form.
    InviteHeading,
    /// Staff: the invitation form's intro.
    InviteIntro,
    /// Staff: whom to invite.
    InviteLegend,
    /// Staff: the units' contact people.
    InviteCareHomes,
    /// Staff: an event's participants.
    InviteEventParticipants,
    /// Staff: which event.
    InviteEvent,
    /// Staff: no coming events.
    InviteNoEvents,
    /// Staff: a note to add.
    InviteNote,
    /// Staff: send the invitations.
    InviteSend,
}

impl Text for Surveys {
    fn text(self, lang: Lang) -> &'static str {
        use Surveys::*;
        match self {
            Title => lang.pick("Kyselyt", "Enkäter", "Surveys"),
            Intro => lang.pick(
                "Kerro meille, millaisia palveluja tarvitset. Vastaukset auttavat kirjastoa kehittämään etäpalveluja.",
                "Berätta vilka tjänster du behöver. Svaren hjälper biblioteket att utveckla distanstjänster.",
                "Tell us which services you need. Your answers help the library develop its remote services.",
            ),
            None => lang.pick(
                "Avoimia kyselyjä ei nyt ole.",
                "Det finns inga öppna enkäter just nu.",
                "There are no open surveys now.",
            ),
            Back => lang.pick("Kaikki kyselyt", "Alla enkäter", "All surveys"),
            Required => lang.pick("(pakollinen)", "(obligatorisk)", "(required)"),
            ChooseAny => lang.pick(
                "Valitse kaikki sopivat.",
                "Välj alla som passar.",
                "Choose all that apply.",
            ),
            Other => lang.pick("Muu", "Annat", "Other"),
            OtherSpecify => lang.pick("Muu, mikä?", "Annat, vad?", "Other, please specify"),
            ScaleLow => lang.pick("1 (vähiten)", "1 (minst)", "1 (least)"),
            ScaleHigh => lang.pick("5 (eniten)", "5 (mest)", "5 (most)"),
            NumberHint => lang.pick("Kokonaisluku", "Ett heltal", "A whole number"),
            ContactHeading => lang.pick(
                "Yhteystiedot (vapaaehtoinen)",
                "Kontaktuppgifter (frivilligt)",
                "Contact details (optional)",
            ),
            ContactHint => lang.pick(
                "Jätä yhteystietosi vain, jos haluat kirjaston ottavan sinuun yhteyttä.",
                "Lämna dina kontaktuppgifter bara om du vill att biblioteket kontaktar dig.",
                "Leave your details only if you would like the library to contact you.",
            ),
            ContactName => lang.pick("Nimi", "Namn", "Name"),
            ContactEmail => lang.pick("Sähköposti", "E-post", "Email"),
            ContactPhone => lang.pick("Puhelinnumero", "Telefonnummer", "Phone number"),
            Send => lang.pick("Lähetä vastaukset", "Skicka svaren", "Send your answers"),
            Thanks => lang.pick("Kiitos vastauksistasi!", "Tack för dina svar!", "Thank you for your answers!"),
            ThanksText => lang.pick(
                "Vastauksesi on tallennettu.",
                "Dina svar har sparats.",
                "Your answers have been saved.",
            ),
            EnterAnother => lang.pick(
                "Syötä seuraava vastaus",
                "Mata in nästa svar",
                "Enter the next answer",
            ),
            SignInToAnswer => lang.pick(
                "Kirjaudu sisään vastataksesi tähän kyselyyn.",
                "Logga in för att svara på enkäten.",
                "Sign in to answer this survey.",
            ),
            NotOpen => lang.pick(
                "Kyselyyn ei voi nyt vastata.",
                "Det går inte att svara på enkäten nu.",
                "This survey is not taking answers now.",
            ),
            SourceLegend => lang.pick(
                "Miten vastaus annettiin?",
                "Hur gavs svaret?",
                "How was the answer given?",
            ),
            StaffTitle => lang.pick("Kyselyt ja tulokset", "Enkäter och resultat", "Surveys and results"),
            StaffIntro => lang.pick(
                "Kirjaston kyselyt, niiden vastaukset ja tulokset. Paperilla tai puhelimessa saadut vastaukset syötetään kyselyn sivulla.",
                "Bibliotekets enkäter, svaren och resultaten. Svar på papper eller per telefon matas in på enkätens sida.",
                "The library's surveys, their answers and results. Answers given on paper or by phone are entered on the survey's page.",
            ),
            Responses => lang.pick("Vastauksia", "Svar", "Responses"),
            State => lang.pick("Tila", "Status", "State"),
            Survey => lang.pick("Kysely", "Enkät", "Survey"),
            Results => lang.pick("Tulokset", "Resultat", "Results"),
            EnterPaper => lang.pick(
                "Syötä paperi- tai puhelinvastaus",
                "Mata in svar på papper eller per telefon",
                "Enter a paper or phone answer",
            ),
            StaffBack => lang.pick("Kaikki kyselyt", "Alla enkäter", "All surveys"),
            ResultsTitle => lang.pick("Kyselyn tulokset", "Enkätens resultat", "Survey results"),
            TotalResponses => lang.pick("Vastauksia yhteensä", "Svar totalt", "Responses in all"),
            BySource => lang.pick("Vastaustapa", "Svarssätt", "How the answers came"),
            Answered => lang.pick("vastasi", "svarade", "answered"),
            Skipped => lang.pick("ohitti", "hoppade över", "skipped"),
            Option => lang.pick("Vaihtoehto", "Alternativ", "Option"),
            Count => lang.pick("Määrä", "Antal", "Count"),
            Percent => lang.pick("Osuus vastanneista", "Andel av de svarande", "Share of those who answered"),
            Mean => lang.pick("Keskiarvo", "Medelvärde", "Mean"),
            Median => lang.pick("Mediaani", "Median", "Median"),
            Min => lang.pick("Pienin", "Minst", "Smallest"),
            Max => lang.pick("Suurin", "Störst", "Largest"),
            Texts => lang.pick("Vapaat vastaukset", "Fritextsvar", "Free-text answers"),
            NoTexts => lang.pick("Ei vastauksia.", "Inga svar.", "No answers."),
            CrossBy => lang.pick(
                "Ristiintaulukoi vastaukset kysymyksen mukaan",
                "Korstabulera svaren efter frågan",
                "Cross-tabulate the answers by the question",
            ),
            CrossNone => lang.pick("Ei ristiintaulukointia", "Ingen korstabulering", "No cross-tabulation"),
            Show => lang.pick("Näytä", "Visa", "Show"),
            CrossHeading => lang.pick("Ristiintaulukointi", "Korstabulering", "Cross-tabulation"),
            Download => lang.pick(
                "Lataa vastaukset (CSV)",
                "Ladda ner svaren (CSV)",
                "Download the answers (CSV)",
            ),
            ChartNote => lang.pick(
                "Kaavion luvut ovat myös taulukossa.",
                "Diagrammets siffror finns också i tabellen.",
                "The chart's figures are also in the table.",
            ),
            AudiencePublic => lang.pick("Kaikille", "För alla", "For everyone"),
            AudiencePatrons => lang.pick("Kirjautuneille asiakkaille", "För inloggade kunder", "For signed-in patrons"),
            AudienceCareHomes => lang.pick(
                "Hoivakotien yhteyshenkilöille",
                "För vårdhemmens kontaktpersoner",
                "For care-home contacts",
            ),
            AudienceLabel => lang.pick("Kenelle", "För vem", "Audience"),
            InviteHeading => lang.pick("Kutsu vastaamaan", "Bjud in att svara", "Invite people to answer"),
            InviteIntro => lang.pick(
                "Kutsu lähtee sähköpostina tai tekstiviestinä kunkin omalla kielellä. Samaa henkilöä ei kutsuta kahdesti.",
                "Inbjudan skickas per e-post eller sms på var och ens eget språk. Samma person bjuds inte in två gånger.",
                "The invitation goes by email or text message in each person's own language. Nobody is invited twice.",
            ),
            InviteLegend => lang.pick("Keitä kutsutaan?", "Vem bjuds in?", "Whom to invite?"),
            InviteCareHomes => lang.pick(
                "Hoivakotien ja muiden yksiköiden yhteyshenkilöt",
                "Kontaktpersonerna för vårdhem och andra enheter",
                "The contact people of care homes and other units",
            ),
            InviteEventParticipants => lang.pick(
                "Tapahtumaan ilmoittautuneet",
                "De som anmält sig till ett evenemang",
                "The people registered for an event",
            ),
            InviteEvent => lang.pick("Tapahtuma", "Evenemang", "Event"),
            InviteNoEvents => lang.pick(
                "Tulevia tapahtumia ei ole.",
                "Det finns inga kommande evenemang.",
                "There are no coming events.",
            ),
            InviteNote => lang.pick(
                "Terveisesi kutsuun (vapaaehtoinen)",
                "Din hälsning i inbjudan (frivilligt)",
                "Your words in the invitation (optional)",
            ),
            InviteSend => lang.pick("Lähetä kutsut", "Skicka inbjudningarna", "Send the invitations"),
        }
    }
}

/// What sending the invitations did.
pub fn invited(lang: Lang, r: &etakirjasto_shared::SurveyInvitationReceipt) -> String {
    match lang {
        Lang::Fi => format!(
            "Kutsuttu nyt: {}. Kutsuttu jo aiemmin: {}. Ilman sähköpostia tai puhelinnumeroa: {}.",
            r.invited, r.already_invited, r.unreachable
        ),
        Lang::Sv => format!(
            "Inbjudna nu: {}. Inbjudna redan tidigare: {}. Utan e-post eller telefonnummer: {}.",
            r.invited, r.already_invited, r.unreachable
        ),
        Lang::En => format!(
            "Invited now: {}. Invited before: {}. Without an email address or phone number: {}.",
            r.invited, r.already_invited, r.unreachable
        ),
    }
}

/// The name of a survey's state.
pub fn state_name(lang: Lang, state: SurveyState) -> &'static str {
    match state {
        SurveyState::Draft => lang.pick("Luonnos", "Utkast", "Draft"),
        SurveyState::Scheduled => lang.pick("Tulossa", "Kommande", "Scheduled"),
        SurveyState::Open => lang.pick("Avoinna", "Öppen", "Open"),
        SurveyState::Closed => lang.pick("Päättynyt", "Stängd", "Closed"),
    }
}

/// The name of the way an answer came.
pub fn source_name(lang: Lang, source: ResponseSource) -> &'static str {
    match source {
        ResponseSource::Web => lang.pick("Verkossa", "På webben", "On the web"),
        ResponseSource::Paper => lang.pick("Paperilla", "På papper", "On paper"),
        ResponseSource::Phone => lang.pick("Puhelimessa", "Per telefon", "By phone"),
    }
}
