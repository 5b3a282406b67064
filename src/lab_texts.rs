//! The words of the settings lab, in English and French: the account setup's labels, the
//! named presets, and for each wrong setting a diagnosis written for a learner and a hint
//! to fix it.

use facteur_protocols::client::settings::{Authentication, ConnectionSecurity, SettingsPreset};
use facteur_protocols::client::trouble::Diagnosis;

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabTexts {
    pub incoming: &'static str,
    pub outgoing: &'static str,
    pub server: &'static str,
    pub port_number: &'static str,
    pub security: &'static str,
    pub authentication: &'static str,
    pub user_name: &'static str,
    pub password: &'static str,
    pub preset: &'static str,
    pub choose_preset: &'static str,
    pub in_clear: &'static str,
    pub failed_reading: &'static str,
    pub failed_sending: &'static str,
    pub fix_it: &'static str,
    pub apply_fix: &'static str,
    pub server_said: &'static str,
}

const EN: LabTexts = LabTexts {
    incoming: "Incoming server",
    outgoing: "Outgoing server (SMTP)",
    server: "Server name",
    port_number: "Port number",
    security: "Connection security",
    authentication: "Authentication",
    user_name: "User name",
    password: "Password",
    preset: "Common setups",
    choose_preset: "Choose…",
    in_clear: "Connection security “None”: the password crosses the network readable by anyone on the way. Look for it in the dialogue.",
    failed_reading: "Reading mail failed.",
    failed_sending: "Sending failed.",
    fix_it: "Fix it:",
    apply_fix: "Use the right settings",
    server_said: "The server said:",
};

const FR: LabTexts = LabTexts {
    incoming: "Serveur entrant",
    outgoing: "Serveur sortant (SMTP)",
    server: "Nom du serveur",
    port_number: "Numéro de port",
    security: "Sécurité de la connexion",
    authentication: "Authentification",
    user_name: "Nom d’utilisateur",
    password: "Mot de passe",
    preset: "Réglages courants",
    choose_preset: "Choisir…",
    in_clear: "Sécurité de la connexion «\u{a0}Aucune\u{a0}»\u{a0}: le mot de passe traverse le réseau lisible par tous ceux qui sont sur le chemin. Cherchez-le dans le dialogue.",
    failed_reading: "La relève du courrier a échoué.",
    failed_sending: "L’envoi a échoué.",
    fix_it: "Pour corriger\u{a0}:",
    apply_fix: "Mettre les bons réglages",
    server_said: "Le serveur a dit\u{a0}:",
};

impl LabTexts {
    pub fn for_lang(lang: Lang) -> LabTexts {
        match lang {
            Lang::Fr => FR,
            Lang::En => EN,
        }
    }
}

/// The name of a connection security, as mail apps write it.
pub fn security(s: ConnectionSecurity, lang: Lang) -> &'static str {
    match (s, lang) {
        (ConnectionSecurity::None, Lang::Fr) => "Aucune",
        (ConnectionSecurity::None, Lang::En) => "None",
        (ConnectionSecurity::StartTls, _) => "STARTTLS",
        (ConnectionSecurity::SslTls, _) => "SSL/TLS",
    }
}

pub fn authentication(a: Authentication, lang: Lang) -> &'static str {
    match (a, lang) {
        (Authentication::NormalPassword, Lang::Fr) => "Mot de passe normal",
        (Authentication::NormalPassword, Lang::En) => "Normal password",
        (Authentication::NoAuthentication, Lang::Fr) => "Pas d’authentification",
        (Authentication::NoAuthentication, Lang::En) => "No authentication",
    }
}

