"""The two full-text engines behind one interface: FTS5 on SQLite, a stored tsvector with a GIN index on PostgreSQL.

Each engine knows how to keep only the stories whose words match (``matching``), how to leave out those that
contain words the trainer excluded (``excluding``), how to rank the matches joined to a filtered query
(``ranked``), and, for a search of words alone, how to rank from the index by itself (``top``) and quote a
handful of stories afterwards (``snippets``) — ranking there costs a fraction of ranking through the join, and the
caller applies the consent gate to what comes back. The SQL objects they rely on are made by the migrations
(migrations/versions/5e4c1b7a9d20_search_index.py, e7b2d4c8a1f3_search_vector_column.py), not by models, so
schema comparisons skip them (``is_engine_object``).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, column, func, literal_column, select, table, text

from storybank.extensions import db
from storybank.search.models import SearchDocument
from storybank.search.query import ParsedQuery
from storybank.stories.models import Story

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_WORDS = 30

FTS_TABLE = "search_fts"
PG_INDEX = "ix_search_documents_fts"
PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))"
PG_VECTOR = "search_vector"  # PG_DOCUMENT, stored by the database (migration e7b2d4c8a1f3), with PG_INDEX over it



def is_engine_object(name: str | None) -> bool:
    """The FTS5 table and its shadow tables, and PostgreSQL's stored tsvector and its GIN index: made by the
    migrations for one database each, so no model can declare them."""
    return bool(name) and (name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_") or name in (PG_INDEX, PG_VECTOR))


class SQLiteEngine:
    _fts = table(FTS_TABLE, column("rowid"))
    _fts_name = literal_column(FTS_TABLE)

    def _match(self, expression: str):
        return select(self._fts.c.rowid).where(self._fts_name.op("MATCH")(expression))

    def matching(self, parsed: ParsedQuery) -> ColumnElement[bool]:
        return Story.id.in_(self._match(parsed.fts5()))

    def ids_matching(self, parsed: ParsedQuery):
        """The ids of the indexed stories that match, as a subquery."""
        return self._match(parsed.fts5())

    def count_matches(self, words: list[str], leave_out: int, cap: int) -> list[int]:
        """How many indexed stories other than ``leave_out`` contain each word, counted no further than ``cap``,
        all in one statement: the cost of each count is bounded by the cap, not by the size of the library."""
        if not words:
            return []
        counts = [select(func.count()).select_from(
            self._match(ParsedQuery(words=(word,)).fts5()).where(self._fts.c.rowid != leave_out).limit(cap)
            .subquery()).scalar_subquery() for word in words]
        return list(db.session.execute(select(*counts)).one())

    def common_words(self, words: list[str], share: float, at_least: int) -> set[str]:
        """The words that more than ``share`` of the indexed stories (and at least ``at_least`` of them) contain,
        each counted only that far."""
        # FTS5 keeps one small row per indexed story in its docsize table: counting those takes a millisecond at
        # 100 000 stories, where counting search_documents reads every story's text (0.3–0.6 s).
        total = db.session.scalar(select(func.count()).select_from(table(f"{FTS_TABLE}_docsize"))) or 0
        cap = max(int(total * share) + 1, at_least)
        if total < cap:
            return set()
        return {word for word, count in zip(words, self.count_matches(words, 0, cap), strict=True) if count >= cap}

    def excluding(self, parsed: ParsedQuery) -> ColumnElement[bool]:
        return Story.id.not_in(self._match(parsed.fts5_excluded()))

    def ranked(self, query, parsed: ParsedQuery, *, narrowed: bool = False):
        """Join the FTS table for the rank (lower bm25 is better, so it sorts ascending); SQLite's plan is the same
        whether or not the filters narrow the stories."""
        fts = table(FTS_TABLE, column("rowid"))
        query = query.join(fts, fts.c.rowid == Story.id).where(self._fts_name.op("MATCH")(parsed.fts5()))
        return query, func.bm25(self._fts_name).asc()

    def top(self, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        """(story id, rank key) of the best ``limit`` matches, best first; a lower key is better."""
        rank = func.bm25(self._fts_name)
        return [tuple(row) for row in db.session.execute(
            select(self._fts.c.rowid, rank).where(self._fts_name.op("MATCH")(parsed.fts5()))
            .order_by(rank).limit(limit))]

    def snippets(self, parsed: ParsedQuery, story_ids: list[int]) -> dict[int, str]:
        snippet = func.snippet(self._fts_name, 1, MARK_START, MARK_END, "…", SNIPPET_WORDS)
        return dict(db.session.execute(
            select(self._fts.c.rowid, snippet).where(self._fts_name.op("MATCH")(parsed.fts5()),
                                                     self._fts.c.rowid.in_(story_ids))).all())


_ENGLISH = literal_column("'english'::regconfig")
_WORDS_IN_MORE_THAN = text("""
    SELECT asked.word
    FROM unnest(CAST(:words AS text[])) AS asked(word)
    JOIN (SELECT common.element, common.share
          FROM pg_stats, unnest(pg_stats.most_common_elems::text::text[], pg_stats.most_common_elem_freqs)
               AS common(element, share)
          WHERE pg_stats.schemaname = current_schema() AND pg_stats.tablename = 'search_documents'
            AND pg_stats.attname = 'search_vector') AS common
      ON common.element = array_to_string(tsvector_to_array(to_tsvector('english', asked.word)), ' ')
    CROSS JOIN (SELECT reltuples FROM pg_class WHERE oid = 'search_documents'::regclass) AS library
    WHERE library.reltuples > 0
      AND common.share * library.reltuples > greatest(library.reltuples * :share, :floor)
