"""People's names, found from context (titles, kinship words, verbs of speech) and a list of first names.

Each rule gives a reason in plain English so a moderator can see why a word was highlighted. find.py runs the
checks; the other modules hold them, each named for what it reads.
"""

from .chat import find_chat_speakers
from .find import find_people

__all__ = ["find_chat_speakers", "find_people"]
