"""Sending email: to the log (the default, so nothing leaves a development machine) or through an SMTP server.

Chosen by STORYBANK_EMAIL_SENDER ("log" or "smtp"; "smtp" when only STORYBANK_SMTP_URL is set). SMTP is set from
the environment: STORYBANK_SMTP_URL (smtp://user:password@host:port, or smtps:// for TLS from the start),
STORYBANK_SMTP_STARTTLS (upgrade a plain connection with STARTTLS) and STORYBANK_MAIL_FROM (the sender address).
A message that fails is tried again a few times, waiting longer each time (``send_with_retries``); whoever sends
it decides what happens if it never goes, and never undoes anything because of it.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

log = logging.getLogger("storybank.email")


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    text: str
    html: str


class EmailSender(Protocol):
    def send(self, email: Email) -> None: ...


class LogEmailSender:
    """Writes the message to the log instead of sending it, so nothing leaves the machine in development."""

    def send(self, email: Email) -> None:
        log.info("Email to %s: %s\n%s", email.to, email.subject, email.text)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    implicit_tls: bool
    starttls: bool
    sender: str
    timeout: float = 20.0

    @classmethod
    def from_url(cls, url: str, sender: str, starttls: bool = False) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise RuntimeError("STORYBANK_SMTP_URL must look like smtp://user:password@host:port (or smtps://).")
        implicit = parts.scheme == "smtps"
        return cls(host=parts.hostname, port=parts.port or (465 if implicit else 25),
                   username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None,
                   implicit_tls=implicit, starttls=starttls and not implicit, sender=sender)


class SmtpEmailSender:
    """One connection per message: outcomes are a handful a day, and a fresh connection has no stale state."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> SmtpEmailSender:
        url, sender = config.get("STORYBANK_SMTP_URL"), config.get("STORYBANK_MAIL_FROM")
        if not url or not sender:
            raise RuntimeError("Email by SMTP needs STORYBANK_SMTP_URL and STORYBANK_MAIL_FROM.")
        return cls(SmtpSettings.from_url(url, sender, bool(config.get("STORYBANK_SMTP_STARTTLS"))))

    def message(self, email: Email) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.settings.sender
        message["To"] = email.to
        message["Subject"] = email.subject
        message["Message-ID"] = make_msgid(domain=self.settings.sender.rpartition("@")[2] or None)
        message.set_content(email.text)
        message.add_alternative(email.html, subtype="html")
        return message

    def send(self, email: Email) -> None:
        s = self.settings
        context = ssl.create_default_context()
        if s.implicit_tls:
            connection = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
        else:
            connection = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        with connection:
            if s.starttls:
                connection.starttls(context=context)
            if s.username:
                connection.login(s.username, s.password or "")
            connection.send_message(self.message(email))


SENDERS: dict[str, Callable[[Mapping[str, Any]], EmailSender]] = {
    "log": lambda _config: LogEmailSender(),
    "smtp": SmtpEmailSender.from_config,
}


def sender_from_config(config: Mapping[str, Any]) -> EmailSender:
    chosen = config.get("STORYBANK_EMAIL_SENDER", "log")
    if not isinstance(chosen, str):
        return chosen  # tests may put a sender object straight into the config
    if chosen not in SENDERS:
        raise RuntimeError(f"STORYBANK_EMAIL_SENDER is {chosen!r}; it can be one of: {', '.join(SENDERS)}.")
    return SENDERS[chosen](config)


def send_with_retries(sender: EmailSender, email: Email, attempts: int = 3, wait_seconds: float = 1.0,
                      sleep: Callable[[float], None] = time.sleep) -> bool:
    """Try ``attempts`` times, waiting wait_seconds, then twice that, and so on; True once it is sent. Each failure
    is logged (never the message's words); the caller decides what a message that never went means."""
    for attempt in range(1, attempts + 1):
        try:
            sender.send(email)
        except (smtplib.SMTPException, OSError) as error:
            log.warning("Email to %s failed (attempt %d of %d): %s", email.to, attempt, attempts, error)
            if attempt < attempts:
                sleep(wait_seconds * 2 ** (attempt - 1))
        else:
            return True
    return False
