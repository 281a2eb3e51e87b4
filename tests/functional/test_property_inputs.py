"""Whatever anyone types or sends, the app answers without a server error and never echoes a script unescaped.

Hypothesis throws arbitrary Unicode, HTML and script fragments, huge numbers (past 2^31 - 1 and 2^63 - 1), empty,
missing and repeated fields and odd multipart bodies (a file where text is expected) at every form a person of
the right role can post to, at the search and list pages' query parameters, and at the API's with a real token.
Each form gets a good CSRF token, so the answer comes from the form itself, not from the CSRF check.

A few examples per target keep the whole run near a minute on each database; derandomised, so a failure here
fails the same way on the next run.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import select

from storybank.accounts.roles import Role
from storybank.api import services as token_services
from storybank.consent.models import Purpose
from storybank.extensions import db, limiter
from storybank.moderation.appeals import open_appeal
from storybank.moderation.claims import claim
from storybank.moderation.clarity import propose_clarity_edit
from storybank.moderation.decisions import decline
from storybank.moderation.preparation import prepare_for_review
from storybank.moderation.safeguarding import raise_concern
from storybank.moderation.suggestions import suggestions_for
from storybank.packs.models import SectionKind
from storybank.packs.reflections import decide as decide_reflection
from storybank.packs.reflections import write_reflection
from storybank.packs.services import add_section
from storybank.stories.models import StoryStatus
from storybank.tagging.models import StoryTag, Tag, TagGroup, TagSource, TagStatus
from storybank.tagging.services import TagText, add_tag
from tests.conftest import Auth
from tests.data_rights_builders import STORY_KEY
from tests.data_rights_builders import make_story as key_story
from tests.library_builders import approved
from tests.moderation_steps import make_story
from tests.pack_builders import publish, share

EXAMPLES_PER_TARGET = 30

SCRIPT = "<script>alert(1)</script>"
ODD_VALUES = [
    "", " ", "\t\n", SCRIPT, f'"><{SCRIPT[1:]}', f"</textarea>{SCRIPT}", f"'><svg onload=alert(1)>{SCRIPT}",
    "javascript:alert(1)", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "1" * 40, "-1", "0",
    "1e308", "NaN", "inf", "0x10", "１２", "2026-13-45", "9999-12-31", "0001-01-01", "\x00", "\u202eevil",
    "SB-7K3M-9PXA", "training", "partners", "yes", "no", "save", "send", "continue", "discard", "up", "down",
    "activity", "story", "accept", "reject", "x" * 70_000,
]
"""Values that have broken forms somewhere before: boundaries, look-alikes of the real choices, and markup."""

values = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(max_size=40),
    st.integers().map(str),
    st.integers(min_value=2**31, max_value=2**80).map(str),
    st.builds(lambda before, after: before + SCRIPT + after, st.text(max_size=8), st.text(max_size=8)),
)


@dataclass(frozen=True)
class Target:
    name: str
    identity: str  # a Role value, "anonymous", "api" or "key" (a browser that has looked up a story's key)
    method: str
    path: str  # formatted with the ids of the world fixture
    fields: tuple[str, ...]


STORY_FIELDS = ("story_id", "on_behalf", "contributor_name", "title", "body", "care_setting", "region", "about_whom",
                "when_happened", "action")
CONSENT_FIELDS = ("training", "partners", "public", "research", "quotes", "attribution", "attribution_name",
                  "review_date", "method", "supporter_name", "wording_version", "agree", "action")
PACK_FIELDS = ("title", "purpose", "audience", "duration_minutes", "learning_outcomes", "introduction")
SEARCH_FIELDS = ("q", "purpose", "care_setting", "region", "exclude_warning", "tag", "approved_from", "approved_to",
                 "page")

TARGETS = [
    Target("sign-up", "anonymous", "POST", "/sign-up", ("username", "display_name", "email", "password", "confirm")),
    Target("sign-in", "anonymous", "POST", "/sign-in?next=/account", ("username", "password", "next")),
    Target("key-look-up", "anonymous", "POST", "/my-story", ("reference", "key")),
    Target("reflection", "anonymous", "POST", "/s/{token}/reflect/1", ("text", "action")),
    Target("public-stories", "anonymous", "GET", "/stories", ("page", "theme")),
    Target("write", "contributor", "POST", "/stories/write", STORY_FIELDS),
    Target("autosave", "contributor", "POST", "/stories/autosave", STORY_FIELDS),
    Target("send-with-consent", "contributor", "POST", "/stories/{draft_id}/send", CONSENT_FIELDS),
    Target("change-consent", "contributor", "POST", "/my-stories/{story_id}/consent", CONSENT_FIELDS),
    Target("key-change-consent", "key", "POST", "/my-story/consent", CONSENT_FIELDS),
    Target("change-password", "contributor", "POST", "/account/password",
           ("current_password", "new_password", "confirm")),
    Target("delete-account", "contributor", "POST", "/account/delete", ("password",)),
    Target("change-sent-back-story", "contributor", "POST", "/my-stories/{changes_id}/change", STORY_FIELDS),
    Target("my-stories", "contributor", "GET", "/my-stories", ("page",)),
    Target("new-pack", "trainer", "POST", "/packs/new", PACK_FIELDS),
    Target("pack-details", "trainer", "POST", "/packs/{pack_id}/details", PACK_FIELDS),
    Target("add-section", "trainer", "POST", "/packs/{pack_id}/sections", ("kind",)),
    Target("edit-section", "trainer", "POST", "/packs/{pack_id}/sections/{section_id}", ("title", "body", "prompts")),
    Target("move-section", "trainer", "POST", "/packs/{pack_id}/sections/{section_id}/move", ("direction",)),
    Target("find-story", "trainer", "GET", "/packs/{pack_id}/stories", ("q", "page", "section")),
    Target("add-story", "trainer", "POST", "/packs/{pack_id}/stories/add", ("reference", "section")),
    Target("share-link", "trainer", "POST", "/packs/{pack_id}/sharing", ("session_name", "last_day")),
    Target("search", "trainer", "GET", "/search", SEARCH_FIELDS),
    Target("save-search", "trainer", "POST", "/search/saved", ("name", "query")),
    Target("add-tag", "trainer", "POST", "/library/stories/{reference}/tags", ("tag", "tag_id", "note")),
    Target("decide-tag", "trainer", "POST", "/library/stories/{reference}/tags/{story_tag_id}",
           ("purpose", "decision")),
    Target("api-token", "trainer", "POST", "/account/api-tokens", ("name",)),
    Target("api-stories", "api", "GET", "/api/v1/stories", ("q", "tag", "purpose", "page")),
    Target("api-story", "api", "GET", "/api/v1/stories/{reference}", ("purpose",)),
    Target("moderation-queue", "moderator", "GET", "/moderation", ("status", "care_setting", "page")),
    Target("redaction", "moderator", "POST", "/moderation/stories/{review_id}/redactions",
           ("redact-text", "redact-label", "redact-replacement")),
    Target("content-warning", "moderator", "POST", "/moderation/stories/{review_id}/content-warnings",
           ("warning-warning",)),
    Target("theme", "moderator", "POST", "/moderation/stories/{review_id}/themes", ("theme-theme",)),
    Target("clarity-edit", "moderator", "POST", "/moderation/stories/{review_id}/clarity",
           ("clarity-text", "clarity-note")),
    Target("safeguarding-concern", "moderator", "POST", "/moderation/stories/{review_id}/concerns",
           ("concern-sentence", "concern-reason")),
    Target("request-changes", "moderator", "POST", "/moderation/stories/{review_id}/request-changes",
           ("changes-message",)),
    Target("decline", "moderator", "POST", "/moderation/stories/{review_id}/decline",
           ("decline-reason", "decline-message")),
    Target("decide-suggestion", "moderator", "POST", "/moderation/suggestions/{suggestion_id}",
           ("decision", "replacement")),
    Target("safeguarding-action", "moderator", "POST", "/moderation/concerns/{concern_id}",
           ("action", "reference", "note")),
    Target("appeal-decision", "moderator", "POST", "/moderation/appeals/{appeal_id}", ("outcome", "message")),
    Target("reflection-moderator", "moderator", "POST", "/moderation/reflections/{reflection_id}",
           ("decision", "reason")),
    Target("reflection-trainer", "trainer", "POST", "/packs/reflections/{passed_reflection_id}",
           ("decision", "reason")),
    Target("clarity-answer", "contributor", "POST", "/my-stories/{clarity_id}/clarity", ("answer",)),
    Target("ask-again", "contributor", "POST", "/my-stories/{declined_id}/ask-again", ("note",)),
    Target("admin-users", "admin", "GET", "/admin/users", ("q", "page")),
    Target("audit-log", "admin", "GET", "/admin/audit/", ("action", "actor", "page", "from", "to")),
    Target("background-work", "admin", "GET", "/admin/jobs/", ("show", "page")),
    Target("admin-user-access", "admin", "POST", "/admin/users/{user_id}", ("roles", "active")),
    Target("erase-account", "admin", "POST", "/admin/users/{erase_user_id}/erase", ("confirm_username",)),
    Target("audit-export", "admin", "POST", "/admin/audit/export.csv", ("action", "actor", "from", "to")),
    Target("decline-reason-wording", "admin", "POST", "/admin/decline-reasons/other", ("title", "text")),
    Target("taxonomy-add-group", "admin", "POST", "/admin/taxonomy/groups/new", ("name", "description")),
    Target("taxonomy-edit-tag", "admin", "POST", "/admin/taxonomy/tags/{tag_id}", ("name", "description", "synonyms")),
    Target("taxonomy-group", "admin", "GET", "/admin/taxonomy/groups/{group_id}", ("page",)),
    Target("taxonomy-merge-tag", "admin", "POST", "/admin/taxonomy/tags/{merge_tag_id}/merge", ("target",)),
    Target("taxonomy-add-tag", "admin", "POST", "/admin/taxonomy/groups/{group_id}/tags/new",
           ("name", "slug", "description")),
]

CSRF_REFUSED = "For your safety we could not save that"
ROLE_VALUES = frozenset(role.value for role in Role)


@pytest.fixture
def world(app, make_user):
    """One of each role signed in on its own client, an API token, and the objects the targets' addresses name."""
    people = {role: make_user(role, username=f"prop-{role.value}") for role in Role}
    contributor, trainer = people[Role.CONTRIBUTOR], people[Role.TRAINER]
    submitted = make_story(contributor)
    draft = make_story(contributor, status=StoryStatus.DRAFT)
    shown = approved(contributor, "The carer knocked before coming in.", title="Knocking", scopes=tuple(Purpose))
    version = publish(trainer, [shown])
    _, token = share(version)
    section = add_section(version.pack, trainer, SectionKind.ACTIVITY)
    group = db.session.scalars(select(TagGroup).order_by(TagGroup.id)).first()
    tag = db.session.scalars(select(Tag).order_by(Tag.id)).first()
    in_review = make_story(contributor, title="Being read")
    sent_back = make_story(contributor, title="Sent back", status=StoryStatus.CHANGES_REQUESTED)
    db.session.commit()
    to_merge = add_tag(group, TagText(name="Merge me"), people[Role.ADMIN])
    moderation_ids = _in_moderation(contributor, people[Role.MODERATOR], token)
    prepare_for_review(in_review)
    claim(in_review, people[Role.MODERATOR])
    secret = token_services.create_token(trainer, "Property test", trainer).secret
    suggested = StoryTag(story_id=shown.id, tag_id=tag.id, status=TagStatus.SUGGESTED, source=TagSource.ANALYSIS,
                         trigger_words="knocked")
    keyed = key_story(contributor, title="Shared with a key")
    erase_me = make_user(Role.CONTRIBUTOR, username="prop-erase-me")
    db.session.add(suggested)
    db.session.commit()
    ids = {"story_id": submitted.id, "draft_id": draft.id, "pack_id": version.pack_id, "section_id": section.id,
           "token": token, "reference": shown.reference, "group_id": group.id, "tag_id": tag.id,
           "review_id": in_review.id, "user_id": people[Role.SUPPORTER].id, "changes_id": sent_back.id,
           "merge_tag_id": to_merge.id, "story_tag_id": suggested.id, "erase_user_id": erase_me.id,
           **moderation_ids}
    clients, auths = {}, {}
    for identity in ["anonymous", "api", "key", *(role.value for role in Role)]:
        clients[identity] = app.test_client()
        auths[identity] = Auth(app, clients[identity])
        if identity in ROLE_VALUES:
            auths[identity].sign_in(people[Role(identity)].username)
    looked_up = clients["key"].post("/my-story", data={"reference": keyed.reference, "key": STORY_KEY,
                                                        "csrf_token": auths["key"].csrf_token("/my-story")})
    assert looked_up.status_code == 302, "the key browser has looked its story up"
    return {"ids": ids, "clients": clients, "auths": auths, "secret": secret}


