from __future__ import annotations

from kibaru.config import Settings
from kibaru.geo import Gazetteer, GeoContext, geocode


def test_index_is_cached_and_rebuilt_when_stale(tmp_path, tiny_sources):
    settings = Settings(cache_dir=tmp_path / "cache")
    first = Gazetteer.load(settings, tiny_sources)
    assert first.origin == "built" and first.path.exists()
    again = Gazetteer.load(settings, tiny_sources)
    assert again.origin == "cache" and again.path == first.path
    assert "Timbuktu" in [c.name for c in again.candidates("tombouctou")]

    tiny_sources.curated[0].write_text(
        "Barsalogho\t\tBFA\tCentre-Nord\t13.42\t-1.06\tcity\tcity\t\ttest\n", encoding="utf-8")
    rebuilt = Gazetteer.load(settings, tiny_sources)
    assert rebuilt.origin == "built" and rebuilt.path != first.path
    assert not first.path.exists()  # the stale file is gone
    assert rebuilt.candidates("Barsalogho") and not rebuilt.candidates("Moura")


def test_corrupt_cache_is_rebuilt(tmp_path, tiny_sources):
    settings = Settings(cache_dir=tmp_path)
    path = Gazetteer.load(settings, tiny_sources).path
    path.write_bytes(b"\x00garbage")
    assert Gazetteer.load(settings, tiny_sources).origin == "built"


def test_tiny_sources_content(tmp_path, tiny_sources):
    g = Gazetteer.load(Settings(cache_dir=tmp_path), tiny_sources)
    assert not g.candidates("TOM") and not g.candidates("tmbktw")  # airport code, transliteration
    (mali,) = g.candidates("Mali")
    assert (mali.kind, mali.country, mali.precision) == ("country", "MLI", "country")
    assert geocode("Moura", g, GeoContext(("MLI",))).admin1 == "Mopti"


# --- the real index (built once, kept in pytest's cache) ----------------------------------------

def test_real_french_and_english_names(real):
    for name in ("Tombouctou", "Timbuktu", "TOMBOUCTOU"):
        assert any(c.geonames_id == 2449067 and c.country == "MLI" for c in real.candidates(name))
    aleppo = geocode("Alep", real)
    assert (aleppo.name, aleppo.country, aleppo.geonames_id) == ("Aleppo", "SYR", 170063)
    assert geocode("Syrie", real).precision == "country"
    assert geocode("Texas", real).country == "USA"


def test_real_curated_places(real):
    expected = {
        "Tinzaouatène": ("MLI", "city"), "Barsalogho": ("BFA", "city"),
        "Aéroport international Modibo Keïta-Sénou": ("MLI", "exact"), "Moura": ("MLI", "city"),
        "Faladiè": ("MLI", "exact"), "Bande de Gaza": ("PSE", "admin1"),
    }
    for name, (country, precision) in expected.items():
        place = geocode(name, real, GeoContext(("MLI",)))
        assert (place.country, place.precision) == (country, precision), name
    kidal = geocode("Kidal", real)
    assert (kidal.country, kidal.admin1, kidal.geonames_id) == ("MLI", "Kidal", 2455290)
    assert geocode("Khan Younès", real).geonames_id == 281124
    assert geocode("Pokrovsk", real, GeoContext(("UKR",))).country == "UKR"
