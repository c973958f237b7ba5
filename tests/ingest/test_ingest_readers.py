"""read_paths: every input kind, and bad inputs as Failures that never stop the batch."""
from __future__ import annotations

import json

from kibaru.config import Settings
from kibaru.ingest import prepare_document, read_paths
from kibaru.model import Failure, RawDocument

ARTICLE = "Sommet à Niamey\n\nLes chefs d'État se sont réunis samedi à Niamey pour signer un accord.\n"
PAGE = """<!doctype html><html lang="fr-FR"><head>
<title>Sommet à Niamey | Le Journal</title>
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2024-07-06T09:30:00+00:00">
<meta name="author" content="Awa Diallo">
<link rel="canonical" href="https://example.org/sommet">
<script>var tracking = "Ne pas lire";</script><style>p { color: red }</style>
</head><body><nav><p>Accueil Politique Sport</p></nav>
<article><h1>Sommet à Niamey</h1>
<p>Les chefs d'État se sont <b>réunis</b> samedi à Niamey.</p>
<p>Ils ont signé un accord<br>de défense commune.</p></article>
<footer><p>Tous droits réservés</p></footer></body></html>"""


def _split(results):
    docs = [r for r in results if isinstance(r, RawDocument)]
    failures = [r for r in results if isinstance(r, Failure)]
    return docs, failures


def test_corrupt_files_fail_alone_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "r1", "text": "Premier texte.", "title": "Un"}),
        '{"id": "r2", "text": "unterminated',
        json.dumps({"id": "r3", "title": "sans texte"}),
        "",
        json.dumps({"id": "r4", "text": "Quatrième texte.", "published": "2024-07-06 10:00:00Z"}),
    ]
    (tmp_path / "d_records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored in folders", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")

    docs, failures = _split(list(read_paths([tmp_path])))

    assert [d.source.rsplit("/", 1)[-1] for d in docs] == [
        "a_good.txt", "d_records.jsonl#1", "d_records.jsonl#5",
    ]
    assert [d.id for d in docs] == [None, "r1", "r4"]
    by_source = {f.source.rsplit("/", 1)[-1]: f for f in failures}
    assert set(by_source) == {"b_binary.txt", "c_empty.txt", "d_records.jsonl#2", "d_records.jsonl#3"}
    assert all(f.stage == "read" for f in failures)
    assert "binary" in by_source["b_binary.txt"].reason
    assert "empty" in by_source["c_empty.txt"].reason
    assert "d_records.jsonl#2" in by_source["d_records.jsonl#2"].reason
    assert "malformed JSON" in by_source["d_records.jsonl#2"].reason
    assert "'text'" in by_source["d_records.jsonl#3"].reason


def test_json_object_and_list(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Un texte.", "language": "fr", "url": "https://x.org"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "A."}, {"nope": 1}, "string"]), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "x",\n  oops}', encoding="utf-8")

    results = list(read_paths([one, many, broken]))
    docs, failures = _split(results)
    assert [(d.source.rsplit("/", 1)[-1], d.url) for d in docs] == [("one.json", "https://x.org"), ("many.json#1", None)]
    assert [f.source.rsplit("/", 1)[-1] for f in failures] == ["many.json#2", "many.json#3", "broken.json"]
    assert "line 2" in failures[-1].reason


def test_html_page(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    [raw] = list(read_paths([page]))
    assert raw.title == "Sommet à Niamey"
    assert raw.outlet == "Le Journal"
    assert raw.author == "Awa Diallo"
    assert raw.url == "https://example.org/sommet"
    assert raw.text == (
        "Les chefs d'État se sont réunis samedi à Niamey.\n\nIls ont signé un accord de défense commune."
    )
    doc = prepare_document(raw)
    assert (doc.published, doc.language, doc.title) == ("2024-07-06", "fr", "Sommet à Niamey")
    assert doc.text == raw.text


def test_encodings(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffLe président est arrivé.".encode("utf-8"))
    windows = tmp_path / "windows.txt"
    windows.write_bytes("Le président est arrivé à l’aéroport.".encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("The president arrived.".encode("utf-16"))
    texts = [r.text for r in read_paths([bom, windows, utf16])]
    assert texts == ["Le président est arrivé.", "Le président est arrivé à l’aéroport.", "The president arrived."]


def test_undecodable_control_bytes_are_an_encoding_failure(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(1, 32)) * 20 + b"\x81\x8d")
    [failure] = list(read_paths([junk]))
    assert isinstance(failure, Failure)
    assert "junk.txt" in failure.reason


def test_size_limit_missing_file_and_unknown_extension(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("mot " * 100, encoding="utf-8")
    other = tmp_path / "notes.md"
    other.write_text("# notes", encoding="utf-8")
    results = list(read_paths([big, tmp_path / "absent.txt", other], Settings(max_document_bytes=100)))
    assert all(isinstance(r, Failure) for r in results)
    reasons = [r.reason for r in results]
    assert "over the limit" in reasons[0]
    assert "no such file" in reasons[1]
    assert "unsupported file type '.md'" in reasons[2]


def test_given_metadata_wins_and_id_is_stable(tmp_path):
    raw = RawDocument(source="x.jsonl#1", text=ARTICLE, title="Titre donné", published="2024-07-06 10:00:00Z",
                      language="FR", author="Rédaction")
    doc = prepare_document(raw)
    assert (doc.title, doc.published, doc.language, doc.author) == ("Titre donné", "2024-07-06", "fr", "Rédaction")
    # The given title differs from the first line, so that line stays in the body.
    assert doc.text.startswith("Sommet à Niamey")
    anonymous = prepare_document(RawDocument(source="a.txt", text=ARTICLE))
    assert anonymous.id == prepare_document(RawDocument(source="b.txt", text=ARTICLE)).id
    assert anonymous.id.startswith("sha1:") and len(anonymous.id) == 5 + 16
    assert anonymous.title == "Sommet à Niamey"
    assert anonymous.text.startswith("Les chefs")
    assert len(anonymous.offsets) == len(anonymous.text)
    assert ARTICLE[anonymous.offsets[0]:anonymous.offsets[0] + 9] == "Les chefs"
