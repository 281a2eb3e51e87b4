"""A trainer prints a pack from its preview: the handout and the facilitator's version are pages of their own,
checked for accessibility like every other page (see conftest.py)."""

from __future__ import annotations

import uuid

from playwright.sync_api import expect

from storybank.accounts.roles import Role
from storybank.extensions import db
from storybank.packs.models import Pack, PackSection, SectionKind
from storybank.packs.prompts import WALK_A_MILE
from tests import factories
from tests.browser.steps import sign_in
from tests.library_builders import approved

STORY_TEXT = "The night staff sang to me when I could not sleep."
NOTES_TEXT = "Check the room is quiet before you start."


def _pack(live_server) -> tuple[str, int, str]:
    mark = uuid.uuid4().hex[:6]
    with live_server.app.app_context():
        trainer = factories.make_user(Role.TRAINER, username=f"printer-{mark}")
        writer = factories.make_user(Role.CONTRIBUTOR, username=f"singer-{mark}")
        story = approved(writer, STORY_TEXT, title=f"Singing {mark}", warning="Sleeplessness")
        pack = Pack(owner_id=trainer.id, title=f"Kind nights {mark}", audience="Night staff",
                    introduction="Welcome. **Take your time.** See <https://example.org/more>.")
        db.session.add(pack)
        db.session.flush()
        db.session.add_all([
            PackSection(pack_id=pack.id, position=1, kind=SectionKind.STORY, story_id=story.id,
                        prompts=list(WALK_A_MILE)),
            PackSection(pack_id=pack.id, position=2, kind=SectionKind.NOTES, title="Before the session",
                        body=NOTES_TEXT, prompts=[]),
        ])
        db.session.commit()
        found = trainer.username, pack.id, pack.title
        db.session.remove()
    return found


def test_a_trainer_opens_the_handout_and_the_facilitators_version_from_the_preview(page, visit, submit,
                                                                                   live_server):
    username, pack_id, title = _pack(live_server)
    sign_in(page, visit, submit, username)
    visit(page, f"/packs/{pack_id}/preview")
    submit(page, lambda: page.get_by_role("link", name="Print the handout").click())
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("navigation")).to_have_count(0)
    expect(page.get_by_text(STORY_TEXT)).to_be_visible()
    expect(page.get_by_text("this story talks about Sleeplessness")).to_be_visible()
    expect(page.get_by_text(NOTES_TEXT)).to_have_count(0)
    submit(page, lambda: page.get_by_role("link", name="Back to the pack").click())
    submit(page, lambda: page.get_by_role("link", name="Print the facilitator's version").click())
    expect(page.get_by_text("Facilitator's version – not for trainees", exact=True)).to_be_visible()
    expect(page.get_by_text(NOTES_TEXT)).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Back to the pack")).to_be_hidden()
