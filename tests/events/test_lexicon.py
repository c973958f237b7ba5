"""The trigger and cue lexicons: coverage, validity, and the loader's error reporting."""
from __future__ import annotations

from collections import Counter

import pytest

from kibaru.errors import DataError
from kibaru.events.lexicon import (
    CUE_KINDS,
    LANGUAGES,
    PLOVER_MODES,
    PLOVER_TYPES,
    TRIGGER_COLUMNS,
    load_cues,
    load_triggers,
    parse_cue_file,
    parse_trigger_file,
)

FREQUENT = ("CONSULT", "SUPPORT", "ACCUSE", "ASSAULT", "REQUEST", "REJECT", "AID", "COOPERATE",
            "THREATEN", "PROTEST", "COERCE", "SANCTION", "MOBILIZE")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_type_has_triggers(lang):
    counts = Counter(t.type for t in load_triggers(lang))
    assert set(counts) == set(PLOVER_TYPES)
    for etype in PLOVER_TYPES:
        assert counts[etype] >= 15, (etype, counts[etype])
    for etype in FREQUENT:
        assert counts[etype] >= 40, (etype, counts[etype])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_modes_are_valid_for_their_type(lang):
    for t in load_triggers(lang):
        assert t.mode is None or t.mode in PLOVER_MODES[t.type], t.source


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_mode_of_a_type_has_a_trigger(lang):
    used = {(t.type, t.mode) for t in load_triggers(lang)}
    missing = [(etype, mode) for etype, modes in PLOVER_MODES.items() for mode in modes
               if (etype, mode) not in used]
    assert not missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_duplicate_rows(lang):
    keys = Counter((t.lemma, t.pos, t.type, t.requires) for t in load_triggers(lang))
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lookups(lang):
    lex = load_triggers(lang)
    assert load_triggers(lang) is lex  # loaded once
    for t in lex:
        if t.is_mwe:
            assert t in lex.mwes_starting_with(t.lemmas[0])
            assert len(t.lemmas) > 1
        else:
            assert t in lex.by_lemma(t.lemma)
            assert t.lemmas == (t.lemma,)
    assert lex.by_lemma("no-such-lemma") == ()


def test_examples_from_the_gold_files():
    fr, en = load_triggers("fr"), load_triggers("en")
    assert {t.type for t in fr.by_lemma("soutien")} == {"SUPPORT"}
    assert any(t.type == "SANCTION" for t in fr.by_lemma("rupture"))
    assert any(t.type == "CONSULT" and t.mode == "phone" for t in fr.mwes_starting_with("entretien"))
    assert any(t.type == "COERCE" and t.mode == "arrest" for t in fr.by_lemma("arrestation"))
    assert any(t.lemma == "rompre relation diplomatique" for t in fr.mwes_starting_with("rompre"))
    host = [t for t in fr.by_lemma("accueillir") if t.type == "CONSULT"][0]
    assert host.role_for("subj") == "recipient" and host.role_for("obj") == "actor"
    meet = [t for t in en.by_lemma("meet", "VERB") if t.type == "CONSULT"][0]
    assert meet.role_for("obl:with") == "actor" and meet.role_for("subj") == "actor"
    provide = [t for t in en.by_lemma("provide") if t.type == "AID"][0]
    assert "aid" in provide.requirement("obj").values
    assert any(t.flag == "negated" for t in en.by_lemma("deny"))
    assert any(t.type == "SANCTION" for t in en.mwes_starting_with("break"))
    assert any(t.lemma == "open fire" for t in en.mwes_starting_with("open"))
    # longest MWE first
    lens = [len(t.lemmas) for t in fr.mwes_starting_with("rompre")]
    assert lens == sorted(lens, reverse=True)


def test_default_roles():
    fr = load_triggers("fr")
    attack = [t for t in fr.by_lemma("attaquer") if not t.requires][0]
    assert attack.role_for("subj") == "actor"
    assert attack.role_for("obj") == "recipient"
    assert attack.role_for("obl:contre") == "recipient"   # falls back to "obl"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cues(lang):
    cues = load_cues(lang)
    assert {c.kind for c in cues.cues} == CUE_KINDS
    kinds = Counter(c.kind for c in cues.cues)
    # obligation ("must", "devoir") and the content subordinators ("for", "by", "en", "pour que")
    # and the words of a missing act ("without", "lack", « sans », « manque ») are closed classes of
    # a few words; the others are open
    closed = {"obligation", "means", "clause_complement", "absence"}
    assert all(n >= 5 for k, n in kinds.items() if k not in closed), kinds
    assert kinds["obligation"] >= 2, kinds
    assert load_cues(lang) is cues


def test_cue_lookups():
    fr, en = load_cues("fr"), load_cues("en")
    assert "source_prep" in fr.kinds("selon")
    assert "negation" in fr.kinds("démentir")
    assert "speech" in fr.kinds("déclarer")
    assert {"historical", "speech"} <= fr.kinds("rappeler")
    assert "source_prep" in en.kinds("According  to")
    assert "future" in en.kinds("will")
    assert any(c.cue == "according to" for c in en.phrases_starting_with("according"))
    assert en.kinds("zzz") == frozenset()


# ------------------------------------------------------------- bad files

HEADER = "\t".join(TRIGGER_COLUMNS)


