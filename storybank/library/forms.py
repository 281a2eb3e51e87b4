"""Tagging a story from its page: confirm or reject what the analysis suggested, or add a tag by hand."""

from __future__ import annotations

from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired

from storybank.forms_common import Form

PURPOSES = ["training", "partners"]


class AddTagForm(Form):
    purpose = HiddenField(validators=[AnyOf(PURPOSES)])
    tag = SelectField("Add a tag", choices=[], validators=[DataRequired("Please choose a tag to add.")],
                      description="Tags you add are confirmed at once, with your name in the audit log.")

    def offer(self, taxonomy) -> None:
        self.tag.choices = [SelectChoice("", "Choose a tag")] + [
            SelectChoice(str(tag.id), f"{tag.name} ({group.name})") for group, tags in taxonomy for tag in tags]


class DecideTagForm(Form):
    purpose = HiddenField(validators=[AnyOf(PURPOSES)])
    decision = HiddenField(validators=[AnyOf(["confirm", "reject"])])
