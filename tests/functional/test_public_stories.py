"""The public stories pages: only stories shared publicly and usable right now, newest first, warnings first, only
moderated words, only confirmed themes, and gone in the same request they are withdrawn. Nobody needs to sign in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storybank.audit.models import AuditEvent
from storybank.consent.models import Attribution, ConsentRecord, Purpose
from storybank.consent.services import withdraw
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.models import Source, Suggestion, SuggestionKind, SuggestionStatus
from storybank.stories.models import StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagStatus
from storybank.tagging.services import themes_group
from tests.data_rights_builders import make_story

ORIGINAL = "ORIGINAL Bernadette Okafor rang 07700 900123."


def shared(author, words: str, *, title: str, scopes=(Purpose.PUBLIC,), status=StoryStatus.APPROVED,
           days_ago: int = 5, warning: str | None = None, themes: dict[str, TagStatus] | None = None):
    """A story built straight into the database: its original text differs from what a moderator let through."""
    story = make_story(author, body=f"{ORIGINAL} {words}", moderated_body=words, title=title, scopes=scopes,
                       status=status)
    if status == StoryStatus.APPROVED:
        story.approved_at = utcnow() - timedelta(days=days_ago)
    if warning:
        db.session.add(Suggestion(story_id=story.id, kind=SuggestionKind.CONTENT_WARNING, label=warning,
                                  status=SuggestionStatus.ACCEPTED, source=Source.MODERATOR, reason="moderator"))
    for slug, tag_status in (themes or {}).items():
        db.session.add(StoryTag(story_id=story.id, tag_id=theme(slug).id, status=tag_status))
    db.session.commit()
    return story


def theme(slug: str) -> Tag:
    return db.session.scalar(select(Tag).where(Tag.group_id == themes_group().id, Tag.slug == slug))


def new_consent(story, **fields) -> None:
    """A newer consent record (the newest one counts); consent is append-only, so this is how it changes."""
    values = {"story_id": story.id, "public": True, "attribution": Attribution.ANONYMOUS,
              "review_date": (utcnow() + timedelta(days=300)).date(),
              "wording_version": story.current_consent.wording_version} | fields
    db.session.add(ConsentRecord(**values))
    db.session.commit()


def page(client, url: str) -> tuple[int, str]:
    response = client.get(url)
    return response.status_code, response.get_data(as_text=True)


def audit_events() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent))


CASES = {
    "public and approved": dict(scopes=(Purpose.PUBLIC,)),
    "public among other uses": dict(scopes=(Purpose.TRAINING, Purpose.PUBLIC, Purpose.QUOTES)),
    "training only": dict(scopes=(Purpose.TRAINING,)),
    "partners only": dict(scopes=(Purpose.PARTNERS,)),
    "every use but public": dict(scopes=tuple(p for p in Purpose if p != Purpose.PUBLIC)),
    "public but withdrawn": dict(status=StoryStatus.WITHDRAWN),
    "public but its review date has passed": dict(expired=True),
    "public but only submitted": dict(status=StoryStatus.SUBMITTED),
    "public but in review": dict(status=StoryStatus.IN_REVIEW),
    "public but declined": dict(status=StoryStatus.DECLINED),
}
SHOWN = {"public and approved", "public among other uses"}


@pytest.mark.parametrize("case", CASES)
def test_only_stories_shared_publicly_and_usable_now_are_on_the_list_and_have_a_page(client, contributor, case):
    options = dict(CASES[case])
    expired = options.pop("expired", False)
    story = shared(contributor, "The carer knocked and waited for me to say come in.", title="Knock first",
                   warning="Hospital stay", themes={"dignity": TagStatus.CONFIRMED}, **options)
    if expired:
        new_consent(story, review_date=(utcnow() - timedelta(days=1)).date())
    status, listed = page(client, "/stories")
    _, by_theme = page(client, "/stories?theme=dignity")
    opened = client.get(f"/stories/read/{story.reference}")
    never = client.get("/stories/read/SB-NEVER-EXISTED")
    assert status == 200
    if case in SHOWN:
        assert "Knock first" in listed and "Knock first" in by_theme
        assert opened.status_code == 200 and "waited for me to say come in" in opened.get_data(as_text=True)
    else:
        for html in (listed, by_theme):
            assert "Knock first" not in html and "waited for me" not in html and "Hospital stay" not in html
        assert "Stories about Dignity" not in listed, "a theme only hidden stories have is not offered"
        assert opened.status_code == 404
        assert opened.get_data(as_text=True) == never.get_data(as_text=True)


def test_the_newest_story_comes_first_whatever_else_is_known_about_it(client, contributor):
    for title, days_ago in (("Oldest", 30), ("Newest", 1), ("Middle", 10)):
        shared(contributor, f"Words of {title}.", title=title, days_ago=days_ago)
    _, html = page(client, "/stories")
    assert html.index("Newest") < html.index("Middle") < html.index("Oldest")


def test_twenty_stories_a_page_with_previous_and_next(client, contributor):
    for number in range(23):
        shared(contributor, "Waiting for the carer.", title=f"Waiting number {number:02d}", days_ago=number + 1)
    _, first = page(client, "/stories")
    assert first.count('class="story-card"') == 20
    assert "Page 1 of 2" in first and "23 stories" in first
    assert 'href="/stories?page=2">Next page</a>' in first and "Previous page" not in first
    assert "Waiting number 00" in first and "Waiting number 22" not in first
    _, second = page(client, "/stories?page=2")
    assert second.count('class="story-card"') == 3
    assert "Page 2 of 2" in second and 'href="/stories?page=1">Previous page</a>' in second
    assert "Next page" not in second and "Waiting number 22" in second
    status, past_the_end = page(client, "/stories?page=99")
    assert status == 200 and "Page 2 of 2" in past_the_end
    status, huge = page(client, "/stories?page=" + "9" * 5000)
    assert status == 200 and "Page 1 of 2" in huge
    status, nonsense = page(client, "/stories?page=two")
    assert status == 200 and "Page 1 of 2" in nonsense


def test_the_next_page_of_a_theme_keeps_the_theme(client, contributor):
    for number in range(21):
        shared(contributor, "Words.", title=f"Kind {number}", themes={"kindness": TagStatus.CONFIRMED})
    _, html = page(client, "/stories?theme=kindness")
    assert 'href="/stories?theme=kindness&amp;page=2">Next page</a>' in html


def test_a_theme_holds_only_stories_a_person_confirmed_it_for(client, contributor):
    shared(contributor, "Confirmed words.", title="Confirmed dignity", themes={"dignity": TagStatus.CONFIRMED})
    shared(contributor, "Suggested words.", title="Only suggested",
           themes={"dignity": TagStatus.SUGGESTED, "loneliness": TagStatus.SUGGESTED})
    shared(contributor, "Rejected words.", title="Rejected dignity", themes={"dignity": TagStatus.REJECTED})
    _, everything = page(client, "/stories")
    assert "Stories about </span>Dignity</a>" in everything
    assert "Loneliness" not in everything, "a suggestion neither lists a theme nor shows on a card"
    assert "Themes: Dignity" in everything and everything.count("Themes:") == 1
    status, html = page(client, "/stories?theme=dignity")
    assert status == 200 and "Stories about dignity" in html
    assert "Confirmed dignity" in html
    assert "Only suggested" not in html and "Rejected dignity" not in html
    _, lonely = page(client, "/stories?theme=loneliness")
    assert "Only suggested" not in lonely and "Nobody has shared a story about loneliness" in lonely


def test_an_unknown_theme_is_explained_kindly(client, contributor):
    shared(contributor, "Words.", title="A story")
    status, html = page(client, "/stories?theme=no_such_theme")
    assert status == 200
    assert "We cannot find that theme" in html and "See all the stories people have shared" in html
    assert "A story" not in html


def test_content_warnings_come_before_any_words_of_the_story(client, contributor):
    story = shared(contributor, "She waited with me until the ambulance came.", title="Kindness at night",
                   warning="Hospital stay")
    _, listed = page(client, "/stories")
    assert "Content warning:</strong> Hospital stay</p>" in listed
    assert listed.index("Content warning") < listed.index("She waited with me")
    status, html = page(client, f"/stories/read/{story.reference}")
    assert status == 200
    assert html.index("Before you read") < html.index("Hospital stay") < html.index("She waited with me")


def test_the_list_shows_the_opening_and_the_page_the_whole_moderated_text_never_the_original(client, contributor):
    ending = "and that is why I trust her now."
    words = "It started on a Monday. " + "We talked about the garden and the weather. " * 12 + ending
    story = shared(contributor, words, title="Trust")
    _, listed = page(client, "/stories")
    assert "It started on a Monday." in listed and ending not in listed and "…" in listed
    _, html = page(client, f"/stories/read/{story.reference}")
    assert ending in html and "<p>It started on a Monday." in html
    for text in (listed, html):
        assert "ORIGINAL" not in text and "Bernadette" not in text and "07700" not in text


def test_the_name_shown_is_exactly_the_one_the_person_chose(client, contributor):
    named = shared(contributor, "Named words.", title="Named")
    new_consent(named, attribution=Attribution.CHOSEN_NAME, attribution_name="Nan Joan")
    anonymous = shared(contributor, "Anonymous words.", title="Anonymous")
    _, listed = page(client, "/stories")
    assert "Shared by Nan Joan" in listed and "Shared anonymously" in listed
    assert "Shared by Nan Joan" in page(client, f"/stories/read/{named.reference}")[1]
    assert "Shared anonymously" in page(client, f"/stories/read/{anonymous.reference}")[1]


def test_the_story_page_links_its_confirmed_themes_only(client, contributor):
    story = shared(contributor, "Words.", title="Themed",
                   themes={"dignity": TagStatus.CONFIRMED, "loneliness": TagStatus.SUGGESTED})
    _, html = page(client, f"/stories/read/{story.reference}")
    assert '<a href="/stories?theme=dignity">Stories about dignity</a>' in html
    assert "loneliness" not in html.lower()


def test_withdrawing_takes_the_story_off_the_list_and_its_page_in_the_same_request(client, contributor):
    story = shared(contributor, "The porter sang in the lift.", title="The singing porter",
                   themes={"kindness": TagStatus.CONFIRMED})
    url = f"/stories/read/{story.reference}"
    assert "The singing porter" in page(client, "/stories")[1]
    assert page(client, url)[0] == 200
    withdraw(story, contributor)
    for listing in ("/stories", "/stories?theme=kindness"):
        assert "The singing porter" not in page(client, listing)[1]
    status, html = page(client, url)
    assert status == 404 and "sang in the lift" not in html
    assert "Stories about </span>Kindness" not in page(client, "/stories")[1]


def test_reading_the_public_pages_writes_nothing(client, contributor):
    story = shared(contributor, "Words.", title="Read me", warning="Grief", themes={"dignity": TagStatus.CONFIRMED})
    before = audit_events()
    for url in ("/stories", "/stories?theme=dignity", "/stories?theme=nothing", "/stories?page=2",
                f"/stories/read/{story.reference}", "/stories/read/SB-NOPE", "/"):
        client.get(url).close()
    assert audit_events() == before


@pytest.mark.parametrize("signed_in", [False, True])
def test_everyone_finds_the_stories_from_the_home_page_header_and_footer(client, auth, contributor, signed_in):
    if signed_in:
        auth.sign_in(contributor.username)
    status, html = page(client, "/")
    assert status == 200
    assert html.count('<a href="/stories"') >= 2  # the header and the home page's own words
    assert html.count(">Stories people have shared</a>") == 3
    status, listed = page(client, "/stories")
    assert status == 200 and 'aria-current="page">Stories people have shared' in listed
    assert 'aria-current="page">Share a story' not in listed
