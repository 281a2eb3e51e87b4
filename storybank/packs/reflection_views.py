"""Reflections: a trainee writes one through a share link; moderators, and a pack's own trainer, decide on them.

Views are thin: they read a form, call one service in ``storybank.packs.reflections`` and render or redirect.
Nobody signs in to write a reflection, so its pages are open to anyone holding an open share link; they keep no
name, and every mistake comes back with the words the person typed. The moderators' list lives here, not in
moderation, because moderation must not import packs (dependencies point down the workflow).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from storybank import rate_limits
from storybank.accounts.roles import Role
from storybank.packs import reflections
from storybank.packs.links import hash_token
from storybank.packs.reflection_forms import DecisionForm, ReflectionForm
from storybank.paging import requested_page
from storybank.security import ANYONE, access

bp = Blueprint("reflections", __name__)

SLOW_DOWN = ("A lot of reflections have been sent from here in a short time. Please wait a minute, then press Send "
             "again. Your words are still below.")
THANK_YOU = ("Thank you. A member of our team will read it before it is passed on to the person who shared the "
             "story.")


def back_to_training(token: str) -> str:
    """The address of the training this reflection came from: the page the share link opens (``/s/<token>``)."""
    return url_for("pack_delivery.read", token=token)


def _too_many(token: str) -> rate_limits.Slowed | None:
    """Counted per share link and per address (see storybank/rate_limits.py): one link must not be able to flood
    the people who read reflections, and a training room shares one address, so that limit is generous. Only a hash
    of the token reaches the store. Checked here rather than with a decorator, so the person gets their words back
    with the message instead of a bare error page."""
    by_link = rate_limits.count("reflection-link", hash_token(token)[:40], "REFLECTION_LINK_RATE_LIMIT")
    by_address = rate_limits.count("reflection-address", rate_limits.address(), "REFLECTION_ADDRESS_RATE_LIMIT")
    return by_link or by_address


def _with_words(error: reflections.ReflectionError, form: ReflectionForm) -> str:
    closed = isinstance(error, reflections.NoLongerOpen)
    return f"{error.message} {reflections.WORDS_KEPT}" if closed and (form.text.data or "").strip() else error.message


def _render_write(token: str, key: int, form: ReflectionForm, *, status: int = 200, story_title: str | None = None,
                  problem: str | None = None, hints=None, may_send: bool = True):
    return render_template("packs/reflect.html", token=token, key=key, form=form, story_title=story_title,
                           problem=problem, hints=hints or [], may_send=may_send,
                           back=back_to_training(token)), status


@bp.route("/s/<token>/reflect/<int:key>", methods=["GET", "POST"])
@access(ANYONE)
def write(token: str, key: int):
    """GET shows the form on its own page; POST checks, points out personal details, then saves. Writes only when
    the person has seen any hint and chosen to send."""
    form = ReflectionForm() if request.method == "POST" else ReflectionForm(formdata=None)
    status_when_refused = 400 if request.method == "POST" else 410
    try:
        target = reflections.find_target(token, key)
        if target is None:
            abort(404)
        story_title = reflections.story_title_now(target)
    except reflections.ReflectionError as error:
        return _render_write(token, key, form, status=status_when_refused, problem=_with_words(error, form),
                             may_send=False)
    if request.method == "GET" or form.action.data == "change":
        return _render_write(token, key, form, story_title=story_title)
    if slowed := _too_many(token):
        page, status = _render_write(token, key, form, status=429, story_title=story_title, problem=SLOW_DOWN)
        return page, status, slowed.headers
    if not form.validate():
        return _render_write(token, key, form, status=400, story_title=story_title)
    if form.action.data != "send":
        hints = reflections.personal_details(form.text.data)
        if hints:
            return _render_write(token, key, form, story_title=story_title, hints=hints)
    try:
        reflections.write_reflection(token, key, form.text.data)
    except reflections.ReflectionError as error:
        return _render_write(token, key, form, status=400, story_title=story_title, problem=_with_words(error, form),
                             may_send=not isinstance(error, reflections.NoLongerOpen))
    except LookupError:
        abort(404)
    return redirect(url_for("reflections.thanks", token=token))


@bp.route("/s/<token>/reflected")
@access(ANYONE)
def thanks(token: str):
    return render_template("packs/reflected.html", message=THANK_YOU, back=back_to_training(token))


MODERATOR_PAGE = ("Trainees' reflections waiting",
                  "What staff wrote after reading a story in a training session, the one waiting longest first. "
                  "Please read each one before it is passed on to the person who shared the story.")
TRAINER_PAGE = ("Reflections from your sessions",
                "What staff wrote after reading a story in one of your packs, the one waiting longest first. "
                "Please read each one before it is passed on to the person who shared the story.")
CHOOSE = "Please choose “Pass it on” or “Do not pass it on”."


def _render_list(listing, decide_endpoint: str, words: tuple[str, str], *, form: DecisionForm | None = None,
                 failed_id: int | None = None, status: int = 200):
    """The waiting list; after a decision that could not be read, the same list with that reflection's message
    and the reason as it was typed."""
    heading, intro = words
    return render_template("packs/reflections.html", listing=listing, decide_endpoint=decide_endpoint,
                           heading=heading, intro=intro, form=form or DecisionForm(formdata=None),
                           failed_id=failed_id, no_longer_used=reflections.NO_LONGER_USED), status


def _decide(reflection, back: str, show_again):
    if reflection is None:
        abort(404)
    form = DecisionForm()
    if not form.validate() or form.decision.data not in ("pass", "hold"):
        if not form.errors:
            form.decision.errors = [CHOOSE]
        return show_again(form=form, failed_id=reflection.id, status=400)
    try:
        reflections.decide(reflection, current_user, form.decision.data == "pass", form.reason.data)
    except reflections.ReflectionError as error:
        flash(error.message, "info")
    else:
        flash("The reflection is passed on to the person who shared the story." if form.decision.data == "pass"
              else "The reflection will not be passed on.", "success")
    return redirect(back)


def _moderation_page(**kwargs):
    return _render_list(reflections.waiting_for_moderators(page=requested_page()), "reflections.moderation_decide",
                        MODERATOR_PAGE, **kwargs)


def _trainer_page(**kwargs):
    return _render_list(reflections.waiting_for_trainer(current_user, page=requested_page()),
                        "reflections.trainer_decide", TRAINER_PAGE, **kwargs)


@bp.route("/moderation/reflections")
@access(Role.MODERATOR)
def moderation_list():
    return _moderation_page()


@bp.route("/moderation/reflections/<int:reflection_id>", methods=["POST"])
@access(Role.MODERATOR)
def moderation_decide(reflection_id: int):
    return _decide(reflections.reflection_for_moderator(reflection_id),
                   url_for("reflections.moderation_list", page=request.args.get("page", type=int)), _moderation_page)


@bp.route("/packs/reflections")
@access(Role.TRAINER)
def trainer_list():
    return _trainer_page()


@bp.route("/packs/reflections/<int:reflection_id>", methods=["POST"])
@access(Role.TRAINER)
def trainer_decide(reflection_id: int):
    return _decide(reflections.reflection_for_trainer(current_user, reflection_id),
                   url_for("reflections.trainer_list", page=request.args.get("page", type=int)), _trainer_page)
