"""Writing and sending a story, the person's own stories, and the pages a story key opens without signing in."""

from __future__ import annotations

import secrets

from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_limiter.util import get_remote_address
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import NotFound

from storybank import rate_limits
from storybank.accounts import session as account_session
from storybank.accounts.roles import Role
from storybank.consent import services as consent_services
from storybank.consent.models import Purpose
from storybank.consent.wording import CURRENT_WORDING_VERSION, EASY_READ_CONSENT, consent_wording
from storybank.extensions import limiter
from storybank.paging import requested_page
from storybank.routing import whole_number
from storybank.security import ANYONE, access
from storybank.stories import keys, services
from storybank.stories.forms import ConfirmForm, ConsentForm, KeyLookupForm, StoryForm, purpose_wording
from storybank.stories.models import Story, StoryStatus
from storybank.stories.news import news_for, news_for_stories, shows_help_now
from storybank.stories.usage import usage_for

bp = Blueprint("stories", __name__)

WRITERS = (Role.CONTRIBUTOR, Role.SUPPORTER)
KEY_SESSION = "story_key"
"""Holds only a random token naming a StoryKeySession row on the server; never a story id or a key."""
KEPT_WORDS_SESSION = account_session.KEPT_WORDS_KEY
KEY_SLOW_DOWN_REFERENCE = ("Please wait a moment. There have been a lot of tries with this story reference in a short "
                           "time, so to keep the story safe we have paused them. Please wait a minute and try again.")
KEY_SLOW_DOWN_ADDRESS = ("Please wait a moment. There have been a great many look-ups from your network (everyone in "
                         "your building may share it) in a short time. Please wait a few minutes and try again.")
KEY_NOT_FOUND = ("We could not find a story with that reference and key. Please check them and try again. "
                 "Letters that look alike, spaces and dashes do not matter.")


def _kept_words_limit() -> str:
    return current_app.config.get("KEPT_WORDS_RATE_LIMIT", "5 per minute;20 per hour")


def _over_kept_words_limit() -> bool:
    """Counted per address, in the limiter's storage (Redis in production), because a signed-out sender can
    always start a new browser: one entry per browser alone would not bound what one address can store."""
    if not limiter.enabled:
        return False
    _strategy, refused = rate_limits.refused_limits(_kept_words_limit(), "kept-words", get_remote_address())
    return bool(refused)


def _own_or_404(story_id: int) -> Story:
    story = services.own_story(current_user, story_id)
    if story is None:
        abort(404)
    return story


def _may_write_for_others() -> bool:
    return current_user.has_role(Role.SUPPORTER)


def _always_for_others() -> bool:
    return current_user.has_role(Role.SUPPORTER) and not current_user.has_role(Role.CONTRIBUTOR)


def _story_text(form: StoryForm) -> services.StoryText:
    text = form.story_text()
    if getattr(current_user, "is_authenticated", False):
        if _always_for_others():
            return services.StoryText(**{**text.as_fields(), "on_behalf": True})
        if not _may_write_for_others():
            return services.StoryText(**{**text.as_fields(), "on_behalf": False, "contributor_name": None})
    return text


def _form_story_id(form: StoryForm) -> int | None:
    """The story the page was saving to, if any; a number no story can have is a 404 (see routing.py)."""
    return whole_number(form.story_id.data)


def _render_write(form: StoryForm, story: Story | None, status: int = 200, notice: str | None = None):
    if getattr(current_user, "is_authenticated", False) and _always_for_others():
        form.on_behalf.data = "yes"
    return render_template(
        "stories/write.html", form=form, story=story, notice=notice,
        show_on_behalf=getattr(current_user, "is_authenticated", False) and _may_write_for_others()
        and not _always_for_others(),
        always_for_others=getattr(current_user, "is_authenticated", False) and _always_for_others(),
        max_chars=services.STORY_MAX_CHARS,
    ), status


