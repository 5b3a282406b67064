//! The words of "same scenario, other protocol", in English and French: the panel, each
//! recorded step, and what a difference between the two end states teaches.

use facteur_protocols::records::scenario::{Difference, Lesson, Row, ScenarioError};
use facteur_protocols::store::Flag;
use facteur_protocols::table::{Action, Reading};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub empty: &'static str,
    pub steps: &'static str,
    pub replay: &'static str,
    pub pop3_as: &'static str,
    pub as_recorded: &'static str,
    pub on_server: &'static str,
    pub not_there: &'static str,
    pub on_other_side: &'static str,
    pub flagged: &'static str,
    pub not_flagged: &'static str,
    pub export: &'static str,
    pub import: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_to_copy: &'static str,
    pub play_here: &'static str,
    pub opened: &'static str,
    pub read: &'static str,
    pub unread: &'static str,
    pub nothing: &'static str,
}

const EN: ScenarioTexts = ScenarioTexts {
    title: "Same scenario, other protocol",
    intro: "What you do on the devices is recorded as a scenario (typed commands are not). Replay it on a fresh copy of the world with the other protocol, and compare where the mail ends up.",
    empty: "Nothing recorded yet: check mail, read or delete on a device.",
    steps: "Recorded steps",
    replay: "Replay with the other protocol",
    pop3_as: "POP3 side",
    as_recorded: "As recorded",
    on_server: "On the server",
    not_there: "not on the other side",
    on_other_side: "on the other side",
    flagged: "flagged",
    not_flagged: "not flagged",
    export: "Export scenario (.json)",
    import: "Import a scenario",
    copy_link: "Copy a link to this scenario",
    link_copied: "Link copied: whoever opens it gets this scenario.",
    link_to_copy: "Whoever opens this link gets this scenario.",
    play_here: "Play it here, step by step",
    opened: "A scenario was opened from a file or a link: its steps are below. Play it here to watch each dialogue, or replay it with the other protocol.",
    read: "read",
    unread: "unread",
    nothing: "nothing",
};

const FR: ScenarioTexts = ScenarioTexts {
    title: "Même scénario, autre protocole",
    intro: "Ce que vous faites sur les appareils est enregistré comme scénario (pas les commandes tapées). Rejouez-le sur une copie neuve du monde avec l’autre protocole, et comparez où finit le courrier.",
    empty: "Rien d’enregistré pour l’instant\u{a0}: relevez, lisez ou supprimez sur un appareil.",
    steps: "Étapes enregistrées",
    replay: "Rejouer avec l’autre protocole",
    pop3_as: "Côté POP3",
    as_recorded: "Tel qu’enregistré",
    on_server: "Sur le serveur",
    not_there: "absent de l’autre côté",
    on_other_side: "de l’autre côté",
    flagged: "suivi",
    not_flagged: "non suivi",
    export: "Exporter le scénario (.json)",
    import: "Importer un scénario",
    copy_link: "Copier un lien vers ce scénario",
    link_copied: "Lien copié\u{a0}: qui l’ouvre reçoit ce scénario.",
    link_to_copy: "Qui ouvre ce lien reçoit ce scénario.",
    play_here: "Le jouer ici, pas à pas",
    opened: "Un scénario a été ouvert depuis un fichier ou un lien\u{a0}: ses étapes sont ci-dessous. Jouez-le ici pour voir chaque dialogue, ou rejouez-le avec l’autre protocole.",
    read: "lu",
    unread: "non lu",
    nothing: "rien",
};

impl ScenarioTexts {
    pub fn for_lang(lang: Lang) -> ScenarioTexts {
        match lang {
            Lang::Fr => FR,
            Lang::En => EN,
        }
    }