def _write(tmp_path, body, name="triggers_xx.tsv"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    path = _write(tmp_path, "# comment\n" + HEADER + "\n"
                  "rencontrer\tVERB\tCONSULT\t\t\t\t\tsubj=actor,obj=actor\t0.9\tmeet\n")
    lex = load_triggers("xx", path)
    assert len(lex) == 1 and lex.by_lemma("rencontrer")[0].source.endswith(":3")


@pytest.mark.parametrize("bad_line, message", [
    ("attaquer\tVERB\tFIGHT\t\t\t\t\t\t0.9\tx", "not a PLOVER event type"),
    ("attaquer\tVERB\tASSAULT\tphone\t\t\t\t\t0.9\tx", "not valid for ASSAULT"),
    ("soutenir\tVERB\tSUPPORT\tvisit\t\t\t\t\t0.9\tx", "not valid for SUPPORT"),
    ("attaquer\tADJ\tASSAULT\t\t\t\t\t\t0.9\tx", "pos"),
    ("ouvrir feu\tVERB\tASSAULT\t\t\t\t\t\t0.9\tx", "MWE"),
    ("attaquer\tVERB\tASSAULT\t\tmilitray\t\t\t\t0.9\tx", "unknown context"),
    ("apporter\tVERB\tAID\t\t\tobject:aide\t\t\t0.9\tx", "unknown constraint"),
    ("attaquer\tVERB\tASSAULT\t\t\t\tsoon\t\t0.9\tx", "flag"),
    ("attaquer\tVERB\tASSAULT\t\t\t\t\tsubj=agent\t0.9\tx", "bad role mapping"),
    ("attaquer\tVERB\tASSAULT\t\t\t\t\t\t1.5\tx", "weight"),
    ("attaquer\tVERB\tASSAULT\t\t\t\t\t\t0.9", "columns"),
])
def test_a_bad_line_names_file_and_line(tmp_path, bad_line, message):
    path = _write(tmp_path, HEADER + "\n"
                  "attaque\tNOUN\tASSAULT\t\t\t\t\t\t0.8\tattack\n" + bad_line + "\n")
    with pytest.raises(DataError) as info:
        parse_trigger_file(path)
    text = str(info.value)
    assert f"{path}:3" in text
    assert message in text


def test_duplicate_rows_are_rejected(tmp_path):
    row = "attaque\tNOUN\tASSAULT\t\t\t\t\t\t0.8\tattack\n"
    path = _write(tmp_path, HEADER + "\n" + row + row)
    with pytest.raises(DataError, match=r":3: duplicate of line 2"):
        parse_trigger_file(path)


def test_bad_header_and_bad_cue(tmp_path):
    path = _write(tmp_path, "lemma\ttype\nx\ty\n")
    with pytest.raises(DataError, match=r":1: header"):
        parse_trigger_file(path)
    cues = _write(tmp_path, "cue\tkind\tnote\nselon\tsource\taccording to\n", "cues_xx.tsv")
    with pytest.raises(DataError, match=r"cues_xx.tsv:2: cue kind"):
        parse_cue_file(cues)


def test_unknown_language():
    with pytest.raises(DataError):
        load_triggers("de")


# ------------------------------------------------------------- lemmatiser fixed points

_FORCE = ("VERB", "NOUN", "ADJ", "ADV", "ADP", "DET", "PRON", "PROPN")


@pytest.fixture(scope="module")
def fr_nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("fr_core_news_md")
    except OSError:
        pytest.skip("fr_core_news_md is not installed")


def _lemma_as(nlp, word: str, pos: str) -> str:
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=[word])
    doc[0].pos_ = pos
    return nlp.get_pipe("lemmatizer")(doc)[0].lemma_


def _not_fixed(nlp, trigger) -> str | None:
    """Why a French lemma is not what fr_core_news_md's lemmatiser yields for it, or None."""
    doc = nlp(trigger.lemma)
    if len(doc) != len(trigger.lemmas):
        return f"tokenised as {[t.text for t in doc]}"
    if not trigger.is_mwe:
        got = _lemma_as(nlp, trigger.lemma, trigger.pos)
        return None if got == trigger.lemma else f"{trigger.pos} lemma is {got!r}"
    for token, want in zip(doc, trigger.lemmas):
        if token.lemma_ == want:
            continue
        if any(_lemma_as(nlp, want, pos) == want for pos in _FORCE):
            continue
        return f"{want!r} lemmatises to {token.lemma_!r}"
    return None


@pytest.mark.models
def test_french_lemmas_are_lemmatiser_fixed_points(fr_nlp):
    bad = []
    for t in load_triggers("fr"):
        why = _not_fixed(fr_nlp, t)
        if why:
            bad.append(f"{t.source} {t.lemma}: {why}")
    assert not bad, "\n".join(bad)


def test_a_french_verb_left_unlemmatised_finds_its_infinitive():
    from types import SimpleNamespace

    cues = load_cues("fr")
    for form in ("indique", "indiquent", "affirme"):
        token = SimpleNamespace(text=form, lemma=form, pos="VERB")
        assert "speech" in cues.verb_kinds(token), form
    # only verbs, and only French
    assert not cues.verb_kinds(SimpleNamespace(text="indique", lemma="indique", pos="NOUN"))
    assert not load_cues("en").verb_kinds(SimpleNamespace(text="indique", lemma="indique", pos="VERB"))
