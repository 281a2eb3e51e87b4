"""Search index: the title and moderated text of approved stories, and the database's full-text index over it.

Read and checked by hand. search_documents is an ordinary table on both databases. On SQLite an FTS5 table
(search_fts, with its shadow tables) mirrors it through three triggers; on PostgreSQL a GIN index over the same
tsvector expression the search queries use. Both are dropped on downgrade. Existing approved stories are indexed
by `flask search reindex` (the migration does not read story text).

Revision ID: 5e4c1b7a9d20
Revises: b7c41e9a2d50
Create Date: 2026-12-04 16:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5e4c1b7a9d20'
down_revision = 'b7c41e9a2d50'
branch_labels = None
depends_on = None

DDL = {  # names as in storybank/search/engine.py (FTS_TABLE, PG_INDEX, PG_DOCUMENT)
    "sqlite": {
        "upgrade": [
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_documents', "
            "content_rowid='story_id', tokenize='porter unicode61 remove_diacritics 2')",
            "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
            "INSERT INTO search_fts(rowid, title, body) VALUES (new.story_id, new.title, new.body); END",
            "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body) "
            "VALUES ('delete', old.story_id, old.title, old.body); END",
            "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, title, body) "
            "VALUES ('delete', old.story_id, old.title, old.body); "
            "INSERT INTO search_fts(rowid, title, body) VALUES (new.story_id, new.title, new.body); END",
        ],
        "downgrade": [
            "DROP TRIGGER IF EXISTS search_documents_au",
            "DROP TRIGGER IF EXISTS search_documents_ad",
            "DROP TRIGGER IF EXISTS search_documents_ai",
            "DROP TABLE IF EXISTS search_fts",
        ],
    },
    "postgresql": {
        "upgrade": ["CREATE INDEX ix_search_documents_fts ON search_documents USING gin "
                    "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, '')))"],
        "downgrade": ["DROP INDEX IF EXISTS ix_search_documents_fts"],
    },
}


def upgrade():
    op.create_table(
        'search_documents',
        sa.Column('story_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('indexed_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_search_documents_story_id_stories'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('story_id', name=op.f('pk_search_documents')),
    )
    for statement in DDL.get(op.get_bind().dialect.name, {}).get("upgrade", []):
        op.execute(statement)


def downgrade():
    for statement in DDL.get(op.get_bind().dialect.name, {}).get("downgrade", []):
        op.execute(statement)
    op.drop_table('search_documents')
