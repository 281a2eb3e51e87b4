"""Alembic environment: runs with the Flask app's engine and metadata (batch mode, so SQLite can alter tables)."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from storybank.db_types import UTCDateTime, compare_column_type
from storybank.search.engine import is_engine_object

config = context.config
if config.config_file_name and not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

target_db = current_app.extensions["migrate"].db


def render_item(type_, obj, autogen_context):
    """Our UTCDateTime is a plain timezone-aware DateTime in the database; migrations say so."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def include_name(name, type_, parent_names):
    """The full-text engine's own tables and index are made by hand in the search migration, not by models."""
    return not is_engine_object(name)


def run_migrations_offline():
    context.configure(url=str(target_db.engine.url), target_metadata=target_db.metadata, literal_binds=True,
                      render_as_batch=True, render_item=render_item, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    def process_revision_directives(context_, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")

    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", process_revision_directives)
    conf_args["render_item"] = render_item
    conf_args["compare_type"] = compare_column_type
    conf_args["include_name"] = include_name

    with target_db.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_db.metadata, **conf_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
