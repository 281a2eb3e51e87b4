"""PostgreSQL: keep each search document's tsvector in the table's own row, not in its TOAST table, and keep
statistics on more of its words.

Written by hand; PostgreSQL only (SQLite's FTS5 keeps its own index). A story's tsvector is 1–5 KB, so by default
PostgreSQL moves it out of line (and tries to compress it, which gains almost nothing on a tsvector). Ranking reads
the vector of every matching story, and fetching it back from the TOAST table was most of the cost: ranking the
14 000 stories that hold a word in one in seven took about 108 ms with the vectors out of line and 26 ms with them
in the row (`make bench-search` data, 100 000 stories). STORAGE MAIN keeps the value in the row unless the row
cannot fit a page at all; the story's text (``body``) stays out of line, where only snippets read it.

Search and "Stories like this one" ask the planner's statistics which words are common (search: in more than a
third of the stories; "Stories like this one": in more than 1 000), because counting a common word through the GIN
index reads its whole list of stories. With the default statistics target ANALYZE keeps the 1 000 most common words; at 1 000 it keeps about the
2 000 that are in more than 2% of the stories, and "Stories like this one" stops counting most of its words
(71 to 27 ms per story page at 100 000 stories). ANALYZE then reads up to 300 000 rows instead of 30 000.

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

STATISTICS = 1000


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents ALTER COLUMN search_vector SET STORAGE MAIN")
    op.execute(f"ALTER TABLE search_documents ALTER COLUMN search_vector SET STATISTICS {STATISTICS}")
    op.execute("UPDATE search_documents SET body = body")
    op.execute("ANALYZE search_documents")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE search_documents ALTER COLUMN search_vector SET STORAGE EXTENDED")
    op.execute("ALTER TABLE search_documents ALTER COLUMN search_vector SET STATISTICS -1")
