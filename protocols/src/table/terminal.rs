//! The terminals: a learner connects a device's terminal to its server, types lines on it,
//! and hangs up; the server may also close it, on QUIT or after the inactivity time-out.

use super::{Listener, Said, Speaker, Table, Terminal};
use crate::time::Timestamp;
use crate::Port;

impl Table {
    /// Opens a device's terminal on its account's server; its previous connection closes
    /// first.
    pub(super) fn connect(
        &mut self,
        device: &str,
        port: u16,
        lenient: bool,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> bool {
        let Some(login) = self.devices.get(device).map(|d| d.login.clone()) else {
            return false;
        };
        let Some(port) = Port::from_number(port) else {
            return false;
        };
        self.disconnect(device, heard);
        let host = self
            .world
            .store
            .account(&login)
            .and_then(|a| self.world.store.server_for_domain(&a.address.domain))
            .map(|h| h.hostname.clone());
        let Some(host) = host else {
            return false;
        };
        self.world.lenient = lenient;
        let Ok((session, greeting)) = self.world.connect(&host, port, now) else {
            return false;
        };
        self.terminals.insert(
            device.to_owned(),
            Terminal {
                session,
                port,
                host: host.clone(),
            },
        );
        self.typing = Some(device.to_owned());
        let opened = Said::Opened {
            speaker: Speaker::Terminal,
            host,
            service: port.service,
            port: port.number,
        };
        self.tell(device, opened, heard);
        let said = Said::Output {
            service: port.service,
            output: greeting,
        };
        self.tell(device, said, heard);
        true
    }

    /// Sends a typed line, with its CRLF. A connection the server has timed out says its
    /// goodbye instead, and the line goes nowhere.
    pub(super) fn type_line(
        &mut self,
        device: &str,
        line: &str,
        now: Timestamp,
        heard: &mut Listener<'_>,
    ) -> bool {
        if self.time_out(device, now, heard) {
            return false;
        }
        let Some(terminal) = self.terminals.get(device) else {
            return false;
        };
        let (session, service) = (terminal.session, terminal.port.service);
        self.typing = Some(device.to_owned());
        let output = self
            .world
            .input(session, format!("{line}\r\n").as_bytes(), now);
        if output.closed {
            self.terminals.remove(device);
        }
        self.tell(device, Said::Output { service, output }, heard);
        true
    }

    /// Closes a device's terminal connection as a client that goes away does.
    pub(super) fn disconnect(&mut self, device: &str, heard: &mut Listener<'_>) -> bool {
        let Some(terminal) = self.terminals.remove(device) else {
            return false;
        };
        let output = self.world.disconnect(terminal.session);
        let service = terminal.port.service;
        self.tell(device, Said::Output { service, output }, heard);
        true
    }

    /// Whether the server has closed a device's terminal connection for being idle past
    /// its deadline (RFC 5321 §4.5.3.2, RFC 1939 §3, RFC 9051 §5.4); if so its goodbye is
    /// heard and the terminal is closed.
    pub fn time_out(&mut self, device: &str, now: Timestamp, heard: &mut Listener<'_>) -> bool {
        let Some(terminal) = self.terminals.get(device) else {
            return false;
        };
        let service = terminal.port.service;
        let output = self.world.handle_timeout(terminal.session, now);
        if !output.closed {
            return false;
        }
        self.terminals.remove(device);
        self.tell(device, Said::Output { service, output }, heard);
        true
    }

    /// The terminal a line without a device goes to: the one typed on or opened last, if
    /// it is still connected, else the one connected last.
    pub(super) fn typing_terminal(&self) -> Option<String> {
        let open = |id: &String| {
            self.terminals
                .get(id)
                .is_some_and(|t| self.world.is_open(t.session))
        };
        if let Some(id) = self.typing.as_ref().filter(|id| open(id)) {
            return Some(id.clone());
        }
        self.terminals()
            .max_by_key(|(_, t)| t.session)
            .map(|(id, _)| id.clone())
    }
}
