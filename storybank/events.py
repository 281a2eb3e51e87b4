"""Moments in a story's life that a higher domain reacts to, so a lower one never imports it.

Dependencies point down the workflow (moderation builds on stories and consent). When stories or consent need
moderation to act — prepare a story that was just sent, end the appeals of one just withdrawn — they send one of
these signals, and moderation subscribes in its ``init_app``. Receivers of ``story_withdrawn`` run inside the
withdrawing transaction, before its commit, so the whole withdrawal lands or none of it does.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

story_sent = _signals.signal("story-sent")
"""Sent after a story (new or changed) reaches the moderators and is committed. Sender: the Story."""

story_published = _signals.signal("story-published")
"""Sent after the text others may see changed and was committed (an approval, an agreed edit). Sender: the Story."""

story_withdrawn = _signals.signal("story-withdrawn")
"""Sent inside the withdrawal transaction, before commit. Sender: the Story; ``actor`` keyword: who withdrew it (None
for a story key holder); ``actor_label`` keyword: how the audit log names them when there is no account."""

account_deleted = _signals.signal("account-deleted")
"""Sent inside the account deletion's transaction, before commit, once its stories are withdrawn and erased.
Sender: the User being deleted (still loaded: its id and when it was made)."""
