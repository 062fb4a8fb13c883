//! Operating models: checking, reading, writing with history, copying and Markdown export.

use chrono::{NaiveDateTime, Utc};
use etakirjasto_shared::{
    ErrorCode, FieldCode, Guide, GuideCopyInput, GuideEdit, GuideInput, GuideLicence, GuideOrigin,
    GuideRevision, GuideService, GuideVariant, GuideVariantInput, Lang, Rendered, Scenario,
};

use super::{
    markdown::to_html,
    queries::{self, GuideChanges, GuideRow, GuideView, RevisionRow},
};
use crate::{
    auth::{AuthUser, extract::role_refused},
    db::{DbConnection, write_tx},
    error::ApiError,
    events::service::{local, staff_library, tz_of},
    schema::users,
};

/// Longest title.
const TITLE_MAX: usize = 200;
/// Longest Markdown text of one section or variant (the whole body is at most 64 KiB).
pub const TEXT_MAX: usize = 5_000;
/// Longest edit note.
const NOTE_MAX: usize = 500;

/// Checks and trims a model as written; every fault is named by its field.
pub fn checked(input: GuideInput) -> Result<GuideInput, ApiError> {
    let mut faults: Vec<(String, FieldCode)> = Vec::new();
    let mut text = |field: &str, raw: &str, required: bool| -> String {
        let value = raw.trim();
        if let Err(code) = etakirjasto_shared::validate::free_text(value) {
            faults.push((field.into(), code));
        } else if required && value.is_empty() {
            faults.push((field.into(), FieldCode::Required));
        } else if value.chars().count() > TEXT_MAX {
            faults.push((field.into(), FieldCode::TooLong));
        }
        value.to_owned()
    };
    let purpose = text("purpose", &input.purpose, true);
    let audience = text("audience", &input.audience, true);
    let steps = text("steps", &input.steps, true);
    let roles = text("roles", &input.roles, false);
    let equipment = text("equipment", &input.equipment, false);
    let how_to_get = text("how_to_get", &input.how_to_get, true);
    let mut variants = Vec::with_capacity(input.variants.len());
    let mut seen = Vec::new();
    for (i, v) in input.variants.iter().enumerate() {
        let body = text(&format!("variants[{i}].text"), &v.text, true);
        variants.push(GuideVariantInput {
            scenario: v.scenario,
            text: body,
        });
    }
    for (i, v) in input.variants.iter().enumerate() {
        if v.scenario == Scenario::Normal || seen.contains(&v.scenario) {
            faults.push((format!("variants[{i}].scenario"), FieldCode::InvalidChoice));
        }
        seen.push(v.scenario);
    }
    let title = input.title.trim().to_owned();
    if title.is_empty() {
        faults.push(("title".into(), FieldCode::Required));
    } else if title.chars().any(char::is_control) {
        faults.push(("title".into(), FieldCode::InvalidFormat));
    } else if title.chars().count() > TITLE_MAX {
        faults.push(("title".into(), FieldCode::TooLong));
    }
    if !faults.is_empty() {
        return Err(ApiError::invalid(faults));
    }
    // Variants in scenario order, so the stored text does not depend on the order sent.
    variants.sort_by_key(|v| Scenario::ALL.iter().position(|s| *s == v.scenario));
    Ok(GuideInput {
        library: input.library.trim().to_owned(),
        service: input.service,
        language: input.language,
        title,
        purpose,
        audience,
        steps,
        roles,
        equipment,
        how_to_get,
        variants,
        licence: input.licence,
        published: input.published,
    })
}

fn rendered(markdown: &str) -> Rendered {
    Rendered {
        markdown: markdown.to_owned(),
        html: to_html(markdown),
    }
}

/// A copy's sources, nearest first.
fn stored_sources(row: &GuideRow) -> Vec<GuideOrigin> {
    serde_json::from_str(&row.sources).unwrap_or_default()
}

/// True when a source asks that adaptations keep its licence (ShareAlike).
fn share_alike(row: &GuideRow) -> bool {
    stored_sources(row)
        .iter()
        .any(|o| o.licence == GuideLicence::CcBySa40)
}

fn stored_variants(row: &GuideRow) -> Vec<GuideVariantInput> {
    serde_json::from_str(&row.variants).unwrap_or_default()
}

