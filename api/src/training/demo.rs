//! The demo library's training: four modules ("running a video session", "reading guidance by
//! phone", "accessible communication", "home-service privacy"), the demo staff's progress and
//! practice sessions, their sign-offs for every session type (they deliver all three, so the demo's
//! bookable times are those of the staff who deliver them) and their confidence before and after.

use chrono::NaiveDateTime;
use etakirjasto_shared::{Localized, PracticeState, TrainingItem};

use super::queries::{self, ModuleRow, PracticeRow};
use crate::{db::DbConnection, error::ApiError};

fn text(fi: &str, sv: &str, en: &str) -> Localized {
    Localized {
        fi: fi.into(),
        sv: sv.into(),
        en: en.into(),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

fn item(key: &str, fi: &str, sv: &str, en: &str) -> TrainingItem {
    TrainingItem {
        key: key.into(),
        text: text(fi, sv, en),
    }
}

/// (title, body, items, practice, the English names of the session types it is required for)
type DemoModule = (
    Localized,
    Localized,
    Vec<TrainingItem>,
    bool,
    &'static [&'static str],
);

fn modules() -> Vec<DemoModule> {
    vec![
        (
            text(
                "Videoistunnon pitäminen",
                "Att hålla ett videomöte",
                "Running a video session",
            ),
            text(
                "Videoistunnossa asiakas näkee ja kuulee sinut omalta laitteeltaan.\n\n1. Avaa istunnon linkki viisi minuuttia ennen alkua.\n2. Tervehdi, esittäydy ja kerro, kauanko aikaa on.\n3. Jos yhteys katkeaa, soita asiakkaalle varauksen puhelinnumeroon.\n\nHarjoittele istunto kollegan kanssa ennen ensimmäistä asiakasta.",
                "I ett videomöte ser och hör kunden dig på sin egen enhet.\n\n1. Öppna mötets länk fem minuter före start.\n2. Hälsa, presentera dig och säg hur lång tid ni har.\n3. Om förbindelsen bryts, ring kunden på bokningens telefonnummer.\n\nÖva mötet med en kollega före den första kunden.",
                "In a video session the patron sees and hears you on their own device.\n\n1. Open the session's link five minutes before it starts.\n2. Greet them, introduce yourself and say how long you have.\n3. If the connection drops, call the patron on the booking's phone number.\n\nPractise a session with a colleague before your first patron.",
            ),
            vec![
                item(
                    "test_call",
                    "Soita koepuhelu ja tarkista kuva ja ääni",
                    "Ring ett provsamtal och kontrollera bild och ljud",
                    "Make a test call and check picture and sound",
                ),
                item(
                    "share_screen",
                    "Harjoittele näytön jakamista",
                    "Öva att dela skärmen",
                    "Practise sharing your screen",
                ),
                item(
                    "waiting_room",
                    "Päästä osallistuja odotustilasta",
                    "Släpp in deltagaren från väntrummet",
                    "Let the participant in from the waiting room",
                ),
                item(
                    "fallback",
                    "Tiedä, miten siirryt puhelimeen, jos yhteys katkeaa",
                    "Vet hur du byter till telefon om förbindelsen bryts",
                    "Know how to switch to the phone if the connection drops",
                ),
            ],
            true,
            &["Reading guidance", "Help with e-services", "Practice call"],
        ),
        (
            text(
                "Lukuneuvonta puhelimitse",
                "Läsråd per telefon",
                "Reading guidance by phone",
            ),
            text(
                "Puhelimessa asiakas ei näe kirjoja: kuvaile ne sanoin.\n\n- Kysy, mistä asiakas on pitänyt ja miksi.\n- Ehdota kolmesta viiteen teosta ja kerro, missä muodoissa ne ovat saatavilla.\n- Lähetä lista sovitulla tavalla.",
                "I telefon ser kunden inte böckerna: beskriv dem med ord.\n\n- Fråga vad kunden har tyckt om och varför.\n- Föreslå tre till fem verk och berätta i vilka format de finns.\n- Skicka listan på det sätt ni kommit överens om.",
                "On the phone the patron cannot see the books: describe them in words.\n\n- Ask what they have enjoyed and why.\n- Suggest three to five titles and say which formats they come in.\n- Send the list the way you agreed.",
            ),
            vec![
                item(
                    "prepare",
                    "Lue asiakkaan etukäteen kertomat toiveet",
                    "Läs kundens önskemål i förväg",
                    "Read what the patron told us beforehand",
                ),
                item(
                    "open_questions",
                    "Käytä avoimia kysymyksiä",
                    "Använd öppna frågor",
                    "Use open questions",
                ),
                item(
                    "send_list",
                    "Lähetä lukulista sovitulla tavalla",
                    "Skicka läslistan som ni kommit överens om",
                    "Send the reading list as agreed",
                ),
            ],
            true,
            &["Reading guidance"],
        ),
        (
            text(
                "Saavutettava viestintä",
                "Tillgänglig kommunikation",
                "Accessible communication",
            ),
            text(
                "Puhu selkeästi ja rauhallisesti. Yksi asia kerrallaan.\n\n- Varmista, että asiakas kuulee ja näkee.\n- Anna aikaa vastata.\n- Kertaa lopuksi, mitä sovittiin.",
                "Tala tydligt och lugnt. En sak i taget.\n\n- Kontrollera att kunden hör och ser.\n- Ge tid att svara.\n- Sammanfatta till sist vad ni kommit överens om.",
                "Speak clearly and calmly. One thing at a time.\n\n- Check that the patron can hear and see.\n- Give them time to answer.\n- Sum up at the end what you agreed.",
            ),
            vec![
                item(
                    "plain_language",
                    "Lue selkokielen perusohjeet",
                    "Läs grunderna i lättläst språk",
                    "Read the basics of plain language",
                ),
                item(
                    "pace",
                    "Harjoittele rauhallista puhetahtia",
                    "Öva ett lugnt taltempo",
                    "Practise a calm pace of speech",
                ),
                item(
                    "summary",
                    "Kertaa sovitut asiat istunnon lopuksi",
                    "Sammanfatta det ni kommit överens om i slutet",
                    "Sum up what was agreed at the end",
                ),
            ],
            false,
            &["Help with e-services"],
        ),
        (
            text(
                "Kotipalvelun tietosuoja",
                "Dataskydd i hemservicen",
                "Home-service privacy",
            ),
            text(
                "Kotipalvelun asiakkaiden tiedot ovat luottamuksellisia.\n\n- Katso vain ne tiedot, joita tarvitset työssäsi.\n- Älä kirjaa muistiinpanoihin terveystietoja.\n- Jokainen asiakastietojen katselu kirjataan lokiin.",
                "Hemservicens kunduppgifter är konfidentiella.\n\n- Titta bara på de uppgifter du behöver i ditt arbete.\n- Skriv inte hälsouppgifter i anteckningarna.\n- Varje visning av kunduppgifter loggas.",
                "Home-service clients' details are confidential.\n\n- Look only at what you need for your work.\n- Do not write health details in notes.\n- Every look at a client's details is logged.",
            ),
            vec![
                item(
                    "need_to_know",
                    "Tunnista, mitä tietoja tarvitset",
                    "Vet vilka uppgifter du behöver",
                    "Know which details you need",
                ),
                item(
                    "notes",
                    "Kirjoita muistiinpanot ilman terveystietoja",
                    "Skriv anteckningar utan hälsouppgifter",
                    "Write notes without health details",
                ),
                item(
                    "audit_log",
                    "Tiedä, että katselut kirjataan lokiin",
                    "Vet att visningar loggas",
                    "Know that every look is logged",
                ),
            ],
            false,
            &[],
        ),
    ]
}

/// Loads the demo training. `staff` are the admin and the two staff members (id, name) in that
/// order; `services` the library's session types (id, English name).
pub fn load(
    conn: &mut DbConnection,
    library_id: &str,
    staff: &[(String, String)],
    services: &[(String, String)],
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let day = chrono::Duration::days(1);
    let mut module_ids = Vec::new();
    for (position, (title, body, items, practice, wanted)) in modules().into_iter().enumerate() {
        let id = uuid::Uuid::new_v4().to_string();
        queries::insert(
            conn,
            &ModuleRow {
                id: id.clone(),
                library_id: library_id.into(),
                title: json(&title),
                body: json(&body),
                items: json(&items),
                practice,
                position: position as i32,
                version: 1,
                created_at: now - day * 60,
                updated_at: now - day * 60,
            },
        )?;
        let mut service_ids: Vec<String> = services
            .iter()
            .filter(|(_, name)| wanted.contains(&name.as_str()))
            .map(|(id, _)| id.clone())
            .collect();
        service_ids.sort();
        queries::set_services(conn, &id, &service_ids)?;
        module_ids.push((id, items, practice));
    }
    let admin = staff.first().map(|s| s.0.as_str()).unwrap_or_default();
    // Everyone has done the first three modules; the librarian the fourth as well, the other
    // staff member two of its three items.
    for (n, (user, _)) in staff.iter().enumerate() {
        for (m, (module, items, _)) in module_ids.iter().enumerate() {
            let count = match (m, n) {
                (3, 1) => items.len(),
                (3, 2) => 2,
                (3, _) => 0,
                _ => items.len(),
            };
            for it in items.iter().take(count) {
                queries::set_tick(conn, module, user, &it.key, true, now - day * 40)?;
            }
        }
    }
    // Practices: each person practised each practice module with the next person, three weeks
    // ago, recorded held by the colleague.
    for (n, (user, _)) in staff.iter().enumerate() {
        let colleague = &staff[(n + 1) % staff.len()].0;
        for (m, (module, _, practice)) in module_ids.iter().enumerate() {
            if !practice {
                continue;
            }
            let starts = now - day * 21 + chrono::Duration::hours(m as i64 + n as i64);
            queries::insert_practice(
                conn,
                &PracticeRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    module_id: module.clone(),
                    trainee_id: user.clone(),
                    colleague_id: Some(colleague.clone()),
                    starts_at: chrono::SubsecRound::trunc_subsecs(starts, 0),
                    state: PracticeState::Held.as_str().into(),
                    created_at: now - day * 30,
                    recorded_at: Some(starts + chrono::Duration::hours(1)),
                    recorded_by: Some(colleague.clone()),
                },
            )?;
        }
    }
    // Signed off for every session type; confidence before and after training.
    let ratings = [(4, 5), (3, 5), (2, 4)];
    for (n, (user, _)) in staff.iter().enumerate() {
        for (s, (service, _)) in services.iter().enumerate() {
            queries::set_competence(conn, service, user, Some((admin, now - day * 14)))?;
            let (before, after) = ratings[n % ratings.len()];
            let before = (before - (s as i32 % 2)).max(1);
            queries::set_confidence(conn, user, service, "before", before, now - day * 60)?;
            queries::set_confidence(conn, user, service, "after", after, now - day * 14)?;
        }
    }
    Ok(())
}
