"""The clause model every safeguarding rule shares: whether a match is negated, hypothetical, advice to a general
"you", habitual, long past, or about the subject rather than a disclosure, and whether the harm is domestic.

Only logic lives here; every word it reads is a named word list in rules/safeguarding.yaml (CODE_WORDS), so a person
can change what counts as, say, a negation without touching code. The rules file names the filters each rule uses
(filters.py).
"""

from .candidate import Candidate
from .domestic import is_domestic
from .filters import CODE_WORDS, FILTERS

__all__ = ["CODE_WORDS", "FILTERS", "Candidate", "is_domestic"]
