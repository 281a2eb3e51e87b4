"""Share-link tokens: long and random, kept as SHA-256, and a link is open only before it ends and while not ended
by hand."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from storybank.packs import links
from storybank.packs.delivery_models import ShareLink

NOW = datetime(2026, 3, 12, 10, 0, tzinfo=UTC)


def test_a_token_carries_256_random_bits_and_is_never_the_same_twice():
    tokens = {links.new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(token) == 43 and len(token) <= links.MAX_TOKEN_CHARS for token in tokens)


def test_a_token_is_kept_as_its_sha256():
    assert links.hash_token("abc") == hashlib.sha256(b"abc").hexdigest()
    assert len(links.hash_token(links.new_token())) == 64


def test_a_link_is_open_until_the_moment_it_ends_unless_it_was_revoked():
    link = ShareLink(expires_at=NOW + timedelta(seconds=1), revoked_at=None)
    assert links.is_open(link, NOW)
    assert not links.is_open(ShareLink(expires_at=NOW, revoked_at=None), NOW)
    assert not links.is_open(ShareLink(expires_at=NOW + timedelta(days=9), revoked_at=NOW - timedelta(days=1)), NOW)
