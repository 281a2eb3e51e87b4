"""Kept words belong to a browser and a person; story-key access is held on the server.

pending_drafts gains user_id: whose sign-in had just ended in the browser that kept the words. Rows kept before
this change were bound to a link token that no route accepts any more; nobody can claim them, and the daily
retention purge removes them within a day, so they are left alone here.

story_key_sessions: a few minutes of access opened with a story's reference and key. The browser's cookie holds
only a random token; its hash is stored here, so "I have finished" deletes the row and an old cookie opens nothing.

Written by hand: batch operations for SQLite, every constraint named by the naming convention.

Revision ID: b7c41e9a2d50
Revises: 6b77ec331cbd
Create Date: 2026-12-04 15:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c41e9a2d50'
down_revision = '6b77ec331cbd'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('pending_drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_pending_drafts_user_id_users'), 'users', ['user_id'], ['id'],
                                    ondelete='CASCADE')

    op.create_table('story_key_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_key_sessions_story_id_stories'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_key_sessions')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_story_key_sessions_token_hash'))
    )
    with op.batch_alter_table('story_key_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_key_sessions_story_id'), ['story_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_key_sessions_expires_at'), ['expires_at'], unique=False)


def downgrade():
    with op.batch_alter_table('story_key_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_key_sessions_expires_at'))
        batch_op.drop_index(batch_op.f('ix_story_key_sessions_story_id'))

    op.drop_table('story_key_sessions')

    with op.batch_alter_table('pending_drafts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_pending_drafts_user_id_users'), type_='foreignkey')
        batch_op.drop_column('user_id')
