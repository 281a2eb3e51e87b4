"""`make loadtest` at a tiny size, end to end (data, people, gunicorn, Locust, the check afterwards), on SQLite so it
always runs: what the server acknowledged is found in the database, and a write lost before the check is reported,
so the lost-write check can fail."""

from __future__ import annotations

from sqlalchemy import text

from bench import loadtest, search_data


def test_the_load_test_runs_end_to_end_and_reports_an_acknowledged_autosave_that_was_lost(tmp_path):
    seen: dict = {}

    def lose_one_story_text(target, acks):
        seen["before"] = loadtest.check_writes(target, acks)
        story_id = next(ack["story_id"] for ack in acks if ack["kind"] == "autosave")
        seen["autosaves"] = sum(1 for ack in acks if ack["kind"] == "autosave" and ack["story_id"] == story_id)
        engine = search_data._engine(target)
        with engine.begin() as conn:
            conn.execute(text("UPDATE stories SET body = 'Something else entirely.' WHERE id = :id"), {"id": story_id})
        engine.dispose()

    options = loadtest.Options(stories=200, users=4, seconds=10, warmup=0, wait=(0.2, 0.5), waiting=3,
                               backend="sqlite", folder=tmp_path, warm=False)
    result = loadtest.run(options, before_check=lose_one_story_text)

    before = seen["before"]
    assert before["autosave"]["acknowledged"] > 0
    assert {kind: figures["lost"] for kind, figures in before.items()} == dict.fromkeys(loadtest.WRITES, 0)
    assert result["writes"]["autosave"]["lost"] == seen["autosaves"]
    assert result["verdict"]["lost_writes"] >= seen["autosaves"]
    assert result["verdict"]["met"]["no_lost_writes"] is False
    assert result["verdict"]["5xx"] == 0 and result["verdict"]["unanswered"] == 0
    assert result["requests"] > 0 and "autosave" in result["pages"]
