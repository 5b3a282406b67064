//! The cheat sheet's reference: for every command the engine knows, an example line from
//! the demo world and what it does, in English and French; the SMTP reply codes a learner
//! meets, with their meaning. Matches name every command, so a command added to the engine
//! does not compile until the sheet says what it does.

use crate::imap::CommandName;
use crate::vocab::Lang;
use crate::{pop3, smtp};

/// An SMTP command as a learner would type it in the demo world.
pub fn smtp_example(v: smtp::Verb) -> &'static str {
    use smtp::Verb::*;
    match v {
        Ehlo => "EHLO laptop.example.test",
        Helo => "HELO laptop.example.test",
        Mail => "MAIL FROM:<alice@example.test>",
        Rcpt => "RCPT TO:<bob@example.test>",
        Data => "DATA",
        Rset => "RSET",
        Noop => "NOOP",
        Vrfy => "VRFY bob",
        Expn => "EXPN staff",
        Help => "HELP",
        Quit => "QUIT",
        StartTls => "STARTTLS",
        Auth => "AUTH PLAIN",
    }
}

/// What an SMTP command does (RFC 5321 §4.1.1, RFC 3207, RFC 4954).
pub fn smtp_meaning(v: smtp::Verb, lang: Lang) -> &'static str {
    use smtp::Verb::*;
    match (v, lang) {
        (Ehlo, Lang::En) => "Say hello and ask for the server's extensions (250-STARTTLS, 250-AUTH…).",
        (Ehlo, Lang::Fr) => "Saluer et demander les extensions du serveur (250-STARTTLS, 250-AUTH…).",
        (Helo, Lang::En) => "The old hello, without extensions.",
        (Helo, Lang::Fr) => "L’ancien bonjour, sans extensions.",
        (Mail, Lang::En) => "Start a message: who sends it (the envelope's sender).",
        (Mail, Lang::Fr) => "Commencer un message\u{a0}: qui l’envoie (l’expéditeur de l’enveloppe).",
        (Rcpt, Lang::En) => "One recipient of the envelope; repeat for each.",
        (Rcpt, Lang::Fr) => "Un destinataire de l’enveloppe\u{202f}; à répéter pour chacun.",
        (Data, Lang::En) => "Send the message: headers, an empty line, the body, then a line with only a dot.",
        (Data, Lang::Fr) => "Envoyer le message\u{a0}: en-têtes, une ligne vide, le corps, puis une ligne avec seulement un point.",
        (Rset, Lang::En) => "Forget the message started so far.",
        (Rset, Lang::Fr) => "Oublier le message commencé.",
        (Noop, Lang::En) => "Do nothing; the server answers 250 if it is still there.",
        (Noop, Lang::Fr) => "Ne rien faire\u{202f}; le serveur répond 250 s’il est toujours là.",
        (Vrfy, Lang::En) => "Ask whether a mailbox exists; most servers decline to say (252).",
        (Vrfy, Lang::Fr) => "Demander si une boîte existe\u{202f}; la plupart des serveurs refusent de le dire (252).",
        (Expn, Lang::En) => "Ask for the members of a mailing list; usually refused.",
        (Expn, Lang::Fr) => "Demander les membres d’une liste de diffusion\u{202f}; en général refusé.",
        (Help, Lang::En) => "Ask the server for help (214).",
        (Help, Lang::Fr) => "Demander de l’aide au serveur (214).",
        (Quit, Lang::En) => "End the session (221).",
        (Quit, Lang::Fr) => "Terminer la session (221).",
        (StartTls, Lang::En) => "Switch this connection to TLS, then say EHLO again (RFC 3207).",
        (StartTls, Lang::Fr) => "Passer cette connexion en TLS, puis redire EHLO (RFC 3207).",
        (Auth, Lang::En) => "Log in, e.g. PLAIN: user and password in base64. Sites should not take a plain password before TLS (RFC 4954 §4).",
        (Auth, Lang::Fr) => "S’authentifier, par ex. PLAIN\u{a0}: utilisateur et mot de passe en base64. Un serveur ne devrait pas accepter un mot de passe en clair avant TLS (RFC 4954 §4).",
    }
}

