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
    pub offline_unavailable: &'static str,
    pub students_title: &'static str,
    pub students_label: &'static str,
    pub use_address: &'static str,
    pub page_address_again: &'static str,
    pub address_bad: &'static str,
    pub class_title: &'static str,
    pub class_how: &'static str,
    pub class_open: &'static str,
    pub class_print: &'static str,
    pub class_close: &'static str,
    pub class_student: &'static str,
    pub class_total: &'static str,
    pub class_key: &'static str,
    pub try_title: &'static str,
    pub try_how: &'static str,
    pub try_open: &'static str,
    pub try_reading: &'static str,
    pub try_open_it: &'static str,
    pub try_fix: &'static str,
    pub hosted_title: &'static str,
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
    offline_unavailable: "Offline use is not available at this address: a browser keeps a site for offline use only when it is served over https, or opened on the computer that serves it (localhost). Students can use Facteur while the network is up; to have it offline too, serve it over https (the README's “Host it” says how in one line).",
    students_title: "The address your students use",
    students_label: "Address of this site for the students' devices",
    use_address: "Use this address",
    page_address_again: "Use this page's address",
    address_bad: "That is not a web address: write it like http://192.168.1.20:8080/ (the serving computer's address on the school network, then its port).",
    class_title: "The class's progress",
    class_how: "Ask each student to give their name and press “Save my progress to a file” on the home page, then to hand you the file (a USB stick, the school's shared folder, an email). Open all the files here at once: the table shows, for each student and each lesson, the steps done and the questions answered right the first time. Nothing leaves this browser.",
    class_open: "Open progress files",
    class_print: "Print the table",
    class_close: "Close the table",
    class_student: "Student",
    class_total: "All",
    class_key: "Each cell: steps done out of the lesson's steps; under it, after ?, the questions answered right the first time. Hover a lesson's number for its title.",
    try_title: "Try a lesson file",
    try_how: "Write a lesson of your own as a TOML file (lessons/README.md in Facteur's source shows the format, with a worked example) and choose it here: the page reads it exactly as the build reads the course, and says the line of any mistake. Read without a mistake, it joins the course in this browser until the page is reloaded, in the page's language, with its goals, hints, Show me and questions. To give it to every student, put it on the site and list it in lessons/index.txt.",
    try_open: "Choose a lesson file",
    try_reading: "Reading the lesson file…",
    try_open_it: "Open it",
    try_fix: "Correct the file at that line and choose it again.",
    hosted_title: "This site's own lessons (lessons/index.txt)",
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
    offline_unavailable: "L’usage hors ligne n’est pas possible à cette adresse\u{a0}: un navigateur ne garde un site pour l’usage hors ligne que s’il est servi en https, ou ouvert sur l’ordinateur qui le sert (localhost). Les élèves peuvent utiliser Facteur tant que le réseau marche\u{202f}; pour l’avoir aussi hors ligne, servez-le en https (la partie «\u{a0}Host it\u{a0}» du README dit comment, en une ligne).",
    students_title: "L’adresse qu’utilisent vos élèves",
    students_label: "Adresse de ce site pour les appareils des élèves",
    use_address: "Utiliser cette adresse",
    page_address_again: "Utiliser l’adresse de cette page",
    address_bad: "Ce n’est pas une adresse web\u{a0}: écrivez-la comme http://192.168.1.20:8080/ (l’adresse de l’ordinateur qui sert le site sur le réseau de l’école, puis son port).",
    class_title: "La progression de la classe",
    class_how: "Demandez à chaque élève de donner son nom et d’appuyer sur «\u{a0}Enregistrer ma progression dans un fichier\u{a0}» sur la page d’accueil, puis de vous remettre le fichier (une clé USB, le dossier partagé de l’école, un courriel). Ouvrez ici tous les fichiers à la fois\u{a0}: le tableau montre, pour chaque élève et chaque leçon, les étapes faites et les questions réussies du premier coup. Rien ne quitte ce navigateur.",
    class_open: "Ouvrir des fichiers de progression",
    class_print: "Imprimer le tableau",
    class_close: "Fermer le tableau",
    class_student: "Élève",
    class_total: "Tout",
    class_key: "Chaque case\u{a0}: les étapes faites sur celles de la leçon\u{202f}; dessous, après ?, les questions réussies du premier coup. Le titre d’une leçon s’affiche au survol de son numéro.",
    try_title: "Essayer un fichier de leçon",
    try_how: "Écrivez votre propre leçon dans un fichier TOML (lessons/README.md dans les sources de Facteur en donne le format, avec un exemple complet) et choisissez-le ici\u{a0}: la page le lit exactement comme la construction du site lit le cours, et donne la ligne de toute erreur. Lu sans erreur, il rejoint le cours dans ce navigateur jusqu’au rechargement de la page, dans la langue de la page, avec ses objectifs, indices, «\u{a0}Montrez-moi\u{a0}» et questions. Pour le donner à tous les élèves, mettez-le sur le site et ajoutez-le à lessons/index.txt.",
    try_open: "Choisir un fichier de leçon",
    try_reading: "Lecture du fichier de leçon…",
    try_open_it: "L’ouvrir",
    try_fix: "Corrigez le fichier à cette ligne et choisissez-le de nouveau.",
    hosted_title: "Les leçons propres à ce site (lessons/index.txt)",
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
                "This link types the dialogue's {} again on a fresh copy of the same world:",
                count(Lang::En, lines, "line", "lines")
            ),
            Lang::Fr => format!(
                "Ce lien retape le dialogue ({}) sur une copie neuve du même monde\u{a0}:",
                count(Lang::Fr, lines, "ligne", "lignes")
            ),
        }
    }

    /// When the page is open at an address only this machine reaches.
    pub fn local_warning(&self, address: &str) -> String {
        match self.lang {
            Lang::En => format!(
                "This page is open at {address}, an address only this computer can reach: a student's phone or laptop that scans these codes would find nothing. Type below the address students use to reach this site (this computer's address on the school network: “hostname -I” on Linux, “ipconfig” on Windows, or Network in a Mac's settings shows it)."
            ),
            Lang::Fr => format!(
                "Cette page est ouverte à {address}, une adresse que seul cet ordinateur atteint\u{a0}: le téléphone ou l’ordinateur d’un élève qui lit ces codes ne trouverait rien. Tapez ci-dessous l’adresse par laquelle les élèves atteignent ce site (celle de cet ordinateur sur le réseau de l’école\u{a0}: «\u{a0}hostname -I\u{a0}» sous Linux, «\u{a0}ipconfig\u{a0}» sous Windows, ou Réseau dans les réglages d’un Mac la montre)."
            ),
        }
    }

    /// Under the address field: where every link now leads.
    pub fn address_in_use(&self, address: &str) -> String {
        match self.lang {
            Lang::En => format!("Every link and QR code on this page leads to {address}"),
            Lang::Fr => format!("Chaque lien et chaque code QR de cette page mène à {address}"),
        }
    }

    /// Above the class table: how many students it holds.
    pub fn class_caption(&self, students: usize) -> String {
        match self.lang {
            Lang::En => format!(
                "The class's progress: {}",
                count(Lang::En, students, "student", "students")
            ),
            Lang::Fr => format!(
                "La progression de la classe\u{a0}: {}",
                count(Lang::Fr, students, "élève", "élèves")
            ),
        }
    }

    /// A cell of the class table, read aloud.
    pub fn class_cell(&self, done: usize, steps: usize, right: usize, questions: usize) -> String {
        let asked = questions > 0;
        match self.lang {
            Lang::En if asked => format!(
                "{done} of {steps} steps done, {right} of {} right the first time",
                count(Lang::En, questions, "question", "questions")
            ),
            Lang::En => format!("{done} of {steps} steps done"),
            Lang::Fr if asked => format!(
                "{done} étapes faites sur {steps}, {right} sur {} réussies du premier coup",
                count(Lang::Fr, questions, "question", "questions")
            ),
            Lang::Fr => format!("{done} étapes faites sur {steps}"),
        }
    }

    /// The files that were not progress files.
    pub fn class_unreadable(&self, files: &[String]) -> String {
        let list = files.join(", ");
        match self.lang {
            Lang::En => format!("Not a Facteur progress file, left out: {list}"),
            Lang::Fr => {
                format!("Pas un fichier de progression de Facteur, laissé de côté\u{a0}: {list}")
            }
        }
    }

    /// A tried lesson file was read.
    pub fn try_read(&self, number: u32, title: &str) -> String {
        match self.lang {
            Lang::En => format!("Lesson {number} “{title}” is read, without a mistake, and is in the course until the page is reloaded."),
            Lang::Fr => format!("La leçon {number} «\u{a0}{title}\u{a0}» est lue, sans erreur, et fait partie du cours jusqu’au rechargement de la page."),
        }
    }

    /// Why a lesson file could not be read, when the file itself is not at fault.
    pub fn read_problem(&self, e: &crate::course::own::ReadError) -> String {
        use crate::course::own::ReadError::*;
        match (e, self.lang) {
            (Lesson(line), _) => line.clone(),
            (Missing(address), Lang::En) => format!("{address} is listed but the site does not have it: check its name and folder."),
            (Missing(address), Lang::Fr) => format!("{address} est listé mais le site ne l’a pas\u{a0}: vérifiez son nom et son dossier."),
            (NoLanguage(path), Lang::En) => format!("{path}: a listed lesson starts with its language's folder, en/ or fr/ (en/17-verify.toml)."),
            (NoLanguage(path), Lang::Fr) => format!("{path}\u{a0}: une leçon listée commence par le dossier de sa langue, en/ ou fr/ (fr/17-verify.toml)."),
            (Reader, Lang::En) => "The lesson reader could not start in this browser (it needs WebAssembly in a worker, as any browser from 2021 on has).".to_owned(),
            (Reader, Lang::Fr) => "Le lecteur de leçons n’a pas pu démarrer dans ce navigateur (il lui faut WebAssembly dans un worker, comme tout navigateur depuis 2021).".to_owned(),
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
