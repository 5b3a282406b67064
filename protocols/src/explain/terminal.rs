//! Words for the terminal: problems found while typing, the parts of a line, what the
//! session is waiting for, and what a reply code's class means. English and French side by
//! side, since each is a short phrase.

use super::{diagnostic, Lang};
use crate::assist::{LineProblem, PartKind};
use crate::vocab::{count as counted, Awaiting};

/// What is wrong with a line being typed, in a sentence for the learner.
pub fn line_problem(p: &LineProblem, lang: Lang) -> String {
    match (p, lang) {
        (LineProblem::UnknownCommand { word }, Lang::En) => {
            format!("{word} is not a command of this protocol. Tab lists the ones that are.")
        }
        (LineProblem::UnknownCommand { word }, Lang::Fr) => {
            format!("{word} n’est pas une commande de ce protocole. Tab liste celles qui existent.")
        }
        (LineProblem::MissingTag, Lang::En) => {
            "No tag: Enter will add the next one (a1, a2…) for you.".into()
        }
        (LineProblem::MissingTag, Lang::Fr) => {
            "Pas d’étiquette\u{a0}: Entrée ajoutera la suivante (a1, a2…) pour vous.".into()
        }
        (LineProblem::Syntax(d), lang) => diagnostic(d, lang),
        (LineProblem::Foreign(f), Lang::En) => super::en_grammar::foreign(f),
        (LineProblem::Foreign(f), Lang::Fr) => super::fr_grammar::foreign(f),
    }
}

/// The name of a part of a line, for the explanation panel.
pub fn part_kind(k: PartKind, lang: Lang) -> &'static str {
    use PartKind::*;
    match (k, lang) {
        (Tag, Lang::En) => "tag",
        (Tag, Lang::Fr) => "étiquette",
        (Untagged, Lang::En) => "untagged response",
        (Untagged, Lang::Fr) => "réponse non étiquetée",
        (Continuation, Lang::En) => "continuation request",
        (Continuation, Lang::Fr) => "invitation à continuer",
        (Command, Lang::En) => "command",
        (Command, Lang::Fr) => "commande",
        (Arguments, Lang::En) => "arguments",
        (Arguments, Lang::Fr) => "arguments",
        (ReplyCode, Lang::En) => "reply code",
        (ReplyCode, Lang::Fr) => "code de réponse",
        (EnhancedCode, Lang::En) => "enhanced status code",
        (EnhancedCode, Lang::Fr) => "code d’état étendu",
        (Status, Lang::En) => "status",
        (Status, Lang::Fr) => "état",
        (ResponseCode, Lang::En) => "response code",
        (ResponseCode, Lang::Fr) => "code de réponse",
        (Text, Lang::En) => "text",
        (Text, Lang::Fr) => "texte",
    }
}

/// The prompt's hint for what the next line will be.
pub fn awaiting(a: Awaiting, lang: Lang) -> String {
    match (a, lang) {
        (Awaiting::Command, Lang::En) => "Type a command.".into(),
        (Awaiting::Command, Lang::Fr) => "Tapez une commande.".into(),
        (Awaiting::MessageData, Lang::En) => "Writing the message: headers, an empty line, the body; a line with only . ends it.".into(),
        (Awaiting::MessageData, Lang::Fr) => "Rédaction du message\u{a0}: en-têtes, une ligne vide, le corps\u{202f}; une ligne avec seulement . le termine.".into(),
        (Awaiting::Literal { remaining }, Lang::En) => format!("Sending a literal: {remaining} more {} (each line counts its CR LF).", if remaining == 1 { "byte" } else { "bytes" }),
        (Awaiting::Literal { remaining }, Lang::Fr) => format!("Envoi d’un littéral\u{a0}: encore {} (chaque ligne compte son CR LF).", counted(Lang::Fr, usize::try_from(remaining).unwrap_or(usize::MAX), "octet", "octets")),
        (Awaiting::CommandContinued, Lang::En) => "Finish the command after the literal (often just Enter).".into(),
        (Awaiting::CommandContinued, Lang::Fr) => "Terminez la commande après le littéral (souvent, juste Entrée).".into(),
        (Awaiting::SaslResponse, Lang::En) => "Answer the challenge in base64, or * to cancel.".into(),
        (Awaiting::SaslResponse, Lang::Fr) => "Répondez au défi en base64, ou * pour annuler.".into(),
        (Awaiting::IdleDone, Lang::En) => "IDLE: news arrives by itself; type DONE to stop.".into(),
        (Awaiting::IdleDone, Lang::Fr) => "IDLE\u{a0}: les nouvelles arrivent seules\u{202f}; tapez DONE pour arrêter.".into(),
    }
}

