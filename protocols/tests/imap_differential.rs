//! Differential test of Facteur's IMAP grammar against imap-codec: on every line of
//! `tests/imap/corpus.txt` both must accept, or both must reject, except for the
//! deliberate differences listed below with their reason.

use facteur_protocols::imap::{parse, split_literals};
use imap_codec::decode::Decoder;
use imap_codec::CommandCodec;

/// Lines where Facteur deliberately disagrees with imap-codec, and why.
const DIFFERENCES: &[(&str, &str)] = &[
    (
        "a1 STATUS INBOX ()",
        "RFC 9051 §9 `status` requires at least one status-att; imap-codec tolerates an empty list",
    ),
    (
        "a1 FETCH 1 ()",
        "RFC 9051 §9: a parenthesised fetch list holds at least one fetch-att; imap-codec tolerates an empty list",
    ),
    (
        "a1 STORE 1 +FLAGS (\\Recent)",
        "RFC 9051 removed \\Recent, and RFC 3501 already forbade clients to set it (§2.3.2)",
    ),
    ("a1 STORE 1:3 FLAGS (\\Bogus)", BOGUS_FLAG),
    ("a1 STORE 1:3 +FLAGS (\\Bogus)", BOGUS_FLAG),
    ("a1 STORE 1:3 -FLAGS (\\Bogus)", BOGUS_FLAG),
    ("a1 STORE 1:3 FLAGS.SILENT (\\Bogus)", BOGUS_FLAG),
    ("a1 STORE 1:3 +FLAGS.SILENT (\\Bogus)", BOGUS_FLAG),
    ("a1 STORE 1:3 -FLAGS.SILENT (\\Bogus)", BOGUS_FLAG),
];

const BOGUS_FLAG: &str = "flag-extension: clients must accept unknown \\ flags in responses, but Facteur's server refuses to store one it does not define (RFC 9051 §2.3.2), with a diagnostic pointing at the flag";

fn corpus() -> Vec<String> {
    let text = include_str!("imap/corpus.txt");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("\\r\\n", "\r\n"))
        .collect()
}

fn ours(line: &str) -> bool {
    split_literals(line.as_bytes()).is_some_and(|(text, literals)| parse(&text, &literals).is_ok())
}

fn theirs(line: &str) -> bool {
    let wire = format!("{line}\r\n");
    matches!(CommandCodec::default().decode(wire.as_bytes()), Ok((rest, _)) if rest.is_empty())
}

#[test]
fn the_corpus_is_large_enough() {
    assert!(corpus().len() >= 300, "{} lines", corpus().len());
}

#[test]
fn facteur_and_imap_codec_agree_on_accept_or_reject() {
    let mut unexpected = Vec::new();
    let mut seen = Vec::new();
    for line in corpus() {
        let (a, b) = (ours(&line), theirs(&line));
        let shown = line.replace("\r\n", "\\r\\n");
        let listed = DIFFERENCES.iter().any(|(l, _)| *l == shown);
        if a != b {
            if listed {
                seen.push(shown);
            } else {
                unexpected.push(format!(
                    "{shown:?}: facteur {}, imap-codec {}",
                    verdict(a),
                    verdict(b)
                ));
            }
        } else if listed {
            unexpected.push(format!(
                "{shown:?} is listed as a difference but both {}",
                verdict(a)
            ));
        }
    }
    assert!(
        unexpected.is_empty(),
        "{} disagreements:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert_eq!(
        seen.len(),
        DIFFERENCES.len(),
        "every listed difference is in the corpus"
    );
}

fn verdict(accepts: bool) -> &'static str {
    if accepts {
        "accepts"
    } else {
        "rejects"
    }
}