pub fn preset(p: SettingsPreset, lang: Lang) -> &'static str {
    match (p, lang) {
        (SettingsPreset::Thunderbird, Lang::Fr) => {
            "Réglages par défaut de Thunderbird (IMAP 993, SMTP 587)"
        }
        (SettingsPreset::Thunderbird, Lang::En) => "Thunderbird defaults (IMAP 993, SMTP 587)",
        (SettingsPreset::GmailLike, Lang::Fr) => "Comme Gmail (IMAP 993, SMTP 465)",
        (SettingsPreset::GmailLike, Lang::En) => "Gmail-like (IMAP 993, SMTP 465)",
        (SettingsPreset::OldPop3, Lang::Fr) => "Ancienne config POP3 (110 et 25, en clair)",
        (SettingsPreset::OldPop3, Lang::En) => "Old POP3 setup (110 and 25, plain text)",
        (SettingsPreset::Smtp25SslTls, Lang::Fr) => {
            "« SMTP 25 SSL/TLS » (la ligne fausse d’un tableau très répandu)"
        }
        (SettingsPreset::Smtp25SslTls, Lang::En) => {
            "“SMTP 25 SSL/TLS” (the popular table’s wrong row)"
        }
    }
}

/// What happened and why, for a learner: one paragraph.
pub fn diagnosis(d: Diagnosis, lang: Lang) -> &'static str {
    use Diagnosis::*;
    match (d, lang) {
        (NoSuchHost, Lang::Fr) => "Aucun serveur ne porte ce nom\u{a0}: le client a demandé son adresse au DNS, qui n’en connaît pas. Rien n’a été envoyé. C’est souvent une faute de frappe, ou le domaine de l’adresse (example.test) mis à la place du nom du serveur de courrier (mail.example.test).",
        (NoSuchHost, Lang::En) => "No server has that name: the client asked DNS for its address and got none. Nothing was sent. It is usually a typo, or the address’s domain (example.test) put where the mail server’s name (mail.example.test) belongs.",
        (NothingListens, Lang::Fr) => "Le serveur existe, mais aucun service n’écoute sur ce port\u{a0}: la connexion est refusée tout de suite. Un serveur de courrier écoute sur 25, 587 et 465 (SMTP), 110 et 995 (POP3), 143 et 993 (IMAP).",
        (NothingListens, Lang::En) => "The server exists, but nothing listens on that port: the connection is refused at once. A mail server listens on 25, 587 and 465 (SMTP), 110 and 995 (POP3), 143 and 993 (IMAP).",
        (PlainToImplicitTls, Lang::Fr) => "Ce port commence par TLS\u{a0}: le serveur attend le «\u{a0}hello\u{a0}» TLS du client avant de dire un mot. Le client, réglé sans chiffrement, attend d’abord le message d’accueil du serveur. Chacun attend l’autre, jusqu’à ce que le client abandonne (délai dépassé).",
        (PlainToImplicitTls, Lang::En) => "This port starts with TLS: the server waits for the client’s TLS hello before it says a word. The client, set to no encryption, waits for the server’s greeting first. Each waits for the other until the client gives up (time-out).",
        (StartTlsToImplicitTls, Lang::Fr) => "STARTTLS commence en clair\u{a0}: le client attend le message d’accueil du serveur pour demander ensuite le chiffrement. Mais ce port (465, 993 ou 995) chiffre dès le premier octet\u{a0}: le serveur attend le «\u{a0}hello\u{a0}» TLS. Chacun attend l’autre, jusqu’au délai dépassé.",
        (StartTlsToImplicitTls, Lang::En) => "STARTTLS starts in plain text: the client waits for the server’s greeting, to ask for encryption after it. But this port (465, 993 or 995) is encrypted from the first byte: the server waits for the TLS hello. Each waits for the other until the time-out.",
        (TlsToPlainPort, Lang::Fr) => "Le client commence par un «\u{a0}hello\u{a0}» TLS, mais ce port parle d’abord en clair\u{a0}: le serveur envoie son message d’accueil en texte, que la bibliothèque TLS ne sait pas lire («\u{a0}wrong version number\u{a0}»), et répond aux octets du hello comme à une commande incompréhensible. Sur 587, 143 et 110, le chiffrement se demande avec STARTTLS, après le message d’accueil.",
        (TlsToPlainPort, Lang::En) => "The client starts with a TLS hello, but this port speaks plain text first: the server sends its greeting as text, which the TLS library cannot read (“wrong version number”), and answers the hello’s bytes as a command it does not understand. On 587, 143 and 110, encryption is asked for with STARTTLS, after the greeting.",
        (TlsToRelayPort, Lang::Fr) => "C’est la ligne «\u{a0}SMTP 25 SSL/TLS\u{a0}» d’un tableau de ports très répandu, et elle est doublement fausse. Le port 25 parle d’abord en clair (le hello TLS reçoit un message d’accueil en texte, puis une erreur), et il sert au relais entre serveurs, pas à l’envoi par une application\u{a0}: il n’y propose pas d’authentification. Une application envoie sur 587 avec STARTTLS, ou sur 465 avec SSL/TLS.",
        (TlsToRelayPort, Lang::En) => "This is the row “SMTP 25 SSL/TLS” of the popular port tables, and it is wrong twice. Port 25 speaks plain text first (the TLS hello gets a text greeting, then an error), and it is for relaying between servers, not for a mail app’s sending: it offers no login there. A mail app sends on 587 with STARTTLS, or on 465 with SSL/TLS.",
        (WrongProtocol, Lang::Fr) => "Le client et le serveur ne parlent pas le même protocole\u{a0}: le message d’accueil n’est pas celui que le client attend (par exemple «\u{a0}* OK\u{a0}» d’IMAP pour un client POP3 qui attend «\u{a0}+OK\u{a0}»). Il ne le comprend pas et raccroche. Chaque protocole a ses ports\u{a0}: POP3 110 et 995, IMAP 143 et 993, SMTP 25, 587 et 465.",
        (WrongProtocol, Lang::En) => "The client and the server do not speak the same protocol: the greeting is not the one the client expects (for example IMAP’s “* OK” for a POP3 client waiting for “+OK”). It cannot understand it and hangs up. Each protocol has its ports: POP3 110 and 995, IMAP 143 and 993, SMTP 25, 587 and 465.",
        (SubmitOnRelayPort, Lang::Fr) => "Le port 25 sert aux serveurs qui se relaient le courrier (RFC 5321). Une application qui envoie le courrier de son utilisateur doit utiliser la soumission (RFC 6409)\u{a0}: sur 25, le serveur ne propose pas de s’authentifier, et sans authentification il refuse de relayer vers d’autres domaines («\u{a0}Relay access denied\u{a0}»).",
        (SubmitOnRelayPort, Lang::En) => "Port 25 is for servers relaying mail to each other (RFC 5321). A mail app sending its user’s mail must use submission (RFC 6409): on 25 the server offers no login, and without one it refuses to relay to other domains (“Relay access denied”).",
        (LoginNeedsTls, Lang::Fr) => "Le serveur ne laisse personne s’authentifier sur une connexion en clair\u{a0}: sur 587 il ne propose AUTH qu’après STARTTLS, sur 143 il annonce LOGINDISABLED et répond [PRIVACYREQUIRED]. Il protège ainsi le mot de passe, que ces réglages enverraient lisible.",
        (LoginNeedsTls, Lang::En) => "The server lets nobody log in on a plain-text connection: on 587 it offers AUTH only after STARTTLS, on 143 it announces LOGINDISABLED and answers [PRIVACYREQUIRED]. That protects the password, which these settings would send readable.",
        (AuthRequired, Lang::Fr) => "Sur un port de soumission, le serveur n’accepte le courrier que d’un utilisateur authentifié\u{a0}: c’est ce qui l’empêche de servir de relais ouvert aux spammeurs. Sans authentification, il refuse.",
        (AuthRequired, Lang::En) => "On a submission port the server takes mail only from a user who logged in: that is what keeps it from being an open relay for spammers. Without authentication, it refuses.",
        (NoStartTls, Lang::Fr) => "Les réglages exigent STARTTLS, et ce serveur ne le propose pas. Le client s’arrête plutôt que d’envoyer le mot de passe en clair\u{a0}: c’est ce qu’il doit faire.",
        (NoStartTls, Lang::En) => "The settings require STARTTLS, and this server does not offer it. The client stops rather than send the password in clear: that is what it should do.",
        (WrongPassword, Lang::Fr) => "La connexion et le chiffrement ont marché\u{202f}; c’est l’authentification qui échoue\u{a0}: le nom d’utilisateur ou le mot de passe est faux. Le serveur ne dit pas lequel, pour ne rien apprendre à qui devine.",
        (WrongPassword, Lang::En) => "The connection and the encryption worked; the login failed: the user name or the password is wrong. The server does not say which, so as to teach nothing to someone guessing.",
        (Refused, Lang::Fr) => "Le serveur a refusé une commande\u{202f}; sa réponse dit pourquoi.",
        (Refused, Lang::En) => "The server refused a command; its reply says why.",
    }
}