@bp.before_app_request
def keep_words_when_signed_out():
    """When a sign-in has ended and someone presses Save, keep their words before sending them to sign in.

    Registered with the blueprint, so it runs before security.enforce_access (added later in create_app), which
    would otherwise turn the POST into a redirect and drop the text. It only ever keeps words and redirects. The
    words are bound to this browser (a random token in its session cookie, carried across signing in), never to
    the link; services.keep_words_typed_signed_out says when the story id in the form is believed.
    """
    if request.method != "POST" or request.endpoint not in ("stories.write", "stories.autosave",
                                                            "stories.change_story"):
        return None
    if current_user.is_authenticated:
        return None
    form = StoryForm(meta={"csrf": False})
    text = form.story_text()
    if not (text.title.strip() or text.body.strip()):
        return None
    if request.endpoint == "stories.change_story":
        story_id = (request.view_args or {}).get("story_id")
        form.story_id.data = ""  # the write page this may fall back to must never post into a sent story
    else:
        story_id = _form_story_id(form)
    if _over_kept_words_limit():
        return _words_not_kept(form, 429, (
            "Your sign-in had ended, and there have been a lot of saves from here in a short time, so we could "
            "not keep your words on our side just now. Your words are all still here: please copy them somewhere "
            "safe, wait a few minutes, then sign in again and paste them back."))
    browser_token = session.get(KEPT_WORDS_SESSION) or secrets.token_urlsafe(32)
    try:
        services.keep_words_typed_signed_out(browser_token, account_session.current_token(), story_id, text)
    except services.StoryError as error:
        return _words_not_kept(form, 413, error.message)
    session[KEPT_WORDS_SESSION] = browser_token
    sign_in_url = url_for("accounts.sign_in", next=url_for("stories.recover"))
    if request.endpoint == "stories.autosave":
        return jsonify(signed_out=True, sign_in_url=sign_in_url,
                       message="You have been signed out, but your words are safe. "
                               "Sign in again and we will bring them back."), 401
    flash("Your sign-in had ended, so we kept your words safe. Please sign in again and we will bring you "
          "straight back to them.", "warning")
    return redirect(sign_in_url)


def _words_not_kept(form: StoryForm, status: int, message: str):
    """Nothing was kept on our side, so every word goes back to the person with a kind note."""
    if request.endpoint == "stories.autosave":
        return jsonify(saved=False, signed_out=True, sign_in_url=url_for("accounts.sign_in"), message=message
                       ), status
    return _render_write(form, None, status, notice=message)


@bp.errorhandler(CSRFError)
def csrf_failed(error):
    """The page was open too long to save safely. Nothing is saved, but the words come back to the person.

    Only a form post has words to give back; anything else sent here (JSON, say) gets the plain 400 page.
    """
    if request.endpoint == "stories.autosave":
        return jsonify(saved=False, message="We could not save just now. Your words are still here. "
                                            "Please press Save."), 400
    if request.endpoint == "stories.change_story" and current_user.is_authenticated and request.form:
        story = services.own_story(current_user, request.view_args.get("story_id", 0))
        if story is not None:
            return _render_change(StoryForm(meta={"csrf": False}), story, 400, notice=(
                "For your safety we could not save that, because the page had been open for a long time. "
                "Your words are all still here. Please press the button again."))
    if request.endpoint == "stories.write" and request.form:
        form = StoryForm(meta={"csrf": False})
        try:
            story_id = _form_story_id(form)
        except NotFound:
            story_id = None
        story = services.own_story(current_user, story_id) if story_id and current_user.is_authenticated else None
        return _render_write(form, story, 400, notice=(
            "For your safety we could not save that, because the page had been open for a long time. "
            "Your words are all still here. Please press Save again."))
    from storybank.errors import render_error

    return render_error(400, "Your page had been open for a long time",
                        "For your safety we could not save that. Please go back, refresh the page and try again.")


