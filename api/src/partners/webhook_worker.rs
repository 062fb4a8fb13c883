//! The worker that empties the webhook outbox: it claims due deliveries, posts each to its
//! subscription's URL signed as the Standard Webhooks specification describes, and marks it
//! delivered on a 2xx answer. Anything else waits `WEBHOOK_RETRY_SECONDS`, then twice that, and so
//! on; after [`MAX_ATTEMPTS`] the delivery is `failed`.
//!
//! Signing: `webhook-id` (the delivery's id, the same on every retry, so a partner can drop
//! repeats), `webhook-timestamp` (Unix seconds of this attempt) and `webhook-signature`:
//! `v1,` and the Base64 of HMAC-SHA256 over `<id>.<timestamp>.<body>` with the subscription's
//! secret (the Base64-decoded part after `whsec_`). A claim lasts [`CLAIM_SECONDS`], longer than a
//! post may take, so two processes never post one delivery at once.

use std::time::Duration as StdDuration;

use base64::{Engine as _, engine::general_purpose::STANDARD};
use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::Notify;

use crate::{
    db::{self, DbConnection},
    error::ApiError,
    schema::{api_clients, webhook_deliveries, webhooks},
};

/// Attempts before a delivery is given up as `failed`.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claim lasts: longer than a whole batch of posts may take (20 × 10 s), so no other
/// process posts a delivery again while this one is still at it.
pub const CLAIM_SECONDS: i64 = 300;
/// How long one post may take.
const POST_TIMEOUT: StdDuration = StdDuration::from_secs(10);
const BATCH: i64 = 20;

static WAKE: Notify = Notify::const_new();

/// Tells the worker of this process that a delivery was written.
pub fn wake() {
    WAKE.notify_one();
}

/// The signature header's value for a delivery.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> String {
    let key = secret
        .strip_prefix("whsec_")
        .and_then(|k| STANDARD.decode(k).ok())
        .unwrap_or_else(|| secret.as_bytes().to_vec());
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes any key length");
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

type Claimed = (String, String, String, String, i32);

