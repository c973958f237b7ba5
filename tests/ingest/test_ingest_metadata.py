"""extract_metadata, parse_date, proper_case_name, detect_language on sentences written for the tests."""
from __future__ import annotations

import pytest

from kibaru.ingest.metadata import detect_language, extract_metadata, proper_case_name
from kibaru.dates.pubdate import parse_date

FR_BODY = "Le gouvernement a annoncé mardi la fermeture de la frontière avec le pays voisin."
EN_BODY = "The government announced on Tuesday that the border with its neighbour would close."


@pytest.mark.parametrize(("text", "expected"), [
    ("mardi 24 septembre 2024", "2024-09-24"),
    ("1er juillet 2012", "2012-07-01"),
    ("24 sept. 2024", "2024-09-24"),
    ("September 24, 2024", "2024-09-24"),
    ("Tuesday, Sept. 24, 2024", "2024-09-24"),
    ("24 September 2024", "2024-09-24"),
    ("2025-03-14 20:30:26Z", "2025-03-14"),
    ("2024-09-24T08:00:00+00:00", "2024-09-24"),
    ("24/09/2024", "2024-09-24"),
    ("août 2012", "2012-08"),
    ("2019", "2019"),
    ("31 février 2024", "2024-02"),  # no such day: only the month is claimed
    ("24/13/2024", None),
    ("hier", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("M.SaNGaRé", "M. Sangaré"),
    ("abdoulaye diop", "Abdoulaye Diop"),
    ("JEAN-PIERRE DUPONT", "Jean-Pierre Dupont"),
    ("John McCain", "John McCain"),
    ("charles de gaulle", "Charles de Gaulle"),
])
def test_proper_case_name(name, expected):
    assert proper_case_name(name) == expected


def test_title_date_and_outlet_from_the_header_line():
    text = f"Frontière : le pays ferme ses portes Publié le lundi 3 mars 2025 | Le Courrier\n\n{FR_BODY}"
    meta = extract_metadata(text)
    assert meta.title == "Frontière : le pays ferme ses portes"
    assert meta.published == "2025-03-03"
    assert meta.outlet == "Le Courrier"
    assert text[meta.body[0]:meta.body[1]] == FR_BODY
    assert meta.language == "fr"


def test_english_header_lines_and_byline():
    text = f"Border closes\n\nPublished March 3, 2025\n\nBy jane smith\n\n{EN_BODY}"
    meta = extract_metadata(text)
    assert (meta.title, meta.published, meta.author) == ("Border closes", "2025-03-03", "Jane Smith")
    assert text[meta.body[0]:meta.body[1]] == EN_BODY
    assert meta.language == "en"


def test_signature_at_the_end_is_the_author_and_leaves_the_body():
    text = f"{FR_BODY}\n\nUne seconde phrase suit.\n\nA.TRAORé"
    meta = extract_metadata(text)
    assert meta.author == "A. Traoré"
    assert meta.title is None
    assert text[meta.body[0]:meta.body[1]].endswith("suit.")


def test_closing_sentence_is_not_a_signature():
    text = f"{EN_BODY}\n\nTalks resume Monday."
    assert extract_metadata(text).author is None


def test_first_sentence_is_not_a_title():
    text = f"{FR_BODY}\n\nUne seconde phrase suit."
    meta = extract_metadata(text)
    assert meta.title is None
    assert meta.body == (0, len(text))


@pytest.mark.parametrize(("opening", "dateline", "published"), [
    ("BAMAKO, 24 sept (AFP) - Le gouvernement a parlé.", "BAMAKO, 24 sept (AFP)", None),
    ("Damas, Syrie - Des tirs ont été entendus.", "Damas, Syrie", None),
    ("WASHINGTON — Officials said on Monday.", "WASHINGTON", None),
    ("3 mars 2025. - Le gouvernement a parlé.", "3 mars 2025", "2025-03-03"),
    ("KIDAL, 5 March 2025 (Reuters) - Fighting resumed.", "KIDAL, 5 March 2025 (Reuters)", "2025-03-05"),
])
def test_dateline(opening, dateline, published):
    meta = extract_metadata(f"Titre de l'article\n\n{opening}")
    assert meta.dateline == dateline
    assert meta.published == published


def test_given_title_removes_only_a_repeated_first_line():
    text = f"Border closes\n\n{EN_BODY}"
    assert extract_metadata(text, given_title="Border Closes").body[0] == len("Border closes\n\n")
    assert extract_metadata(text, given_title="Other title").body[0] == 0


def test_detect_language_needs_some_words():
    assert detect_language("ok") is None
    assert detect_language(FR_BODY) == "fr"
    assert detect_language(EN_BODY) == "en"
