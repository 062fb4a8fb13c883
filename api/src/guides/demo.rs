//! The first operating models, for the services this system runs: one-to-one sessions, remote events
//! and the reading circle, care-home programmes and home delivery. Written in Finnish, the demo
//! library's language, published under CC BY 4.0.

use chrono::NaiveDateTime;
use etakirjasto_shared::{
    GuideInput, GuideLicence, GuideService, GuideVariantInput, Lang, Scenario,
};

use super::queries::{self, GuideRow, RevisionRow};
use crate::{db::DbConnection, error::ApiError};

fn variant(scenario: Scenario, text: &str) -> GuideVariantInput {
    GuideVariantInput {
        scenario,
        text: text.into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn model(
    service: GuideService,
    title: &str,
    purpose: &str,
    audience: &str,
    steps: &str,
    roles: &str,
    equipment: &str,
    how_to_get: &str,
    variants: Vec<GuideVariantInput>,
) -> GuideInput {
    GuideInput {
        library: String::new(),
        service,
        language: Lang::Fi,
        title: title.into(),
        purpose: purpose.into(),
        audience: audience.into(),
        steps: steps.into(),
        roles: roles.into(),
        equipment: equipment.into(),
        how_to_get: how_to_get.into(),
        variants,
        licence: GuideLicence::CcBy40,
        published: true,
    }
}

/// The demo models, in the order they are listed.
pub fn models() -> Vec<GuideInput> {
    vec![
        model(
            GuideService::OneToOneSessions,
            "Henkilökohtainen etäopastus",
            "Asiakas saa kirjastolta henkilökohtaista apua kotoaan käsin: lukuvinkkejä, apua e-kirjojen ja \
             e-palvelujen käyttöön tai kirjaston palvelujen löytämiseen. Tapaaminen on kahdenkeskinen ja \
             kestää 30–45 minuuttia.",
            "Kaikille kirjaston asiakkaille. Erityisesti niille, jotka eivät pääse kirjastoon, \
             haluavat apua rauhassa tai tarvitsevat opastusta omalla laitteellaan.",
            "1. Asiakas varaa ajan verkossa (**Varaa aika**) tai soittamalla kirjastoon.\n\
             2. Asiakas valitsee, haluaako videon vai puhelun, ja kertoo lyhyesti, missä tarvitsee apua.\n\
             3. Asiakas saa vahvistuksen sähköpostiin tai tekstiviestinä. Päivää ennen ja tuntia ennen tulee muistutus.\n\
             4. Sovittuna aikana kirjastonhoitaja avaa videoyhteyden tai soittaa asiakkaalle.\n\
             5. Tapaamisen jälkeen kirjastonhoitaja kirjaa, miten tapaaminen meni, ja lähettää tarvittaessa ohjeet tai lukulistan.",
            "- **Kirjastonhoitaja**: pitää tapaamisen. Hänellä on koulutus videotapaamisiin ja saavutettavaan viestintään.\n\
             - **Asiakaspalvelu**: varaa ajan puhelimessa asiakkaan puolesta.\n\
             - **Esihenkilö**: päättää, ketkä tarjoavat tapaamisia, ja seuraa varauksia.",
            "- Kirjastonhoitajalla tietokone, kuulokkeet ja mikrofoni, rauhallinen tila.\n\
             - Videoyhteys toimii selaimessa; asiakas ei tarvitse omaa sovellusta.\n\
             - Puhelutapaamisiin kirjaston puhelin.",
            "Varaa aika kirjaston verkkosivulla kohdasta **Varaa aika** tai soita kirjastoon. Aikaa voi siirtää \
             tai sen voi perua vahvistusviestin linkistä.",
            vec![
                variant(
                    Scenario::LibraryClosed,
                    "Tapaamisia tarjotaan tavallista enemmän, koska kirjastoon ei pääse. Kirjaston puhelin \
                     ohjataan asiakaspalveluun, joka varaa aikoja puhelimessa.",
                ),
                variant(
                    Scenario::PatronsUnableToVisit,
                    "Puhelutapaamiset ovat ensisijaisia niille, joilla ei ole laitetta videoon. Kirjastonhoitaja \
                     voi postittaa tai toimittaa kotipalvelun mukana kirjallisen ohjeen ennen tapaamista.",
                ),
                variant(
                    Scenario::StaffRemote,
                    "Kirjastonhoitaja pitää tapaamiset kotoa kirjaston tietokoneella. Puhelut soitetaan \
                     työpuhelimesta, ei omasta puhelimesta.",
                ),
            ],
        ),
        model(
            GuideService::Events,
            "Etälukupiiri ja etätapahtumat",
            "Kirjasto järjestää säännöllisiä tapahtumia verkossa tai hybridinä: lukupiirin, kirjailijavierailuja ja \
             opastuksia. Osallistua voi kotoa käsin.",
            "Kaikille, erityisesti niille, joille matka kirjastoon on pitkä tai raskas.",
            "1. Kirjasto julkaisee tapahtuman tapahtumakalenterissa: aika, kuvaus, paikat paikan päällä ja verkossa.\n\
             2. Osallistuja ilmoittautuu verkossa tai puhelimessa. Kun paikat ovat täynnä, hän pääsee jonoon.\n\
             3. Vahvistusviestissä on kalenteritiedosto. Osallistumislinkki näkyy ilmoittautuneelle ennen alkua.\n\
             4. Vetäjä avaa yhteyden 15 minuuttia ennen alkua ja auttaa yhteyden kanssa.\n\
             5. Lopuksi vetäjä kirjaa osallistujat ja kysyy palautetta.",
            "- **Vetäjä**: pitää tapahtuman ja keskustelun.\n\
             - **Tekninen tuki**: auttaa osallistujia yhteyden kanssa ja seuraa chattia.\n\
             - **Asiakaspalvelu**: ilmoittaa puhelimessa soittavat.",
            "Tietokone, kamera, kuulokkeet ja mikrofoni; hybriditapahtumassa tilan kaiutin ja kamera, joka näyttää \
             puhujan.",
            "Katso tapahtumakalenteri ja ilmoittaudu tapahtuman sivulla tai soita kirjastoon.",
            vec![
                variant(
                    Scenario::LibraryClosed,
                    "Hybriditapahtumat pidetään vain verkossa. Paikan päälle ilmoittautuneille kerrotaan \
                     muutoksesta viestillä ja tarjotaan paikka verkossa.",
                ),
                variant(
                    Scenario::StaffRemote,
                    "Vetäjä pitää tapahtuman kotoa. Tekninen tuki on toisen työntekijän tehtävä, ei vetäjän.",
                ),
            ],
        ),
        model(
            GuideService::CareHomeProgrammes,
            "Etäohjelmat hoivakoteihin",
            "Kirjasto tarjoaa hoivakotien ja palveluasumisen yksiköille ohjelmaa videon välityksellä: muistelua, \
             ääneen lukemista ja tietovisoja. Yksikkö katsoo ohjelman yhdessä asukkaiden kanssa.",
            "Hoivakodit, palvelutalot ja päivätoiminnan ryhmät kirjaston alueella.",
            "1. Kirjasto julkaisee ohjelmat ja niiden ajat.\n\
             2. Yksikön yhteyshenkilö varaa ajan ja kertoo asukkaiden määrän ja laitteet.\n\
             3. Kirjasto vahvistaa ajan tai ehdottaa toista. Vahvistuksessa on videolinkki.\n\
             4. Ohjelman aikana yksikön ohjaaja on asukkaiden kanssa ja auttaa äänen ja kuvan kanssa.\n\
             5. Jälkeenpäin kirjasto kirjaa osallistujamäärän ja palautteen.",
            "- **Kirjastonhoitaja**: pitää ohjelman.\n\
             - **Yksikön yhteyshenkilö**: varaa ja on yhteydessä kirjastoon.\n\
             - **Yksikön ohjaaja**: on asukkaiden kanssa ohjelman ajan.",
            "Yksikössä iso näyttö tai televisio, kaiutin ja kamera. Kirjastossa tietokone, kamera ja hyvä mikrofoni.",
            "Yksikön yhteyshenkilö varaa ohjelman kirjaston sivulla kohdasta **Hoivakotien ohjelmat** tai soittaa kirjastoon.",
            vec![variant(
                Scenario::PatronsUnableToVisit,
                "Kun vierailut hoivakoteihin on rajoitettu, kirjasto tarjoaa ohjelmaa useammin ja lyhyempinä \
                 kertoina. Tarvittaessa ohjelma pidetään puhelinkokouksena.",
            )],
        ),
        model(
            GuideService::HomeDelivery,
            "Kotipalvelu",
            "Kirjasto tuo aineistoa kotiin niille, jotka eivät itse pääse kirjastoon. Kirjastonhoitaja valitsee \
             aineiston asiakkaan toiveiden mukaan.",
            "Ikääntyneet, sairaat ja liikuntarajoitteiset, jotka eivät pysty käymään kirjastossa pysyvästi tai \
             tilapäisesti.",
            "1. Asiakas, omainen tai hoitaja täyttää hakemuksen verkossa tai puhelimessa.\n\
             2. Kirjasto käsittelee hakemuksen ja sopii asiakkaan kanssa, millaista aineistoa ja kuinka usein.\n\
             3. Valitsija valitsee aineiston ennen jokaista käyntiä. Järjestelmä varoittaa, jos asiakas on jo saanut saman.\n\
             4. Päivää ennen asiakas tai yhteyshenkilö saa tiedon käynnistä. Toimittaja saa päivän reitin.\n\
             5. Toimittaja vie aineiston ja noutaa palautukset. Käynti ja asiakkaan palaute kirjataan.",
            "- **Kotipalvelun vastaava**: käsittelee hakemukset ja asiakastiedot.\n\
             - **Valitsija**: valitsee aineiston.\n\
             - **Toimittaja** (työntekijä tai vapaaehtoinen): vie ja noutaa aineiston.",
            "Kuljetuslaukut, reittilista paperilla tai puhelimessa. Asiakastiedot vain kotipalvelun henkilöstön nähtävissä.",
            "Täytä hakemus kirjaston sivulla kohdasta **Kotipalvelu** tai soita kirjastoon.",
            vec![
                variant(
                    Scenario::LibraryClosed,
                    "Aineisto valitaan ja pakataan suljetussa kirjastossa. Toimitukset jatkuvat, ja palautukset \
                     karanteenissa 72 tuntia, jos ohjeistus niin vaatii.",
                ),
                variant(
                    Scenario::PatronsUnableToVisit,
                    "Palvelu avataan tilapäisesti myös niille, jotka eivät nyt pääse kirjastoon. Aineisto \
                     jätetään oven taakse ilman kontaktia, ja toimittaja soittaa ovikelloa.",
                ),
            ],
        ),
    ]
}

/// Loads the demo models into the library (id, slug) as published version 1, saved by `author`.
pub fn load(
    conn: &mut DbConnection,
    library: (&str, &str),
    author: &(String, String),
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let (library_id, slug) = library;
    for mut input in models() {
        input.library = slug.to_owned();
        let id = uuid::Uuid::new_v4().to_string();
        let row = GuideRow {
            id: id.clone(),
            library_id: library_id.to_owned(),
            service: input.service.as_str().into(),
            language: input.language.code().into(),
            title: input.title.clone(),
            purpose: input.purpose.clone(),
            audience: input.audience.clone(),
            steps: input.steps.clone(),
            roles: input.roles.clone(),
            equipment: input.equipment.clone(),
            how_to_get: input.how_to_get.clone(),
            variants: serde_json::to_string(&input.variants).unwrap_or_else(|_| "[]".into()),
            licence: input.licence.as_str().into(),
            published: true,
            version: 1,
            created_at: now,
            updated_at: now,
            sources: "[]".into(),
        };
        let first = RevisionRow {
            guide_id: id,
            version: 1,
            content: serde_json::to_string(&input).unwrap_or_default(),
            note: String::new(),
            edited_at: now,
            edited_by: Some(author.0.clone()),
            edited_by_name: author.1.clone(),
            published: true,
        };
        queries::insert(conn, &row, &first)?;
    }
    Ok(())
}
