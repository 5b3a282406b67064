//! What the page must tell the learner about the sandbox: kept, lost, or a shared
//! dialogue that came in.

/// What the page tells about the saved sandbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The last visit's sandbox is back.
    Restored,
    /// The saved entry did not parse; the demo world starts instead.
    Corrupt,
    /// A different version of Facteur wrote it.
    OldVersion,
    /// It is larger than the page reads back.
    TooLarge,
    /// This world is too large to save; a reload starts it again from its preset.
    NotSavedTooLarge,
    /// The browser refused to store it (storage full, or storage turned off).
    StorageFull,
    /// A shared dialogue's link was opened and its lines were typed again.
    DialogueReplayed,
    /// A shared dialogue's link is damaged (often cut short when copied).
    DialogueUnreadable,
    /// A shared dialogue comes from another version of Facteur.
    DialogueOtherVersion,
    /// A shared dialogue names a world, account or port this page does not have.
    DialogueUnknown,
    /// A shared dialogue holds more lines than a link may.
    DialogueTooLong,
}
