"""The default reflection prompts and activities, in the words of the source documents (see seeds/README.md).

"Walk a mile in their shoes" and the four questions and STOP / START / STAY come from "The power of empathy and
kindness" (seeds/000); the kindness test for a team's own service from "Kindness in Public Services" (seeds/004).
The questions are kept word for word, so a trainer can trace each one back to where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

WALK_A_MILE = (
    "How might this person have felt?",
    "What helped?",
    "What got in the way of kindness?",
)
"""Asked after every story added to a pack; the trainer can change them for that story."""


@dataclass(frozen=True)
class DefaultActivity:
    title: str
    body: str
    prompts: tuple[str, ...]


FOUR_QUESTIONS = DefaultActivity(
    title="Four questions about a principle",
    body="Choose a principle of kind, person-centred support (for example, one of the seven Be Human principles) "
         "and think about your own job. For that principle, ask yourself the questions below. This can work well "
         "as a team exercise: once you have your answers, pool them.",
    prompts=(
        "How do I personally embody this principle in my work?",
        "How does my organisation embody this principle?",
        "What do I think needs to be improved?",
        "What do people with care and support needs say needs to be improved?",
    ),
)

STOP_START_STAY = DefaultActivity(
    title="STOP / START / STAY",
    body="Bring together what the team said, and start to build a plan on three questions.",
    prompts=(
        "STOP: What do we need to stop doing?",
        "START: What do we need to start doing?",
        "STAY: What do we need to keep doing?",
    ),
)

KINDNESS_TEST = DefaultActivity(
    title="A kindness test for our own service",
    body="Kindness is not only about each worker's attitude: it means applying the test to the whole system. "
         "Talk these questions through as a team, about the service you work in.",
    prompts=(
        "How and why thresholds for services are determined?",
        "What is driving practice, outcome measures or real change?",
        "How can we support relational ways of working?",
        "How can we bridge the gulf between service provider and passive recipient?",
    ),
)

DEFAULT_ACTIVITIES = (FOUR_QUESTIONS, STOP_START_STAY, KINDNESS_TEST)
