"""Real parallel requests on PostgreSQL: two people (or one person's two tabs) press the same button at the same
moment, and exactly one of them wins while the other is told kindly, with no 500 and nothing written twice.

Each thread has its own test client, signed in as its own person, and its own app context (so its own database
session and connection, as two gunicorn workers would have); a barrier lets them all go at once. SQLite has one
writer at a time, so these run on PostgreSQL only.
"""

from __future__ import annotations

import threading
import traceback
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.common import review_for
from storybank.moderation.errors import ALREADY_DECIDED
from storybank.moderation.models import ModerationDecision, SuggestionStatus
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.suggestions import decide_suggestion, suggestions_for
from storybank.packs import reflections
from storybank.packs.delivery_models import PackVersion, Reflection, ReflectionStatus, ShareLink
from storybank.stories.models import Story, StoryStatus
from tests.conftest import Auth
from tests.functional.test_packs import add_story, make_pack
from tests.library_builders import approved
from tests.moderation_steps import make_story
from tests.pack_builders import publish as build_published_version
from tests.pack_builders import share

POSTGRES_ONLY = pytest.mark.parametrize("database_app", ["postgresql"], indirect=True)
READING_NOW = "is reading this story now"
PUBLISHED_A_MOMENT_AGO = "This pack was published a moment ago. Please look at its versions."


class Person:
    """One browser: its own client, signed in through the real form, with the CSRF token of its session."""

    def __init__(self, app, username: str, csrf_page: str):
        self.client = app.test_client()
        auth = Auth(app, self.client)
        assert auth.sign_in(username).status_code == 302
        self.token = auth.csrf_token(csrf_page)

    def post(self, path: str, data: dict | None = None, **kwargs) -> tuple[int, str]:
        response = self.client.post(path, data={**(data or {}), "csrf_token": self.token}, **kwargs)
        return response.status_code, response.get_data(as_text=True)