""")
"""Which of these words ANALYZE's statistics (kept by autovacuum) show in more than a share of the stories and more
than a floor; never analysed (reltuples -1, no row in pg_stats): none. 'search_vector' is PG_VECTOR."""


class PostgresEngine:
    _document = literal_column(f"search_documents.{PG_VECTOR}")  # stored, so ranking does not re-read the text

    def _tsquery(self, text: str):
        return func.websearch_to_tsquery(_ENGLISH, text)

    def _matching_ids(self, text: str):
        """A standalone subquery (never correlated), so it also works when the outer query joins the index."""
        return (select(SearchDocument.story_id).where(self._document.op("@@")(self._tsquery(text)))
                .correlate(None))

    def matching(self, parsed: ParsedQuery) -> ColumnElement[bool]:
        return Story.id.in_(self.ids_matching(parsed))

    def ids_matching(self, parsed: ParsedQuery):
        """The ids of the indexed stories that match, as a subquery."""
        return self._matching_ids(ParsedQuery(parsed.words, parsed.phrases).websearch())

    def count_matches(self, words: list[str], leave_out: int, cap: int) -> list[int]:
        """As SQLiteEngine.count_matches. A GIN index reads a word's whole list of stories before any LIMIT, so
        a word the planner's statistics already show in more than ``cap`` stories is not counted again: it is
        ``cap`` at once (``ANALYZE`` keeps the most common words of the index and the share of stories with each)."""
        common = self._words_in_more_than(words, 0.0, cap)
        counts = [select(func.count()).select_from(
            self.ids_matching(ParsedQuery(words=(word,))).where(SearchDocument.story_id != leave_out).limit(cap)
            .subquery()).scalar_subquery() for word in words if word not in common]
        counted = iter(db.session.execute(select(*counts)).one() if counts else ())
        return [cap if word in common else next(counted) for word in words]

    def common_words(self, words: list[str], share: float, at_least: int) -> set[str]:
        """As SQLiteEngine.common_words, from the statistics ANALYZE (or autovacuum) keeps: counting a common word
        through the GIN index would cost as much as ranking it. Never analysed: no word is common."""
        return self._words_in_more_than(words, share, at_least - 1)

    def _words_in_more_than(self, words: list[str], share: float, floor: float) -> set[str]:
        """The words that the statistics show in more than ``share`` of the indexed stories and in more than
        ``floor`` of them: one statement, which compares only these words' stems with the statistics' list
        (about 2 000 words with migration f1c6b2e8a9d4's target) inside the database."""
        if not words:
            return set()
        return set(db.session.scalars(_WORDS_IN_MORE_THAN, {"words": list(words), "share": share, "floor": floor}))

    def excluding(self, parsed: ParsedQuery) -> ColumnElement[bool]:
        return Story.id.not_in(self._matching_ids(" or ".join(f'"{e}"' for e in parsed.excluded)))

    def ranked(self, query, parsed: ParsedQuery, *, narrowed: bool = False):
        """Join each match's rank to a filtered query. When the filters pick out a part of the library on the
        stories table itself (``narrowed``: a care setting, region, dates or tags), the index's table is joined and
        only the stories that pass are ranked. Otherwise every match is ranked first, over the index's table alone,
        in a sorted subquery: only (story id, rank) pairs then meet the gate, which the planner walks best first
        until it has enough; joining the table there carried each match's whole tsvector (2–3 KB) through the
        gate's joins, which cost about twice as much (``bench/SEARCH_PROFILE.md``)."""
        tsquery = self._positive(parsed)
        if narrowed:
            query = query.join(SearchDocument, SearchDocument.story_id == Story.id).where(
                self._document.op("@@")(tsquery))
            return query, func.ts_rank_cd(self._document, tsquery).desc()
        key = -func.ts_rank_cd(self._document, tsquery)
        matches = (select(SearchDocument.story_id, key.label("rank_key")).where(self._document.op("@@")(tsquery))
                   .order_by(key).subquery("ranked_matches"))
        return query.join(matches, matches.c.story_id == Story.id), matches.c.rank_key.asc()

    def _positive(self, parsed: ParsedQuery):
        return self._tsquery(ParsedQuery(parsed.words, parsed.phrases).websearch())

    def top(self, parsed: ParsedQuery, limit: int) -> list[tuple[int, float]]:
        """(story id, rank key) of the best ``limit`` matches, best first; a lower key is better."""
        tsquery = self._positive(parsed)
        key = -func.ts_rank_cd(self._document, tsquery)
        return [tuple(row) for row in db.session.execute(
            select(SearchDocument.story_id, key).where(self._document.op("@@")(tsquery)).order_by(key).limit(limit))]

    def snippets(self, parsed: ParsedQuery, story_ids: list[int]) -> dict[int, str]:
        options = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords=12, ShortWord=2"
        snippet = func.ts_headline(_ENGLISH, SearchDocument.body, self._positive(parsed), options)
        return dict(db.session.execute(
            select(SearchDocument.story_id, snippet).where(SearchDocument.story_id.in_(story_ids))).all())


def engine_for(dialect_name: str):
    return PostgresEngine() if dialect_name == "postgresql" else SQLiteEngine()
