"""An index on story_reviews.claim_expires_at, so the queue counts the live claims from there (found by
`make bench-pages`: without it, "Being read" read every waiting story, 50 ms at 50 000 on SQLite).

Written by hand; declared on the model too (index=True), so models and migrations agree.

Revision ID: c81e5a2f7d3b
Revises: a6c3e8f2d914
Create Date: 2026-12-06 13:50:00

"""
from alembic import op


revision = 'c81e5a2f7d3b'
down_revision = 'a6c3e8f2d914'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_story_reviews_claim_expires_at', 'story_reviews', ['claim_expires_at'])


def downgrade():
    op.drop_index('ix_story_reviews_claim_expires_at', table_name='story_reviews')
