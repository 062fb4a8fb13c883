//! The background worker that empties the outbox: it claims due messages, sends each on its channel,
//! and marks each sent right after the mail server or gateway accepted it. A failure tries the
//! other channel next (email ↔ text message, when the person has both), then backs off; after
//! [`MAX_ATTEMPTS`] the message is `failed`.
//!
//! *Exactly once:* a claim names one worker and lasts `MESSAGE_CLAIM_SECONDS`; marking a message sent
//! needs the claim, and a worker stops sending from a batch when its claim has less time left than a
//! send may take. A process that dies leaves its claims to expire, and the messages it had not
//! handed over are sent by whichever worker claims them next. Each send is bounded by a third of a claim,
//! so a stalled server cannot hold a message past its claim, and a message cancelled after it was
//! claimed (a reminder of a moved session) is checked for just before sending. The only repeat
//! possible is a message the mail server accepted in the instant before the process died, which
//! carries the same `Message-ID`.

use std::{sync::Arc, time::Duration as StdDuration};

use chrono::{Duration, Utc};
use etakirjasto_shared::{Lang, MessageChannel};
use tokio::sync::Notify;

use super::{
    channels::{Channels, Outgoing},
    outbox::BASE,
    queries::{self, MessageRow},
    templates::{self, PRIVATE_LINK},
};
use crate::{config::Config, db};

/// Attempts before a message is given up as `failed`.
pub const MAX_ATTEMPTS: i32 = 8;
/// Messages claimed at once.
const BATCH: i64 = 20;

static WAKE: Notify = Notify::const_new();

/// Tells the worker of this process that a message was written (it also looks on its own).
pub fn wake() {
    WAKE.notify_one();
}

/// Starts the worker in this process unless `MESSAGES_WORKER` is off.
pub fn spawn(pool: db::DbPool, config: &Config) -> Result<(), String> {
    if !config.messages.worker {
        return Ok(());
    }
    let channels = Arc::new(Channels::new(&config.messages, send_timeout(config))?);
    let public_url = config.public_url.clone();
    let claim_for = StdDuration::from_secs(config.messages.claim_seconds);
    let poll = StdDuration::from_millis(config.messages.poll_ms);
    let guard = send_timeout(config);
    actix_web::rt::spawn(async move {
        loop {
            match run_once(&pool, &channels, &public_url, claim_for, guard).await {
                Ok(0) => {
                    let _ = actix_web::rt::time::timeout(poll, WAKE.notified()).await;
                    // A writer wakes us before its transaction commits: give it a moment.
                    actix_web::rt::time::sleep(StdDuration::from_millis(20)).await;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "message worker: cannot reach the outbox");
                    actix_web::rt::time::sleep(poll).await;
                }
            }
        }
    });
    Ok(())
}

/// How long one send may take: at most 30 s, and at most a third of a claim (a send starts only
/// while two of these are left of the claim).
fn send_timeout(config: &Config) -> StdDuration {
    StdDuration::from_millis((config.messages.claim_seconds * 333).clamp(300, 30_000))
}

/// Claims one batch and sends it; returns how many messages it claimed.
pub async fn run_once(
    pool: &db::DbPool,
    channels: &Channels,
    public_url: &str,
    claim_for: StdDuration,
    guard: StdDuration,
) -> Result<usize, crate::error::ApiError> {
    let claim = uuid::Uuid::new_v4().to_string();
    let now = Utc::now();
    let until = now + Duration::from_std(claim_for).unwrap_or(Duration::seconds(120));
    let batch = {
        let claim = claim.clone();
        db::run(pool, move |conn| {
            Ok(queries::claim_due(
                conn,
                &claim,
                now.naive_utc(),
                until.naive_utc(),
                BATCH,
            )?)
        })
        .await?
    };
    let claimed = batch.len();
    for row in batch {
        let left = until - Utc::now();
        if left.to_std().unwrap_or_default() <= guard * 2 {
            // Too little of the claim is left to check and send safely: give the rest back.
            let claim = claim.clone();
            db::run(pool, move |conn| Ok(queries::release(conn, &claim)?)).await?;
            break;
        }
        let still = {
            let (id, claim) = (row.id.clone(), claim.clone());
            db::run(pool, move |conn| {
                Ok(queries::still_claimed(conn, &id, &claim)?)
            })
            .await?
        };
        if !still {
            // Cancelled since it was claimed (a reminder of a moved or cancelled session).
            continue;
        }
        let outgoing = outgoing(&row, public_url);
        let channel = MessageChannel::parse(&row.channel).unwrap_or(MessageChannel::Email);
        // Every send is bounded (lettre's timeout covers only connecting), so a stalled server
        // cannot hold a message past its claim, and the worker never hangs.
        let send = async {
            match channel {
                MessageChannel::Email => channels.email(&outgoing).await,
                MessageChannel::Sms => channels.sms(&outgoing).await,
            }
        };
        let result = actix_web::rt::time::timeout(guard, send)
            .await
            .unwrap_or_else(|_| Err("timed out".to_owned()));
        let id = row.id.clone();
        let claim = claim.clone();
        let done = Utc::now();
        let kept = match result {
            Ok(via) => {
                tracing::info!(message = %id, via, "message sent");
                db::run(pool, move |conn| {
                    Ok(queries::mark_sent(
                        conn,
                        &id,
                        &claim,
                        via,
                        done.naive_utc(),
                    )?)
                })
                .await?
            }
            Err(error) => {
                // The reason stays in `last_error` only: a server's answer may repeat the address.
                tracing::warn!(message = %id, channel = channel.as_str(), "message not sent");
                let next = next_try(&row, channel, done);
                db::run(pool, move |conn| {
                    Ok(queries::mark_failed(
                        conn,
                        &id,
                        &claim,
                        &error,
                        next.as_ref().map(|(at, c)| (at.naive_utc(), c.as_str())),
                    )?)
                })
                .await?
            }
        };
        if !kept {
            tracing::warn!(message = %row.id, "message claim lost before it was marked");
        }
    }
    Ok(claimed)
}

