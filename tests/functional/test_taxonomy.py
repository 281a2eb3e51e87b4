"""Admins look after the taxonomy: groups, tags, renaming, merging and deleting, all audited."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.extensions import db
from storybank.stories.models import StoryStatus
from storybank.tagging import services
from storybank.tagging.models import StoryTag, Tag, TagGroup, TagStatus
from storybank.text.analysis import ThemeSuggestion
from tests.moderation_steps import make_story


@pytest.fixture
def taxonomy(app):
    services.ensure_default_taxonomy()


@pytest.fixture
def signed_in_admin(client, auth, admin, taxonomy):
    auth.sign_in(admin.username)
    return admin


def _tag(name: str) -> Tag | None:
    return db.session.scalar(select(Tag).where(Tag.name == name))


def _group(slug: str) -> TagGroup:
    return db.session.scalar(select(TagGroup).where(TagGroup.slug == slug))


def _post(client, auth, path: str, data: dict | None = None):
    return client.post(path, data={**(data or {}), "csrf_token": auth.csrf_token("/admin/taxonomy/")})


def _event(action: str) -> AuditEvent | None:
    return db.session.scalar(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id.desc()))


def _tag_story(tag: Tag, author, person, status=TagStatus.CONFIRMED):
    story = make_story(author, status=StoryStatus.APPROVED)
    db.session.add(StoryTag(story_id=story.id, tag_id=tag.id, status=status, decided_by_id=person.id))
    db.session.commit()
    return story


def test_the_default_groups_and_tags_are_listed(client, signed_in_admin):
    page = client.get("/admin/taxonomy/").get_data(as_text=True)
    for group in ("Themes", "Care settings", "Barriers to kindness"):
        assert group in page
    themes = client.get(f"/admin/taxonomy/groups/{_group('themes').id}").get_data(as_text=True)
    for theme in ("Dignity", "Being listened to", "Discharge from hospital", "End of life"):
        assert theme in themes
    barriers = client.get(f"/admin/taxonomy/groups/{_group('barriers_to_kindness').id}").get_data(as_text=True)
    assert "Fear of radical kindness" in barriers and "Attitude to risk" in barriers


def test_an_admin_adds_a_group_and_a_tag_and_both_are_audited(client, auth, signed_in_admin):
    response = _post(client, auth, "/admin/taxonomy/groups/new", {"name": "Age group",
                                                                 "description": "How old the person is."})
    assert response.status_code == 302
    group = _group("age_group")
    assert group.name == "Age group"
    response = _post(client, auth, f"/admin/taxonomy/groups/{group.id}/tags/new",
                     {"name": "Older people", "description": "People over 65.", "synonyms": "elderly, older adults"})
    assert response.status_code == 302
    tag = _tag("Older people")
    assert (tag.group_id, tag.slug, tag.synonyms) == (group.id, "older_people", ["elderly", "older adults"])
    assert _event("taxonomy.group_added").actor_id == signed_in_admin.id
    assert _event("taxonomy.tag_added").after["name"] == "Older people"


def test_a_tag_name_already_in_the_group_is_refused_kindly(client, auth, signed_in_admin):
    response = _post(client, auth, f"/admin/taxonomy/groups/{_group('themes').id}/tags/new", {"name": "dignity"})
    assert response.status_code == 400
    assert "There is already a tag called “Dignity” in Themes." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Tag).where(func.lower(Tag.name) == "dignity")) == 1


@pytest.mark.parametrize("name", ["🌻", "!!!", "\U000ebda5"])
def test_a_tag_name_of_only_signs_added_twice_is_refused_kindly(client, auth, signed_in_admin, name):
    """Found by tests/functional/test_property_inputs.py: with no words to compare, the second one reached the
    database's unique constraint and gave a server error."""
    path = f"/admin/taxonomy/groups/{_group('themes').id}/tags/new"
    assert _post(client, auth, path, {"name": name}).status_code == 302
    response = _post(client, auth, path, {"name": name})
    assert response.status_code == 400
    assert "There is already a tag called" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Tag).where(Tag.name == name)) == 1


def test_renaming_a_tag_keeps_it_on_every_story(client, auth, signed_in_admin, contributor):
    dignity = _tag("Dignity")
    stories = [_tag_story(dignity, contributor, signed_in_admin) for _ in range(2)]
    response = _post(client, auth, f"/admin/taxonomy/tags/{dignity.id}",
                     {"name": "Dignity and respect", "description": "Being treated as a person.",
                      "synonyms": "respect\nprivacy"})
    assert response.status_code == 302
    db.session.refresh(dignity)
    assert (dignity.name, dignity.slug) == ("Dignity and respect", "dignity")
    for story in stories:
        assert [t.name for t in services.confirmed_tags(story)] == ["Dignity and respect"]
    event = _event("taxonomy.tag_renamed")
    assert (event.before["name"], event.after["name"]) == ("Dignity", "Dignity and respect")


def test_editing_only_the_description_and_synonyms_is_audited_as_an_edit(client, auth, signed_in_admin):
    trust = _tag("Trust")
    page = client.get(f"/admin/taxonomy/tags/{trust.id}").get_data(as_text=True)
    assert "feeling safe" in page  # the form shows today's synonyms
    _post(client, auth, f"/admin/taxonomy/tags/{trust.id}",
          {"name": "Trust", "description": "Feeling safe with people.", "synonyms": "feeling safe, Trust, safety"})
    db.session.refresh(trust)
    assert trust.synonyms == ["feeling safe", "safety"]  # the tag's own name is not its own synonym
    assert _event("taxonomy.tag_edited").after["description"] == "Feeling safe with people."
    assert _event("taxonomy.tag_renamed") is None


