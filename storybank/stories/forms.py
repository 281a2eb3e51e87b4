"""Forms for writing a story, choosing how it is used, and finding it again with its reference and key."""

from __future__ import annotations

from datetime import timedelta

from wtforms import BooleanField, DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from storybank.consent.models import PURPOSE_EXPLANATIONS, Attribution, ConsentMethod, Purpose
from storybank.consent.services import ConsentChoice
from storybank.consent.wording import CURRENT_WORDING_VERSION, default_review_date
from storybank.db_types import utcnow
from storybank.forms_common import Form, MaxChars, SingleLine, clean_text
from storybank.stories.services import CONTEXT_MAX_CHARS, STORY_MAX_CHARS, TITLE_MAX_CHARS, StoryText

CARE_SETTINGS = ["", "Care at home", "Care home", "Nursing home", "Hospital", "Day service", "Supported living",
                 "Mental health service", "Something else"]
ABOUT_WHOM = ["", "Me", "Someone I care for", "A family member", "A friend", "Someone else"]

PURPOSE_QUESTIONS = {
    Purpose.TRAINING: "Staff training at {organisation}",
    Purpose.PARTNERS: "Staff training in organisations we work with",
    Purpose.PUBLIC: "Our public stories page",
    Purpose.RESEARCH: "Research",
    Purpose.QUOTES: "Short quotes",
}



def purpose_wording(organisation: str) -> list[tuple[Purpose, str, str]]:
    """Each way a story can be used: the question and what it means, naming the organisation that runs the
    service (STORYBANK_ORGANISATION_NAME), so nobody has to guess whose staff "training here" means."""
    return [(purpose, PURPOSE_QUESTIONS[purpose].format(organisation=organisation),
             PURPOSE_EXPLANATIONS[purpose].format(organisation=organisation)) for purpose in Purpose]


ATTRIBUTION_CHOICES = [
    SelectChoice(Attribution.ANONYMOUS.value, "No name – keep me anonymous"),
    SelectChoice(Attribution.FIRST_NAME.value, "My first name only"),
    SelectChoice(Attribution.CHOSEN_NAME.value, "A name I choose"),
    SelectChoice(Attribution.FULL_NAME.value, "My full name"),
]

METHOD_CHOICES = [
    SelectChoice(ConsentMethod.VERBAL.value, "They told me, and I wrote down what they said yes to"),
    SelectChoice(ConsentMethod.EASY_READ.value, "They used the easy-read consent form"),
    SelectChoice(ConsentMethod.SIGNED_PAPER.value, "They signed a paper form"),
    SelectChoice(ConsentMethod.BSL_OR_OTHER_LANGUAGE.value, "In British Sign Language or another language"),
]

YES_NO = [SelectChoice("yes", "Yes"), SelectChoice("no", "No")]


def _strip(value):
    return clean_text(value).strip() if isinstance(value, str) else value


def _keep(value):
    """Story text is kept exactly as typed, only without invisible control characters."""
    return clean_text(value) if isinstance(value, str) else value


class StoryForm(Form):
    story_id = HiddenField()
    on_behalf = RadioField(
        "Whose story is this?",
        choices=[SelectChoice("no", "My own story"),
                 SelectChoice("yes", "Someone else's – I am helping them share it")],
        default="no", validators=[Optional()],
    )
    contributor_name = StringField(
        "The name of the person whose story this is",
        description="The name they would like us to use. It is not shown to anyone unless they agree.",
        filters=[_strip], validators=[Optional(), MaxChars(CONTEXT_MAX_CHARS, "Their name"), SingleLine()],
    )
    title = StringField(
        "A title for your story",
        description="A few words. You can change it later.",
        filters=[_strip], validators=[MaxChars(TITLE_MAX_CHARS, "The title"), SingleLine()],
    )
    body = TextAreaField(
        "Your story",
        description=f"Write it in your own words. It can be up to {STORY_MAX_CHARS:,} characters "
                    "(about 3,000 words). We save it as you go.",
        filters=[_keep], validators=[MaxChars(STORY_MAX_CHARS, "Your story")],
    )
    care_setting = SelectField("Where did this happen? (optional)", choices=[SelectChoice(c, c or "Choose one") for c in
                                                                          CARE_SETTINGS], validators=[Optional()])
    region = StringField("Which part of the country? (optional)",
                         description="For example: North East, Cornwall, Glasgow.",
                         filters=[_strip], validators=[Optional(), MaxChars(CONTEXT_MAX_CHARS, "This"),
                                                       SingleLine()])
    about_whom = SelectField("Who is the story about? (optional)", choices=[SelectChoice(c, c or "Choose one") for c in
                                                                         ABOUT_WHOM], validators=[Optional()])
    when_happened = StringField("Roughly when did it happen? (optional)",
                                description="For example: last winter, or in 2023.",
                                filters=[_strip], validators=[Optional(), MaxChars(CONTEXT_MAX_CHARS, "This"),
                                                              SingleLine()])

    def story_text(self) -> StoryText:
        return StoryText(
            title=self.title.data or "", body=self.body.data or "", care_setting=self.care_setting.data or None,
            region=self.region.data or None, about_whom=self.about_whom.data or None,
            when_happened=self.when_happened.data or None, on_behalf=self.on_behalf.data == "yes",
            contributor_name=self.contributor_name.data or None,
        )

    def check_ready_to_send(self) -> bool:
        """Sending needs a title and a story; saving a draft needs neither."""
        ready = True
        if not (self.title.data or "").strip():
            self.title.errors.append("Please give your story a title. A few words is enough.")
            ready = False
        if not (self.body.data or "").strip():
            self.body.errors.append("Please write your story. Even a few lines can help.")
            ready = False
        if self.on_behalf.data == "yes" and not (self.contributor_name.data or "").strip():
            self.contributor_name.errors.append("Please tell us the name of the person whose story this is.")
            ready = False
        return ready