/// What to change.
pub fn fix(d: Diagnosis, lang: Lang) -> &'static str {
    use Diagnosis::*;
    match (d, lang) {
        (NoSuchHost, Lang::Fr) => "mettez le nom du serveur de courrier, mail.example.test (ou mx.other.test pour carol).",
        (NoSuchHost, Lang::En) => "use the mail server’s name, mail.example.test (or mx.other.test for carol).",
        (NothingListens, Lang::Fr) => "choisissez le port de ce protocole\u{a0}: 993 (IMAP), 995 (POP3) ou 587 (SMTP).",
        (NothingListens, Lang::En) => "choose this protocol’s port: 993 (IMAP), 995 (POP3) or 587 (SMTP).",
        (PlainToImplicitTls | StartTlsToImplicitTls, Lang::Fr) => "sur 465, 993 et 995, choisissez SSL/TLS\u{202f}; ou gardez STARTTLS et prenez 587, 143 ou 110.",
        (PlainToImplicitTls | StartTlsToImplicitTls, Lang::En) => "on 465, 993 and 995 choose SSL/TLS; or keep STARTTLS and use 587, 143 or 110.",
        (TlsToPlainPort, Lang::Fr) => "sur 587, 143 et 110, choisissez STARTTLS\u{202f}; ou gardez SSL/TLS et prenez 465, 993 ou 995.",
        (TlsToPlainPort, Lang::En) => "on 587, 143 and 110 choose STARTTLS; or keep SSL/TLS and use 465, 993 or 995.",
        (TlsToRelayPort | SubmitOnRelayPort, Lang::Fr) => "serveur sortant sur 587 avec STARTTLS (ou 465 avec SSL/TLS), mot de passe normal.",
        (TlsToRelayPort | SubmitOnRelayPort, Lang::En) => "outgoing server on 587 with STARTTLS (or 465 with SSL/TLS), normal password.",
        (WrongProtocol, Lang::Fr) => "mettez le port du protocole choisi\u{a0}: POP3 995, IMAP 993, SMTP 587.",
        (WrongProtocol, Lang::En) => "use the chosen protocol’s port: POP3 995, IMAP 993, SMTP 587.",
        (LoginNeedsTls | NoStartTls, Lang::Fr) => "choisissez STARTTLS sur ce port, ou SSL/TLS sur 993, 995 ou 465.",
        (LoginNeedsTls | NoStartTls, Lang::En) => "choose STARTTLS on this port, or SSL/TLS on 993, 995 or 465.",
        (AuthRequired, Lang::Fr) => "authentification\u{a0}: mot de passe normal.",
        (AuthRequired, Lang::En) => "authentication: normal password.",
        (WrongPassword, Lang::Fr) => "vérifiez le nom d’utilisateur et le mot de passe (alice/wonderland, bob/builder, carol/lighthouse).",
        (WrongPassword, Lang::En) => "check the user name and password (alice/wonderland, bob/builder, carol/lighthouse).",
        (Refused, Lang::Fr) => "lisez la réponse du serveur dans le dialogue.",
        (Refused, Lang::En) => "read the server’s reply in the dialogue.",
    }
}
