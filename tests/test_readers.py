"""The readers registry: every supported format becomes Documents (or Rejections) with the right fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.model import Document
from dyadwatch.readers import READERS, Rejection, iter_documents, register

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def read_all(*paths: Path | str, fmt: str | None = None) -> list[Document | Rejection]:
    return list(iter_documents([str(p) for p in paths], fmt))


def documents(items: list) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def rejections(items: list) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]


def only_document(path: Path | str, fmt: str | None = None) -> Document:
    items = read_all(path, fmt=fmt)
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items[0]
    return items[0]


# -- plain text ------------------------------------------------------------------------------------------

def test_text_title_is_the_first_line():
    doc = only_document(FIXTURES / "article_tail_dateline.txt")
    assert doc.title == "Japan and the Philippines agree on joint coast guard drills"
    assert doc.text.startswith("Japan and the Philippines agree on joint coast guard drills\nJapan and")
    assert doc.id == "article_tail_dateline"


def test_text_trailing_time_and_dateline_gives_day_month_year_and_is_removed():
    doc = only_document(FIXTURES / "article_tail_dateline.txt")
    assert doc.published == "2026-02-09"
    assert doc.date_order == "DMY"
    assert "09.02.2026" not in doc.text
    assert "12:34" not in doc.text
    assert "•" not in doc.text


def test_text_trailing_boilerplate_lines_are_removed():
    doc = only_document(FIXTURES / "article_tail_dateline.txt")
    assert "Telegram" not in doc.text
    assert "t.me" not in doc.text
    assert "All rights reserved" not in doc.text
    assert "©" not in doc.text
    assert "newsletter" not in doc.text
    assert doc.text.endswith('would continue in Tokyo in the spring.')


def test_text_top_dateline_gives_published_and_stays_in_text():
    doc = only_document(FIXTURES / "article_head_dateline.txt")
    assert doc.published == "2025-03-04"
    assert doc.title == "Turkey and Azerbaijan sign gas transit deal"
    assert "\nANKARA, March 4, 2025 (Wire) — Turkey and Azerbaijan signed a deal" in doc.text


def test_text_numeric_dateline_at_end_is_day_first():
    doc = only_document(FIXTURES / "article_numeric_dateline.txt")
    assert doc.published == "2025-03-05"
    assert "05.03.2025" not in doc.text
    assert doc.text.endswith("a Kenyan diplomat said.")


@pytest.mark.parametrize("last_line", [
    "Share prices of chipmakers in Seoul rose 2% after the news.",
    "Copyright disputes between firms of the two countries were not discussed.",
])
def test_text_last_sentence_that_only_looks_like_boilerplate_is_kept(tmp_path, last_line):
    path = tmp_path / "chips.txt"
    path.write_text("Korea and Japan agree on chip export talks\n"
                    "South Korea and Japan agreed on Friday to hold talks on export controls for chip materials.\n"
                    f"{last_line}\n", encoding="utf-8")
    doc = only_document(path)
    assert doc.text.endswith(last_line)


# -- HTML ------------------------------------------------------------------------------------------------

def test_html_title_text_and_published_from_meta():
    doc = only_document(FIXTURES / "page.html")
    assert doc.title == "Chile and Argentina open new border crossing"
    assert doc.published == "2025-06-17"
    assert doc.id == "page"
    assert "Chile and Argentina opened a new mountain border crossing on Tuesday" in doc.text
    assert doc.text.endswith("under an agreement signed last year.")


def test_html_navigation_and_footer_are_not_in_text():
    doc = only_document(FIXTURES / "page.html")
    for boilerplate in ("World news menu", "Sport section link", "Footer contact line", "Privacy policy", "<p>"):
        assert boilerplate not in doc.text


def test_html_page_without_article_text_is_rejected_with_dw110():
    items = read_all(FIXTURES / "nav_only.html")
    assert len(items) == 1
    assert isinstance(items[0], Rejection)
    assert items[0].error.code == "DW110"
    assert items[0].origin.endswith("nav_only.html")


# -- RSS and Atom ----------------------------------------------------------------------------------------

def test_rss_entries_become_documents_with_title_url_published():
    docs = documents(read_all(FIXTURES / "feed.rss"))
    assert [(d.title, d.url, d.published, d.id) for d in docs] == [
        ("Norway and Iceland renew fisheries agreement",
         "https://harbour.example.org/2025/norway-iceland-fisheries", "2025-02-12", "harbour-0001"),
        ("Denmark offers Greenland new funds for harbour works",
         "https://harbour.example.org/2025/denmark-greenland-harbour", "2025-02-14", "harbour-0003"),
    ]
    assert all(d.source == "Harbour Wire" for d in docs)
    assert docs[0].text == ("Norway and Iceland renew fisheries agreement\n\n"
                            "Norway and Iceland renewed their fisheries agreement on Wednesday, keeping the shared "
                            "quota for capelin and herring in the North Atlantic for another five years.\n"
                            "Fisheries ministers said the deal would be reviewed if stocks fall sharply.")


def test_rss_entry_with_too_few_words_is_rejected_alone():
    items = read_all(FIXTURES / "feed.rss")
    assert [type(i).__name__ for i in items] == ["Document", "Rejection", "Document"]
    rejected = rejections(items)[0]
    assert rejected.origin.endswith("feed.rss#2")
    assert rejected.error.code == "DW107"


def test_atom_entries_become_documents_and_short_ones_are_rejected():
    items = read_all(FIXTURES / "feed.atom")
    assert len(items) == 2
    doc, rejected = items
    assert isinstance(doc, Document)
    assert doc.title == "Kazakhstan and Uzbekistan agree to share water of the Syr Darya"
    assert doc.url == "https://steppe.example.net/kz-uz-water"
    assert doc.published == "2025-04-01"
    assert doc.source == "Steppe Bulletin"
    assert "share the water of the Syr Darya river under a new schedule" in doc.text
    assert isinstance(rejected, Rejection)
    assert rejected.origin.endswith("feed.atom#2")
    assert rejected.error.code == "DW107"


# -- JSONL -----------------------------------------------------------------------------------------------

def test_jsonl_optional_fields_are_mapped():
    docs = documents(read_all(FIXTURES / "docs.jsonl"))
    first = docs[0]
    assert (first.id, first.title, first.published, first.url, first.source) == (
        "jl-1", "Morocco and Spain plan power cable", "2025-01-16", "https://example.com/jl-1", "Strait Post")
    assert first.text == "Morocco and Spain agreed on Thursday to build a power cable across the Strait of Gibraltar."
    last = docs[-1]
    assert last.id == "77"  # a numeric id becomes a string
    assert last.published == "2025-02-03"


def test_jsonl_record_with_only_text_gets_a_hash_id_and_no_metadata():
    doc = documents(read_all(FIXTURES / "docs.jsonl"))[1]
    assert doc.text.startswith("Senegal asked Mali")
    assert (doc.title, doc.published, doc.url, doc.source) == (None, None, None, None)
    assert doc.id == doc.hash[:16]


def test_jsonl_bad_lines_are_rejected_with_line_numbers_and_good_lines_read():
    items = read_all(FIXTURES / "docs.jsonl")
    origins = [(Path(i.origin).name, type(i).__name__) for i in items]
    assert origins == [("docs.jsonl:1", "Document"), ("docs.jsonl:2", "Document"), ("docs.jsonl:3", "Rejection"),
                       ("docs.jsonl:4", "Rejection"), ("docs.jsonl:5", "Document")]
    bad_json, no_text = rejections(items)
    assert bad_json.error.code == "DW106"
    assert "line 3" in bad_json.error.message
    assert no_text.error.code == "DW108"
    assert "`text`" in no_text.error.message


def test_jsonl_malformed_line_reports_the_column_of_the_error():
    bad_json = rejections(read_all(FIXTURES / "docs.jsonl"))[0]
    assert "column 38" in bad_json.error.message


def test_jsonl_line_with_nul_bytes_is_rejected_alone(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"text": "Peru and Bolivia agreed to share data on the level of Lake Titicaca."}\n'
                     b'{"text": "bad \x00\x00\x00\x00 line"}\n'
                     b'{"text": "Chile and Bolivia agreed to share data on the level of Lake Titicaca."}\n')
    items = read_all(path)
    assert [(Path(i.origin).name, type(i).__name__) for i in items] == [
        ("nul.jsonl:1", "Document"), ("nul.jsonl:2", "Rejection"), ("nul.jsonl:3", "Document")]


def test_jsonl_out_of_range_numeric_published_does_not_break_the_file(tmp_path):
    path = tmp_path / "dates.jsonl"
    path.write_text('{"text": "Peru and Bolivia agreed to share data on the level of Lake Titicaca."}\n'
                    '{"text": "Ecuador and Colombia met on Monday to discuss border security.", "published": 1e20}\n'
                    '{"text": "Chile and Bolivia agreed to share data on the level of Lake Titicaca."}\n',
                    encoding="utf-8")
    items = read_all(path)
    assert len(items) == 3
    assert [d.origin for d in documents(items)][-1].endswith("dates.jsonl:3")


def test_json_file_with_a_single_record_is_read_by_the_jsonl_reader(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"text": "Peru and Bolivia agreed to share data on the level of Lake Titicaca.", '
                    '"title": "Lake data"}\n', encoding="utf-8")
    doc = only_document(path)
    assert doc.title == "Lake data"


def test_one_line_jsonl_with_markup_in_its_text_is_read_by_the_jsonl_reader(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text('{"text": "<p>Peru and Bolivia agreed to share data on the level of Lake Titicaca.</p>"}\n',
                    encoding="utf-8")
    doc = only_document(path)
    assert "Lake Titicaca" in doc.text


# -- Telegram export -------------------------------------------------------------------------------------

def telegram_docs() -> list[Document]:
    return documents(read_all(FIXTURES / "result.json"))


def test_telegram_uses_date_unixtime_in_utc_not_the_local_date():
    first = telegram_docs()[0]
    # "date" is 2025-02-09T01:30 local; date_unixtime is 2025-02-08 22:30 UTC
    assert first.published == "2025-02-08"
    assert first.origin.endswith("result.json#101")
    assert first.id == "tg-4242-101"
    assert first.source == "Delta Dispatch"


def test_telegram_string_text_with_duplicate_key_and_control_character():
    first = telegram_docs()[0]
    assert first.title == "Egypt and Sudan agree on Nile flood warnings"
    assert "duplicate text key" not in first.text
    assert "\x01" not in first.text
    assert "the irrigation ministry in Cairo said. Engineers from both countries" in first.text


def test_telegram_text_parts_are_joined():
    last = telegram_docs()[-1]
    assert last.id == "tg-4242-104"
    assert last.published == "2025-02-10"
    assert last.text == ("Libya and Tunisia reopen the Ras Ajdir crossing\n"
                         "Libya and Tunisia reopened the Ras Ajdir border crossing on Monday after weeks of closure, "
                         "officials said, and traders began moving fuel, food and building materials across the "
                         "frontier again before noon.")


def test_telegram_service_and_short_messages_are_skipped():
    items = read_all(FIXTURES / "result.json")
    assert [i.origin.rsplit("#", 1)[1] for i in items] == ["101", "104"]
    assert all(isinstance(i, Document) for i in items)


def test_telegram_message_with_impossible_unixtime_is_rejected_alone(tmp_path):
    path = tmp_path / "result.json"
    words = "Bahrain and Qatar restored direct flights on Monday after talks in Riyadh between the two governments"
    path.write_text(json.dumps({"name": "c", "id": 1, "messages": [
        {"id": 1, "type": "message", "date_unixtime": "99999999999999", "text": f"{words} one " * 2},
        {"id": 2, "type": "message", "date_unixtime": "1739167200", "text": f"{words} two " * 2},
    ]}), encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Rejection", "Document"]


# -- the registry ----------------------------------------------------------------------------------------

def test_user_registered_reader_is_used_for_its_extension(tmp_path):
    path = tmp_path / "note.xyz"
    path.write_text("Fiji and Tonga signed a fisheries accord.\n", encoding="utf-8")

    @register("shout", extensions=(".XYZ",))
    def read_shout(source):
        yield Document(text=source.text().upper(), origin=source.origin)

    try:
        doc = only_document(path)
    finally:
        READERS.pop("shout", None)
    assert doc.text == "FIJI AND TONGA SIGNED A FISHERIES ACCORD.\n"
    assert "shout" not in READERS


def test_folders_are_read_recursively_and_hidden_files_skipped(tmp_path):
    corpus = tmp_path / "corpus"
    for rel in ("a.txt", "sub/deeper/b.txt", ".hidden.txt", ".git/c.txt", "sub/.cache/d.txt"):
        file = corpus / rel
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"Nepal and Bhutan discussed hydropower, file {file.stem}.\n", encoding="utf-8")
    items = read_all(corpus)
    assert [Path(i.origin).relative_to(corpus).as_posix() for i in items] == ["a.txt", "sub/deeper/b.txt"]
    assert all(isinstance(i, Document) for i in items)


def test_fmt_text_forces_the_text_reader_on_html():
    doc = only_document(FIXTURES / "page.html", fmt="text")
    assert doc.text.startswith("<!DOCTYPE html>")
    assert "<nav>" in doc.text
    assert only_document(FIXTURES / "page.html").text.startswith("Chile and Argentina")


def test_unknown_fmt_is_rejected_with_dw109():
    items = read_all(FIXTURES / "page.html", fmt="nosuchreader")
    assert len(items) == 1
    assert isinstance(items[0], Rejection)
    assert items[0].error.code == "DW109"
    assert "nosuchreader" in items[0].error.message


# -- offsets refer to the cleaned text ---------------------------------------------------------------------

def test_cleaned_text_has_no_crlf_bom_or_control_characters_and_offsets_work(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffIndia and Nepal reopen trade route\r\n"
                     "India and Nepal reopened a trade route on Sunday.\x07 Trucks crossed at Birgunj by noon.\r\n"
                     "Customs\u00a0officers said traffic was light.\r\n".encode("utf-8"))
    doc = only_document(path)
    assert doc.text == ("India and Nepal reopen trade route\n"
                        "India and Nepal reopened a trade route on Sunday. Trucks crossed at Birgunj by noon.\n"
                        "Customs officers said traffic was light.")
    assert doc.title == "India and Nepal reopen trade route"
    sentence = "Trucks crossed at Birgunj by noon."
    start = doc.text.find(sentence)
    assert start == 85
    assert doc.text[start:start + len(sentence)] == sentence


def test_html_offsets_point_into_the_extracted_text():
    doc = only_document(FIXTURES / "page.html")
    sentence = "The presidents of the two countries met at the pass"
    start = doc.text.find(sentence)
    assert start > 0
    assert doc.text[start:start + len(sentence)] == sentence
    assert "\r" not in doc.text and "\ufeff" not in doc.text
