//! The class server's HTTP side: the site's files, `class/hello` (a page learns it is in
//! class mode), `class/socket` (a student's page: JSON texts both ways, see
//! `facteur_protocols::class::wire`), and the teacher's report, reset and mailbox, each
//! asking for the teacher's password as a bearer token.

use std::path::Path;
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use facteur_protocols::class::wire::{Ask, Hello, Refusal, Tell};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use tokio::sync::mpsc;
use tower_http::services::ServeDir;

use super::room::Room;
use super::site;

/// The longest text a page may send: a message at the class's size limit, as JSON.
const MAX_ASK: usize = 96 * 1024;

struct App {
    room: Arc<Room>,
    hello: Hello,
}

pub fn router(room: Arc<Room>, hello: Hello, site_dir: &Path) -> Router {
    let files = ServeDir::new(site_dir)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .route("/class/hello", get(hello_page))
        .route("/class/socket", get(socket))
        .route("/class/teacher/report", get(report))
        .route("/class/teacher/reset", post(reset))
        .route("/class/teacher/mailbox", get(mailbox))
        .fallback_service(files)
        .layer(middleware::from_fn(site::headers))
        .with_state(Arc::new(App { room, hello }))
}

async fn hello_page(State(app): State<Arc<App>>) -> Json<Hello> {
    Json(app.hello.clone())
}

async fn socket(ws: WebSocketUpgrade, State(app): State<Arc<App>>) -> Response {
    ws.max_message_size(MAX_ASK)
        .on_upgrade(move |socket| page(socket, app.room.clone()))
}

/// One student's page: what it asks is played on the room; what the room tells it goes
/// out in order through one channel.
async fn page(socket: WebSocket, room: Arc<Room>) {
    let (mut sink, mut stream) = socket.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<Arc<Tell>>();
    let id = room.open_page(tx);
    let writer = tokio::spawn(async move {
        while let Some(tell) = rx.recv().await {
            let Ok(text) = serde_json::to_string(&*tell) else {
                continue;
            };
            if sink.send(Message::Text(text.into())).await.is_err() {
                break;
            }
        }
    });
    while let Some(Ok(message)) = stream.next().await {
        let text = match message {
            Message::Text(text) => text,
            Message::Close(_) => break,
            _ => continue,
        };
        match serde_json::from_str::<Ask>(text.as_str()) {
            Ok(Ask::Join { name }) => room.join(id, &name),
            Ok(Ask::Rejoin { login, password }) => room.rejoin(id, &login, &password),
            Ok(Ask::Play { action }) => room.play(id, &action),
            Err(_) => room.tell(
                id,
                Tell::Refused {
                    refusal: Refusal::Unreadable,
                },
            ),
        }
    }
    room.close_page(id);
    writer.abort();
}

/// Whether the request carries the teacher's password.
fn is_teacher(app: &App, headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|given| given == app.room.teacher_password)
}

fn not_teacher() -> Response {
    (
        StatusCode::UNAUTHORIZED,
        "the teacher's password is needed; the class server printed it when it started",
    )
        .into_response()
}

async fn report(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if !is_teacher(&app, &headers) {
        return not_teacher();
    }
    Json(app.room.report()).into_response()
}

async fn reset(State(app): State<Arc<App>>, headers: HeaderMap) -> Response {
    if !is_teacher(&app, &headers) {
        return not_teacher();
    }
    app.room.reset();
    StatusCode::NO_CONTENT.into_response()
}

#[derive(Deserialize)]
struct WhichMailbox {
    login: String,
    mailbox: String,
}

async fn mailbox(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(which): Query<WhichMailbox>,
) -> Response {
    if !is_teacher(&app, &headers) {
        return not_teacher();
    }
    match app.room.open_mailbox(&which.login, &which.mailbox) {
        Some(opened) => Json(opened).into_response(),
        None => (StatusCode::NOT_FOUND, "no such mailbox").into_response(),
    }
}