def at_once(app, *calls) -> list:
    """Run each call in its own thread and app context, all let go together; a 500 (raised here, as the test app
    propagates errors) or a thread that never ends fails the test."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)
    failures: list[str] = []

    def run(index: int, call) -> None:
        try:
            with app.app_context():
                barrier.wait(timeout=30)
                results[index] = call()
        except BaseException as error:  # noqa: BLE001 (reported to the test below)
            failures.append("".join(traceback.format_exception(error)))

    threads = [threading.Thread(target=run, args=(index, call), daemon=True) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request never finished (a lock held for ever?)"
    assert not failures, "\n".join(failures)
    db.session.rollback()
    db.session.expire_all()
    return results


def events(*actions: str) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action.in_(actions))) or 0


def _prepared_story(author) -> Story:
    story = make_story(author)
    db.session.commit()
    prepare_for_review(story)
    return story


@POSTGRES_ONLY
def test_two_moderators_claiming_the_same_story_at_once_one_holds_it_and_the_other_is_told_kindly(
        app, contributor, make_user):
    for username in ("first", "second"):
        make_user(Role.MODERATOR, username=username)
    story = _prepared_story(contributor)
    first, second = Person(app, "first", "/moderation"), Person(app, "second", "/moderation")
    path = f"/moderation/stories/{story.id}/claim"

    answers = at_once(app, *(lambda person=person: person.post(path, follow_redirects=True)
                             for person in (first, second)))

    assert [status for status, _ in answers] == [200, 200]
    told = [READING_NOW in html for _, html in answers]
    assert sorted(told) == [False, True], "exactly one is told someone else is reading it"
    winner = "second" if told[0] else "first"
    won_html = answers[told.index(False)][1]
    assert "This story is yours to read now" in won_html
    review = review_for(story)
    assert review.claimed_by is not None and review.claimed_by.username == winner
    assert db.session.get(Story, story.id).status == StoryStatus.IN_REVIEW
    assert events("moderation.claimed") == 1


@POSTGRES_ONLY
def test_publishing_the_same_pack_twice_at_once_makes_no_duplicate_version_and_no_500(app, trainer, contributor):
    story = approved(contributor, "The night staff sang to me.", title="Singing")
    builder = Person(app, trainer.username, "/packs/new")
    pack = make_pack(builder.client, builder.token)
    assert add_story(builder.client, builder.token, pack, story).status_code == 302
    tabs = [Person(app, trainer.username, "/packs/new") for _ in range(2)]
    path = f"/packs/{pack.id}/publish"

    answers = at_once(app, *(lambda tab=tab: tab.post(path, follow_redirects=True) for tab in tabs))

    assert [status for status, _ in answers] == [200, 200]
    numbers = list(db.session.scalars(select(PackVersion.number).where(PackVersion.pack_id == pack.id)
                                      .order_by(PackVersion.number)))
    assert numbers == list(range(1, len(numbers) + 1)), "version numbers are unique, with no gap"
    refused = [PUBLISHED_A_MOMENT_AGO in html for _, html in answers]
    published = [html for _, html in answers if "is published. Trainees with a link now see this version" in html]
    # Truly at once, one wins and the other is refused kindly; if one happened to finish before the other began,
    # the second is simply the next version. Either way every press is answered, and each version is recorded once.
    assert len(published) == len(numbers) and sum(refused) == 2 - len(numbers)
    assert len(numbers) in (1, 2)
    assert events("pack.published") == len(numbers)


@POSTGRES_ONLY
def test_many_share_links_made_at_once_for_one_pack_each_get_their_own_token(app, trainer, contributor):
    story = approved(contributor, "The night staff sang to me.", title="Singing")
    builder = Person(app, trainer.username, "/packs/new")
    pack = make_pack(builder.client, builder.token)
    add_story(builder.client, builder.token, pack, story)
    assert builder.post(f"/packs/{pack.id}/publish")[0] == 302
    tabs = [Person(app, trainer.username, "/packs/new") for _ in range(6)]
    last_day = (utcnow() + timedelta(days=10)).strftime("%d/%m/%Y")
    path = f"/packs/{pack.id}/sharing"  # worked out here: the threads never touch this session's objects

    answers = at_once(app, *(
        lambda tab=tab, number=number: tab.post(path, {"session_name": f"Session {number}", "last_day": last_day})
        for number, tab in enumerate(tabs, start=1)))

    assert [status for status, _ in answers] == [201] * len(tabs)
    links = list(db.session.scalars(select(ShareLink)))
    assert len(links) == len(tabs)
    assert len({link.token_hash for link in links}) == len(tabs)
    assert {link.session_name for link in links} == {f"Session {n}" for n in range(1, len(tabs) + 1)}
    assert events("share_link.created") == len(tabs)


@POSTGRES_ONLY
def test_two_moderators_deciding_the_same_reflection_at_once_one_decision_wins(app, trainer, contributor, make_user):
    story = approved(contributor, "The carer knocked before coming in.", title="Tea the way I like it")
    version = build_published_version(trainer, [story])
    link, _token = share(version, session_name="Induction, 12 March")
    reflection = Reflection(story_id=story.id, pack_id=version.pack_id, version_id=version.id,
                            share_link_id=link.id, text="It made me slow down.", status=ReflectionStatus.WAITING)
    db.session.add(reflection)
    passer, holder = make_user(Role.MODERATOR, username="passer"), make_user(Role.MODERATOR, username="holder")
    db.session.commit()
    people = {"pass": Person(app, "passer", "/moderation"), "hold": Person(app, "holder", "/moderation")}
    path = f"/moderation/reflections/{reflection.id}"

    answers = at_once(app, *(
        lambda decision=decision, person=person: person.post(path, {"decision": decision, "reason": "Names a person"},
                                                             follow_redirects=True)
        for decision, person in people.items()))

    assert [status for status, _ in answers] == [200, 200]
    told = [reflections.ALREADY_DECIDED in html for _, html in answers]
    assert sorted(told) == [False, True], "exactly one decision wins; the other is told kindly"
    won = list(people)[told.index(False)]
    reflection = db.session.get(Reflection, reflection.id)
    winner = passer if won == "pass" else holder
    assert reflection.decided_by_id == winner.id
    assert reflection.status == (ReflectionStatus.APPROVED if won == "pass" else ReflectionStatus.REJECTED)
    assert reflection.reason == ("" if won == "pass" else "Names a person")
    assert events("reflection.passed_on", "reflection.not_passed_on") == 1


@POSTGRES_ONLY
def test_the_claim_holder_approving_twice_at_once_approves_once(app, contributor, moderator):
    story = _prepared_story(contributor)
    claim(story, moderator)
    for suggestion in suggestions_for(story):
        if suggestion.status == SuggestionStatus.PENDING:
            decide_suggestion(suggestion, "accept", moderator)
    tabs = [Person(app, moderator.username, "/moderation") for _ in range(2)]
    path = f"/moderation/stories/{story.id}/approve"

    answers = at_once(app, *(lambda tab=tab: tab.post(path) for tab in tabs))

    assert sorted(status for status, _ in answers) == [302, 400]
    refused = next(html for status, html in answers if status == 400)
    assert ALREADY_DECIDED.split(":")[0] in refused
    assert db.session.get(Story, story.id).status == StoryStatus.APPROVED
    assert db.session.scalar(select(func.count()).select_from(ModerationDecision)
                             .where(ModerationDecision.story_id == story.id)) == 1
    assert events("moderation.approved") == 1
    assert review_for(story).claimed_by_id is None
