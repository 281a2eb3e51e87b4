"""The consent gate holds on every surface that shows stories to people other than the author and moderators.

One table of stories (purpose × state × expiry × withdrawal), one expected answer per purpose written out by hand
(not asked of the gate), and every surface asked the same question: the search service and its snippets, the
search page, the trainer's story page, saved searches, "stories like this one", the public page, the API, and a
training pack (its story finder, adding a story, and its preview).
No original words and no removed detail ever appear on any of them.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent import services as consent_services
from storybank.consent.models import ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs import services as pack_services
from storybank.packs.models import Pack, PackPurpose, PackSection, SectionKind
from storybank.search.saved import save_search
from storybank.search.services import SearchFilters, index_story, search
from storybank.search.similar import stories_like
from storybank.stories.models import Story, StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagStatus
from tests.data_rights_builders import make_story
from tests.factories import make_user

SHARED = "Sunday tea with marmalade kindness"
ORIGINAL = "ORIGINALWORDS"
REMOVED = "Bernadette Okafor"
T, P, PUB = Purpose.TRAINING, Purpose.PARTNERS, Purpose.PUBLIC
ALL = (T, P, PUB, Purpose.RESEARCH, Purpose.QUOTES)

# title: (scopes, state). Expected visibility is written out below, by hand.
TABLE = {
    "training only": ((T,), "approved"),
    "partners only": ((P,), "approved"),
    "public only": ((PUB,), "approved"),
    "every use": (ALL, "approved"),
    "research and quotes only": ((Purpose.RESEARCH, Purpose.QUOTES), "approved"),
    "withdrawn": (ALL, "withdrawn"),
    "review date passed": (ALL, "expired"),
    "consent narrowed later": (ALL, "narrowed"),
    "waiting for a moderator": (ALL, StoryStatus.SUBMITTED),
    "being read": (ALL, StoryStatus.IN_REVIEW),
    "declined": (ALL, StoryStatus.DECLINED),
    "changes asked": (ALL, StoryStatus.CHANGES_REQUESTED),
}
EXPECTED = {
    T: {"training only", "every use"},
    P: {"partners only", "every use"},
    PUB: {"public only", "every use"},
}


def _build(author) -> dict[str, Story]:
    dignity = db.session.query(Tag).filter_by(slug="dignity").one()
    stories = {}
    for number, (title, (scopes, state)) in enumerate(TABLE.items()):
        status = state if isinstance(state, StoryStatus) else StoryStatus.APPROVED
        story = make_story(author, status=status, title=title, scopes=scopes,
                           body=f"{ORIGINAL} {REMOVED} said: {SHARED}.",
                           moderated_body=f"[Person A] said: {SHARED}." if status == StoryStatus.APPROVED else None)
        story.approved_at = utcnow() - timedelta(days=30 - number) if status == StoryStatus.APPROVED else None
        db.session.add(StoryTag(story_id=story.id, tag_id=dignity.id, status=TagStatus.CONFIRMED))
        db.session.flush()
        index_story(story.id)
        stories[title] = story
    db.session.commit()
    consent_services.withdraw(stories["withdrawn"], author)
    db.session.execute(update(ConsentRecord).where(ConsentRecord.story_id == stories["review date passed"].id)
                       .values(review_date=(utcnow() - timedelta(days=1)).date())
                       .execution_options(synchronize_session=False))
    narrowed = stories["consent narrowed later"]
    db.session.add(ConsentRecord(story_id=narrowed.id, training=False, partners=False, public=False,
                                 research=True, review_date=(utcnow() + timedelta(days=300)).date(),
                                 wording_version=narrowed.current_consent.wording_version))
    db.session.commit()
    return stories


@pytest.fixture
def table(app, contributor):
    return _build(contributor)


def _titles_in(text: str, stories: dict[str, Story]) -> set[str]:
    """Which of the table's stories a page names. Titles are distinct words, and each is checked by reference too
    (a surface could show a story under another heading)."""
    return {title for title, story in stories.items() if story.reference in text or f">{title}<" in text}


def _clean(text: str) -> str:
    assert ORIGINAL not in text and REMOVED not in text, "an original word or a removed detail was shown"
    return text


@pytest.mark.parametrize("purpose", [T, P])
def test_the_search_service_and_its_snippets_follow_the_gate(table, purpose):
    for words in ("", "marmalade", '"marmalade kindness"'):
        results = search(SearchFilters(text=words, purpose=purpose), per_page=100)
        assert {hit.story.title for hit in results.hits} == EXPECTED[purpose], words
        for hit in results.hits:
            _clean(str(hit.snippet))
    assert search(SearchFilters(text=ORIGINAL, purpose=purpose)).total == 0


@pytest.mark.parametrize("purpose", [T, P])
def test_the_trainer_pages_follow_the_gate(client, auth, trainer, table, purpose):
    auth.sign_in(trainer.username)
    listing = _clean(client.get(f"/search?purpose={purpose.value}&q=marmalade").get_data(as_text=True))
    assert _titles_in(listing, table) == EXPECTED[purpose]
    for title, story in table.items():
        response = client.get(f"/library/stories/{story.reference}?purpose={purpose.value}")
        _clean(response.get_data(as_text=True))
        assert (response.status_code == 200) == (title in EXPECTED[purpose]), title


@pytest.mark.parametrize("purpose", [T, P])
def test_saved_searches_follow_the_gate_when_they_are_run(client, auth, trainer, table, purpose):
    saved = save_search(trainer, "Tea", f"q=marmalade&purpose={purpose.value}")
    auth.sign_in(trainer.username)
    ran = client.get(f"/search/saved/{saved.id}", follow_redirects=True).get_data(as_text=True)
    assert _titles_in(_clean(ran), table) == EXPECTED[purpose]


@pytest.mark.parametrize("purpose", [T, P])
def test_stories_like_this_one_follow_the_gate(table, purpose):
    anchor = table["every use"]
    alike = {story.title for story in stories_like(anchor, purpose, limit=20)}
    assert alike == EXPECTED[purpose] - {"every use"}


def test_the_public_pages_follow_the_gate(app, table):
    visitor = app.test_client()
    listing = _clean(visitor.get("/stories").get_data(as_text=True))
    assert _titles_in(listing, table) == EXPECTED[PUB]
    themed = _clean(visitor.get("/stories?theme=dignity").get_data(as_text=True))
    assert _titles_in(themed, table) == EXPECTED[PUB]
    for title, story in table.items():
        response = visitor.get(f"/stories/read/{story.reference}")
        _clean(response.get_data(as_text=True))
        assert (response.status_code == 200) == (title in EXPECTED[PUB]), title


@pytest.mark.parametrize("purpose", [T, P])
def test_the_api_follows_the_gate(app, client, table, purpose):
    trainer = make_user(Role.TRAINER)
    db.session.commit()
    secret = token_services.create_token(trainer, "Checks", trainer).secret
    headers = {"Authorization": f"Bearer {secret}"}
    listing = client.get(f"/api/v1/stories?purpose={purpose.value}&q=marmalade", headers=headers)
    body = _clean(listing.get_data(as_text=True))
    assert {item["title"] for item in listing.get_json()["stories"]} == EXPECTED[purpose], body
    for title, story in table.items():
        response = client.get(f"/api/v1/stories/{story.reference}?purpose={purpose.value}", headers=headers)
        _clean(response.get_data(as_text=True))
        assert (response.status_code == 200) == (title in EXPECTED[purpose]), title


def test_withdrawing_takes_a_story_off_every_surface_in_the_same_request(app, client, auth, trainer, table,
                                                                         contributor):
    story = table["every use"]
    pack = _pack_holding_every_story(trainer, table, T)
    consent_services.withdraw(story, contributor)
    gone = {"every use"}
    auth.sign_in(trainer.username)
    assert not gone & {hit.story.title for hit in search(SearchFilters(text="marmalade"), per_page=100).hits}
    assert not gone & _titles_in(client.get("/search?q=marmalade").get_data(as_text=True), table)
    assert client.get(f"/library/stories/{story.reference}").status_code == 404
    assert story.title not in {s.title for s in stories_like(table["training only"], T, limit=20)}
    visitor = app.test_client()
    assert not gone & _titles_in(visitor.get("/stories").get_data(as_text=True), table)
    assert visitor.get(f"/stories/read/{story.reference}").status_code == 404
    secret = token_services.create_token(trainer, "Checks", trainer).secret
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get(f"/api/v1/stories/{story.reference}", headers=headers).status_code == 404
    titles = {item["title"] for item in client.get("/api/v1/stories", headers=headers).get_json()["stories"]}
    assert not gone & titles
    assert not gone & _titles_in(client.get(f"/packs/{pack.id}/preview").get_data(as_text=True), table)


def _pack_holding_every_story(owner, stories: dict[str, Story], purpose: Purpose) -> Pack:
    """A pack whose sections point at every story of the table, as if each had been usable when it was added."""
    pack = Pack(owner_id=owner.id, title="Every story", purpose=PackPurpose(purpose.value))
    db.session.add(pack)
    db.session.flush()
    for position, story in enumerate(stories.values(), start=1):
        db.session.add(PackSection(pack_id=pack.id, position=position, kind=SectionKind.STORY, story_id=story.id,
                                   title="", body="", prompts=[]))
    db.session.commit()
    return pack


@pytest.mark.parametrize("purpose", [T, P])
def test_a_training_pack_follows_the_gate(client, auth, trainer, table, purpose):
    pack = _pack_holding_every_story(trainer, table, purpose)
    auth.sign_in(trainer.username)
    preview = _clean(client.get(f"/packs/{pack.id}/preview").get_data(as_text=True))
    assert _titles_in(preview, table) == EXPECTED[purpose]
    assert preview.count(pack_services.PLACEHOLDER) == len(TABLE) - len(EXPECTED[purpose])
    finder = _clean(client.get(f"/packs/{pack.id}/stories?q=marmalade").get_data(as_text=True))
    assert _titles_in(finder, table) == EXPECTED[purpose]
    empty = Pack(owner_id=trainer.id, title="Empty", purpose=PackPurpose(purpose.value))
    db.session.add(empty)
    db.session.commit()
    added = set()
    for title, story in table.items():
        try:
            pack_services.add_story(empty, trainer, story.reference)
        except pack_services.PackError:
            continue
        added.add(title)
    assert added == EXPECTED[purpose]
