"""PostgreSQL: keep each search document's tsvector in the table's own row, not in its TOAST table.

Written by hand; PostgreSQL only (SQLite's FTS5 keeps its own index). A story's tsvector is 1–5 KB, so by default
PostgreSQL moves it out of line (and tries to compress it, which gains almost nothing on a tsvector). Ranking reads
the vector of every matching story, and fetching it back from the TOAST table was most of the cost: ranking the
14 000 stories that hold a word in one in seven took about 108 ms with the vectors out of line and 26 ms with them
in the row (`make bench-search` data, 100 000 stories). STORAGE MAIN keeps the value in the row unless the row
cannot fit a page at all; the story's text (``body``) stays out of line, where only snippets read it.

The storage setting applies to values written from now on, so the upgrade rewrites every document once (an UPDATE
that recomputes the generated column): about a minute per 100 000 stories. The downgrade restores the default
and leaves the rows as they are (both layouts read the same).

Revision ID: f1c6b2e8a9d4
Revises: d4a7e1c9b352
Create Date: 2026-12-06 19:00:00

"""
from alembic import op


revision = 'f1c6b2e8a9d4'
down_revision = 'd4a7e1c9b352'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents ALTER COLUMN search_vector SET STORAGE MAIN")
    op.execute("UPDATE search_documents SET body = body")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents ALTER COLUMN search_vector SET STORAGE EXTENDED")
