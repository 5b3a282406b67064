//! The words of the classroom pages, in English and French (see `crate::i18n` for the rules
//! every catalogue follows).

use leptos::prelude::*;

use facteur_protocols::vocab::count;

use crate::i18n::{use_lang, Lang};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassroomTexts {
    pub lang: Lang,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    pub update_later: &'static str,
    /// Before the build's identity in the footer.
    pub build: &'static str,
    pub kept_offline: &'static str,
    pub share_dialogue: &'static str,
    pub share_uploaded: &'static str,
    pub share_link_label: &'static str,
    pub copy_link: &'static str,
    pub qr_of_dialogue: &'static str,
    pub qr_too_long: &'static str,
    pub teacher_link: &'static str,
    pub teacher_title: &'static str,
    pub teacher_lead: &'static str,
    pub lessons_for_board: &'static str,
    pub show_on_board: &'static str,
    pub qr_of_lesson: &'static str,
    pub link_of_lesson: &'static str,
    pub copied: &'static str,
    pub share_title: &'static str,
    pub share_how: &'static str,
    pub open_sandbox: &'static str,
    pub offline_title: &'static str,
    pub offline_how: &'static str,
    pub offline_here_yes: &'static str,
    pub offline_here_no: &'static str,
    pub sheet_title: &'static str,
    pub sheet_how: &'static str,
    pub open_sheet: &'static str,
    pub print: &'static str,
    pub ports: &'static str,
    pub port: &'static str,
    pub protocol: &'static str,
    pub role: &'static str,
    pub wrong_row: &'static str,
    pub settings: &'static str,
    pub incoming: &'static str,
    pub outgoing: &'static str,
    pub server_name: &'static str,
    pub settings_note: &'static str,
    pub accounts: &'static str,
    pub user_name: &'static str,
    pub password: &'static str,
    pub address: &'static str,
    pub commands: &'static str,
    pub example: &'static str,
    pub meaning: &'static str,
    pub replies: &'static str,
    pub smtp_codes: &'static str,
    pub pop3_replies: &'static str,
    pub imap_replies: &'static str,
}

const EN: ClassroomTexts = ClassroomTexts {
    lang: Lang::En,
    update_ready: "A new version of Facteur is ready.",
    update_reload: "Reload now",
    update_later: "Later",
    build: "Build",
    kept_offline: "Kept in this browser: works offline.",
    share_dialogue: "Share this dialogue",
    share_uploaded: "A dialogue typed in an uploaded world cannot be shared: a link cannot carry the file. Choose a built-in world (demo, empty, busy) and type it there.",
    share_link_label: "Link to this dialogue",
    copy_link: "Copy link",
    qr_of_dialogue: "QR code of the link to this dialogue",
    qr_too_long: "This link is too long for a QR code; share the link itself.",
    teacher_link: "For teachers",
    teacher_title: "For teachers",
    teacher_lead: "Put a lesson on the board: each link opens Facteur straight at that lesson, and the QR code lets a tablet or a phone open it without typing. Everything runs in the students' browsers; nothing is sent to a server.",
    lessons_for_board: "Lessons for the board",
    show_on_board: "Show on the board",
    qr_of_lesson: "QR code of the link to this lesson",
    link_of_lesson: "Link to this lesson",
    copied: "Link copied",
    share_title: "Share a dialogue",
    share_how: "In the sandbox, type a dialogue in the terminal, then press “Share this dialogue” under it. The link (and its QR code) opens the sandbox on a fresh copy of the same world and types the same lines again; the class follows at the pace you set with Step, Pause and the speed.",
    open_sandbox: "Open the sandbox",
    offline_title: "When the network drops",
    offline_how: "Open Facteur once on every device before the lesson: the browser then keeps the whole site, and it opens and works with the network off. When a new version is put online, a notice offers to reload into it; nothing changes in the middle of a lesson.",
    offline_here_yes: "This browser keeps Facteur: it works offline here.",
    offline_here_no: "This browser does not keep Facteur yet (the site must be served over https, or from localhost).",
    sheet_title: "Cheat sheet",
    sheet_how: "One page with the ports, the commands of each protocol, the reply codes and a mail app's settings, to print for each student.",
    open_sheet: "Open the cheat sheet",
    print: "Print",
    ports: "Ports",
    port: "Port",
    protocol: "Protocol",
    role: "What it is for",
    wrong_row: "Beware of a popular table's row “SMTP 25 SSL/TLS”: port 25 starts in plain text and may upgrade with STARTTLS; TLS from the first byte is 465.",
    settings: "A mail app's settings",
    incoming: "Incoming",
    outgoing: "Outgoing",
    server_name: "Server",
    settings_note: "User name and password: the account's own (below). Authentication: normal password. Never “None” as connection security outside a classroom.",
    accounts: "Demo accounts",
    user_name: "User name",
    password: "Password",
    address: "Address",
    commands: "commands",
    example: "Example",
    meaning: "What it does",
    replies: "Replies",
    smtp_codes: "SMTP reply codes",
    pop3_replies: "POP3: +OK yes, -ERR no; a multi-line answer ends with a line holding only a dot.",
    imap_replies: "IMAP: each command carries a tag (a1) and its last reply repeats it with OK (done), NO (refused) or BAD (not understood). Lines starting with * are news and data; a line starting with + asks for more (a literal, AUTHENTICATE, IDLE).",
};

