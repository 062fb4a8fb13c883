//! The two ready surveys, in Finnish, Swedish and English: "Which remote library services would
//! you use?" and "Do you or someone close to you need the home-delivery service?", open from two
//! weeks ago for six weeks more, each with answers from the web, paper and phone so the results
//! pages have something to show.

use chrono::{Duration, NaiveDateTime};
use etakirjasto_shared::{
    Hint, Localized, QuestionKind, ResponseSource, SurveyAnswer, SurveyAudience, SurveyContact,
    SurveyInput, SurveyOption, SurveyQuestion,
};

use super::{
    queries::{self, ResponseRow},
    service::row_from,
};
use crate::{db::DbConnection, error::ApiError};

fn t(fi: &str, sv: &str, en: &str) -> Localized {
    Localized {
        fi: fi.into(),
        sv: sv.into(),
        en: en.into(),
    }
}

fn hint(fi: &str, sv: &str, en: &str) -> Hint {
    Hint {
        fi: fi.into(),
        sv: sv.into(),
        en: en.into(),
    }
}

fn option(id: &str, label: Localized) -> SurveyOption {
    SurveyOption {
        id: id.into(),
        label,
    }
}

fn question(
    id: &str,
    kind: QuestionKind,
    text: Localized,
    options: Vec<SurveyOption>,
) -> SurveyQuestion {
    SurveyQuestion {
        id: id.into(),
        kind,
        text,
        help: Hint::default(),
        required: false,
        options,
        other: false,
        min: None,
        max: None,
    }
}

