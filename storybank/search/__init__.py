"""Finding approved stories by their words, for trainers: the database's own full-text engine behind one interface.

SQLite (the embedded default) uses an FTS5 table; PostgreSQL uses a tsvector GIN index. The index holds only the
moderated text, never the original. It may lag behind, but it is never trusted alone: every search joins the
consent gate at query time, so a story withdrawn a moment ago is gone from results in the same request.
"""
