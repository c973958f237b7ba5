"""Generate ``src/kibaru/link/data/countries.jsonl`` (committed output) from pycountry and CLDR.

    .venv/bin/python tools/build_kb.py            # rewrite the shipped file
    .venv/bin/python tools/build_kb.py --out F    # write elsewhere (the test compares the two)

Every state and territory pycountry knows, plus Kosovo (PLOVER's ``KOS``), gets one entry: English
name (CLDR, or ``country_extra.tsv``), French name (CLDR ``fr``), pycountry's official and common
names, and the hand-curated ``demonyms.tsv``, ``capitals.tsv`` (capitals and seats of power) and
``country_extra.tsv`` (aliases, canonical-name fixes, Wikidata ids). Output is sorted and stable.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parent.parent / "src" / "kibaru" / "link" / "data"
EXTRA_STATES = {"KOS": "XK"}  # not in ISO 3166-1; CLDR knows it as XK


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for number, row in enumerate(rows, 2):
        if None in row or any(v is None for v in row.values()):
            raise SystemExit(f"{path}: row {number} has the wrong number of columns")
    return rows


def variants(form: str) -> list[str]:
    """The form, plus a straight-apostrophe copy when CLDR used a typographic one."""
    return [form, form.replace("\u2019", "'")] if "\u2019" in form else [form]


def unique(forms: list[str], drop: str) -> list[str]:
    out: list[str] = []
    for form in forms:
        for v in variants(form):
            if v and v != drop and v not in out:
                out.append(v)
    return out


def build(data: Path = DATA) -> list[dict]:
    en, fr = Locale("en").territories, Locale("fr").territories
    demonyms: dict[str, list[dict[str, str]]] = defaultdict(list)  # a later row: a former demonym
    for row in read_tsv(data / "demonyms.tsv"):
        demonyms[row["iso3"]].append(row)
    places: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for row in read_tsv(data / "capitals.tsv"):
        places[row["iso3"]][row["kind"]][row["lang"]].append(row["form"])
    extra: dict[str, dict[str, dict[str, list[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for row in read_tsv(data / "country_extra.tsv"):
        extra[row["iso3"]][row["field"]][row["lang"]].append(row["value"])
    states = {c.alpha_3: (c.alpha_2, c) for c in pycountry.countries}
    states.update({iso3: (alpha2, None) for iso3, alpha2 in EXTRA_STATES.items()})
    unknown = (set(demonyms) | set(places) | set(extra)) - set(states)
    if unknown:
        raise SystemExit(f"codes in the data files that are not states: {sorted(unknown)}")
    return [_entry(iso3, alpha2, record, en, fr, demonyms.get(iso3, []), places[iso3], extra[iso3])
            for iso3, (alpha2, record) in sorted(states.items())]


def _entry(iso3, alpha2, record, en, fr, demonym, places, extra) -> dict:
    name = (extra["name"].get("en") or [en.get(alpha2) or record.name])[0]
    fr_name = (extra["name"].get("fr") or [fr.get(alpha2, name)])[0]
    official = getattr(record, "official_name", None) if record else None
    english = [en.get(alpha2, ""), getattr(record, "name", ""), official or "",
               getattr(record, "common_name", "") if record else ""]
    english = [f for f in english if f and ", " not in f] + extra["alias"].get("en", [])
    entry: dict = {
        "id": f"country:{iso3}", "name": name, "type": "country", "country": iso3,
        "aliases": {"fr": unique([fr_name] + extra["alias"].get("fr", []), name),
                    "en": unique(english, name)},
    }
    if official:
        entry["official_name"] = official
    for kind, key in (("capital", "capitals"), ("seat", "seats")):
        if places.get(kind):
            entry[key] = {lang: places[kind][lang] for lang in ("fr", "en") if places[kind].get(lang)}
    if demonym:
        entry["demonyms"] = {
            "fr": {k: _forms(demonym, "fr_" + k) for k in ("m", "f", "mp", "fp")},
            "en": {k: _forms(demonym, "en_" + k) for k in ("adj", "pl")},
        }
    if extra["wikidata"]:
        entry["wikidata"] = extra["wikidata"][""][0]
    return entry


def _forms(rows: list[dict[str, str]], column: str) -> str | list[str]:
    """One demonym as a string; with former ones ("Kampuchean"), a list, the current one first."""
    words = [row[column] for row in rows if row[column]]
    return words[0] if len(words) == 1 else words


def write(entries: list[dict], out: Path) -> None:
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    out.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DATA / "countries.jsonl")
    args = parser.parse_args(argv)
    entries = build()
    write(entries, args.out)
    print(f"{len(entries)} countries -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