def _in_moderation(contributor, moderator, share_token: str) -> dict[str, int]:
    """A suggestion and a safeguarding concern on a claimed story, an appeal against a decline, a declined story
    with none, a clarity edit waiting for its contributor, and reflections waiting for a moderator and a trainer."""
    claimed = make_story(contributor, title="Claimed")
    declined = [make_story(contributor, title=f"Declined {n}") for n in (1, 2)]
    clear = make_story(contributor, "The carer always knocked before coming in, and waited for me to answer.",
                       title="Clear")
    db.session.commit()
    for story in (claimed, *declined, clear):
        prepare_for_review(story)
        claim(story, moderator)
    for story in declined:
        decline(story, moderator, "not_about_care")
    appeal = open_appeal(declined[0], contributor, "It is about care, please look again.")
    propose_clarity_edit(clear, moderator, "The carer always knocked first, and waited for me to answer.")
    concern = raise_concern(claimed, moderator, "Bernadette always asks how I want my tea", "A check, for the test.")
    waiting, passed = (write_reflection(share_token, 1, words) for words in ("I will knock first.", "I will wait."))
    decide_reflection(passed, moderator, pass_on=True)
    db.session.commit()
    return {"suggestion_id": suggestions_for(claimed)[0].id, "concern_id": concern.id, "appeal_id": appeal.id,
            "declined_id": declined[1].id, "clarity_id": clear.id, "reflection_id": waiting.id,
            "passed_reflection_id": passed.id}