/// A POP3 command as a learner would type it in the demo world.
pub fn pop3_example(v: pop3::Verb) -> &'static str {
    use pop3::Verb::*;
    match v {
        User => "USER bob",
        Pass => "PASS builder",
        Apop => "APOP bob 9a0d…",
        Stat => "STAT",
        List => "LIST",
        Retr => "RETR 1",
        Dele => "DELE 1",
        Noop => "NOOP",
        Rset => "RSET",
        Quit => "QUIT",
        Top => "TOP 1 5",
        Uidl => "UIDL",
        Capa => "CAPA",
        Stls => "STLS",
    }
}

/// What a POP3 command does (RFC 1939, RFC 2449 for CAPA, RFC 2595 for STLS).
pub fn pop3_meaning(v: pop3::Verb, lang: Lang) -> &'static str {
    use pop3::Verb::*;
    match (v, lang) {
        (User, Lang::En) => "Give the user name.",
        (User, Lang::Fr) => "Donner le nom d’utilisateur.",
        (Pass, Lang::En) => "Give the password; the maildrop is then locked for this session.",
        (Pass, Lang::Fr) => {
            "Donner le mot de passe\u{202f}; la boîte est alors verrouillée pour cette session."
        }
        (Apop, Lang::En) => "Log in with a digest instead of the password.",
        (Apop, Lang::Fr) => "S’authentifier avec une empreinte au lieu du mot de passe.",
        (Stat, Lang::En) => "How many messages, and their total size in octets.",
        (Stat, Lang::Fr) => "Combien de messages, et leur taille totale en octets.",
        (List, Lang::En) => "Each message's number and size.",
        (List, Lang::Fr) => "Le numéro et la taille de chaque message.",
        (Retr, Lang::En) => "Download a whole message.",
        (Retr, Lang::Fr) => "Télécharger un message entier.",
        (Dele, Lang::En) => "Mark a message for deletion; it goes at QUIT.",
        (Dele, Lang::Fr) => "Marquer un message à supprimer\u{202f}; il est supprimé au QUIT.",
        (Noop, Lang::En) => "Do nothing; keeps the session alive.",
        (Noop, Lang::Fr) => "Ne rien faire\u{202f}; garde la session ouverte.",
        (Rset, Lang::En) => "Take back every DELE of this session.",
        (Rset, Lang::Fr) => "Annuler tous les DELE de cette session.",
        (Quit, Lang::En) => "End the session; marked messages are deleted now.",
        (Quit, Lang::Fr) => {
            "Terminer la session\u{202f}; les messages marqués sont supprimés maintenant."
        }
        (Top, Lang::En) => "A message's headers and its first lines (here 5).",
        (Top, Lang::Fr) => "Les en-têtes d’un message et ses premières lignes (ici 5).",
        (Uidl, Lang::En) => "Each message's unique id, so a client knows what it already has.",
        (Uidl, Lang::Fr) => {
            "L’identifiant unique de chaque message, pour qu’un client sache ce qu’il a déjà."
        }
        (Capa, Lang::En) => "List what the server can do (RFC 2449).",
        (Capa, Lang::Fr) => "Lister ce que sait faire le serveur (RFC 2449).",
        (Stls, Lang::En) => "Switch this connection to TLS (RFC 2595).",
        (Stls, Lang::Fr) => "Passer cette connexion en TLS (RFC 2595).",
    }
}

/// An IMAP command as a learner would type it in the demo world, with its tag.
pub fn imap_example(c: CommandName) -> &'static str {
    use CommandName::*;
    match c {
        Capability => "a1 CAPABILITY",
        Noop => "a1 NOOP",
        Logout => "a1 LOGOUT",
        StartTls => "a1 STARTTLS",
        Authenticate => "a1 AUTHENTICATE PLAIN",
        Login => "a1 LOGIN bob builder",
        Enable => "a1 ENABLE IMAP4rev2",
        Id => "a1 ID NIL",
        Namespace => "a1 NAMESPACE",
        Select => "a1 SELECT INBOX",
        Examine => "a1 EXAMINE INBOX",
        Create => "a1 CREATE Archive",
        Delete => "a1 DELETE Archive",
        Rename => "a1 RENAME Archive Old",
        Subscribe => "a1 SUBSCRIBE Archive",
        Unsubscribe => "a1 UNSUBSCRIBE Archive",
        List => "a1 LIST \"\" *",
        Lsub => "a1 LSUB \"\" *",
        Status => "a1 STATUS INBOX (MESSAGES UNSEEN)",
        Append => "a1 APPEND Drafts {42}",
        Idle => "a1 IDLE",
        Check => "a1 CHECK",
        Close => "a1 CLOSE",
        Unselect => "a1 UNSELECT",
        Expunge => "a1 EXPUNGE",
        Search => "a1 SEARCH UNSEEN",
        Fetch => "a1 FETCH 1:* (FLAGS ENVELOPE)",
        Store => "a1 STORE 1 +FLAGS (\\Seen)",
        Copy => "a1 COPY 1 Archive",
        Move => "a1 MOVE 1 Archive",
        Uid => "a1 UID FETCH 4 BODY[]",
    }
}