fn claim_due(
    conn: &mut DbConnection,
    claim: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<Claimed>> {
    db::write_tx(conn, |conn| {
        let free = webhook_deliveries::claimed_until
            .is_null()
            .or(webhook_deliveries::claimed_until.lt(now));
        let due = webhook_deliveries::table
            .filter(webhook_deliveries::status.eq("pending"))
            .filter(webhook_deliveries::due_at.le(now))
            .filter(free)
            .order((webhook_deliveries::due_at, webhook_deliveries::id))
            .limit(BATCH)
            .select(webhook_deliveries::id);
        let ids: Vec<String> = match conn {
            DbConnection::Pg(pg) => due.for_update().skip_locked().load(pg)?,
            DbConnection::Sqlite(_) => due.load(conn)?,
        };
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(
            webhook_deliveries::table
                .filter(webhook_deliveries::id.eq_any(&ids))
                .filter(webhook_deliveries::status.eq("pending"))
                .filter(
                    webhook_deliveries::claimed_until
                        .is_null()
                        .or(webhook_deliveries::claimed_until.lt(now)),
                ),
        )
        .set((
            webhook_deliveries::claim.eq(claim),
            webhook_deliveries::claimed_until.eq(until),
            webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
        ))
        .execute(conn)?;
        webhook_deliveries::table
            .inner_join(webhooks::table.inner_join(api_clients::table))
            .filter(api_clients::revoked_at.is_null())
            .filter(webhook_deliveries::claim.eq(claim))
            .filter(webhook_deliveries::status.eq("pending"))
            .order((webhook_deliveries::due_at, webhook_deliveries::id))
            .select((
                webhook_deliveries::id,
                webhook_deliveries::payload,
                webhooks::url,
                webhooks::secret,
                webhook_deliveries::attempts,
            ))
            .load(conn)
    })
}

/// Records an attempt's outcome, if the claim still holds.
fn settle(
    conn: &mut DbConnection,
    id: &str,
    claim: &str,
    status: Option<u16>,
    attempts: i32,
    retry_seconds: u32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let delivered = status.is_some_and(|s| (200..300).contains(&s));
    let target = webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(id))
        .filter(webhook_deliveries::claim.eq(claim));
    let last = status.map(i32::from);
    if delivered {
        diesel::update(target)
            .set((
                webhook_deliveries::status.eq("delivered"),
                webhook_deliveries::delivered_at.eq(Some(now)),
                webhook_deliveries::last_status.eq(last),
                webhook_deliveries::claim.eq(None::<String>),
                webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
    } else if attempts >= MAX_ATTEMPTS {
        diesel::update(target)
            .set((
                webhook_deliveries::status.eq("failed"),
                webhook_deliveries::last_status.eq(last),
                webhook_deliveries::claim.eq(None::<String>),
                webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
    } else {
        let wait = i64::from(retry_seconds) << (attempts - 1).clamp(0, 16);
        diesel::update(target)
            .set((
                webhook_deliveries::due_at.eq(now + Duration::seconds(wait.min(86_400))),
                webhook_deliveries::last_status.eq(last),
                webhook_deliveries::claim.eq(None::<String>),
                webhook_deliveries::claimed_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Claims one batch and posts it; returns how many deliveries it claimed.
pub async fn run_once(
    pool: &db::DbPool,
    client: &reqwest::Client,
    retry_seconds: u32,
) -> Result<usize, ApiError> {
    let claim = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    let until = now + Duration::seconds(CLAIM_SECONDS);
    let batch = {
        let claim = claim.clone();
        db::run(pool, move |conn| {
            Ok(claim_due(conn, &claim, now.naive_utc(), until.naive_utc())?)
        })
        .await?
    };
    let claimed = batch.len();
    for (id, payload, url, secret, attempts) in batch {
        let timestamp = Utc::now().timestamp();
        let sent = client
            .post(&url)
            .timeout(POST_TIMEOUT)
            .header("content-type", "application/json")
            .header("user-agent", "Etakirjasto-Webhooks/1")
            .header("webhook-id", &id)
            .header("webhook-timestamp", timestamp.to_string())
            .header(
                "webhook-signature",
                signature(&secret, &id, timestamp, &payload),
            )
            .body(payload)
            .send()
            .await;
        let status = match sent {
            Ok(r) => Some(r.status().as_u16()),
            Err(e) => {
                tracing::info!(delivery = %id, error = %e.without_url(), "webhook not delivered");
                None
            }
        };
        let claim = claim.clone();
        db::run(pool, move |conn| {
            Ok(settle(
                conn,
                &id,
                &claim,
                status,
                attempts,
                retry_seconds,
                Utc::now().naive_utc(),
            )?)
        })
        .await?;
    }
    Ok(claimed)
}

/// Starts the worker in this process (with the message worker, unless `MESSAGES_WORKER` is off).
pub fn spawn(pool: db::DbPool, config: &crate::config::Config) -> Result<(), String> {
    if !config.messages.worker {
        return Ok(());
    }
    let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
    if !config.webhooks.allow_http {
        builder = builder.dns_resolver(std::sync::Arc::new(PublicOnly));
    }
    let client = builder
        .build()
        .map_err(|e| format!("webhook client: {e}"))?;
    let retry = config.webhooks.retry_seconds;
    let poll = StdDuration::from_millis(config.messages.poll_ms);
    actix_web::rt::spawn(async move {
        loop {
            match run_once(&pool, &client, retry).await {
                Ok(0) => {
                    let _ = actix_web::rt::time::timeout(poll, WAKE.notified()).await;
                    actix_web::rt::time::sleep(StdDuration::from_millis(20)).await;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "webhook worker: cannot reach the outbox");
                    actix_web::rt::time::sleep(poll).await;
                }
            }
        }
    });
    Ok(())
}

/// Resolves a subscription's host and keeps only public addresses, so a name that points (or later
/// comes to point) inside the network is never posted to.
struct PublicOnly;

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<std::net::SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| super::webhooks::is_public(a.ip()))
                .collect();
            if found.is_empty() {
                return Err("the host has no public address".into());
            }
            let addrs: reqwest::dns::Addrs = Box::new(found.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_public_addresses_are_posted_to() {
        use super::super::webhooks::{check_url, is_public};
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "192.168.0.1",
            "100.64.0.1",
            "169.254.1.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "0.0.0.0",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        assert!(is_public("193.166.3.2".parse().unwrap()));
        assert!(is_public("2001:708::1".parse().unwrap()));
        for url in [
            "https://localhost./x",
            "https://[::ffff:127.0.0.1]/x",
            "https://10.0.0.1/x",
            "https://intranet/x",
            "http://example.fi/x",
        ] {
            assert!(check_url(url, false).is_err(), "{url}");
        }
        assert!(check_url("https://tapahtumat.example.fi/hooks", false).is_ok());
        assert!(check_url("http://127.0.0.1:8080/hooks", true).is_ok());
    }

    /// The Standard Webhooks specification's own example.
    #[test]
    fn signatures_follow_the_standard() {
        let sig = super::signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