@bp.route("/stories/write", methods=["GET", "POST"])
@access(*WRITERS)
def write():
    if request.method == "GET":
        story_id = whole_number(request.args.get("story"))
        story = _own_or_404(story_id) if story_id else None
        if story is not None and story.status != StoryStatus.DRAFT:
            flash("This story has already been sent, so it cannot be changed here.", "success")
            return redirect(url_for("stories.detail", story_id=story.id))
        form = StoryForm(obj=story, formdata=None)
        if story is not None:
            form.story_id.data = str(story.id)
            form.on_behalf.data = "yes" if story.supporter_id else "no"
        return _render_write(form, story)

    form = StoryForm()
    story_id = _form_story_id(form)
    story = _own_or_404(story_id) if story_id else None
    if story is not None and story.status != StoryStatus.DRAFT:
        flash("This story has already been sent, so it cannot be changed here.", "success")
        return redirect(url_for("stories.detail", story_id=story.id))
    valid = form.validate()
    text = _story_text(form)
    if story is None and not (text.title.strip() or text.body.strip()):
        if request.form.get("action") != "continue":
            form.body.errors.append("There is nothing to save yet. Please write a few words first.")
        form.check_ready_to_send()
        return _render_write(form, None, 400)
    story = services.save_draft(current_user, text, story)
    form.story_id.data = str(story.id)
    if request.form.get("action") == "continue":
        if valid and form.check_ready_to_send():
            return redirect(url_for("stories.send", story_id=story.id))
        return _render_write(form, story, 400)
    if not valid:
        return _render_write(form, story, 400)
    flash("Your story is saved. You can come back to it at any time from “My stories”.", "success")
    return redirect(url_for("stories.write", story=story.id))


@bp.route("/stories/autosave", methods=["POST"])
@access(*WRITERS)
def autosave():
    form = StoryForm()
    story_id = _form_story_id(form)
    story = _own_or_404(story_id) if story_id else None
    if story is not None and story.status == StoryStatus.CHANGES_REQUESTED:
        text = form.story_text()
        try:
            services.save_changes(story, text, current_user)
        except services.StoryError as error:
            return jsonify(saved=False, message=error.message), 409
        return _autosaved(story, text, url_for("stories.change_story", story_id=story.id))
    if story is not None and story.status != StoryStatus.DRAFT:
        return jsonify(saved=False, message="This story has already been sent."), 409
    text = _story_text(form)
    if not story and not (text.title.strip() or text.body.strip()):
        return jsonify(saved=False, message="")
    story = services.save_draft(current_user, text, story)
    return _autosaved(story, text, url_for("stories.write", story=story.id))


def _autosaved(story: Story, text: services.StoryText, page_url: str):
    too_long = len(text.body) > services.STORY_MAX_CHARS
    return jsonify(saved=True, story_id=story.id, too_long=too_long, write_url=page_url,
                   saved_at=story.updated_at.isoformat(),
                   message="Saved" if not too_long else
                   f"Saved, but your story is longer than {services.STORY_MAX_CHARS:,} characters. "
                   "Please shorten it before you send it.")


@bp.route("/stories/recover", methods=["GET", "POST"])
@access(*WRITERS)
def recover():
    """Words kept after a sign-in ended: shown only in the browser that typed them, to the person whose sign-in
    it was, and put back only when they press the button. Opening the page (from any link) changes nothing."""
    token = session.get(KEPT_WORDS_SESSION)
    pending = services.kept_words(token, current_user)
    if pending is None:
        return _no_kept_words()
    form = ConfirmForm()
    if form.validate_on_submit():
        if request.form.get("action") == "discard":
            services.let_kept_words_go(token, current_user)
            session.pop(KEPT_WORDS_SESSION, None)
            flash("We have let those words go. Anything you saved before is still in “My stories”.", "success")
            return redirect(url_for("stories.mine"))
        story = services.put_kept_words_back(token, current_user)
        session.pop(KEPT_WORDS_SESSION, None)
        if story is None:  # put back meanwhile, in another tab
            return _no_kept_words()
        flash("Welcome back. Here are your words, just as you left them. They are saved.", "success")
        if story.status == StoryStatus.CHANGES_REQUESTED:
            return redirect(url_for("stories.change_story", story_id=story.id))
        return redirect(url_for("stories.write", story=story.id))
    return render_template("stories/recover.html", form=form, text=services.kept_text(pending),
                           story=services.story_for_kept_words(pending, current_user)), 400 if form.errors else 200


