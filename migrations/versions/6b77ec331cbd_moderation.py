"""Moderation: suggestions, safeguarding concerns, claims, decisions, decline reasons, appeals, clarity edits
and notifications.

Read and checked by hand: only new tables (nothing else changes); constraint names come from the naming
convention; enums are stored as strings (native_enum=False) so SQLite and PostgreSQL match. The kind decline
reasons live in code (storybank/moderation/reasons.py) until an admin edits one, so no rows are seeded here.

Revision ID: 6b77ec331cbd
Revises: 35fabdbaba1c
Create Date: 2026-11-22 00:24:37.730141

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6b77ec331cbd'
down_revision = '35fabdbaba1c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('decline_reason_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=60), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_decline_reason_templates_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decline_reason_templates')),
    sa.UniqueConstraint('key', name=op.f('uq_decline_reason_templates_key'))
    )
    op.create_table('clarity_edits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('proposed_text', sa.Text(), nullable=False),
    sa.Column('based_on', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('proposed_by_id', sa.Integer(), nullable=True),
    sa.Column('proposed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('pending', 'agreed', 'declined', name='clarity_status', native_enum=False, length=30), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['proposed_by_id'], ['users.id'], name=op.f('fk_clarity_edits_proposed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_clarity_edits_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clarity_edits'))
    )
    with op.batch_alter_table('clarity_edits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clarity_edits_story_id'), ['story_id'], unique=False)

    op.create_table('moderation_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('moderator_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Enum('approved', 'changes_requested', 'declined', name='decision_outcome', native_enum=False, length=30), nullable=False),
    sa.Column('reason_template_key', sa.String(length=60), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['moderator_id'], ['users.id'], name=op.f('fk_moderation_decisions_moderator_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_moderation_decisions_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_decisions'))
    )
    with op.batch_alter_table('moderation_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_decisions_story_id'), ['story_id'], unique=False)

    op.create_table('moderation_suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('redaction', 'theme', 'content_warning', name='suggestion_kind', native_enum=False, length=30), nullable=False),
    sa.Column('label', sa.String(length=60), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=True),
    sa.Column('span_end', sa.Integer(), nullable=True),
    sa.Column('original_text', sa.Text(), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('status', sa.Enum('pending', 'accepted', 'rejected', name='suggestion_status', native_enum=False, length=30), nullable=False),
    sa.Column('replacement', sa.String(length=120), nullable=True),
    sa.Column('source', sa.Enum('machine', 'moderator', name='suggestion_source', native_enum=False, length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_moderation_suggestions_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_moderation_suggestions_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_moderation_suggestions_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_suggestions'))
    )
    with op.batch_alter_table('moderation_suggestions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_suggestions_story_id'), ['story_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_notifications_story_id_stories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_story_id'), ['story_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_user_id'), ['user_id'], unique=False)

    op.create_table('safeguarding_concerns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('raised_by_id', sa.Integer(), nullable=True),
    sa.Column('raised_by_machine', sa.Boolean(), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.Enum('referred', 'contacted', 'no_action', name='concern_action', native_enum=False, length=30), nullable=True),
    sa.Column('action_reference', sa.String(length=120), nullable=True),
    sa.Column('action_note', sa.Text(), nullable=True),
    sa.Column('actioned_by_id', sa.Integer(), nullable=True),
    sa.Column('actioned_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['actioned_by_id'], ['users.id'], name=op.f('fk_safeguarding_concerns_actioned_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['raised_by_id'], ['users.id'], name=op.f('fk_safeguarding_concerns_raised_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_safeguarding_concerns_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safeguarding_concerns'))
    )
    with op.batch_alter_table('safeguarding_concerns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safeguarding_concerns_raised_at'), ['raised_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safeguarding_concerns_story_id'), ['story_id'], unique=False)

    op.create_table('story_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('prepared_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('prepared_body_hash', sa.String(length=64), nullable=True),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claim_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['users.id'], name=op.f('fk_story_reviews_claimed_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_reviews_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_reviews')),
    sa.UniqueConstraint('story_id', name=op.f('uq_story_reviews_story_id'))
    )
    with op.batch_alter_table('story_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_reviews_urgent'), ['urgent'], unique=False)

    op.create_table('moderation_appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('contributor_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Enum('upheld', 'overturned', name='appeal_outcome', native_enum=False, length=30), nullable=True),
    sa.Column('message', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['contributor_id'], ['users.id'], name=op.f('fk_moderation_appeals_contributor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_moderation_appeals_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['moderation_decisions.id'], name=op.f('fk_moderation_appeals_decision_id_moderation_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_moderation_appeals_story_id_stories'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_appeals'))
    )
    with op.batch_alter_table('moderation_appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_appeals_story_id'), ['story_id'], unique=False)



def downgrade():
    with op.batch_alter_table('moderation_appeals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_appeals_story_id'))

    op.drop_table('moderation_appeals')
    with op.batch_alter_table('story_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_story_reviews_urgent'))

    op.drop_table('story_reviews')
    with op.batch_alter_table('safeguarding_concerns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_safeguarding_concerns_story_id'))
        batch_op.drop_index(batch_op.f('ix_safeguarding_concerns_raised_at'))

    op.drop_table('safeguarding_concerns')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_user_id'))
        batch_op.drop_index(batch_op.f('ix_notifications_story_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('moderation_suggestions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_suggestions_story_id'))

    op.drop_table('moderation_suggestions')
    with op.batch_alter_table('moderation_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_decisions_story_id'))

    op.drop_table('moderation_decisions')
    with op.batch_alter_table('clarity_edits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clarity_edits_story_id'))

    op.drop_table('clarity_edits')
    op.drop_table('decline_reason_templates')
