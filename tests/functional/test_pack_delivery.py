"""A trainer publishes a pack as a frozen version, copies it, makes share links that are shown once and kept only as
a hash, and trainees read the pack from a link with no account. Every story is read through the consent gate on
every page, so a story withdrawn a moment ago is gone from the pack, the version and the link at once."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import JSON, String, Text, func, select, update

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.consent.models import Purpose
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.packs import links
from storybank.packs.delivery_models import PackVersion, PackVersionStory, Reflection, ShareLink
from storybank.packs.models import Pack, PackSection
from storybank.packs.services import PLACEHOLDER
from tests.functional.test_packs import add_story, count, make_pack, sections, text_of
from tests.library_builders import approved, put_outside_the_gate

ENDED = "This link has ended"
LINK = re.compile(r'value="(http://[^"]*/s/([A-Za-z0-9_-]+))"')


@pytest.fixture
def token(auth, signed_in_trainer):
    return auth.csrf_token("/packs/new")


def publish(client, token, pack):
    return client.post(f"/packs/{pack.id}/publish", data={"csrf_token": token})


def versions(pack_id: int) -> list[PackVersion]:
    db.session.expire_all()
    return list(db.session.scalars(select(PackVersion).where(PackVersion.pack_id == pack_id)
                                   .order_by(PackVersion.number)))


def make_link(client, token, pack, session_name="Induction, 12 March", last_day=None):
    """Make a link through the page and return (response html, full address, token)."""
    last_day = last_day or (utcnow() + timedelta(days=10)).strftime("%d/%m/%Y")
    response = client.post(f"/packs/{pack.id}/sharing", data={"session_name": session_name, "last_day": last_day,
                                                              "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 201, html
    address, secret = LINK.search(html).groups()
    return html, address, secret


@pytest.fixture
def published(client, token, signed_in_trainer, contributor):
    """A pack with two stories (one with a warning), an activity and facilitator notes, published, with a link."""
    kept = approved(contributor, "The night staff sang to me.", title="Singing", warning="Hospital stay")
    leaving = approved(contributor, "My daughter's wedding photo fell and nobody picked it up.",
                       title="The photograph", warning="Family loss")
    pack = make_pack(client, token)
    add_story(client, token, pack, kept)
    add_story(client, token, pack, leaving)
    client.post(f"/packs/{pack.id}/sections", data={"kind": "notes", "csrf_token": token})
    notes = sections(pack.id)[-1]
    client.post(f"/packs/{pack.id}/sections/{notes.id}", data={
        "title": "For the facilitator", "body": "Secret facilitator advice.", "prompts": "", "csrf_token": token})
    assert publish(client, token, pack).status_code == 302
    _, address, secret = make_link(client, token, pack)
    return {"pack": pack, "kept": kept, "leaving": leaving, "address": address, "token": secret}


def test_publishing_freezes_the_packs_words_as_version_one_with_only_story_ids(published, contributor):
    pack, kept, leaving = published["pack"], published["kept"], published["leaving"]
    [version] = versions(pack.id)
    assert (version.number, version.title, version.audience, version.duration_minutes, version.purpose.value) == (
        1, "Dignity in the morning", "New home care workers", 90, "training")
    assert version.learning_outcomes == "Notice rushed care\nAsk before helping"
    assert version.introduction == "Welcome. **Take your time.**"
    assert [(s["key"], s["kind"], s["story_id"], s["title"], s["body"]) for s in version.sections] == [
        (1, "story", kept.id, "", ""), (2, "story", leaving.id, "", ""),
        (3, "notes", None, "For the facilitator", "Secret facilitator advice.")]
    assert set(db.session.scalars(select(PackVersionStory.story_id).where(
        PackVersionStory.version_id == version.id))) == {kept.id, leaving.id}
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "pack.published")) == 1


def test_the_draft_changes_but_trainees_see_the_old_version_until_it_is_published_again(client, token, published):
    pack = published["pack"]
    client.post(f"/packs/{pack.id}/details", data={"title": "A new title", "purpose": "training",
                                                   "csrf_token": token})
    status, html = text_of(client, f"/packs/{pack.id}")
    assert "You are changing a draft; trainees see version 1 until you publish again" in html
    status, html = text_of(client, f"/s/{published['token']}")
    assert "Dignity in the morning" in html and "A new title" not in html
    assert publish(client, token, pack).status_code == 302
    assert [(v.number, v.title) for v in versions(pack.id)] == [(1, "Dignity in the morning"), (2, "A new title")]
    assert "Dignity in the morning" in text_of(client, f"/packs/{pack.id}/versions/1")[1]
    assert "A new title" in text_of(client, f"/packs/{pack.id}/versions/2")[1]
    assert "trainees see version 2" in text_of(client, f"/packs/{pack.id}")[1]
    assert text_of(client, f"/packs/{pack.id}/versions/3")[0] == 404


def test_a_pack_with_no_story_is_not_published_and_the_trainer_is_told_why(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    client.post(f"/packs/{pack.id}/default-activities", data={"csrf_token": token})
    response = publish(client, token, pack)
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "A pack needs at least one story before it can be published" in html
    assert versions(pack.id) == []


@pytest.mark.parametrize("state", ["withdrawn", "expired", "not_approved"])
def test_a_pack_holding_a_story_outside_the_gate_is_not_published(client, token, signed_in_trainer, contributor,
                                                                 state):
    story = approved(contributor, "Words that must not show.", title="Hidden")
    pack = make_pack(client, token)
    add_story(client, token, pack, story)
    put_outside_the_gate(story, state, contributor)
    response = publish(client, token, pack)
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "can no longer be used, so it cannot be published yet" in html
    assert "Words that must not show" not in html
    assert versions(pack.id) == []


def test_a_copy_is_a_new_draft_with_the_same_sections(client, token, published):
    pack = published["pack"]
    response = client.post(f"/packs/{pack.id}/duplicate", data={"csrf_token": token})
    assert response.status_code == 302
    copy = db.session.scalars(select(Pack).order_by(Pack.id.desc())).first()
    assert copy.id != pack.id and copy.title == "Copy of Dignity in the morning"
    assert response.headers["Location"].endswith(f"/packs/{copy.id}")
    original = [(s.kind, s.story_id, s.title, s.body, s.prompts) for s in sections(pack.id)]
    assert [(s.kind, s.story_id, s.title, s.body, s.prompts) for s in sections(copy.id)] == original
    assert versions(copy.id) == []
    assert "The night staff sang to me." in text_of(client, f"/packs/{copy.id}/preview")[1]
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.object_id == str(copy.id),
                                                             AuditEvent.object_type == "packs")) == "pack.duplicated"


def test_a_copy_leaves_out_a_story_that_can_no_longer_be_used(client, token, published, contributor):
    pack = published["pack"]
    put_outside_the_gate(published["leaving"], "withdrawn", contributor)
    response = client.post(f"/packs/{pack.id}/duplicate", data={"csrf_token": token})
    copy = db.session.scalars(select(Pack).order_by(Pack.id.desc())).first()
    assert [s.story_id for s in sections(copy.id) if s.story_id] == [published["kept"].id]
    assert "1 story could no longer be used" in client.get(response.headers["Location"]).get_data(as_text=True)


@pytest.mark.parametrize("state", ["withdrawn", "expired", "purpose_removed", "not_approved"])
def test_a_story_outside_the_gate_leaves_the_pack_the_version_and_the_link_in_the_same_request(
        client, published, contributor, state):
    pack = published["pack"]
    pages = (f"/packs/{pack.id}", f"/packs/{pack.id}/preview", f"/packs/{pack.id}/versions/1",
             f"/packs/{pack.id}/versions/1?notes=show", f"/s/{published['token']}")
    for url in pages:
        assert "wedding photo" in text_of(client, url)[1] or url == f"/packs/{pack.id}", url
    put_outside_the_gate(published["leaving"], state, contributor)
    for url in pages:
        status, html = text_of(client, url)
        assert status == 200, url
        assert "wedding photo" not in html and "The photograph" not in html and "Family loss" not in html, url
        assert PLACEHOLDER in html, url
    html = text_of(client, f"/s/{published['token']}")[1]
    assert "The night staff sang to me." in html and "Hospital stay" in html


def test_a_trainee_reads_the_pack_with_warnings_first_skip_links_and_questions_but_no_facilitator_notes(
        client, auth, published):
    auth.sign_out()  # no account is needed: the link is enough
    status, html = text_of(client, f"/s/{published['token']}")
    assert status == 200
    top = html.index("Before you begin")
    assert "Hospital stay, Family loss" in html[top:html.index("The night staff sang to me.")]
    assert html.index("this story talks about Hospital stay") < html.index("The night staff sang to me.")
    assert html.count("Skip this story") == 2
    assert "How might this person have felt?" in html
    assert "Secret facilitator advice" not in html and "For the facilitator" not in html
    assert "ORIGINAL" not in html and "Bernadette" not in html
    assert "Induction, 12 March" in html


def test_the_trainee_page_asks_browsers_not_to_keep_or_pass_on_the_link(client, published):
    for url in (f"/s/{published['token']}", "/s/not-a-real-token"):
        response = client.get(url)
        assert response.headers["Referrer-Policy"] == "no-referrer", url
        assert response.headers["Cache-Control"] == "no-store", url
        assert response.headers["X-Robots-Tag"] == "noindex", url


def test_opening_a_share_link_writes_nothing(client, published):
    db.session.expire_all()
    before = count(AuditEvent), count(ShareLink), count(PackVersion), count(Reflection)
    link_row = db.session.execute(select(ShareLink.__table__)).one()
    for url in (f"/s/{published['token']}", "/s/unknown-token"):
        client.get(url)
    db.session.expire_all()
    assert (count(AuditEvent), count(ShareLink), count(PackVersion), count(Reflection)) == before
    assert db.session.execute(select(ShareLink.__table__)).one() == link_row


@pytest.mark.parametrize("how", ["expired", "revoked"])
def test_an_ended_link_shows_the_ended_page_with_no_story_and_no_pack_title(client, published, how):
    values = {"expires_at": utcnow() - timedelta(minutes=1)} if how == "expired" else {"revoked_at": utcnow()}
    db.session.execute(update(ShareLink).values(**values))
    db.session.commit()
    status, html = text_of(client, f"/s/{published['token']}")
    assert status == 410
    assert ENDED in html and "ask the person who runs your training for a new link" in html
    for words in ("Dignity in the morning", "The night staff sang to me.", "Singing", "Hospital stay",
                  "How might this person have felt?"):
        assert words not in html


def test_an_unknown_or_overlong_token_shows_the_ended_page_as_not_found(client, published):
    for token in ("x" * 43, published["token"][:-1], "y" * 500):
        status, html = text_of(client, f"/s/{token}")
        assert status == 404 and ENDED in html and "Singing" not in html


def test_the_token_is_shown_once_and_the_database_keeps_only_its_hash(client, token, published):
    secret = published["token"]
    assert len(secret) >= 43 and len(links.new_token()) >= 43  # 32 random bytes: 256 bits
    assert published["address"].endswith(f"/s/{secret}")
    [row] = db.session.execute(select(ShareLink.__table__)).all()
    assert row.token_hash == links.hash_token(secret) and len(row.token_hash) == 64
    assert secret not in json.dumps([str(value) for value in row])
    for event in db.session.scalars(select(AuditEvent)):
        assert secret not in json.dumps([event.before, event.after, event.detail], default=str)
    status, html = text_of(client, f"/packs/{published['pack'].id}/sharing")
    assert status == 200 and secret not in html and "Induction, 12 March" in html
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))
                   or isinstance(getattr(c.type, "impl", None), (String, Text))]
        for values in db.session.execute(select(*columns)) if columns else ():
            assert secret not in json.dumps([str(v) for v in values]), table.name


def test_making_a_link_says_to_copy_it_now_and_sets_no_cookie_with_it(client, token, published):
    pack = published["pack"]
    response = client.post(f"/packs/{pack.id}/sharing", data={"session_name": "", "last_day": "",
                                                              "csrf_token": token})
    assert response.status_code == 400  # a missing date is asked for again
    html, address, secret = make_link(client, token, pack, session_name="Team day")
    assert "Copy it now" in html and "If you lose it, make a new one" in html
    response = client.post(f"/packs/{pack.id}/sharing", data={
        "session_name": "Again", "last_day": (utcnow() + timedelta(days=3)).strftime("%Y-%m-%d"),
        "csrf_token": token})
    assert response.status_code == 201
    new_secret = LINK.search(response.get_data(as_text=True)).group(2)
    assert new_secret != secret
    assert new_secret not in " ".join(response.headers.getlist("Set-Cookie"))
    assert "Again" in text_of(client, f"/s/{new_secret}")[1]


@pytest.mark.parametrize(("last_day", "message"), [
    ("yesterday", "Please give the last day as a date"),
    ("past", "The last day must be today or later"),
    ("far", "A link can last up to a year"),
])
def test_a_wrong_last_day_is_explained_and_what_was_typed_is_kept(client, token, published, last_day, message):
    typed = {"yesterday": "yesterday", "past": (utcnow() - timedelta(days=3)).strftime("%d/%m/%Y"),
             "far": (utcnow() + timedelta(days=400)).strftime("%d/%m/%Y")}[last_day]
    before = count(ShareLink)
    response = client.post(f"/packs/{published['pack'].id}/sharing", data={
        "session_name": "My careful name", "last_day": typed, "csrf_token": token})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is a problem" in html and message in html
    assert "My careful name" in html and typed in html
    assert count(ShareLink) == before and not LINK.search(html)


def test_a_link_can_be_made_only_for_a_published_pack(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    response = client.post(f"/packs/{pack.id}/sharing", data={
        "last_day": (utcnow() + timedelta(days=3)).strftime("%d/%m/%Y"), "csrf_token": token})
    assert response.status_code == 400
    assert "Please publish the pack before you make a link" in response.get_data(as_text=True)
    assert count(ShareLink) == 0


def test_a_link_is_ended_after_the_trainer_confirms_and_the_list_says_so(client, token, published):
    pack = published["pack"]
    link = db.session.scalar(select(ShareLink))
    status, html = text_of(client, f"/packs/{pack.id}/sharing")
    assert "Open until" in html
    status, html = text_of(client, f"/packs/{pack.id}/links/{link.id}/end")
    assert status == 200 and "Yes, end this link" in html
    assert db.session.get(ShareLink, link.id).revoked_at is None  # asking writes nothing
    response = client.post(f"/packs/{pack.id}/links/{link.id}/end", data={"csrf_token": token})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ShareLink, link.id).revoked_at is not None
    assert "Ended by you on" in text_of(client, f"/packs/{pack.id}/sharing")[1]
    assert text_of(client, f"/s/{published['token']}")[0] == 410
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "share_link.revoked")) == 1


def test_a_link_without_its_csrf_token_is_not_ended(client, published):
    pack = published["pack"]
    link = db.session.scalar(select(ShareLink))
    client.post(f"/packs/{pack.id}/links/{link.id}/end", data={})
    db.session.expire_all()
    assert db.session.get(ShareLink, link.id).revoked_at is None


def test_another_trainer_finds_none_of_this_but_a_moderator_may_read_a_version(client, auth, published, make_user):
    pack = published["pack"]
    link = db.session.scalar(select(ShareLink))
    other = make_user(Role.TRAINER, username="other-trainer")
    auth.sign_out()
    auth.sign_in(other.username)
    for url in (f"/packs/{pack.id}/versions/1", f"/packs/{pack.id}/sharing",
                f"/packs/{pack.id}/links/{link.id}/end"):
        assert client.get(url).status_code == 404, url
    token = auth.csrf_token("/packs/new")
    for url in (f"/packs/{pack.id}/publish", f"/packs/{pack.id}/duplicate", f"/packs/{pack.id}/sharing",
                f"/packs/{pack.id}/links/{link.id}/end"):
        assert client.post(url, data={"csrf_token": token, "last_day": "01/01/2099"}).status_code == 404, url
    assert len(versions(pack.id)) == 1 and count(ShareLink) == 1 and count(Pack) == 1
    auth.sign_out()
    moderator = make_user(Role.MODERATOR, username="mo")
    auth.sign_in(moderator.username)
    status, html = text_of(client, f"/packs/{pack.id}/versions/1")
    assert status == 200 and "The night staff sang to me." in html


def test_the_dashboard_shows_versions_open_links_unusable_stories_and_waiting_reflections(
        client, published, contributor, make_user):
    pack = published["pack"]
    db.session.add(Reflection(story_id=published["kept"].id, pack_id=pack.id, text="I will slow down."))
    other = make_user(Role.TRAINER, username="other-trainer")
    other_pack = Pack(owner_id=other.id, title="Someone else's pack")
    db.session.add(other_pack)
    db.session.flush()
    db.session.add(Reflection(story_id=published["kept"].id, pack_id=other_pack.id, text="Not mine."))
    db.session.commit()
    status, html = text_of(client, "/packs/dashboard")
    assert status == 200
    assert "Dignity in the morning" in html and "Version 1" in html and "Induction, 12 March" in html
    assert "1 reflection is waiting" in html
    assert "Someone else" not in html
    assert "Stories that can no longer be used" not in html
    put_outside_the_gate(published["leaving"], "withdrawn", contributor)
    status, html = text_of(client, "/packs/dashboard")
    assert "Stories that can no longer be used" in html and "1 story" in html
    assert "wedding photo" not in html and "The photograph" not in html and "Family loss" not in html


def test_a_partners_version_reads_its_stories_for_partners(client, token, signed_in_trainer, contributor):
    partners_only = approved(contributor, "Shared with partners only.", title="Partners", scopes=(Purpose.PARTNERS,))
    pack = make_pack(client, token, purpose="partners")
    add_story(client, token, pack, partners_only)
    publish(client, token, pack)
    _, _, secret = make_link(client, token, pack)
    html = text_of(client, f"/s/{secret}")[1]
    assert "Shared with partners only." in html and PLACEHOLDER not in html


def test_share_links_are_rate_limited(app, client, published):
    app.config["SHARE_LINK_RATE_LIMIT"] = "3 per minute"
    try:
        codes = [client.get(f"/s/{published['token']}").status_code for _ in range(4)]
    finally:
        del app.config["SHARE_LINK_RATE_LIMIT"]
    assert codes == [200, 200, 200, 429]


def test_a_version_keeps_no_word_of_its_stories(published):
    for table in (PackVersion.__table__, PackSection.__table__, ShareLink.__table__):
        columns = [c for c in table.columns if isinstance(c.type, (String, Text, JSON))
                   or isinstance(getattr(c.type, "impl", None), (String, Text))]
        for row in db.session.execute(select(*columns)):
            text = json.dumps([v if isinstance(v, str) else json.dumps(v) for v in row])
            assert "wedding photo" not in text and "sang to me" not in text and "Family loss" not in text


def test_each_readable_story_on_a_link_offers_the_reflection_form_with_its_token_and_section(app, client, published,
                                                                                            contributor):
    """The reflection form is another part's partial: it is given the link's token and the version's section."""
    original = app.jinja_env.loader
    app.jinja_env.loader = ChoiceLoader([DictLoader({
        "packs/_reflection_form.html": "<p>REFLECT {{ token }} {{ section.key }} {{ section.story_id }}</p>"}),
        original])
    try:
        put_outside_the_gate(published["leaving"], "withdrawn", contributor)
        html = text_of(client, f"/s/{published['token']}")[1]
        preview = text_of(client, f"/packs/{published['pack'].id}/preview")[1]
    finally:
        app.jinja_env.loader = original
    assert re.findall(r"REFLECT (\S+) (\d+) (\d+)", html) == [(published["token"], "1", str(published["kept"].id))]
    assert "REFLECT" not in preview