def _no_kept_words():
    flash("We could not find any words kept in this browser. If you had saved a draft, it is in “My stories”.",
          "warning")
    return redirect(url_for("stories.mine"))


@bp.route("/stories/<int:story_id>/send", methods=["GET", "POST"])
@access(*WRITERS)
def send(story_id: int):
    """Sending answers with the "sent" page itself, key and all, instead of a redirect: the key is then never
    stored anywhere in plain form, not even for a moment in the (signed, readable) session cookie. Reloading
    asks the browser to send again, which only leads to the story's page: the key is shown this once."""
    story = _own_or_404(story_id)
    if story.status != StoryStatus.DRAFT:
        return redirect(url_for("stories.detail", story_id=story.id))
    assisted = bool(story.supporter_id)
    form = ConsentForm(assisted=assisted, organisation=_organisation())
    if assisted and not form.is_submitted():
        form.supporter_name.data = current_user.name_to_show
    if form.validate_on_submit():
        try:
            key = services.submit_story(story, form.choice(), current_user)
        except services.StoryError as error:
            flash(error.message, "warning")
            return redirect(url_for("stories.write", story=story.id))
        except consent_services.ConsentError as error:
            form.agree.errors.append(str(error))
        else:
            return _render_sent(story, key)
    return render_template("stories/consent.html", form=form, story=story, purposes=_purposes(),
                           action=url_for("stories.send", story_id=story.id),
                           heading="How can your story be used?", button="Send my story",
                           wording=consent_wording(), back=url_for("stories.write", story=story.id),
                           details=services.personal_details(story)), 400 if form.errors else 200


@bp.route("/stories/<int:story_id>/sent")
@access(*WRITERS)
def sent(story_id: int):
    story = _own_or_404(story_id)
    if story.status == StoryStatus.DRAFT:
        return redirect(url_for("stories.write", story=story.id))
    return _render_sent(story, None)


def _render_sent(story: Story, key: str | None):
    return render_template("stories/sent.html", story=story, key=key,
                           key_groups=key.split("-") if key else [],
                           danger=shows_help_now(story, current_user))


@bp.route("/my-stories")
@access(*WRITERS)
def mine():
    listing = services.stories_page(current_user, page=requested_page())
    stories = listing.items
    return render_template("stories/mine.html", stories=stories, listing=listing, purposes=_purposes(),
                           news=news_for_stories(stories, current_user))


@bp.route("/my-stories/<int:story_id>")
@access(*WRITERS)
def detail(story_id: int):
    story = _own_or_404(story_id)
    return render_template("stories/detail.html", story=story, purposes=_purposes(),
                           news=news_for(story, current_user), usage=usage_for(story, _usage_page()))


def _render_change(form: StoryForm, story: Story, status: int = 200, notice: str | None = None):
    return render_template("stories/change.html", form=form, story=story, notice=notice,
                           news=news_for(story, current_user), max_chars=services.STORY_MAX_CHARS
                           ), status


@bp.route("/my-stories/<int:story_id>/change", methods=["GET", "POST"])
@access(*WRITERS)
def change_story(story_id: int):
    """After a moderator asked about a change: the person edits their words and sends the story again."""
    story = _own_or_404(story_id)
    if request.method == "GET":
        if story.status != StoryStatus.CHANGES_REQUESTED:
            return redirect(url_for("stories.detail", story_id=story.id))
        form = StoryForm(obj=story, formdata=None)
        form.story_id.data = str(story.id)
        return _render_change(form, story)
    form = StoryForm()
    form.story_id.data = str(story.id)
    valid = form.validate()
    sending = request.form.get("action") == "send"
    ready = form.check_ready_to_send() if sending else True
    try:
        if sending and valid and ready:
            services.resubmit_story(story, form.story_text(), current_user)
            flash("Thank you. Your story has been sent again. A moderator will read it, and we will tell you "
                  "what happens next.", "success")
            return redirect(url_for("stories.detail", story_id=story.id))
        services.save_changes(story, form.story_text(), current_user)
    except services.StoryError as error:
        target = getattr(form, error.field, None) if error.field else None
        if target is None:
            return _render_change(form, story, 400, notice=error.message)
        target.errors = [*target.errors, error.message]
        return _render_change(form, story, 400)
    if not (valid and ready):
        return _render_change(form, story, 400)
    flash("Your changes are saved. You can come back to them at any time from “My stories”.", "success")
    return redirect(url_for("stories.change_story", story_id=story.id))