    /// What the other side has instead of `row`, in words ("unread, flagged on the other
    /// side").
    pub fn difference(&self, row: &Row, difference: Difference) -> String {
        let Difference::Marks { seen, flagged } = difference else {
            return self.not_there.to_owned();
        };
        let marks: Vec<&str> = [
            seen.then_some(if row.seen { self.unread } else { self.read }),
            flagged.then_some(if row.flagged {
                self.not_flagged
            } else {
                self.flagged
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        format!("{} {}", marks.join(", "), self.on_other_side)
    }
}

pub fn reading(r: Reading, lang: Lang) -> &'static str {
    match (r, lang) {
        (Reading::Imap, _) => "IMAP",
        (Reading::Pop3Delete, Lang::Fr) => "POP3, supprimer après téléchargement",
        (Reading::Pop3Delete, Lang::En) => "POP3, delete after download",
        (Reading::Pop3Leave, Lang::Fr) => "POP3, laisser une copie",
        (Reading::Pop3Leave, Lang::En) => "POP3, leave a copy",
    }
}

/// One step after the device's name: "check mail", "mark “Lunch” read", …
pub fn step(s: &Action, lang: Lang) -> String {
    match lang {
        Lang::En => step_en(s),
        Lang::Fr => step_fr(s),
    }
}

fn step_en(s: &Action) -> String {
    match s {
        Action::Reading { reading: r, .. } => format!("reads with {}", reading(*r, Lang::En)),
        Action::Check { .. } => "check mail".into(),
        Action::Flag {
            message, flag, on, ..
        } => {
            let what = match (flag, on) {
                (Flag::Seen, true) => "read",
                (Flag::Seen, false) => "mark unread",
                (Flag::Flagged, true) => "flag",
                (Flag::Flagged, false) => "unflag",
                _ => "change the flags of",
            };
            format!("{what} “{}”", message.subject)
        }
        Action::Delete { message, .. } => format!("delete “{}”", message.subject),
        Action::Move { message, to, .. } => format!("move “{}” to {to}", message.subject),
        Action::CreateFolder { name, .. } => format!("create the folder {name}"),
        Action::Send { draft, .. } => format!("send “{}” to {}", draft.subject, draft.to),
        Action::SaveDraft { draft, .. } => format!("save the draft “{}”", draft.subject),
        Action::Settings { .. } => "change settings".into(),
        Action::Connect { port, .. } => format!("connect to port {port}"),
        Action::Type { line, .. } => format!("type {line}"),
        Action::Disconnect { .. } => "disconnect".into(),
        Action::Answer { .. } => "answer the question".into(),
    }
}

fn step_fr(s: &Action) -> String {
    match s {
        Action::Reading { reading: r, .. } => format!("relève avec {}", reading(*r, Lang::Fr)),
        Action::Check { .. } => "relever le courrier".into(),
        Action::Flag {
            message, flag, on, ..
        } => {
            let what = match (flag, on) {
                (Flag::Seen, true) => "lire",
                (Flag::Seen, false) => "marquer non lu",
                (Flag::Flagged, true) => "marquer d’un indicateur",
                (Flag::Flagged, false) => "retirer lâindicateur de",
                _ => "changer les indicateurs de",
            };
            format!("{what} «\u{a0}{}\u{a0}»", message.subject)
        }
        Action::Delete { message, .. } => format!("supprimer «\u{a0}{}\u{a0}»", message.subject),
        Action::Move { message, to, .. } => {
            format!("déplacer «\u{a0}{}\u{a0}» vers {to}", message.subject)
        }
        Action::CreateFolder { name, .. } => format!("créer le dossier {name}"),
        Action::Send { draft, .. } => {
            format!("envoyer «\u{a0}{}\u{a0}» à {}", draft.subject, draft.to)
        }
        Action::SaveDraft { draft, .. } => {
            format!("enregistrer le brouillon «\u{a0}{}\u{a0}»", draft.subject)
        }
        Action::Settings { .. } => "changer les réglages".into(),
        Action::Connect { port, .. } => format!("se connecter au port {port}"),
        Action::Type { line, .. } => format!("taper {line}"),
        Action::Disconnect { .. } => "se déconnecter".into(),
        Action::Answer { .. } => "répondre à la question".into(),
    }
}

/// What the difference teaches, in one or two sentences.
pub fn lesson(l: Lesson, lang: Lang) -> &'static str {
    match (l, lang) {
        (Lesson::Pop3EmptiedTheServer, Lang::Fr) => "Avec POP3 «\u{a0}supprimer après téléchargement\u{a0}», le premier appareil qui relève emporte le courrier\u{a0}: il n’est plus sur le serveur, et les appareils suivants ne trouvent rien. Avec IMAP, le courrier reste sur le serveur et chaque appareil voit la même boîte.",
        (Lesson::Pop3EmptiedTheServer, Lang::En) => "With POP3 “delete after download”, the first device that checks takes the mail away: it is no longer on the server, and the devices after it find nothing. With IMAP the mail stays on the server and every device sees the same mailbox.",
        (Lesson::Pop3KeepsChangesLocal, Lang::Fr) => "Avec POP3, ce qu’on range ou supprime sur un appareil ne change que cet appareil\u{a0}: les autres gardent leur propre copie. Avec IMAP, le changement est fait sur le serveur, et chaque appareil le voit à sa synchronisation suivante.",
        (Lesson::Pop3KeepsChangesLocal, Lang::En) => "With POP3, what you file or delete on one device changes that device only: the others keep their own copy. With IMAP the change is made on the server, and every device sees it at its next sync.",
        (Lesson::Pop3KeepsFlagsLocal, Lang::Fr) => "Avec POP3, «\u{a0}lu\u{a0}» est une marque de l’appareil\u{a0}: un message lu sur l’un reste non lu sur l’autre. Avec IMAP, lâindicateur \\Seen est sur le serveur, et tous les appareils sont d’accord.",
        (Lesson::Pop3KeepsFlagsLocal, Lang::En) => "With POP3, “read” is a mark on one device: a message read on one stays unread on the other. With IMAP the \\Seen flag is on the server, and every device agrees.",
        (Lesson::NoDifference, Lang::Fr) => "Les deux protocoles finissent pareil ici\u{a0}: ces étapes ne les distinguent pas. Essayez de relever sur deux appareils, ou de lire sur l’un puis de relever sur l’autre.",
        (Lesson::NoDifference, Lang::En) => "Both protocols end the same here: these steps do not tell them apart. Try checking on two devices, or reading on one and checking on the other.",
    }
}

pub fn scenario_error(e: &ScenarioError, lang: Lang) -> String {
    match (e, lang) {
        (ScenarioError::Unreadable(why), Lang::Fr) => {
            format!("Ce n’est pas un scénario de Facteur lisible ({why}). Rien n’a changé.")
        }
        (ScenarioError::Unreadable(why), Lang::En) => {
            format!("This is not a readable Facteur scenario ({why}). Nothing changed.")
        }
        (ScenarioError::Version(v), Lang::Fr) => format!(
            "Ce scénario vient d’une autre version de Facteur (version {v}). Rien n’a changé."
        ),
        (ScenarioError::Version(v), Lang::En) => format!(
            "This scenario comes from another version of Facteur (version {v}). Nothing changed."
        ),
        (ScenarioError::UnknownWorld(w), Lang::Fr) => {
            format!("Ce scénario part d’un monde que cette page n’a pas ({w}). Rien n’a changé.")
        }
        (ScenarioError::UnknownWorld(w), Lang::En) => format!(
            "This scenario starts from a world this page does not have ({w}). Nothing changed."
        ),
    }
}
