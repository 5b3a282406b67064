//! Le catalogue français pour POP3.

use super::fr_grammar::diagnostic;
use crate::pop3::{Capability, Pop3Note, State};

pub(super) fn pop3(n: &Pop3Note) -> String {
    use Pop3Note::*;
    match n {
        User { name } => format!("Donne le nom d’utilisateur {name}. Le mot de passe suit avec PASS."),
        Pass => "Donne le mot de passe. Sans chiffrement, il traverse le réseau en clair\u{a0}: d’où l’intérêt du port 995 ou de STLS.".into(),
        Apop => "S’authentifie avec APOP, un ancien procédé qui envoie une empreinte du mot de passe au lieu du mot de passe.".into(),
        Stat => "Demande combien de messages contient la boîte et leur taille totale.".into(),
        List { message: None } => "Demande la taille de chaque message, par numéro.".into(),
        List { message: Some(m) } => format!("Demande la taille du message {m}."),
        Retr { message } => format!("Télécharge le message {message} en entier."),
        Dele { message } => format!("Marque le message {message} pour suppression. Rien n’est supprimé avant QUIT."),
        Noop => "Ne fait rien\u{202f}; maintient la connexion ouverte.".into(),
        Rset => "Retire toutes les marques de suppression posées pendant cette session.".into(),
        Quit => "Termine la session. Après l’authentification, c’est à ce moment que les messages marqués sont vraiment supprimés.".into(),
        Top { message, lines: 0 } => format!("Demande seulement les en-têtes du message {message}, sans rien du corps\u{a0}: un coup d’œil sans le télécharger."),
        Top { message, lines: 1 } => format!("Demande les en-têtes du message {message} et la première ligne du corps, sans tout télécharger."),
        Top { message, lines } => format!("Demande les en-têtes du message {message} et les {lines}\u{a0}premières lignes du corps, sans tout télécharger."),
        Uidl { message: None } => "Demande l’identifiant unique de chaque message, pour qu’un client sache lesquels il possède déjà.".into(),
        Uidl { message: Some(m) } => format!("Demande l’identifiant unique du message {m}."),
        Capa => "Demande quelles fonctions facultatives ce serveur propose.".into(),
        Stls => "Demande à chiffrer cette connexion avec TLS avant de s’authentifier.".into(),
        Unparsed => "Le serveur n’a pas compris cette ligne\u{202f}; sa réponse explique pourquoi.".into(),

        Greeting { host } => format!("+OK\u{a0}: le serveur {host} est prêt. La session est dans l’état AUTHORIZATION\u{a0}: authentifiez-vous d’abord."),
        UserAccepted { cleartext: true } => "+OK\u{a0}: envoyez maintenant le mot de passe avec PASS. Attention\u{a0}: la connexion n’est pas chiffrée, le mot de passe circulerait en clair. Le serveur répond +OK même pour un utilisateur inexistant, pour ne pas révéler qui existe.".into(),
        UserAccepted { cleartext: false } => "+OK\u{a0}: envoyez maintenant le mot de passe avec PASS. Le serveur répond +OK même pour un utilisateur inexistant, pour ne pas révéler qui existe.".into(),
        LoggedIn { login, count, size } => format!("+OK\u{a0}: authentifié en tant que {login}. La boîte est désormais verrouillée pour cette session\u{202f}; elle contient {}, {} au total. La session passe à l’état TRANSACTION.", crate::vocab::count(crate::vocab::Lang::Fr, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        LoginFailed => "-ERR\u{a0}: nom d’utilisateur ou mot de passe incorrect. [AUTH] indique au client que ce sont les identifiants qui posent problème, pas le serveur. Recommencez avec USER.".into(),
        InUse { login } => format!("-ERR\u{a0}: le mot de passe est bon, mais une autre session détient déjà la boîte de {login}. [IN-USE] le signale\u{a0}: POP3 ne laisse qu’une session à la fois utiliser une boîte."),
        NeedUser => "-ERR\u{a0}: PASS vient après USER. Donnez d’abord le nom d’utilisateur.".into(),
        LoginNeedsTls => "-ERR\u{a0}: ce serveur refuse les mots de passe sur une connexion non chiffrée. Envoyez d’abord STLS, ou connectez-vous au port 995.".into(),
        ApopNotOffered => "-ERR\u{a0}: APOP a besoin d’un défi dans le message d’accueil, que ce serveur ne propose pas. Authentifiez-vous avec USER et PASS.".into(),
        StatReply { count, size } => format!("+OK\u{a0}: {}, {} au total. Les messages marqués pour suppression ne sont pas comptés.", crate::vocab::count(crate::vocab::Lang::Fr, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        ListHeader { count, size } => format!("+OK\u{a0}: suit une liste de {} ({}), un par ligne, terminée par une ligne contenant un point.", crate::vocab::count(crate::vocab::Lang::Fr, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        ListEntry { message, size } => format!("Le message {message} fait {}.", crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        UidlHeader => "+OK\u{a0}: suivent les identifiants uniques, un par ligne. Un client qui laisse le courrier sur le serveur les mémorise pour ne pas télécharger deux fois le même message.".into(),
        UidlEntry { message, unique_id } => format!("Le message {message} a pour identifiant unique {unique_id}. Les numéros de message peuvent changer d’une session à l’autre (après des suppressions)\u{202f}; l’identifiant unique reste attaché au message."),
        RetrHeader { message, size } => format!("+OK\u{a0}: suit le message {message}, {}, terminé par une ligne contenant un point.", crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        TopHeader { message, lines: 0 } => format!("+OK\u{a0}: suivent les en-têtes du message {message}, puis une ligne vide, et rien du corps."),
        TopHeader { message, lines } => format!("+OK\u{a0}: suivent les en-têtes du message {message}, puis une ligne vide et au plus {} du corps.", super::fr_count(*lines, "ligne", "lignes")),
        MessageLine => "Une ligne du message, envoyée telle qu’elle est stockée.".into(),
        MessageLineStuffed => "Cette ligne du message commence par un point, alors le serveur en ajoute un\u{202f}; le client le retire. Ainsi la ligne ne peut pas être prise pour la fin.".into(),
        EndOfMultiline => "Une ligne ne contenant qu’un point termine la réponse sur plusieurs lignes.".into(),
        Deleted { message } => format!("+OK\u{a0}: le message {message} est marqué. Il disparaît de LIST dès maintenant, mais n’est supprimé qu’à QUIT\u{202f}; RSET ou une connexion perdue le conservent."),
        AlreadyDeleted { message } => format!("-ERR\u{a0}: le message {message} est marqué pour suppression\u{202f}; on ne peut plus le lire ni le marquer. RSET retire la marque."),
        NoSuchMessage { message, count: 0 } => format!("-ERR\u{a0}: il n’y a pas de message {message}. Cette boîte était vide à l’authentification\u{a0}: aucun numéro n’est valable."),
        NoSuchMessage { message, count } => format!("-ERR\u{a0}: il n’y a pas de message {message}. Cette boîte a été numérotée de 1 à {count} à l’authentification."),
        RemovedElsewhere { message } => format!("-ERR\u{a0}: le message {message} a été supprimé par un autre client (en IMAP, par exemple) depuis le début de cette session. Le verrou de POP3 n’écarte que les autres sessions POP3."),
        NoopOk => "+OK\u{a0}: le serveur est toujours là.".into(),
        ResetOk { count, size } => format!("+OK\u{a0}: plus aucun message n’est marqué\u{202f}; la boîte affiche de nouveau {} ({}).", crate::vocab::count(crate::vocab::Lang::Fr, *count, "message", "messages"), crate::vocab::count(crate::vocab::Lang::Fr, *size, "octet", "octets")),
        SignOff => "+OK\u{a0}: au revoir. La session se termine sans passer par l’état UPDATE\u{a0}: rien ne change.".into(),
        SignOffUpdate { deleted } => format!("+OK\u{a0}: l’état UPDATE a supprimé définitivement {}, libéré le verrou, et la connexion se ferme.", crate::vocab::count(crate::vocab::Lang::Fr, *deleted, "message marqué", "messages marqués")),
        CapaHeader => "+OK\u{a0}: suivent les capacités du serveur, une par ligne.".into(),
        Advertised(cap) => capability(*cap),
        StlsReady => "+OK\u{a0}: le serveur est prêt pour la négociation TLS. Dans Facteur, le chiffrement est simulé. Authentifiez-vous ensuite, en sécurité.".into(),
        StlsActive => "-ERR\u{a0}: la connexion est déjà chiffrée (port 995 ou STLS déjà fait), ou ce serveur ne propose pas STLS.".into(),
        WrongState { verb, state: State::Authorization } => format!("-ERR\u{a0}: {} ne fonctionne qu’après l’authentification (état TRANSACTION). Authentifiez-vous d’abord avec USER et PASS.", verb.word()),
        WrongState { verb, state: _ } => format!("-ERR\u{a0}: {} ne fonctionne qu’avant l’authentification (état AUTHORIZATION).", verb.word()),
        UnknownCommand { verb } if verb.is_empty() => "-ERR\u{a0}: une commande commence par un mot comme USER, STAT ou RETR.".into(),
        UnknownCommand { verb } => format!("-ERR\u{a0}: {verb} n’est pas une commande POP3. CAPA montre ce que ce serveur propose."),
        EmptyLine => "-ERR\u{a0}: la ligne était vide. Tapez une commande, par exemple USER bob.".into(),
        Syntax { verb, diagnostic: d } => format!("-ERR\u{a0}: la commande {} existe, mais ses arguments sont incorrects. {}", verb.word(), diagnostic(d)),
        LineTooLong { limit } => format!("-ERR\u{a0}: ligne trop longue. Une commande POP3 fait au plus {limit_octets}, CR LF compris.", limit_octets = super::fr_count(*limit, "octet", "octets")),
        BareLfRefused => "-ERR\u{a0}: cette ligne se termine par un LF seul. Le mode strict exige CR LF à la fin de chaque ligne.".into(),
    }
}

fn capability(cap: Capability) -> String {
    match cap {
        Capability::Top => "TOP\u{a0}: le serveur peut n’envoyer que le début d’un message.".into(),
        Capability::User => "USER\u{a0}: authentification avec USER et PASS.".into(),
        Capability::Uidl => "UIDL\u{a0}: les messages ont des identifiants uniques, stables d’une session à l’autre.".into(),
        Capability::RespCodes => "RESP-CODES\u{a0}: certaines réponses -ERR portent un code entre crochets, comme [IN-USE].".into(),
        Capability::AuthRespCode => "AUTH-RESP-CODE\u{a0}: un échec d’authentification peut indiquer [AUTH], c’est-à-dire des identifiants refusés.".into(),
        Capability::Pipelining => "PIPELINING\u{a0}: le client peut envoyer plusieurs commandes sans attendre chaque réponse.".into(),
        Capability::Stls => "STLS\u{a0}: le client peut passer cette connexion en chiffré.".into(),
        Capability::Implementation => "IMPLEMENTATION\u{a0}: le nom du logiciel serveur, à titre d’information.".into(),
    }
}
