//! The words of class mode's pages, in English and French (see `crate::i18n` for the rules
//! every catalogue follows).

use facteur_protocols::class::wire::Refusal;
use facteur_protocols::class::{NameProblem, NAME_MAX};
use leptos::prelude::*;

use crate::i18n::{use_lang, Lang};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassTexts {
    pub lang: Lang,
    pub title: &'static str,
    pub looking: &'static str,
    pub solo: &'static str,
    pub solo_how: &'static str,
    pub join_title: &'static str,
    pub join_lead: &'static str,
    pub first_name: &'static str,
    pub join: &'static str,
    pub you_are: &'static str,
    pub your_address: &'static str,
    pub your_password: &'static str,
    pub password_why: &'static str,
    pub connected: &'static str,
    pub connecting: &'static str,
    pub lost: &'static str,
    pub classmates: &'static str,
    pub nobody_yet: &'static str,
    pub write: &'static str,
    pub reset_by_teacher: &'static str,
    pub mail_apps: &'static str,
    pub teacher_title: &'static str,
    pub teacher_lead: &'static str,
    pub teacher_password: &'static str,
    pub teacher_open: &'static str,
    pub teacher_wrong: &'static str,
    pub teacher_unreachable: &'static str,
    pub students: &'static str,
    pub student: &'static str,
    pub address: &'static str,
    pub pages_open: &'static str,
    pub mailboxes: &'static str,
    pub per_minute: &'static str,
    pub delivered: &'static str,
    pub open_mailbox: &'static str,
    pub close_mailbox: &'static str,
    pub empty_mailbox: &'static str,
    pub from: &'static str,
    pub subject: &'static str,
    pub reset: &'static str,
    pub reset_sure: &'static str,
    pub reset_yes: &'static str,
    pub reset_no: &'static str,
    pub reset_done: &'static str,
    pub lesson_links: &'static str,
    pub no_students: &'static str,
    pub footer: &'static str,
}

