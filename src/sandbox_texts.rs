//! The words of the sandbox, in English and French: Undo, and what the page says about the
//! sandbox it keeps in the browser.

use facteur_protocols::store::import::ImportError;

use crate::i18n::Lang;
use crate::state::Notice;
use facteur_protocols::table::Action;

pub fn undo(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Annuler",
        _ => "Undo",
    }
}

pub fn nothing_to_undo(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Rien à annuler",
        _ => "Nothing to undo",
    }
}

pub fn dismiss(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fermer",
        _ => "Dismiss",
    }
}

/// What an action was, after the name of who did it: "Undo: bob · laptop, check mail".
pub fn undoable(a: &Action, lang: Lang) -> &'static str {
    let fr = lang == Lang::Fr;
    match a {
        Action::Check { .. } if fr => "relever le courrier",
        Action::Check { .. } => "check mail",
        Action::Send { .. } if fr => "envoyer",
        Action::Send { .. } => "send",
        Action::SaveDraft { .. } if fr => "enregistrer un brouillon",
        Action::SaveDraft { .. } => "save a draft",
        Action::Settings { .. } | Action::Reading { .. } if fr => "changer les réglages",
        Action::Settings { .. } | Action::Reading { .. } => "change settings",
        Action::Type { .. } if fr => "la commande tapée",
        Action::Type { .. } => "the typed command",
        Action::Connect { .. } if fr => "se connecter",
        Action::Connect { .. } => "connect",
        Action::Disconnect { .. } if fr => "se déconnecter",
        Action::Disconnect { .. } => "disconnect",
        Action::Answer { .. } if fr => "répondre",
        Action::Answer { .. } => "answer",
        _ if fr => "modifier un message",
        _ => "change a message",
    }
}

/// The line the dialogue gets when an action is undone.
pub fn undone(who: &str, a: &Action, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "Annulé ({who}, {}) : le monde est revenu à l’état d’avant.",
            undoable(a, lang)
        ),
        _ => format!(
            "Undone ({who}, {}): the world is back as it was before.",
            undoable(a, lang)
        ),
    }
}

pub fn notice(n: Notice, lang: Lang) -> &'static str {
    use Notice::*;
    match (n, lang) {
        (Restored, Lang::Fr) => "Votre bac à sable de la dernière visite est revenu\u{a0}: monde, appareils, réglages et dialogues. «\u{a0}Réinitialiser le monde\u{a0}» repart de zéro.",
        (Restored, Lang::En) => "Your sandbox from last time is back: world, devices, settings and dialogues. “Reset world” starts afresh.",
        (Corrupt, Lang::Fr) => "Le bac à sable enregistré dans ce navigateur était illisible (abîmé ou modifié à la main)\u{a0}: il a été effacé, et le monde de démonstration repart de zéro.",
        (Corrupt, Lang::En) => "The sandbox saved in this browser could not be read (damaged, or edited by hand): it was cleared, and the demo world starts afresh.",
        (OldVersion, Lang::Fr) => "Le bac à sable enregistré vient d’une autre version de Facteur\u{a0}: il a été effacé, et le monde de démonstration repart de zéro.",
        (OldVersion, Lang::En) => "The saved sandbox comes from another version of Facteur: it was cleared, and the demo world starts afresh.",
        (TooLarge, Lang::Fr) => "Le bac à sable enregistré était trop gros pour être relu\u{a0}: il a été effacé, et le monde de démonstration repart de zéro.",
        (TooLarge, Lang::En) => "The saved sandbox was too large to read back: it was cleared, and the demo world starts afresh.",
        (NotSavedTooLarge, Lang::Fr) => "Ce monde est trop gros pour être gardé dans le navigateur\u{a0}: après un rechargement, il repartira de son état de départ.",
        (NotSavedTooLarge, Lang::En) => "This world is too large to keep in the browser: after a reload it starts again from the beginning.",
        (StorageFull, Lang::Fr) => "Le navigateur a refusé d’enregistrer le bac à sable (stockage plein ou désactivé)\u{a0}: ce que vous faites ne sera pas gardé après un rechargement.",
        (StorageFull, Lang::En) => "The browser refused to save the sandbox (storage full, or turned off): what you do will not be kept after a reload.",
        (DialogueReplayed, Lang::Fr) => "Dialogue partagé\u{a0}: ses lignes sont retapées sur une copie neuve de son monde. Pas à pas, Pause et la vitesse règlent le rythme.",
        (DialogueReplayed, Lang::En) => "Shared dialogue: its lines are typed again on a fresh copy of its world. Step, Pause and the speed set the pace.",
        (DialogueUnreadable, Lang::Fr) => "Ce lien de dialogue est abîmé (souvent coupé en le copiant)\u{a0}: demandez le lien complet.",
        (DialogueUnreadable, Lang::En) => "This dialogue link is damaged (often cut short when copied): ask for the whole link.",
        (DialogueOtherVersion, Lang::Fr) => "Ce lien de dialogue vient d’une autre version de Facteur et ne peut pas être rejoué ici.",
        (DialogueOtherVersion, Lang::En) => "This dialogue link comes from another version of Facteur and cannot be replayed here.",
        (DialogueUnknown, Lang::Fr) => "Ce lien de dialogue nomme un monde, un compte ou un port que cette page n’a pas.",
        (DialogueUnknown, Lang::En) => "This dialogue link names a world, an account or a port this page does not have.",
        (DialogueTooLong, Lang::Fr) => "Ce lien de dialogue contient plus de lignes qu’un lien partagé ne peut en porter.",
        (DialogueTooLong, Lang::En) => "This dialogue link holds more lines than a shared link may.",
    }
}