/// The wire form of a stored model.
pub fn to_wire((row, slug, name, zone): GuideView) -> Guide {
    let variants = stored_variants(&row)
        .into_iter()
        .map(|v| GuideVariant {
            scenario: v.scenario,
            text: rendered(&v.text),
        })
        .collect();
    let licence = GuideLicence::parse(&row.licence).unwrap_or(GuideLicence::CcBy40);
    let mut sources = stored_sources(&row).into_iter();
    let copied_from = sources.next();
    let earlier_sources: Vec<GuideOrigin> = sources.collect();
    Guide {
        id: row.id,
        library: slug,
        library_name: name,
        service: GuideService::parse(&row.service).unwrap_or(GuideService::Other),
        language: lang_of(&row.language),
        purpose: rendered(&row.purpose),
        audience: rendered(&row.audience),
        steps: rendered(&row.steps),
        roles: rendered(&row.roles),
        equipment: rendered(&row.equipment),
        how_to_get: rendered(&row.how_to_get),
        title: row.title,
        variants,
        licence,
        licence_name: licence.name().to_owned(),
        licence_url: licence.url().to_owned(),
        published: row.published,
        version: row.version,
        updated_at: local(row.updated_at, tz_of(&zone)),
        copied_from,
        earlier_sources,
    }
}

fn lang_of(code: &str) -> Lang {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .unwrap_or_default()
}

/// The input a stored model was written from.
fn input_of(row: &GuideRow, slug: &str) -> GuideInput {
    GuideInput {
        library: slug.to_owned(),
        service: GuideService::parse(&row.service).unwrap_or(GuideService::Other),
        language: lang_of(&row.language),
        title: row.title.clone(),
        purpose: row.purpose.clone(),
        audience: row.audience.clone(),
        steps: row.steps.clone(),
        roles: row.roles.clone(),
        equipment: row.equipment.clone(),
        how_to_get: row.how_to_get.clone(),
        variants: stored_variants(row),
        licence: GuideLicence::parse(&row.licence).unwrap_or(GuideLicence::CcBy40),
        published: row.published,
    }
}

fn changes(input: &GuideInput, now: NaiveDateTime) -> GuideChanges {
    GuideChanges {
        service: input.service.as_str().to_owned(),
        language: input.language.code().to_owned(),
        title: input.title.clone(),
        purpose: input.purpose.clone(),
        audience: input.audience.clone(),
        steps: input.steps.clone(),
        roles: input.roles.clone(),
        equipment: input.equipment.clone(),
        how_to_get: input.how_to_get.clone(),
        variants: serde_json::to_string(&input.variants).unwrap_or_else(|_| "[]".into()),
        licence: input.licence.as_str().to_owned(),
        published: input.published,
        updated_at: now,
    }
}

fn row_from(
    id: String,
    library_id: String,
    input: &GuideInput,
    sources: &[GuideOrigin],
    now: NaiveDateTime,
) -> GuideRow {
    let c = changes(input, now);
    GuideRow {
        id,
        library_id,
        service: c.service,
        language: c.language,
        title: c.title,
        purpose: c.purpose,
        audience: c.audience,
        steps: c.steps,
        roles: c.roles,
        equipment: c.equipment,
        how_to_get: c.how_to_get,
        variants: c.variants,
        licence: c.licence,
        published: c.published,
        version: 1,
        created_at: now,
        updated_at: now,
        sources: serde_json::to_string(sources).unwrap_or_else(|_| "[]".into()),
    }
}

fn revision(
    conn: &mut DbConnection,
    guide_id: &str,
    version: i32,
    input: &GuideInput,
    note: &str,
    user: &AuthUser,
    now: NaiveDateTime,
) -> Result<RevisionRow, ApiError> {
    use diesel::prelude::*;
    let name: String = users::table
        .find(&user.user_id)
        .select(users::name)
        .first(conn)?;
    Ok(RevisionRow {
        guide_id: guide_id.to_owned(),
        version,
        content: serde_json::to_string(input).map_err(|e| ApiError::internal(e.to_string()))?,
        note: note.to_owned(),
        edited_at: now,
        edited_by: Some(user.user_id.clone()),
        edited_by_name: name,
        published: input.published,
    })
}

/// True when `user` may read the model: published, or a draft of a library they are staff of.
fn readable(user: Option<&AuthUser>, row: &GuideRow) -> bool {
    row.published || user.is_some_and(|u| u.is_staff_of(&row.library_id))
}

