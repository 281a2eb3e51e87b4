"""Training packs: a trainer's packs and their sections, in order.

Hand-written. A story section keeps only the story's id (never its title or words), so the story is read through
the consent gate each time a pack is shown; a story erased later leaves its section pointing at nothing (SET NULL)
and the pack shows the placeholder. Constraint and index names follow the naming convention on the metadata, so
SQLite and PostgreSQL agree. The index on (owner_id, updated_at) serves "My packs", newest change first; the one on
(pack_id, position) reads a pack's sections in order.

Revision ID: e5a9c2d4b813
Revises: e7b2d4c8a1f3
Create Date: 2026-12-04 16:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'e5a9c2d4b813'
down_revision = 'e7b2d4c8a1f3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'packs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('audience', sa.String(length=200), nullable=False),
        sa.Column('duration_minutes', sa.Integer(), nullable=True),
        sa.Column('learning_outcomes', sa.Text(), nullable=False),
        sa.Column('introduction', sa.Text(), nullable=False),
        sa.Column('purpose', sa.Enum('training', 'partners', name='pack_purpose', native_enum=False,
                                     length=30), nullable=False),
        sa.Column('status', sa.Enum('draft', name='pack_status', native_enum=False, length=30), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_packs_owner_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_packs')),
    )
    with op.batch_alter_table('packs', schema=None) as batch_op:
        batch_op.create_index('ix_packs_owner_id_updated_at', ['owner_id', 'updated_at'], unique=False)

    op.create_table(
        'pack_sections',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('pack_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('story', 'activity', 'notes', 'prompts', name='pack_section_kind',
                                  native_enum=False, length=30), nullable=False),
        sa.Column('story_id', sa.Integer(), nullable=True),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('prompts', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['pack_id'], ['packs.id'], name=op.f('fk_pack_sections_pack_id_packs'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_pack_sections_story_id_stories'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pack_sections')),
    )
    with op.batch_alter_table('pack_sections', schema=None) as batch_op:
        batch_op.create_index('ix_pack_sections_pack_id_position', ['pack_id', 'position'], unique=False)
        batch_op.create_index(batch_op.f('ix_pack_sections_story_id'), ['story_id'], unique=False)


def downgrade():
    with op.batch_alter_table('pack_sections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pack_sections_story_id'))
        batch_op.drop_index('ix_pack_sections_pack_id_position')
    op.drop_table('pack_sections')
    with op.batch_alter_table('packs', schema=None) as batch_op:
        batch_op.drop_index('ix_packs_owner_id_updated_at')
    op.drop_table('packs')
