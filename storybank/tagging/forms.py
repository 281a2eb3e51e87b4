"""Forms admins use to look after the taxonomy."""

from __future__ import annotations

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from storybank.forms_common import Form, MaxChars, SingleLine, clean_text
from storybank.tagging.services import DESCRIPTION_MAX, NAME_MAX, TagText, split_synonyms


def _clean(value):
    return clean_text(value).strip() if isinstance(value, str) else value


class GroupForm(Form):
    name = StringField("Name of the group", description="For example “Age group” or “Who is telling the story”.",
                       filters=[_clean],
                       validators=[DataRequired("Please give the group a name."), MaxChars(NAME_MAX, "The name"),
                                   SingleLine()])
    description = StringField("What the group is for (optional)", filters=[_clean],
                              validators=[Optional(), MaxChars(DESCRIPTION_MAX, "The description"), SingleLine()])


class TagForm(Form):
    name = StringField("Name", description="The words trainers will see and search for.", filters=[_clean],
                       validators=[DataRequired("Please give the tag a name."), MaxChars(NAME_MAX, "The name"),
                                   SingleLine()])
    description = TextAreaField("What it means (optional)",
                                description="One or two plain sentences, so everyone uses the tag the same way.",
                                filters=[_clean],
                                validators=[Optional(), MaxChars(DESCRIPTION_MAX, "The description")])
    synonyms = TextAreaField("Other words for it (optional)",
                             description="One on each line, or separated by commas. Someone searching for any of "
                                         "these words will find stories with this tag.",
                             filters=[_clean], validators=[Optional(), MaxChars(2000, "The other words")])

    def tag_text(self) -> TagText:
        return TagText(name=self.name.data or "", description=self.description.data or "",
                       synonyms=split_synonyms(self.synonyms.data))


class MergeForm(Form):
    target = SelectField("Merge it into", coerce=int,
                         validators=[DataRequired("Please choose the tag to merge into.")])


class DeleteForm(Form):
    """Only the CSRF token: the confirmation page is the question, the button is the answer."""
