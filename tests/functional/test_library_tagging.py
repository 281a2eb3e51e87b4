"""Trainers tag approved stories: the analysis suggests, with the words that made it; a person decides."""

from __future__ import annotations

from sqlalchemy import func, select, update

from storybank import jobs
from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent import services as consent_services
from storybank.extensions import db
from storybank.jobs import redis_queue
from storybank.moderation import claims, decisions
from storybank.moderation.models import Suggestion, SuggestionStatus
from storybank.moderation.preparation import prepare_for_review
from storybank.search.services import SearchFilters, search
from storybank.stories.models import StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagGroup, TagStatus
from storybank.tagging.subscriptions import SUGGEST_TAGS, suggest_tags_for_story
from tests.data_rights_builders import make_story
from tests.factories import make_user
from tests.job_steps import on_queue, work_here  # noqa: F401
from tests.library_builders import approved
from tests.moderation_steps import csrf_from

TOILET_STORY = ("Nobody came when I rang the bell for the toilet. I was left in a wet pad and felt so ashamed "
                "and humiliated. It took away my dignity.")


def tag(slug: str) -> Tag:
    return db.session.scalar(select(Tag).where(Tag.slug == slug))


def group_of(slug: str) -> TagGroup:
    return db.session.get(TagGroup, tag(slug).group_id)


def put_tag(story, slug: str, status=TagStatus.CONFIRMED) -> None:
    db.session.add(StoryTag(story_id=story.id, tag_id=tag(slug).id, status=status))
    db.session.commit()


def titles(**filters) -> list[str]:
    return sorted(hit.story.title for hit in search(SearchFilters(**filters)).hits)


def _approved_through_moderation(contributor):
    """Sent, prepared, claimed, every suggestion rejected, approved: as a moderator would, through the services."""
    moderator = make_user(Role.MODERATOR)
    story = make_story(contributor, status=StoryStatus.IN_REVIEW, body=TOILET_STORY, title="The bell")
    db.session.commit()
    prepare_for_review(story)
    claims.claim(story, moderator)
    db.session.execute(update(Suggestion).where(Suggestion.story_id == story.id)
                       .values(status=SuggestionStatus.REJECTED))
    decisions.approve(story, moderator)
    return story


def test_approving_a_story_suggests_tags_with_the_words_of_the_moderated_text(contributor):
    story = _approved_through_moderation(contributor)
    rows = db.session.scalars(select(StoryTag).where(StoryTag.story_id == story.id)).all()
    dignity = [row for row in rows if row.tag.slug == "dignity"]
    assert dignity and dignity[0].status == TagStatus.SUGGESTED
    assert dignity[0].trigger_words and any(word in dignity[0].trigger_words for word in ("humiliated", "ashamed"))
    assert titles(tags=(tag("dignity").id,)) == [], "a suggestion is not a fact until a person confirms it"


def test_a_trainer_sees_suggestions_as_suggestions_and_confirms_one(client, contributor, signed_in_trainer):
    story = approved(contributor, TOILET_STORY, title="The bell")
    db.session.add(StoryTag(story_id=story.id, tag_id=tag("dignity").id, status=TagStatus.SUGGESTED,
                            trigger_words="humiliated, ashamed"))
    db.session.commit()
    page = client.get(f"/library/stories/{story.reference}").get_data(as_text=True)
    assert "Suggested by the computer – please check" in page
    assert "because the story says: humiliated, ashamed" in page
    assert "No tags yet." in page
    row = db.session.scalar(select(StoryTag).where(StoryTag.story_id == story.id))
    path = f"/library/stories/{story.reference}"
    response = client.post(f"{path}/tags/{row.id}", data={
        "decision": "confirm", "purpose": "training", "csrf_token": csrf_from(client, path)})
    assert response.status_code == 302
    db.session.refresh(row)
    assert row.status == TagStatus.CONFIRMED and row.decided_by_id == signed_in_trainer.id
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "tagging.confirmed")) == 1
    assert titles(text="toilet", tags=(tag("dignity").id,)) == ["The bell"]


def test_a_trainer_rejects_a_suggestion_and_adds_a_tag_by_hand(client, contributor, signed_in_trainer):
    story = approved(contributor, TOILET_STORY, title="The bell")
    put_tag(story, "loneliness", TagStatus.SUGGESTED)
    row = db.session.scalar(select(StoryTag).where(StoryTag.story_id == story.id))
    path = f"/library/stories/{story.reference}"
    client.post(f"{path}/tags/{row.id}", data={"decision": "reject", "purpose": "training",
                                              "csrf_token": csrf_from(client, path)})
    db.session.refresh(row)
    assert row.status == TagStatus.REJECTED
    response = client.post(f"{path}/tags", data={"tag": str(tag("rushed_care").id), "purpose": "training",
                                                  "csrf_token": csrf_from(client, path)})
    assert response.status_code == 302
    assert titles(tags=(tag("rushed_care").id,)) == ["The bell"]
    assert titles(tags=(tag("loneliness").id,)) == []
    page = client.get(path).get_data(as_text=True)
    assert "Rushed care" in page and "Suggested by the computer" not in page


def test_adding_without_choosing_a_tag_is_explained_kindly(client, contributor, signed_in_trainer):
    story = approved(contributor, TOILET_STORY, title="The bell")
    path = f"/library/stories/{story.reference}"
    response = client.post(f"{path}/tags", data={"tag": "", "purpose": "training",
                                                  "csrf_token": csrf_from(client, path)})
    assert response.status_code == 400
    assert "Please choose a tag to add." in response.get_data(as_text=True)


