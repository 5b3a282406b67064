//! Le catalogue français.

use super::fr_grammar::diagnostic;
use super::Note;
use crate::smtp::{Extension, SmtpNote};

pub(super) fn note(note: &Note) -> String {
    match note {
        Note::Smtp(n) => smtp(n),
        Note::Pop3(n) => super::fr_pop3::pop3(n),
        Note::Imap(n) => super::fr_imap::imap(n),
        Note::Closing { why, .. } => match why {
            crate::vocab::Closing::IdleTimeout { after } => format!("Le client n’a rien dit pendant {}\u{a0}: le serveur dit au revoir et ferme la connexion, comme le font les serveurs pour libérer leurs ressources. Un logiciel de messagerie se reconnecte quand il en a besoin.", duration(*after)),
            crate::vocab::Closing::ShuttingDown => "Le serveur s’arrête et ferme la connexion. Le client devra se reconnecter plus tard\u{202f}; rien de ce qui était en cours ne prend effet.".into(),
            crate::vocab::Closing::TooManyConnections => "Le serveur gère déjà autant de connexions qu’il en accepte\u{a0}: il refuse celle-ci tout de suite. Réessayez dans un instant.".into(),
        },
        Note::Foreign(f) => super::fr_grammar::foreign(f),
        Note::BareLineFeed(_) => "Cette ligne se termine par un LF seul au lieu de CR LF. Facteur \
            est tolérant et l’accepte, mais les RFC exigent CR LF et un serveur strict \
            refuserait la ligne."
            .into(),
    }
}