/// A model `user` may read, else 404.
pub fn read(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
) -> Result<GuideView, ApiError> {
    queries::find(conn, id)?
        .filter(|v| readable(user, &v.0))
        .ok_or_else(ApiError::not_found)
}

/// The filters of the list.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Only this library's models (its id).
    pub library_id: Option<String>,
    /// Only models of this service.
    pub service: Option<GuideService>,
    /// Only models that matter in this scenario: those with a variant for it (every model in
    /// normal times).
    pub scenario: Option<Scenario>,
    /// Only models in this language.
    pub language: Option<Lang>,
}

/// The models `user` may read that pass `filter`, in library, service and title order.
pub fn list(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    filter: &Filter,
) -> Result<Vec<GuideView>, ApiError> {
    let drafts_of: Vec<String> = user
        .map(|u| {
            u.memberships
                .iter()
                .filter(|m| m.role.is_staff())
                .map(|m| m.library_id.clone())
                .collect()
        })
        .unwrap_or_default();
    let mut rows = queries::list(conn, filter.library_id.as_deref(), &drafts_of)?;
    rows.retain(|(row, ..)| {
        filter
            .service
            .is_none_or(|s| GuideService::parse(&row.service) == Some(s))
            && filter.language.is_none_or(|l| lang_of(&row.language) == l)
            && filter.scenario.is_none_or(|s| {
                s == Scenario::Normal || stored_variants(row).iter().any(|v| v.scenario == s)
            })
    });
    rows.sort_by_cached_key(sort_key);
    Ok(rows)
}

/// A model's place in the list: library, service in its fixed order, lowercased title, id.
pub type SortKey = (String, usize, String, String);

/// The list's order.
pub fn sort_key(v: &GuideView) -> SortKey {
    let service = GuideService::ALL
        .iter()
        .position(|s| Some(*s) == GuideService::parse(&v.0.service))
        .unwrap_or(GuideService::ALL.len());
    (
        v.1.clone(),
        service,
        v.0.title.to_lowercase(),
        v.0.id.clone(),
    )
}

/// The list's cursor for a model: its sort key as `slug|service|id|title` (the title last, since it
/// may hold any character; the id has a fixed length).
pub fn cursor_of(v: &GuideView) -> String {
    let (slug, service, title, id) = sort_key(v);
    format!("{slug}|{service}|{id}|{title}")
}

/// The sort key a cursor names, if it is one.
pub fn parse_cursor(raw: &str) -> Option<SortKey> {
    let (slug, rest) = raw.split_once('|')?;
    let (service, rest) = rest.split_once('|')?;
    let (id, title) = rest.split_once('|')?;
    if !etakirjasto_shared::validate::is_id(id) {
        return None;
    }
    Some((
        slug.to_owned(),
        service.parse().ok()?,
        title.to_owned(),
        id.to_owned(),
    ))
}

/// Creates a model in the library the input names; the caller must be its staff.
pub fn create(
    conn: &mut DbConnection,
    user: &AuthUser,
    input: &GuideInput,
) -> Result<GuideView, ApiError> {
    let library = staff_library(conn, user, &input.library)?;
    let id = uuid::Uuid::new_v4().to_string();
    let now = now();
    write_tx(conn, |conn| {
        let row = row_from(id.clone(), library.id.clone(), input, &[], now);
        let first = revision(conn, &id, 1, input, "", user, now)?;
        queries::insert(conn, &row, &first)?;
        Ok::<_, ApiError>(())
    })?;
    read(conn, Some(user), &id)
}

