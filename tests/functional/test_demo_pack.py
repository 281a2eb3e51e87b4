"""`flask seed-demo` also publishes a demo training pack with a share link, and says how to withdraw one of its
stories with its key, so a newcomer can watch the pack change at once."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlalchemy import func, select

from storybank.consent import services as consent_services
from storybank.extensions import db
from storybank.packs import links
from storybank.packs.delivery_models import PackVersion, ShareLink
from storybank.packs.models import Pack
from storybank.packs.services import PLACEHOLDER
from storybank.stories.models import StoryStatus
from storybank.stories.services import look_up_story

ADDRESS = re.compile(r"http://127\.0\.0\.1:5000/s/([A-Za-z0-9_-]{43})")
KEY = re.compile(r"story reference (SB-DEMO-\d\d) and story key ([0-9A-Z-]{19})")


def test_seed_demo_publishes_a_pack_with_a_link_and_a_key_that_withdraws_one_of_its_stories(runner, client):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    token = ADDRESS.search(result.output).group(1)
    reference, key = KEY.search(result.output).groups()
    assert db.session.scalar(select(ShareLink.token_hash)) == links.hash_token(token)
    [version] = db.session.scalars(select(PackVersion))
    assert version.title == "Demo: dignity in personal care"
    assert len([s for s in version.sections if s["kind"] == "story"]) == 2

    html = client.get(f"/s/{token}").get_data(as_text=True)
    assert "Demo: dignity in personal care" in html and PLACEHOLDER not in html

    story = look_up_story(reference, key)
    assert story is not None and story.status == StoryStatus.APPROVED
    words = str(escape(story.moderated_body.split(".")[0]))
    assert words in html

    consent_services.withdraw(story, None, actor_label="key holder")
    db.session.commit()
    html = client.get(f"/s/{token}").get_data(as_text=True)
    assert PLACEHOLDER in html and words not in html


def test_seed_demo_makes_the_demo_pack_once(runner):
    runner.invoke(args=["seed-demo"])
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert "The demo training pack is already there" in second.output
    assert not ADDRESS.search(second.output)
    assert db.session.scalar(select(func.count()).select_from(Pack)) == 1
    assert db.session.scalar(select(func.count()).select_from(ShareLink)) == 1