/// What the first digit of an SMTP reply code says (RFC 5321 §4.2.1).
pub fn reply_class(code: &str, lang: Lang) -> Option<&'static str> {
    Some(match (code.as_bytes().first()?, lang) {
        (b'2', Lang::En) => "2xx: done, success.",
        (b'2', Lang::Fr) => "2xx\u{a0}: fait, succès.",
        (b'3', Lang::En) => "3xx: go on, the server waits for more.",
        (b'3', Lang::Fr) => "3xx\u{a0}: continuez, le serveur attend la suite.",
        (b'4', Lang::En) => "4xx: not now, a temporary failure; trying later may work.",
        (b'4', Lang::Fr) => {
            "4xx\u{a0}: pas maintenant, échec temporaire\u{202f}; réessayer plus tard peut marcher."
        }
        (b'5', Lang::En) => "5xx: no, a permanent failure; the same command will fail again.",
        (b'5', Lang::Fr) => {
            "5xx\u{a0}: non, échec définitif\u{202f}; la même commande échouera encore."
        }
        _ => return None,
    })
}

/// A world event as a short sentence for the dialogue.
pub fn event(e: &crate::output::Event, lang: Lang) -> String {
    use crate::output::Event::*;
    let fr = lang == Lang::Fr;
    match e {
        TlsStarted => {
            if fr {
                "Connexion chiffrée (TLS simulé).".into()
            } else {
                "Connection encrypted (simulated TLS).".into()
            }
        }
        Authenticated { account } => {
            if fr {
                format!("Authentifié\u{a0}: {account}.")
            } else {
                format!("Logged in: {account}.")
            }
        }
        Accepted {
            queue_id,
            recipients,
        } => {
            let list: Vec<String> = recipients.iter().map(ToString::to_string).collect();
            if fr {
                format!("Message {queue_id} accepté pour {}.", list.join(", "))
            } else {
                format!("Message {queue_id} accepted for {}.", list.join(", "))
            }
        }
        Delivered {
            account,
            mailbox,
            uid,
        } => {
            if fr {
                format!("Distribué dans {mailbox} de {account} (UID {uid}).")
            } else {
                format!("Delivered to {account}'s {mailbox} (UID {uid}).")
            }
        }
        Relayed {
            from_host, to_host, ..
        } => {
            if fr {
                format!("{from_host} relaie le message à {to_host} sur le port 25\u{a0}:")
            } else {
                format!("{from_host} relays the message to {to_host} on port 25:")
            }
        }
        Bounced { refused, .. } => {
            let list: Vec<String> = refused.iter().map(ToString::to_string).collect();
            if fr {
                format!(
                    "Non distribuable à {}\u{a0}: un avis de non-remise revient à l’expéditeur.",
                    list.join(", ")
                )
            } else {
                format!(
                    "Undeliverable to {}: a bounce goes back to the sender.",
                    list.join(", ")
                )
            }
        }
        Retrieved { account, uid } => {
            if fr {
                format!("Message téléchargé de la boîte de {account} (UID {uid}).")
            } else {
                format!("Message downloaded from {account}'s maildrop (UID {uid}).")
            }
        }
        MarkedDeleted { uid, .. } => {
            if fr {
                format!("UID {uid} marqué pour suppression (effective à QUIT).")
            } else {
                format!("UID {uid} marked for deletion (takes effect at QUIT).")
            }
        }
        MarksCleared { count, .. } => {
            if fr {
                format!(
                    "{}.",
                    counted(
                        Lang::Fr,
                        *count,
                        "marque de suppression retirée",
                        "marques de suppression retirées"
                    )
                )
            } else {
                format!(
                    "{} removed.",
                    counted(Lang::En, *count, "deletion mark", "deletion marks")
                )
            }
        }
        Expunged {
            account,
            mailbox,
            uid,
        } => {
            if fr {
                format!("UID {uid} supprimé définitivement de {mailbox} de {account}.")
            } else {
                format!("UID {uid} removed for good from {account}'s {mailbox}.")
            }
        }
        FlagsChanged { uid, flags, .. } => {
            if fr {
                format!("Indicateurs de l’UID {uid}\u{a0}: ({}).", flags.join(" "))
            } else {
                format!("Flags of UID {uid}: ({}).", flags.join(" "))
            }
        }
        Appended { mailbox, uid, .. } => {
            if fr {
                format!("Message enregistré dans {mailbox} (UID {uid}).")
            } else {
                format!("Message stored in {mailbox} (UID {uid}).")
            }
        }
        Copied {
            from, to, count, ..
        } => {
            if fr {
                format!(
                    "{} de {from} vers {to}.",
                    counted(Lang::Fr, *count, "message copié", "messages copiés")
                )
            } else {
                format!(
                    "{} from {from} to {to}.",
                    counted(Lang::En, *count, "message copied", "messages copied")
                )
            }
        }
        MailboxCreated { mailbox, .. } => {
            if fr {
                format!("Dossier {mailbox} créé.")
            } else {
                format!("Mailbox {mailbox} created.")
            }
        }
        MailboxDeleted { mailbox, .. } => {
            if fr {
                format!("Dossier {mailbox} supprimé.")
            } else {
                format!("Mailbox {mailbox} deleted.")
            }
        }
        MailboxRenamed { from, to, .. } => {
            if fr {
                format!("Dossier {from} renommé en {to}.")
            } else {
                format!("Mailbox {from} renamed to {to}.")
            }
        }
        MaildropLocked { account } => {
            if fr {
                format!("Boîte de {account} verrouillée pour cette session.")
            } else {
                format!("{account}'s maildrop locked for this session.")
            }
        }
        MaildropUnlocked { account } => {
            if fr {
                format!("Boîte de {account} déverrouillée.")
            } else {
                format!("{account}'s maildrop unlocked.")
            }
        }
        Closed => {
            if fr {
                "Connexion fermée.".into()
            } else {
                "Connection closed.".into()
            }
        }
    }
}