const FR: ClassroomTexts = ClassroomTexts {
    lang: Lang::Fr,
    update_ready: "Une nouvelle version de Facteur est prête.",
    update_reload: "Recharger maintenant",
    update_later: "Plus tard",
    build: "Version",
    kept_offline: "Gardé dans ce navigateur\u{a0}: fonctionne hors ligne.",
    share_dialogue: "Partager ce dialogue",
    share_uploaded: "Un dialogue tapé dans un monde importé ne peut pas être partagé\u{a0}: un lien ne peut pas porter le fichier. Choisissez un monde fourni (démo, vide, chargé) et tapez-le là.",
    share_link_label: "Lien vers ce dialogue",
    copy_link: "Copier le lien",
    qr_of_dialogue: "Code QR du lien vers ce dialogue",
    qr_too_long: "Ce lien est trop long pour un code QR\u{202f}; partagez le lien lui-même.",
    teacher_link: "Enseignants",
    teacher_title: "Pour les enseignants",
    teacher_lead: "Mettez une leçon au tableau\u{a0}: chaque lien ouvre Facteur directement sur cette leçon, et le code QR permet à une tablette ou un téléphone de l’ouvrir sans rien taper. Tout tourne dans le navigateur des élèves\u{202f}; rien n’est envoyé à un serveur.",
    lessons_for_board: "Les leçons pour le tableau",
    show_on_board: "Afficher au tableau",
    qr_of_lesson: "Code QR du lien vers cette leçon",
    link_of_lesson: "Lien vers cette leçon",
    copied: "Lien copié",
    share_title: "Partager un dialogue",
    share_how: "Dans le bac à sable, tapez un dialogue dans le terminal, puis appuyez sur «\u{a0}Partager ce dialogue\u{a0}» en dessous. Le lien (et son code QR) ouvre le bac à sable sur une copie neuve du même monde et retape les mêmes lignes\u{202f}; la classe suit au rythme choisi avec Pas à pas, Pause et la vitesse.",
    open_sandbox: "Ouvrir le bac à sable",
    offline_title: "Quand le réseau tombe",
    offline_how: "Ouvrez Facteur une fois sur chaque appareil avant la leçon\u{a0}: le navigateur garde alors tout le site, qui s’ouvre et fonctionne sans réseau. Quand une nouvelle version est mise en ligne, un avis propose de recharger\u{202f}; rien ne change au milieu d’une leçon.",
    offline_here_yes: "Ce navigateur garde Facteur\u{a0}: il fonctionne hors ligne ici.",
    offline_here_no: "Ce navigateur ne garde pas encore Facteur (le site doit être servi en https, ou depuis localhost).",
    sheet_title: "Aide-mémoire",
    sheet_how: "Une page avec les ports, les commandes de chaque protocole, les codes de réponse et les réglages d’un logiciel de courriel, à imprimer pour chaque élève.",
    open_sheet: "Ouvrir l’aide-mémoire",
    print: "Imprimer",
    ports: "Ports",
    port: "Port",
    protocol: "Protocole",
    role: "À quoi il sert",
    wrong_row: "Attention à la ligne «\u{a0}SMTP 25 SSL/TLS\u{a0}» d’un tableau très répandu\u{a0}: le port 25 commence en clair et peut passer en STARTTLS\u{202f}; TLS dès le premier octet, c’est le 465.",
    settings: "Les réglages d’un logiciel de courriel",
    incoming: "Réception",
    outgoing: "Envoi",
    server_name: "Serveur",
    settings_note: "Nom d’utilisateur et mot de passe\u{a0}: ceux du compte (ci-dessous). Authentification\u{a0}: mot de passe normal. Jamais «\u{a0}Aucune\u{a0}» comme sécurité hors d’une salle de classe.",
    accounts: "Comptes de démonstration",
    user_name: "Nom d’utilisateur",
    password: "Mot de passe",
    address: "Adresse",
    commands: "commandes",
    example: "Exemple",
    meaning: "Ce qu’elle fait",
    replies: "Réponses",
    smtp_codes: "Codes de réponse SMTP",
    pop3_replies: "POP3\u{a0}: +OK oui, -ERR non\u{202f}; une réponse sur plusieurs lignes finit par une ligne avec seulement un point.",
    imap_replies: "IMAP\u{a0}: chaque commande porte une étiquette (a1) et sa dernière réponse la répète avec OK (fait), NO (refusé) ou BAD (pas compris). Les lignes qui commencent par * sont des nouvelles et des données\u{202f}; une ligne qui commence par + demande la suite (un littéral, AUTHENTICATE, IDLE).",
};

impl ClassroomTexts {
    /// Above a shared dialogue's link: what the link does, with its number of lines.
    pub fn share_lead(&self, lines: usize) -> String {
        match self.lang {
            Lang::En => format!(
                "This link types the dialogue's {} again on a fresh copy of the same world (it is copied to the clipboard):",
                count(Lang::En, lines, "line", "lines")
            ),
            Lang::Fr => format!(
                "Ce lien retape le dialogue ({}) sur une copie neuve du même monde (il est copié dans le presse-papiers)\u{a0}:",
                count(Lang::Fr, lines, "ligne", "lignes")
            ),
        }
    }

    pub fn for_lang(lang: Lang) -> ClassroomTexts {
        match lang {
            Lang::En => EN,
            Lang::Fr => FR,
        }
    }
}

pub fn use_classroom_texts() -> Memo<ClassroomTexts> {
    let lang = use_lang();
    Memo::new(move |_| ClassroomTexts::for_lang(lang.get()))
}
