//! The glossary: every word of jargon the course uses, in one plain sentence or two, in
//! English and French. Each lesson explains a word where it first meets it; the glossary
//! is where a learner looks it up again from any lesson. The order is the course's.

use crate::vocab::Lang;

/// A word of the course's jargon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// A port.
    Port,
    /// SMTP.
    Smtp,
    /// Relaying between servers.
    Relay,
    /// Submission by a mail app.
    Submission,
    /// SMTP's envelope.
    Envelope,
    /// A header field of the message.
    Header,
    /// An SMTP reply code.
    ReplyCode,
    /// TLS.
    Tls,
    /// STARTTLS.
    StartTls,
    /// TLS from the first byte.
    ImplicitTls,
    /// Base64.
    Base64,
    /// The zero byte.
    ZeroByte,
    /// SASL.
    Sasl,
    /// POP3.
    Pop3,
    /// POP3's maildrop.
    Maildrop,
    /// IMAP.
    Imap,
    /// An IMAP command's tag.
    Tag,
    /// Sequence numbers and sets.
    SequenceSet,
    /// A flag.
    Flag,
    /// A UID.
    Uid,
    /// UIDVALIDITY.
    UidValidity,
    /// An IMAP literal.
    Literal,
    /// IDLE.
    Idle,
    /// Special-use folders.
    SpecialFolder,
    /// Webmail.
    Webmail,
    /// An app password.
    AppPassword,
    /// OAuth2.
    OAuth2,
}

impl Term {
    /// Every term, in the order the course meets them.
    pub const ALL: [Term; 27] = [
        Term::Port,
        Term::Smtp,
        Term::Relay,
        Term::Submission,
        Term::Envelope,
        Term::Header,
        Term::ReplyCode,
        Term::Tls,
        Term::StartTls,
        Term::ImplicitTls,
        Term::Base64,
        Term::ZeroByte,
        Term::Sasl,
        Term::Pop3,
        Term::Maildrop,
        Term::Imap,
        Term::Tag,
        Term::SequenceSet,
        Term::Flag,
        Term::Uid,
        Term::UidValidity,
        Term::Literal,
        Term::Idle,
        Term::SpecialFolder,
        Term::Webmail,
        Term::AppPassword,
        Term::OAuth2,
    ];