@bp.route("/my-stories/<int:story_id>/consent", methods=["GET", "POST"])
@access(*WRITERS)
def change_consent(story_id: int):
    story = _own_or_404(story_id)
    if story.status in (StoryStatus.DRAFT, StoryStatus.WITHDRAWN):
        return redirect(url_for("stories.detail", story_id=story.id))
    assisted = bool(story.supporter_id) and story.supporter_id == current_user.id
    form = ConsentForm(assisted=assisted, organisation=_organisation())
    form.fill_from(story.current_consent)
    if assisted and not form.is_submitted():
        form.supporter_name.data = current_user.name_to_show
    if form.validate_on_submit():
        try:
            consent_services.change_consent(story, form.choice(), current_user)
        except consent_services.ConsentError as error:
            form.agree.errors.append(str(error))
        else:
            flash("Your choices are saved. They apply from now on, everywhere.", "success")
            return redirect(url_for("stories.detail", story_id=story.id))
    return render_template("stories/consent.html", form=form, story=story, purposes=_purposes(),
                           action=url_for("stories.change_consent", story_id=story.id),
                           heading="Change how your story can be used", button="Save my choices",
                           wording=consent_wording(), back=url_for("stories.detail", story_id=story.id)
                           ), 400 if form.errors else 200


@bp.route("/my-stories/<int:story_id>/withdraw", methods=["GET", "POST"])
@access(*WRITERS)
def withdraw(story_id: int):
    story = _own_or_404(story_id)
    form = ConfirmForm()
    if story.status in (StoryStatus.DRAFT, StoryStatus.WITHDRAWN):
        return redirect(url_for("stories.detail", story_id=story.id))
    if form.validate_on_submit():
        consent_services.withdraw(story, current_user)
        flash("Your story has been withdrawn. From now on nobody else can see it or use it.", "success")
        return redirect(url_for("stories.detail", story_id=story.id))
    return render_template("stories/withdraw.html", story=story, form=form, retention_days=_retention_days(),
                           action=url_for("stories.withdraw", story_id=story.id),
                           back=url_for("stories.detail", story_id=story.id))


@bp.route("/stories/easy-read")
@access(ANYONE)
def easy_read():
    return render_template("stories/easy_read.html", easy_consent=EASY_READ_CONSENT,
                           max_chars=services.STORY_MAX_CHARS)


def _usage_page() -> int:
    """Which page of "What staff took from your story" to show."""
    return min(max(request.args.get("page", type=int) or 1, 1), 10_000)


def _retention_days() -> int:
    return current_app.config["STORYBANK_WITHDRAWN_RETENTION_DAYS"]


def _organisation() -> str:
    return current_app.config["STORYBANK_ORGANISATION_NAME"]


def _purposes() -> list[tuple[Purpose, str, str]]:
    return purpose_wording(_organisation())


@bp.route("/consent-wording/<version>")
@access(ANYONE)
def consent_wording_page(version: str):
    """The exact words a person agreed to, for each version ever used; linked from every consent record."""
    try:
        wording = consent_wording(version)
    except KeyError:
        abort(404)
    return render_template("stories/consent_wording.html", version=version, wording=wording,
                           current=version == CURRENT_WORDING_VERSION)


def _key_token() -> str | None:
    token = session.get(KEY_SESSION)
    return token if isinstance(token, str) else None


def _verified_story() -> Story | None:
    """The story whose key was entered in this browser in the last few minutes and not finished with, if any."""
    return services.story_for_key_session(_key_token())


def _key_needed():
    flash("For your safety, please enter your story reference and key again.", "warning")
    return redirect(url_for("stories.key_lookup"))


