//! A real SMTP server on loopback for the tests: it speaks enough of RFC 5321 for lettre (EHLO,
//! MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps every message it accepted, and can hold its answer to
//! one message so a test can kill the sender while that message is in flight (it is then never
//! accepted, as a real server would not accept a message whose sender vanished before `250`).

use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::{TcpListener, TcpStream},
    sync::Notify,
};

/// A message the server accepted.
#[derive(Debug, Clone)]
pub struct Mail {
    /// The envelope sender.
    pub from: String,
    /// The envelope recipients.
    pub to: Vec<String>,
    /// The message as sent (headers and body, dot-unstuffed).
    pub data: String,
}

impl Mail {
    /// The `Message-ID` header's value.
    pub fn message_id(&self) -> Option<String> {
        self.data.lines().find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("message-id")
                .then(|| value.trim().to_owned())
        })
    }
}

#[derive(Default)]
struct State {
    mails: Vec<Mail>,
    received: usize,
    hold_at: Option<usize>,
}

/// The running server.
#[derive(Clone)]
pub struct SmtpSink {
    /// Its port on 127.0.0.1.
    pub port: u16,
    state: Arc<Mutex<State>>,
    held: Arc<Notify>,
    release: Arc<Notify>,
    delay: Duration,
}

impl SmtpSink {
    /// Starts a server that answers each message at once.
    pub async fn start() -> SmtpSink {
        Self::start_with(Duration::ZERO, None).await
    }

    /// Starts a server that waits `delay` before accepting each message and, when `hold_at` is
    /// `Some(n)`, holds the n-th message (1-based) until [`SmtpSink::release`] and then drops its
    /// connection without accepting it.
    pub async fn start_with(delay: Duration, hold_at: Option<usize>) -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind SMTP");
        let port = listener.local_addr().expect("addr").port();
        let sink = SmtpSink {
            port,
            state: Arc::new(Mutex::new(State {
                hold_at,
                ..State::default()
            })),
            held: Arc::new(Notify::new()),
            release: Arc::new(Notify::new()),
            delay,
        };
        let server = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let server = server.clone();
                tokio::spawn(async move {
                    let _ = server.session(stream).await;
                });
            }
        });
        sink
    }

    /// `smtp://127.0.0.1:<port>` for the server's `SMTP_URL`.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message accepted so far.
    pub fn mails(&self) -> Vec<Mail> {
        self.state.lock().expect("lock").mails.clone()
    }

    /// Waits until the held message has arrived.
    pub async fn wait_held(&self) {
        tokio::time::timeout(Duration::from_secs(60), self.held.notified())
            .await
            .expect("the held message never arrived");
    }

    /// Lets the held message go (its connection is dropped without `250`).
    pub fn release(&self) {
        self.release.notify_one();
    }

    /// Waits until `pred` holds for the accepted messages, or panics after `secs`.
    pub async fn wait_for(
        &self,
        secs: u64,
        what: &str,
        pred: impl Fn(&[Mail]) -> bool,
    ) -> Vec<Mail> {
        let started = Instant::now();
        loop {
            let mails = self.mails();
            if pred(&mails) {
                return mails;
            }
            if started.elapsed() > Duration::from_secs(secs) {
                panic!("waited {secs} s for {what}; have {} mails", mails.len());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn session(&self, stream: TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 test-smtp ready\r\n").await?;
        let mut from = String::new();
        let mut to = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            let command = line.trim_end().to_ascii_uppercase();
            if command.starts_with("EHLO") {
                write
                    .write_all(b"250-test-smtp\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
                    .await?;
            } else if command.starts_with("HELO") {
                write.write_all(b"250 test-smtp\r\n").await?;
            } else if command.starts_with("MAIL FROM:") {
                from = address(&line["MAIL FROM:".len()..]);
                to.clear();
                write.write_all(b"250 OK\r\n").await?;
            } else if command.starts_with("RCPT TO:") {
                to.push(address(&line["RCPT TO:".len()..]));
                write.write_all(b"250 OK\r\n").await?;
            } else if command == "DATA" {
                write.write_all(b"354 go ahead\r\n").await?;
                let mut data = String::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                    data.push_str(unstuffed);
                }
                let number = {
                    let mut state = self.state.lock().expect("lock");
                    state.received += 1;
                    state.received
                };
                if !self.delay.is_zero() {
                    tokio::time::sleep(self.delay).await;
                }
                let hold = self.state.lock().expect("lock").hold_at == Some(number);
                if hold {
                    self.held.notify_one();
                    self.release.notified().await;
                    // The sender was killed meanwhile: the message is not accepted.
                    return Ok(());
                }
                self.state.lock().expect("lock").mails.push(Mail {
                    from: from.clone(),
                    to: to.clone(),
                    data,
                });
                write.write_all(b"250 OK queued\r\n").await?;
            } else if command == "QUIT" {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            } else if command == "RSET" || command == "NOOP" {
                write.write_all(b"250 OK\r\n").await?;
            } else {
                write.write_all(b"502 not implemented\r\n").await?;
            }
        }
    }
}

fn address(raw: &str) -> String {
    let raw = raw.trim();
    let inner = raw
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or(raw, |(a, _)| a);
    inner.to_owned()
}
