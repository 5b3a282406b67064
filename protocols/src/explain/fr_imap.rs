//! Le catalogue français pour IMAP.

use super::fr_grammar::diagnostic;
use crate::imap::{CommandName, ImapNote, ImapState};

pub(super) fn imap(n: &ImapNote) -> String {
    use ImapNote::*;
    match n {
        Command(c) => command(*c).into(),
        LiteralData => "Données d’un littéral : un bloc de texte dont la longueur est annoncée d’abord, si bien qu’il peut tout contenir, sauts de ligne compris. Exactement le nombre d’octets annoncé entre {…}, envoyés tels quels.".into(),
        CommandContinued => "La suite de la commande, après le littéral.".into(),
        AuthResponse { decoded } => format!("Les identifiants en base64. Décodés, ils donnent « {decoded} » : le base64 ne cache rien, d’où le refus d’IMAP avant TLS."),
        AuthCancel => "Un astérisque seul annule l’authentification en cours.".into(),
        Done => "DONE met fin à IDLE ; le serveur termine alors la commande IDLE.".into(),
        Unparsed => "Le serveur n’a pas compris cette ligne ; sa réponse explique pourquoi.".into(),

        Greeting { host, encrypted, login_disabled } => {
            let mut t = format!("Le serveur {host} est prêt. En IMAP, le serveur parle en premier ; la liste CAPABILITY entre crochets évite au client un aller-retour.");
            if *encrypted {
                t.push_str(" Cette connexion est chiffrée dès le départ (port 993).");
            } else if *login_disabled {
                t.push_str(" LOGINDISABLED : aucun mot de passe ne peut être envoyé avant que STARTTLS ait chiffré la connexion.");
            }
            t
        }
        CapabilityList { login_disabled, starttls } => {
            let mut t = "Les fonctions que ce serveur propose maintenant. IMAP4rev1 et IMAP4rev2 sont les versions du protocole ; le reste, des extensions.".to_owned();
            if *starttls {
                t.push_str(" STARTTLS : la connexion peut être chiffrée.");
            }
            if *login_disabled {
                t.push_str(" LOGINDISABLED : LOGIN est refusé d’ici là.");
            }
            t
        }
        Completed(c) => format!("OK : le serveur a terminé la commande {}. L’étiquette est celle que le client a choisie : il sait ainsi quelle commande s’achève.", c.word()),
        LoggedIn { login } => format!("OK : authentifié en tant que {login}. La session passe à l’état authentifié ; la liste des capacités est renvoyée car elle a changé."),
        LoginDisabled => "NO [PRIVACYREQUIRED] : le mot de passe circulerait en clair. Envoyez d’abord STARTTLS, ou connectez-vous au port 993.".into(),
        AuthenticationFailed => "NO [AUTHENTICATIONFAILED] : nom d’utilisateur ou mot de passe incorrect.".into(),
        ContinueLiteral => "Une invitation à continuer (+) : le serveur est prêt à recevoir les octets du littéral. Sans LITERAL+, le client l’attend.".into(),
        ContinueAuthenticate => "Une invitation à continuer (+) : le serveur attend les identifiants en base64, sous la forme \\0utilisateur\\0motdepasse.".into(),
        AuthCancelled => "BAD : l’authentification a été annulée.".into(),
        AuthBadBase64 => "BAD : cette réponse n’est pas du base64 valide.".into(),
        UnknownMechanism { mechanism } => format!("NO : ce serveur ne propose pas {mechanism}. Les entrées AUTH= de CAPABILITY indiquent ce qu’il propose."),
        Idling => "Une invitation à continuer (+) : le serveur attend et signalera aussitôt les nouvelles (courrier arrivé, drapeaux changés, suppressions), jusqu’à ce que le client envoie DONE.".into(),
        ExpectedDone => "BAD : pendant IDLE, le client ne peut envoyer que DONE.".into(),
        WrongState { command, state } => format!("BAD : {} ne peut pas être utilisée {}.", command.word(), state_phrase(*command, *state)),
        UnknownCommand { word } => format!("BAD : {word} n’est pas une commande IMAP. CAPABILITY liste les extensions ; les commandes de base sont dans la RFC 9051."),
        MissingTag { word } => format!("BAD : « {word} » a été pris pour l’étiquette, car toute commande IMAP en commence par une. Écrivez d’abord une étiquette : a1 {word} …"),
        BadTag { diagnostic: d } => format!("BAD : une étiquette est un mot de lettres, de chiffres et de ponctuation comme a1, sans + ni guillemets. {}", diagnostic(d)),
        MissingCommand => "BAD : il y a une étiquette mais pas de commande après.".into(),
        EmptyLine => "BAD : la ligne était vide. Une commande IMAP ressemble à : a1 NOOP.".into(),
        Syntax { command, diagnostic: d } => format!("BAD : la commande {} existe, mais ses arguments sont incorrects. {}", command.word(), diagnostic(d)),
        LiteralTooBig { limit } => format!("NO [TOOBIG] : ce serveur accepte des littéraux d’au plus {limit} octets."),
        LineTooLong { limit } => format!("BAD : une ligne de commande fait au plus {limit} octets ; envoyez les longues valeurs en littéral."),
        BareLfRefused => "BAD : cette ligne se termine par un LF seul. Les lignes IMAP se terminent par CR LF, et le mode strict l’exige du client.".into(),
        InvalidName { name } => format!("NO [CANNOT] : « {name} » n’est pas un nom utilisable : il est vide, ou a un niveau vide entre deux « / »."),
        HasChildren { name } => format!("NO [HASCHILDREN] : « {name} » contient encore des sous-dossiers. Supprimez-les d’abord."),
        SameMailbox => "NO [CANNOT] : les messages sont déjà dans ce dossier. La RFC 6851 permet de déplacer vers le même dossier (de nouveaux UID) ; ce serveur le refuse, c’est son choix.".into(),
        NoSuchMailbox { name } => format!("NO [NONEXISTENT] : il n’y a pas de dossier « {name} ». LIST \"\" * les montre tous."),
        AlreadyExists { name } => format!("NO [ALREADYEXISTS] : « {name} » existe déjà ; choisissez un autre nom."),
        TryCreate { name } => format!("NO [TRYCREATE] : « {name} » n’existe pas ; ce code indique au client qu’il peut le créer (CREATE) puis réessayer."),
        CannotDeleteInbox => "NO : INBOX existe toujours et ne peut pas être supprimée.".into(),
        ReadOnly => "NO [READ-ONLY] : le dossier a été ouvert avec EXAMINE, rien ne peut y changer. Sélectionnez-le (SELECT) pour faire des modifications.".into(),
        InvalidSequence { exists } => format!("BAD : les numéros de message vont de 1 à {exists} dans ce dossier (« * » désigne le dernier)."),
        BadCharset { charset } => format!("NO [BADCHARSET] : {charset} n’est pas pris en charge ; le code liste les jeux de caractères acceptés."),
        TlsReady => "OK : commencez la négociation TLS. Dans Facteur, le chiffrement est simulé. Redemandez ensuite CAPABILITY : la liste change.".into(),
        TlsActive => "BAD : la connexion est déjà chiffrée, ou ce serveur ne propose pas STARTTLS.".into(),
        Bye => "BYE : le serveur ferme la connexion.".into(),
        Exists { count } => format!("Le dossier contient maintenant {}. Quand ce nombre augmente, du courrier est arrivé.", crate::vocab::count(crate::vocab::Lang::Fr, *count as usize, "message", "messages")),
        Recent => "RECENT est un compteur d’IMAP4rev1 : les messages nouveaux pour cette session. Facteur ne gère pas \\Recent (abandonné par IMAP4rev2), donc il vaut 0.".into(),
        Expunge { seq } => format!("Le message {seq} a été supprimé définitivement. Tous les messages suivants descendent d’un numéro."),
        FlagsUpdate { seq } => format!("Les drapeaux du message {seq}, tels qu’ils sont sur le serveur. Quand un autre appareil les a changés, c’est ainsi que celui-ci l’apprend."),
        FetchData { seq } => format!("Les données demandées sur le message {seq}."),
        LiteralContent => "Une partie des données du message, envoyée en littéral.".into(),
        MailboxFlags => "Les drapeaux qui existent dans ce dossier.".into(),
        PermanentFlags { read_only: false } => "Les drapeaux que le client peut changer et qui restent sur le serveur ; \\* indique qu’il peut aussi créer des mots-clés.".into(),
        PermanentFlags { read_only: true } => "Aucun drapeau ne peut changer : le dossier est ouvert en lecture seule.".into(),
        UidValidity { value } => format!("UIDVALIDITY {value} : un nombre qui dit si les UID qu’un client a retenus valent encore. Tant qu’il ne change pas, un UID désigne toujours le même message, et les clients peuvent garder un cache ; s’il change, ils doivent les oublier."),
        UidNext { value } => format!("UIDNEXT {value} : l’UID que recevra le prochain message. Les UID ne font que croître."),
        FirstUnseen { seq } => format!("Le message {seq} est le premier non lu."),
        Selected { mailbox, read_only } => if *read_only {
            format!("OK [READ-ONLY] : « {mailbox} » est ouvert en lecture seule ; rien, pas même \\Seen, ne changera.")
        } else {
            format!("OK [READ-WRITE] : « {mailbox} » est sélectionné ; les commandes sur les messages s’y appliquent désormais.")
        },
        ListLine { name } if name.is_empty() => "Le séparateur de hiérarchie est « / » : Work/2026 est un dossier dans Work.".into(),
        ListLine { name } => format!("Un dossier « {name} », avec des attributs comme \\HasChildren, \\Sent (son usage particulier), \\Subscribed, ou \\NonExistent pour un nom abonné dont le dossier n’existe plus."),
        LsubLine { name } => format!("« {name} » est abonné : les clients l’affichent dans leur liste de dossiers."),
        StatusLine { name } => format!("Les compteurs de « {name} », sans le sélectionner."),
        SearchResult { count, uid } => format!("Les {count} {} des messages qui correspondent.", if *uid { "UID" } else { "numéros" }),
        EsearchResult { count, uid } => format!("Le résultat SEARCH étendu d’IMAP4rev2 : {count} {} trouvés, en ensemble compact.", if *uid { "UID" } else { "messages" }),
        NamespaceLine => "Un seul espace personnel, sans préfixe, avec « / » comme séparateur ; pas de dossiers partagés ni d’autres utilisateurs.".into(),
        IdLine => "Le serveur indique quel logiciel il est.".into(),
        Enabled { rev2: true } => "IMAP4rev2 est activé pour cette session : plus de RECENT, et SEARCH répond par ESEARCH.".into(),
        Enabled { rev2: false } => "Rien de nouveau n’a été activé.".into(),
        CopyUid => "OK : copié. [COPYUID] donne l’UIDVALIDITY, les UID d’origine et les nouveaux UID dans le dossier cible : le client n’a pas à les chercher.".into(),
        MovedCopyUid => "Les messages sont dans le dossier cible ; [COPYUID] fait correspondre anciens et nouveaux UID. Suivent les EXPUNGE des originaux.".into(),
        AppendUid { uid, line_endings_fixed: 0 } => format!("OK [APPENDUID] : le message a été enregistré avec l’UID {uid}."),
        AppendUid { uid, line_endings_fixed } => format!("OK [APPENDUID] : le message a été enregistré avec l’UID {uid}. Il contenait {line_endings_fixed} fins de ligne autres que CRLF (un LF seul ou un CR seul) ; un message doit terminer chaque ligne par CRLF (RFC 5322 §2.3), ce serveur les a donc enregistrées en CRLF, comme la plupart des serveurs. Sa taille est celle du message enregistré."),
        NotModifiedUtf7 { name } => format!("NO [CANNOT] : dans un nom de dossier, & ouvre une suite de lettres non ASCII écrites en UTF-7 modifié (& puis du base64, terminé par -), et un & seul s’écrit &-. « {name} » ne respecte pas cette règle (RFC 3501 §5.1.3). Écrivez plutôt « {} ».", name.replace('&', "&-")),
        UnknownCte => "NO [UNKNOWN-CTE] : BINARY livre une partie débarrassée de son encodage de transfert (base64, quoted-printable), et cette partie utilise un encodage que le serveur ne sait pas défaire, ou c’est un multipart qui n’en a pas. Demandez-la plutôt avec BODY[…].".into(),
        ClosedPrevious => "OK [CLOSED] : le dossier sélectionné auparavant est fermé ; ce qui suit concerne le nouveau. Les mises à jour de l’ancien dossier s’arrêtent là.".into(),
        NulInMessage => "BAD : le message contient un octet NUL (un octet nul). Un littéral IMAP transporte tout octet sauf NUL (RFC 9051 §4.3) : le message n’a pas été enregistré.".into(),
        ClosedQuietly { expunged } => format!("OK : le dossier est fermé ; {} \\Deleted supprimés, sans réponses EXPUNGE.", crate::vocab::count(crate::vocab::Lang::Fr, *expunged, "message marqué", "messages marqués")),
    }
}