impl ClassTexts {
    pub fn for_lang(lang: Lang) -> ClassTexts {
        match lang {
            Lang::En => ClassTexts {
                lang,
                title: "The class",
                looking: "Looking for the class server…",
                solo: "This page is not served by a class server.",
                solo_how: "Class mode needs the teacher's computer to run Facteur's class server, which serves this site to the room and holds one mail world for everyone. The teacher starts it with the command below and gives students the address it prints. Everything else on this site works without it.",
                join_title: "Join the class",
                join_lead: "Type your first name. You get an address on class.test, a password, a phone and a laptop. Your classmates can write to you and you to them: the mail really goes through the class's server.",
                first_name: "Your first name",
                join: "Join the class",
                you_are: "You are",
                your_address: "Your address",
                your_password: "Your password",
                password_why: "A real mail app on your own phone or computer can log in with it too: its server and ports are under Mail apps.",
                connected: "Connected to the class.",
                connecting: "Connecting to the class…",
                lost: "Connection to the class lost: trying again. What you type stays where it is; press Enter again once connected.",
                classmates: "Classmates",
                nobody_yet: "Nobody else has joined yet. Classmates appear here as they join.",
                write: "Write from the laptop",
                reset_by_teacher: "The teacher started the class again: every account is gone. Join again with your first name.",
                mail_apps: "Mail apps",
                teacher_title: "The class, for the teacher",
                teacher_lead: "Who is connected, how much mail moves, and each mailbox. Subjects stay hidden until you open a mailbox.",
                teacher_password: "Teacher password",
                teacher_open: "Open",
                teacher_wrong: "That is not the teacher password. The class server printed it when it started.",
                teacher_unreachable: "The class server does not answer. Is it still running?",
                students: "Students",
                student: "Student",
                address: "Address",
                pages_open: "Pages open",
                mailboxes: "Mailboxes (messages, unread)",
                per_minute: "Messages delivered in the last minute",
                delivered: "Delivered since the class started",
                open_mailbox: "Open",
                close_mailbox: "Close",
                empty_mailbox: "No message.",
                from: "From",
                subject: "Subject",
                reset: "Start the class again",
                reset_sure: "Every student's account, devices and mail will be gone; their pages will ask them to join again.",
                reset_yes: "Yes, start again",
                reset_no: "Keep the class",
                reset_done: "The class started again.",
                lesson_links: "Lessons for this room",
                no_students: "No student has joined yet.",
                footer: "In class mode the mail servers run on the teacher's computer: messages go between this room's browsers and mail apps, and never to the internet.",
            },
            Lang::Fr => ClassTexts {
                lang,
                title: "La classe",
                looking: "Recherche du serveur de la classe…",
                solo: "Cette page n’est pas servie par un serveur de classe.",
                solo_how: "Le mode classe demande que l’ordinateur de l’enseignant fasse tourner le serveur de classe de Facteur, qui sert ce site à la salle et tient un seul monde de courrier pour tous. L’enseignant le lance avec la commande ci-dessous et donne aux élèves l’adresse qu’elle affiche. Tout le reste du site fonctionne sans lui.",
                join_title: "Rejoindre la classe",
                join_lead: "Tapez votre prénom. Vous recevez une adresse sur class.test, un mot de passe, un téléphone et un portable. Vos camarades peuvent vous écrire et vous leur écrire\u{a0}: le courrier passe vraiment par le serveur de la classe.",
                first_name: "Votre prénom",
                join: "Rejoindre la classe",
                you_are: "Vous êtes",
                your_address: "Votre adresse",
                your_password: "Votre mot de passe",
                password_why: "Une vraie application de courrier sur votre téléphone ou votre ordinateur peut aussi s’y connecter\u{a0}: son serveur et ses ports sont sous Applications de courrier.",
                connected: "Connecté à la classe.",
                connecting: "Connexion à la classe…",
                lost: "Connexion à la classe perdue\u{a0}: nouvel essai en cours. Ce que vous tapez reste en place\u{a0}; appuyez de nouveau sur Entrée une fois connecté.",
                classmates: "Camarades",
                nobody_yet: "Personne d’autre n’a encore rejoint la classe. Vos camarades apparaissent ici dès qu’ils la rejoignent.",
                write: "Écrire depuis le portable",
                reset_by_teacher: "L’enseignant a recommencé la classe\u{a0}: tous les comptes ont disparu. Rejoignez-la de nouveau avec votre prénom.",
                mail_apps: "Applications de courrier",
                teacher_title: "La classe, pour l’enseignant",
                teacher_lead: "Qui est connecté, combien de courrier circule, et chaque boîte. Les objets restent cachés tant que vous n’ouvrez pas une boîte.",
                teacher_password: "Mot de passe de l’enseignant",
                teacher_open: "Ouvrir",
                teacher_wrong: "Ce n’est pas le mot de passe de l’enseignant. Le serveur de classe l’a affiché à son démarrage.",
                teacher_unreachable: "Le serveur de classe ne répond pas. Tourne-t-il encore\u{a0}?",
                students: "Élèves",
                student: "Élève",
                address: "Adresse",
                pages_open: "Pages ouvertes",
                mailboxes: "Boîtes (messages, non lus)",
                per_minute: "Messages distribués dans la dernière minute",
                delivered: "Distribués depuis le début de la classe",
                open_mailbox: "Ouvrir",
                close_mailbox: "Fermer",
                empty_mailbox: "Aucun message.",
                from: "De",
                subject: "Objet",
                reset: "Recommencer la classe",
                reset_sure: "Les comptes, les appareils et le courrier de tous les élèves disparaîtront\u{a0}; leurs pages leur demanderont de rejoindre la classe de nouveau.",
                reset_yes: "Oui, recommencer",
                reset_no: "Garder la classe",
                reset_done: "La classe a recommencé.",
                lesson_links: "Les leçons pour cette salle",
                no_students: "Aucun élève n’a encore rejoint la classe.",
                footer: "En mode classe, les serveurs de courrier tournent sur l’ordinateur de l’enseignant\u{a0}: les messages circulent entre les navigateurs et les applications de courrier de cette salle, jamais vers Internet.",
            },
        }
    }