/// Saves an edit made on `edit.version`; 409 `conflict` when someone saved another version since.
pub fn edit(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    edit: GuideEdit,
) -> Result<GuideView, ApiError> {
    let note = edit.note.trim().to_owned();
    let mut faults = Vec::new();
    // The version the edit was made on; no stored model has one below 1 or at the largest number.
    let next = edit.version.checked_add(1).filter(|_| edit.version >= 1);
    if next.is_none() {
        faults.push(("version".to_owned(), FieldCode::InvalidChoice));
    }
    if let Err(code) = etakirjasto_shared::validate::free_text(&note) {
        faults.push(("note".to_owned(), code));
    } else if note.chars().count() > NOTE_MAX {
        faults.push(("note".to_owned(), FieldCode::TooLong));
    }
    // The model's fields sit under `guide` in this body, and are named so.
    let input = match checked(edit.guide) {
        Ok(input) => Some(input),
        Err(ApiError::Client(mut refused)) => {
            faults.extend(
                refused
                    .fields
                    .drain(..)
                    .map(|(field, code)| (format!("guide.{field}"), code)),
            );
            None
        }
        Err(e) => return Err(e),
    };
    let input = match input {
        Some(input) if faults.is_empty() => input,
        _ => return Err(ApiError::invalid(faults)),
    };
    let (stored, slug, ..) = read(conn, Some(user), id)?;
    if !user.is_staff_of(&stored.library_id) {
        return Err(role_refused(user));
    }
    // An adaptation of a ShareAlike model keeps that licence.
    if share_alike(&stored) && input.licence != GuideLicence::CcBySa40 {
        return Err(ApiError::invalid(vec![(
            "guide.licence".to_owned(),
            FieldCode::InvalidChoice,
        )]));
    }
    let now = now();
    let input = GuideInput {
        library: slug,
        ..input
    };
    write_tx(conn, |conn| {
        let rev = revision(conn, id, next.unwrap_or(1), &input, &note, user, now)?;
        if !queries::update_if_version(conn, id, edit.version, &changes(&input, now), &rev)? {
            let current = queries::find(conn, id)?.map_or(0, |v| v.0.version);
            return Err(ApiError::client(ErrorCode::Conflict).with_detail(format!(
                "The model was saved as version {current} after version {} you edited; load it again and redo your change.",
                edit.version
            )));
        }
        Ok(())
    })?;
    read(conn, Some(user), id)
}

/// Copies a model `user` may read into a library they are staff of, as an unpublished draft that
/// names its origin.
pub fn copy(
    conn: &mut DbConnection,
    user: &AuthUser,
    id: &str,
    target: &GuideCopyInput,
) -> Result<GuideView, ApiError> {
    let (source, slug, name, _) = read(conn, Some(user), id)?;
    let library = staff_library(conn, user, &target.library)?;
    // A draft stays in its library, even for someone who is staff of both.
    if !source.published && library.id != source.library_id {
        return Err(ApiError::not_found());
    }
    let input = GuideInput {
        library: library.slug.clone(),
        published: false,
        ..input_of(&source, &slug)
    };
    let licence = GuideLicence::parse(&source.licence).unwrap_or(GuideLicence::CcBy40);
    // The copy names the model it came from first, then that model's own sources.
    let mut sources = vec![GuideOrigin {
        guide_id: source.id.clone(),
        library: slug,
        library_name: name.clone(),
        title: source.title.clone(),
        version: source.version,
        licence,
    }];
    sources.extend(stored_sources(&source));
    let note = format!(
        "{name}: {} (v{}), {}",
        source.title,
        source.version,
        licence.as_str()
    );
    let new_id = uuid::Uuid::new_v4().to_string();
    let now = now();
    write_tx(conn, |conn| {
        let row = row_from(new_id.clone(), library.id.clone(), &input, &sources, now);
        let first = revision(conn, &new_id, 1, &input, &note, user, now)?;
        queries::insert(conn, &row, &first)?;
        Ok::<_, ApiError>(())
    })?;
    read(conn, Some(user), &new_id)
}

/// A model's versions, newest first, older than `before` when given.
pub fn revisions(
    conn: &mut DbConnection,
    user: Option<&AuthUser>,
    id: &str,
    before: Option<i32>,
    limit: i64,
) -> Result<Vec<GuideRevision>, ApiError> {
    let (row, _, _, zone) = read(conn, user, id)?;
    let tz = tz_of(&zone);
    // The versions saved as drafts are the library's staff's, like drafts themselves.
    let drafts = user.is_some_and(|u| u.is_staff_of(&row.library_id));
    Ok(queries::revisions(conn, &row.id, drafts, before, limit)?
        .into_iter()
        .map(|r| GuideRevision {
            version: r.version,
            edited_at: local(r.edited_at, tz),
            edited_by: r.edited_by_name,
            note: r.note,
            guide: serde_json::from_str(&r.content).unwrap_or_else(|_| input_of(&row, "")),
        })
        .collect())
}

