//! The words of the world views (devices, server side, the path of a message), in English
//! and French. The terminal's words are in `i18n.rs`.

use leptos::prelude::*;

use facteur_protocols::store::{SpecialUse, INBOX};
use facteur_protocols::vocab::count;

use crate::i18n::{use_lang, Lang};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorldTexts {
    /// The language, for counts (`vocab::count`: French says "0 message").
    pub lang: Lang,
    pub panels: &'static str,
    pub devices: &'static str,
    pub devices_intro: &'static str,
    pub terminal: &'static str,
    pub server_side: &'static str,
    pub server_intro: &'static str,
    pub at_step: &'static str,
    pub now: &'static str,
    pub show_counters: &'static str,
    pub message: &'static str,
    pub messages: &'static str,
    pub unseen_one: &'static str,
    pub unseen: &'static str,
    pub uid: &'static str,
    pub flags: &'static str,
    pub size: &'static str,
    pub octets: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub subject: &'static str,
    pub date: &'static str,
    pub no_subject: &'static str,
    pub empty_mailbox: &'static str,
    pub lock: &'static str,
    pub older_one: &'static str,
    pub older_many: &'static str,
    pub list_all: &'static str,
    pub changed_arrived: &'static str,
    pub changed_flags: &'static str,
    pub changed_expunged: &'static str,
    pub changed_created: &'static str,
    pub changed_deleted: &'static str,
    pub changed_locked: &'static str,
    pub changed_unlocked: &'static str,
    pub no_change: &'static str,
    pub open: &'static str,
    pub close: &'static str,
    pub headers: &'static str,
    pub body: &'static str,
    pub raw: &'static str,
    pub show_crlf: &'static str,
    pub html_source: &'static str,
    pub person: &'static str,
    pub settings: &'static str,
    pub reads_with: &'static str,
    pub imap_choice: &'static str,
    pub pop3_delete: &'static str,
    pub pop3_leave: &'static str,
    pub pop3_days: &'static str,
    pub idle: &'static str,
    pub check_mail: &'static str,
    pub write: &'static str,
    pub new_folder: &'static str,
    pub folder_name: &'static str,
    pub create: &'static str,
    pub cancel: &'static str,
    pub send: &'static str,
    pub save_draft: &'static str,
    pub reply: &'static str,
    pub mark_read: &'static str,
    pub mark_unread: &'static str,
    pub flag: &'static str,
    pub unflag: &'static str,
    pub delete: &'static str,
    pub move_to: &'static str,
    pub folders: &'static str,
    /// "On the server:", before a folder's real name.
    pub on_server_called: &'static str,
    pub message_list: &'static str,
    pub not_synced: &'static str,
    pub empty_folder: &'static str,
    pub pop3_note: &'static str,
    pub imap_note: &'static str,
    pub idling: &'static str,
    pub talking: &'static str,
    pub lines_to_go: &'static str,
    pub skip: &'static str,
    pub no_recipient: &'static str,
    pub bad_address: &'static str,
    pub watching: &'static str,
    pub show_terminal: &'static str,
    pub unread: &'static str,
    pub flagged: &'static str,
    pub answered: &'static str,
    pub new_messages: &'static str,
    pub new_message: &'static str,
    pub path: &'static str,
    pub world: &'static str,
    pub world_demo: &'static str,
    pub world_empty: &'static str,
    pub world_busy_500: &'static str,
    pub world_busy_10000: &'static str,
    pub reset_world: &'static str,
    pub hop_device: &'static str,
    pub hop_submission: &'static str,
    pub hop_relay: &'static str,
    pub hop_mailbox: &'static str,
    pub hop_readers: &'static str,
}