/// "Which remote library services would you use?"
pub fn remote_services(opens_on: String, closes_on: String) -> SurveyInput {
    let mut services = question(
        "services",
        QuestionKind::Multiple,
        t(
            "Mitä kirjaston etäpalveluja käyttäisit?",
            "Vilka av bibliotekets distanstjänster skulle du använda?",
            "Which of the library's remote services would you use?",
        ),
        vec![
            option(
                "guidance",
                t(
                    "Henkilökohtainen lukuneuvonta videolla tai puhelimessa",
                    "Personliga läsråd via video eller telefon",
                    "Personal reading guidance by video or phone",
                ),
            ),
            option(
                "e_services",
                t(
                    "Apu e-kirjojen ja verkkopalvelujen käyttöön",
                    "Hjälp med e-böcker och nättjänster",
                    "Help with e-books and online services",
                ),
            ),
            option(
                "reading_circle",
                t(
                    "Lukupiiri verkossa",
                    "Läsecirkel på nätet",
                    "An online reading circle",
                ),
            ),
            option(
                "events",
                t(
                    "Etätapahtumat ja luennot",
                    "Distansevenemang och föreläsningar",
                    "Remote events and talks",
                ),
            ),
            option(
                "home_delivery",
                t(
                    "Kirjojen kotiinkuljetus",
                    "Hemleverans av böcker",
                    "Books delivered home",
                ),
            ),
        ],
    );
    services.required = true;
    services.other = true;
    services.help = hint(
        "Valitse kaikki sopivat.",
        "Välj alla som passar.",
        "Choose all that apply.",
    );
    let mut visits = question(
        "visits",
        QuestionKind::Number,
        t(
            "Kuinka monta kertaa kävit kirjastossa viime vuonna?",
            "Hur många gånger besökte du biblioteket förra året?",
            "How many times did you visit the library last year?",
        ),
        Vec::new(),
    );
    visits.max = Some(365);
    SurveyInput {
        library: String::new(),
        title: t(
            "Mitä kirjaston etäpalveluja käyttäisit?",
            "Vilka av bibliotekets distanstjänster skulle du använda?",
            "Which remote library services would you use?",
        ),
        intro: hint(
            "Kehitämme palveluja niille, jotka eivät pääse kirjastoon tai asioivat mieluummin kotoa. Vastaaminen vie noin viisi minuuttia. Voit jättää yhteystietosi, jos haluat meidän ottavan yhteyttä.",
            "Vi utvecklar tjänster för dem som inte kan komma till biblioteket eller hellre uträttar ärenden hemifrån. Det tar ungefär fem minuter att svara. Du kan lämna dina kontaktuppgifter om du vill att vi kontaktar dig.",
            "We are developing services for people who cannot come to the library or would rather use it from home. Answering takes about five minutes. You may leave your contact details if you would like us to get in touch.",
        ),
        audience: SurveyAudience::Public,
        contact: SurveyContact::Optional,
        opens_on,
        closes_on: Some(closes_on),
        published: true,
        questions: vec![
            {
                let mut q = question(
                    "age",
                    QuestionKind::Single,
                    t("Ikäsi", "Din ålder", "Your age"),
                    vec![
                        option("under_30", t("Alle 30", "Under 30", "Under 30")),
                        option("30_64", t("30–64", "30–64", "30–64")),
                        option("65_79", t("65–79", "65–79", "65–79")),
                        option("80_plus", t("80 tai yli", "80 eller äldre", "80 or over")),
                    ],
                );
                q.required = true;
                q
            },
            services,
            question(
                "channel",
                QuestionKind::Single,
                t(
                    "Miten asioisit mieluiten?",
                    "Hur skulle du helst sköta ärendet?",
                    "How would you rather take part?",
                ),
                vec![
                    option(
                        "video",
                        t("Videopuhelulla", "Via videosamtal", "By video call"),
                    ),
                    option("phone", t("Puhelimella", "Per telefon", "By phone")),
                    option(
                        "either",
                        t("Kumpi tahansa käy", "Vilket som helst", "Either is fine"),
                    ),
                ],
            ),
            question(
                "confidence",
                QuestionKind::Scale,
                t(
                    "Kuinka varmaksi tunnet itsesi videopuhelujen käyttäjänä? (1 = en lainkaan, 5 = hyvin varmaksi)",
                    "Hur säker känner du dig på att använda videosamtal? (1 = inte alls, 5 = mycket säker)",
                    "How confident are you with video calls? (1 = not at all, 5 = very)",
                ),
                Vec::new(),
            ),
            visits,
            question(
                "wishes",
                QuestionKind::Text,
                t(
                    "Mikä muu auttaisi sinua?",
                    "Vad annat skulle hjälpa dig?",
                    "What else would help you?",
                ),
                Vec::new(),
            ),
        ],
    }
}

