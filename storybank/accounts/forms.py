"""Forms for signing up, signing in and managing accounts."""

from __future__ import annotations

import re

from wtforms import BooleanField, EmailField, PasswordField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from storybank.accounts.passwords import MIN_LENGTH
from storybank.accounts.roles import Role
from storybank.forms_common import Form, MaxChars, SingleLine, clean_text

USERNAME_PATTERN = re.compile(r"^[\w.\-]{3,40}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _strip(value):
    return clean_text(value).strip() if isinstance(value, str) else value


class UsernameRules:
    def __call__(self, form, field):
        if field.data and not USERNAME_PATTERN.match(field.data):
            raise ValidationError(
                "Your username can use letters, numbers, dots, dashes and underscores, "
                "and needs between 3 and 40 of them. No spaces, please."
            )


class EmailShape:
    def __call__(self, form, field):
        if field.data and not EMAIL_PATTERN.match(field.data):
            raise ValidationError("That does not look like an email address. You can leave this empty.")


class SignUpForm(Form):
    username = StringField(
        "Username",
        description="This is the name you sign in with. It does not have to be your real name.",
        filters=[_strip],
        validators=[DataRequired("Please choose a username."), MaxChars(40, "Your username"), UsernameRules()],
    )
    display_name = StringField(
        "What should we call you? (optional)",
        filters=[_strip],
        validators=[Optional(), MaxChars(80, "Your name"), SingleLine()],
    )
    email = EmailField(
        "Email address (optional)",
        description="You do not need an email address. If you give one, we only use it to tell you about your stories.",
        filters=[_strip],
        validators=[Optional(), MaxChars(254, "Your email address"), EmailShape()],
    )
    password = PasswordField(
        "Password",
        description=f"At least {MIN_LENGTH} characters. A short sentence you will remember works well.",
        validators=[DataRequired("Please choose a password."), MaxChars(128, "Your password")],
    )
    confirm = PasswordField(
        "Type your password again",
        validators=[DataRequired("Please type your password again."),
                    EqualTo("password", "The two passwords are not the same. Please type them again.")],
    )


class SignInForm(Form):
    username = StringField("Username", filters=[_strip],
                           validators=[DataRequired("Please enter your username."), MaxChars(40, "Your username")])
    password = PasswordField("Password", validators=[DataRequired("Please enter your password."),
                                                     MaxChars(128, "Your password")])


class ChangePasswordForm(Form):
    current_password = PasswordField("Your current password",
                                     validators=[DataRequired("Please enter your current password.")])
    new_password = PasswordField(
        "New password",
        description=f"At least {MIN_LENGTH} characters. A short sentence you will remember works well.",
        validators=[DataRequired("Please choose a new password."), MaxChars(128, "Your password")],
    )
    confirm = PasswordField(
        "Type your new password again",
        validators=[DataRequired("Please type your new password again."),
                    EqualTo("new_password", "The two passwords are not the same. Please type them again.")],
    )


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class UserAccessForm(Form):
    roles = MultiCheckboxField("Roles", choices=[SelectChoice(r.value, r.label) for r in Role],
                               description="A person can hold more than one role.")
    active = BooleanField("This account can sign in")

    def role_set(self) -> set[Role]:
        return {Role(value) for value in self.roles.data or []}


class DeleteAccountForm(Form):
    password = PasswordField(
        "Your password",
        description="We ask for it so that nobody else can delete your account.",
        validators=[DataRequired("Please type your password, so we know it is really you."),
                    MaxChars(128, "Your password")],
    )


class EraseAccountForm(Form):
    """An admin types the person's username, so the wrong account is never erased by a slip of the mouse."""

    confirm_username = StringField(
        "Type their username to confirm",
        filters=[_strip],
        validators=[DataRequired("Please type the username of the account to erase."),
                    MaxChars(40, "The username")],
    )

    def __init__(self, *args, person_username: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.person_username = person_username

    def validate_confirm_username(self, field):
        if field.data != self.person_username:
            raise ValidationError(f"That is not {self.person_username}. Please type their username exactly, "
                                  "so we erase the right account.")