fn smtp(n: &SmtpNote) -> String {
    use SmtpNote::*;
    match n {
        Ehlo { client } => format!("Le client se présente sous le nom {client}. En disant EHLO plutôt que HELO, il demande au serveur la liste de ses extensions."),
        Helo { client } => format!("Le client se présente sous le nom {client} avec l’ancienne commande HELO\u{a0}: le serveur n’annoncera aucune extension."),
        MailFrom { from } => format!("Commence un nouveau message. Comme une lettre, un message voyage dans une enveloppe\u{a0}: MAIL FROM et RCPT TO sont écrits sur l’enveloppe, From: et To: à l’intérieur, sur la lettre. {from} est l’expéditeur de l’enveloppe, là où iront les avis de non-remise\u{202f}; il peut différer de l’en-tête From:."),
        RcptTo { to } => format!("Ajoute {to} aux destinataires du message. On répète RCPT TO pour chaque destinataire."),
        Data => "Demande à envoyer le message lui-même\u{a0}: les en-têtes, une ligne vide, puis le corps.".into(),
        Rset => "Abandonne le message en cours (expéditeur et destinataires) sans fermer la connexion.".into(),
        Noop => "Ne fait rien\u{202f}; vérifie seulement que le serveur répond encore.".into(),
        Vrfy => "Demande si une boîte aux lettres existe. Les serveurs donnent rarement une vraie réponse\u{a0}: les spammeurs s’en servaient pour récolter des adresses.".into(),
        Expn => "Demande au serveur de détailler les membres d’une liste de diffusion.".into(),
        Help => "Demande un texte d’aide au serveur.".into(),
        Quit => "Demande au serveur de fermer la connexion.".into(),
        StartTls => "Demande à chiffrer cette connexion avec TLS avant d’aller plus loin.".into(),
        Auth { mechanism } => format!("Commence l’authentification. SASL est le cadre commun aux protocoles de messagerie pour s’authentifier\u{202f}; {mechanism} est la façon choisie dans ce cadre (le mécanisme)."),
        AuthResponse { decoded } => format!("Réponse en base64 au défi du serveur. Décodée, elle donne «\u{a0}{decoded}\u{a0}»\u{a0}: le base64 est un encodage, pas un chiffrement, d’où la nécessité de TLS pour AUTH."),
        AuthCancel => "Un astérisque seul annule l’authentification en cours.".into(),
        DataLine => "Une ligne du message. Le serveur la conserve telle quelle, jusqu’à la ligne qui ne contient qu’un point.".into(),
        DataDotStuffed => "Doublement du point\u{a0}: cette ligne du message commence par un point, alors le client l’a doublé\u{202f}; le serveur en retire un. Ainsi une ligne de texte réduite à «\u{a0}.\u{a0}» ne peut pas terminer le message par erreur.".into(),
        DataEnd => "Une ligne ne contenant qu’un point termine le message.".into(),
        Unparsed => "Le serveur n’a pas compris cette ligne\u{202f}; sa réponse explique pourquoi.".into(),
        Forgiven(crate::smtp::command::Forgiven::SpaceAfterColon) => "Le mode tolérant a pardonné l’espace après les deux-points. La RFC 5321 n’en permet pas et un serveur strict répond 501.".into(),
        Forgiven(crate::smtp::command::Forgiven::MissingAngleBrackets) => "Le mode tolérant a pardonné l’absence de chevrons. La RFC 5321 exige <…> autour de l’adresse et un serveur strict répond 501.".into(),

        Forgiven(crate::smtp::command::Forgiven::MissingColon) => "Le mode tolérant a pardonné l’absence des deux-points après FROM ou TO. La RFC 5321 écrit MAIL FROM:<…> et RCPT TO:<…>\u{202f}; un serveur strict répond 501.".into(),

        Greeting { host } => format!("Code 220\u{a0}: le serveur {host} est prêt. En SMTP, c’est le serveur qui parle en premier\u{202f}; le client attend ce message d’accueil."),
        EhloHello { host, client } => format!("Code 250\u{a0}: {host} accepte la présentation de {client}. Les lignes suivantes, toutes en 250-, listent les extensions proposées\u{202f}; la dernière a une espace après le code."),
        Advertised(ext) => extension(*ext),
        HeloOk { host, client } => format!("Code 250\u{a0}: {host} accepte la présentation de {client}. Après HELO, aucune extension n’est disponible."),
        SenderOk { from } => format!("Code 250\u{a0}: expéditeur {from} accepté. Indiquez maintenant au moins un destinataire avec RCPT TO."),
        RecipientOk { to } => format!("Code 250\u{a0}: {to} a une boîte sur ce serveur\u{202f}; le message y sera distribué."),
        RecipientRelay { to, host } => format!("Code 250\u{a0}: {to} relève d’un autre serveur, {host}. Comme vous êtes authentifié, ce serveur accepte de lui relayer le message par le port 25."),
        StartMailInput => "Code 354\u{a0}: envoyez le message. Terminez-le par une ligne ne contenant qu’un point.".into(),
        Queued { id } => format!("Code 250\u{a0}: le serveur prend le message en charge sous l’identifiant {id}. Désormais, c’est à lui de le distribuer."),
        ResetOk => "Code 250\u{a0}: le message en cours est abandonné\u{202f}; la connexion reste ouverte.".into(),
        NoopOk => "Code 250\u{a0}: le serveur est toujours là.".into(),
        CannotVrfy => "Code 252\u{a0}: le serveur ne dira pas si la boîte existe, mais tenterait d’y distribuer un message. C’est la réponse habituelle, respectueuse de la vie privée.".into(),
        ExpnDisabled => "Code 502\u{a0}: EXPN est désactivée ici, pour qu’on ne puisse pas récolter les listes. La RFC 5321 §7.3 demande à un serveur qui la désactive de répondre 252\u{202f}; beaucoup de serveurs, comme celui-ci, répondent 502.".into(),
        HelpText => "Code 214\u{a0}: un texte d’aide destiné à la personne qui lit le dialogue.".into(),
        Bye => "Code 221\u{a0}: le serveur dit au revoir et ferme la connexion.".into(),
        ReadyForTls => "Code 220\u{a0}: le serveur est prêt pour la négociation TLS. Dans Facteur, le chiffrement est simulé. Ensuite, le client devrait redire EHLO (RFC 3207 §4.2)\u{a0}: le serveur oublie tout ce qui a été appris en clair, alors en pratique il le doit.".into(),
        AuthChallengePlain => "Code 334\u{a0}: le serveur attend vos identifiants en base64, sous la forme \\0utilisateur\\0motdepasse.".into(),
        AuthChallengeUsername => "Code 334\u{a0}: le serveur demande le nom d’utilisateur\u{202f}; VXNlcm5hbWU6 est «\u{a0}Username:\u{a0}» en base64. Le mécanisme LOGIN n’est dans aucune RFC (un ancien brouillon, répandu malgré tout)\u{a0}; ses questions passent par l’échange 334 d’AUTH (RFC 4954 §4).".into(),
        AuthChallengePassword => "Code 334\u{a0}: le serveur demande le mot de passe\u{202f}; UGFzc3dvcmQ6 est «\u{a0}Password:\u{a0}» en base64.".into(),
        AuthSucceeded { login } => format!("Code 235\u{a0}: authentifié en tant que {login}. Cette session peut maintenant envoyer du courrier au nom de ce compte."),
        AuthFailed => "Code 535\u{a0}: le nom d’utilisateur ou le mot de passe est incorrect.".into(),
        AuthCancelled => "Code 501\u{a0}: l’authentification a été annulée.".into(),
        AuthBadBase64 => "Code 501\u{a0}: cette réponse n’est pas du base64 valide.".into(),
        AuthUnknownMechanism { mechanism } => format!("Code 504\u{a0}: ce serveur ne propose pas le mécanisme {mechanism}. Regardez la ligne AUTH de la réponse à EHLO."),
        AuthNotOffered => "Code 502\u{a0}: cette commande n’est pas disponible ici, car ce port ne propose pas d’authentification. Le port 25 sert aux serveurs qui se relaient le courrier\u{202f}; les logiciels de messagerie s’authentifient sur 587 ou 465.".into(),
        AuthAlready => "Code 503\u{a0}: cette session est déjà authentifiée.".into(),
        AuthInTransaction => "Code 503\u{a0}: impossible de s’authentifier au milieu d’un message. Terminez-le ou envoyez d’abord RSET.".into(),
        EncryptionRequired => "Code 530\u{a0}: ce serveur n’accepte de mot de passe que sur une connexion chiffrée (c’est sa règle, comme celle de la plupart des serveurs de soumission). Envoyez d’abord STARTTLS, puis de nouveau EHLO.".into(),
        TlsRequired => "Code 530\u{a0}: ce serveur veut que la connexion au port de soumission soit d’abord chiffrée (c’est sa règle, comme celle de la plupart des serveurs). Envoyez STARTTLS, puis de nouveau EHLO.".into(),
        AuthRequired => "Code 530\u{a0}: sur un port de soumission, il faut s’authentifier (AUTH) avant d’envoyer, pour que seuls les titulaires d’un compte puissent expédier par ce serveur.".into(),
        TlsAlreadyActive => "Code 503\u{a0}: la connexion est déjà chiffrée.".into(),
        StartTlsNotOffered => "Code 502\u{a0}: ce serveur ne propose pas STARTTLS.".into(),
        NeedHelo => "Code 503\u{a0}: commandes dans le mauvais ordre. Commencez par EHLO (ou HELO).".into(),
        NestedMail => "Code 503\u{a0}: un message est déjà en cours. Terminez-le avec DATA, ou envoyez RSET pour recommencer.".into(),
        NeedMail => "Code 503\u{a0}: commandes dans le mauvais ordre. Un message commence par MAIL FROM, puis RCPT TO, puis DATA.".into(),
        NeedRcpt => "Code 503\u{a0}: aucun destinataire n’a encore été accepté, le message n’aurait personne à qui aller. Ajoutez-en un avec RCPT TO.".into(),
        UnknownCommand { verb } => if verb.is_empty() {
            "Code 500\u{a0}: une commande commence par un mot comme EHLO, MAIL ou QUIT.".into()
        } else {
            format!("Code 500\u{a0}: {verb} n’est pas une commande SMTP. HELP en donne la liste.")
        },
        EmptyLine => "Code 500\u{a0}: la ligne était vide. Tapez une commande, par exemple EHLO.".into(),
        Syntax { verb, diagnostic: d } => format!("Code 501\u{a0}: la commande {} existe, mais ses arguments sont incorrects. {}", verb.word(), diagnostic(d)),
        LineTooLong { limit } => format!("Code 500\u{a0}: ligne trop longue. Une ligne de commande fait au plus {limit_octets}, CR LF compris.", limit_octets = super::fr_count(*limit, "octet", "octets")),
        NoSuchUser { address } => format!("Code 550\u{a0}: ce serveur gère bien le domaine, mais n’a pas de boîte {address}. Erreur définitive\u{a0}: réessayer n’y changera rien."),
        UnknownDomain { domain } => format!("Code 550\u{a0}: le domaine {domain} n’existe pas dans le monde de Facteur, qui ne compte que example.test et other.test."),
        RelayDenied { domain } => format!("Code 550\u{a0}: ce serveur refuse de transmettre du courrier vers {domain} pour quelqu’un qui ne s’est pas authentifié. Sinon, n’importe qui pourrait s’en servir pour envoyer du spam\u{a0}: un relais ouvert."),
        SenderNotOwned { from, login } => format!("Code 553\u{a0}: {login} est authentifié mais essaie d’envoyer en tant que {from}. Ce serveur refuse qu’un compte se fasse passer pour un autre. La RFC 6409 §6.1 permet à un serveur de soumission de vérifier l’expéditeur et prévoit 550 (5.7.1) pour le refus\u{a0}; ce serveur répond 553, comme Postfix."),
        MessageTooBig { limit } => format!("Code 552\u{a0}: le message dépasse la taille acceptée par ce serveur ({limit_octets}).", limit_octets = super::fr_count(*limit, "octet", "octets")),
        DeclaredSizeTooBig { size, limit } => format!("Code 552\u{a0}: le client a annoncé {}, alors que ce serveur accepte au plus {}\u{202f}; il refuse avant même l’envoi du message.", super::fr_count(*size, "octet", "octets"), super::fr_count(*limit, "octet", "octets")),
        TooManyRecipients { limit } => format!("Code 452\u{a0}: au plus {limit_destinataires} par message. Erreur temporaire\u{a0}: envoyez les autres dans un second message.", limit_destinataires = super::fr_count(*limit, "destinataire", "destinataires")),
        DataLineTooLong => "Code 554\u{a0}: une ligne du message dépassait 1000 octets, la limite fixée par la RFC 5321 pour les lignes de texte.".into(),
        UnknownParameter { keyword } => format!("Code 555\u{a0}: ce serveur ne connaît pas le paramètre {keyword}."),
        BadParameterValue { keyword } => format!("Code 501\u{a0}: la valeur donnée à {keyword} n’est pas valide."),
        BareLfRefused => "Code 500\u{a0}: cette ligne se termine par un LF seul. Le mode strict exige CR LF à la fin de chaque ligne.".into(),
    }
}

