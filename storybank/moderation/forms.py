"""Forms for moderators, for admins editing decline reasons, and for contributors answering moderators."""

from __future__ import annotations

from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Optional

from storybank.forms_common import Form, MaxChars, SingleLine, clean_text
from storybank.moderation.models import CONCERN_ACTION_WORDS, AppealOutcome
from storybank.moderation.suggestions import MANUAL_LABELS
from storybank.tagging.services import theme_choices


def _clean(value):
    return clean_text(value) if isinstance(value, str) else value


def theme_words(slug: str) -> str:
    return slug.replace("_", " ").capitalize()


class ActionForm(Form):
    """A button that changes something: claim, release, approve, mark as read. Only the CSRF token."""


class DecideSuggestionForm(Form):
    decision = StringField(validators=[AnyOf(["accept", "reject"], "Please choose accept or reject.")])
    replacement = StringField("Words to use instead (optional)", filters=[_clean],
                              validators=[Optional(), MaxChars(120, "The words to use instead"), SingleLine()])


class ManualRedactionForm(Form):
    text = StringField(
        "Words to remove",
        description="Type or paste the words exactly as they are written in the story. We remove them "
                    "everywhere they appear. You can also select them in the story above.",
        filters=[_clean],
        validators=[DataRequired("Please type or paste the words to remove."), MaxChars(200, "The words"),
                    SingleLine()],
    )
    label = SelectField("What kind of detail is it?", default="PERSON",
                        choices=[SelectChoice(k, v) for k, v in MANUAL_LABELS.items()])
    replacement = StringField("Words to use instead (optional)",
                              description="For example a job title, such as “the night nurse”. "
                                          "If you leave this empty we use a placeholder such as [Person A].",
                              filters=[_clean],
                              validators=[Optional(), MaxChars(120, "The words to use instead"), SingleLine()])


class ThemeForm(Form):
    """The themes come from the taxonomy admins edit, so a new theme tag can be chosen at once."""

    theme = SelectField("Add a theme")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme.choices = [SelectChoice(slug, name) for slug, name in theme_choices()]


class ContentWarningForm(Form):
    warning = StringField("Add a content warning", description="A few words, for example “death and dying”.",
                          filters=[_clean],
                          validators=[DataRequired("Please type the content warning."),
                                      MaxChars(60, "A content warning"), SingleLine()])


class ClarityForm(Form):
    text = TextAreaField(
        "The story, edited for clarity",
        description="Only change what makes it clearer. The contributor will see your changes and must agree "
                    "before they are used.",
        filters=[_clean],
        validators=[DataRequired("Please write the edited text, or leave this out."), MaxChars(20000, "The text")],
    )
    note = TextAreaField("A note to the contributor about your changes (optional)", filters=[_clean],
                         validators=[Optional(), MaxChars(1000, "Your note")])


class RequestChangesForm(Form):
    message = TextAreaField(
        "Your message to the contributor",
        description="Say what you would like changed and why, in plain and kind words.",
        filters=[_clean],
        validators=[DataRequired("Please write a message saying what you would like changed and why."),
                    MaxChars(2000, "Your message")],
    )


class DeclineForm(Form):
    reason = RadioField("Why can we not use this story?", validate_choice=False,
                        validators=[DataRequired("Please choose the reason that fits best.")])
    message = TextAreaField("Anything you would like to add, in your own words (optional)", filters=[_clean],
                            validators=[Optional(), MaxChars(2000, "Your message")])


class RaiseConcernForm(Form):
    sentence = TextAreaField("The words that worry you", filters=[_clean],
                             validators=[DataRequired("Please copy the words that worry you."),
                                         MaxChars(2000, "The words")])
    reason = StringField("Why they worry you", filters=[_clean],
                         validators=[DataRequired("Please say briefly why this worries you."),
                                     MaxChars(300, "The reason"), SingleLine()])


class ConcernActionForm(Form):
    action = RadioField("What did you do?", choices=[SelectChoice(k.value, v) for k, v in CONCERN_ACTION_WORDS.items()],
                        validators=[DataRequired("Please choose what you did.")])
    reference = StringField("Reference from the safeguarding team",
                            description="Needed when you referred the concern.", filters=[_clean],
                            validators=[Optional(), MaxChars(120, "The reference"), SingleLine()])
    note = TextAreaField("Notes", description="Needed when no action is needed: please say why.",
                         filters=[_clean], validators=[Optional(), MaxChars(4000, "Your notes")])


class AppealDecisionForm(Form):
    outcome = RadioField("Your decision", choices=[
        SelectChoice(AppealOutcome.UPHELD.value, "The first decision stands: the story cannot be used this time"),
        SelectChoice(AppealOutcome.OVERTURNED.value,
                     "The story can be used after all: send it back to be read again"),
    ], validators=[DataRequired("Please choose your decision.")])
    message = TextAreaField("Your message to the contributor", filters=[_clean],
                            validators=[DataRequired("Please write a few words explaining your decision."),
                                        MaxChars(2000, "Your message")])


class AskAgainForm(Form):
    note = TextAreaField("Is there anything you would like the moderator to know? (optional)", filters=[_clean],
                         validators=[Optional(), MaxChars(2000, "Your note")])


class ClarityAnswerForm(Form):
    answer = StringField(validators=[AnyOf(["agree", "decline"], "Please choose one of the two buttons.")])


class DeclineReasonEditForm(Form):
    title = StringField("Short name moderators see", filters=[_clean],
                        validators=[DataRequired("Please give the reason a short name."),
                                    MaxChars(120, "The name"), SingleLine()])
    text = TextAreaField("The words the contributor reads", filters=[_clean],
                         validators=[DataRequired("Please write the words the contributor will read."),
                                     MaxChars(2000, "The words")])
