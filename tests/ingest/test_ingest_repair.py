"""repair_text: mojibake, whitespace, hard line breaks, credits and captions, offsets."""
from __future__ import annotations

from collections import Counter

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kibaru.ingest.repair import fix_mojibake, repair_text


def test_rejoins_sentence_broken_by_blank_lines():
    raw = "Le ministre a confirmé la décision,\n\nrenforçant\n\nainsi la coopération.\n\nUne autre phrase."
    assert repair_text(raw).text == (
        "Le ministre a confirmé la décision, renforçant ainsi la coopération.\n\nUne autre phrase."
    )


def test_keeps_paragraph_break_after_sentence_end():
    raw = "The talks ended on Monday.\nofficials said nothing more.\n\nA second paragraph"
    assert repair_text(raw).text == (
        "The talks ended on Monday.\n\nofficials said nothing more.\n\nA second paragraph"
    )


def test_joins_after_dangling_preposition_even_before_capital():
    raw = "Il a rencontré le président de\n\nla République et le ministre des\n\nArmées."
    assert repair_text(raw).text == "Il a rencontré le président de la République et le ministre des Armées."


def test_capital_after_unpunctuated_line_is_a_new_paragraph():
    raw = "Heading without a full stop\n\nThe body starts here."
    assert repair_text(raw).text == "Heading without a full stop\n\nThe body starts here."


def test_quote_closing_mid_sentence_continues():
    raw = "« Nous restons unis »\n\na-t-il déclaré.\n\n« C'est fini. »\n\nensuite rien."
    assert repair_text(raw).text == "« Nous restons unis » a-t-il déclaré.\n\n« C'est fini. »\n\nensuite rien."


def test_hyphen_cut_word_is_glued():
    assert repair_text("the Franco-\nbritish summit.").text == "the Franco-british summit."


def test_whitespace_is_normalised():
    raw = "  Trois\u00a0mots\tici  \u200b \r\n\r\n\r\nEt\u202fla suite.  "
    assert repair_text(raw).text == "Trois mots ici\n\nEt la suite."


def test_mojibake_is_fixed_and_offsets_point_at_the_raw_bytes():
    raw = "Le pr\u00c3\u00a9sident a parl\u00c3\u00a9."
    repaired = repair_text(raw)
    assert repaired.text == "Le président a parlé."
    assert len(repaired.offsets) == len(repaired.text)
    i = repaired.text.index("é")
    assert raw[repaired.offsets[i]] == "\u00c3"
    s = repaired.text.index("sident")
    assert raw[repaired.offsets[s]:repaired.offsets[s] + 6] == "sident"


def test_credit_and_caption_leave_the_body():
    raw = (
        "Title line\n\n© Agence par DR\n\nDeux ministres à Paris\n\n"
        "Le texte commence ici.\n\nPhoto: AFP\n\nUne foule devant le palais\n\nLa suite du texte."
    )
    repaired = repair_text(raw)
    assert repaired.credits == ("© Agence par DR", "Photo: AFP")
    assert repaired.captions == ("Deux ministres à Paris", "Une foule devant le palais")
    assert repaired.text == "Title line\n\nLe texte commence ici.\n\nLa suite du texte."


def test_inline_credit_splits_caption_from_credit():
    repaired = repair_text("Soldiers near the border (Credit: Reuters)\n\nThe army moved in.")
    assert repaired.captions == ("Soldiers near the border",)
    assert repaired.credits == ("(Credit: Reuters)",)
    assert repaired.text == "The army moved in."


def test_sentence_after_credit_stays_in_body():
    repaired = repair_text("Photo : DR\n\nLes soldats sont arrivés hier à Gao.")
    assert repaired.captions == ()
    assert repaired.text == "Les soldats sont arrivés hier à Gao."


def test_empty_and_blank_input():
    assert repair_text("").text == ""
    assert repair_text(" \n\n \t").offsets == ()


_ALPHABET = st.sampled_from(
    list("abcdeABCDE xyzéèàçÉÀ.,;:!?«»\"'’-()©|0123456789\n\n\n\t\u00a0") + ["Ã©", "Ã ", "â€™", "\r\n", "Photo: ", "© "]
)
_BREAK = re.compile(r"\r\n|\n")
_TEXT = st.lists(_ALPHABET, max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_repair_is_idempotent(raw):
    once = repair_text(raw)
    assert repair_text(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_offsets_map_back_to_the_raw_text(raw):
    repaired = repair_text(raw)
    assert len(repaired.offsets) == len(repaired.text)
    assert list(repaired.offsets) == sorted(repaired.offsets)
    assert all(0 <= off < max(len(raw), 1) for off in repaired.offsets)
    # Where ftfy rewrites a stretch (alone on its line, or once lines are joined), offsets are
    # spread over what it changed; everywhere else each character is the raw character.
    pieces = [" ".join(line.split()) for line in _BREAK.split(raw)] + [" ".join(raw.split())]
    if any(fix_mojibake(piece) != piece for piece in pieces):
        return
    if Counter(c for c in repaired.text if not c.isspace()) - Counter(c for c in raw if not c.isspace()):
        return  # ftfy rewrote a stretch the pieces above did not show on their own
    for ch, off in zip(repaired.text, repaired.offsets):
        if not ch.isspace():
            assert raw[off] == ch
