//! The page's state, behind walls: the scene (the world, the devices, their consoles),
//! its snapshots, undo, notices, keeping the sandbox, and the dialogues' playback.
//!
//! Only this folder writes the state. Views read it through accessors and change it
//! through named operations; `driver.rs` is the page's only caller of the engine's table. The
//! files import downwards only: `scene` over `console`, `undo`, `snapshots`, `notice`;
//! `driver`, `remote` and `keep` over `scene`; `console` over `entry` and `playback`; `entry` over `meaning`.

pub mod clock;
pub mod console;
mod driver;
pub mod entry;
pub mod keep;
mod meaning;
mod notice;
pub mod playback;
mod remote;
mod scene;
mod snapshots;
mod undo;

#[cfg(test)]
mod tests;

pub use console::{use_console, Console};
pub use entry::{Entry, Hop, Side};
pub use meaning::{EventKind, Meaning};
pub use notice::Notice;
pub use scene::{device_id, use_scene, Scene, INSTANT, UPLOADED};
