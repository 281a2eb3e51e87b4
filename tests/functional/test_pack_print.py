"""A pack printed: the handout for trainees, the facilitator's version with the notes, and a PDF of each, made
afresh for every request from the stories that pass the consent gate now, with nothing fetched from the network:
for a trainer's draft, for a published version, and (the handout only) for a trainee who holds a share link."""

from __future__ import annotations

import io
import socket
from datetime import timedelta
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, update

from storybank.accounts.roles import Role
from storybank.audit.models import AuditEvent
from storybank.db_types import utcnow
from storybank.extensions import db, limiter
from storybank.packs import printing
from storybank.packs.delivery_models import ShareLink
from storybank.packs.models import Pack, PackSection, SectionKind
from storybank.packs.prompts import WALK_A_MILE
from storybank.packs.services import PLACEHOLDER
from tests.functional.test_pack_delivery import ENDED, make_link, publish
from tests.functional.test_packs import add_story, make_pack, sections
from tests.library_builders import approved, put_outside_the_gate
from tests.route_walk import every_page

NOTES_WORDS = "Check the room is quiet before you start."
HOSTILE = ('<script>alert("x")</script> <img src="https://evil.example/pixel.png" onerror=alert(1)> '
           '[click](javascript:alert(1)) <iframe src="https://evil.example"></iframe> '
           '<link rel="stylesheet" href="https://evil.example/x.css"> **bold words**')


@pytest.fixture
def token(auth, signed_in_trainer):
    return auth.csrf_token("/packs/new")


@pytest.fixture
def pack_with_two_stories(client, token, contributor):
    """A pack: a story with a warning, facilitator's notes, an activity and a second story."""
    first = approved(contributor, "The night staff sang to me when I could not sleep.", title="Singing",
                     warning="Sleeplessness")
    second = approved(contributor, "My daughter's wedding photo fell and nobody picked it up.",
                      title="The photograph", warning="Family loss")
    pack = make_pack(client, token)
    add_story(client, token, pack, first)
    client.post(f"/packs/{pack.id}/sections", data={"kind": "notes", "csrf_token": token})
    client.post(f"/packs/{pack.id}/sections", data={"kind": "activity", "csrf_token": token})
    notes, activity = sections(pack.id)[1:]
    client.post(f"/packs/{pack.id}/sections/{notes.id}", data={
        "title": "Before the session", "body": NOTES_WORDS, "prompts": "", "csrf_token": token})
    client.post(f"/packs/{pack.id}/sections/{activity.id}", data={
        "title": "Talk in pairs", "body": "Share one moment of **kindness** you saw.", "prompts": "What helped?",
        "csrf_token": token})
    add_story(client, token, pack, second)
    return SimpleNamespace(pack=pack, first=first, second=second)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def pdf_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    reader = PdfReader(io.BytesIO(response.data))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_the_handout_holds_the_stories_and_prompts_and_no_facilitator_notes(client, pack_with_two_stories):
    pack = pack_with_two_stories.pack
    html = page(client, f"/packs/{pack.id}/print")
    assert "The night staff sang to me when I could not sleep." in html
    assert "My daughter&#39;s wedding photo fell" in html
    for question in WALK_A_MILE:
        assert question in html
    assert "Talk in pairs" in html and "<strong>kindness</strong>" in html
    assert NOTES_WORDS not in html and "Before the session" not in html
    assert "not for trainees" not in html
    assert "ORIGINAL" not in html and "Bernadette" not in html, "only the moderated text is printed"
    assert "/static/css/print.css" in html and "nav-list" not in html, "a page of its own, with no navigation"


def test_warnings_come_first_and_again_before_each_story_and_each_story_starts_a_page(client,
                                                                                     pack_with_two_stories):
    html = page(client, f"/packs/{pack_with_two_stories.pack.id}/print")
    top = html.index("Before you begin")
    assert "Sleeplessness, Family loss" in html[top:html.index("The night staff")]
    assert top < html.index("this story talks about Sleeplessness") < html.index("The night staff") < html.index(
        "this story talks about Family loss") < html.index("wedding photo")
    assert html.count('class="part story"') == 2


