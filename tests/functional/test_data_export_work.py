"""A trainer's copy of their data holds their API tokens, saved searches and training packs, with the share links'
names and dates: never a token itself, and never the words of a story in one of their packs."""

from __future__ import annotations

import json
from datetime import timedelta

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs import services as packs
from storybank.packs.delivery_models import PackVersion, ShareLink
from storybank.packs.links import hash_token, new_token
from storybank.privacy.data_rights import personal_data
from storybank.search.models import SavedSearch
from tests.factories import make_user
from tests.library_builders import approved


def test_a_trainers_copy_holds_tokens_saved_searches_and_packs_but_no_secret_and_no_story_words(app):
    trainer = make_user(Role.TRAINER, username="tess")
    other = make_user(Role.TRAINER, username="otto")
    author = make_user(Role.CONTRIBUTOR)
    story = approved(author, "Words only the story holds: marmalade at midnight.", title="Night")
    secret = token_services.create_token(trainer, "Learning system", trainer).secret
    db.session.add(SavedSearch(user_id=trainer.id, name="Waiting", query="q=waiting&purpose=training"))
    pack = packs.create_pack(trainer, packs.PackDetails(title="Induction", audience="New carers"))
    packs.add_story(pack, trainer, story.reference)
    packs.create_pack(other, packs.PackDetails(title="Someone else's pack"))
    version = PackVersion(pack_id=pack.id, number=1, title=pack.title, purpose=pack.purpose, sections=[])
    db.session.add(version)
    db.session.flush()
    token = new_token()
    db.session.add(ShareLink(version_id=version.id, token_hash=hash_token(token), session_name="Induction, 12 March",
                             created_by_id=trainer.id, expires_at=utcnow() + timedelta(days=30)))
    db.session.commit()

    data = personal_data(trainer)
    text = json.dumps(data)
    assert [t["name"] for t in data["api_tokens"]] == ["Learning system"]
    assert [s["name"] for s in data["saved_searches"]] == ["Waiting"]
    assert [p["title"] for p in data["training_packs"]] == ["Induction"]
    mine = data["training_packs"][0]
    assert mine["audience"] == "New carers" and [v["number"] for v in mine["versions_published"]] == [1]
    assert [s["is_a_story"] for s in mine["sections"]] == [True]
    assert [link["session_name"] for link in mine["share_links"]] == ["Induction, 12 March"]
    for never in (secret, token, hash_token(token), "marmalade", "Someone else's pack"):
        assert never not in text, never
