"""Moderators' pages (the queue, the review screen, safeguarding, appeals), two small admin pages, and the pages
where a contributor answers a moderator. Views parse a form, call one service, and render or redirect."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from storybank.accounts.roles import Role
from storybank.db_types import utcnow
from storybank.extensions import db
from storybank.highlighting import segments
from storybank.moderation import appeals as appeal_rules
from storybank.moderation import (
    claims,
    clarity,
    common,
    decisions,
    errors,
    news,
    notifications,
    preparation,
    reasons,
    safeguarding,
    visible,
)
from storybank.moderation import queue as review_queue
from storybank.moderation import suggestions as suggestion_rules
from storybank.moderation.forms import (
    ActionForm,
    AppealDecisionForm,
    AskAgainForm,
    ClarityAnswerForm,
    ClarityForm,
    ConcernActionForm,
    ContentWarningForm,
    DecideSuggestionForm,
    DeclineForm,
    DeclineReasonEditForm,
    ManualRedactionForm,
    RaiseConcernForm,
    RequestChangesForm,
    ThemeForm,
    theme_words,
)
from storybank.moderation.models import (
    CONCERN_ACTION_WORDS,
    ConcernAction,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from storybank.paging import requested_page
from storybank.security import SIGNED_IN, access
from storybank.stories.models import Story

bp = Blueprint("moderation", __name__)


def _story_or_404(story_id: int) -> Story:
    """Moderators' pages: a story they may not see (a draft, or withdrawn) looks like one that does not exist."""
    story = visible.story_for_moderators(story_id)
    if story is None:
        abort(404)
    return story


def _own_story_or_404(story_id: int) -> Story:
    """Contributors' pages: somebody else's story looks exactly like one that does not exist."""
    story = db.session.get(Story, story_id)
    if story is None or current_user.id not in (story.author_id, story.supporter_id):
        abort(404)
    return story


@bp.app_context_processor
def unread_messages_for_templates():
    """The header's "Messages (2 new)": one COUNT, and only on pages whose header shows it."""
    def unread_messages() -> int:
        return notifications.unread_count(current_user) if current_user.is_authenticated else 0

    return {"unread_messages": unread_messages}


@bp.route("/moderation")
@access(Role.MODERATOR)
def queue():
    """Only reads: stories are analysed when they are sent (moderation.subscriptions), never while a page renders."""
    status = request.args.get("status") or None
    care_setting = request.args.get("care_setting") or None
    now = utcnow()
    counts = review_queue.queue_counts(now)
    listing = review_queue.queue_page(status, care_setting, page=requested_page(), now=now, counts=counts)
    return render_template("moderation/queue.html", entries=listing.items, listing=listing,
                           counts=counts, care_settings=review_queue.waiting_care_settings(),
                           status=status, care_setting=care_setting, now=now,
                           action_form=ActionForm())


def _review_page(story: Story, status: int = 200, **forms):
    suggestions = suggestion_rules.suggestions_for(story)
    redactions = [s for s in suggestions if s.kind == SuggestionKind.REDACTION]
    review = common.review_for(story)
    now = utcnow()
    claim_live = bool(review and review.claim_is_live(now))
    mine = claim_live and review.claimed_by_id == current_user.id
    try:
        preview_title, preview = (suggestion_rules.redacted_title_and_text(story, suggestions) if story.body
                                  else (story.moderated_title, story.moderated_body))
    except errors.ModerationError:
        preview_title = preview = None
    edit = clarity.current_clarity_edit(story)
    decline_form = forms.get("decline_form") or DeclineForm(prefix="decline")
    decline_form.reason.choices = [SelectChoice(r.key, r.title) for r in reasons.decline_reasons()]
    clarity_form = forms.get("clarity_form") or ClarityForm(prefix="clarity")
    if not clarity_form.text.data:
        clarity_form.text.data = edit.proposed_text if edit and edit.status.value == "pending" else preview
    return render_template(
        "moderation/review.html", story=story, review=review, mine=mine, now=now, claim_live=claim_live,
        being_prepared=preparation.needs_preparing(story, review),
        own_story=story.author_id == current_user.id or story.supporter_id == current_user.id,
        segments=segments(story.body or "", [s for s in redactions if not s.in_title]), redactions=redactions,
        title_segments=segments(story.title or "", [s for s in redactions if s.in_title]),
        title_redactions=[s for s in redactions if s.in_title],
        numbers={s.id: n for n, s in enumerate(redactions, start=1)},
        redaction_groups=suggestion_rules.grouped_by_kind(redactions),
        themes=[s for s in suggestions if s.kind == SuggestionKind.THEME],
        warnings=[s for s in suggestions if s.kind == SuggestionKind.CONTENT_WARNING],
        pending=sum(1 for s in suggestions if s.status == SuggestionStatus.PENDING),
        preview=preview, preview_title=preview_title, clarity_edit=edit, concerns=safeguarding.concerns_for(story),
        decisions=decisions.decisions_for(story), consent=story.current_consent, theme_words=theme_words,
        action_form=ActionForm(), suggestion_form=forms.get("suggestion_form") or DecideSuggestionForm(),
        redaction_form=forms.get("redaction_form") or ManualRedactionForm(prefix="redact"),
        theme_form=forms.get("theme_form") or ThemeForm(prefix="theme"),
        warning_form=forms.get("warning_form") or ContentWarningForm(prefix="warning"),
        clarity_form=clarity_form,
        changes_form=forms.get("changes_form") or RequestChangesForm(prefix="changes"),
        decline_form=decline_form,
        decline_reasons=reasons.decline_reasons(),
        concern_form=forms.get("concern_form") or RaiseConcernForm(prefix="concern"),
        approve_error=forms.get("approve_error"),
        error_form=next((f for f in forms.values() if getattr(f, "errors", None)), None) or ActionForm(),
    ), status