def test_merging_moves_every_story_to_the_other_tag_without_duplicates(client, auth, signed_in_admin,
                                                                       contributor):
    rushed, waiting = _tag("Rushed care"), _tag("Waiting and delays")
    only_rushed = _tag_story(rushed, contributor, signed_in_admin)
    both = _tag_story(rushed, contributor, signed_in_admin)
    db.session.add(StoryTag(story_id=both.id, tag_id=waiting.id, status=TagStatus.CONFIRMED))
    suggested_both = make_story(contributor, status=StoryStatus.APPROVED)
    services.suggest_tags(suggested_both, [ThemeSuggestion("waiting_and_delays", "The story mentions 'waiting'.",
                                                           "waiting")])
    db.session.add(StoryTag(story_id=suggested_both.id, tag_id=rushed.id, status=TagStatus.CONFIRMED))
    only_waiting = _tag_story(waiting, contributor, signed_in_admin)
    rushed_id = rushed.id
    page = client.get(f"/admin/taxonomy/tags/{rushed_id}/merge").get_data(as_text=True)
    assert "Waiting and delays" in page and "The 3 stories tagged “Rushed care” will have" in page

    response = _post(client, auth, f"/admin/taxonomy/tags/{rushed_id}/merge", {"target": waiting.id})

    assert response.status_code == 302
    assert db.session.get(Tag, rushed_id) is None
    for story in (only_rushed, both, suggested_both, only_waiting):
        assert [t.name for t in services.confirmed_tags(story)] == ["Waiting and delays"]
        assert len(services.story_tags(story)) == 1
    db.session.refresh(waiting)
    assert "Rushed care" in waiting.synonyms and "no time" in waiting.synonyms
    event = _event("taxonomy.tags_merged")
    assert (event.actor_id, event.after["stories_moved"]) == (signed_in_admin.id, 3)
    assert services.find_tag(_group("themes"), "rushed_care") == waiting  # the analysis's old slug still lands


def test_tags_in_different_groups_cannot_be_merged(app, admin, taxonomy):
    with pytest.raises(services.TaggingError):
        services.merge_tags(_tag("Hospital"), _tag("Discharge from hospital"), admin)


def test_deleting_a_tag_in_use_asks_first_and_a_get_deletes_nothing(client, auth, signed_in_admin, contributor):
    loneliness = _tag("Loneliness")
    stories = [_tag_story(loneliness, contributor, signed_in_admin) for _ in range(12)]
    page = client.get(f"/admin/taxonomy/tags/{loneliness.id}/delete").get_data(as_text=True)
    assert "This tag is on 12 stories. Deleting it removes it from them." in page
    assert _tag("Loneliness") is not None
    assert _event("taxonomy.tag_deleted") is None

    response = _post(client, auth, f"/admin/taxonomy/tags/{loneliness.id}/delete")

    assert response.status_code == 302
    assert _tag("Loneliness") is None
    assert all(services.confirmed_tags(story) == [] for story in stories)
    event = _event("taxonomy.tag_deleted")
    assert (event.actor_id, event.before["name"], event.after["removed_from_stories"]) == (
        signed_in_admin.id, "Loneliness", 12)


def test_a_tag_nobody_uses_is_deleted_after_a_plain_question(client, auth, signed_in_admin):
    page = client.get(f"/admin/taxonomy/tags/{_tag('Day service').id}/delete").get_data(as_text=True)
    assert "No story has this tag." in page
    _post(client, auth, f"/admin/taxonomy/tags/{_tag('Day service').id}/delete")
    assert _tag("Day service") is None


def test_a_long_group_is_split_into_pages(client, auth, signed_in_admin, admin):
    group = services.add_group("Places", "", admin)
    for n in range(55):
        services.add_tag(group, services.TagText(name=f"Place {n:02d}"), admin)
    first = client.get(f"/admin/taxonomy/groups/{group.id}").get_data(as_text=True)
    second = client.get(f"/admin/taxonomy/groups/{group.id}?page=2").get_data(as_text=True)
    assert "Place 00" in first and "Place 54" not in first and "Page 1 of 2" in first
    assert "Place 54" in second


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.SUPPORTER, Role.MODERATOR, Role.TRAINER])
def test_only_admins_may_change_the_taxonomy(client, auth, make_user, taxonomy, role):
    person = make_user(role)
    auth.sign_in(person.username)
    dignity = _tag("Dignity")
    token = auth.csrf_token("/account")
    assert client.get("/admin/taxonomy/").status_code == 403
    for path, data in [(f"/admin/taxonomy/tags/{dignity.id}", {"name": "Changed"}),
                       (f"/admin/taxonomy/tags/{dignity.id}/delete", {}),
                       ("/admin/taxonomy/groups/new", {"name": "Mine"})]:
        assert client.post(path, data={**data, "csrf_token": token}).status_code == 403
    assert _tag("Dignity") is not None and _tag("Changed") is None


@pytest.mark.parametrize("page", ["9223372036854775808", "99999999999999999999999", "-5", "two"])
def test_a_group_page_number_past_any_list_shows_a_page_not_a_server_error(client, signed_in_admin, page):
    """Found by tests/functional/test_property_inputs.py: a page past 2^63 overflowed the database's OFFSET."""
    group = _group(db.session.scalars(select(TagGroup.slug).order_by(TagGroup.id)).first())
    response = client.get(f"/admin/taxonomy/groups/{group.id}?page={page}")
    assert response.status_code == 200