fn now() -> NaiveDateTime {
    // Whole microseconds, so PostgreSQL and SQLite store the same time.
    let t = Utc::now().naive_utc();
    t - chrono::Duration::nanoseconds(i64::from(t.and_utc().timestamp_subsec_nanos() % 1000))
}

/// Section headings of the Markdown export, in the model's language.
fn headings(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Fi => [
            "Tarkoitus",
            "Kenelle",
            "Miten palvelu toimii",
            "Roolit",
            "Laitteet ja ohjelmat",
            "Miten asiakas saa palvelun",
            "Eri tilanteissa",
        ],
        Lang::Sv => [
            "Syfte",
            "För vem",
            "Hur tjänsten fungerar",
            "Roller",
            "Utrustning och program",
            "Hur en kund får tjänsten",
            "I olika situationer",
        ],
        Lang::En => [
            "Purpose",
            "Who it is for",
            "How it works",
            "Roles",
            "Equipment and software",
            "How a patron gets it",
            "In other situations",
        ],
    }
}

/// One model as a Markdown document: a YAML front matter with its title, library, version and
/// licence, then its sections; `level` is the level of its title (1 alone, 2 in a bundle).
pub fn markdown(view: &GuideView, base: &str, level: usize) -> String {
    let (row, slug, name, _) = view;
    let input = input_of(row, slug);
    let licence = input.licence;
    let h = "#".repeat(level);
    let mut out = String::new();
    if level == 1 {
        out.push_str("---\n");
        out.push_str(&format!("title: {}\n", yaml(&row.title)));
        out.push_str(&format!("library: {}\n", yaml(name)));
        out.push_str(&format!("service: {}\n", input.service.as_str()));
        out.push_str(&format!("language: {}\n", input.language.code()));
        out.push_str(&format!("version: {}\n", row.version));
        out.push_str(&format!(
            "updated: {}\n",
            row.updated_at.and_utc().format("%Y-%m-%d")
        ));
        out.push_str(&format!("licence: {}\n", licence.as_str()));
        out.push_str(&format!(
            "source: {}\n",
            yaml(&format!("{base}/api/v1/guides/{}", row.id))
        ));
        out.push_str("---\n\n");
    }
    out.push_str(&format!("{h} {}\n\n", row.title));
    let [purpose, audience, steps, roles, equipment, how, situations] = headings(input.language);
    for (heading, text) in [
        (purpose, &input.purpose),
        (audience, &input.audience),
        (steps, &input.steps),
        (roles, &input.roles),
        (equipment, &input.equipment),
        (how, &input.how_to_get),
    ] {
        if !text.is_empty() {
            out.push_str(&format!("{h}# {heading}\n\n{}\n\n", text.trim_end()));
        }
    }
    if !input.variants.is_empty() {
        out.push_str(&format!("{h}# {situations}\n\n"));
        for v in &input.variants {
            out.push_str(&format!(
                "{h}## {}\n\n{}\n\n",
                v.scenario.name(input.language),
                v.text.trim_end()
            ));
        }
    }
    out.push_str(&attribution(view, base));
    out
}

/// The attribution line the licence asks for.
fn attribution(view: &GuideView, base: &str) -> String {
    let (row, _, name, _) = view;
    let licence = GuideLicence::parse(&row.licence).unwrap_or(GuideLicence::CcBy40);
    let mut line = format!(
        "---\n\n*{}*, {name}, v{} — {} ({}). {base}/guides/{}\n",
        row.title,
        row.version,
        licence.name(),
        licence.url(),
        row.id
    );
    for source in stored_sources(row) {
        line.push_str(&format!(
            "\nBased on *{}* by {} (v{}), {} ({}).\n",
            source.title,
            source.library_name,
            source.version,
            source.licence.name(),
            source.licence.url()
        ));
    }
    line.push('\n');
    line
}

/// Every published model of a library as one Markdown document with a table of contents.
pub fn bundle(name: &str, views: &[GuideView], base: &str) -> String {
    let mut out = format!(
        "# {name}: etäpalvelujen toimintamallit / operating models\n\n\
         Each model is published under the licence named at its end. Models: {}.\n\n",
        views.len()
    );
    for (row, ..) in views {
        out.push_str(&format!("- {}\n", row.title));
    }
    out.push('\n');
    for view in views {
        out.push_str(&markdown(view, base, 2));
    }
    out
}

/// A YAML string, quoted.
fn yaml(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}
