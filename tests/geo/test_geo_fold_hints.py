from __future__ import annotations

import pytest

from kibaru.geo import fold, narrowing_hint


@pytest.mark.parametrize("raw, folded", [
    ("Tombouctou", "tombouctou"),
    ("TOMBOUCTOU", "tombouctou"),
    ("Ménaka", "menaka"),
    ("Faladiè", "faladie"),
    ("Centre-Nord", "centre nord"),
    ("Côte d’Ivoire", "cote d ivoire"),
    ("  Ḩalab ", "halab"),
    ("Œuvre", "oeuvre"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("sentence, name, hint", [
    ("Ber (région de Tombouctou) a été attaquée", "Ber", "région de Tombouctou"),
    ("Boni, dans le centre du Mali, a été", "Boni", "Mali"),
    ("Ménaka, dans le nord-est du Mali", "Ménaka", "Mali"),
    ("Djibo, dans l'extrême nord du Burkina", "Djibo", "Burkina"),
    ("Moura, in central Mali, was", "Moura", "Mali"),
    ("attack in Ber, in the north of Mali", "Ber", "Mali"),
    ("Ber, in the Timbuktu region", "Ber", "région de Timbuktu"),
    ("Diafarabé, près de Ténenkou.", "Diafarabé", "Ténenkou"),
    ("Tessalit, à 80 km au nord d’Aguelhok", "Tessalit", "Aguelhok"),
    ("Djibo, au Burkina Faso,", "Djibo", "Burkina Faso"),
    ("Kati, dans la région de Koulikoro", "Kati", "région de Koulikoro"),
    ("Gao (Mali)", "Gao", "Mali"),
    ("Kidal, Gao et Tombouctou", "Kidal", None),
    ("Bamako. Le lendemain", "Bamako", None),
])
def test_narrowing_hint(sentence, name, hint):
    start = sentence.index(name)
    assert narrowing_hint(sentence, start, start + len(name)) == hint


def test_narrowing_hint_out_of_range():
    assert narrowing_hint("Gao", 2, 10) is None