@bp.route("/moderation/stories/<int:story_id>")
@access(Role.MODERATOR)
def review(story_id: int):
    return _review_page(_story_or_404(story_id))


def _back_to_review(story: Story, anchor: str = ""):
    return redirect(url_for("moderation.review", story_id=story.id) + anchor)


@bp.route("/moderation/stories/<int:story_id>/claim", methods=["POST"])
@access(Role.MODERATOR)
def claim(story_id: int):
    story = _story_or_404(story_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        claims.claim(story, current_user)
    except errors.ModerationError as error:
        flash(error.message, "warning")
        return redirect(url_for("moderation.queue"))
    flash("This story is yours to read now. Other moderators can see you are working on it.", "success")
    return _back_to_review(story)


@bp.route("/moderation/stories/<int:story_id>/release", methods=["POST"])
@access(Role.MODERATOR)
def release(story_id: int):
    story = _story_or_404(story_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    claims.release(story, current_user)
    flash("You have let go of this story, so another moderator can pick it up.", "success")
    return redirect(url_for("moderation.queue"))


@bp.route("/moderation/suggestions/<int:suggestion_id>", methods=["POST"])
@access(Role.MODERATOR)
def decide_suggestion(suggestion_id: int):
    suggestion = db.session.get(Suggestion, suggestion_id)
    if suggestion is None:
        abort(404)
    story = _story_or_404(suggestion.story_id)
    form = DecideSuggestionForm()
    if not form.validate_on_submit():
        return _review_page(story, 400, suggestion_form=form)
    try:
        suggestion_rules.decide_suggestion(suggestion, form.decision.data, current_user, form.replacement.data)
    except errors.ModerationError as error:
        flash(error.message, "warning")
    return _back_to_review(story, f"#suggestion-{suggestion.id}")


def _story_form_action(story_id: int, form_class, form_key: str, prefix: str, act, done: str, anchor: str = ""):
    """The pattern every review-screen form shares: validate, call a service, or show the page again with
    the error next to the field and everything typed still there."""
    story = _story_or_404(story_id)
    form = form_class(prefix=prefix)
    if form.validate_on_submit():
        try:
            result = act(story, form)
        except errors.ModerationError as error:
            target = getattr(form, error.field, None) if error.field else None
            if target is not None:
                target.errors = [*target.errors, error.message]
            else:
                return _review_page(story, 400, **{form_key: form, "approve_error": error.message})
        else:
            flash(done, "success")
            return result or _back_to_review(story, anchor)
    return _review_page(story, 400, **{form_key: form})


@bp.route("/moderation/stories/<int:story_id>/redactions", methods=["POST"])
@access(Role.MODERATOR)
def add_redaction(story_id: int):
    def act(story: Story, form: ManualRedactionForm) -> None:
        suggestion_rules.add_manual_redaction(story, form.text.data, current_user, form.label.data,
                                              form.replacement.data)

    return _story_form_action(story_id, ManualRedactionForm, "redaction_form", "redact", act,
                              "Those words will be removed everywhere they appear.", "#redactions")


@bp.route("/moderation/stories/<int:story_id>/themes", methods=["POST"])
@access(Role.MODERATOR)
def add_theme(story_id: int):
    def act(story: Story, form: ThemeForm) -> None:
        suggestion_rules.add_label(story, SuggestionKind.THEME, form.theme.data, current_user)

    return _story_form_action(story_id, ThemeForm, "theme_form", "theme", act, "Theme added.", "#themes")


@bp.route("/moderation/stories/<int:story_id>/content-warnings", methods=["POST"])
@access(Role.MODERATOR)
def add_content_warning(story_id: int):
    def act(story: Story, form: ContentWarningForm) -> None:
        suggestion_rules.add_label(story, SuggestionKind.CONTENT_WARNING, form.warning.data, current_user)

    return _story_form_action(story_id, ContentWarningForm, "warning_form", "warning", act,
                              "Content warning added.", "#themes")


@bp.route("/moderation/stories/<int:story_id>/clarity", methods=["POST"])
@access(Role.MODERATOR)
def propose_clarity(story_id: int):
    def act(story: Story, form: ClarityForm) -> None:
        clarity.propose_clarity_edit(story, current_user, form.text.data, form.note.data)

    return _story_form_action(story_id, ClarityForm, "clarity_form", "clarity", act,
                              "Your edit is saved. The contributor will be asked to agree before it is used.",
                              "#clarity")


@bp.route("/moderation/stories/<int:story_id>/approve", methods=["POST"])
@access(Role.MODERATOR)
def approve(story_id: int):
    story = _story_or_404(story_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        decisions.approve(story, current_user)
    except errors.ModerationError as error:
        return _review_page(story, 400, approve_error=error.message)
    flash(f"Approved. We have told the contributor that “{story.title}” can now be used.", "success")
    return redirect(url_for("moderation.queue"))


@bp.route("/moderation/stories/<int:story_id>/request-changes", methods=["POST"])
@access(Role.MODERATOR)
def request_changes(story_id: int):
    def act(story: Story, form: RequestChangesForm):
        decisions.request_changes(story, current_user, form.message.data)
        return redirect(url_for("moderation.queue"))

    return _story_form_action(story_id, RequestChangesForm, "changes_form", "changes", act,
                              "Your message has been sent to the contributor.")


@bp.route("/moderation/stories/<int:story_id>/decline", methods=["POST"])
@access(Role.MODERATOR)
def decline(story_id: int):
    story = _story_or_404(story_id)
    form = DeclineForm(prefix="decline")
    form.reason.choices = [SelectChoice(r.key, r.title) for r in reasons.decline_reasons()]
    if form.validate_on_submit():
        try:
            decisions.decline(story, current_user, form.reason.data, form.message.data)
        except errors.ModerationError as error:
            getattr(form, error.field or "reason").errors = [error.message]
        else:
            flash("The story is declined, and the contributor has been told why, kindly.", "success")
            return redirect(url_for("moderation.queue"))
    return _review_page(story, 400, decline_form=form)


@bp.route("/moderation/stories/<int:story_id>/concerns", methods=["POST"])
@access(Role.MODERATOR)
def raise_concern(story_id: int):
    def act(story: Story, form: RaiseConcernForm):
        raised = safeguarding.raise_concern(story, current_user, form.sentence.data, form.reason.data)
        return redirect(url_for("moderation.concern", concern_id=raised.id))

    return _story_form_action(story_id, RaiseConcernForm, "concern_form", "concern", act,
                              "The concern is raised. Please record what you do about it.")


@bp.route("/moderation/concerns")
@access(Role.MODERATOR)
def concerns():
    listing = safeguarding.concerns_page(requested_page())
    now = utcnow()
    overdue = {row.concern.id for row in listing.items if safeguarding.is_overdue(row.concern, now)}
    return render_template("moderation/concerns.html", concerns=listing.items, listing=listing, overdue=overdue,
                           deadline=safeguarding.concern_deadline,
                           action_words=CONCERN_ACTION_WORDS)


@bp.route("/moderation/concerns/<int:concern_id>", methods=["GET", "POST"])
@access(Role.MODERATOR)
def concern(concern_id: int):
    """Still open after withdrawal, with the flagged sentence (the safeguarding record), never the story."""
    row = safeguarding.concern_for_moderators(concern_id)
    if row is None:
        abort(404)
    item = row.concern
    form = ConcernActionForm()
    if form.validate_on_submit():
        try:
            safeguarding.record_safeguarding_action(item, ConcernAction(form.action.data), current_user,
                                                form.reference.data, form.note.data)
        except errors.ModerationError as error:
            getattr(form, error.field or "action").errors = [error.message]
        else:
            flash("Thank you. What you did is recorded.", "success")
            return redirect(url_for("moderation.concern", concern_id=item.id))
    return render_template("moderation/concern.html", concern=item, form=form, story=row.story,
                           reference=row.reference,
                           deadline=safeguarding.concern_deadline(item), now=utcnow(),
                           overdue=item in safeguarding.overdue_concerns(),
                           action_words=CONCERN_ACTION_WORDS), 400 if form.errors else 200


@bp.route("/moderation/appeals")
@access(Role.MODERATOR)
def appeals():
    listing = appeal_rules.open_appeals_page(requested_page())
    return render_template("moderation/appeals.html", waiting=listing.items, listing=listing,
                           decided=appeal_rules.recently_decided_appeals())


@bp.route("/moderation/appeals/<int:appeal_id>", methods=["GET", "POST"])
@access(Role.MODERATOR)
def appeal(appeal_id: int):
    item = appeal_rules.appeal_for_moderators(appeal_id)
    if item is None:
        abort(404)
    form = AppealDecisionForm()
    if form.validate_on_submit():
        try:
            appeal_rules.decide_appeal(item, current_user, form.outcome.data, form.message.data)
        except errors.ModerationError as error:
            getattr(form, error.field or "outcome").errors = [error.message]
        else:
            flash("Your decision is saved, and the contributor has been told.", "success")
            return redirect(url_for("moderation.appeals"))
    return render_template("moderation/appeal.html", appeal=item, story=item.story, decision=item.decision,
                           form=form, first_decider=item.decision.moderator_id == current_user.id), \
        400 if form.errors else 200


@bp.route("/admin/safeguarding")
@access(Role.ADMIN)
def admin_overview():
    return render_template("moderation/admin.html", overview=safeguarding.concern_overview(),
                           deadline=safeguarding.concern_deadline, reasons=reasons.decline_reasons(),
                           hours=current_app.config.get("STORYBANK_SAFEGUARDING_HOURS", 24))


@bp.route("/admin/decline-reasons/<key>", methods=["GET", "POST"])
@access(Role.ADMIN)
def edit_decline_reason(key: str):
    reason = reasons.decline_reason(key)
    if reason is None:
        abort(404)
    form = DeclineReasonEditForm(data={"title": reason.title, "text": reason.text})
    if form.validate_on_submit():
        try:
            reasons.edit_decline_reason(key, form.title.data, form.text.data, current_user)
        except errors.ModerationError as error:
            getattr(form, error.field or "text").errors = [error.message]
        else:
            flash("The reason is saved. Moderators will use the new words from now on.", "success")
            return redirect(url_for("moderation.admin_overview"))
    return render_template("moderation/decline_reason.html", reason=reason, form=form), 400 if form.errors else 200


@bp.route("/my-stories/<int:story_id>/clarity", methods=["GET", "POST"])
@access(SIGNED_IN)
def clarity_answer(story_id: int):
    story = _own_story_or_404(story_id)
    edit = clarity.pending_clarity_edit(story)
    form = ClarityAnswerForm()
    if edit is not None and form.validate_on_submit():
        try:
            if form.answer.data == "agree":
                clarity.agree_to_clarity_edit(story, current_user)
                flash("Thank you. Your story will be used with these small changes.", "success")
            else:
                clarity.decline_clarity_edit(story, current_user)
                flash("That is fine. Your story will be used in your own words, with personal details taken out.",
                      "success")
        except errors.ModerationError as error:
            flash(error.message, "warning")
        return redirect(url_for("moderation.notifications_page"))
    return render_template("moderation/clarity.html", story=story, edit=edit, form=form), \
        400 if form.errors else 200


@bp.route("/my-stories/<int:story_id>/ask-again", methods=["GET", "POST"])
@access(SIGNED_IN)
def ask_again(story_id: int):
    story = _own_story_or_404(story_id)
    form = AskAgainForm()
    can_ask = appeal_rules.can_appeal(story)
    if can_ask and form.validate_on_submit():
        try:
            appeal_rules.open_appeal(story, current_user, form.note.data)
        except errors.ModerationError as error:
            form.note.errors = [error.message]
        else:
            flash("Thank you. Another moderator will look at your story again, and we will tell you what they "
                  "decide.", "success")
            return redirect(url_for("moderation.notifications_page"))
    return render_template("moderation/ask_again.html", story=story, form=form, can_ask=can_ask,
                           decision=decisions.latest_decision(story), appeal=appeal_rules.open_appeal_for(story)), \
        400 if form.errors else 200


@bp.route("/notifications")
@access(SIGNED_IN)
def notifications_page():
    listing = notifications.notifications_page(current_user, requested_page())
    notes = listing.items
    pending_clarity, can_ask_again = news.next_steps(list({n.story_id: n.story for n in notes if n.story}.values()))
    return render_template(
        "moderation/notifications.html", notes=notes, listing=listing, form=ActionForm(),
        pending_clarity=pending_clarity, can_ask_again=can_ask_again)


@bp.route("/notifications/read", methods=["POST"])
@access(SIGNED_IN)
def mark_notifications_read():
    if not ActionForm().validate_on_submit():
        abort(400)
    notifications.mark_all_read(current_user)
    flash("All marked as read.", "success")
    return redirect(url_for("moderation.notifications_page"))
