//! Scripted clients: programs that produce the same command lines a learner could type.
//! The relay client is how one server hands mail to another over port 25.

pub mod relay;
pub mod submit;