def test_the_facilitators_version_holds_the_notes_and_says_it_is_not_for_trainees(client, pack_with_two_stories):
    html = page(client, f"/packs/{pack_with_two_stories.pack.id}/print?version=facilitator")
    assert "Facilitator&#39;s version – not for trainees" in html
    assert "Before the session" in html and NOTES_WORDS in html
    assert "The night staff sang to me" in html and "wedding photo" in html


def test_the_pdfs_hold_the_stories_and_only_the_facilitators_holds_the_notes(client, pack_with_two_stories):
    pack = pack_with_two_stories.pack
    handout = pdf_text(client, f"/packs/{pack.id}/handout.pdf")
    assert "The night staff sang to me when I could not sleep." in handout
    assert "wedding photo fell and nobody picked it up" in handout
    assert "How might this person have felt?" in handout
    assert NOTES_WORDS not in handout and "not for trainees" not in handout
    assert "Skip to main content" not in handout and "Back to the pack" not in handout, "nothing for the screen"
    facilitator = pdf_text(client, f"/packs/{pack.id}/facilitator.pdf")
    assert NOTES_WORDS in facilitator
    assert facilitator.count("Facilitator's version – not for trainees") >= 3, "marked on every page"
    assert "The night staff sang to me" in facilitator


def test_the_pdf_uses_the_print_stylesheet_with_a_page_for_each_story(client, pack_with_two_stories):
    response = client.get(f"/packs/{pack_with_two_stories.pack.id}/handout.pdf")
    reader = PdfReader(io.BytesIO(response.data))
    texts = [" ".join((p.extract_text() or "").split()) for p in reader.pages]
    assert len(texts) == 3, "the opening page, then one page for each story"
    assert "The night staff" not in texts[0] and "Page 1 of 3" in texts[0], "the page numbers come from print.css"
    assert "The night staff" in texts[1] and "wedding photo" in texts[2]
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842), "A4"


@pytest.mark.parametrize("state", ["withdrawn", "expired", "purpose_removed", "not_approved"])
def test_a_story_outside_the_gate_leaves_the_print_page_and_the_pdf_in_the_same_request(
        client, pack_with_two_stories, contributor, state):
    pack, leaving = pack_with_two_stories.pack, pack_with_two_stories.second
    assert "wedding photo" in pdf_text(client, f"/packs/{pack.id}/handout.pdf")
    put_outside_the_gate(leaving, state, contributor)
    for url in (f"/packs/{pack.id}/print", f"/packs/{pack.id}/print?version=facilitator"):
        html = page(client, url)
        assert "wedding photo" not in html and "The photograph" not in html and "Family loss" not in html, url
        assert PLACEHOLDER in html, url
        assert "The night staff sang to me" in html, url
    for url in (f"/packs/{pack.id}/handout.pdf", f"/packs/{pack.id}/facilitator.pdf"):
        text = pdf_text(client, url)
        assert "wedding photo" not in text and "photograph" not in text and "Family loss" not in text, url
        assert PLACEHOLDER in text, url
        assert "The night staff sang to me" in text, url


def test_after_withdrawal_the_owner_finds_no_word_of_the_story_on_any_page_or_pdf(client, pack_with_two_stories,
                                                                                  app, contributor):
    """The walk of every page reads the PDFs' text too, so a page or PDF added later is checked the day it is."""
    pack, leaving = pack_with_two_stories.pack, pack_with_two_stories.second
    ids = {"pack_id": pack.id, "story_id": leaving.id, "reference": leaving.reference}
    before = dict(every_page(app, client, ids))
    assert "wedding photo" in before[f"/packs/{pack.id}/handout.pdf"]
    assert "wedding photo" in before[f"/packs/{pack.id}/facilitator.pdf"]
    put_outside_the_gate(leaving, "withdrawn", contributor)
    for url, text in every_page(app, client, ids):
        assert "wedding photo" not in text and "The photograph" not in text, url