    /// Why the server said no, in plain words.
    pub fn refusal(&self, refusal: &Refusal) -> String {
        let fr = self.lang == Lang::Fr;
        match refusal {
            Refusal::Name { problem } => self.name_problem(problem),
            Refusal::NameTaken { login } if fr => format!("Quelqu’un de la classe a déjà l’adresse {login}@class.test. Ajoutez l’initiale de votre nom («\u{a0}Zoé M\u{a0}»)."),
            Refusal::NameTaken { login } => format!("Someone in the class already has the address {login}@class.test. Add your last name's initial (“Zoé M”)."),
            Refusal::NoSuchStudent if fr => "Ce compte n’existe plus (la classe a peut-être recommencé). Rejoignez-la avec votre prénom.".to_owned(),
            Refusal::NoSuchStudent => "That account no longer exists (the class may have started again). Join with your first name.".to_owned(),
            Refusal::WrongPassword if fr => "Ce mot de passe n’est pas celui de ce compte.".to_owned(),
            Refusal::WrongPassword => "That password is not this account's.".to_owned(),
            Refusal::ClassFull { max } if fr => format!("La classe est complète ({max}\u{a0}élèves au plus). Demandez à l’enseignant."),
            Refusal::ClassFull { max } => format!("The class is full ({max} students at most). Ask the teacher."),
            Refusal::TooManyConnections { max } if fr => format!("Votre compte est déjà ouvert sur {max}\u{a0}pages. Fermez-en une."),
            Refusal::TooManyConnections { max } => format!("Your account is already open on {max} pages. Close one."),
            Refusal::TooFast { per_minute } if fr => format!("Doucement\u{a0}: {per_minute} par minute au plus. Réessayez dans un moment."),
            Refusal::TooFast { per_minute } => format!("Slow down: {per_minute} a minute at most. Try again in a moment."),
            Refusal::TooLarge { max } if fr => format!("Trop long pour la classe\u{a0}: {}\u{a0}Ko au plus.", max / 1024),
            Refusal::TooLarge { max } => format!("Too long for the class: {} KB at most.", max / 1024),
            Refusal::NotYours if fr => "Cet appareil n’est pas le vôtre.".to_owned(),
            Refusal::NotYours => "That device is not yours.".to_owned(),
            Refusal::NotJoined if fr => "Rejoignez d’abord la classe.".to_owned(),
            Refusal::NotJoined => "Join the class first.".to_owned(),
            Refusal::Unreadable if fr => "Le serveur de classe n’a pas compris cette page (une version différente de Facteur\u{a0}?). Rechargez-la.".to_owned(),
            Refusal::Unreadable => "The class server did not understand this page (a different version of Facteur?). Reload it.".to_owned(),
        }
    }

    fn name_problem(&self, problem: &NameProblem) -> String {
        let fr = self.lang == Lang::Fr;
        match problem {
            NameProblem::Empty if fr => "Tapez votre prénom.".to_owned(),
            NameProblem::Empty => "Type your first name.".to_owned(),
            NameProblem::TooLong if fr => format!("Un prénom de {NAME_MAX}\u{a0}lettres au plus, s’il vous plaît."),
            NameProblem::TooLong => format!("A first name of {NAME_MAX} letters at most, please."),
            NameProblem::NotInAName { character } if fr => format!("«\u{a0}{character}\u{a0}» n’a pas sa place dans un prénom\u{a0}: des lettres, des espaces, des traits d’union."),
            NameProblem::NotInAName { character } => format!("“{character}” has no place in a first name: letters, spaces and hyphens only."),
            NameProblem::NoLatinLetter if fr => "Une adresse de courrier ne s’écrit ici qu’en lettres latines\u{a0}: tapez votre prénom ainsi (par exemple «\u{a0}Zoe\u{a0}»).".to_owned(),
            NameProblem::NoLatinLetter => "A mail address here takes Latin letters only: type your first name that way (for example “Zoe”).".to_owned(),
            NameProblem::Reserved { login } if fr => format!("«\u{a0}{login}\u{a0}» est une adresse que les serveurs de courrier gardent pour eux. Choisissez votre prénom."),
            NameProblem::Reserved { login } => format!("“{login}” is an address mail servers keep for themselves. Use your first name."),
        }
    }

    /// How many students of the most the class takes.
    pub fn how_many(&self, n: usize, max: usize) -> String {
        match (self.lang, n) {
            (Lang::En, 1) => format!("1 student of {max} at most"),
            (Lang::En, _) => format!("{n} students of {max} at most"),
            (Lang::Fr, 0 | 1) => format!("{n}\u{a0}élève sur {max} au plus"),
            (Lang::Fr, _) => format!("{n}\u{a0}élèves sur {max} au plus"),
        }
    }
}

pub fn use_class_texts() -> Memo<ClassTexts> {
    let lang = use_lang();
    Memo::new(move |_| ClassTexts::for_lang(lang.get()))
}
