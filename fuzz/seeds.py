#!/usr/bin/env python3
"""Writes the fuzzers' seed corpus from the engine's transcripts.

Each transcript in protocols/tests/transcripts/<protocol>/ becomes one seed for
<protocol>_session (the client's lines, each ending a TCP segment, after the two bytes the
target reads first: port 0 and "log in first" off), and each of its client lines one seed
for the grammars target. Worlds and scenarios in the repository seed the files target.
"""
import hashlib
import pathlib

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
TRANSCRIPTS = ROOT / "protocols" / "tests" / "transcripts"


def write(target: str, data: bytes) -> None:
    folder = FUZZ / "seeds" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def client_lines(text: str) -> list[bytes]:
    lines = []
    for line in text.splitlines():
        if line.startswith("C: "):
            lines.append(line[3:].encode())
        elif line == "C:":
            lines.append(b"")
    return lines


def main() -> None:
    for protocol in ("smtp", "pop3", "imap"):
        for transcript in sorted((TRANSCRIPTS / protocol).glob("*.txt")):
            lines = client_lines(transcript.read_text(encoding="utf-8"))
            write(f"{protocol}_session", b"\x00\x00" + b"".join(l + b"\r\n\xff" for l in lines))
            for line in lines:
                write("grammars", line)
    for pattern in ("protocols/presets/*.json", "protocols/presets/**/*.eml", "server/tests/conformance/messages/*.eml"):
        for path in sorted(ROOT.glob(pattern)):
            write("files", path.read_bytes())
    for target in sorted((FUZZ / "seeds").iterdir()):
        print(f"{target.name}: {len(list(target.iterdir()))} seeds")


if __name__ == "__main__":
    main()
