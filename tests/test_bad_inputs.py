"""Every bad input gets a clear `[DWnnn]` error naming the file, never a traceback, and nothing stored is harmed.

The CLI runs in-process (`dyadwatch.cli.main`), so the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dyadwatch.cli import main
from dyadwatch.model import Document
from dyadwatch.readers import iter_documents
from dyadwatch.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
GOOD = FIXTURES / "article_head_dateline.txt"
OTHER_GOOD = FIXTURES / "article_numeric_dateline.txt"

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
             b"\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d\xb4\x00\x00\x00\x00IEND\xaeB`\x82")

LATIN1_ARTICLE = ("Brazil and Portugal sign trade pact in S\u00e3o Paulo\n"
                  "The foreign ministers of Brazil and Portugal met in S\u00e3o Paulo on Tuesday and signed an "
                  "agreement on port fees.\n"
                  "Jos\u00e9 Mart\u00ednez, a trade adviser in Z\u00fcrich, said the deal would cut costs for "
                  "exporters of coffee and wine.\n")
CP1252_ARTICLE = ("Germany pledges \u20ac2 billion to Ukraine\n"
                  "Berlin said on Monday it would send \u20ac2 billion in aid \u2013 its largest package so far "
                  "\u2013 to Kyiv.\n"
                  "\u201cWe stand with Ukraine,\u201d the minister told reporters in M\u00fcnchen.\n")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def ingest(capsys, db: Path, *paths: Path | str) -> tuple[int, str, str]:
    return run(capsys, "ingest", *map(str, paths), "--db", str(db))


def assert_clean_failure(rc: int, err: str, name: str, code: str) -> None:
    assert rc != 0
    assert name in err
    assert f"[{code}]" in err
    assert "Traceback" not in err
    assert "[DW000]" not in err


def counts(db: Path) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        return store.counts()


def stored_rows(db: Path) -> list[tuple]:
    with Store.open(db, read_only=True) as store:
        return store.con.execute("SELECT id, content_hash, title, published, text FROM documents ORDER BY id").fetchall()


def rejection_codes(db: Path) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        rows = store.con.execute("SELECT origin, code FROM rejections").fetchall()
    return {Path(origin).name: code for origin, code in rows}


# -- unreadable files --------------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"], ids=["zero-bytes", "whitespace"])
def test_empty_file_gives_dw102(capsys, tmp_path, db, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "empty.txt", "DW102")
    assert rc == 1
    assert counts(db)["documents"] == 0
    assert rejection_codes(db) == {"empty.txt": "DW102"}


@pytest.mark.parametrize("name, content", [
    ("picture.png", PNG_BYTES),
    ("picture.txt", PNG_BYTES),
    ("nuls.txt", b"Kenya and Uganda\x00\x00\x00 signed\x00 a deal\x00" * 20),
], ids=["png", "png-named-txt", "nul-bytes"])
def test_binary_file_gives_dw103(capsys, tmp_path, db, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, name, "DW103")
    assert counts(db)["documents"] == 0


def test_200_mb_file_gives_dw104_without_reading_it(capsys, tmp_path, db):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "huge.txt", "DW104")
    assert "200 MB" in err
    assert "64 MB" in err


@pytest.mark.parametrize("encoding, article, phrase", [
    ("latin-1", LATIN1_ARTICLE, "Paulo on Tuesday and signed an agreement on port fees."),
    ("cp1252", CP1252_ARTICLE, "the minister told reporters in"),
], ids=["latin-1", "cp1252"])
def test_latin1_and_cp1252_files_are_decoded_and_stored(capsys, tmp_path, db, encoding, article, phrase):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(article.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    rc, out, err = ingest(capsys, db, path)
    assert rc == 0, err
    assert "1 stored" in out
    assert counts(db)["documents"] == 1
    (row,) = stored_rows(db)
    assert phrase in row[4]


@pytest.mark.parametrize("encoding, article", [("latin-1", LATIN1_ARTICLE), ("cp1252", CP1252_ARTICLE)],
                         ids=["latin-1", "cp1252"])
def test_latin1_and_cp1252_accents_survive_decoding(tmp_path, encoding, article):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(article.encode(encoding))
    (doc,) = iter_documents([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == article.strip()


def test_undecodable_high_bytes_give_dw105(capsys, tmp_path, db):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 20)  # no NULs, no controls, no known encoding
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "noise.txt", "DW105")
    assert "not valid UTF-8" in err


def test_random_bytes_with_nuls_give_dw103(capsys, tmp_path, db):
    path = tmp_path / "random.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    assert b"\x00" in path.read_bytes()
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "random.txt", "DW103")


# -- malformed structured inputs ---------------------------------------------------------------------------

def test_malformed_jsonl_gives_dw106_per_line(capsys, tmp_path, db):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "unterminated\n{not json}\n', encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "broken.jsonl:1", "DW106")
    assert "broken.jsonl:2" in err
    assert rejection_codes(db) == {"broken.jsonl:1": "DW106", "broken.jsonl:2": "DW106"}


def test_malformed_telegram_json_gives_dw106(capsys, tmp_path, db):
    path = tmp_path / "result.json"
    path.write_text('{"name": "x", "messages": [ {"id": 1, "text": "unterminated }', encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "result.json", "DW106")
    assert "not valid JSON" in err


def test_malformed_xml_feed_gives_dw106(capsys, tmp_path, db):
    path = tmp_path / "garbage.rss"
    path.write_text('<rss version="2.0"> <<<< &&&& not xml at all >>>> </channel></item>', encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "garbage.rss", "DW106")
    assert "RSS/Atom" in err


def test_truncated_feed_rejects_its_entry_with_dw107(capsys, tmp_path, db):
    path = tmp_path / "truncated.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Cut</title><item>'
                    '<title>Half an item</title><description>Some words &amp; more <b>unclosed\n', encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "truncated.xml#1", "DW107")


def test_html_file_without_markup_gives_dw106(capsys, tmp_path, db):
    path = tmp_path / "page.html"
    path.write_text("There is no markup in this file at all, only a sentence.\n", encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "page.html", "DW106")
    assert "no markup" in err


def test_broken_html_with_no_text_gives_dw110(capsys, tmp_path, db):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><<<>>></span></p><table><tr><td></div></tbody><script>var x = '</body>",
                    encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "broken.html", "DW110")


def test_rss_without_entries_gives_dw107(capsys, tmp_path, db):
    path = tmp_path / "quiet.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Quiet feed</title>'
                    '<link>https://quiet.example/</link><description>Nothing today</description></channel></rss>\n',
                    encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "quiet.rss", "DW107")
    assert "no entries" in err


@pytest.mark.parametrize("content", ['{"messages": 5}', '[{"id": 1, "text": "a message"}]'],
                         ids=["messages-not-a-list", "top-level-list"])
def test_telegram_export_of_the_wrong_shape_gives_dw108(capsys, tmp_path, db, content):
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert_clean_failure(rc, err, "export.json", "DW108")
    assert "`messages` list" in err


def test_missing_path_gives_dw101(capsys, tmp_path, db):
    missing = tmp_path / "nowhere" / "article.txt"
    rc, _, err = ingest(capsys, db, missing)
    assert_clean_failure(rc, err, str(missing), "DW101")
    assert rejection_codes(db) == {"article.txt": "DW101"}


def test_unknown_format_gives_dw109(capsys, db):
    rc, _, err = run(capsys, "ingest", str(GOOD), "--format", "nosuchreader", "--db", str(db))
    assert_clean_failure(rc, err, GOOD.name, "DW109")
    assert counts(db)["documents"] == 0


# -- bad stores --------------------------------------------------------------------------------------------

def test_db_that_is_a_text_file_gives_dw301_and_is_left_alone(capsys, tmp_path):
    not_a_db = tmp_path / "notes.duckdb"
    not_a_db.write_text("hello, this is my shopping list, not a database\n", encoding="utf-8")
    rc, _, err = ingest(capsys, not_a_db, GOOD)
    assert_clean_failure(rc, err, "notes.duckdb", "DW301")
    assert rc == 2
    assert not_a_db.read_text(encoding="utf-8") == "hello, this is my shopping list, not a database\n"


LOCK_HOLDER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()  # hold the lock until the test closes stdin
    con.close()
""")


