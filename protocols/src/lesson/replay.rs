//! A lesson's reference solution, and the bench that plays it with nobody watching: the
//! same world, devices and clients as the page, so a solution that meets its goals here
//! meets them in the browser when "Show me" plays it.

use std::collections::BTreeMap;

use super::action::{set_up, Action};
use super::course::{Start, Step};
use super::goal::Facts;
use crate::client::device::Device;
use crate::client::people::devices_of;
use crate::port::Port;
use crate::store::PresetError;
use crate::time::Timestamp;
use crate::trace::Trace;
use crate::{SessionId, World};

/// A world, its devices and the terminals opened on them, for playing steps headless.
#[derive(Debug, Clone)]
pub struct Bench {
    pub world: World,
    pub devices: BTreeMap<String, Device>,
    /// The terminal open on each device: its session and port.
    terminals: BTreeMap<String, (SessionId, u16)>,
    current: Option<String>,
    /// The question's choices as answered, from 0.
    pub chosen: Vec<usize>,
    pub now: Timestamp,
}

/// Why a step cannot start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    World(PresetError),
    /// The first step of a lesson must name its world.
    NoWorld,
    UnknownDevice(String),
}

impl Bench {
    /// A bench over a world and devices as they are (a page's, between two steps).
    pub fn new(world: World, devices: BTreeMap<String, Device>, now: Timestamp) -> Bench {
        Bench {
            world,
            devices,
            terminals: BTreeMap::new(),
            current: None,
            chosen: Vec::new(),
            now,
        }
    }

    /// The terminals still connected, by device: session and port.
    pub fn terminals(&self) -> impl Iterator<Item = (&String, SessionId, u16)> {
        self.terminals
            .iter()
            .filter(|(_, (id, _))| self.world.is_open(*id))
            .map(|(d, (id, port))| (d, *id, *port))
    }

    /// Readies a step: a fresh world if it names one, the devices set up as it says, and a
    /// new trace (goals look only at what happens from here).
    pub fn begin(
        previous: Option<Bench>,
        start: &Start,
        now: Timestamp,
    ) -> Result<Bench, StartError> {
        let mut bench = match (&start.world, previous) {
            (Some(preset), _) => {
                let world = World::from_preset(preset).map_err(StartError::World)?;
                let devices = devices_of(&world);
                Bench::new(world, devices, now)
            }
            (None, Some(previous)) => previous,
            (None, None) => return Err(StartError::NoWorld),
        };
        for (id, reading) in &start.reading {
            let device = bench
                .devices
                .get_mut(id)
                .ok_or_else(|| StartError::UnknownDevice(id.clone()))?;
            device.set_receiving(reading.receiving());
        }
        for (id, change) in &start.settings {
            let device = bench
                .devices
                .get_mut(id)
                .ok_or_else(|| StartError::UnknownDevice(id.clone()))?;
            let changed = change.apply(device);
            set_up(device, changed);
        }
        if let Some(t) = &start.terminal {
            if !bench.devices.contains_key(&t.device) {
                return Err(StartError::UnknownDevice(t.device.clone()));
            }
        }
        bench.chosen.clear();
        bench
            .world
            .trace
            .get_or_insert_with(Trace::default)
            .restart();
        Ok(bench)
    }

    /// Plays one action; one that cannot be done (no terminal open, an unknown device) does
    /// nothing, as the page would not offer it.
    pub fn play(&mut self, action: &Action) {
        self.now = self.now.plus_seconds(5);
        let now = self.now;
        match action {
            Action::Connect { device, port } => {
                let Some(login) = self.devices.get(device).map(|d| d.login.clone()) else {
                    return;
                };
                if let Some((old, _)) = self.terminals.remove(device) {
                    self.world.disconnect(old);
                }
                let host = self.world.store.account(&login).and_then(|a| {
                    let domain = &a.address.domain;
                    self.world.store.server_for_domain(domain)
                });
                let (Some(host), Some(port)) =
                    (host.map(|h| h.hostname.clone()), Port::from_number(*port))
                else {
                    return;
                };
                self.world.lenient = true;
                if let Ok((id, _)) = self.world.connect(&host, port, now) {
                    self.terminals.insert(device.clone(), (id, port.number));
                    self.current = Some(device.clone());
                }
            }
            Action::Type(line) => {
                let Some(device) = self.current.clone() else {
                    return;
                };
                let Some(&(id, _)) = self.terminals.get(&device) else {
                    return;
                };
                let out = self.world.input(id, format!("{line}\r\n").as_bytes(), now);
                if out.closed {
                    self.terminals.remove(&device);
                }
                self.world.take_pushes();
            }
            Action::Device(step) => {
                step.play(&mut self.world, &mut self.devices, now);
                self.world.take_pushes();
            }
            Action::Settings { device, change } => {
                if let Some(d) = self.devices.get_mut(device) {
                    let changed = change.apply(d);
                    set_up(d, changed);
                }
            }
            Action::Answer(choices) => {
                self.chosen = choices.iter().map(|c| c.saturating_sub(1)).collect();
            }
        }
    }

    /// Which of the step's goals are met, in order.
    pub fn met(&self, step: &Step) -> Vec<bool> {
        let facts = Facts {
            world: &self.world,
            devices: &self.devices,
            quiz_right: step.quiz.as_ref().is_some_and(|q| q.is_right(&self.chosen)),
        };
        step.goals.iter().map(|g| g.check.met(&facts)).collect()
    }
}