def test_tagging_needs_the_form_token(client, contributor, signed_in_trainer):
    story = approved(contributor, TOILET_STORY, title="The bell")
    response = client.post(f"/library/stories/{story.reference}/tags",
                           data={"tag": str(tag("dignity").id), "purpose": "training"})
    assert response.status_code == 400
    assert titles(tags=(tag("dignity").id,)) == []


def test_a_withdrawn_story_cannot_be_tagged(client, contributor, signed_in_trainer):
    story = approved(contributor, TOILET_STORY, title="The bell")
    put_tag(story, "dignity", TagStatus.SUGGESTED)
    row = db.session.scalar(select(StoryTag).where(StoryTag.story_id == story.id))
    token = csrf_from(client, f"/library/stories/{story.reference}")
    consent_services.withdraw(story, contributor)
    assert client.post(f"/library/stories/{story.reference}/tags/{row.id}", data={
        "decision": "confirm", "purpose": "training", "csrf_token": token}).status_code == 404
    assert client.post(f"/library/stories/{story.reference}/tags", data={
        "tag": str(tag("trust").id), "purpose": "training", "csrf_token": token}).status_code == 404
    db.session.refresh(row)
    assert row.status == TagStatus.SUGGESTED


def test_a_tag_row_of_another_story_is_not_found(client, contributor, signed_in_trainer):
    first = approved(contributor, TOILET_STORY, title="First")
    second = approved(contributor, TOILET_STORY, title="Second")
    put_tag(second, "dignity", TagStatus.SUGGESTED)
    row = db.session.scalar(select(StoryTag).where(StoryTag.story_id == second.id))
    path = f"/library/stories/{first.reference}"
    assert client.post(f"{path}/tags/{row.id}", data={"decision": "confirm", "purpose": "training",
                                                      "csrf_token": csrf_from(client, path)}).status_code == 404


def test_tag_filters_are_or_within_a_group_and_and_across_groups(contributor):
    both = approved(contributor, "Words.", title="Dignity and attitude to risk")
    dignity_only = approved(contributor, "Words.", title="Dignity only")
    lonely = approved(contributor, "Words.", title="Loneliness and attitude to risk")
    suggested = approved(contributor, "Words.", title="Suggested dignity")
    barrier = tag("attitude_to_risk")
    assert group_of("attitude_to_risk").id != group_of("dignity").id
    put_tag(both, "dignity")
    db.session.add(StoryTag(story_id=both.id, tag_id=barrier.id, status=TagStatus.CONFIRMED))
    put_tag(dignity_only, "dignity")
    put_tag(lonely, "loneliness")
    db.session.add(StoryTag(story_id=lonely.id, tag_id=barrier.id, status=TagStatus.CONFIRMED))
    put_tag(suggested, "dignity", TagStatus.SUGGESTED)
    themes = (tag("dignity").id, tag("loneliness").id)
    assert titles(tags=themes) == ["Dignity and attitude to risk", "Dignity only", "Loneliness and attitude to risk"]
    assert titles(tags=(*themes, barrier.id)) == ["Dignity and attitude to risk", "Loneliness and attitude to risk"]
    assert titles(tags=(tag("dignity").id, barrier.id)) == ["Dignity and attitude to risk"]


def test_the_search_page_filters_by_a_ticked_theme(client, contributor, signed_in_trainer):
    tagged = approved(contributor, "I waited for the toilet.", title="Tagged")
    approved(contributor, "I waited for the toilet.", title="Not tagged")
    put_tag(tagged, "dignity")
    html = client.get(f"/search?q=toilet&tag={tag('dignity').id}").get_data(as_text=True)
    assert "1 story found" in html and "Tagged</a>" in html and "Not tagged" not in html
    assert f'id="tag-{tag("dignity").id}" value="{tag("dignity").id}" checked' in html


def _suggested(story_id: int) -> list[str]:
    return sorted(row.tag.slug for row in db.session.scalars(select(StoryTag).where(StoryTag.story_id == story_id)))


def test_with_redis_approving_leaves_the_tag_suggestions_to_a_worker(app, contributor, on_queue):  # noqa: F811
    """The moderator's approval does not wait for the analysis: one job waits, and a worker suggests the tags."""
    story = _approved_through_moderation(contributor)
    assert _suggested(story.id) == [], "nothing analysed in the moderator's request"
    assert redis_queue.counts()["waiting"] == 1
    assert jobs.enqueue(SUGGEST_TAGS, story_id=story.id).already_waiting, "asked again: still one job"
    work_here(app)
    assert "dignity" in _suggested(story.id)
    assert redis_queue.counts() == {"waiting": 0, "running": 0, "failed": 0}
    before = _suggested(story.id)
    assert suggest_tags_for_story(story.id) == 0 and _suggested(story.id) == before, "twice adds nothing"


def test_a_story_withdrawn_before_the_worker_reads_it_gets_no_suggestions(app, contributor, on_queue):  # noqa: F811
    story = _approved_through_moderation(contributor)
    consent_services.withdraw(story, contributor)
    work_here(app)
    assert _suggested(story.id) == []
    assert redis_queue.counts()["failed"] == 0