fn extension(ext: Extension) -> String {
    match ext {
        Extension::Pipelining => "PIPELINING\u{a0}: le client peut envoyer plusieurs commandes sans attendre chaque réponse.".into(),
        Extension::Size(n) => format!("SIZE\u{a0}: les messages jusqu’à {n_octets} sont acceptés\u{202f}; le client peut annoncer la taille du message dans MAIL FROM.", n_octets = super::fr_count(n, "octet", "octets")),
        Extension::EightBitMime => "8BITMIME\u{a0}: le corps du message peut être envoyé en texte sur 8 bits, comme l’UTF-8, et pas seulement en ASCII. Des en-têtes et des adresses en UTF-8 demandent une autre extension, SMTPUTF8.".into(),
        Extension::EnhancedStatusCodes => "ENHANCEDSTATUSCODES\u{a0}: les réponses portent un code détaillé comme 5.1.1 après le code à trois chiffres.".into(),
        Extension::StartTls => "STARTTLS\u{a0}: le client peut passer cette connexion en chiffré.".into(),
        Extension::Auth => "AUTH\u{a0}: le client peut s’authentifier, ici avec PLAIN (RFC 4616) ou LOGIN (dans aucune RFC\u{a0}: non standard mais répandu).".into(),
        Extension::Help => "HELP\u{a0}: le serveur répond à la commande HELP.".into(),
    }
}

/// Une durée comme on la dit : « 5 minutes », « 1 seconde » (le pluriel commence à 2).
fn duration(seconds: u64) -> String {
    let (n, unit) = if seconds >= 60 && seconds.is_multiple_of(60) {
        (seconds / 60, "minute")
    } else {
        (seconds, "seconde")
    };
    let s = if n >= 2 { "s" } else { "" };
    format!("{n}\u{a0}{unit}{s}")
}