/// "Do you or someone close to you need the home-delivery service?"
pub fn home_delivery(opens_on: String, closes_on: String) -> SurveyInput {
    let mut formats = question(
        "formats",
        QuestionKind::Multiple,
        t(
            "Mitä haluaisit lainata?",
            "Vad skulle du vilja låna?",
            "What would you like to borrow?",
        ),
        vec![
            option("books", t("Kirjoja", "Böcker", "Books")),
            option(
                "large_print",
                t(
                    "Isotekstisiä kirjoja",
                    "Storstilsböcker",
                    "Large-print books",
                ),
            ),
            option("audiobooks", t("Äänikirjoja", "Ljudböcker", "Audiobooks")),
            option("magazines", t("Lehtiä", "Tidningar", "Magazines")),
            option("films", t("Elokuvia", "Filmer", "Films")),
        ],
    );
    formats.other = true;
    let mut need = question(
        "need",
        QuestionKind::Single,
        t(
            "Tarvitsetko sinä tai joku läheisesi kirjaston kotipalvelua?",
            "Behöver du eller någon närstående bibliotekets hemservice?",
            "Do you or someone close to you need the library's home-delivery service?",
        ),
        vec![
            option("now", t("Kyllä, nyt", "Ja, nu", "Yes, now")),
            option("later", t("Ehkä myöhemmin", "Kanske senare", "Maybe later")),
            option("no", t("Ei", "Nej", "No")),
        ],
    );
    need.required = true;
    SurveyInput {
        library: String::new(),
        title: t(
            "Tarvitsetko sinä tai läheisesi kotipalvelua?",
            "Behöver du eller en närstående hemservice?",
            "Do you or someone close to you need the home-delivery service?",
        ),
        intro: hint(
            "Kirjaston kotipalvelu tuo kirjat kotiin niille, jotka eivät itse pääse kirjastoon. Kerro, olisiko siitä apua.",
            "Bibliotekets hemservice kommer med böcker hem till dem som inte själva kan ta sig till biblioteket. Berätta om det skulle vara till hjälp.",
            "The library's home-delivery service brings books to people who cannot come to the library. Tell us whether it would help.",
        ),
        audience: SurveyAudience::Public,
        contact: SurveyContact::Optional,
        opens_on,
        closes_on: Some(closes_on),
        published: true,
        questions: vec![
            question(
                "who",
                QuestionKind::Single,
                t("Vastaan", "Jag svarar", "I am answering"),
                vec![
                    option("self", t("Omasta puolestani", "För egen del", "For myself")),
                    option(
                        "relative",
                        t(
                            "Läheiseni puolesta",
                            "För en närstående",
                            "For someone close to me",
                        ),
                    ),
                    option(
                        "carer",
                        t(
                            "Hoitajana asiakkaani puolesta",
                            "Som vårdare för min klient",
                            "As a carer for a client",
                        ),
                    ),
                ],
            ),
            need,
            formats,
            question(
                "how_often",
                QuestionKind::Single,
                t("Kuinka usein?", "Hur ofta?", "How often?"),
                vec![
                    option("weekly", t("Viikoittain", "Varje vecka", "Every week")),
                    option(
                        "fortnightly",
                        t("Joka toinen viikko", "Varannan vecka", "Every other week"),
                    ),
                    option(
                        "monthly",
                        t("Kerran kuukaudessa", "En gång i månaden", "Once a month"),
                    ),
                ],
            ),
            question(
                "comments",
                QuestionKind::Text,
                t(
                    "Muuta kerrottavaa?",
                    "Något annat du vill berätta?",
                    "Anything else?",
                ),
                Vec::new(),
            ),
        ],
    }
}

/// A small deterministic sequence, so the demo's answers are the same on every load.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % sides as u64) as usize
    }
}

fn pick(q: &str, choices: &[&str]) -> SurveyAnswer {
    SurveyAnswer {
        question: q.into(),
        choices: choices.iter().map(|c| (*c).into()).collect(),
        ..SurveyAnswer::default()
    }
}

fn number(q: &str, n: i64) -> SurveyAnswer {
    SurveyAnswer {
        question: q.into(),
        number: Some(n),
        ..SurveyAnswer::default()
    }
}

fn words(q: &str, text: &str) -> SurveyAnswer {
    SurveyAnswer {
        question: q.into(),
        text: Some(text.into()),
        ..SurveyAnswer::default()
    }
}

fn remote_answers(d: &mut Dice) -> Vec<SurveyAnswer> {
    let ages = ["under_30", "30_64", "65_79", "80_plus"];
    let age = ages[d.roll(4)];
    let all = [
        "guidance",
        "e_services",
        "reading_circle",
        "events",
        "home_delivery",
    ];
    let mut chosen: Vec<&str> = all.iter().copied().filter(|_| d.roll(3) == 0).collect();
    if chosen.is_empty() {
        chosen.push(all[d.roll(all.len())]);
    }
    let mut services = pick("services", &chosen);
    if d.roll(8) == 0 {
        services.other = Some("Kirjavinkit sähköpostilla".into());
    }
    let older = age == "65_79" || age == "80_plus";
    let mut answers = vec![
        pick("age", &[age]),
        services,
        pick(
            "channel",
            &[if older {
                ["phone", "either"][d.roll(2)]
            } else {
                ["video", "either"][d.roll(2)]
            }],
        ),
        number(
            "confidence",
            if older {
                1 + d.roll(3) as i64
            } else {
                3 + d.roll(3) as i64
            },
        ),
        number("visits", d.roll(40) as i64),
    ];
    if d.roll(4) == 0 {
        answers.push(words(
            "wishes",
            [
                "Isompi teksti verkkosivuille.",
                "Apua tabletin käyttöön.",
                "Iltaisin olisi hyvä aika.",
            ][d.roll(3)],
        ));
    }
    answers
}

