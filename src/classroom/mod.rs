//! What a class needs around the lessons: the site kept for offline use and updated on
//! request, the teacher's page (links and QR codes for the board, shared dialogues), and a
//! printable cheat sheet.

pub mod address;
pub mod board;
pub mod cheatsheet;
pub mod class;
pub mod link_field;
pub mod offline;
pub mod own_lesson;
pub mod qr;
pub mod share;
pub mod teacher;
pub mod texts;
