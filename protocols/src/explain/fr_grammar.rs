//! Parser diagnostics in French: what was expected, and the hint that goes with it. Each
//! protocol's catalogue uses these for its syntax errors.

use crate::crossover::Foreign;
use crate::grammar::{Diagnostic, Expected, Hint};
use crate::port::Service;

/// Une commande d’un autre protocole : lequel, et quoi taper ici à la place.
pub(super) fn foreign(f: &Foreign) -> String {
    let (word, there, here) = (&f.word, f.protocol.name(), f.here.name());
    match &f.instead {
        Some(instead) => format!(
            "{word} est une commande {there}, et ce serveur parle {here}. En {here}, tapez plutôt {instead}."
        ),
        None => format!(
            "{word} est une commande {there}, et ce serveur parle {here}. {}",
            roles(f.protocol, f.here)
        ),
    }
}

fn roles(a: Service, b: Service) -> String {
    let role = |s| match s {
        Service::Smtp => "SMTP envoie le courrier",
        Service::Pop3 => {
            "POP3 le télécharge sur l’appareil (et, le plus souvent, l’efface du serveur)"
        }
        Service::Imap => "IMAP le lit là où le serveur le garde",
    };
    format!("{}\u{202f}; {}.", role(a), role(b))
}

pub(super) fn expected(e: Expected) -> &'static str {
    match e {
        Expected::Space => "une espace",
        Expected::Domain => "un nom de domaine comme laptop.example.test",
        Expected::FromColon => "FROM: juste après MAIL",
        Expected::ToColon => "TO: juste après RCPT",
        Expected::AnglePath => "une adresse entre chevrons, comme <bob@example.test>",
        Expected::At => "un @ entre l’utilisateur et le domaine",
        Expected::LocalPart => "la partie utilisateur de l’adresse, avant le @",
        Expected::CloseAngle => "un chevron fermant >",
        Expected::Parameter => "un paramètre comme SIZE=1000",
        Expected::Mechanism => "un nom de mécanisme comme PLAIN",
        Expected::Base64 => "du texte en base64",
        Expected::MessageNumber => "un numéro de message comme 1",
        Expected::LineCount => "un nombre de lignes",
        Expected::UserName => "un nom d’utilisateur",
        Expected::Argument => "un argument",
        Expected::EndOfLine => "la fin de la ligne",
        Expected::Tag => "une étiquette comme a1, que le serveur répète dans sa réponse",
        Expected::CommandName => "un nom de commande comme FETCH",
        Expected::Mailbox => "un nom de dossier comme INBOX ou \"Mon dossier\"",
        Expected::AString => "un mot, une chaîne entre guillemets ou un littéral",
        Expected::String => "une chaîne entre guillemets ou un littéral",
        Expected::SequenceSet => "des numéros de message comme 1, 2:4 ou 1:*",
        Expected::FetchAttribute => "un élément de FETCH comme FLAGS, ENVELOPE ou BODY.PEEK[]",
        Expected::Flag => "un indicateur comme \\Seen ou \\Flagged",
        Expected::SearchKey => "un critère de recherche comme UNSEEN ou FROM alice",
        Expected::Date => "une date comme 1-Nov-2026",
        Expected::DateTime => "une date et une heure comme \"27-Nov-2026 09:00:00 +0000\"",
        Expected::OpenParen => "une parenthèse ouvrante",
        Expected::CloseParen => "une parenthèse fermante",
        Expected::ListOption => "des options de LIST entre parenthèses, comme (SUBSCRIBED) ou RETURN (CHILDREN SPECIAL-USE)",
        Expected::StatusItem => "un élément de STATUS comme MESSAGES ou UNSEEN",
        Expected::Section => "une section comme [], [HEADER] ou [1.2] et son ] fermant",
        Expected::StoreAction => "FLAGS, +FLAGS ou -FLAGS",
    }
}

pub(super) fn hint(h: Hint) -> &'static str {
    match h {
        Hint::AngleBrackets => "Dans MAIL et RCPT, l’adresse se met entre chevrons\u{a0}: MAIL FROM:<alice@example.test>.",
        Hint::NoSpaceAfterColon => "La RFC 5321 ne met pas d’espace entre les deux-points et le <\u{a0}: écrivez FROM:<…> et non FROM: <…>.",
        Hint::KeywordMissing => "Il manque le mot-clé\u{a0}: on écrit MAIL FROM:<…> et RCPT TO:<…>.",
        Hint::SayWhoYouAre => "Présentez-vous\u{a0}: EHLO suivi du nom de votre machine, par exemple EHLO laptop.example.test.",
        Hint::CountFromOne => "Les messages sont numérotés à partir de 1, comme le montrent STAT et LIST.",
        Hint::MissingTag => "Toute commande IMAP commence par une étiquette comme a1\u{a0}: a1 LOGIN bob builder. Le serveur s’en sert pour dire à quelle commande il répond.",
        Hint::QuoteSpaces => "Un nom qui contient des espaces se met entre guillemets\u{a0}: \"Mon dossier\".",
        Hint::FlagBackslash => "Les indicateurs système commencent par une barre oblique inverse\u{a0}: \\Seen, \\Flagged, \\Deleted.",
    }
}

pub(super) fn diagnostic(d: &Diagnostic) -> String {
    let mut text = format!(
        "Colonne {}\u{a0}: on attendait {}.",
        d.column,
        expected(d.expected)
    );
    if let Some(h) = d.hint {
        text.push(' ');
        text.push_str(hint(h));
    }
    text
}
