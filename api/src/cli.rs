//! The `etakirjasto` command line.
//!
//! ```text
//! etakirjasto [serve]                         run the server (default)
//! etakirjasto migrate                         run pending migrations and exit
//! etakirjasto demo                            load demo data into an empty database; print the sign-ins
//! etakirjasto demo code                       print the demo staff's current two-step sign-in code
//! etakirjasto library add --slug S --name N [--phone P] [--email E]
//! etakirjasto library import-kirkanta --slug S (--file F | --url U)
//! etakirjasto user add --library S --role admin|staff --email E [--name N]
//!                                             password from ETAKIRJASTO_PASSWORD or a prompt
//! etakirjasto user home-service --library S --email E
//!                                             give a staff member the library's home-service role
//!                                             (they see its applications and clients)
//! etakirjasto user home-volunteer --library S --email E
//!                                             make a person with an account in the library one of
//!                                             its home-service volunteers (they see their own
//!                                             rounds and record how their visits went)
//! etakirjasto user reset-second-factor --email E
//!                                             turn two-step sign-in off for a person who lost their
//!                                             phone and recovery codes; ends their sessions
//! etakirjasto home-service retention          erase now the personal data of home-service clients
//!                                             whose service ended, and of declined applications,
//!                                             older than HOME_SERVICE_RETENTION_DAYS (the server
//!                                             also does this daily)
//! etakirjasto home-service notices            tell clients and deliverers now of tomorrow's home
//!                                             visits not yet told of (the server does this from
//!                                             HOME_SERVICE_NOTICE_HOUR the day before)
//! etakirjasto openapi                         print the OpenAPI document
//! ```

use std::process::ExitCode;

use chrono::Utc;
use etakirjasto_shared::{Role, validate};

use crate::{
    auth::{
        queries::{self as users, UserRow},
        secrets,
    },
    config::Config,
    db::{self, DbConnection, write_tx},
    demo,
    error::ApiError,
    libraries::queries::{self as libs, LibraryRow},
    startup::Application,
};

const USAGE: &str = "usage: etakirjasto [serve | migrate | demo | demo code | openapi | library add --slug S --name N [--phone P] [--email E] | library import-kirkanta --slug S (--file F | --url U) | user add --library S --role admin|staff --email E [--name N] | user home-service --library S --email E | user home-volunteer --library S --email E | user reset-second-factor --email E | home-service retention | home-service notices]";

/// Runs the command named by `args` (without the program name).
pub fn run(args: Vec<String>) -> ExitCode {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    if matches!(words.first(), Some(&"openapi")) {
        print!("{}", crate::openapi::spec_json());
        return ExitCode::SUCCESS;
    }
    if words == ["demo", "code"] {
        println!("{}", demo::current_code());
        return ExitCode::SUCCESS;
    }
    if matches!(words.first(), Some(&"--help" | &"-h" | &"help")) {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    let result = match words.as_slice() {
        [] | ["serve"] => serve(config),
        ["home-service", "retention"] => {
            let days = config.home_service_retention_days;
            with_conn(&config, |conn| {
                let (clients, applications) =
                    crate::home_service::privacy::apply_retention(conn, days, chrono::Utc::now())
                        .map_err(|e| e.to_string())?;
                println!(
                    "{clients} ended client(s) and {applications} declined application(s) older than {days} days erased"
                );
                Ok(())
            })
        }
        ["home-service", "notices"] => with_conn(&config, |conn| {
            let n = crate::home_service::notices::notify_tomorrow(conn, 0, chrono::Utc::now())
                .map_err(|e| e.to_string())?;
            println!("{n} message(s) about tomorrow's home visits written");
            Ok(())
        }),
        ["migrate"] => with_conn(&config, |conn| {
            let n = db::migrate(conn)?;
            println!("{n} migration(s) run");
            Ok(())
        }),
        ["demo"] => with_conn(&config, |conn| {
            db::migrate(conn)?;
            match demo::load(conn).map_err(|e| e.to_string())? {
                Some(text) => println!("{text}"),
                None => println!(
                    "The database already has data; demo data not loaded.\n{}",
                    demo::signins()
                ),
            }
            Ok(())
        }),
        ["library", "add", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| add_library(conn, &f)))
        }
        ["library", "import-kirkanta", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| import_kirkanta(conn, &f)))
        }
        ["user", "add", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| add_user(conn, &f)))
        }
        ["user", "home-service", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| grant_home_service(conn, &f)))
        }
        ["user", "home-volunteer", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| grant_volunteer(conn, &f)))
        }
        ["user", "reset-second-factor", rest @ ..] => {
            flags(rest).and_then(|f| with_conn(&config, |conn| reset_second_factor(conn, &f)))
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("etakirjasto: {message}");
    ExitCode::from(2)
}

