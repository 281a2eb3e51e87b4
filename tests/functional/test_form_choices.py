"""The form macro writes choices (checkboxes, radios, a select's options) itself rather than through WTForms'
widgets, which cost a search page about a third of its rendering: the elements, their attributes and labels must be
exactly what WTForms would have written, whatever is chosen and whatever the values hold."""

from __future__ import annotations

import importlib
import pkgutil
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from flask import render_template_string
from werkzeug.datastructures import MultiDict
from wtforms.fields.choices import SelectChoice

import storybank
from storybank.forms_common import Form
from storybank.search.forms import SearchForm

MACRO = '{% from "_macros/forms.html" import field %}{{ field(f) }}'
ODD = 'Tea & "biscuits" <b>'


class Elements(HTMLParser):
    """Each input, select and option with its attributes (order aside), and each option's and label's words."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple] = []
        self._text_of: tuple | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("input", "select", "option", "label"):
            self.found.append((tag, tuple(sorted((name, value or "") for name, value in attrs
                                                 if tag != "select" or name in ("id", "name", "required")))))
            self._text_of = (tag, len(self.found) - 1) if tag in ("option", "label") else None

    def handle_data(self, data):
        if self._text_of and data.strip():
            tag, index = self._text_of
            self.found[index] = (*self.found[index][:2], data.strip())
            self._text_of = None


def _wtforms_own(field) -> list[tuple]:
    if field.type == "SelectField":
        return Elements(str(field())).found
    html = "".join(f"{option()} {option.label()}" for option in field)
    return Elements(html).found


@pytest.mark.parametrize("address", [
    "",
    "care_setting=Hospital&care_setting=Care+home&purpose=partners&region=North+West&exclude_warning=Neglect",
    urlencode({"exclude_warning": ODD, "region": ODD, "purpose": "nonsense"}),
])
def test_the_macro_writes_the_same_choices_as_wtforms(app, address):
    with app.test_request_context("/search?" + address):
        from flask import request

        form = SearchForm(MultiDict(request.args))
        form.offer(["London", "North West", ODD], ["Neglect", ODD, "Falls"], [])
        form.validate()
        for field in (form.care_setting, form.purpose, form.region, form.exclude_warning):
            assert _wtforms_own(field), field.name
            _same_as_wtforms(field)
        assert form.region.choices[1:] and any(choice.selected for choice in form.region.iter_choices()) == (
            "region" in address)


CHOICES = ("SelectField", "RadioField", "MultiCheckboxField")


def _every_form() -> list[type[Form]]:
    for module in pkgutil.walk_packages(storybank.__path__, "storybank."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    found, waiting = [], [Form]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            found.append(subclass)
            waiting.append(subclass)
    return sorted(set(found), key=lambda cls: (cls.__module__, cls.__name__))


def _same_as_wtforms(field) -> None:
    written = Elements(render_template_string(MACRO, f=field)).found
    own = _wtforms_own(field)
    assert [element for element in written if element[0] in ("input", "select", "option")] == [
        element for element in own if element[0] in ("input", "select", "option")], field.name
    assert [element for element in written if element[0] == "label" and dict(element[1]).get("for", "")
            .startswith(field.id + "-")] == [element for element in own if element[0] == "label"], field.name


def test_every_forms_choices_are_written_as_wtforms_would_with_nothing_and_something_chosen(app):
    """Every form of the app with a choice field (required ones too, which WTForms marks ``required``)."""
    covered = set()
    for cls in _every_form():
        for chosen in (False, True):
            with app.test_request_context("/"):
                form = cls(meta={"csrf": False})
                fields = [field for field in form if field.type in CHOICES]
                for field in fields:
                    if not field.choices:
                        field.choices = [SelectChoice("1", "One"), SelectChoice("2", ODD)]
                last = {field.name: str(list(field.iter_choices())[-1].value) for field in fields}
                data = MultiDict(last if chosen else {})
                form = cls(formdata=data, meta={"csrf": False})
                for field in (field for field in form if field.type in CHOICES):
                    if not field.choices:
                        field.choices = [SelectChoice("1", "One"), SelectChoice("2", ODD)]
                        field.process(data)
                    _same_as_wtforms(field)
                    covered.add((field.type, bool(field.flags.required), chosen))
    assert covered >= {(kind, required, chosen) for kind in ("SelectField", "RadioField") for required in (False, True)
                       for chosen in (False, True)} | {("MultiCheckboxField", False, True)}, covered


def test_a_choice_written_by_the_macro_keeps_its_value_safe(app):
    with app.test_request_context("/search"):
        form = SearchForm(MultiDict({"exclude_warning": [ODD]}))
        form.exclude_warning.choices = [SelectChoice(ODD, ODD)]
        html = render_template_string(MACRO, f=form.exclude_warning)
    assert "<b>" not in html and 'value="Tea &amp; &#34;biscuits&#34; &lt;b&gt;"' in html and " checked " in html
