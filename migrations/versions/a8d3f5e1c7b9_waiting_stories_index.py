"""A partial index of the waiting stories, oldest first, for the moderation queue's pages (found by
`make bench-pages` on PostgreSQL).

Written by hand; declared on the Story model too (its __table_args__), so models and migrations agree. The queue
lists the stories in both waiting statuses together, oldest first; the index on (status, submitted_at, id) is
ordered by status first, so PostgreSQL read every waiting story's entry and sorted them on each page (page 20 at
50 000 waiting: ~10 ms against ~0.2 ms walking this index). Only waiting stories are in it, so it stays small
however many stories are approved. The condition is written exactly as the queue's queries write it
(`storybank.stories.models.WAITING_PREDICATE`; SQLite uses a partial index only for a query that says the same).

Revision ID: a8d3f5e1c7b9
Revises: f1c6b2e8a9d4
Create Date: 2026-12-06 23:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a8d3f5e1c7b9'
down_revision = 'f1c6b2e8a9d4'
branch_labels = None
depends_on = None

WAITING = "status IN ('submitted', 'in_review')"  # a frozen copy of WAITING_PREDICATE


def upgrade():
    op.create_index('ix_stories_waiting_submitted_at_id', 'stories', ['submitted_at', 'id'],
                    sqlite_where=sa.text(WAITING), postgresql_where=sa.text(WAITING))


def downgrade():
    op.drop_index('ix_stories_waiting_submitted_at_id', table_name='stories')
