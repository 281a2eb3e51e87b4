"""Safeguarding: a concern needs a recorded action; overdue ones show to admins. And originals can be purged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from storybank.audit.models import AuditEvent
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.moderation.claims import claim
from storybank.moderation.clarity import pending_clarity_edit, propose_clarity_edit
from storybank.moderation.decisions import approve
from storybank.moderation.errors import ModerationError
from storybank.moderation.models import ConcernAction, SafeguardingConcern, Suggestion
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.queue import queue
from storybank.moderation.retention import erase_story_words
from storybank.moderation.safeguarding import concerns_for, overdue_concerns, record_safeguarding_action
from storybank.moderation.suggestions import decide_suggestion, suggestions_for
from tests.moderation_steps import make_story, post

DISCLOSURE = ("She shouts at me most days now. Since then she has had my bank card. "
              "I am frightened to be on my own in the house with her.")


def _concern(author) -> SafeguardingConcern:
    story = make_story(author, DISCLOSURE, title="Not safe at home")
    db.session.commit()
    prepare_for_review(story)
    concerns = concerns_for(story)
    assert concerns, "the analysis should flag this disclosure"
    return concerns[0]


def _age(concern: SafeguardingConcern, hours: float) -> None:
    db.session.execute(update(SafeguardingConcern).where(SafeguardingConcern.id == concern.id)
                       .values(raised_at=utcnow() - timedelta(hours=hours)))
    db.session.commit()


def test_a_moderator_records_a_referral_with_its_reference(app, client, auth, contributor, moderator):
    concern = _concern(contributor)
    auth.sign_in(moderator.username)
    path = f"/moderation/concerns/{concern.id}"
    missing = post(client, path, {"action": "referred"}, csrf_page=path)
    assert missing.status_code == 400
    assert "Please give the reference the safeguarding team gave you" in missing.get_data(as_text=True)
    done = post(client, path, {"action": "referred", "reference": "MASH-2291"}, csrf_page=path)
    assert done.status_code == 302
    db.session.refresh(concern)
    assert concern.action == ConcernAction.REFERRED and concern.action_reference == "MASH-2291"
    assert concern.actioned_by_id == moderator.id
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "safeguarding.actioned"))
    assert event.before == {"action": None} and event.after["reference"] == "MASH-2291"
    others = [c for c in concerns_for(concern.story) if c.action is None]
    assert queue()[0].urgent == bool(others), "urgent exactly while a concern has no recorded action"
    for other in others:
        record_safeguarding_action(other, ConcernAction.REFERRED, moderator, reference="MASH-2291")
    assert not queue()[0].urgent


def test_no_action_needs_a_reason_and_an_action_is_recorded_only_once(app, contributor, moderator):
    concern = _concern(contributor)
    with pytest.raises(ModerationError, match="say why no action is needed"):
        record_safeguarding_action(concern, ConcernAction.NO_ACTION, moderator)
    record_safeguarding_action(concern, ConcernAction.CONTACTED, moderator, note="Rang her; she is safe.")
    with pytest.raises(ModerationError, match="already been recorded"):
        record_safeguarding_action(concern, ConcernAction.NO_ACTION, moderator, note="again")


def test_a_moderator_can_raise_a_concern_the_analysis_missed(app, client, auth, contributor, moderator):
    story = make_story(contributor, "The night carer pushed me back into bed.", title="Pushed")
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    auth.sign_in(moderator.username)
    response = post(client, f"/moderation/stories/{story.id}/concerns",
                    {"concern-sentence": "The night carer pushed me back into bed.",
                     "concern-reason": "Sounds like rough handling."})
    assert response.status_code == 302
    raised = concerns_for(story)[-1]
    assert raised.raised_by_id == moderator.id and not raised.raised_by_machine
    assert queue()[0].story.id == story.id and queue()[0].urgent


def test_concerns_without_an_action_after_the_deadline_show_to_admins_as_overdue(
        app, client, auth, contributor, admin, moderator):
    concern = _concern(contributor)
    assert overdue_concerns() == []
    _age(concern, app.config["STORYBANK_SAFEGUARDING_HOURS"] + 1)
    assert overdue_concerns() == [concern]

    others = [c for c in concerns_for(concern.story) if c.id != concern.id]
    for other in others:
        record_safeguarding_action(other, ConcernAction.NO_ACTION, moderator, note="Covered by the first one.")

    auth.sign_in(admin.username)
    assert "Safeguarding and decline reasons" in client.get("/admin/").get_data(as_text=True)
    page = client.get("/admin/safeguarding").get_data(as_text=True)
    assert "Overdue safeguarding concerns" in page and concern.story.reference in page
    assert "<dt>Overdue</dt><dd>1</dd>" in page
    assert "No concern is overdue." not in page

    record_safeguarding_action(concern, ConcernAction.CONTACTED, moderator, note="Spoke to her.")
    assert overdue_concerns() == []
    page = client.get("/admin/safeguarding").get_data(as_text=True)
    assert "<dt>Overdue</dt><dd>0</dd>" in page and "No concern is overdue." in page
    assert f"<dt>Done</dt><dd>{1 + len(others)}</dd>" in page and "Contacted the person" in page


def test_the_admin_overview_shows_open_concerns_still_in_time_not_none(app, client, auth, contributor, admin):
    """A concern with no action yet is never summed up as "none": open, overdue and done are shown apart."""
    concern = _concern(contributor)
    auth.sign_in(admin.username)
    page = client.get("/admin/safeguarding").get_data(as_text=True)
    assert "Every concern has an action recorded in time" not in page
    open_now = len([c for c in concerns_for(concern.story) if c.action is None])
    assert f"<dt>Waiting for an action, still in time</dt><dd>{open_now}</dd>" in page
    assert "<dt>Overdue</dt><dd>0</dd>" in page and "<dt>Done</dt><dd>0</dd>" in page
    in_time = page.split("<h3>Waiting for an action, still in time</h3>", 1)[1].split("<h3>", 1)[0]
    assert f'href="/moderation/concerns/{concern.id}"' in in_time


def test_the_deadline_follows_the_setting(app, contributor):
    concern = _concern(contributor)
    _age(concern, 3)
    app.config["STORYBANK_SAFEGUARDING_HOURS"] = 2
    try:
        assert overdue_concerns() == [concern]
    finally:
        app.config["STORYBANK_SAFEGUARDING_HOURS"] = 24


def _approved_with_every_suggestion_accepted(contributor, moderator):
    """A story with a name in its title and its text, approved with every suggested redaction accepted."""
    story = make_story(contributor, title="My carer Bernadette Okafor")
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    for suggestion in suggestions_for(story):
        decide_suggestion(suggestion, "accept", moderator)
    approve(story, moderator)
    return story


def test_purging_originals_keeps_only_the_moderated_text_after_the_set_days(app, runner, contributor, moderator):
    story = _approved_with_every_suggestion_accepted(contributor, moderator)
    result = runner.invoke(args=["moderation", "purge-originals"])
    assert "STORYBANK_SAFEGUARDING" not in result.output and "not set" in result.output
    result = runner.invoke(args=["moderation", "purge-originals", "--days", "30"])
    assert "Purged the original words of 0 approved stories" in result.output

    app.config["STORYBANK_PURGE_ORIGINALS_DAYS"] = 0
    try:
        result = runner.invoke(args=["moderation", "purge-originals"])
    finally:
        app.config["STORYBANK_PURGE_ORIGINALS_DAYS"] = None
    assert "Purged the original words of 1 approved story" in result.output, result.output
    db.session.expire_all()
    assert story.body is None and story.moderated_body and "Bernadette" not in story.moderated_body
    assert story.title == story.moderated_title and "Bernadette" not in story.title  # the title's original too
    assert all(s.original_text is None for s in db.session.scalars(select(Suggestion)
                                                                    .where(Suggestion.story_id == story.id)))


def test_a_story_purged_before_titles_were_has_its_original_title_forgotten_on_the_next_run(app, contributor,
                                                                                           moderator):
    from storybank.moderation.retention import purge_originals

    story = _approved_with_every_suggestion_accepted(contributor, moderator)
    story.body = None  # as an earlier purge left it: the text gone, the original title kept
    db.session.commit()
    assert "Bernadette" in story.title and "Bernadette" not in story.moderated_title
    assert purge_originals(0) == 1
    db.session.expire_all()
    assert story.title == story.moderated_title
    assert purge_originals(0) == 0  # nothing left to forget


def test_erasing_a_storys_words_also_forgets_the_copies_moderation_keeps(app, contributor, moderator):
    story = make_story(contributor)
    db.session.commit()
    prepare_for_review(story)
    claim(story, moderator)
    for suggestion in suggestions_for(story):
        decide_suggestion(suggestion, "accept", moderator)
    propose_clarity_edit(story, moderator, "My carer comes each morning and waits for my answer.")
    erase_story_words(story)
    db.session.commit()
    db.session.expire_all()
    assert all(s.original_text is None for s in suggestions_for(story))
    assert pending_clarity_edit(story).proposed_text == ""


def _signals(*pairs: tuple[str, str]):
    from storybank.text.analysis.models import Analysis, SafeguardingSignal

    return Analysis(findings=(), themes=(), content_warnings=(), safeguarding=tuple(
        SafeguardingSignal(category=category, sentence_start=0, sentence_end=len(sentence), sentence_text=sentence,
                           reason=f"It may describe {category}.") for category, sentence in pairs))


def test_one_concern_per_story_and_category_holds_every_sentence_that_raised_it(app, client, auth, contributor,
                                                                                moderator):
    story = make_story(contributor, DISCLOSURE, title="Not safe at home")
    db.session.commit()
    prepare_for_review(story, analysis=_signals(
        ("verbal abuse", "She shouts at me most days now."),
        ("verbal abuse", "She swears at me when I ask for help."),
        ("verbal abuse", "She shouts at me most days now."),
        ("financial abuse", "Since then she has had my bank card.")))
    concerns = concerns_for(story)
    assert sorted(c.category for c in concerns) == ["financial abuse", "verbal abuse"]
    verbal = next(c for c in concerns if c.category == "verbal abuse")
    assert verbal.sentences == ["She shouts at me most days now.", "She swears at me when I ask for help."]
    auth.sign_in(moderator.username)
    page = client.get(f"/moderation/concerns/{verbal.id}").get_data(as_text=True)
    assert "<li>“She shouts at me most days now.”</li>" in page
    assert "<li>“She swears at me when I ask for help.”</li>" in page

    record_safeguarding_action(verbal, ConcernAction.CONTACTED, moderator, note="Rang her; she is safe.")
    prepare_for_review(story, force=True, analysis=_signals(
        ("verbal abuse", "She swears at me when I ask for help."),
        ("verbal abuse", "Last night she screamed at me.")))
    verbal_concerns = [c for c in concerns_for(story) if c.category == "verbal abuse"]
    assert len(verbal_concerns) == 2, "a new sentence after an action opens a new concern; old ones are not repeated"
    assert verbal_concerns[-1].sentences == ["Last night she screamed at me."]
