"""KnowledgeBase queries: lookups, demonyms, office holders, phrase templates, user overrides."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kibaru.config import Settings
from kibaru.errors import DataError
from kibaru.link import KnowledgeBase, fold

VECTORS = json.loads((Path(__file__).parent / "vectors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    return KnowledgeBase.load(Settings(cache_dir=tmp_path_factory.mktemp("cache")), use_cache=False)


@pytest.mark.parametrize("case", VECTORS["lookup"], ids=lambda c: c["name"])
def test_lookup_vectors(kb, case):
    found = kb.lookup(case["name"], date=case.get("date"), lang=case.get("lang"))
    if case["expect"] is None:
        assert found == ()
        return
    assert found, f"{case['name']!r} found nothing"
    best = found[0]
    assert best.entry.id == case["expect"], [r.why for r in found]
    if "kind" in case:
        assert best.kind == case["kind"]
    if "sector" in case:
        assert best.sector == case["sector"]
    assert case["expect"] in best.why


@pytest.mark.parametrize("case", VECTORS["template"], ids=lambda c: f"{c['phrase']}@{c.get('date')}")
def test_template_vectors(kb, case):
    match = kb.template_match(case["phrase"], case["lang"], case.get("date"))
    assert match is not None
    assert (match.entry.id if match.entry else None) == case["entry"], match.why
    assert match.country == case["country"]
    if "sector" in case:
        assert match.sector == case["sector"]


@pytest.mark.parametrize("case", VECTORS["demonym"], ids=lambda c: c["word"])
def test_demonym_vectors(kb, case):
    assert kb.demonym(case["word"], case["lang"]) == case["expect"]


def test_fold_drops_accents_case_punctuation_and_article():
    assert fold("L'Élysée") == "elysee"
    assert fold("  Sergueï   LAVROV ") == "serguei lavrov"
    assert fold("U.S.") == fold("US") == "us"
    assert fold("la") == "la"  # a lone article is a word, not an article


def test_a_role_at_two_dates_gives_two_people(kb):
    assert kb.holder("foreign_minister", "USA", "2015-01-01").id == "person:john-kerry"
    assert kb.holder("foreign_minister", "USA", "2019-01-01").id == "person:mike-pompeo"
    assert kb.holder("head_of_state", "MLI", "2011-06-01").name == "Amadou Toumani Touré"
    assert kb.holder("head_of_state", "MLI", "2012-06-01").name == "Dioncounda Traoré"
    assert kb.holder("head_of_state", "MLI", "1950-01-01") is None


def test_holder_without_date_is_the_current_one(kb):
    assert kb.holder("foreign_minister", "RUS").id == "person:sergei-lavrov"


def test_every_capital_resolves_to_its_state(kb):
    for entry in kb.entries.values():
        for alias in entry.aliases:
            if alias.kind == "capital":
                states = [r.entry.id for r in kb.lookup(alias.form, lang=alias.lang)
                          if r.entry.type == "country"]
                assert entry.id in states, (alias.form, states)


def test_all_aliases_cover_names_and_skip_surnames(kb):
    fr = set(kb.all_aliases("fr"))
    assert ("Sergueï Lavrov", "person:sergei-lavrov") in fr
    assert ("Moscou", "country:RUS") in fr
    assert ("autorités maliennes", "country:MLI") in fr
    assert all(kb.get(entry_id) is not None for _, entry_id in fr)
    assert ("Diop", "person:abdoulaye-diop") not in fr


def test_template_phrases_expand_demonyms(kb):
    phrases = set(kb.template_phrases("fr"))
    assert ("ministre russe des Affaires étrangères", "foreign_minister") in phrases
    assert ("autorités de la transition", "government") in phrases


def test_user_file_overrides_and_adds(tmp_path):
    user = tmp_path / "mine.jsonl"
    user.write_text(
        json.dumps({"id": "person:sergei-lavrov", "name": "S. Lavrov", "type": "person",
                    "country": "RUS", "sector": "GOV", "aliases": {"fr": ["Lavrov"]}}) + "\n"
        + json.dumps({"id": "person:jane-doe", "name": "Jane Doe", "type": "person",
                      "country": "MLI", "aliases": {"fr": ["la députée Doe"]}}) + "\n",
        encoding="utf-8")
    kb = KnowledgeBase.load(Settings(user_kb=(user,), cache_dir=tmp_path / "cache"))
    assert kb.get("person:sergei-lavrov").name == "S. Lavrov"
    assert kb.get("person:sergei-lavrov").roles == ()
    assert kb.overridden == ("person:sergei-lavrov",)
    assert kb.lookup("députée Doe")[0].entry.id == "person:jane-doe"
    assert kb.lookup("Sergey Lavrov") == ()  # the shipped aliases went with the shipped entry


def test_cache_is_rebuilt_when_a_file_changes(tmp_path):
    user = tmp_path / "mine.jsonl"
    user.write_text('{"id": "org:one", "name": "One", "type": "organization"}\n', encoding="utf-8")
    settings = Settings(user_kb=(user,), cache_dir=tmp_path / "cache")
    assert KnowledgeBase.load(settings).get("org:one").name == "One"
    assert KnowledgeBase.load(settings).get("org:one").name == "One"  # from the cache
    user.write_text('{"id": "org:one", "name": "Two", "type": "organization"}\n', encoding="utf-8")
    assert KnowledgeBase.load(settings).get("org:one").name == "Two"


@pytest.mark.parametrize("line, problem", [
    ('{"id": "org:x", "name": "X", "type": "army"}', "type"),
    ('{"id": "org:x", "name": "X", "type": "organization", "country": "ZZZ"}', "country"),
    ('{"id": "org:x", "name": "X", "type": "organization", "sector": "XXX"}', "sector"),
    ('{"id": "x", "name": "X", "type": "organization"}', "bad id"),
    ('{"id": "person:x", "name": "X", "type": "person", "roles": [{"role": "head_of_state", '
     '"country": "MLI", "start": "2020-01-01", "end": "2019-01-01"}]}', "ends"),
    ('{"id": "org:x", "name": "X"', "invalid JSON"),
])
def test_bad_user_lines_are_data_errors_with_file_and_line(tmp_path, line, problem):
    user = tmp_path / "bad.jsonl"
    user.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=problem) as info:
        KnowledgeBase.load(Settings(user_kb=(user,), cache_dir=tmp_path), use_cache=False)
    assert "bad.jsonl:2" in str(info.value)


def test_missing_user_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        KnowledgeBase.load(Settings(user_kb=(tmp_path / "nope.jsonl",), cache_dir=tmp_path))