const EN: WorldTexts = WorldTexts {
    lang: Lang::En,
    panels: "Views",
    devices: "Devices",
    devices_intro: "Each device is a small mail app. Its buttons run the same commands you could type; watch them in the terminal.",
    terminal: "Terminal",
    server_side: "Server side",
    server_intro: "What the mail servers hold, as their administrator sees it. It follows the dialogue: step back, or select an earlier line, and it shows the store as it was.",
    at_step: "As at the selected step",
    now: "Now",
    show_counters: "Show UIDVALIDITY and UIDNEXT",
    message: "message",
    messages: "messages",
    unseen_one: "unseen",
    unseen: "unseen",
    uid: "UID",
    flags: "Flags",
    size: "Size",
    octets: "B",
    from: "From",
    to: "To",
    subject: "Subject",
    date: "Date",
    no_subject: "(no subject)",
    empty_mailbox: "Empty",
    lock: "POP3 lock: a POP3 session holds this maildrop",
    older_one: "older message not listed.",
    older_many: "older messages not listed.",
    list_all: "List them all",
    changed_arrived: "new",
    changed_flags: "flags changed",
    changed_expunged: "expunged",
    changed_created: "mailbox created",
    changed_deleted: "mailbox deleted",
    changed_locked: "lock taken",
    changed_unlocked: "lock released",
    no_change: "This step changed nothing on the server.",
    open: "Open",
    close: "Close",
    headers: "Headers",
    body: "Body",
    raw: "Raw source",
    show_crlf: "Show line endings (CR LF)",
    html_source: "HTML is shown as its source, never displayed as a page.",
    person: "Person",
    settings: "Settings",
    reads_with: "Reads mail with",
    imap_choice: "IMAP: mail stays on the server",
    pop3_delete: "POP3: delete from the server after download",
    pop3_leave: "POP3: leave a copy on the server",
    pop3_days: "POP3: leave a copy, remove it after 7 days",
    idle: "Stay connected (IDLE): hear of new mail at once",
    check_mail: "Check mail",
    write: "Write",
    new_folder: "New folder",
    folder_name: "Folder name",
    create: "Create",
    cancel: "Cancel",
    send: "Send",
    save_draft: "Save draft",
    reply: "Reply",
    mark_read: "Mark as read",
    mark_unread: "Mark as unread",
    flag: "Flag",
    unflag: "Unflag",
    delete: "Delete",
    move_to: "Move to",
    folders: "Folders",
    on_server_called: "On the server:",
    message_list: "Messages",
    not_synced: "Nothing here yet: press Check mail to ask the server.",
    empty_folder: "No messages.",
    pop3_note: "POP3: these copies, folders, flags and Sent live on this device only.",
    imap_note: "IMAP: the server's folders and flags, as of this device's last sync.",
    idling: "In IDLE: the server will tell it of new mail",
    talking: "Talking to the server in its terminal:",
    lines_to_go: "lines to go",
    skip: "Skip to the end",
    no_recipient: "Write at least one address in To.",
    bad_address: "This is not an email address:",
    watching: "On screen in the terminal",
    show_terminal: "Show its terminal",
    unread: "unread",
    flagged: "flagged",
    answered: "answered",
    new_messages: "new messages",
    new_message: "new message",
    path: "The path of a message",
    world: "World",
    world_demo: "demo: alice, bob and carol, a few messages",
    world_empty: "empty: the same people, no mail yet",
    world_busy_500: "busy-500: bob has 500 messages",
    world_busy_10000: "busy-10000: bob has 10,000 messages",
    reset_world: "Reset world",
    hop_device: "Device",
    hop_submission: "Submission server (587 / 465)",
    hop_relay: "Relay to the recipient's server (25)",
    hop_mailbox: "Mailbox",
    hop_readers: "Devices reading (POP3 / IMAP)",
};