def _send(app, world, target: Target, fields: dict[str, list[str]], file_in: str | None, token: str):
    client = world["clients"][target.identity]
    url = target.path.format(**world["ids"])
    if target.method == "GET":
        headers = {"Authorization": f"Bearer {world['secret']}"} if target.identity == "api" else {}
        return client.get(url, query_string=fields, headers=headers)
    data: dict = {name: list(given_values) for name, given_values in fields.items() if given_values}
    if file_in is not None:
        data[file_in] = (io.BytesIO(SCRIPT.encode() + b"\x00\xff"), "story <b>.txt", "text/html")
    data["csrf_token"] = token
    return client.post(url, data=data)


def _check(response, target: Target) -> None:
    assert response.status_code < 500, f"{target.method} {target.path}: {response.status_code}"
    if response.mimetype == "text/html":
        assert "<script>alert" not in response.get_data(as_text=True).lower(), target.name


def _try_every_input(app, world, target: Target) -> None:
    csrf_page = {"key": "/my-story/consent"}.get(target.identity,
                                                  "/account" if target.identity in ROLE_VALUES else "/my-story")
    token = {"value": world["auths"][target.identity].csrf_token(csrf_page) if target.method == "POST" else ""}
    answered = {"by the form": 0, "by the CSRF check": 0}
    field_values = st.fixed_dictionaries({name: st.lists(values, max_size=3) for name in target.fields})
    file_field = st.one_of(st.none(), st.sampled_from(target.fields)) if target.method == "POST" else st.none()

    @settings(max_examples=EXAMPLES_PER_TARGET, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(fields=field_values, file_in=file_field)
    def answers_kindly(fields, file_in):
        note(f"{target.name}: {target.method} {target.path}")
        limiter.reset()  # 429 would be fine, but it would stop the forms themselves being tried
        response = _send(app, world, target, fields, file_in, token["value"])
        _check(response, target)
        if response.status_code == 400 and CSRF_REFUSED in response.get_data(as_text=True):
            # a sign-up or sign-in that worked starts a new session: take the new session's token
            answered["by the CSRF check"] += 1
            token["value"] = world["auths"][target.identity].csrf_token(csrf_page)
        else:
            answered["by the form"] += 1
        response.close()

    answers_kindly()
    assert answered["by the form"] > answered["by the CSRF check"], f"{target.name}: {answered}"


def test_no_form_or_query_gives_a_server_error_or_unescaped_script(app, world):
    """One world for every target (signing five people in is most of the cost); the note names the failing one."""
    for target in TARGETS:
        _try_every_input(app, world, target)


BUTTONS_ONLY = {
    "accounts.sign_out", "api_tokens.revoke", "data_rights.data_json", "data_rights.data_html",
    "data_requests.export", "jobs.try_again", "moderation.claim", "moderation.release", "moderation.approve",
    "moderation.mark_notifications_read", "pack_delivery.publish", "pack_delivery.duplicate", "pack_delivery.end_link",
    "packs.add_default_activities", "packs.remove_section", "saved_searches.delete", "stories.recover",
    "stories.withdraw", "stories.key_withdraw", "stories.key_finish", "taxonomy.delete_tag",
}
"""POST routes whose form is a CSRF token and a button (an ``action`` word at most): nothing typed to throw at them."""

NOT_YET_FUZZED: dict[str, str] = {}
"""Forms with fields that the property test does not reach yet, each with what it would need."""


def test_every_post_route_is_fuzzed_or_listed_with_a_reason(app):
    """A form added later fails here until it is a TARGET, or listed above with the reason it is not."""
    adapter = app.url_map.bind("localhost")
    placeholders = {name: "1" for name in ("token", "reference")} | {
        name: 1 for name in ("story_id", "draft_id", "pack_id", "section_id", "group_id", "tag_id", "review_id",
                             "user_id", "changes_id", "merge_tag_id", "suggestion_id", "concern_id", "appeal_id",
                             "declined_id", "clarity_id", "reflection_id", "passed_reflection_id", "story_tag_id",
                             "erase_user_id")}
    fuzzed = {adapter.match(target.path.format(**placeholders).split("?")[0], method=target.method)[0]
              for target in TARGETS if target.method == "POST"}
    posts = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    assert posts - fuzzed - BUTTONS_ONLY - set(NOT_YET_FUZZED) == set(), "a new form: add it to TARGETS"
    assert (BUTTONS_ONLY | set(NOT_YET_FUZZED)) & fuzzed == set(), "fuzzed now: take it off the lists"
    assert (BUTTONS_ONLY | set(NOT_YET_FUZZED)) - posts == set(), "listed routes that no longer exist"
