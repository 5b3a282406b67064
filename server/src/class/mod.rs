//! Class mode: one world for a classroom. The mail ports serve the class's world; an HTTP
//! listener serves the site, and each student's page joins over a WebSocket and plays its
//! devices on the same table. See the README's "Class mode".

mod http;
mod qr;
mod room;
mod site;
mod words;

use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use facteur_protocols::class;
use facteur_protocols::class::wire::{Hello, MailPort};
use tokio::net::TcpListener;
use tokio::sync::watch;

pub use room::{Limits, Room};

use crate::options::{Class, Listener};

/// How often the room keeps its devices' IDLE alive and closes silent terminals.
const TICK: Duration = Duration::from_secs(30);

/// The class's HTTP side, listening; it serves until `stopped` turns true.
pub struct Started {
    pub task: tokio::task::JoinHandle<()>,
    site: PathBuf,
}

impl Started {
    /// Removes the served copy of the site.
    pub fn clean_up(self) {
        let _ = std::fs::remove_dir_all(self.site);
    }
}

/// Prepares the site, opens the HTTP listener and says how students and the teacher
/// reach the class.
pub async fn start(
    class: &Class,
    room: Arc<Room>,
    mail: &[(Listener, SocketAddr)],
    stopped: watch::Receiver<bool>,
) -> Result<Started, String> {
    let into = std::env::temp_dir().join(format!("facteur-class-site-{}", std::process::id()));
    let site = site::prepare(class.dist.as_deref(), &into)?;
    let socket = TcpListener::bind(class.http)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", class.http))?;
    let local = socket.local_addr().map_err(|e| e.to_string())?;
    let address = format!("http://{}/", reachable(local));
    let hello = Hello {
        domain: class::DOMAIN.to_owned(),
        address: address.clone(),
        ports: mail
            .iter()
            .map(|(l, addr)| MailPort {
                port: addr.port(),
                stands_for: l.port.number,
            })
            .collect(),
    };
    println!("site and students' pages listening on {local}");
    println!();
    println!("Students open {address}#/class (or scan the code):");
    if let Some(code) = qr::draw(&format!("{address}#/class")) {
        print!("{code}");
    }
    println!("Teacher: {address}#/class/teacher");
    println!("teacher password {}", room.teacher_password);
    println!(
        "The class takes up to {} students, on {}.",
        room.limits.max_students,
        class::DOMAIN
    );
    let app = http::router(room.clone(), hello, &site);
    let ticking = room.clone();
    let mut stop_ticking = stopped.clone();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                () = tokio::time::sleep(TICK) => ticking.tick(),
                _ = stop_ticking.changed() => return,
            }
        }
    });
    let mut stop = stopped;
    let task = tokio::spawn(async move {
        let shutdown = async move {
            let _ = stop.changed().await;
        };
        if let Err(e) = axum::serve(socket, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            eprintln!("facteur-server: the class's HTTP listener stopped: {e}");
        }
    });
    Ok(Started { task, site })
}

/// The address students type: the listener's own, or, when it listens on every address,
/// this computer's address on the network that reaches others (found by asking the system
/// which address it would send from; nothing is sent).
fn reachable(local: SocketAddr) -> SocketAddr {
    if !local.ip().is_unspecified() {
        return local;
    }
    let ip = UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    SocketAddr::new(ip, local.port())
}