def _key_lookup_slowed() -> tuple[rate_limits.Slowed, str] | None:
    """Tight per story reference (normalised as look-ups are: case, spaces and dashes do not matter), so one story's
    key cannot be guessed at from many addresses; generous per address, so the people of one building are not
    refused because of each other, while one machine cannot try reference after reference."""
    reference = keys.normalise(request.form.get("reference", ""))
    by_reference = rate_limits.count("story-key-reference", rate_limits.hashed(reference) if reference else "",
                                     "STORY_KEY_RATE_LIMIT")
    by_address = rate_limits.count("story-key-address", rate_limits.address(), "STORY_KEY_ADDRESS_RATE_LIMIT")
    if by_reference:
        return by_reference, KEY_SLOW_DOWN_REFERENCE
    return (by_address, KEY_SLOW_DOWN_ADDRESS) if by_address else None


@bp.route("/my-story", methods=["GET", "POST"])
@access(ANYONE)
def key_lookup():
    form = KeyLookupForm()
    if request.method == "POST" and (slowed := _key_lookup_slowed()):
        refusal, message = slowed
        return render_template("stories/key_lookup.html", form=form, failed=True, failed_message=message
                               ), 429, refusal.headers
    failed = False
    if form.validate_on_submit():
        story = services.look_up_story(form.reference.data, form.key.data)
        if story is not None:
            session[KEY_SESSION] = services.open_key_session(story, replacing=_key_token())
            return redirect(url_for("stories.key_status"))
        failed = True
    return render_template("stories/key_lookup.html", form=form, failed=failed, failed_message=KEY_NOT_FOUND
                           ), 400 if (failed or form.errors) else 200


@bp.route("/my-story/status")
@access(ANYONE)
def key_status():
    story = _verified_story()
    if story is None:
        return _key_needed()
    return render_template("stories/key_status.html", story=story, purposes=_purposes(), form=ConfirmForm(),
                           usage=usage_for(story, _usage_page()))


@bp.route("/my-story/consent", methods=["GET", "POST"])
@access(ANYONE)
def key_change_consent():
    story = _verified_story()
    if story is None:
        return _key_needed()
    if story.status in (StoryStatus.DRAFT, StoryStatus.WITHDRAWN):
        return redirect(url_for("stories.key_status"))
    form = ConsentForm(organisation=_organisation())
    form.fill_from(story.current_consent)
    if form.validate_on_submit():
        try:
            consent_services.change_consent(story, form.choice(), None, actor_label=services.KEY_HOLDER)
        except consent_services.ConsentError as error:
            form.agree.errors.append(str(error))
        else:
            flash("Your choices are saved. They apply from now on, everywhere.", "success")
            return redirect(url_for("stories.key_status"))
    return render_template("stories/consent.html", form=form, story=story, purposes=_purposes(),
                           action=url_for("stories.key_change_consent"),
                           heading="Change how your story can be used", button="Save my choices",
                           wording=consent_wording(), back=url_for("stories.key_status")
                           ), 400 if form.errors else 200


@bp.route("/my-story/withdraw", methods=["GET", "POST"])
@access(ANYONE)
def key_withdraw():
    story = _verified_story()
    if story is None:
        return _key_needed()
    if story.status in (StoryStatus.DRAFT, StoryStatus.WITHDRAWN):
        return redirect(url_for("stories.key_status"))
    form = ConfirmForm()
    if form.validate_on_submit():
        consent_services.withdraw(story, None, actor_label=services.KEY_HOLDER)
        flash("Your story has been withdrawn. From now on nobody else can see it or use it.", "success")
        return redirect(url_for("stories.key_status"))
    return render_template("stories/withdraw.html", story=story, form=form, retention_days=_retention_days(),
                           action=url_for("stories.key_withdraw"),
                           back=url_for("stories.key_status"))


@bp.route("/my-story/finish", methods=["POST"])
@access(ANYONE)
def key_finish():
    services.end_key_session(_key_token())
    session.pop(KEY_SESSION, None)
    flash("You have finished. To look at your story again, you will need your reference and key.", "success")
    return redirect(url_for("core.home"))
