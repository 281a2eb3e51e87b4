"""Share-link tokens: long and random, kept as SHA-256, and a link is open only before it ends and while not ended
by hand. A token finds its link only if it could be one of ours; these tests are what ``make mutation`` runs
against storybank/packs/links.py."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from storybank.accounts.roles import Role
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs import links
from storybank.packs.delivery_models import ShareLink
from tests.factories import make_user
from tests.pack_builders import publish

NOW = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)


def _when(*, expires_at, revoked_at):
    """Only the two moments ``is_open`` reads: no model, so these tests need no database or app."""
    return SimpleNamespace(expires_at=expires_at, revoked_at=revoked_at)


def test_a_token_carries_256_random_bits_and_is_never_the_same_twice():
    tokens = {links.new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(token) == 43 and len(token) <= links.MAX_TOKEN_CHARS for token in tokens)


def test_a_token_is_kept_as_its_sha256():
    assert links.hash_token("abc") == hashlib.sha256(b"abc").hexdigest()
    assert len(links.hash_token(links.new_token())) == 64


def test_a_link_is_open_until_the_moment_it_ends_unless_it_was_revoked():
    link = _when(expires_at=NOW + timedelta(seconds=1), revoked_at=None)
    assert links.is_open(link, NOW)
    assert not links.is_open(_when(expires_at=NOW, revoked_at=None), NOW)
    assert not links.is_open(_when(expires_at=NOW + timedelta(days=9), revoked_at=NOW - timedelta(days=1)), NOW)


def test_a_token_is_hashed_from_its_utf8_bytes():
    assert links.hash_token("é") == hashlib.sha256("é".encode()).hexdigest()


def test_the_default_moment_is_now():
    """Without ``now``, a link is judged against the clock: open a minute before it ends, closed a minute after."""
    now = utcnow()
    assert links.is_open(_when(expires_at=now + timedelta(minutes=1), revoked_at=None))
    assert not links.is_open(_when(expires_at=now - timedelta(minutes=1), revoked_at=None))
    assert not links.is_open(_when(expires_at=now + timedelta(days=1), revoked_at=now - timedelta(minutes=1)))


def test_a_given_moment_is_used_rather_than_the_clock():
    ends = utcnow() + timedelta(days=1)
    assert not links.is_open(_when(expires_at=ends, revoked_at=None), ends + timedelta(days=1))
    assert links.is_open(_when(expires_at=ends - timedelta(days=2), revoked_at=None), ends - timedelta(days=3))


def _link_with_token(version, token: str, *, state: str = "open") -> ShareLink:
    now = utcnow()
    link = ShareLink(version_id=version.id, token_hash=links.hash_token(token), created_by_id=version.published_by_id,
                     expires_at=now - timedelta(minutes=1) if state == "expired" else now + timedelta(days=1),
                     revoked_at=now - timedelta(minutes=1) if state == "revoked" else None)
    db.session.add(link)
    db.session.flush()
    return link


@pytest.fixture
def version(app):
    return publish(make_user(Role.TRAINER), [])


def test_a_token_finds_its_own_link_open_or_not_and_a_stranger_finds_none(version):
    opened = _link_with_token(version, "open-token")
    revoked = _link_with_token(version, "revoked-token", state="revoked")
    expired = _link_with_token(version, "expired-token", state="expired")
    assert links.link_for_token("open-token") is opened
    assert links.link_for_token("revoked-token") is revoked
    assert links.link_for_token("expired-token") is expired
    assert links.link_for_token("not-a-token-of-ours") is None


def test_only_an_open_link_is_live(version):
    opened = _link_with_token(version, "open-token")
    _link_with_token(version, "revoked-token", state="revoked")
    _link_with_token(version, "expired-token", state="expired")
    assert links.live_link("open-token") is opened
    assert links.live_link("revoked-token") is None
    assert links.live_link("expired-token") is None
    assert links.live_link("not-a-token-of-ours") is None


def test_a_token_of_up_to_64_characters_is_looked_up_and_a_longer_or_empty_one_never_is(version):
    """Even a row whose hash matches is not found for an empty or overlong token: those are refused before any
    hashing or query."""
    longest = "a" * links.MAX_TOKEN_CHARS
    made = _link_with_token(version, longest)
    assert links.link_for_token(longest) is made
    _link_with_token(version, "b" * (links.MAX_TOKEN_CHARS + 1))
    _link_with_token(version, "")
    assert links.link_for_token("b" * (links.MAX_TOKEN_CHARS + 1)) is None
    assert links.live_link("b" * (links.MAX_TOKEN_CHARS + 1)) is None
    assert links.link_for_token("") is None
    assert links.live_link("") is None
