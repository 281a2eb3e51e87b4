"""Email that really arrives: outcomes sent through a real SMTP server (aiosmtpd, started here on 127.0.0.1), as
plain text and HTML in the same words, with a link and none of the story's words; a failing server is tried
again a few times and never loses the notification on the page."""

from __future__ import annotations

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from storybank.config import load_config
from storybank.extensions import db
from storybank.mail import Email, LogEmailSender, SmtpEmailSender, SmtpSettings, send_with_retries, sender_from_config
from storybank.moderation.claims import claim
from storybank.moderation.decisions import request_changes
from storybank.moderation.notifications import notifications_for
from storybank.moderation.preparation import prepare_for_review
from storybank.stories.models import StoryStatus
from tests.moderation_steps import make_story

SECRET_MESSAGE = "Could you leave out the name of the home?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Mailbox:
    """Keeps what arrives; refuses the first ``refuse`` attempts with a temporary failure (451)."""

    def __init__(self, refuse: int = 0):
        self.refuse = refuse
        self.attempts = 0
        self.messages: list[email.message.EmailMessage] = []
        self.logins: list[tuple[str, str]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's hook name
        self.attempts += 1
        if self.attempts <= self.refuse:
            return "451 4.3.0 Please try again later"
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        if isinstance(auth_data, LoginPassword):
            self.logins.append((auth_data.login.decode(), auth_data.password.decode()))
            return AuthResult(success=auth_data.login == b"storybank" and auth_data.password == b"s@cret")
        return AuthResult(success=False)


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on a free port, and the app set to send through it (no waiting between tries)."""
    started = []

    def start(refuse: int = 0) -> Mailbox:
        box = Mailbox(refuse)
        port = free_port()
        controller = Controller(box, hostname="127.0.0.1", port=port, authenticator=box.authenticate,
                                auth_require_tls=False)
        controller.start()
        started.append(controller)
        app.config.update(STORYBANK_EMAIL_SENDER="smtp", STORYBANK_SMTP_URL=f"smtp://storybank:s%40cret@127.0.0.1:{port}",
                          STORYBANK_MAIL_FROM="stories@example.org", STORYBANK_EMAIL_RETRY_SECONDS=0,
                          STORYBANK_BASE_URL="https://storybank.example.org")
        return box

    yield start
    for controller in started:
        controller.stop()
    app.config.update(STORYBANK_EMAIL_SENDER="log", STORYBANK_SMTP_URL=None, STORYBANK_MAIL_FROM=None,
                      STORYBANK_BASE_URL=None)


def _changes_asked(contributor, moderator):
    contributor.email = "carol@example.com"
    story = make_story(contributor, title="Tea the way I like it")
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    request_changes(story, moderator, SECRET_MESSAGE)
    return story


def test_an_outcome_arrives_by_smtp_as_text_and_html_with_a_link_and_none_of_the_storys_words(
        app, contributor, moderator, smtp_server):
    box = smtp_server()
    story = _changes_asked(contributor, moderator)
    assert len(box.messages) == 1 and box.logins == [("storybank", "s@cret")]
    message = box.messages[0]
    assert message["To"] == "carol@example.com" and message["From"] == "stories@example.org"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for body in (text, html):
        assert "https://storybank.example.org/notifications" in body
        assert story.reference in body and "Hello carol" in body
        assert story.title not in body and SECRET_MESSAGE not in body and "Bernadette" not in body
    assert "<a href=\"https://storybank.example.org/notifications\">" in html


def test_a_server_that_fails_once_gets_the_email_on_the_next_try(app, contributor, moderator, smtp_server):
    box = smtp_server(refuse=1)
    _changes_asked(contributor, moderator)
    assert box.attempts == 2 and len(box.messages) == 1


def test_an_email_that_never_goes_is_logged_and_the_notification_and_decision_stay(
        app, contributor, moderator, smtp_server, caplog):
    box = smtp_server(refuse=10)
    with caplog.at_level("WARNING"):
        story = _changes_asked(contributor, moderator)
    assert box.attempts == 3 and box.messages == []
    assert "attempt 3 of 3" in caplog.text and "Gave up emailing" in caplog.text
    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED
    assert SECRET_MESSAGE in notifications_for(contributor)[0].text


def test_no_server_listening_is_retried_and_never_undoes_the_decision(app, contributor, moderator, smtp_server):
    smtp_server()
    app.config["STORYBANK_SMTP_URL"] = f"smtp://127.0.0.1:{free_port()}"
    story = _changes_asked(contributor, moderator)
    db.session.refresh(story)
    assert story.status == StoryStatus.CHANGES_REQUESTED and notifications_for(contributor)


def test_retries_wait_longer_each_time():
    class Broken:
        def send(self, message):
            raise ConnectionRefusedError("nobody there")

    waits: list[float] = []
    assert send_with_retries(Broken(), Email("a@example.org", "s", "t", "h"), attempts=3, wait_seconds=1.5,
                             sleep=waits.append) is False
    assert waits == [1.5, 3.0]


def test_the_smtp_address_says_where_who_and_how(tmp_path):
    plain = SmtpSettings.from_url("smtp://user%40example.org:p%3Ass@mail.example.org:587", "a@example.org",
                                  starttls=True)
    assert (plain.host, plain.port, plain.username, plain.password) == ("mail.example.org", 587,
                                                                        "user@example.org", "p:ss")
    assert plain.starttls and not plain.implicit_tls
    tls = SmtpSettings.from_url("smtps://mail.example.org", "a@example.org", starttls=True)
    assert tls.port == 465 and tls.implicit_tls and not tls.starttls and tls.username is None
    with pytest.raises(RuntimeError):
        SmtpSettings.from_url("http://mail.example.org", "a@example.org")


def test_the_log_sender_stays_the_default_and_an_smtp_url_chooses_smtp(tmp_path):
    assert load_config(tmp_path, env={})["STORYBANK_EMAIL_SENDER"] == "log"
    config = load_config(tmp_path, env={"STORYBANK_SMTP_URL": "smtp://mail.example.org:2525",
                                        "STORYBANK_MAIL_FROM": "stories@example.org",
                                        "STORYBANK_SMTP_STARTTLS": "true"})
    assert config["STORYBANK_EMAIL_SENDER"] == "smtp"
    assert SmtpEmailSender.from_config(config).settings.starttls
    assert isinstance(sender_from_config(load_config(tmp_path, env={})), LogEmailSender)