fn home_answers(d: &mut Dice) -> Vec<SurveyAnswer> {
    let who = ["self", "relative", "carer"][d.roll(3)];
    let need = ["now", "later", "no"][d.roll(3)];
    let mut answers = vec![pick("who", &[who]), pick("need", &[need])];
    if need != "no" {
        let all = ["books", "large_print", "audiobooks", "magazines", "films"];
        let mut chosen: Vec<&str> = all.iter().copied().filter(|_| d.roll(2) == 0).collect();
        if chosen.is_empty() {
            chosen.push("large_print");
        }
        answers.push(pick("formats", &chosen));
        answers.push(pick(
            "how_often",
            &[["weekly", "fortnightly", "monthly"][d.roll(3)]],
        ));
    }
    answers
}

/// Loads the two surveys with their answers into the library.
pub fn load(
    conn: &mut DbConnection,
    library_id: &str,
    staff_id: Option<&str>,
    today: chrono::NaiveDate,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let opens = (today - Duration::days(14)).format("%Y-%m-%d").to_string();
    let closes = (today + Duration::days(42)).format("%Y-%m-%d").to_string();
    let mut dice = Dice(2026);
    type Answers = fn(&mut Dice) -> Vec<SurveyAnswer>;
    let surveys: [(SurveyInput, usize, Answers); 2] = [
        (
            remote_services(opens.clone(), closes.clone()),
            36,
            remote_answers,
        ),
        (home_delivery(opens, closes), 18, home_answers),
    ];
    for (input, count, answers) in surveys {
        let id = uuid::Uuid::new_v4().to_string();
        queries::insert(
            conn,
            &row_from(id.clone(), library_id.to_owned(), &input, now),
        )?;
        for i in 0..count {
            // Every fourth on paper and every sixth by phone, entered by staff.
            let source = if i % 4 == 3 {
                ResponseSource::Paper
            } else if i % 6 == 5 {
                ResponseSource::Phone
            } else {
                ResponseSource::Web
            };
            let answers = answers(&mut dice);
            queries::insert_response(
                conn,
                &ResponseRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    survey_id: id.clone(),
                    submitted_at: now - Duration::hours((count - i) as i64 * 7),
                    source: source.as_str().to_owned(),
                    entered_by: staff_id
                        .filter(|_| source != ResponseSource::Web)
                        .map(str::to_owned),
                    language: "fi".into(),
                    contact_name: None,
                    contact_email: None,
                    contact_phone: None,
                    answers: serde_json::to_string(&answers).unwrap_or_default(),
                },
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::rules;

    #[test]
    fn the_templates_are_valid_and_their_answers_pass_the_rules_they_are_counted_by() {
        let mut dice = Dice(2026);
        for (input, answers) in [
            (
                remote_services("2026-11-16".into(), "2027-01-11".into()),
                remote_answers as fn(&mut Dice) -> Vec<SurveyAnswer>,
            ),
            (
                home_delivery("2026-11-16".into(), "2027-01-11".into()),
                home_answers,
            ),
        ] {
            let input = rules::checked(SurveyInput {
                library: "kalajoki".into(),
                ..input
            })
            .expect("a valid survey");
            for _ in 0..200 {
                let given = answers(&mut dice);
                let kept = rules::checked_answers(&input.questions, &given).expect("valid answers");
                assert_eq!(kept.len(), given.len());
            }
        }
    }
}
