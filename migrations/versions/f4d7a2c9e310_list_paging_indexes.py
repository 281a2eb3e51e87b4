"""Indexes for the lists shown a page at a time (found by `make bench-pages`).

Written by hand; declared on the models too (their __table_args__), so models and migrations agree.

- stories (status, submitted_at, id): the moderation queue, oldest first, walks the index a page at a time.
- stories (status, care_setting): the care settings offered as queue filters, found one after another.
- stories (author_id, updated_at, id) and (supporter_id, updated_at, id): "My stories", newest first.
- notifications (user_id, created_at, id): a person's messages, newest first.
- moderation_appeals (outcome, opened_at, id): requests to look again still waiting, oldest first.
- safeguarding_concerns (action, raised_at, id): concerns with no action yet, oldest first.

Revision ID: f4d7a2c9e310
Revises: 841b247b720a
Create Date: 2026-12-04 19:00:00

"""
from alembic import op


revision = 'f4d7a2c9e310'
down_revision = '841b247b720a'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_stories_status_submitted_at_id', 'stories', ['status', 'submitted_at', 'id']),
    ('ix_stories_status_care_setting', 'stories', ['status', 'care_setting']),
    ('ix_stories_author_id_updated_at_id', 'stories', ['author_id', 'updated_at', 'id']),
    ('ix_stories_supporter_id_updated_at_id', 'stories', ['supporter_id', 'updated_at', 'id']),
    ('ix_notifications_user_id_created_at_id', 'notifications', ['user_id', 'created_at', 'id']),
    ('ix_moderation_appeals_outcome_opened_at_id', 'moderation_appeals', ['outcome', 'opened_at', 'id']),
    ('ix_safeguarding_concerns_action_raised_at_id', 'safeguarding_concerns', ['action', 'raised_at', 'id']),
]


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade():
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
