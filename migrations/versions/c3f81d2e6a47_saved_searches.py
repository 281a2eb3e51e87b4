"""Saved searches: a trainer's searches, kept to run again.

Hand-written. Only the question is stored (the search page's query string, without the page number), never the
stories it found, so a saved search is always run afresh behind the consent gate. Constraint and index names follow
the naming convention on the metadata, so SQLite and PostgreSQL agree. The index on (user_id, created_at) serves the
one list there is: a trainer's own searches, newest first.

Revision ID: c3f81d2e6a47
Revises: 8d3a6f2c1b47
Create Date: 2026-12-04 15:50:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c3f81d2e6a47'
down_revision = '8d3a6f2c1b47'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'saved_searches',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('query', sa.String(length=2000), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_saved_searches_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_searches')),
    )
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.create_index('ix_saved_searches_user_id_created_at', ['user_id', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('saved_searches', schema=None) as batch_op:
        batch_op.drop_index('ix_saved_searches_user_id_created_at')
    op.drop_table('saved_searches')
