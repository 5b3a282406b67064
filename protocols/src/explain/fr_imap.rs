//! Le catalogue français pour IMAP.

use super::fr_grammar::diagnostic;
use crate::imap::{CommandName, ImapNote, ImapState};

pub(super) fn imap(n: &ImapNote) -> String {
    use ImapNote::*;
    match n {
        Command(c) => command(*c).into(),
        UidCommand(c) => format!("UID {}\u{a0}: {} Ici sous sa forme UID\u{a0}: les numéros donnés sont des UID, pas des numéros de séquence, et chaque réponse porte l’UID du message. Un UID reste le même tant que l’UIDVALIDITY du dossier ne change pas.", c.word(), command(*c)),
        LiteralData => "Données d’un littéral\u{a0}: un bloc de texte dont la longueur est annoncée d’abord, si bien qu’il peut contenir tout octet sauf NUL, sauts de ligne compris. Exactement le nombre d’octets annoncé entre {…}, envoyés tels quels.".into(),
        CommandContinued => "La suite de la commande, après le littéral.".into(),
        AuthResponse { decoded } => format!("Les identifiants en base64. Décodés, ils donnent «\u{a0}{decoded}\u{a0}»\u{a0}: le base64 ne cache rien, c’est pourquoi ce serveur, comme la plupart, les refuse avant TLS."),
        AuthCancel => "Un astérisque seul annule l’authentification en cours.".into(),
        Done => "DONE met fin à IDLE\u{202f}; le serveur termine alors la commande IDLE.".into(),
        Unparsed => "Le serveur n’a pas compris cette ligne\u{202f}; sa réponse explique pourquoi.".into(),

        Greeting { host, encrypted, login_disabled } => {
            let mut t = format!("Le serveur {host} est prêt. En IMAP, le serveur parle en premier\u{202f}; la liste CAPABILITY entre crochets évite au client un aller-retour.");
            if *encrypted {
                t.push_str(" Cette connexion est chiffrée dès le départ (port 993).");
            } else if *login_disabled {
                t.push_str(" LOGINDISABLED\u{a0}: aucun mot de passe ne peut être envoyé avant que STARTTLS ait chiffré la connexion.");
            }
            t
        }
        CapabilityList { login_disabled, starttls } => {
            let mut t = "Les fonctions que ce serveur propose maintenant. IMAP4rev1 et IMAP4rev2 sont les versions du protocole\u{202f}; le reste, des extensions.".to_owned();
            if *starttls {
                t.push_str(" STARTTLS\u{a0}: la connexion peut être chiffrée.");
            }
            if *login_disabled {
                t.push_str(" LOGINDISABLED\u{a0}: LOGIN est refusé d’ici là.");
            }
            t
        }
        Completed(c) => format!("OK\u{a0}: le serveur a terminé la commande {}. L’étiquette est celle que le client a choisie\u{a0}: il sait ainsi quelle commande s’achève.", c.word()),
        LoggedIn { login } => format!("OK\u{a0}: authentifié en tant que {login}. La session passe à l’état authentifié\u{202f}; la liste des capacités est renvoyée car elle a changé."),
        LoginDisabled => "NO [PRIVACYREQUIRED]\u{a0}: le mot de passe circulerait en clair. Envoyez d’abord STARTTLS, ou connectez-vous au port 993.".into(),
        AuthenticationFailed => "NO [AUTHENTICATIONFAILED]\u{a0}: nom d’utilisateur ou mot de passe incorrect.".into(),
        ContinueLiteral => "Une invitation à continuer (+)\u{a0}: le serveur est prêt à recevoir les octets du littéral. Sans LITERAL+, le client l’attend.".into(),
        ContinueAuthenticate => "Une invitation à continuer (+)\u{a0}: le serveur attend les identifiants en base64, sous la forme \\0utilisateur\\0motdepasse.".into(),
        AuthCancelled => "BAD\u{a0}: l’authentification a été annulée.".into(),
        AuthBadBase64 => "BAD\u{a0}: cette réponse n’est pas du base64 valide.".into(),
        UnknownMechanism { mechanism } => format!("NO\u{a0}: ce serveur ne propose pas {mechanism}. Les entrées AUTH= de CAPABILITY indiquent ce qu’il propose."),
        Idling => "Une invitation à continuer (+)\u{a0}: le serveur attend et signalera aussitôt les nouvelles (courrier arrivé, indicateurs changés, suppressions), jusqu’à ce que le client envoie DONE.".into(),
        ExpectedDone => "BAD\u{a0}: pendant IDLE, le client ne peut envoyer que DONE.".into(),
        WrongState { command, state } => format!("BAD\u{a0}: {} ne peut pas être utilisée {}.", command.word(), state_phrase(*command, *state)),
        UnknownCommand { word } => format!("BAD\u{a0}: {word} n’est pas une commande IMAP. CAPABILITY liste les extensions\u{202f}; les commandes de base sont dans la RFC 9051."),
        MissingTag { word } => format!("BAD\u{a0}: «\u{a0}{word}\u{a0}» a été pris pour l’étiquette, car toute commande IMAP commence par une étiquette. Écrivez d’abord une étiquette\u{a0}: a1 {word} …"),
        BadTag { diagnostic: d } => format!("BAD\u{a0}: une étiquette est un mot court comme a1\u{a0}: des lettres, des chiffres et certains signes, mais ni espace, ni +, guillemet, parenthèse, accolade, %, *, barre oblique inverse ou caractère de contrôle. {}", diagnostic(d)),
        MissingCommand => "BAD\u{a0}: il y a une étiquette mais pas de commande après.".into(),
        EmptyLine => "BAD\u{a0}: la ligne était vide. Une commande IMAP ressemble à\u{a0}: a1 NOOP.".into(),
        Syntax { command, diagnostic: d } => format!("BAD\u{a0}: la commande {} existe, mais ses arguments sont incorrects. {}", command.word(), diagnostic(d)),
        LiteralTooBig { limit } => format!("NO [TOOBIG]\u{a0}: ce serveur accepte des littéraux d’au plus {limit_octets}.", limit_octets = super::fr_count(*limit, "octet", "octets")),
        LineTooLong { limit } => format!("BAD\u{a0}: une ligne de commande fait au plus {limit_octets}\u{202f}; envoyez les longues valeurs en littéral.", limit_octets = super::fr_count(*limit, "octet", "octets")),
        BareLfRefused => "BAD\u{a0}: cette ligne se termine par un LF seul. Les lignes IMAP se terminent par CR LF, et le mode strict l’exige du client.".into(),
        InvalidName { name } => format!("NO [CANNOT]\u{a0}: «\u{a0}{name}\u{a0}» n’est pas un nom utilisable\u{a0}: il est vide, ou a un niveau vide entre deux «\u{a0}/\u{a0}»."),
        HasChildren { name } => format!("NO [HASCHILDREN]\u{a0}: «\u{a0}{name}\u{a0}» contient encore des sous-dossiers. La RFC 9051 §6.3.5 permet à un serveur de le supprimer quand même en gardant son nom comme niveau \\Noselect\u{202f}; ce serveur refuse, c’est son choix. Supprimez d’abord les sous-dossiers."),
        SameMailbox => "NO [CANNOT]\u{a0}: les messages sont déjà dans ce dossier. La RFC 6851 permet de déplacer vers le même dossier (de nouveaux UID)\u{202f}; ce serveur le refuse, c’est son choix.".into(),
        NoSuchMailbox { name } => format!("NO [NONEXISTENT]\u{a0}: il n’y a pas de dossier «\u{a0}{name}\u{a0}». LIST \"\" * les montre tous."),
        AlreadyExists { name } => format!("NO [ALREADYEXISTS]\u{a0}: «\u{a0}{name}\u{a0}» existe déjà\u{202f}; choisissez un autre nom."),
        TooManyMailboxes { limit } => format!("NO [LIMIT]\u{a0}: ce compte a déjà {limit_dossiers}, autant que ce serveur en permet\u{202f}; supprimez-en un avant d’en créer un autre.", limit_dossiers = super::fr_count(*limit, "dossier", "dossiers")),
        TryCreate { name } => format!("NO [TRYCREATE]\u{a0}: «\u{a0}{name}\u{a0}» n’existe pas\u{202f}; ce code indique au client qu’il peut le créer (CREATE) puis réessayer."),
        CannotDeleteInbox => "NO\u{a0}: INBOX existe toujours et ne peut pas être supprimée.".into(),
        ReadOnly => "NO [READ-ONLY]\u{a0}: le dossier a été ouvert avec EXAMINE, rien ne peut y changer. Sélectionnez-le (SELECT) pour faire des modifications.".into(),
        InvalidSequence { exists: 0 } => "BAD\u{a0}: ce dossier est vide, aucun numéro de message n’est encore valable.".into(),
        InvalidSequence { exists } => format!("BAD\u{a0}: les numéros de message vont de 1 à {exists} dans ce dossier («\u{a0}*\u{a0}» désigne le dernier)."),
        BadCharset { charset } => format!("NO [BADCHARSET]\u{a0}: {charset} n’est pas pris en charge\u{202f}; le code liste les jeux de caractères acceptés."),
        TlsReady => "OK\u{a0}: commencez la négociation TLS. Dans Facteur, le chiffrement est simulé. Redemandez ensuite CAPABILITY\u{a0}: la liste change.".into(),
        TlsActive => "BAD\u{a0}: la connexion est déjà chiffrée, ou ce serveur ne propose pas STARTTLS.".into(),
        Bye => "BYE\u{a0}: le serveur ferme la connexion.".into(),
        Exists { count } => format!("Le dossier contient maintenant {}. Quand ce nombre augmente, du courrier est arrivé.", count_of(*count as usize, "message", "messages")),
        Recent => "RECENT est un compteur d’IMAP4rev1\u{a0}: les messages nouveaux pour cette session. Facteur ne gère pas \\Recent (abandonné par IMAP4rev2), donc il vaut 0.".into(),
        Expunge { seq } => format!("Le message {seq} a été supprimé définitivement. Tous les messages suivants descendent d’un numéro."),
        FlagsUpdate { seq } => format!("Les indicateurs du message {seq}, tels qu’ils sont sur le serveur. Quand un autre appareil les a changés, c’est ainsi que celui-ci l’apprend."),
        FetchData { seq, envelope: false } => format!("Les données demandées sur le message {seq}."),
        FetchData { seq, envelope: true } => format!("Les données demandées sur le message {seq}. Son ENVELOPE est lue dans les champs d’en-tête du message lui-même (la lettre, pas l’enveloppe SMTP), toujours dans cet ordre\u{a0}: Date, Subject, From, Sender, Reply-To, To, Cc, Bcc, In-Reply-To, Message-ID. NIL désigne un champ que le message n’a pas. Sans champ Sender ni Reply-To, le serveur y met From\u{a0}: l’expéditeur apparaît donc trois fois (RFC 9051 §7.5.2)."),
        LiteralContent => "Une partie des données du message, envoyée en littéral.".into(),
        MailboxFlags => "Les indicateurs qui existent dans ce dossier.".into(),
        PermanentFlags { read_only: false } => "Les indicateurs que le client peut changer et qui restent sur le serveur\u{202f}; \\* indique qu’il peut aussi créer des mots-clés.".into(),
        PermanentFlags { read_only: true } => "Aucun indicateur ne peut changer\u{a0}: le dossier est ouvert en lecture seule.".into(),
        UidValidity { value } => format!("UIDVALIDITY {value}\u{a0}: un nombre qui dit si les UID qu’un client a retenus valent encore. Tant qu’il ne change pas, un UID désigne toujours le même message, et les clients peuvent garder un cache\u{202f}; s’il change, ils doivent les oublier."),
        UidNext { value } => format!("UIDNEXT {value}\u{a0}: l’UID que recevra le prochain message. Les UID ne font que croître."),
        FirstUnseen { seq } => format!("Le message {seq} est le premier non lu."),
        Selected { mailbox, read_only } => if *read_only {
            format!("OK [READ-ONLY]\u{a0}: «\u{a0}{mailbox}\u{a0}» est ouvert en lecture seule\u{202f}; rien, pas même \\Seen, ne changera.")
        } else {
            format!("OK [READ-WRITE]\u{a0}: «\u{a0}{mailbox}\u{a0}» est sélectionné\u{202f}; les commandes sur les messages s’y appliquent désormais.")
        },
        ListLine { name } if name.is_empty() => "Le séparateur de hiérarchie est «\u{a0}/\u{a0}»\u{a0}: Work/2026 est un dossier dans Work.".into(),
        ListLine { name } => format!("Un dossier «\u{a0}{name}\u{a0}», avec des attributs comme \\HasChildren, \\Sent (son usage particulier), \\Subscribed, ou \\NonExistent pour un nom abonné dont le dossier n’existe plus."),
        LsubLine { name } => format!("«\u{a0}{name}\u{a0}» est abonné\u{a0}: les clients l’affichent dans leur liste de dossiers."),
        StatusLine { name } => format!("Les compteurs de «\u{a0}{name}\u{a0}», sans le sélectionner."),
        SearchResult { count: 0, .. } => "Aucun message ne correspond\u{a0}: la liste est vide.".into(),
        SearchResult { count, uid } => match (*count, *uid) {
            (1, true) => "L’UID du message qui correspond.".into(),
            (1, false) => "Le numéro du message qui correspond.".into(),
            (n, true) => format!("Les {n}\u{a0}UID des messages qui correspondent."),
            (n, false) => format!("Les {n}\u{a0}numéros des messages qui correspondent."),
        },
        EsearchResult { count, uid } => format!("Le résultat SEARCH étendu d’IMAP4rev2\u{a0}: {}, en ensemble compact.", if *uid { count_of(*count, "UID trouvé", "UID trouvés") } else { count_of(*count, "message trouvé", "messages trouvés") }),
        NamespaceLine => "Un seul espace personnel, sans préfixe, avec «\u{a0}/\u{a0}» comme séparateur\u{202f}; pas de dossiers partagés ni d’autres utilisateurs.".into(),
        IdLine => "Le serveur indique quel logiciel il est.".into(),
        Enabled { rev2: true } => "IMAP4rev2 est activé pour cette session\u{a0}: plus de RECENT, et SEARCH répond par ESEARCH.".into(),
        Enabled { rev2: false } => "Rien de nouveau n’a été activé.".into(),
        CopyUid => "OK\u{a0}: copié. [COPYUID] donne l’UIDVALIDITY, les UID d’origine et les nouveaux UID dans le dossier cible\u{a0}: le client n’a pas à les chercher.".into(),
        MovedCopyUid => "Les messages sont dans le dossier cible\u{202f}; [COPYUID] fait correspondre anciens et nouveaux UID. Suivent les EXPUNGE des originaux.".into(),
        AppendUid { uid, line_endings_fixed: 0 } => format!("OK [APPENDUID]\u{a0}: le message a été enregistré avec l’UID {uid}."),
        AppendUid { uid, line_endings_fixed } => format!("OK [APPENDUID]\u{a0}: le message a été enregistré avec l’UID {uid}. Il contenait {} (un LF seul ou un CR seul)\u{202f}; un message doit terminer chaque ligne par CRLF (RFC 5322 §2.3), ce serveur a donc tout enregistré en CRLF, comme la plupart des serveurs. Sa taille est celle du message enregistré.", count_of(*line_endings_fixed, "fin de ligne autre que CRLF", "fins de ligne autres que CRLF")),
        NotModifiedUtf7 { name } => format!("NO [CANNOT]\u{a0}: dans un nom de dossier, & ouvre une suite de lettres non ASCII écrites en UTF-7 modifié (& puis du base64, terminé par -), et un & seul s’écrit &-. «\u{a0}{name}\u{a0}» ne respecte pas cette règle (RFC 3501 §5.1.3). Écrivez plutôt «\u{a0}{}\u{a0}».", name.replace('&', "&-")),
        UnknownCte => "NO [UNKNOWN-CTE]\u{a0}: BINARY livre une partie débarrassée de son encodage de transfert (base64, quoted-printable), et cette partie utilise un encodage que le serveur ne sait pas défaire, ou c’est un multipart qui n’en a pas. Demandez-la plutôt avec BODY[…].".into(),
        ClosedPrevious => "OK [CLOSED]\u{a0}: le dossier sélectionné auparavant est fermé\u{202f}; ce qui suit concerne le nouveau. Les mises à jour de l’ancien dossier s’arrêtent là.".into(),
        NulInMessage => "BAD\u{a0}: le message contient un octet NUL (un octet nul). Un littéral IMAP transporte tout octet sauf NUL (RFC 9051 §4.3)\u{a0}: le message n’a pas été enregistré.".into(),
        ClosedQuietly { expunged } => format!("OK\u{a0}: le dossier est fermé\u{202f}; {}, sans réponses EXPUNGE.", count_of(*expunged, "message marqué \\Deleted supprimé", "messages marqués \\Deleted supprimés")),
    }
}