fn serve(config: Config) -> Result<(), String> {
    let bind = config.bind;
    let public = config.public_url.clone();
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(config)?;
        tracing::info!(%bind, port = app.port(), "listening");
        println!("Etäkirjasto is running at {public} (press Ctrl+C to stop)");
        app.run().await.map_err(|e| e.to_string())
    })
}

fn with_conn(
    config: &Config,
    f: impl FnOnce(&mut DbConnection) -> Result<(), String>,
) -> Result<(), String> {
    let pool = db::connect(config)?;
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    db::migrate(&mut conn)?;
    f(&mut conn)
}

type Flags = Vec<(String, String)>;

fn flags(rest: &[&str]) -> Result<Flags, String> {
    let mut out = Vec::new();
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let name = flag
            .strip_prefix("--")
            .ok_or_else(|| format!("unexpected `{flag}`\n{USAGE}"))?;
        let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
        out.push((name.to_owned(), (*value).to_owned()));
    }
    Ok(out)
}

fn flag<'a>(flags: &'a Flags, name: &str) -> Option<&'a str> {
    flags
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn required<'a>(flags: &'a Flags, name: &str) -> Result<&'a str, String> {
    flag(flags, name).ok_or_else(|| format!("--{name} is required\n{USAGE}"))
}

/// The directory's JSON from `--file` or `--url` (fetched within 30 seconds).
fn kirkanta_source(f: &Flags) -> Result<String, String> {
    match (flag(f, "file"), flag(f, "url")) {
        (Some(path), None) => {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
        }
        (None, Some(url)) => actix_web::rt::System::new().block_on(async move {
            let client = reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .map_err(|e| e.to_string())?;
            let answer = client
                .get(url)
                .header("Accept", "application/json")
                .send()
                .await
                .and_then(reqwest::Response::error_for_status)
                .map_err(|e| format!("cannot fetch {url}: {e}"))?;
            answer
                .text()
                .await
                .map_err(|e| format!("cannot read {url}: {e}"))
        }),
        _ => Err("give either --file or --url".to_owned()),
    }
}

/// Imports branches and opening hours from the Finnish library directory's JSON.
fn import_kirkanta(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let slug = required(f, "slug")?;
    let library = libs::find_by_slug(conn, slug)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no library has the slug `{slug}`"))?;
    let json = kirkanta_source(f)?;
    let found = crate::libraries::kirkanta::parse(&json)?;
    let done = crate::libraries::kirkanta::apply(conn, &library.id, &found)
        .map_err(|e| format!("the import was not saved: {e}"))?;
    println!(
        "{} branch(es) imported into {slug}: {} new, {} updated",
        found.len(),
        done.added,
        done.updated
    );
    Ok(())
}

fn add_library(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let slug = validate::slug(required(f, "slug")?)
        .map_err(|c| format!("--slug: {}", c.message(Default::default())))?;
    let name = validate::name(required(f, "name")?)
        .map_err(|c| format!("--name: {}", c.message(Default::default())))?;
    let phone = flag(f, "phone")
        .map(validate::phone)
        .transpose()
        .map_err(|_| "--phone is not a phone number".to_owned())?;
    let email = flag(f, "email")
        .map(validate::email)
        .transpose()
        .map_err(|_| "--email is not an email address".to_owned())?;
    let row = LibraryRow {
        id: uuid::Uuid::new_v4().to_string(),
        slug: slug.clone(),
        name,
        phone: phone.unwrap_or_default(),
        email: email.unwrap_or_default(),
        time_zone: "Europe/Helsinki".into(),
        created_at: Utc::now().naive_utc(),
    };
    libs::insert_library(conn, &row).map_err(|e| match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => {
            format!("a library with slug `{slug}` already exists")
        }
        other => other.to_string(),
    })?;
    println!("Library `{slug}` added.");
    Ok(())
}

