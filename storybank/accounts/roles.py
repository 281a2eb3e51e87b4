"""The roles a person can hold; one person may hold several."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    CONTRIBUTOR = "contributor"
    SUPPORTER = "supporter"
    MODERATOR = "moderator"
    TRAINER = "trainer"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def description(self) -> str:
        return ROLE_DESCRIPTIONS[self]


ROLE_LABELS = {
    Role.CONTRIBUTOR: "Contributor",
    Role.SUPPORTER: "Supporter",
    Role.MODERATOR: "Moderator",
    Role.TRAINER: "Trainer",
    Role.ADMIN: "Admin",
}

ROLE_DESCRIPTIONS = {
    Role.CONTRIBUTOR: "Shares their own stories and decides how they are used.",
    Role.SUPPORTER: "Helps someone else share their story, with their permission.",
    Role.MODERATOR: "Reads stories before anyone else, removes personal details and keeps people safe.",
    Role.TRAINER: "Uses approved stories to build training for staff.",
    Role.ADMIN: "Runs the service: accounts, roles, the audit log and data requests.",
}
