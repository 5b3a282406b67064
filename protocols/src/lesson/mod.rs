//! Lessons: what a step asks (goals, read against what the world traced), and a
//! bench that plays a reference solution headless. The lesson files themselves are read by the
//! `facteur-lessons` crate; the page and the tests share these types.

pub mod course;
pub mod goal;
pub mod place;
pub mod replay;
pub mod text;
