//! `facteur-server`: Facteur's engine on TCP loopback, so curl, Python's smtplib, poplib
//! and imaplib, Thunderbird or `nc` talk to exactly the code the site runs. The driver is
//! thin: framing, policy and every reply come from `facteur-protocols`.

mod class;
mod connection;
mod options;
mod shared;
mod stream;
mod tls;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use facteur_protocols::closing::{closing, Closing};
use facteur_protocols::store::Preset;
use facteur_protocols::world::IdleTimeouts;
use facteur_protocols::World;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio_rustls::TlsAcceptor;

use connection::{Connection, HOSTNAME};
use options::{Listener, Options, USAGE};
use shared::Shared;
use stream::Stream;

fn main() {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("facteur-server: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    let world = match load_world(if options.class.is_some() {
        "empty"
    } else {
        &options.world
    }) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("facteur-server: {e}");
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("facteur-server: cannot start: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = runtime.block_on(run(options, world)) {
        eprintln!("facteur-server: {e}");
        std::process::exit(1);
    }
}

/// A built-in world by name, or a preset JSON file.
fn load_world(name: &str) -> Result<World, String> {
    let preset = if Preset::BUILTIN.contains(&name) {
        Preset::builtin(name).map_err(|e| e.to_string())?
    } else {
        let text = std::fs::read_to_string(name)
            .map_err(|e| format!("cannot read world file {name}: {e}"))?;
        Preset::from_json(&text).map_err(|e| format!("{name}: {e}"))?
    };
    let store = preset.build().map_err(|e| format!("{name}: {e}"))?;
    let mut world = World::new(store);
    // Real clients and `nc` users: forgive a bare LF, and say so in --trace.
    world.lenient = true;
    Ok(world)
}

async fn run(options: Options, mut world: World) -> Result<(), String> {
    let room = options.class.as_ref().map(|c| {
        let limits = class::Limits::new(c.max_students);
        Arc::new(class::Room::new(
            limits,
            options.trace,
            options.idle_timeout,
        ))
    });
    let shared = match &room {
        Some(room) => room.shared.clone(),
        None => {
            if let Some(secs) = options.idle_timeout {
                world.idle_timeouts = IdleTimeouts::all(secs);
            }
            Arc::new(Shared::new(world, options.trace, HOSTNAME))
        }
    };
    let slots = Arc::new(Semaphore::new(options.max_connections));
    let (stop, stopped) = watch::channel(false);
    let numbers = Arc::new(AtomicU64::new(0));
    let tls = match &options.tls {
        Some(source) => {
            let tls = tls::Tls::new(source)?;
            println!("{}", tls.said);
            println!("certificate SHA-256 fingerprint {}", tls.fingerprint);
            Some(Arc::new(tls.acceptor))
        }
        None => None,
    };
    if options.allow_remote {
        let why = if room.is_some() {
            "anyone on this network can open the class's pages and join"
        } else if tls.is_some() {
            "the demo accounts' passwords are public"
        } else {
            "there is no TLS, passwords cross the network in clear"
        };
        eprintln!("facteur-server: warning: listening beyond loopback; {why}");
    }
    let mut listeners = Vec::new();
    let mut bound = Vec::new();
    for listener in &options.listeners {
        let socket = TcpListener::bind(listener.addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", listener.addr))?;
        let local = socket.local_addr().map_err(|e| e.to_string())?;
        println!("{} listening on {local}", describe(listener, tls.is_some()));
        bound.push((*listener, local));
        let task = accept_loop(
            socket,
            *listener,
            tls.clone(),
            shared.clone(),
            slots.clone(),
            stopped.clone(),
            numbers.clone(),
        );
        listeners.push(tokio::spawn(task));
    }
    let site = match (&options.class, room) {
        (Some(class), Some(room)) => {
            Some(class::start(class, room, &bound, stopped.clone()).await?)
        }
        _ => None,
    };
    wait_for_signal().await;
    println!("shutting down");
    let _ = stop.send(true);
    for l in listeners {
        let _ = l.await;
    }
    if let Some(mut site) = site {
        let _ = tokio::time::timeout(Duration::from_secs(3), &mut site.task).await;
        site.clean_up();
    }
    // Give connections a moment to say goodbye.
    let all = u32::try_from(options.max_connections).unwrap_or(u32::MAX);
    let _ = tokio::time::timeout(Duration::from_secs(3), slots.acquire_many(all)).await;
    Ok(())
}

/// A listener's start-up line: `SMTP` alone without TLS (as before TLS existed), the role
/// and the real port it stands for with TLS (`IMAPS (993, TLS from the start)`).
fn describe(listener: &Listener, tls: bool) -> String {
    let port = listener.port;
    if !tls {
        return port.service.name().to_owned();
    }
    let security = if port.starts_encrypted() {
        "TLS from the start"
    } else if port.service == facteur_protocols::Service::Pop3 {
        "STLS"
    } else {
        "STARTTLS"
    };
    format!(
        "{} ({}, {security})",
        listener.role.to_uppercase(),
        port.number
    )
}

async fn accept_loop(
    socket: TcpListener,
    listener: Listener,
    tls: Option<Arc<TlsAcceptor>>,
    shared: Arc<Shared>,
    slots: Arc<Semaphore>,
    mut stopped: watch::Receiver<bool>,
    numbers: Arc<AtomicU64>,
) {
    loop {
        let accepted = tokio::select! {
            a = socket.accept() => a,
            _ = stopped.changed() => return,
        };
        let Ok((mut stream, peer)) = accepted else {
            continue;
        };
        // Replies go out as soon as they are written: without this, a reply written right
        // after the TLS session tickets waited ~40 ms for the client's delayed ACK (Nagle).
        let _ = stream.set_nodelay(true);
        let number = numbers.fetch_add(1, Ordering::Relaxed) + 1;
        match slots.clone().try_acquire_owned() {
            Ok(permit) => {
                let connection = Connection {
                    stream: Stream::Plain(stream),
                    peer,
                    listener,
                    number,
                    tls: tls.clone(),
                };
                let (shared, stopped) = (shared.clone(), stopped.clone());
                tokio::spawn(async move {
                    connection.serve(shared, stopped).await;
                    drop(permit);
                });
            }
            Err(_) => {
                // At the limit: the protocol's own "try later", then close.
                // (On an implicit-TLS port a plain-text reply would only confuse the client.)
                if listener.port.starts_encrypted() {
                    drop(stream);
                    continue;
                }
                let out = closing(
                    listener.port.service,
                    &shared.hostname,
                    Closing::TooManyConnections,
                );
                tokio::spawn(async move {
                    let _ = stream.write_all(&out.wire).await;
                    let _ = stream.shutdown().await;
                });
            }
        }
    }
}

/// Ctrl-C, or SIGTERM from whoever started the server.
async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
