//! A class of students over WebSocket, as their pages would be: each joins, waits for its
//! phone to idle, then sends two classmates a message from its laptop; every phone must
//! show both messages it was sent. Shared by the class test (which asserts nothing is lost
//! and each push is quick) and the bench (which reports the figures).
// Each user compiles this module and uses a part of it.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use facteur_protocols::class::StudentName;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio::sync::Barrier;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The next JSON text the server sends.
pub async fn next_text(socket: &mut Socket) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(20), socket.next())
            .await
            .expect("the server says something within 20 s")
            .expect("the socket stays open")
            .expect("a frame");
        if let Message::Text(text) = frame {
            return serde_json::from_str(text.as_str()).expect("JSON");
        }
    }
}

/// First names enough for a large class; each gives a distinct login.
const NAMES: [&str; 60] = [
    "Ada", "Ben", "Chloé", "Dan", "Élise", "Fanny", "Gabin", "Hugo", "Inès", "Jade", "Karim",
    "Léa", "Malo", "Nina", "Oscar", "Paul", "Quentin", "Rose", "Sami", "Tom", "Ugo", "Vera",
    "Wendy", "Xavier", "Yanis", "Zoé", "Alma", "Basile", "Capucine", "Diane", "Emma", "Félix",
    "Gaspard", "Hélène", "Iris", "Jules", "Kenza", "Louis", "Manon", "Noé", "Olga", "Pia", "Rémi",
    "Sacha", "Théo", "Ulysse", "Victor", "William", "Yasmine", "Zacharie", "Anouk", "Bruno",
    "Cyril", "Dora", "Ethan", "Flora", "Gilles", "Hector", "Ivan", "Jeanne",
];

/// What one run measured.
#[derive(Debug)]
pub struct Load {
    pub students: usize,
    /// Messages sent (two per student).
    pub messages: usize,
    /// From the first message sent to the last one shown on its phone.
    pub seconds: f64,
    /// For each message, from its sender's click to its recipient's phone showing it.
    pub push_ms: Vec<f64>,
    /// Each student's login and password, in joining order.
    pub accounts: Vec<(String, String)>,
}

impl Load {
    /// The latency below which `p` of the messages arrived (0.95 for p95).
    pub fn percentile(&self, p: f64) -> f64 {
        let mut sorted = self.push_ms.clone();
        sorted.sort_by(f64::total_cmp);
        let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
        sorted.get(at).copied().unwrap_or(f64::NAN)
    }
}

/// The subject of the `n`th message (0 or 1) `from` sends.
fn subject(from: &str, n: usize) -> String {
    format!("Note {n} from {from}")
}

/// Subjects of the messages in a device's INBOX, as a view of the table shows them.
fn inbox_subjects(table: &Value, device: &str) -> BTreeSet<String> {
    let messages = &table["devices"][device]["folders"]["INBOX"]["messages"];
    messages
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| m["raw"]["text"].as_str())
        .filter_map(|raw| {
            raw.lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .map(|s| s.trim().to_owned())
        })
        .collect()
}

/// A page's socket to the class server whose pages are on `port`.
pub async fn connect(port: u16) -> Socket {
    let url = format!("ws://127.0.0.1:{port}/class/socket");
    tokio_tungstenite::connect_async(url)
        .await
        .expect("the class's socket opens")
        .0
}

/// Sends one ask and returns the first thing told back.
pub async fn ask(socket: &mut Socket, ask: Value) -> Value {
    socket
        .send(Message::text(ask.to_string()))
        .await
        .expect("sent");
    next_text(socket).await
}