def test_hostile_markdown_never_reaches_the_print_page_or_the_pdf_as_markup(client, token, signed_in_trainer):
    pack = make_pack(client, token, introduction=HOSTILE)
    client.post(f"/packs/{pack.id}/sections", data={"kind": "notes", "csrf_token": token})
    notes = sections(pack.id)[0]
    client.post(f"/packs/{pack.id}/sections/{notes.id}", data={"title": "Careful", "body": HOSTILE,
                                                               "csrf_token": token})
    html = page(client, f"/packs/{pack.id}/print?version=facilitator")
    body = html[html.index("<body"):]
    assert "Careful" in body
    assert "<script" not in body and "<img" not in body and "<iframe" not in body and "<link" not in body
    assert 'href="javascript' not in body and "onerror=alert(1)>" not in body
    assert body.count("<strong>bold words</strong>") == 2
    fetcher = printing.static_fetcher()
    data = printing.pdf_bytes(html, fetcher)
    assert [url for url in fetcher.refused] == [], "nothing in the cleaned page asks for anything but our CSS"
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(data)).pages)
    assert "bold words" in text
    assert '<script>alert("x")</script>' in text, "what was typed as HTML is printed as the words typed"


def test_on_paper_a_link_is_written_out_after_its_words(client, token, signed_in_trainer):
    pack = make_pack(client, token, introduction="Read [our guide to dignity](https://example.org/dignity) first.")
    html = page(client, f"/packs/{pack.id}/print")
    assert '<a href="https://example.org/dignity" rel="nofollow noopener">our guide to dignity</a>' in html
    text = pdf_text(client, f"/packs/{pack.id}/handout.pdf")
    assert "our guide to dignity (https://example.org/dignity)" in text


