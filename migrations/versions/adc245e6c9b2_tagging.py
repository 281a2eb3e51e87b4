"""Tagging: tag groups, tags and the tags on each story; seeds the default taxonomy and turns the themes
moderators confirmed into confirmed story tags.

Read and checked by hand: only new tables; constraint names come from the naming convention (the two-column
unique constraints are named explicitly); enums are stored as strings (native_enum=False) so SQLite and PostgreSQL
match. The seed below is a frozen copy of storybank/tagging/default_taxonomy.json at this revision (names,
descriptions, synonyms; the analysis cues stay in the data file), so this migration never changes when the data
file does. Seeding and the conversion only insert what is missing, so running them twice changes nothing.
Downgrade drops the tables: the moderation suggestions the story tags were made from are untouched.

Revision ID: adc245e6c9b2
Revises: 5e4c1b7a9d20
Create Date: 2026-12-04 15:10:34.257100

"""
from alembic import op
import re
from datetime import UTC, datetime

import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'adc245e6c9b2'
down_revision = '5e4c1b7a9d20'
branch_labels = None
depends_on = None

SEED = [
    ('themes', 'Themes', 'What a story is about.', [
        ('dignity', 'Dignity', 'Being treated with respect, including privacy and personal care.', ['respect', 'privacy']),
        ('communication', 'Communication', 'Being told things clearly and in time, in a way that makes sense.', ['information', 'being told']),
        ('choice_and_control', 'Choice and control', 'Having a say in your own care and your own life.', ['independence', 'autonomy']),
        ('being_listened_to', 'Being listened to', 'Being heard, believed and asked what you think.', ['being heard', 'voice']),
        ('waiting_and_delays', 'Waiting and delays', 'Waiting a long time for care, answers or a decision.', ['waiting', 'delays']),
        ('continuity_of_care', 'Continuity of care', 'Seeing the same people, who know you, rather than strangers.', ['same carers']),
        ('kindness', 'Kindness', 'Warmth, patience and care that goes beyond the task.', ['compassion', 'empathy']),
        ('rushed_care', 'Rushed care', 'Care done in a hurry, by people with too little time.', ['rushed', 'no time']),
        ('loneliness', 'Loneliness', 'Feeling alone or cut off from other people.', ['isolation']),
        ('family_and_carers', 'Family and carers', 'Family members and unpaid carers, and what caring asks of them.', ['unpaid carers', 'family']),
        ('discharge_from_hospital', 'Discharge from hospital', 'Leaving hospital and getting home safely with the right support.', ['hospital discharge']),
        ('money_and_charges', 'Money and charges', 'Paying for care, fees, benefits and money worries.', ['care fees', 'charges']),
        ('accessibility', 'Accessibility', 'Getting in, getting around and getting information in a way that works for you.', ['access']),
        ('trust', 'Trust', 'Feeling safe with the people and services that support you.', ['feeling safe']),
        ('culture_and_identity', 'Culture and identity', 'Faith, language, culture and who you are.', ['faith', 'culture', 'identity']),
        ('mental_health', 'Mental health', 'Mental health, worry, low mood and getting the right help.', []),
        ('end_of_life', 'End of life', 'Dying, death and bereavement, and care at the end of life.', ['palliative care', 'bereavement']),
    ]),
    ('care_settings', 'Care settings', 'Where the care in a story happened.', [
        ('care_at_home', 'Care at home', "Care and support in a person's own home.", ['home care', 'domiciliary care']),
        ('care_home', 'Care home', 'A home where people live and get care.', []),
        ('nursing_home', 'Nursing home', 'A care home with nurses on duty.', []),
        ('hospital', 'Hospital', 'A stay in, or visit to, hospital.', []),
        ('day_service', 'Day service', 'A day centre or other service people go to during the day.', ['day centre']),
        ('supported_living', 'Supported living', "A person's own home, with support from staff.", []),
        ('mental_health_service', 'Mental health service', "A service that supports people's mental health.", []),
        ('something_else', 'Something else', 'Anywhere else care and support happens.', []),
    ]),
    ('barriers_to_kindness', 'Barriers to kindness', 'What gets in the way of kind care in an organisation.', [
        ('attitude_to_risk', 'Attitude to risk', 'Rules made to avoid every risk that leave no room for a kind, human response.', ['risk averse', 'blanket rules']),
        ('regulation_and_guidelines', 'Regulation and guidelines', 'Staff feel they must break a rule or guideline to be kind, such as giving a hug.', ['professional guidelines', 'breaking rules']),
        ('performance_management', 'Performance management', 'Kindness is hard to measure, so it is not valued where only numbers count.', ['targets', 'measuring performance']),
        ('fear_of_radical_kindness', 'Fear of radical kindness', 'Worry that being kind will bring more demands, take longer or look like a soft touch.', ['soft touch']),
    ]),
]