def test_db_locked_by_another_process_gives_dw302(capsys, db, monkeypatch):
    from dyadwatch import config

    monkeypatch.setitem(config.settings()["store"], "lock_wait_seconds", 0.5)  # waits, then says so
    holder = subprocess.Popen([sys.executable, "-c", LOCK_HOLDER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        rc, _, err = ingest(capsys, db, GOOD)
    finally:
        holder.stdin.close()
        try:
            holder.wait(timeout=30)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
    assert holder.returncode == 0
    assert_clean_failure(rc, err, db.name, "DW302")
    assert rc == 2


# -- batches and what is already stored --------------------------------------------------------------------

def test_mixed_batch_stores_the_good_and_names_every_failure(capsys, tmp_path, db):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(GOOD, batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "image.png").write_bytes(PNG_BYTES)
    (batch / "lines.jsonl").write_text(
        '{"text": "Senegal asked Mali to reopen the railway line between Dakar and Bamako for goods traffic."}\n'
        '{"text": broken}\n'
        '{"text": "Ghana and Togo signed a memorandum on shared customs posts at the Aflao border crossing."}\n',
        encoding="utf-8")
    missing = tmp_path / "missing.txt"
    rc, out, err = ingest(capsys, db, batch, missing)
    assert rc == 1
    assert "3 stored" in out and "4 failed" in out
    for name, code in (("empty.txt", "DW102"), ("image.png", "DW103"), ("lines.jsonl:2", "DW106"),
                       ("missing.txt", "DW101")):
        assert_clean_failure(rc, err, name, code)
    assert counts(db)["documents"] == 3
    assert counts(db)["rejections"] == 4
    assert rejection_codes(db) == {"empty.txt": "DW102", "image.png": "DW103", "lines.jsonl:2": "DW106",
                                   "missing.txt": "DW101"}
    titles = {row[2] for row in stored_rows(db)}
    assert "Turkey and Azerbaijan sign gas transit deal" in titles


def test_failed_ingest_leaves_stored_documents_unchanged(capsys, tmp_path, db):
    rc, _, err = ingest(capsys, db, GOOD, OTHER_GOOD)
    assert rc == 0, err
    before = stored_rows(db)
    assert len(before) == 2
    bad = tmp_path / "bad.png"
    bad.write_bytes(PNG_BYTES)
    rc, _, err = ingest(capsys, db, bad)
    assert_clean_failure(rc, err, "bad.png", "DW103")
    assert stored_rows(db) == before
    rc, _, err = ingest(capsys, db, tmp_path / "nope.txt")
    assert_clean_failure(rc, err, "nope.txt", "DW101")
    assert stored_rows(db) == before


def test_same_good_file_twice_is_stored_once(capsys, db):
    rc1, out1, err1 = ingest(capsys, db, GOOD)
    rc2, out2, err2 = ingest(capsys, db, GOOD)
    assert (rc1, rc2) == (0, 0), (err1, err2)
    assert "1 stored" in out1
    assert "0 stored" in out2 and "1 already stored" in out2
    assert counts(db)["documents"] == 1
    assert err2 == ""


def test_out_of_range_published_in_jsonl_is_one_rejection_not_an_abort(capsys, tmp_path, db):
    path = tmp_path / "dates.jsonl"
    path.write_text('{"text": "Peru and Bolivia agreed to share data on the level of Lake Titicaca."}\n'
                    '{"text": "Ecuador and Colombia met on Monday to discuss border security.", "published": 1e20}\n'
                    '{"text": "Chile and Argentina agreed to share data on glaciers in Patagonia."}\n',
                    encoding="utf-8")
    rc, _, err = ingest(capsys, db, path)
    assert "[DW000]" not in err
    assert rc == 1
    assert "dates.jsonl:2" in err
    assert counts(db)["documents"] == 2


# -- analyze -----------------------------------------------------------------------------------------------

def test_analyze_bad_file_prints_the_error_not_a_traceback(capsys, tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(PNG_BYTES)
    rc, out, err = run(capsys, "analyze", str(path), "--json")
    assert_clean_failure(rc, err, "image.png", "DW103")
    assert rc == 1
    assert out == ""


def test_analyze_missing_file_prints_dw101(capsys, tmp_path):
    missing = tmp_path / "gone.txt"
    rc, out, err = run(capsys, "analyze", str(missing))
    assert_clean_failure(rc, err, "gone.txt", "DW101")
    assert out == ""
