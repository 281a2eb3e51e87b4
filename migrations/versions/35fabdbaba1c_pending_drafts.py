"""Pending drafts: words sent after a sign-in session ended, kept until the person signs in again.

Read and checked by hand: named constraints come from the naming convention; no changes to other tables.

Revision ID: 35fabdbaba1c
Revises: 6402f29f9d25
Create Date: 2026-11-22 00:21:54.729201

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '35fabdbaba1c'
down_revision = '6402f29f9d25'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('pending_drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_pending_drafts_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_drafts')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_pending_drafts_token_hash'))
    )
    with op.batch_alter_table('pending_drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_drafts_created_at'), ['created_at'], unique=False)



def downgrade():
    with op.batch_alter_table('pending_drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_drafts_created_at'))

    op.drop_table('pending_drafts')