    /// A name for the page's anchors (`#/glossary` lists them with these ids).
    pub fn id(self) -> &'static str {
        match self {
            Term::Port => "port",
            Term::Smtp => "smtp",
            Term::Relay => "relay",
            Term::Submission => "submission",
            Term::Envelope => "envelope",
            Term::Header => "header",
            Term::ReplyCode => "reply-code",
            Term::Tls => "tls",
            Term::StartTls => "starttls",
            Term::ImplicitTls => "implicit-tls",
            Term::Base64 => "base64",
            Term::ZeroByte => "zero-byte",
            Term::Sasl => "sasl",
            Term::Pop3 => "pop3",
            Term::Maildrop => "maildrop",
            Term::Imap => "imap",
            Term::Tag => "tag",
            Term::SequenceSet => "sequence-set",
            Term::Flag => "flag",
            Term::Uid => "uid",
            Term::UidValidity => "uidvalidity",
            Term::Literal => "literal",
            Term::Idle => "idle",
            Term::SpecialFolder => "special-folder",
            Term::Webmail => "webmail",
            Term::AppPassword => "app-password",
            Term::OAuth2 => "oauth2",
        }
    }

    /// The word as the lessons write it.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Term::Port, Lang::En) => "Port",
            (Term::Port, Lang::Fr) => "Port",
            (Term::Smtp, _) => "SMTP",
            (Term::Relay, Lang::En) => "Relay",
            (Term::Relay, Lang::Fr) => "Relais",
            (Term::Submission, Lang::En) => "Submission",
            (Term::Submission, Lang::Fr) => "Soumission",
            (Term::Envelope, Lang::En) => "Envelope",
            (Term::Envelope, Lang::Fr) => "Enveloppe",
            (Term::Header, Lang::En) => "Header field",
            (Term::Header, Lang::Fr) => "Champ d’en-tête",
            (Term::ReplyCode, Lang::En) => "Reply code",
            (Term::ReplyCode, Lang::Fr) => "Code de réponse",
            (Term::Tls, _) => "TLS",
            (Term::StartTls, _) => "STARTTLS",
            (Term::ImplicitTls, Lang::En) => "SSL/TLS (implicit TLS)",
            (Term::ImplicitTls, Lang::Fr) => "SSL/TLS (TLS implicite)",
            (Term::Base64, _) => "Base64",
            (Term::ZeroByte, Lang::En) => "Zero byte (NUL)",
            (Term::ZeroByte, Lang::Fr) => "Octet nul (NUL)",
            (Term::Sasl, _) => "SASL",
            (Term::Pop3, _) => "POP3",
            (Term::Maildrop, Lang::En) => "Maildrop",
            (Term::Maildrop, Lang::Fr) => "Maildrop (boîte aux lettres)",
            (Term::Imap, _) => "IMAP",
            (Term::Tag, Lang::En) => "Tag",
            (Term::Tag, Lang::Fr) => "Étiquette",
            (Term::SequenceSet, Lang::En) => "Sequence number, sequence set (1:*)",
            (Term::SequenceSet, Lang::Fr) => "Numéro de séquence, ensemble (1:*)",
            (Term::Flag, Lang::En) => "Flag",
            (Term::Flag, Lang::Fr) => "Indicateur",
            (Term::Uid, _) => "UID",
            (Term::UidValidity, _) => "UIDVALIDITY",
            (Term::Literal, Lang::En) => "Literal",
            (Term::Literal, Lang::Fr) => "Littéral",
            (Term::Idle, _) => "IDLE",
            (Term::SpecialFolder, Lang::En) => "Special folders (Sent, Trash…)",
            (Term::SpecialFolder, Lang::Fr) => "Dossiers spéciaux (Envoyés, Corbeille…)",
            (Term::Webmail, _) => "Webmail",
            (Term::AppPassword, Lang::En) => "App password",
            (Term::AppPassword, Lang::Fr) => "Mot de passe d’application",
            (Term::OAuth2, _) => "OAuth2",
        }
    }

    /// What the word means, for a beginner.
    pub fn meaning(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Term::Port, Lang::En) => "The numbered door a service listens behind on a server. One machine can run several mail services, each behind its own port: 25, 587, 465, 110, 995, 143, 993.",
            (Term::Port, Lang::Fr) => "La porte numérotée derrière laquelle un service attend sur un serveur. Une même machine peut faire tourner plusieurs services de messagerie, chacun derrière son port\u{a0}: 25, 587, 465, 110, 995, 143, 993.",
            (Term::Smtp, Lang::En) => "Simple Mail Transfer Protocol: how mail is sent, from a mail app to its server and from server to server (RFC 5321).",
            (Term::Smtp, Lang::Fr) => "Simple Mail Transfer Protocol\u{a0}: la façon d’envoyer le courrier, d’une application à son serveur et de serveur à serveur (RFC 5321).",
            (Term::Relay, Lang::En) => "A server passing a message on to the recipient's server, on port 25. A server relays only for its own users; one that relays for anyone is an open relay, a gift to spammers.",
            (Term::Relay, Lang::Fr) => "Un serveur qui transmet un message au serveur du destinataire, sur le port 25. Un serveur ne relaie que pour ses propres utilisateurs\u{202f}; celui qui relaie pour n’importe qui est un relais ouvert, une aubaine pour les spammeurs.",
            (Term::Submission, Lang::En) => "A mail app handing a new message to its own server, after logging in: port 587 (STARTTLS) or 465 (TLS from the first byte), RFC 6409.",
            (Term::Submission, Lang::Fr) => "Une application qui remet un nouveau message à son propre serveur, après s’être authentifiée\u{a0}: port 587 (STARTTLS) ou 465 (TLS dès le premier octet), RFC 6409.",
            (Term::Envelope, Lang::En) => "What SMTP's MAIL FROM and RCPT TO say: who sends, where problems are reported, and who receives. Servers deliver by the envelope, not by the letter's From: and To:.",
            (Term::Envelope, Lang::Fr) => "Ce que disent MAIL FROM et RCPT TO en SMTP\u{a0}: qui envoie, où signaler les problèmes, et qui reçoit. Les serveurs distribuent d’après l’enveloppe, pas d’après les From: et To: de la lettre.",
            (Term::Header, Lang::En) => "A line at the top of the message itself, such as From:, To:, Subject: or Date:, followed by an empty line and the body (RFC 5322). IMAP's ENVELOPE is a summary of these.",
            (Term::Header, Lang::Fr) => "Une ligne en tête du message lui-même, comme From:, To:, Subject: ou Date:, suivie d’une ligne vide et du corps (RFC 5322). L’ENVELOPE d’IMAP en est un résumé.",
            (Term::ReplyCode, Lang::En) => "The three digits an SMTP server starts each reply with: 2xx done, 3xx go on, 4xx try later, 5xx refused.",
            (Term::ReplyCode, Lang::Fr) => "Les trois chiffres par lesquels un serveur SMTP commence chaque réponse\u{a0}: 2xx fait, 3xx continuez, 4xx réessayez plus tard, 5xx refusé.",
            (Term::Tls, Lang::En) => "Transport Layer Security: a layer of encryption around a connection, so that only its two ends can read what crosses the network. SSL is its old name.",
            (Term::Tls, Lang::Fr) => "Transport Layer Security\u{a0}: une couche de chiffrement autour d’une connexion, pour que seules ses deux extrémités puissent lire ce qui traverse le réseau. SSL est son ancien nom.",
            (Term::StartTls, Lang::En) => "A command that turns TLS on in the middle of a conversation begun in plain text: ports 587, 143 and 110 (STLS in POP3).",
            (Term::StartTls, Lang::Fr) => "Une commande qui active TLS au milieu d’une conversation commencée en clair\u{a0}: ports 587, 143 et 110 (STLS en POP3).",
            (Term::ImplicitTls, Lang::En) => "TLS from the very first byte, before the server says anything: ports 465, 993 and 995. Mail apps call it SSL/TLS.",
            (Term::ImplicitTls, Lang::Fr) => "TLS dès le tout premier octet, avant que le serveur dise quoi que ce soit\u{a0}: ports 465, 993 et 995. Les applications l’appellent SSL/TLS.",
            (Term::Base64, Lang::En) => "A way to write any bytes with 64 plain characters (letters, digits, + and /) so they fit in a line of text. It hides nothing: anyone can decode it.",
            (Term::Base64, Lang::Fr) => "Une façon d’écrire n’importe quels octets avec 64 caractères simples (lettres, chiffres, + et /) pour qu’ils tiennent dans une ligne de texte. Il ne cache rien\u{a0}: n’importe qui peut le décoder.",
            (Term::ZeroByte, Lang::En) => "The byte with value 0, often written \\0. AUTH PLAIN uses it to separate its three fields; an IMAP message may not contain one.",
            (Term::ZeroByte, Lang::Fr) => "L’octet de valeur 0, souvent noté \\0. AUTH PLAIN s’en sert pour séparer ses trois champs\u{202f}; un message IMAP ne peut pas en contenir.",
            (Term::Sasl, Lang::En) => "Simple Authentication and Security Layer: the frame SMTP, POP3 and IMAP share for logging in. PLAIN, LOGIN and OAuth2's XOAUTH2 are ways (mechanisms) within it.",
            (Term::Sasl, Lang::Fr) => "Simple Authentication and Security Layer\u{a0}: le cadre que SMTP, POP3 et IMAP partagent pour s’authentifier. PLAIN, LOGIN et le XOAUTH2 d’OAuth2 en sont des façons (des mécanismes).",
            (Term::Pop3, Lang::En) => "Post Office Protocol 3: a mail app downloads the mail from its server, usually deleting it there (RFC 1939).",
            (Term::Pop3, Lang::Fr) => "Post Office Protocol 3\u{a0}: une application télécharge le courrier depuis son serveur, et l’y efface le plus souvent (RFC 1939).",
            (Term::Maildrop, Lang::En) => "POP3's word for a user's mailbox on the server. A POP3 session locks it while it is open.",
            (Term::Maildrop, Lang::Fr) => "Le mot de POP3 pour la boîte aux lettres d’un utilisateur sur le serveur. Une session POP3 la verrouille tant qu’elle est ouverte.",
            (Term::Imap, Lang::En) => "Internet Message Access Protocol: a mail app reads the mail where the server keeps it, with folders and flags shared by every device (RFC 9051).",
            (Term::Imap, Lang::Fr) => "Internet Message Access Protocol\u{a0}: une application lit le courrier là où le serveur le garde, avec des dossiers et des indicateurs communs à tous les appareils (RFC 9051).",
            (Term::Tag, Lang::En) => "The short word (a1, a2…) an IMAP client writes before each command; the server ends its answer with the same tag, so the client knows which command finished.",
            (Term::Tag, Lang::Fr) => "Le mot court (a1, a2…) qu’un client IMAP écrit devant chaque commande\u{a0}; le serveur termine sa réponse par la même étiquette, et le client sait quelle commande s’achève.",
            (Term::SequenceSet, Lang::En) => "IMAP numbers the messages of an open folder 1, 2, 3…; the numbers shift when a message leaves. 1:5 means messages 1 to 5, and 1:* means from the first to the last.",
            (Term::SequenceSet, Lang::Fr) => "IMAP numérote les messages d’un dossier ouvert 1, 2, 3…\u{a0}; les numéros se décalent quand un message s’en va. 1:5 veut dire les messages 1 à 5, et 1:* du premier au dernier.",
            (Term::Flag, Lang::En) => "A mark on a message kept by the IMAP server: \\Seen (read), \\Flagged (starred), \\Answered, \\Deleted, \\Draft. Every device sees the same flags.",
            (Term::Flag, Lang::Fr) => "Une marque sur un message, gardée par le serveur IMAP\u{a0}: \\Seen (lu), \\Flagged (suivi), \\Answered (répondu), \\Deleted (à supprimer), \\Draft (brouillon). Tous les appareils voient les mêmes indicateurs.",
            (Term::Uid, Lang::En) => "Unique identifier: a number the IMAP server gives a message once, which stays with it while others come and go, as long as the folder's UIDVALIDITY does not change.",
            (Term::Uid, Lang::Fr) => "Identifiant unique\u{a0}: un nombre que le serveur IMAP donne une fois à un message, et qui lui reste quand d’autres arrivent ou partent, tant que l’UIDVALIDITY du dossier ne change pas.",
            (Term::UidValidity, Lang::En) => "A number the server announces for each folder. While it stays the same, the UIDs a client remembers are still good; if it changes, the client must forget them.",
            (Term::UidValidity, Lang::Fr) => "Un nombre que le serveur annonce pour chaque dossier. Tant qu’il ne change pas, les UID qu’un client a retenus restent bons\u{202f}; s’il change, le client doit les oublier.",
            (Term::Literal, Lang::En) => "In IMAP, a block of bytes whose length is announced first in braces, such as {312}: how a whole message, line breaks included, travels inside one command or answer.",
            (Term::Literal, Lang::Fr) => "En IMAP, un bloc d’octets dont la longueur est annoncée d’abord entre accolades, comme {312}\u{a0}: c’est ainsi qu’un message entier, sauts de ligne compris, voyage dans une commande ou une réponse.",
            (Term::Idle, Lang::En) => "An IMAP command that keeps the connection open so the server can announce new mail at once, until the client sends DONE (RFC 9051 §6.3.13).",
            (Term::Idle, Lang::Fr) => "Une commande IMAP qui garde la connexion ouverte pour que le serveur annonce aussitôt le nouveau courrier, jusqu’à ce que le client envoie DONE (RFC 9051 §6.3.13).",
            (Term::SpecialFolder, Lang::En) => "Folders the server marks with an attribute (\\Sent, \\Drafts, \\Trash, \\Junk) so every app knows what they are for, whatever their name; a French app shows them as Envoyés, Brouillons, Corbeille, Indésirables.",
            (Term::SpecialFolder, Lang::Fr) => "Des dossiers que le serveur marque d’un attribut (\\Sent, \\Drafts, \\Trash, \\Junk) pour que chaque application sache à quoi ils servent, quel que soit leur nom\u{a0}: une application en français les affiche Envoyés, Brouillons, Corbeille, Indésirables.",
            (Term::Webmail, Lang::En) => "Reading mail in a browser: the browser speaks HTTPS to the provider's web server, which reads the mailbox for it. Neither IMAP nor POP3 on your side.",
            (Term::Webmail, Lang::Fr) => "Lire son courrier dans un navigateur\u{a0}: le navigateur parle HTTPS au serveur web du fournisseur, qui lit la boîte à sa place. Ni IMAP ni POP3 de votre côté.",
            (Term::AppPassword, Lang::En) => "A separate password a provider makes for one mail app, instead of the account's own; it can be revoked without changing the account's password.",
            (Term::AppPassword, Lang::Fr) => "Un mot de passe à part qu’un fournisseur crée pour une seule application, au lieu de celui du compte\u{a0}; on peut le révoquer sans changer le mot de passe du compte.",
            (Term::OAuth2, Lang::En) => "A way to log in where the mail app opens the provider's own sign-in page and gets a token back: the app never sees the password. Gmail and Outlook.com ask mail apps for it.",
            (Term::OAuth2, Lang::Fr) => "Une façon de s’authentifier où l’application ouvre la page de connexion du fournisseur et reçoit un jeton en retour\u{a0}: elle ne voit jamais le mot de passe. Gmail et Outlook.com la demandent aux applications.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proofread::{citations, french_spacing_mistake, plural_mistake, section_title};

    #[test]
    fn every_term_reads_right_in_both_languages() {
        let mut ids = std::collections::BTreeSet::new();
        for term in Term::ALL {
            assert!(ids.insert(term.id()), "{term:?}: its id is taken");
            assert_ne!(term.meaning(Lang::En), term.meaning(Lang::Fr), "{term:?}");
            let fr = term.meaning(Lang::Fr);
            assert_eq!(french_spacing_mistake(fr), None, "{fr}");
            assert_eq!(french_spacing_mistake(term.word(Lang::Fr)), None);
            for lang in [Lang::En, Lang::Fr] {
                let text = term.meaning(lang);
                assert_eq!(plural_mistake(text, lang), None, "{text}");
                for c in citations(text) {
                    assert!(section_title(c.number, &c.section).is_some(), "{text}");
                }
            }
        }
    }
}
