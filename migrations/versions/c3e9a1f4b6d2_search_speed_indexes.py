"""Indexes the search page needs at 100 000 stories (found by `make bench-search`).

Written by hand; declared on the Story model too (its __table_args__), so models and migrations agree.

- stories (status, region): the region choices on every search page are found region by region, each a short
  walk of this index, instead of reading every story row.
- stories (status, approved_at, id): newest-first listings (no words typed) walk the index from the newest
  approved story and stop after a page.

Revision ID: c3e9a1f4b6d2
Revises: c3f81d2e6a47
Create Date: 2026-12-04 16:05:00

"""
from alembic import op


revision = 'c3e9a1f4b6d2'
down_revision = 'c3f81d2e6a47'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_stories_status_region', 'stories', ['status', 'region'])
    op.create_index('ix_stories_status_approved_at_id', 'stories', ['status', 'approved_at', 'id'])


def downgrade():
    op.drop_index('ix_stories_status_approved_at_id', table_name='stories')
    op.drop_index('ix_stories_status_region', table_name='stories')
