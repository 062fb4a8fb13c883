//! The ways a message leaves: email over SMTP (plain text and HTML, with the calendar file
//! attached), text messages through an HTTP gateway, and the message log when neither is configured.

use std::{io::Write, sync::Mutex};

use etakirjasto_shared::Lang;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, header::ContentType},
};

use super::templates;
use crate::config::MessageConfig;

/// A message ready to go: the text filled in with the real links.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// The message's id (the email's `Message-ID` and the gateway's reference), so a receiver can
    /// recognise a repeat.
    pub id: String,
    /// The recipient's name.
    pub name: String,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// The language.
    pub language: Lang,
    /// Subject line.
    pub subject: String,
    /// Plain text.
    pub text: String,
    /// The calendar file.
    pub ics: Option<String>,
}

/// The configured ways out.
pub struct Channels {
    smtp: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    http: reqwest::Client,
    gateway: Option<(String, Option<String>)>,
    log: Mutex<std::path::PathBuf>,
}

impl std::fmt::Debug for Channels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Channels")
            .field("smtp", &self.smtp.is_some())
            .field("gateway", &self.gateway.is_some())
            .finish()
    }
}

impl Channels {
    /// Sets up the channels from the configuration; one send may take up to `timeout`.
    pub fn new(config: &MessageConfig, timeout: std::time::Duration) -> Result<Channels, String> {
        let smtp = match &config.smtp_url {
            Some(url) => Some(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| format!("SMTP_URL: {e}"))?
                    .timeout(Some(timeout))
                    .build(),
            ),
            None => None,
        };
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| format!("MAIL_FROM: {e}"))?;
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| format!("SMS gateway client: {e}"))?;
        Ok(Channels {
            smtp,
            from,
            http,
            gateway: config.sms_gateway_url.clone().map(|url| {
                (
                    url,
                    config
                        .sms_gateway_token
                        .as_ref()
                        .map(|t| t.expose().to_owned()),
                )
            }),
            log: Mutex::new(config.log_file.clone()),
        })
    }

    /// Sends by email; returns how it went out (`email`, or `log` without a mail server).
    pub async fn email(&self, m: &Outgoing) -> Result<&'static str, String> {
        let Some(address) = &m.email else {
            return Err("no email address".into());
        };
        let Some(smtp) = &self.smtp else {
            self.write_log("email", address, m)?;
            return Ok("log");
        };
        let to = Mailbox::new(
            Some(m.name.clone()),
            address.parse().map_err(|e| format!("email address: {e}"))?,
        );
        let alternative =
            MultiPart::alternative_plain_html(m.text.clone(), templates::html(&m.text, m.language));
        let body = match &m.ics {
            Some(ics) => MultiPart::mixed().multipart(alternative).singlepart(
                Attachment::new(
                    m.language
                        .pick("kalenteri.ics", "kalender.ics", "calendar.ics")
                        .to_owned(),
                )
                .body(
                    ics.clone(),
                    ContentType::parse("text/calendar; charset=utf-8")
                        .map_err(|e| e.to_string())?,
                ),
            ),
            None => alternative,
        };
        let email = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .message_id(Some(format!("<{}@etakirjasto>", m.id)))
            .multipart(body)
            .map_err(|e| format!("email: {e}"))?;
        smtp.send(email)
            .await
            .map(|_| "email")
            .map_err(|e| format!("SMTP: {e}"))
    }

    /// Sends a text message; returns how it went out (`sms`, or `log` without a gateway).
    pub async fn sms(&self, m: &Outgoing) -> Result<&'static str, String> {
        let Some(phone) = &m.phone else {
            return Err("no phone number".into());
        };
        let Some((url, token)) = &self.gateway else {
            self.write_log("sms", phone, m)?;
            return Ok("log");
        };
        let mut request = self.http.post(url).json(&serde_json::json!({
            "to": phone,
            "text": m.text,
            "reference": m.id,
        }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(|e| format!("SMS gateway: {}", e.without_url()))?;
        if response.status().is_success() {
            Ok("sms")
        } else {
            Err(format!("SMS gateway answered {}", response.status()))
        }
    }

    /// Appends the message to the message log (a file, never the server log: it holds personal data).
    fn write_log(&self, channel: &str, to: &str, m: &Outgoing) -> Result<(), String> {
        let path = self.log.lock().map_err(|_| "message log lock".to_owned())?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("message log: {e}"))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&*path)
            .map_err(|e| format!("message log: {e}"))?;
        writeln!(
            file,
            "--- message {} via {channel} to {to}\nSubject: {}\n\n{}\n{}",
            m.id,
            m.subject,
            m.text,
            if m.ics.is_some() {
                "[calendar file attached]\n"
            } else {
                ""
            }
        )
        .map_err(|e| format!("message log: {e}"))
    }
}
