"""Migrations are the only way the schema changes; they must go both ways on both databases."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from storybank import create_app
from storybank.db_types import compare_column_type
from storybank.extensions import db
from storybank.moderation.preparation import _words_hash
from storybank.search.engine import is_engine_object
from storybank.stories.models import Story
from tests.databases import BACKENDS, fresh_database

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:alembic.*")


@pytest.fixture(params=BACKENDS)
def empty_app(request, tmp_path):
    with fresh_database(request.param, tmp_path) as url:
        app = create_app({"TESTING": True, "SECRET_KEY": "m" * 32, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()


def _tables() -> set[str]:
    return {name for name in inspect(db.engine).get_table_names()
            if name != "alembic_version" and not is_engine_object(name)}


def _engine_objects() -> set[str]:
    names = set(inspect(db.engine).get_table_names())
    if "search_documents" in names:
        names |= {index["name"] for index in inspect(db.engine).get_indexes("search_documents")}
    return {name for name in names if is_engine_object(name)}


def _compare_with_models(render_item_env) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": render_item_env, "include_name": lambda name, *_: not is_engine_object(name)})
        return compare_metadata(context, db.metadata)


def test_migrations_go_up_down_and_up_again(empty_app):
    upgrade()
    assert _tables() == set(db.metadata.tables)
    assert _engine_objects(), "the full-text engine's table or index is missing"
    downgrade(revision="base")
    assert _tables() == set()
    assert _engine_objects() == set()
    upgrade()
    assert _tables() == set(db.metadata.tables)
    assert _engine_objects()


def test_models_and_migrations_agree(empty_app):
    upgrade()
    assert _compare_with_models(compare_column_type) == []


def test_there_is_exactly_one_migration_head():
    app = create_app({"TESTING": True, "SECRET_KEY": "m" * 32, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, heads


BEFORE_TAGGING = "5e4c1b7a9d20"


def _rows(sql: str, **params) -> list:
    with db.engine.connect() as connection:
        return connection.execute(text(sql), params).all()


def test_a_fresh_database_has_the_default_taxonomy_once_even_if_seeded_again(empty_app):
    upgrade()
    groups = [row.slug for row in _rows("SELECT slug FROM tag_groups ORDER BY position")]
    assert groups == ["themes", "care_settings", "barriers_to_kindness"]
    themes = {row.slug for row in _rows("SELECT t.slug FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                                        "WHERE g.slug = 'themes'")}
    assert len(themes) == 17 and {"dignity", "end_of_life", "choice_and_control"} <= themes
    barriers = {row.name for row in _rows("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                                          "WHERE g.slug = 'barriers_to_kindness'")}
    assert barriers == {"Attitude to risk", "Regulation and guidelines", "Performance management",
                        "Fear of radical kindness"}
    settings = {row.name for row in _rows("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                                          "WHERE g.slug = 'care_settings'")}
    assert {"Care at home", "Care home", "Hospital", "Supported living"} <= settings
    from storybank.tagging.services import ensure_default_taxonomy

    assert ensure_default_taxonomy() == 0  # the migration's frozen seed and today's data file agree


def test_themes_moderators_confirmed_become_confirmed_story_tags(empty_app):
    upgrade(revision=BEFORE_TAGGING)
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO users (id, username, username_key, password_hash, active, created_at) "
            "VALUES (1, 'morgan', 'morgan', 'x', :yes, :now)"), {"yes": True, "now": now})
        for story_id in (1, 2):
            connection.execute(text("INSERT INTO stories (id, title, status, created_at, updated_at) "
                                    "VALUES (:id, 'A story', 'approved', :now, :now)"), {"id": story_id, "now": now})
        for n, (story_id, label, status, source, reason) in enumerate([
            (1, "dignity", "accepted", "machine", "The story mentions 'humiliated', 'commode'."),
            (1, "Choice and control", "accepted", "moderator", "Added by a moderator."),
            (1, "DIGNITY", "accepted", "moderator", "Added by a moderator."),  # the same tag: kept once
            (1, "loneliness", "rejected", "machine", "The story mentions 'lonely'."),
            (2, "Feeling safe at night", "accepted", "moderator", "Added by a moderator."),
            (2, "kindness", "pending", "machine", "The story mentions 'lovely'."),
        ], start=1):
            connection.execute(text(
                "INSERT INTO moderation_suggestions (id, story_id, kind, label, reason, status, source, "
                "created_at, decided_by_id, decided_at) VALUES (:id, :story, 'theme', :label, :reason, :status, "
                ":source, :now, 1, :now)"),
                {"id": n, "story": story_id, "label": label, "reason": reason, "status": status,
                 "source": source, "now": now})
    upgrade()
    rows = _rows("SELECT st.story_id, t.name, st.status, st.source, st.trigger_words, st.decided_by_id "
                 "FROM story_tags st JOIN tags t ON t.id = st.tag_id ORDER BY st.story_id, t.name")
    assert [tuple(row) for row in rows] == [
        (1, "Choice and control", "confirmed", "person", None, 1),
        (1, "Dignity", "confirmed", "analysis", "humiliated, commode", 1),
        (2, "Feeling safe at night", "confirmed", "person", None, 1),
    ]
    new_tag = _rows("SELECT g.slug, t.slug FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                    "WHERE t.name = 'Feeling safe at night'")
    assert [tuple(row) for row in new_tag] == [("themes", "feeling_safe_at_night")]
    downgrade(revision=BEFORE_TAGGING)
    assert len(_rows("SELECT id FROM moderation_suggestions")) == 6  # nothing of moderation is lost going down
    upgrade()
    assert len(_rows("SELECT id FROM story_tags")) == 3


BEFORE_MODERATED_TITLES = "c81e5a2f7d3b"


def test_moderated_titles_start_as_the_titles_readers_saw_and_prepared_stories_stay_prepared(empty_app):
    upgrade(revision=BEFORE_MODERATED_TITLES)
    now = datetime.now(UTC)
    with db.engine.begin() as connection:
        for story_id, title, status, moderated in ((1, "Tea with Mary", "approved", "The carer [Person A]."),
                                                   (2, "Waiting", "in_review", None)):
            connection.execute(text(
                "INSERT INTO stories (id, title, body, moderated_body, status, created_at, updated_at) "
                "VALUES (:id, :title, 'Words.', :moderated, :status, :now, :now)"),
                {"id": story_id, "title": title, "moderated": moderated, "status": status, "now": now})
        connection.execute(text(
            "INSERT INTO story_reviews (id, story_id, prepared_body_hash, urgent) VALUES (1, 2, :hash, :no)"),
            {"hash": hashlib.sha256(b"Words.").hexdigest(), "no": False})
    upgrade()
    assert [tuple(r) for r in _rows("SELECT id, moderated_title FROM stories ORDER BY id")] == [
        (1, "Tea with Mary"), (2, None)]
    assert _rows("SELECT prepared_body_hash FROM story_reviews")[0][0] == _words_hash(
        Story(title="Waiting", body="Words."))
    downgrade(revision=BEFORE_MODERATED_TITLES)
    assert _rows("SELECT prepared_body_hash FROM story_reviews")[0][0] == hashlib.sha256(b"Words.").hexdigest()
    assert len(_rows("SELECT id FROM stories")) == 2