/// A device's client's own last word in the dialogue: why it stopped. Not an [`event`]:
/// no server said it, the client decided it from its settings or the server's refusal.
pub fn gave_up(t: &crate::client::trouble::Trouble, lang: Lang) -> String {
    use crate::client::trouble::Trouble::*;
    match (t, lang) {
        (NoSuchHost { host }, Lang::En) => {
            format!("No such host: the name {host} does not resolve. Nothing was sent.")
        }
        (NoSuchHost { host }, Lang::Fr) => {
            format!("Hôte inconnu\u{a0}: le nom {host} ne se résout pas. Rien n’a été envoyé.")
        }
        (NothingListens { host, port }, Lang::En) => {
            format!("Connection refused: nothing listens on port {port} of {host}.")
        }
        (NothingListens { host, port }, Lang::Fr) => {
            format!("Connexion refusée\u{a0}: rien n’écoute sur le port {port} de {host}.")
        }
        (NoGreeting { port, waited }, Lang::En) => format!(
            "{waited} s and not a word: the server on {port} waits for a TLS hello, the client for a greeting. The client times out."
        ),
        (NoGreeting { port, waited }, Lang::Fr) => format!(
            "{waited}\u{a0}s sans un mot\u{a0}: le serveur du port {port} attend un hello TLS, le client attend un message d’accueil. Le client abandonne (délai dépassé)."
        ),
        (NotTls { got, .. }, Lang::En) => format!(
            "TLS handshake failed: the client's hello got plain text back (“{got}”) instead of a ServerHello — “wrong version number”. The client hangs up."
        ),
        (NotTls { got, .. }, Lang::Fr) => format!(
            "Échec de la négociation TLS\u{a0}: au hello du client, le serveur répond en clair («\u{a0}{got}\u{a0}») au lieu d’un ServerHello — «\u{a0}wrong version number\u{a0}». Le client raccroche."
        ),
        (WrongProtocol { expected, found, .. }, Lang::En) => format!(
            "The client speaks {}; this greeting is {}. It cannot understand it and hangs up.",
            expected.name(),
            found.map_or("in no mail protocol it knows", crate::Service::name)
        ),
        (WrongProtocol { expected, found, .. }, Lang::Fr) => format!(
            "Le client parle {}\u{202f}; ce message d’accueil {}. Il ne le comprend pas et raccroche.",
            expected.name(),
            found.map_or("n’est d’aucun protocole de messagerie qu’il connaisse".to_owned(), |f| format!("vient d’un serveur {}", f.name()))
        ),
        (NoStartTls, Lang::En) => "The server does not offer STARTTLS, and the settings require it: the client stops before sending the password.".into(),
        (NoStartTls, Lang::Fr) => "Le serveur ne propose pas STARTTLS, que les réglages exigent\u{a0}: le client s’arrête avant d’envoyer le mot de passe.".into(),
        (NoAuth, Lang::En) => "The server offers no AUTH on this connection: the client has no way to log in, and stops.".into(),
        (NoAuth, Lang::Fr) => "Le serveur ne propose pas AUTH sur cette connexion\u{a0}: le client n’a aucun moyen de s’authentifier et s’arrête.".into(),
        (LoginRefused { .. }, Lang::En) => "The server refused the login: the client stops.".into(),
        (LoginRefused { .. }, Lang::Fr) => "Le serveur a refusé l’authentification\u{a0}: le client s’arrête.".into(),
        (Refused { .. }, Lang::En) => "The server said no: the client stops.".into(),
        (Refused { .. }, Lang::Fr) => "Le serveur a dit non\u{a0}: le client s’arrête.".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prompt_and_part_has_both_languages() {
        use PartKind::*;
        for k in [
            Tag,
            Untagged,
            Continuation,
            Command,
            Arguments,
            ReplyCode,
            EnhancedCode,
            Status,
            ResponseCode,
            Text,
        ] {
            assert!(!part_kind(k, Lang::En).is_empty() && !part_kind(k, Lang::Fr).is_empty());
        }
        for a in [
            Awaiting::Command,
            Awaiting::MessageData,
            Awaiting::Literal { remaining: 3 },
            Awaiting::CommandContinued,
            Awaiting::SaslResponse,
            Awaiting::IdleDone,
        ] {
            assert_ne!(awaiting(a, Lang::En), awaiting(a, Lang::Fr));
        }
        assert_eq!(reply_class("250", Lang::En), Some("2xx: done, success."));
        assert_eq!(reply_class("x", Lang::En), None);
    }

    /// Every sentence this file can make, in one language: events (with counts of 0, 1 and
    /// 2), a client's last words, reply classes, what a session waits for, line problems.
    fn every_sentence(lang: Lang) -> Vec<String> {
        use crate::client::trouble::Trouble;
        use crate::output::Event::*;
        use crate::store::Uid;
        let s = || "x".to_owned();
        let mut events = vec![
            TlsStarted,
            Authenticated { account: s() },
            Accepted {
                queue_id: s(),
                recipients: Vec::new(),
            },
            Delivered {
                account: s(),
                mailbox: s(),
                uid: Uid(1),
            },
            Relayed {
                queue_id: s(),
                from_host: s(),
                to_host: s(),
                dialogue: crate::output::Output::default(),
            },
            Bounced {
                queue_id: s(),
                refused: Vec::new(),
            },
            Retrieved {
                account: s(),
                uid: Uid(1),
            },
            MarkedDeleted {
                account: s(),
                uid: Uid(1),
            },
            Expunged {
                account: s(),
                mailbox: s(),
                uid: Uid(1),
            },
            FlagsChanged {
                account: s(),
                mailbox: s(),
                uid: Uid(1),
                flags: Vec::new(),
            },
            Appended {
                account: s(),
                mailbox: s(),
                uid: Uid(1),
            },
            MailboxCreated {
                account: s(),
                mailbox: s(),
            },
            MailboxDeleted {
                account: s(),
                mailbox: s(),
            },
            MailboxRenamed {
                account: s(),
                from: s(),
                to: s(),
            },
            MaildropLocked { account: s() },
            MaildropUnlocked { account: s() },
            Closed,
        ];
        for count in [0, 1, 2] {
            events.push(MarksCleared {
                account: s(),
                count,
            });
            events.push(Copied {
                account: s(),
                from: s(),
                to: s(),
                count,
            });
        }
        let troubles = [
            Trouble::NoSuchHost { host: s() },
            Trouble::NothingListens {
                host: s(),
                port: 993,
            },
            Trouble::NoGreeting {
                port: 993,
                waited: 100,
            },
            Trouble::NotTls {
                port: 143,
                got: s(),
            },
            Trouble::WrongProtocol {
                expected: crate::Service::Imap,
                found: None,
                greeting: s(),
            },
            Trouble::NoStartTls,
            Trouble::NoAuth,
        ];
        let waits = [
            Awaiting::Command,
            Awaiting::MessageData,
            Awaiting::Literal { remaining: 1 },
            Awaiting::Literal { remaining: 3 },
            Awaiting::CommandContinued,
            Awaiting::SaslResponse,
            Awaiting::IdleDone,
        ];
        let problems = [
            LineProblem::UnknownCommand { word: s() },
            LineProblem::MissingTag,
        ];
        events
            .iter()
            .map(|e| event(e, lang))
            .chain(troubles.iter().map(|t| gave_up(t, lang)))
            .chain(
                ["200", "354", "421", "550"]
                    .iter()
                    .filter_map(|c| reply_class(c, lang).map(str::to_owned)),
            )
            .chain(waits.into_iter().map(|a| awaiting(a, lang)))
            .chain(problems.iter().map(|p| line_problem(p, lang)))
            .collect()
    }

    #[test]
    fn french_sentences_keep_their_no_break_spaces() {
        for text in every_sentence(Lang::Fr) {
            if let Some(why) = crate::proofread::french_spacing_mistake(&text) {
                panic!("{why}: {text}");
            }
        }
    }

    #[test]
    fn counts_agree_with_their_nouns_in_both_languages() {
        for lang in [Lang::En, Lang::Fr] {
            for text in every_sentence(lang) {
                if let Some(why) = crate::proofread::plural_mistake(&text, lang) {
                    panic!("{lang:?}: {why}: {text}");
                }
            }
        }
    }
}