const FR: WorldTexts = WorldTexts {
    lang: Lang::Fr,
    panels: "Vues",
    devices: "Appareils",
    devices_intro: "Chaque appareil est une petite messagerie. Ses boutons envoient les mêmes commandes que vous pourriez taper\u{a0}: regardez-les dans le terminal.",
    terminal: "Terminal",
    server_side: "Côté serveur",
    server_intro: "Ce que détiennent les serveurs de messagerie, vu par leur administrateur. La vue suit le dialogue\u{a0}: revenez en arrière, ou choisissez une ligne plus ancienne, et elle montre le stockage tel qu'il était.",
    at_step: "À l'étape choisie",
    now: "Maintenant",
    show_counters: "Afficher UIDVALIDITY et UIDNEXT",
    message: "message",
    messages: "messages",
    unseen_one: "non lu",
    unseen: "non lus",
    uid: "UID",
    flags: "Indicateurs",
    size: "Taille",
    octets: "o",
    from: "De",
    to: "À",
    subject: "Objet",
    date: "Date",
    no_subject: "(sans objet)",
    empty_mailbox: "Vide",
    lock: "Verrou POP3\u{a0}: une session POP3 tient cette boîte",
    older_one: "message plus ancien non affiché.",
    older_many: "messages plus anciens non affichés.",
    list_all: "Les afficher tous",
    changed_arrived: "nouveau",
    changed_flags: "indicateurs modifiés",
    changed_expunged: "supprimé (expunge)",
    changed_created: "boîte créée",
    changed_deleted: "boîte supprimée",
    changed_locked: "verrou pris",
    changed_unlocked: "verrou rendu",
    no_change: "Cette étape n'a rien changé sur le serveur.",
    open: "Ouvrir",
    close: "Fermer",
    headers: "En-têtes",
    body: "Corps",
    raw: "Source brute",
    show_crlf: "Montrer les fins de ligne (CR LF)",
    html_source: "Le HTML est montré comme source, jamais affiché comme une page.",
    person: "Personne",
    settings: "Réglages",
    reads_with: "Relève le courrier avec",
    imap_choice: "IMAP\u{a0}: le courrier reste sur le serveur",
    pop3_delete: "POP3\u{a0}: supprimer du serveur après téléchargement",
    pop3_leave: "POP3\u{a0}: laisser une copie sur le serveur",
    pop3_days: "POP3\u{a0}: laisser une copie, la supprimer après 7 jours",
    idle: "Rester connecté (IDLE)\u{a0}: savoir tout de suite qu'un message arrive",
    check_mail: "Relever",
    write: "Écrire",
    new_folder: "Nouveau dossier",
    folder_name: "Nom du dossier",
    create: "Créer",
    cancel: "Annuler",
    send: "Envoyer",
    save_draft: "Enregistrer le brouillon",
    reply: "Répondre",
    mark_read: "Marquer comme lu",
    mark_unread: "Marquer comme non lu",
    flag: "Suivre",
    unflag: "Ne plus suivre",
    delete: "Supprimer",
    move_to: "Déplacer vers",
    folders: "Dossiers",
    on_server_called: "Sur le serveur\u{a0}:",
    message_list: "Messages",
    not_synced: "Rien pour l'instant\u{a0}: appuyez sur Relever pour interroger le serveur.",
    empty_folder: "Aucun message.",
    pop3_note: "POP3\u{a0}: ces copies, dossiers, indicateurs et Envoyés n'existent que sur cet appareil.",
    imap_note: "IMAP\u{a0}: les dossiers et indicateurs du serveur, lors de la dernière synchronisation de cet appareil.",
    idling: "En IDLE\u{a0}: le serveur le préviendra d'un nouveau message",
    talking: "Dialogue avec le serveur dans son terminal\u{a0}:",
    lines_to_go: "lignes à venir",
    skip: "Aller à la fin",
    no_recipient: "Indiquez au moins une adresse dans À.",
    bad_address: "Ceci n'est pas une adresse e-mail\u{a0}:",
    watching: "Affiché dans le terminal",
    show_terminal: "Voir son terminal",
    unread: "non lu",
    flagged: "suivi",
    answered: "répondu",
    new_messages: "nouveaux messages",
    new_message: "nouveau message",
    path: "Le chemin d'un message",
    world: "Monde",
    world_demo: "demo\u{a0}: alice, bob et carol, quelques messages",
    world_empty: "empty\u{a0}: les mêmes personnes, aucun message",
    world_busy_500: "busy-500\u{a0}: bob a 500 messages",
    world_busy_10000: "busy-10000\u{a0}: bob a 10\u{202f}000 messages",
    reset_world: "Réinitialiser le monde",
    hop_device: "Appareil",
    hop_submission: "Serveur de soumission (587 / 465)",
    hop_relay: "Relais vers le serveur du destinataire (25)",
    hop_mailbox: "Boîte aux lettres",
    hop_readers: "Appareils qui relèvent (POP3 / IMAP)",
};

impl WorldTexts {
    pub fn for_lang(lang: Lang) -> WorldTexts {
        match lang {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }

    /// "Talking to the server in its terminal: 12 lines to go".
    pub fn talking(&self, lines: usize) -> String {
        format!("{} {lines} {}", self.talking, self.lines_to_go)
    }

    /// A device's folder as its mail app names it. A French app shows the special folders
    /// in French (Envoyés, Corbeille…) whatever the server calls them: the server marks
    /// them with an RFC 6154 attribute (`\Sent`, `\Trash`), and each app names them in its
    /// own language. The server side keeps the real names.
    pub fn folder_label(&self, name: &str, special: Option<SpecialUse>) -> String {
        if self.lang == Lang::En {
            return name.to_owned();
        }
        match special {
            Some(SpecialUse::Sent) => "Envoyés",
            Some(SpecialUse::Drafts) => "Brouillons",
            Some(SpecialUse::Trash) => "Corbeille",
            Some(SpecialUse::Junk) => "Indésirables",
            Some(SpecialUse::Archive) => "Archives",
            None if name == INBOX => "Boîte de réception",
            None => return name.to_owned(),
        }
        .to_owned()
    }

    /// What the folder is called on the server, when the app shows another name.
    pub fn server_name(&self, label: &str, name: &str) -> Option<String> {
        (label != name).then(|| format!("{} {name}", self.on_server_called))
    }

    /// "950 older messages not listed."
    pub fn older(&self, n: usize) -> String {
        count(self.lang, n, self.older_one, self.older_many)
    }

    /// "1 message", "5 messages".
    pub fn count_messages(&self, n: usize) -> String {
        count(self.lang, n, self.message, self.messages)
    }

    /// "0 unseen", "1 non lu", "2 non lus".
    pub fn count_unseen(&self, n: usize) -> String {
        count(self.lang, n, self.unseen_one, self.unseen)
    }

    /// "bob · phone: 2 new messages", for the live region.
    pub fn news(&self, who: &str, n: usize) -> String {
        format!(
            "{who}: {}",
            count(self.lang, n, self.new_message, self.new_messages)
        )
    }
}

pub fn use_world_texts() -> Memo<WorldTexts> {
    let lang = use_lang();
    Memo::new(move |_| WorldTexts::for_lang(lang.get()))
}