/// The message as it leaves: the public address in its links and a guest's private link filled in.
pub fn outgoing(row: &MessageRow, public_url: &str) -> Outgoing {
    let language = Lang::from_tag(&row.language).unwrap_or_default();
    let private = row
        .secret
        .as_deref()
        .map(|s| s.replace(BASE, public_url))
        .unwrap_or_else(|| templates::link_sent_before(language).to_owned());
    Outgoing {
        id: row.id.clone(),
        name: row.recipient_name.clone(),
        email: row.email.clone(),
        phone: row.phone.clone(),
        language,
        subject: row.subject.replace(BASE, public_url),
        text: row
            .body
            .replace(BASE, public_url)
            .replace(PRIVATE_LINK, &private),
        ics: row.ics.clone(),
    }
}

/// After a failure on `channel`: the other channel at once when the person has it and this was the
/// first try; otherwise a growing pause (30 s, 1 min, 2 min, … at most an hour), alternating
/// channels; `None` after [`MAX_ATTEMPTS`].
pub fn next_try(
    row: &MessageRow,
    channel: MessageChannel,
    now: chrono::DateTime<Utc>,
) -> Option<(chrono::DateTime<Utc>, MessageChannel)> {
    if row.attempts >= MAX_ATTEMPTS {
        return None;
    }
    let other = match channel {
        MessageChannel::Email if row.phone.is_some() => Some(MessageChannel::Sms),
        MessageChannel::Sms if row.email.is_some() => Some(MessageChannel::Email),
        _ => None,
    };
    let next = other.unwrap_or(channel);
    let pause = if row.attempts <= 1 && other.is_some() {
        Duration::zero()
    } else {
        let exponent = u32::try_from(row.attempts.clamp(1, 8) - 1).unwrap_or(0);
        Duration::seconds((30_i64 << exponent).min(3600))
    };
    Some((now + pause, next))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(attempts: i32, email: bool, phone: bool) -> MessageRow {
        let now = Utc::now().naive_utc();
        MessageRow {
            id: "m".into(),
            library_id: "l".into(),
            kind: "booking_confirmed".into(),
            subject_id: "b".into(),
            user_id: None,
            recipient_name: "Maija".into(),
            email: email.then(|| "maija@example.fi".into()),
            phone: phone.then(|| "0401234567".into()),
            channel: "sms".into(),
            language: "sv".into(),
            subject: "Hej".into(),
            body: "Länk: [[base]]/bookings\n[[link]]".into(),
            ics: None,
            secret: None,
            status: "pending".into(),
            due_at: now,
            attempts,
            claim: None,
            claimed_until: None,
            last_error: None,
            sent_via: None,
            sent_at: None,
            created_at: now,
        }
    }

    #[test]
    fn a_failed_text_message_is_tried_by_email_at_once_then_with_pauses() {
        let now = Utc::now();
        let (at, channel) = next_try(&row(1, true, true), MessageChannel::Sms, now).unwrap();
        assert_eq!((at, channel), (now, MessageChannel::Email));
        let (at, channel) = next_try(&row(2, true, true), MessageChannel::Email, now).unwrap();
        assert_eq!(
            (at - now, channel),
            (Duration::seconds(60), MessageChannel::Sms)
        );
        let (at, channel) = next_try(&row(1, false, true), MessageChannel::Sms, now).unwrap();
        assert_eq!(
            (at - now, channel),
            (Duration::seconds(30), MessageChannel::Sms)
        );
        let (at, _) = next_try(&row(7, false, true), MessageChannel::Sms, now).unwrap();
        assert_eq!(at - now, Duration::seconds(1920));
        assert!(next_try(&row(MAX_ATTEMPTS, true, true), MessageChannel::Sms, now).is_none());
    }

    #[test]
    fn links_get_the_public_address_and_a_sent_private_link_is_explained() {
        let mut r = row(0, true, false);
        let out = outgoing(&r, "https://kirjasto.example");
        assert_eq!(
            out.text,
            "Länk: https://kirjasto.example/bookings\n(länken finns i det första meddelandet du fick)"
        );
        r.secret = Some("[[base]]/bookings/b#token=t".into());
        let out = outgoing(&r, "https://kirjasto.example");
        assert!(
            out.text
                .ends_with("https://kirjasto.example/bookings/b#token=t")
        );
    }
}