/// Runs a class of `students` against the class server whose pages are on `port`.
pub async fn run(port: u16, students: usize) -> Load {
    assert!(students >= 3 && students <= NAMES.len());
    let url = format!("ws://127.0.0.1:{port}/class/socket");
    let joined = Arc::new(Barrier::new(students));
    let sent: Arc<Mutex<HashMap<String, Instant>>> = Arc::default();
    let logins: Vec<String> = NAMES[..students]
        .iter()
        .map(|n| StudentName::parse(n).expect("a name").login)
        .collect();
    let mut tasks = Vec::new();
    for i in 0..students {
        let (url, joined, sent) = (url.clone(), joined.clone(), sent.clone());
        let to = [
            logins[(i + 1) % students].clone(),
            logins[(i + 2) % students].clone(),
        ];
        let senders = [
            logins[(i + students - 1) % students].clone(),
            logins[(i + students - 2) % students].clone(),
        ];
        let name = NAMES[i];
        tasks.push(tokio::spawn(async move {
            student(&url, name, to, senders, joined, sent).await
        }));
    }
    let started = Instant::now();
    let mut push_ms = Vec::new();
    let mut accounts = Vec::new();
    for task in tasks {
        let (login, password, latencies) = task.await.expect("a student's task");
        push_ms.extend(latencies);
        accounts.push((login, password));
    }
    Load {
        students,
        messages: students * 2,
        seconds: started.elapsed().as_secs_f64(),
        push_ms,
        accounts,
    }
}

/// One student's page: join, wait for the phone to idle and for everyone else, send two
/// messages, and read until the phone shows the two it was sent. Returns the login, the
/// password and each received message's latency in milliseconds.
async fn student(
    url: &str,
    name: &str,
    to: [String; 2],
    senders: [String; 2],
    joined: Arc<Barrier>,
    sent: Arc<Mutex<HashMap<String, Instant>>>,
) -> (String, String, Vec<f64>) {
    let (mut socket, _) = tokio_tungstenite::connect_async(url)
        .await
        .expect("the class's socket opens");
    let ask = json!({ "join": { "name": name } }).to_string();
    socket.send(Message::text(ask)).await.expect("join sent");
    let welcome = next_text(&mut socket).await;
    let welcome = &welcome["welcome"];
    let login = welcome["login"].as_str().expect("a login").to_owned();
    let password = welcome["password"].as_str().expect("a password").to_owned();
    // The phone connects and idles as the student joins; its check ends with `played`.
    loop {
        if next_text(&mut socket).await.get("played").is_some() {
            break;
        }
    }
    joined.wait().await;
    for (n, to) in to.iter().enumerate() {
        let subject = subject(&login, n);
        let action = json!({ "play": { "action": {
            "do": "send",
            "device": format!("{login}-laptop"),
            "draft": { "to": format!("{to}@class.test"), "subject": subject, "body": "See you at the break.", "in_reply_to": null },
        } } });
        sent.lock().expect("sent").insert(subject, Instant::now());
        socket
            .send(Message::text(action.to_string()))
            .await
            .expect("send asked");
    }
    let expected: BTreeSet<String> = senders
        .iter()
        .enumerate()
        .map(|(k, from)| subject(from, if k == 0 { 0 } else { 1 }))
        .collect();
    let phone = format!("{login}-phone");
    let mut seen = BTreeSet::new();
    let mut latencies = Vec::new();
    while seen != expected {
        let told = tokio::time::timeout(Duration::from_secs(20), next_text(&mut socket))
            .await
            .unwrap_or_else(|_| {
                panic!("{login}'s phone shows {expected:?} within 20 s; it shows {seen:?}")
            });
        assert!(told.get("refused").is_none(), "{login} was refused: {told}");
        let heard = &told["heard"];
        if heard["device"] != phone.as_str() || heard["table"].is_null() {
            continue;
        }
        let now = Instant::now();
        for s in inbox_subjects(&heard["table"], &phone) {
            if seen.insert(s.clone()) {
                assert!(
                    expected.contains(&s),
                    "{login}'s phone got {s}, sent to someone else"
                );
                let at = sent
                    .lock()
                    .expect("sent")
                    .get(&s)
                    .copied()
                    .expect("sent first");
                latencies.push(now.duration_since(at).as_secs_f64() * 1000.0);
            }
        }
    }
    let _ = socket.close(None).await;
    (login, password, latencies)
}
