"""The search form: words and filters in the address (a GET), so a search can be bookmarked, shared and saved."""

from __future__ import annotations

from wtforms import DateField, HiddenField, RadioField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Optional, ValidationError

from storybank.accounts.forms import MultiCheckboxField
from storybank.consent.models import Purpose
from storybank.forms_common import Form, MaxChars, SingleLine, clean_text, query_text
from storybank.search.saved import NAME_LIMIT
from storybank.search.services import SearchFilters
from storybank.stories.forms import CARE_SETTINGS

QUERY_MAX_CHARS = 200

PURPOSE_CHOICES = [
    SelectChoice(Purpose.TRAINING.value, "Staff training here"),
    SelectChoice(Purpose.PARTNERS.value, "Training in organisations we work with"),
]


class SearchForm(Form):
    class Meta:
        csrf = False  # a GET that changes nothing

    q = StringField("Words to look for", validators=[Optional()], filters=[lambda v: query_text(v, QUERY_MAX_CHARS)],
                    description='Put a phrase in quotes, like "left alone". Put a minus in front of a word to leave '
                                "out stories that use it, like -hospital.")
    purpose = RadioField("What the stories are for", choices=PURPOSE_CHOICES, default=Purpose.TRAINING.value,
                         description="You will only see stories whose owners said yes to this use.")
    care_setting = MultiCheckboxField("Where it happened", choices=[SelectChoice(c, c) for c in CARE_SETTINGS if c],
                                      validators=[Optional()])
    region = SelectField("Region", choices=[], validators=[Optional()])
    exclude_warning = MultiCheckboxField("Leave out stories about", choices=[], validators=[Optional()],
                                         description="Stories with these content warnings will not be shown.")
    tag = MultiCheckboxField("Tags", choices=[], validators=[Optional()],
                             description="A story needs one of the tags you tick in each group.")
    approved_from = DateField("Approved on or after", validators=[Optional()],
                              description="For example, 2026-03-27.")
    approved_to = DateField("Approved on or before", validators=[Optional()])

    def offer(self, regions: list[str], warnings: list[str], tag_groups: list) -> None:
        self.region.choices = [SelectChoice("", "Any region"), *(SelectChoice(r, r) for r in regions)]
        self.exclude_warning.choices = [SelectChoice(w, w) for w in warnings]
        self.tag.choices = [SelectChoice(str(tag.id), tag.name) for _group, tags in tag_groups for tag in tags]
        self.tag_groups = tag_groups

    def chosen_tags(self) -> set[str]:
        return set(self.tag.data or ())

    def validate_purpose(self, field) -> None:
        if field.data not in {Purpose.TRAINING.value, Purpose.PARTNERS.value}:
            raise ValidationError("Please choose what the stories are for.")

    def validate_approved_to(self, field) -> None:
        if field.data and self.approved_from.data and field.data < self.approved_from.data:
            raise ValidationError("The second date needs to be the same as or after the first one.")

    def filters(self) -> SearchFilters:
        return SearchFilters(
            text=self.q.data or "",
            purpose=Purpose(self.purpose.data or Purpose.TRAINING.value),
            care_settings=tuple(self.care_setting.data or ()),
            regions=(self.region.data,) if self.region.data else (),
            exclude_warnings=tuple(self.exclude_warning.data or ()),
            approved_from=self.approved_from.data,
            approved_to=self.approved_to.data,
            tags=tuple(int(value) for value in self.tag.data or () if value.isdigit()),
        )


class SaveSearchForm(Form):
    """Keep the search on the page to run again: a name, and the search itself in a hidden field."""

    name = StringField("Name this search", filters=[lambda v: clean_text(v).strip() if isinstance(v, str) else v],
                       validators=[DataRequired("Please give this search a name, so you can find it again."),
                                   MaxChars(NAME_LIMIT, "The name"), SingleLine()],
                       description="Only you can see your saved searches.")
    query = HiddenField()


class DeleteSavedSearchForm(Form):
    """Only the CSRF token: deleting is one button."""