fn state_phrase(command: CommandName, state: ImapState) -> &'static str {
    let before_login = matches!(
        command,
        CommandName::StartTls | CommandName::Login | CommandName::Authenticate
    );
    match state {
        ImapState::NotAuthenticated => "avant l’authentification : LOGIN ou AUTHENTICATE d’abord",
        _ if before_login => "une fois authentifié : elle appartient à l’état non authentifié",
        ImapState::Authenticated => "sans dossier sélectionné : SELECT ou EXAMINE d’abord",
        ImapState::Selected | ImapState::Logout => "maintenant",
    }
}

fn command(c: CommandName) -> &'static str {
    use CommandName::*;
    match c {
        Capability => "Demande quelles fonctions le serveur propose.",
        Noop => "Ne fait rien, mais laisse au serveur l’occasion de signaler les nouvelles : courrier arrivé, drapeaux changés, suppressions.",
        Logout => "Termine la session : le serveur répond BYE, puis OK, et ferme la connexion.",
        StartTls => "Demande à chiffrer la connexion avec TLS avant de s’authentifier.",
        Authenticate => "S’authentifie avec un mécanisme SASL ; PLAIN envoie nom et mot de passe en base64.",
        Login => "S’authentifie avec un nom d’utilisateur et un mot de passe.",
        Enable => "Active une extension pour cette session, comme IMAP4rev2.",
        Id => "Indique au serveur quel client parle, et demande quel serveur répond.",
        Namespace => "Demande comment les noms de dossiers sont organisés : préfixes et séparateur.",
        Select => "Ouvre un dossier pour lire et modifier ses messages.",
        Examine => "Ouvre un dossier en lecture seule : lire un message ne le marquera même pas \\Seen.",
        Create => "Crée un dossier sur le serveur, où tous les appareils le verront.",
        Delete => "Supprime un dossier et les messages qu’il contient.",
        Rename => "Renomme un dossier ; ses messages et leurs UID restent les mêmes.",
        Subscribe => "Ajoute un nom aux abonnements, les dossiers qu’affiche le client. Un abonnement est un nom, pas le dossier : CREATE n’abonne pas, et DELETE laisse le nom abonné (RFC 9051 §6.3.7).",
        Unsubscribe => "Retire un nom des abonnements ; le dossier reste. Cela vaut pour tout nom, même celui d’un dossier supprimé (RFC 9051 §6.3.8).",
        List => "Liste les dossiers dont le nom correspond à un motif : * correspond à tout, % à tout sauf le séparateur.",
        Lsub => "Liste les dossiers abonnés (IMAP4rev1 ; IMAP4rev2 passe par des options de LIST).",
        Status => "Demande les compteurs d’un dossier sans le sélectionner.",
        Append => "Enregistre un message dans un dossier : c’est ainsi qu’un client garde une copie des envois ou un brouillon.",
        Idle => "Attend que le serveur signale aussitôt les nouvelles, jusqu’à DONE.",
        Check => "Un point de contrôle d’IMAP4rev1 ; aujourd’hui, il fait comme NOOP.",
        Close => "Ferme le dossier et supprime sans bruit les messages marqués \\Deleted.",
        Unselect => "Ferme le dossier sans rien supprimer.",
        Expunge => "Supprime définitivement les messages marqués \\Deleted, sur tous les appareils.",
        Search => "Cherche les messages qui répondent aux critères ; la réponse donne leurs numéros.",
        Fetch => "Demande des données sur des messages : drapeaux, en-têtes, structure, corps. BODY[] sans .PEEK marque le message \\Seen.",
        Store => "Change les drapeaux : FLAGS remplace, +FLAGS ajoute, -FLAGS retire ; .SILENT supprime la réponse FETCH non étiquetée avec les nouveaux drapeaux (le OK étiqueté arrive quand même).",
        Copy => "Copie des messages dans un autre dossier ; les originaux restent en place.",
        Move => "Déplace des messages dans un autre dossier : une copie, puis les originaux sont supprimés (EXPUNGE).",
        Uid => "La forme UID : les numéros sont des UID plutôt que des numéros de séquence ; un UID reste le même tant que l’UIDVALIDITY du dossier ne change pas.",
    }
}