tag_groups = sa.table(
    "tag_groups", sa.column("id", sa.Integer), sa.column("slug", sa.String), sa.column("name", sa.String),
    sa.column("description", sa.Text), sa.column("position", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)))
tags = sa.table(
    "tags", sa.column("id", sa.Integer), sa.column("group_id", sa.Integer), sa.column("slug", sa.String),
    sa.column("name", sa.String), sa.column("description", sa.Text), sa.column("synonyms", sa.JSON),
    sa.column("created_at", sa.DateTime(timezone=True)), sa.column("updated_at", sa.DateTime(timezone=True)))
story_tags = sa.table(
    "story_tags", sa.column("id", sa.Integer), sa.column("story_id", sa.Integer), sa.column("tag_id", sa.Integer),
    sa.column("status", sa.String), sa.column("source", sa.String), sa.column("trigger_words", sa.String),
    sa.column("created_at", sa.DateTime(timezone=True)), sa.column("decided_by_id", sa.Integer),
    sa.column("decided_at", sa.DateTime(timezone=True)))
suggestions = sa.table(
    "moderation_suggestions", sa.column("id", sa.Integer), sa.column("story_id", sa.Integer),
    sa.column("kind", sa.String), sa.column("label", sa.String), sa.column("reason", sa.String),
    sa.column("status", sa.String), sa.column("source", sa.String), sa.column("decided_by_id", sa.Integer),
    sa.column("decided_at", sa.DateTime(timezone=True)))


def _key(words):
    """Labels match slugs and names alike: "choice_and_control" and "Choice and control" are the same theme."""
    return " ".join(re.split(r"[\W_]+", (words or "").lower())).strip()


def _slug(words):
    return re.sub(r"[^a-z0-9]+", "_", (words or "").lower()).strip("_")[:80] or "tag"


def seed_default_taxonomy(bind):
    """Insert the default groups and tags that are not there yet."""
    now = datetime.now(UTC)
    for position, (group_slug, group_name, group_description, group_tags) in enumerate(SEED):
        group_id = bind.scalar(sa.select(tag_groups.c.id).where(tag_groups.c.slug == group_slug))
        if group_id is None:
            bind.execute(tag_groups.insert().values(slug=group_slug, name=group_name,
                                                    description=group_description, position=position,
                                                    created_at=now))
            group_id = bind.scalar(sa.select(tag_groups.c.id).where(tag_groups.c.slug == group_slug))
        have = set(bind.scalars(sa.select(tags.c.slug).where(tags.c.group_id == group_id)))
        for slug, name, description, synonyms in group_tags:
            if slug not in have:
                bind.execute(tags.insert().values(group_id=group_id, slug=slug, name=name, description=description,
                                                  synonyms=synonyms, created_at=now, updated_at=now))