pub fn upload(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Ouvrir un .eml ou un mbox",
        _ => "Open an .eml or mbox file",
    }
}

/// Where an uploaded file's messages go.
pub fn upload_hint(login: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Ses messages arrivent dans la boîte INBOX de {login}, dans un monde vide par ailleurs."),
        _ => format!("Its messages land in {login}’s INBOX, in an otherwise empty world."),
    }
}

pub fn uploaded_world(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fichier importé",
        _ => "uploaded file",
    }
}

pub fn uploaded(count: usize, file: &str, login: &str, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Fr, 1) => format!("{file}\u{a0}: 1 message dans la boîte INBOX de {login}."),
        (Lang::Fr, n) => format!("{file}\u{a0}: {n} messages dans la boîte INBOX de {login}."),
        (Lang::En, 1) => format!("{file}: 1 message in {login}’s INBOX."),
        (Lang::En, n) => format!("{file}: {n} messages in {login}’s INBOX."),
    }
}

/// Why a file was not taken; the world is unchanged.
pub fn import_error(e: &ImportError, file: &str, lang: Lang) -> String {
    let why = match (e, lang) {
        (ImportError::Empty, Lang::Fr) => "le fichier est vide".to_owned(),
        (ImportError::Empty, Lang::En) => "the file is empty".to_owned(),
        (ImportError::TooLarge { size }, Lang::Fr) => {
            format!("le fichier fait {} Mo ; 20 Mo au plus", size / 1_048_576)
        }
        (ImportError::TooLarge { size }, Lang::En) => format!(
            "the file is {} MB; at most 20 MB are taken",
            size / 1_048_576
        ),
        (ImportError::Binary, Lang::Fr) => {
            "ce n’est pas du texte (une image, une archive ?) ; un message est du texte".to_owned()
        }
        (ImportError::Binary, Lang::En) => {
            "it is not text (an image, an archive?); a message is text".to_owned()
        }
        (ImportError::NoMessages, Lang::Fr) => "ce mbox ne contient aucun message".to_owned(),
        (ImportError::NoMessages, Lang::En) => "this mbox holds no message".to_owned(),
        (ImportError::NotAMessage { number }, Lang::Fr) => format!(
            "le message {number} ne commence pas par des en-têtes (« Nom: valeur », RFC 5322)"
        ),
        (ImportError::NotAMessage { number }, Lang::En) => {
            format!("message {number} does not start with header fields (“Name: value”, RFC 5322)")
        }
    };
    match lang {
        Lang::Fr => format!("{file} n’a pas été importé\u{a0}: {why}. Le monde n’a pas changé."),
        _ => format!("{file} was not imported: {why}. The world has not changed."),
    }
}