class FutureDate:
    def __call__(self, form, field):
        today = utcnow().date()
        if field.data is None:
            return
        if field.data <= today:
            raise ValidationError("The review date needs to be after today.")
        if field.data > today + timedelta(days=366 * 10):
            raise ValidationError("Please choose a review date within the next ten years.")


def _purpose_field(purpose: Purpose) -> RadioField:
    return RadioField(PURPOSE_QUESTIONS[purpose], choices=YES_NO, description=PURPOSE_EXPLANATIONS[purpose],
                      validators=[InputRequired(f"Please choose yes or no for “{PURPOSE_QUESTIONS[purpose]}”.")])


class ConsentForm(Form):
    """Each purpose is its own yes or no, with nothing chosen for the person in advance."""

    training = _purpose_field(Purpose.TRAINING)
    partners = _purpose_field(Purpose.PARTNERS)
    public = _purpose_field(Purpose.PUBLIC)
    research = _purpose_field(Purpose.RESEARCH)
    quotes = _purpose_field(Purpose.QUOTES)
    attribution = RadioField("Whose name goes with the story?", choices=ATTRIBUTION_CHOICES,
                             default=Attribution.ANONYMOUS.value,
                             validators=[InputRequired("Please choose whose name goes with the story.")])
    attribution_name = StringField("The name to show (if you chose a name)",
                                   description="Leave this empty if you chose no name.",
                                   filters=[_strip],
                                   validators=[Optional(), MaxChars(CONTEXT_MAX_CHARS, "The name"), SingleLine()])
    review_date = DateField("Review date",
                            description="Your yes lasts until this date. Then we will ask you again. "
                                        "We suggest two years from today.",
                            validators=[DataRequired("Please enter a review date, for example 1 3 2028."),
                                        FutureDate()])
    method = RadioField("How did they give their consent?", choices=METHOD_CHOICES, validators=[Optional()])
    supporter_name = StringField("Your name, as the person recording this",
                                 filters=[_strip],
                                 validators=[Optional(), MaxChars(CONTEXT_MAX_CHARS, "Your name"), SingleLine()])
    wording_version = HiddenField(default=CURRENT_WORDING_VERSION)
    agree = BooleanField("I have read what I am agreeing to, and I agree",
                         validators=[DataRequired("Please tick the box to say you agree, or save your story "
                                                  "and come back later.")])

    def __init__(self, *args, assisted: bool = False, organisation: str = "StoryBank", **kwargs):
        super().__init__(*args, **kwargs)
        self.assisted = assisted
        for purpose, question, explanation in purpose_wording(organisation):
            field = getattr(self, purpose.value)
            field.label.text = question
            field.description = explanation
            field.validators = [InputRequired(f"Please choose yes or no for “{question}”.")]
        if not assisted:
            del self.method
            del self.supporter_name
        if self.review_date.data is None and not self.is_submitted():
            self.review_date.data = default_review_date(utcnow().date())

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        named = self.attribution.data and self.attribution.data != Attribution.ANONYMOUS.value
        if named and not self.attribution_name.data:
            self.attribution_name.errors.append("Please tell us the name to show with the story.")
            ok = False
        if ok and not any(getattr(self, p.value).data == "yes" for p in Purpose):
            self.training.errors.append(
                "Please say yes to at least one way your story can be used. If you are not sure yet, that is "
                "fine – save your story and come back later.")
            ok = False
        if self.assisted:
            if not self.method.data:
                self.method.errors.append("Please choose how they gave their consent.")
                ok = False
            if not self.supporter_name.data:
                self.supporter_name.errors.append("Please give your own name, so the record shows who helped.")
                ok = False
        return ok

    def fill_from(self, consent) -> None:
        """Start a change from what was agreed before (not on a resubmitted form)."""
        if consent is None or self.is_submitted():
            return
        for purpose in Purpose:
            getattr(self, purpose.value).data = "yes" if getattr(consent, purpose.value) else "no"
        self.attribution.data = consent.attribution.value
        self.attribution_name.data = consent.attribution_name
        if consent.review_date > utcnow().date():
            self.review_date.data = consent.review_date

    def choice(self) -> ConsentChoice:
        return ConsentChoice(
            scopes=frozenset(p for p in Purpose if getattr(self, p.value).data == "yes"),
            attribution=Attribution(self.attribution.data),
            attribution_name=self.attribution_name.data or None,
            review_date=self.review_date.data,
            method=ConsentMethod(self.method.data) if self.assisted else ConsentMethod.SELF,
            recorded_by_name=self.supporter_name.data if self.assisted else None,
            wording_version=CURRENT_WORDING_VERSION,
        )


class KeyLookupForm(Form):
    reference = StringField("Story reference", description="It starts with SB, for example SB-7K3M-9PXA.",
                            filters=[_strip], validators=[DataRequired("Please enter your story reference."),
                                                          MaxChars(40, "The reference")])
    key = StringField("Story key", description="Four groups of four letters and numbers. Spaces and dashes "
                                               "do not matter, and nor do capital letters.",
                      filters=[_strip], validators=[DataRequired("Please enter your story key."),
                                                    MaxChars(60, "The key")])


class ConfirmForm(Form):
    """Only the CSRF token: used for 'yes, withdraw it' buttons."""