/// What an IMAP command does (RFC 9051 §6, RFC 2177 for IDLE, RFC 6851 for MOVE).
pub fn imap_meaning(c: CommandName, lang: Lang) -> &'static str {
    use CommandName::*;
    match (c, lang) {
        (Capability, Lang::En) => "List what the server can do.",
        (Capability, Lang::Fr) => "Lister ce que sait faire le serveur.",
        (Noop, Lang::En) => "Do nothing, but hear the news (new messages, flags).",
        (Noop, Lang::Fr) => "Ne rien faire, mais recevoir les nouvelles (messages, indicateurs).",
        (Logout, Lang::En) => "End the session.",
        (Logout, Lang::Fr) => "Terminer la session.",
        (StartTls, Lang::En) => "Switch this connection to TLS; on 143, LOGIN waits for it.",
        (StartTls, Lang::Fr) => {
            "Passer cette connexion en TLS\u{202f}; sur le 143, LOGIN l’attend."
        }
        (Authenticate, Lang::En) => "Log in with a SASL mechanism (PLAIN: base64).",
        (Authenticate, Lang::Fr) => "S’authentifier par un mécanisme SASL (PLAIN\u{a0}: base64).",
        (Login, Lang::En) => "Log in with a user name and a password.",
        (Login, Lang::Fr) => "S’authentifier avec un nom et un mot de passe.",
        (Enable, Lang::En) => "Turn on an extension for this session.",
        (Enable, Lang::Fr) => "Activer une extension pour cette session.",
        (Id, Lang::En) => "Tell the server which client this is, and ask which server it is.",
        (Id, Lang::Fr) => "Dire au serveur quel client parle, et lui demander qui il est.",
        (Namespace, Lang::En) => "Where personal and shared folders live.",
        (Namespace, Lang::Fr) => "Où sont les dossiers personnels et partagés.",
        (Select, Lang::En) => "Open a folder to read and change it.",
        (Select, Lang::Fr) => "Ouvrir un dossier pour le lire et le modifier.",
        (Examine, Lang::En) => "Open a folder read-only.",
        (Examine, Lang::Fr) => "Ouvrir un dossier en lecture seule.",
        (Create, Lang::En) => "Make a folder.",
        (Create, Lang::Fr) => "Créer un dossier.",
        (Delete, Lang::En) => "Remove a folder.",
        (Delete, Lang::Fr) => "Supprimer un dossier.",
        (Rename, Lang::En) => "Rename a folder.",
        (Rename, Lang::Fr) => "Renommer un dossier.",
        (Subscribe, Lang::En) => "Add a folder to the ones a client shows.",
        (Subscribe, Lang::Fr) => "Ajouter un dossier à ceux qu’un client affiche.",
        (Unsubscribe, Lang::En) => "Take a folder out of the ones a client shows.",
        (Unsubscribe, Lang::Fr) => "Retirer un dossier de ceux qu’un client affiche.",
        (List, Lang::En) => "List the folders.",
        (List, Lang::Fr) => "Lister les dossiers.",
        (Lsub, Lang::En) => "List the subscribed folders (older form).",
        (Lsub, Lang::Fr) => "Lister les dossiers abonnés (forme ancienne).",
        (Status, Lang::En) => "Counts of a folder without opening it.",
        (Status, Lang::Fr) => "Les compteurs d’un dossier sans l’ouvrir.",
        (Append, Lang::En) => "Put a message into a folder (its size first, then its octets).",
        (Append, Lang::Fr) => "Déposer un message dans un dossier (sa taille, puis ses octets).",
        (Idle, Lang::En) => "Wait for news pushed by the server; DONE stops (RFC 2177).",
        (Idle, Lang::Fr) => {
            "Attendre les nouvelles poussées par le serveur\u{202f}; DONE arrête (RFC 2177)."
        }
        (Check, Lang::En) => "Ask the server to tidy the open folder (old; does little).",
        (Check, Lang::Fr) => {
            "Demander au serveur de ranger le dossier ouvert (ancien\u{202f}; fait peu)."
        }
        (Close, Lang::En) => "Close the folder and remove messages marked \\Deleted.",
        (Close, Lang::Fr) => "Fermer le dossier et retirer les messages marqués \\Deleted.",
        (Unselect, Lang::En) => "Close the folder without removing anything.",
        (Unselect, Lang::Fr) => "Fermer le dossier sans rien retirer.",
        (Expunge, Lang::En) => "Remove messages marked \\Deleted now.",
        (Expunge, Lang::Fr) => "Retirer maintenant les messages marqués \\Deleted.",
        (Search, Lang::En) => {
            "Find messages (UNSEEN, FROM, SUBJECT, TEXT…); answers their numbers."
        }
        (Search, Lang::Fr) => {
            "Chercher des messages (UNSEEN, FROM, SUBJECT, TEXT…)\u{202f}; renvoie leurs numéros."
        }
        (Fetch, Lang::En) => "Read parts of messages: FLAGS, ENVELOPE, BODY[]…",
        (Fetch, Lang::Fr) => "Lire des parties de messages\u{a0}: FLAGS, ENVELOPE, BODY[]…",
        (Store, Lang::En) => "Change flags: \\Seen read, \\Flagged starred, \\Deleted to remove.",
        (Store, Lang::Fr) => {
            "Changer les indicateurs\u{a0}: \\Seen lu, \\Flagged suivi, \\Deleted à retirer."
        }
        (Copy, Lang::En) => "Copy messages to another folder.",
        (Copy, Lang::Fr) => "Copier des messages dans un autre dossier.",
        (Move, Lang::En) => "Move messages to another folder (RFC 6851).",
        (Move, Lang::Fr) => "Déplacer des messages dans un autre dossier (RFC 6851).",
        (Uid, Lang::En) => {
            "The same commands by UID, stable while UIDVALIDITY is, instead of by number."
        }
        (Uid, Lang::Fr) => {
            "Les mêmes commandes par UID, stable tant que l’UIDVALIDITY l’est, au lieu du numéro."
        }
    }
}