fn grant_home_service(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let slug = required(f, "library")?;
    let library = libs::find_by_slug(conn, slug)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no library with the slug {slug}"))?;
    let email = validate::email(required(f, "email")?)
        .map_err(|_| "--email is not an email address".to_owned())?;
    let user = users::find_user_by(conn, "email", &email)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with the email {email}"))?;
    let staff = users::memberships_of(conn, &user.id)
        .map_err(|e| e.to_string())?
        .iter()
        .any(|m| m.library_id == library.id && m.role.is_staff());
    if !staff {
        return Err(format!("{email} is not staff of {slug}"));
    }
    crate::home_service::queries::grant(conn, &library.id, &user.id, Utc::now().naive_utc())
        .map_err(|e| e.to_string())?;
    println!("{email} now has the home-service role in {slug}.");
    Ok(())
}

fn grant_volunteer(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let slug = required(f, "library")?;
    let library = libs::find_by_slug(conn, slug)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no library with the slug {slug}"))?;
    let email = validate::email(required(f, "email")?)
        .map_err(|_| "--email is not an email address".to_owned())?;
    let user = users::find_user_by(conn, "email", &email)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with the email {email}"))?;
    let member = users::memberships_of(conn, &user.id)
        .map_err(|e| e.to_string())?
        .iter()
        .any(|m| m.library_id == library.id);
    if !member {
        return Err(format!("{email} has no account in {slug}"));
    }
    crate::home_service::queries::grant_volunteer(
        conn,
        &library.id,
        &user.id,
        Utc::now().naive_utc(),
    )
    .map_err(|e| e.to_string())?;
    println!("{email} is now a home-service volunteer of {slug}.");
    Ok(())
}

fn reset_second_factor(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let email = validate::email(required(f, "email")?)
        .map_err(|_| "--email is not an email address".to_owned())?;
    let user = users::find_user_by(conn, "email", &email)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account with the email {email}"))?;
    let now = Utc::now().naive_utc();
    write_tx(conn, |conn| {
        crate::auth::second_factor::reset(conn, &user.id, now)?;
        crate::audit::record(
            conn,
            None,
            crate::audit::Action::SecondFactorReset,
            Some(&user.id),
            None,
            now,
        )?;
        Ok::<_, ApiError>(())
    })
    .map_err(|e| e.to_string())?;
    println!(
        "Two-step sign-in is off for {email} and their sessions have ended; they set it up again at their next sign-in."
    );
    Ok(())
}

fn add_user(conn: &mut DbConnection, f: &Flags) -> Result<(), String> {
    let slug = required(f, "library")?;
    let role = match required(f, "role")? {
        "admin" => Role::Admin,
        "staff" => Role::Staff,
        other => return Err(format!("--role must be admin or staff, not `{other}`")),
    };
    let email = validate::email(required(f, "email")?)
        .map_err(|_| "--email is not an email address".to_owned())?;
    let name = match flag(f, "name") {
        Some(n) => validate::name(n).map_err(|_| "--name is not a valid name".to_owned())?,
        None => email.split('@').next().unwrap_or_default().to_owned(),
    };
    let library = libs::find_by_slug(conn, slug)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no library `{slug}`"))?;
    let password = match std::env::var("ETAKIRJASTO_PASSWORD") {
        Ok(p) => p,
        Err(_) => rpassword::prompt_password(format!("Password for {email}: "))
            .map_err(|e| format!("cannot read the password: {e}"))?,
    };
    let password = validate::password(&password)
        .map_err(|c| format!("password: {}", c.message(Default::default())))?;
    let hash = secrets::hash_secret(&password)?;
    let now = Utc::now().naive_utc();
    write_tx(conn, |conn| {
        let user_id = match users::find_user_by(conn, "email", &email)? {
            Some(existing) => existing.id,
            None => {
                let row = UserRow {
                    id: uuid::Uuid::new_v4().to_string(),
                    name,
                    email: Some(email.clone()),
                    phone: None,
                    card_number: None,
                    password_hash: Some(hash),
                    pin_hash: None,
                    created_at: now,
                    credentials_changed_at: now,
                };
                users::insert_user(conn, &row)?;
                row.id
            }
        };
        diesel::delete(crate::schema::memberships::table.filter(
            diesel::ExpressionMethods::eq(crate::schema::memberships::user_id, &user_id).and(
                diesel::ExpressionMethods::eq(crate::schema::memberships::library_id, &library.id),
            ),
        ))
        .execute(conn)?;
        users::insert_membership(conn, &user_id, &library.id, role, now)?;
        Ok::<_, ApiError>(())
    })
    .map_err(|e| e.to_string())?;
    println!("{} {email} added to `{slug}`.", role.as_str());
    Ok(())
}

use diesel::{BoolExpressionMethods, QueryDsl, RunQueryDsl};
