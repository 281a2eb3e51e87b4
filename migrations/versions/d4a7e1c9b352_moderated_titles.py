"""Titles are moderated like the text: a story's moderated title, and which part a suggestion points into.

Written by hand. ``stories.moderated_title`` is what everyone but the author and moderators sees; it is filled
from the current title for every story that already has a moderated text (the title those readers saw until
now). ``moderation_suggestions.part`` says whether a suggestion's offsets are in the title or the text; every
existing suggestion points into the text. ``story_reviews.prepared_body_hash`` now covers the title and the text:
for a story already prepared, the hash of the text alone is rewritten to the new one, so nothing waiting at the
time of the upgrade looks unprepared (``flask analysis reanalyse`` analyses their titles).
Going down forgets suggestions on titles and the moderated titles: the code before this showed every reader
the title as written.

Revision ID: d4a7e1c9b352
Revises: c81e5a2f7d3b
Create Date: 2026-12-06 16:10:00

"""
import hashlib

import sqlalchemy as sa
from alembic import op


revision = 'd4a7e1c9b352'
down_revision = 'c81e5a2f7d3b'
branch_labels = None
depends_on = None


def _text_hash(body):
    return hashlib.sha256((body or "").encode()).hexdigest()


def _words_hash(title, body):
    """Frozen copy of storybank.moderation.preparation._words_hash."""
    return hashlib.sha256(f"{title or ''}\0{body or ''}".encode()).hexdigest()


def _rewrite_hashes(new_from_old):
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT r.id, r.prepared_body_hash, s.title, s.body FROM story_reviews r JOIN stories s ON s.id = r.story_id "
        "WHERE r.prepared_body_hash IS NOT NULL")).all()
    for row in rows:
        new = new_from_old(row)
        if new is not None:
            bind.execute(sa.text("UPDATE story_reviews SET prepared_body_hash = :hash WHERE id = :id"),
                         {"hash": new, "id": row.id})


def upgrade():
    with op.batch_alter_table('stories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('moderated_title', sa.String(length=200), nullable=True))
    op.execute("UPDATE stories SET moderated_title = title WHERE moderated_body IS NOT NULL")
    with op.batch_alter_table('moderation_suggestions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('part', sa.Enum('body', 'title', name='text_part', native_enum=False,
                                                      length=10), server_default='body', nullable=False))
    _rewrite_hashes(lambda row: _words_hash(row.title, row.body)
                    if row.prepared_body_hash == _text_hash(row.body) else None)


def downgrade():
    _rewrite_hashes(lambda row: _text_hash(row.body)
                    if row.prepared_body_hash == _words_hash(row.title, row.body) else None)
    op.execute("DELETE FROM moderation_suggestions WHERE part = 'title'")
    # A plain DROP COLUMN (SQLite 3.35 and later, PostgreSQL): a batch copy of ``stories`` on SQLite would drop the
    # old table, and with it, through ON DELETE CASCADE, every row that points at a story.
    op.execute("ALTER TABLE moderation_suggestions DROP COLUMN part")
    op.execute("ALTER TABLE stories DROP COLUMN moderated_title")