/// The SMTP reply codes a learner meets, in order (RFC 5321 §4.2.3, RFC 4954 §6): every
/// code this server sends, and the temporary ones a real server may.
pub const SMTP_CODES: [u16; 24] = [
    220, 221, 235, 250, 252, 334, 354, 421, 450, 451, 452, 454, 500, 501, 502, 503, 504, 530, 535,
    550, 552, 553, 554, 555,
];

/// What an SMTP reply code says.
pub fn smtp_code(code: u16, lang: Lang) -> Option<&'static str> {
    Some(match (code, lang) {
        (220, Lang::En) => "Ready (the greeting), or go ahead with TLS.",
        (220, Lang::Fr) => "Prêt (l’accueil), ou allez-y pour TLS.",
        (221, Lang::En) => "Closing the connection.",
        (221, Lang::Fr) => "Fermeture de la connexion.",
        (235, Lang::En) => "Logged in.",
        (235, Lang::Fr) => "Authentifié.",
        (250, Lang::En) => "Done.",
        (250, Lang::Fr) => "Fait.",
        (252, Lang::En) => "Cannot check the user, but will try to deliver.",
        (252, Lang::Fr) => "Impossible de vérifier l’utilisateur, mais la livraison sera tentée.",
        (334, Lang::En) => "A login challenge, in base64.",
        (334, Lang::Fr) => "Un défi d’authentification, en base64.",
        (354, Lang::En) => "Send the message; end with a line holding only a dot.",
        (354, Lang::Fr) => {
            "Envoyez le message\u{202f}; terminez par une ligne avec seulement un point."
        }
        (421, Lang::En) => "Service closing (shutting down, or the client was idle too long).",
        (421, Lang::Fr) => "Service indisponible, fermeture de la connexion (arrêt, ou client inactif trop longtemps).",
        (450, Lang::En) => "Mailbox busy or unavailable for now; try later.",
        (450, Lang::Fr) => {
            "Boîte occupée ou indisponible pour l’instant\u{202f}; réessayez plus tard."
        }
        (451, Lang::En) => "Local error while processing; try later.",
        (451, Lang::Fr) => "Erreur locale pendant le traitement\u{202f}; réessayez plus tard.",
        (452, Lang::En) => "Too many recipients, or no room for now.",
        (452, Lang::Fr) => "Trop de destinataires, ou plus de place pour l’instant.",
        (454, Lang::En) => "TLS not available for now.",
        (454, Lang::Fr) => "TLS indisponible pour l’instant.",
        (500, Lang::En) => "Unknown command, or the line is too long.",
        (500, Lang::Fr) => "Commande inconnue, ou ligne trop longue.",
        (501, Lang::En) => "Wrong arguments (a missing colon, an address without < >).",
        (501, Lang::Fr) => "Arguments incorrects (deux-points manquant, adresse sans < >).",
        (502, Lang::En) => "Command not implemented here.",
        (502, Lang::Fr) => "Commande non prise en charge ici.",
        (503, Lang::En) => "Wrong order (RCPT before MAIL, DATA before RCPT).",
        (503, Lang::Fr) => "Mauvais ordre (RCPT avant MAIL, DATA avant RCPT).",
        (530, Lang::En) => "Log in first (on submission: STARTTLS, then AUTH).",
        (530, Lang::Fr) => "Authentifiez-vous d’abord (en soumission\u{a0}: STARTTLS, puis AUTH).",
        (535, Lang::En) => "Wrong user name or password.",
        (535, Lang::Fr) => "Nom d’utilisateur ou mot de passe incorrect.",
        (550, Lang::En) => "No such mailbox, or relaying refused.",
        (550, Lang::Fr) => "Boîte inconnue, ou relais refusé.",
        (504, Lang::En) => "That login mechanism is not offered here.",
        (504, Lang::Fr) => "Ce mécanisme d’authentification n’est pas proposé ici.",
        (552, Lang::En) => "The message is larger than the server accepts.",
        (552, Lang::Fr) => "Message plus gros que ce que le serveur accepte.",
        (553, Lang::En) => "Sender refused: not an address this account may use.",
        (553, Lang::Fr) => "Expéditeur refusé\u{a0}: une adresse que ce compte ne peut pas utiliser.",
        (555, Lang::En) => "A MAIL FROM or RCPT TO parameter is not recognised.",
        (555, Lang::Fr) => "Paramètre de MAIL FROM ou RCPT TO inconnu.",
        (554, Lang::En) => "Transaction failed (no valid recipient, message refused).",
        (554, Lang::Fr) => "Transaction échouée (aucun destinataire valide, message refusé).",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_code_is_explained_in_both_languages() {
        for code in SMTP_CODES {
            for lang in [Lang::En, Lang::Fr] {
                assert!(smtp_code(code, lang).is_some(), "{code} in {lang:?}");
            }
        }
    }

    /// Every sentence of the sheet in one language.
    fn every_line(lang: Lang) -> Vec<&'static str> {
        smtp::Verb::ALL
            .iter()
            .map(|v| smtp_meaning(*v, lang))
            .chain(pop3::Verb::ALL.iter().map(|v| pop3_meaning(*v, lang)))
            .chain(CommandName::ALL.iter().map(|c| imap_meaning(*c, lang)))
            .chain(SMTP_CODES.iter().filter_map(|c| smtp_code(*c, lang)))
            .collect()
    }

    #[test]
    fn the_sheet_keeps_french_spacing_plurals_and_real_sections() {
        for line in every_line(Lang::Fr) {
            assert_eq!(
                crate::proofread::french_spacing_mistake(line),
                None,
                "{line}"
            );
        }
        for lang in [Lang::En, Lang::Fr] {
            for line in every_line(lang) {
                assert_eq!(crate::proofread::plural_mistake(line, lang), None, "{line}");
                for c in crate::proofread::citations(line) {
                    assert!(
                        crate::proofread::section_title(c.number, &c.section).is_some(),
                        "{line}: RFC {} §{}",
                        c.number,
                        c.section
                    );
                }
            }
        }
    }

    #[test]
    fn every_example_uses_its_own_command() {
        for v in smtp::Verb::ALL {
            assert!(smtp_example(v).starts_with(v.word()), "{v:?}");
        }
        for v in pop3::Verb::ALL {
            assert!(pop3_example(v).starts_with(v.word()), "{v:?}");
        }
        for c in CommandName::ALL {
            assert!(imap_example(c)[3..].starts_with(c.word()), "{c:?}");
        }
    }
}
