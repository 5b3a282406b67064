//! The wire clients: scripted programs that say the same command lines a learner could
//! type (`submit`, `fetch`, `sync`), how they reach a server (`dial`, with the account's
//! `settings`), what they may run into (`trouble`), and the one loop that feeds them
//! (`conversation`). The device model they work for is in `device/`; the relay client, how
//! one server hands mail to another over port 25, lives under `smtp/`; what the learner
//! did is kept in `records/`.

pub mod conversation;
pub mod dial;
pub mod fetch;
mod imap_read;
mod incoming;
pub mod settings;
pub mod submit;
pub mod sync;
mod sync_job;
pub mod trouble;

/// Runs a client against the engine, one send at a time, until it has nothing more to say.
#[cfg(test)]
pub(crate) mod test_driver {
    use crate::{Port, Timestamp, World};

    /// Connects to mail.example.test on `port`, feeds the client every byte the server sends,
    /// and returns the lines the client sent.
    pub fn converse(
        world: &mut World,
        port: Port,
        mut client: impl FnMut(&[u8]) -> Vec<u8>,
    ) -> Vec<String> {
        let t = Timestamp(0);
        let (id, greeting) = world
            .connect("mail.example.test", port, t)
            .expect("connects");
        let first = client(&greeting.wire);
        super::conversation::converse_quietly(world, id, first, t, &mut client).1
    }
}
