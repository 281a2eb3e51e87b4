"""Stories like this one: other stories the trainer may use for the same purpose, alike in confirmed tags and words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storybank.consent import services as consent_services
from storybank.consent.models import ConsentRecord, Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.search.services import index_story
from storybank.search.similar import distinctive_candidates, stories_like
from storybank.stories.models import Story
from storybank.tagging.models import StoryTag, Tag, TagStatus
from tests.data_rights_builders import make_story


def approved(author, body: str, *, title: str, tags=(), suggested=(), scopes=(Purpose.TRAINING,), days_ago=5):
    story = make_story(author, body="ORIGINAL " + body, moderated_body=body, title=title, scopes=scopes)
    story.approved_at = utcnow() - timedelta(days=days_ago)
    for slug in tags:
        db.session.add(StoryTag(story_id=story.id, tag_id=_tag(slug), status=TagStatus.CONFIRMED))
    for slug in suggested:
        db.session.add(StoryTag(story_id=story.id, tag_id=_tag(slug), status=TagStatus.SUGGESTED))
    db.session.flush()
    index_story(story.id)
    db.session.commit()
    return story


def _tag(slug: str) -> int:
    return db.session.scalar(select(Tag.id).where(Tag.slug == slug))


def titles(stories) -> list[str]:
    return [story.title for story in stories]


def test_sharing_confirmed_tags_ranks_a_story_higher_than_sharing_a_word(contributor):
    this = approved(contributor, "The commode was left by the window all morning.", title="This one",
                    tags=("dignity", "choice_and_control"))
    approved(contributor, "Nobody emptied the commode.", title="Same word")
    approved(contributor, "The carer sang songs with me.", title="Same tags", tags=("dignity", "choice_and_control"))
    approved(contributor, "The carer sang songs with me.", title="One tag", tags=("dignity",))
    approved(contributor, "Cold tea again.", title="Nothing alike")
    assert titles(stories_like(this, Purpose.TRAINING)) == ["Same tags", "One tag", "Same word"]


def test_a_suggested_or_rejected_tag_is_not_a_reason_to_be_alike(contributor):
    this = approved(contributor, "Tea.", title="This one", tags=("dignity",))
    approved(contributor, "Cake.", title="Only suggested", suggested=("dignity",))
    assert stories_like(this, Purpose.TRAINING) == []


def test_rarer_shared_words_are_the_ones_that_count(contributor):
    this = approved(contributor, "The hoist frightened me. The hoist was broken and the nurse was kind.",
                    title="This one")
    approved(contributor, "They used a hoist without asking.", title="Hoist")
    assert "hoist" in distinctive_candidates(this)
    assert not {"the", "was", "and"} & set(distinctive_candidates(this))
    assert titles(stories_like(this, Purpose.TRAINING)) == ["Hoist"]


def test_never_the_story_itself_and_never_more_than_five(contributor):
    this = approved(contributor, "Waiting.", title="This one", tags=("dignity",))
    for number in range(7):
        approved(contributor, "Tea.", title=f"Alike {number}", tags=("dignity",), days_ago=number + 1)
    found = stories_like(this, Purpose.TRAINING)
    assert titles(found) == [f"Alike {number}" for number in range(5)]  # equally alike: newest first
    assert this.id not in [story.id for story in found]


@pytest.mark.parametrize("state", ["withdrawn", "public_only", "partners_only", "expired"])
def test_only_stories_that_pass_the_gate_for_the_pages_purpose_are_suggested(contributor, state):
    this = approved(contributor, "The hoist frightened me.", title="This one", tags=("dignity",))
    hidden = approved(contributor, "The hoist frightened me too.", title="Hidden", tags=("dignity",),
                      scopes={"public_only": (Purpose.PUBLIC,), "partners_only": (Purpose.PARTNERS,)}.get(
                          state, (Purpose.TRAINING,)))
    if state == "withdrawn":
        consent_services.withdraw(hidden, contributor)
    if state == "expired":
        db.session.execute(update(ConsentRecord).where(ConsentRecord.story_id == hidden.id).values(
            review_date=(utcnow() - timedelta(days=1)).date()).execution_options(synchronize_session=False))
        db.session.commit()
    assert stories_like(this, Purpose.TRAINING) == []


def test_for_partners_only_stories_shared_with_partners_are_suggested(contributor):
    this = approved(contributor, "Hoist.", title="This one", tags=("dignity",),
                    scopes=(Purpose.TRAINING, Purpose.PARTNERS))
    approved(contributor, "Tea.", title="Training only", tags=("dignity",))
    approved(contributor, "Tea.", title="Partners too", tags=("dignity",), scopes=(Purpose.PARTNERS,))
    assert titles(stories_like(this, Purpose.TRAINING)) == ["Training only"]
    assert titles(stories_like(this, Purpose.PARTNERS)) == ["Partners too"]


def test_the_story_page_lists_stories_like_it_with_links_that_keep_the_purpose(client, contributor,
                                                                               signed_in_trainer):
    this = approved(contributor, "The hoist frightened me.", title="This one", tags=("dignity",),
                    scopes=(Purpose.TRAINING, Purpose.PARTNERS))
    other = approved(contributor, "Nobody knocked.", title="Knocking", tags=("dignity",),
                     scopes=(Purpose.TRAINING, Purpose.PARTNERS))
    withdrawn = approved(contributor, "Nobody knocked either.", title="Gone now", tags=("dignity",))
    consent_services.withdraw(withdrawn, contributor)
    html = client.get(f"/library/stories/{this.reference}?purpose=partners").get_data(as_text=True)
    assert "Stories like this one" in html
    assert f"/library/stories/{other.reference}?purpose=partners" in html
    assert "Gone now" not in html and "ORIGINAL" not in html
    assert html.index("The hoist frightened me") < html.index("Stories like this one")


def test_the_story_page_says_kindly_when_there_are_none(client, contributor, signed_in_trainer):
    this = approved(contributor, "The hoist frightened me.", title="Alone")
    html = client.get(f"/library/stories/{this.reference}").get_data(as_text=True)
    assert "Stories like this one" in html
    assert "We have not found any other stories like this one yet" in html


def test_a_word_in_more_stories_than_the_cap_links_nothing_and_only_the_most_tag_sharing_are_scored(
        contributor, monkeypatch):
    """What keeps "stories like this one" quick in a big library: words are counted in the index only up to
    COMMON_CAP (a word in more stories than that is too common to say two stories are alike), and of the stories
    sharing tags only the TAG_CANDIDATES sharing the most are scored."""
    monkeypatch.setattr("storybank.search.similar.COMMON_CAP", 3)
    monkeypatch.setattr("storybank.search.similar.TAG_CANDIDATES", 2)
    this = approved(contributor, "The wheelchair was broken. The wheelchair stayed broken.", title="This one",
                    tags=("dignity", "choice_and_control", "kindness"))
    for number in range(4):
        approved(contributor, "A wheelchair by the door.", title=f"Wheelchair {number}")
    approved(contributor, "Tea.", title="Three tags", tags=("dignity", "choice_and_control", "kindness"))
    approved(contributor, "Tea.", title="Two tags", tags=("dignity", "choice_and_control"))
    approved(contributor, "Tea.", title="One tag", tags=("dignity",), days_ago=1)
    assert titles(stories_like(this, Purpose.TRAINING)) == ["Three tags", "Two tags"]

    monkeypatch.setattr("storybank.search.similar.COMMON_CAP", 4)
    monkeypatch.setattr("storybank.search.similar.TAG_CANDIDATES", 3)
    found = titles(stories_like(this, Purpose.TRAINING, limit=10))
    assert found[:3] == ["Three tags", "Two tags", "One tag"]
    assert sorted(found[3:]) == [f"Wheelchair {number}" for number in range(4)], "four is within the cap"


@pytest.mark.parametrize("database_app", ["postgresql"], indirect=True)
def test_on_postgresql_a_word_the_statistics_show_in_many_stories_is_not_counted_again(contributor):
    """A GIN index reads a word's whole list of stories before any LIMIT, which made "stories like this one" take
    over half a second at 100 000 stories: a word ANALYZE already shows in more stories than the cap is taken as
    common without being counted, and a rarer word is still counted."""
    from sqlalchemy import text

    from storybank.search.engine import engine_for
    from tests.functional.test_list_pages import statements

    this = approved(contributor, "The wheelchair and the hoist.", title="This one")
    for number in range(12):
        approved(contributor, f"A wheelchair by the door, number {number}.", title=f"Wheelchair {number}")
    approved(contributor, "The hoist again.", title="Hoist")
    engine, this_id = engine_for("postgresql"), this.id

    def words_counted(sent: list[str]) -> int:
        return sum(statement.count(" @@ ") for statement in sent
                   if statement.startswith("SELECT (SELECT count"))

    with statements() as before:
        assert engine.count_matches(["wheelchair", "hoist"], this_id, 5) == [5, 1]
    assert words_counted(before) == 2, "no statistics yet: both words counted"
    db.session.execute(text("ANALYZE search_documents"))
    with statements() as after:
        assert engine.count_matches(["wheelchair", "hoist"], this_id, 5) == [5, 1]
    assert words_counted(after) == 1, "only the rarer word is counted"


def test_the_suggestions_come_with_their_consent_so_each_name_shown_costs_no_query(contributor):
    """The story page shows each suggestion with the name its person chose (from their newest consent): loaded
    with the suggestions, not one query per story."""
    from storybank.library.reading import readable
    from tests.functional.test_list_pages import statements

    this = approved(contributor, "The wheelchair and the hoist.", title="This one")
    for number in range(5):
        approved(contributor, f"A wheelchair by the door, number {number}.", title=f"Wheelchair {number}")
    db.session.expire_all()
    alike = stories_like(db.session.get(Story, this.id), Purpose.TRAINING)
    assert len(alike) == 5
    with statements() as sent:
        names = [item.attribution for item in readable(alike)]
    assert len(names) == 5 and len(sent) == 1, sent  # the content warnings, for all five at once
