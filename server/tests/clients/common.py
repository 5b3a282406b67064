"""Shared helpers for the real-client checks: where the server listens, and a tiny assert."""
import os
import sys


def ports():
    return (
        int(os.environ["FACTEUR_SMTP_PORT"]),
        int(os.environ["FACTEUR_POP3_PORT"]),
        int(os.environ["FACTEUR_IMAP_PORT"]),
    )


HOST = "127.0.0.1"


def check(condition, message):
    if not condition:
        print("FAILED: " + message, file=sys.stderr)
        sys.exit(1)