def test_only_the_owner_may_print_or_download_a_pack(client, auth, make_user):
    owner = make_user(Role.TRAINER, username="owner-trainer")
    pack = Pack(owner_id=owner.id, title="Not yours")
    db.session.add(pack)
    db.session.flush()
    db.session.add(PackSection(pack_id=pack.id, position=1, kind=SectionKind.NOTES, title="Secret notes", body="",
                               prompts=[]))
    db.session.commit()
    auth.sign_in(make_user(Role.TRAINER, username="intruder").username)
    for url in (f"/packs/{pack.id}/print", f"/packs/{pack.id}/print?version=facilitator",
                f"/packs/{pack.id}/handout.pdf", f"/packs/{pack.id}/facilitator.pdf", "/packs/999999/print"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Not yours" not in response.get_data(as_text=True), url


def test_the_preview_links_to_the_print_pages_and_pdfs(client, token, signed_in_trainer):
    pack = make_pack(client, token)
    html = page(client, f"/packs/{pack.id}/preview")
    for url in (f"/packs/{pack.id}/print", f"/packs/{pack.id}/print?version=facilitator",
                f"/packs/{pack.id}/handout.pdf", f"/packs/{pack.id}/facilitator.pdf"):
        assert f'href="{url}"' in html, url


def test_each_trainer_may_make_only_so_many_pdfs_a_minute(client, auth, app, token, signed_in_trainer,
                                                           make_user, monkeypatch):
    monkeypatch.setitem(app.config, "PDF_RATE_LIMIT", "2 per minute")
    pack = make_pack(client, token)
    assert [client.get(f"/packs/{pack.id}/{name}.pdf").status_code
            for name in ("handout", "facilitator", "handout")] == [200, 200, 429]
    assert client.get(f"/packs/{pack.id}/print").status_code == 200, "the print page itself is not limited"
    other = make_user(Role.TRAINER, username="trainer-in-the-same-office")
    auth.sign_out()
    auth.sign_in(other.username)
    other_token = auth.csrf_token("/packs/new")
    their_pack = make_pack(client, other_token)
    assert client.get(f"/packs/{their_pack.id}/handout.pdf").status_code == 200, "the limit is each trainer's own"


def test_printing_writes_nothing(client, pack_with_two_stories):
    pack = pack_with_two_stories.pack
    db.session.expire_all()
    before = (db.session.scalar(select(func.count()).select_from(AuditEvent)),
              db.session.get(Pack, pack.id).updated_at)
    for url in (f"/packs/{pack.id}/print", f"/packs/{pack.id}/handout.pdf", f"/packs/{pack.id}/facilitator.pdf"):
        assert client.get(url).status_code == 200
    db.session.expire_all()
    assert (db.session.scalar(select(func.count()).select_from(AuditEvent)),
            db.session.get(Pack, pack.id).updated_at) == before


def test_making_a_pdf_opens_no_network_connection_and_fetches_only_our_own_css(app, client,
                                                                              pack_with_two_stories, monkeypatch):
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("a PDF must not open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    fetched = []
    original = printing.StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(printing.StaticOnlyFetcher, "fetch", spy)
    assert client.get(f"/packs/{pack_with_two_stories.pack.id}/handout.pdf").status_code == 200
    assert attempts == []
    assert [url.rsplit("/", 2)[-2:] for url in fetched] == [["css", "print.css"]]


def test_the_fetcher_reads_only_files_under_static(app):
    with app.test_request_context():
        fetcher = printing.static_fetcher()
        static = fetcher.root
        assert b"@page" in fetcher.fetch("file:///static/css/print.css").read()
        assert b"@page" in fetcher.fetch((static / "css" / "print.css").as_uri()).read()
        for url in ("https://evil.example/x.css", "http://127.0.0.1:5432/", "ftp://evil.example/x",
                    "data:text/css,body{}", "file:///etc/passwd", (static / ".." / "storybank" / "config.py").as_uri(),
                    "file:///static/../storybank/config.py", "file:///static/%2e%2e/storybank/config.py",
                    "file://evil.example/static/css/print.css", "file:///static/css/no-such-file.css"):
            with pytest.raises(printing.RefusedFetch):
                fetcher.fetch(url)
        assert len(fetcher.refused) == 10


def test_a_refused_resource_is_left_out_and_the_pdf_is_still_made(app):
    html = ('<html><head><link rel="stylesheet" href="https://evil.example/x.css"></head><body>'
            '<p>Still here</p><img src="http://evil.example/pixel.png"><img src="file:///etc/hostname"></body></html>')
    with app.test_request_context():
        fetcher = printing.static_fetcher()
        data = printing.pdf_bytes(html, fetcher)
    assert "Still here" in PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert sorted(fetcher.refused) == ["file:///etc/hostname", "http://evil.example/pixel.png",
                                       "https://evil.example/x.css"]


def test_print_sections_take_a_published_versions_dict_sections_too(app):
    """A published version keeps its sections as JSON: the print page must read those the same way, and still keep
    the facilitator's notes out of the handout."""
    pack = SimpleNamespace(title="A published pack", audience="", duration_minutes=None, learning_outcomes="",
                           introduction="", purpose="training")
    items = [SimpleNamespace(section={"key": 1, "kind": "notes", "title": "Only for you", "body": "Secret",
                                      "prompts": []}, story=None, is_story=False),
             SimpleNamespace(section={"key": 2, "kind": "story", "story_id": 7, "title": "", "body": "",
                                      "prompts": ["What helped?"]}, story=None, is_story=True),
             SimpleNamespace(section={"key": 3, "kind": "activity", "title": "Pairs", "body": "Talk.",
                                      "prompts": ["Why?"]}, story=None, is_story=False)]
    reading = SimpleNamespace(pack=pack, sections=items, content_warnings=[])
    handout = printing.print_sections(reading, facilitator=False)
    assert [(p.anchor, p.kind, p.title) for p in handout] == [("part-1", "story", ""), ("part-2", "activity", "Pairs")]
    with app.test_request_context():
        html = printing.render_printable(reading, facilitator=False)
        assert "Secret" not in html and PLACEHOLDER in html and "What helped?" not in html and "Why?" in html
        html = printing.render_printable(reading, facilitator=True)
        assert "Only for you" in html and "Secret" in html


def test_a_filename_cannot_bend_the_header():
    assert printing.safe_filename('Dignity "in" the\r\nmorning/..\\x') == "Dignity-in-the-morning-..-x"
    assert printing.safe_filename("«»") == "pack.pdf"


TRAINEE_HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Robots-Tag": "noindex"}


@pytest.fixture
def delivered(client, token, pack_with_two_stories):
    """The pack above, published as version 1, with an open share link (``secret`` is its token)."""
    pack = pack_with_two_stories.pack
    assert publish(client, token, pack).status_code == 302
    _, _, secret = make_link(client, token, pack)
    return SimpleNamespace(**vars(pack_with_two_stories), secret=secret)


def words_of(client, url: str) -> str:
    """What a person gets at ``url``: the page, or the words printed in the PDF."""
    return pdf_text(client, url) if url.split("?")[0].endswith(".pdf") else page(client, url)


def test_a_published_version_prints_and_downloads_with_the_notes_only_in_the_facilitators_version(client,
                                                                                                  delivered):
    base = f"/packs/{delivered.pack.id}/versions/1"
    for url in (f"{base}/print", f"{base}/handout.pdf"):
        text = words_of(client, url)
        assert "The night staff sang to me when I could not sleep." in text, url
        assert "wedding photo fell and nobody picked it up" in text, url
        assert "How might this person have felt?" in text, url
        assert NOTES_WORDS not in text and "not for trainees" not in text, url
    for url in (f"{base}/print?version=facilitator", f"{base}/facilitator.pdf"):
        text = words_of(client, url)
        assert NOTES_WORDS in text and "not for trainees" in text, url
        assert "The night staff sang to me" in text and "wedding photo" in text, url
    response = client.get(f"{base}/facilitator.pdf")
    assert 'filename="Dignity-in-the-morning-version-1-facilitator.pdf"' in response.headers["Content-Disposition"]


def test_a_version_prints_its_own_words_not_the_draft_changed_since(client, token, delivered):
    pack = delivered.pack
    client.post(f"/packs/{pack.id}/details", data={"title": "A new title", "purpose": "training",
                                                   "csrf_token": token})
    text = words_of(client, f"/packs/{pack.id}/versions/1/handout.pdf")
    assert "Dignity in the morning" in text and "A new title" not in text
    assert "A new title" in words_of(client, f"/packs/{pack.id}/handout.pdf")


def test_a_trainee_prints_and_downloads_the_handout_from_a_link_but_never_the_facilitators_notes(client, auth,
                                                                                                 delivered):
    auth.sign_out()
    for url in (f"/s/{delivered.secret}/print", f"/s/{delivered.secret}/print?version=facilitator",
                f"/s/{delivered.secret}/handout.pdf"):
        response = client.get(url)
        for name, value in TRAINEE_HEADERS.items():
            assert response.headers[name] == value, (url, name)
        text = words_of(client, url)
        assert "The night staff sang to me when I could not sleep." in text, url
        assert "wedding photo fell and nobody picked it up" in text, url
        assert "How might this person have felt?" in text, url
        assert NOTES_WORDS not in text and "Before the session" not in text and "not for trainees" not in text, url
    assert client.get(f"/s/{delivered.secret}/facilitator.pdf").status_code == 404


def test_the_version_page_and_the_trainee_page_link_to_their_print_pages_and_pdfs(client, auth, delivered):
    base = f"/packs/{delivered.pack.id}/versions/1"
    html = page(client, base)
    for url in (f"{base}/print", f"{base}/print?version=facilitator", f"{base}/handout.pdf",
                f"{base}/facilitator.pdf"):
        assert f'href="{url}"' in html, url
    auth.sign_out()
    html = page(client, f"/s/{delivered.secret}")
    for url in (f"/s/{delivered.secret}/print", f"/s/{delivered.secret}/handout.pdf"):
        assert f'href="{url}"' in html, url
    assert "facilitator" not in html.lower()


ROUTES = ["/packs/{pack}", "/packs/{pack}/preview", "/packs/{pack}/print", "/packs/{pack}/print?version=facilitator",
          "/packs/{pack}/handout.pdf", "/packs/{pack}/facilitator.pdf",
          "/packs/{pack}/versions/1", "/packs/{pack}/versions/1?notes=show", "/packs/{pack}/versions/1/print",
          "/packs/{pack}/versions/1/print?version=facilitator", "/packs/{pack}/versions/1/handout.pdf",
          "/packs/{pack}/versions/1/facilitator.pdf",
          "/s/{link}", "/s/{link}/print", "/s/{link}/handout.pdf"]
"""Every page and PDF of a pack: the draft, its published version and its share link."""


@pytest.mark.parametrize("route", ROUTES)
def test_a_withdrawn_story_leaves_the_draft_the_version_the_link_and_every_print_and_pdf_in_the_same_request(
        client, auth, delivered, contributor, route):
    """The first request after the person withdraws shows the placeholder in the story's place and not a word of
    it, on every page and PDF of the pack; the other story stays."""
    url = route.format(pack=delivered.pack.id, link=delivered.secret)
    if url.startswith("/s/"):
        auth.sign_out()  # a trainee has no account
    before = words_of(client, url)
    assert PLACEHOLDER not in before
    assert "The photograph" in before or url == f"/packs/{delivered.pack.id}", "the story is there to leave"
    put_outside_the_gate(delivered.second, "withdrawn", contributor)
    after = words_of(client, url)
    assert "wedding photo" not in after and "The photograph" not in after and "Family loss" not in after
    assert PLACEHOLDER in after
    if url != f"/packs/{delivered.pack.id}":
        assert "The night staff sang to me" in after


@pytest.mark.parametrize("how", ["expired", "revoked", "unknown"])
def test_an_ended_or_unknown_links_print_page_and_pdf_show_the_ended_page_and_no_story(client, auth, delivered,
                                                                                       how):
    secret = delivered.secret
    if how == "unknown":
        secret = secret[:-1]
    else:
        values = {"expires_at": utcnow() - timedelta(minutes=1)} if how == "expired" else {"revoked_at": utcnow()}
        db.session.execute(update(ShareLink).values(**values))
        db.session.commit()
    auth.sign_out()
    for url in (f"/s/{secret}/print", f"/s/{secret}/handout.pdf"):
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == (404 if how == "unknown" else 410), url
        assert response.mimetype == "text/html" and ENDED in html, url
        assert "ask the person who runs your training for a new link" in html, url
        for words in ("Dignity in the morning", "The night staff sang to me", "Singing", "Sleeplessness",
                      "How might this person have felt?", NOTES_WORDS):
            assert words not in html, (url, words)
        for name, value in TRAINEE_HEADERS.items():
            assert response.headers[name] == value, (url, name)


def test_another_trainer_gets_nothing_of_a_version_on_paper_but_a_moderator_may(client, auth, delivered, make_user):
    base = f"/packs/{delivered.pack.id}/versions/1"
    urls = (f"{base}/print", f"{base}/print?version=facilitator", f"{base}/handout.pdf", f"{base}/facilitator.pdf",
            f"/packs/{delivered.pack.id}/versions/2/print", f"/packs/{delivered.pack.id}/versions/2/handout.pdf")
    auth.sign_out()
    auth.sign_in(make_user(Role.TRAINER, username="other-trainer").username)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Dignity in the morning" not in response.get_data(as_text=True), url
    auth.sign_out()
    auth.sign_in(make_user(Role.MODERATOR, username="mo").username)
    assert NOTES_WORDS in words_of(client, f"{base}/facilitator.pdf")
    assert "The night staff sang to me" in words_of(client, f"{base}/print")
    assert client.get(f"/packs/{delivered.pack.id}/versions/2/print").status_code == 404


def test_each_share_link_may_make_only_so_many_pdfs_a_minute_and_its_print_page_is_limited_like_the_link(
        app, client, auth, token, delivered, monkeypatch):
    other_secret = make_link(client, token, delivered.pack, session_name="Another session")[2]
    auth.sign_out()
    monkeypatch.setitem(app.config, "PDF_RATE_LIMIT", "2 per minute")
    assert [client.get(f"/s/{delivered.secret}/handout.pdf").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(f"/s/{other_secret}/handout.pdf").status_code == 200, "each link has its own count"
    monkeypatch.setitem(app.config, "SHARE_LINK_RATE_LIMIT", "2 per minute")
    assert [client.get(f"/s/{delivered.secret}/print").status_code for _ in range(3)] == [200, 200, 429]


def test_the_pdf_limit_never_keeps_a_links_token(app, client, auth, delivered):
    auth.sign_out()
    assert client.get(f"/s/{delivered.secret}/handout.pdf").status_code == 200
    kept = repr(vars(limiter.limiter.storage))
    assert "link:" in kept and delivered.secret not in kept


def test_printing_a_version_or_a_link_writes_nothing(client, delivered):
    db.session.expire_all()
    before = (db.session.scalar(select(func.count()).select_from(AuditEvent)),
              db.session.execute(select(ShareLink.__table__)).all())
    for route in ROUTES[8:]:
        url = route.format(pack=delivered.pack.id, link=delivered.secret)
        assert client.get(url).status_code == 200, url
    db.session.expire_all()
    assert (db.session.scalar(select(func.count()).select_from(AuditEvent)),
            db.session.execute(select(ShareLink.__table__)).all()) == before
