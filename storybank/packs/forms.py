"""The forms of the pack builder. Every one is a POST with a CSRF token; the messages say what to do next."""

from __future__ import annotations

from datetime import date, datetime

from wtforms import HiddenField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, ValidationError

from storybank.forms_common import Form, MaxChars, SingleLine, clean_text
from storybank.packs.models import PackPurpose, SectionKind
from storybank.packs.services import PackDetails, SectionText

MARKDOWN_HINT = ("You can use simple formatting: **bold**, *italics*, a line starting with “- ” for a list, "
                 "and [words](https://example.org) for a link.")

MAX_MINUTES = 1440

PURPOSE_CHOICES = [
    SelectChoice(PackPurpose.TRAINING.value, "Staff training here"),
    SelectChoice(PackPurpose.PARTNERS.value, "Training in organisations we work with"),
]


def _strip(value):
    return clean_text(value).strip() if isinstance(value, str) else value


class PackForm(Form):
    title = StringField("Title", filters=[_strip],
                        validators=[DataRequired("Please give the pack a title, so you can find it again."),
                                    MaxChars(200, "The title"), SingleLine()])
    purpose = RadioField("Who the training is for", choices=PURPOSE_CHOICES, default=PackPurpose.TRAINING.value,
                         description="You can only add stories whose owners said yes to this use.")
    audience = StringField("Audience", filters=[_strip], validators=[Optional(), MaxChars(200, "The audience"),
                                                                     SingleLine()],
                           description="For example, new home care workers in their first month.")
    duration_minutes = StringField("How long the session lasts, in minutes", filters=[_strip],
                                   validators=[Optional()], description="For example, 90.")
    learning_outcomes = TextAreaField("What people will take away", filters=[_strip],
                                      validators=[Optional(), MaxChars(5_000, "This")],
                                      description="One on each line, for example: notice when care feels rushed.")
    introduction = TextAreaField("Introduction", filters=[_strip],
                                 validators=[Optional(), MaxChars(20_000, "The introduction")],
                                 description=MARKDOWN_HINT)

    def validate_purpose(self, field) -> None:
        if field.data not in {p.value for p in PackPurpose}:
            raise ValidationError("Please choose who the training is for.")

    def validate_duration_minutes(self, field) -> None:
        if not (field.data.isdigit() and 1 <= int(field.data) <= MAX_MINUTES):
            raise ValidationError("Please give the length as a whole number of minutes, like 90 "
                                  "(up to 1,440, a whole day).")

    def minutes(self) -> int | None:
        value = self.duration_minutes.data or ""
        return int(value) if value.isdigit() else None

    def details(self) -> PackDetails:
        return PackDetails(title=self.title.data or "", purpose=PackPurpose(self.purpose.data),
                           audience=self.audience.data or "", duration_minutes=self.minutes(),
                           learning_outcomes=self.learning_outcomes.data or "",
                           introduction=self.introduction.data or "")


class SectionForm(Form):
    title = StringField("Heading", filters=[_strip], validators=[Optional(), MaxChars(200, "The heading"),
                                                                 SingleLine()])
    body = TextAreaField("What to say or do", filters=[_strip],
                         validators=[Optional(), MaxChars(20_000, "This")], description=MARKDOWN_HINT)
    prompts = TextAreaField("Questions", filters=[_strip], validators=[Optional(), MaxChars(4_000, "The questions")],
                            description="One question on each line.")

    def text(self) -> SectionText:
        return SectionText(title=self.title.data or "", body=self.body.data or "",
                           prompts=tuple((self.prompts.data or "").splitlines()))


class NewSectionForm(Form):
    kind = HiddenField(validators=[DataRequired()])

    def validate_kind(self, field) -> None:
        if field.data not in (SectionKind.ACTIVITY.value, SectionKind.NOTES.value, SectionKind.PROMPTS.value):
            raise ValidationError("Please choose what kind of section to add.")


class MoveForm(Form):
    direction = HiddenField(validators=[DataRequired()])

    def validate_direction(self, field) -> None:
        if field.data not in ("up", "down"):
            raise ValidationError("Please choose up or down.")


class AddStoryForm(Form):
    reference = HiddenField(filters=[_strip], validators=[DataRequired("Please choose a story.")])


class ButtonForm(Form):
    """Only the CSRF token: removing a section, or adding the default activities, is one button."""


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y")


def read_day(value: str | None) -> date | None:
    """A date as a browser's date picker sends it (2026-03-12) or as a person types it (12/03/2026, 12 March 2026)."""
    value = " ".join((value or "").split())
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


class ShareLinkForm(Form):
    session_name = StringField("Name of the session (optional)", filters=[_strip],
                               validators=[Optional(), MaxChars(120, "The name"), SingleLine()],
                               description="So you can tell your links apart. For example, Induction, 12 March.")
    last_day = StringField("Last day the link works",
                           filters=[_strip], validators=[DataRequired("Please give the last day the link works.")],
                           description="For example, 12/03/2027. The link stops working at midnight at the end "
                                       "of that day. It can last up to a year.")

    def validate_last_day(self, field) -> None:
        if read_day(field.data) is None:
            raise ValidationError("Please give the last day as a date, like 12/03/2027.")

    def day(self) -> date | None:
        return read_day(self.last_day.data)