/// Un nombre et son nom, en français.
fn count_of(n: usize, one: &str, many: &str) -> String {
    crate::vocab::count(crate::vocab::Lang::Fr, n, one, many)
}

fn state_phrase(command: CommandName, state: ImapState) -> &'static str {
    let before_login = matches!(
        command,
        CommandName::StartTls | CommandName::Login | CommandName::Authenticate
    );
    match state {
        ImapState::NotAuthenticated => {
            "avant l’authentification\u{a0}: LOGIN ou AUTHENTICATE d’abord"
        }
        _ if before_login => "une fois authentifié\u{a0}: elle appartient à l’état non authentifié",
        ImapState::Authenticated => "sans dossier sélectionné\u{a0}: SELECT ou EXAMINE d’abord",
        ImapState::Selected | ImapState::Logout => "maintenant",
    }
}

fn command(c: CommandName) -> &'static str {
    use CommandName::*;
    match c {
        Capability => "Demande quelles fonctions le serveur propose.",
        Noop => "Ne fait rien, mais laisse au serveur l’occasion de signaler les nouvelles\u{a0}: courrier arrivé, indicateurs changés, suppressions.",
        Logout => "Termine la session\u{a0}: le serveur répond BYE, puis OK, et ferme la connexion.",
        StartTls => "Demande à chiffrer la connexion avec TLS avant de s’authentifier.",
        Authenticate => "S’authentifie avec un mécanisme SASL\u{202f}; PLAIN envoie nom et mot de passe en base64.",
        Login => "S’authentifie avec un nom d’utilisateur et un mot de passe.",
        Enable => "Active une extension pour cette session, comme IMAP4rev2.",
        Id => "Indique au serveur quel client parle, et demande quel serveur répond.",
        Namespace => "Demande comment les noms de dossiers sont organisés\u{a0}: préfixes et séparateur.",
        Select => "Ouvre un dossier pour lire et modifier ses messages.",
        Examine => "Ouvre un dossier en lecture seule\u{a0}: lire un message ne le marquera même pas \\Seen.",
        Create => "Crée un dossier sur le serveur, où tous les appareils le verront.",
        Delete => "Supprime un dossier et les messages qu’il contient.",
        Rename => "Renomme un dossier\u{202f}; ses messages et leurs UID restent les mêmes.",
        Subscribe => "Ajoute un nom aux abonnements, les dossiers qu’affiche le client. Un abonnement est un nom, pas le dossier\u{a0}: CREATE n’abonne pas, et DELETE laisse le nom abonné (RFC 9051 §6.3.7).",
        Unsubscribe => "Retire un nom des abonnements\u{202f}; le dossier reste. Cela vaut pour tout nom, même celui d’un dossier supprimé (RFC 9051 §6.3.8).",
        List => "Liste les dossiers dont le nom correspond à un motif\u{a0}: * correspond à tout, % à tout sauf le séparateur.",
        Lsub => "Liste les dossiers abonnés (IMAP4rev1\u{202f}; IMAP4rev2 passe par des options de LIST).",
        Status => "Demande les compteurs d’un dossier sans le sélectionner.",
        Append => "Enregistre un message dans un dossier\u{a0}: c’est ainsi qu’un client garde une copie des envois ou un brouillon.",
        Idle => "Attend que le serveur signale aussitôt les nouvelles, jusqu’à DONE.",
        Check => "Un point de contrôle d’IMAP4rev1\u{202f}; aujourd’hui, il fait comme NOOP.",
        Close => "Ferme le dossier et supprime sans bruit les messages marqués \\Deleted.",
        Unselect => "Ferme le dossier sans rien supprimer.",
        Expunge => "Supprime définitivement les messages marqués \\Deleted, sur tous les appareils.",
        Search => "Cherche les messages qui répondent aux critères\u{202f}; la réponse donne leurs numéros.",
        Fetch => "Demande des données sur des messages\u{a0}: indicateurs, en-têtes, structure, corps. BODY[] sans .PEEK marque le message \\Seen.",
        Store => "Change les indicateurs\u{a0}: FLAGS remplace, +FLAGS ajoute, -FLAGS retire\u{202f}; .SILENT supprime la réponse FETCH non étiquetée avec les nouveaux indicateurs (le OK étiqueté arrive quand même).",
        Copy => "Copie des messages dans un autre dossier\u{202f}; les originaux restent en place.",
        Move => "Déplace des messages dans un autre dossier\u{a0}: une copie, puis les originaux sont supprimés (EXPUNGE).",
        Uid => "La forme UID\u{a0}: les numéros sont des UID plutôt que des numéros de séquence\u{202f}; un UID reste le même tant que l’UIDVALIDITY du dossier ne change pas.",
    }
}