def confirmed_themes_to_story_tags(bind):
    """Every theme a moderator accepted becomes a confirmed tag on its story, matched by slug or name (any
    case); a label no tag has becomes a new tag in the themes group."""
    now = datetime.now(UTC)
    themes_id = bind.scalar(sa.select(tag_groups.c.id).where(tag_groups.c.slug == "themes"))
    known = {}
    for tag_id, slug, name in bind.execute(sa.select(tags.c.id, tags.c.slug, tags.c.name)
                                           .where(tags.c.group_id == themes_id).order_by(tags.c.id)):
        known.setdefault(_key(slug), tag_id)
        known.setdefault(_key(name), tag_id)
    accepted = bind.execute(
        sa.select(suggestions.c.story_id, suggestions.c.label, suggestions.c.reason, suggestions.c.source,
                  suggestions.c.decided_by_id, suggestions.c.decided_at)
        .where(suggestions.c.kind == "theme", suggestions.c.status == "accepted").order_by(suggestions.c.id)
    ).all()
    for row in accepted:
        key = _key(row.label)
        if not key:
            continue
        tag_id = known.get(key)
        if tag_id is None:
            slug, taken, n = _slug(row.label), set(bind.scalars(
                sa.select(tags.c.slug).where(tags.c.group_id == themes_id))), 1
            while slug in taken:
                n += 1
                slug = f"{_slug(row.label)[:76]}_{n}"
            name = " ".join(row.label.split())[:80]
            bind.execute(tags.insert().values(group_id=themes_id, slug=slug, name=name[:1].upper() + name[1:],
                                              description="", synonyms=[], created_at=now, updated_at=now))
            tag_id = known[key] = bind.scalar(sa.select(tags.c.id).where(tags.c.group_id == themes_id,
                                                                         tags.c.slug == slug))
        exists = bind.scalar(sa.select(story_tags.c.id).where(story_tags.c.story_id == row.story_id,
                                                              story_tags.c.tag_id == tag_id))
        if exists is not None:
            continue
        by_machine = row.source == "machine"
        words = ", ".join(re.findall(r"'([^']*)'", row.reason or "")) if by_machine else ""
        bind.execute(story_tags.insert().values(
            story_id=row.story_id, tag_id=tag_id, status="confirmed",
            source="analysis" if by_machine else "person", trigger_words=words[:300] or None,
            created_at=row.decided_at or now, decided_by_id=row.decided_by_id, decided_at=row.decided_at or now))


def upgrade():
    op.create_table('tag_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag_groups')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_groups_name')),
    sa.UniqueConstraint('slug', name=op.f('uq_tag_groups_slug'))
    )
    with op.batch_alter_table('tag_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tag_groups_position'), ['position'], unique=False)

    op.create_table('tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('synonyms', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['tag_groups.id'], name=op.f('fk_tags_group_id_tag_groups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tags')),
    sa.UniqueConstraint('group_id', 'name', name='uq_tags_group_id_name'),
    sa.UniqueConstraint('group_id', 'slug', name='uq_tags_group_id_slug')
    )
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tags_group_id'), ['group_id'], unique=False)

    op.create_table('story_tags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('story_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('suggested', 'confirmed', 'rejected', name='story_tag_status', native_enum=False, length=30), nullable=False),
    sa.Column('source', sa.Enum('analysis', 'person', name='story_tag_source', native_enum=False, length=30), nullable=False),
    sa.Column('trigger_words', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_story_tags_decided_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['story_id'], ['stories.id'], name=op.f('fk_story_tags_story_id_stories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tags.id'], name=op.f('fk_story_tags_tag_id_tags'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_tags')),
    sa.UniqueConstraint('story_id', 'tag_id', name='uq_story_tags_story_id_tag_id')
    )
    with op.batch_alter_table('story_tags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_story_tags_decided_by_id'), ['decided_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_story_tags_story_id'), ['story_id'], unique=False)
        batch_op.create_index('ix_story_tags_tag_id_status', ['tag_id', 'status'], unique=False)

    bind = op.get_bind()
    seed_default_taxonomy(bind)
    confirmed_themes_to_story_tags(bind)


def downgrade():
    with op.batch_alter_table('story_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_story_tags_tag_id_status')
        batch_op.drop_index(batch_op.f('ix_story_tags_story_id'))
        batch_op.drop_index(batch_op.f('ix_story_tags_decided_by_id'))

    op.drop_table('story_tags')
    with op.batch_alter_table('tags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tags_group_id'))

    op.drop_table('tags')
    with op.batch_alter_table('tag_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tag_groups_position'))

    op.drop_table('tag_groups')