def test_a_link_works_until_the_end_of_the_last_day_the_trainer_chose(client, token, published):
    last_day = (utcnow() + timedelta(days=20)).date()
    html, _, secret = make_link(client, token, published["pack"], last_day=last_day.strftime("%d/%m/%Y"))
    shown = f"{last_day.day} {last_day:%B %Y}"
    assert f"It works until the end of {shown}." in html
    assert f"Open until the end of {shown}" in text_of(client, f"/packs/{published['pack'].id}/sharing")[1]
    link = db.session.scalar(select(ShareLink).where(ShareLink.token_hash == links.hash_token(secret)))
    assert link.expires_at - utcnow() > timedelta(days=20)
    assert link.expires_at - utcnow() < timedelta(days=21, hours=2)


def test_versions_and_links_come_a_page_at_a_time(client, token, published):
    pack = published["pack"]
    for _ in range(6):
        assert publish(client, token, pack).status_code == 302
    [version] = [v for v in versions(pack.id) if v.number == 7]
    for number in range(22):
        db.session.add(ShareLink(version_id=version.id, token_hash=f"{number:064d}", session_name=f"Session {number}",
                                 expires_at=utcnow() + timedelta(days=1)))
    db.session.commit()
    status, html = text_of(client, f"/packs/{pack.id}/sharing")
    assert "See all 7 versions" in html and "Version 7" in html and "Version 2<" not in html
    assert "Page 1 of 2" in html
    assert "Page 2 of 2" in text_of(client, f"/packs/{pack.id}/sharing?page=2")[1]
    status, html = text_of(client, f"/packs/{pack.id}/versions")
    assert status == 200 and all(f"Version {n}<" in html for n in range(1, 8))
