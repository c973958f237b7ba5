"""The day an undated event is told as news: the lead gives the day ("Gunmen stormed a hotel on
Tuesday"); an event told after it in a past tense, with no date of its own, happened that day.
Never the publication date itself unless the lead gives it; never a present, an opinion, a
historical, future, hypothetical or negated event."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from kibaru.link.linked import LinkedDocument
from kibaru.model import DateValue, Parse

# the news is told in the story's opening sentences; its day is the day of what follows
_LEAD_SENTENCES = 2

_NEWS_WINDOW_DAYS = 7


def news_date(parse: Parse, dates: tuple[DateValue, ...]) -> tuple[DateValue, int] | None:
    """The day the lead gives the news ("Gunmen stormed a hotel on Tuesday", « ont manifesté
    aujourd'hui »): a day-precision date in the first sentences, in the week up to publication."""
    published = parse.document.published or ""
    try:
        pub = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    for d in sorted((d for d in dates if d.start is not None and d.precision == "day" and d.value), key=lambda d: d.start):
        sent = next((n for n, s in enumerate(parse.sentences) if s.start <= d.start < s.end), None)
        if sent is None or sent >= _LEAD_SENTENCES:
            return None
        try:
            day = dt.date.fromisoformat(d.value[:10])
        except ValueError:
            continue
        if pub - dt.timedelta(days=_NEWS_WINDOW_DAYS) <= day <= pub:
            return d, sent
    return None


def with_news_date(linked: LinkedDocument, events, dates: tuple[DateValue, ...], cues):
    """An event the text gives no date of its own, told after the lead as news (in a past tense,
    not background, not planned or conditional, not someone's opinion), happened on the news day:
    a reader of "The statement said the G7 countries affirmed their support" dates it by the lead.
    Never the publication date itself, unless the lead gives it."""
    news = news_date(linked.parse, dates)
    if news is None:
        return events
    lead, lead_sent = news
    out = []
    for v in events:
        tokens = linked.tokens_in(v.evidence.trigger[0], v.evidence.trigger[1])
        if v.date.value or not tokens or tokens[0].sent < lead_sent or v.flags.historical \
                or v.flags.future or v.flags.hypothetical or v.flags.negated \
                or not told_in_past(linked, tokens[-1].i, cues):
            out.append(v)
            continue
        why = (*v.why, f"date: the news day the lead gives ({lead.text!r})")
        out.append(replace(v, date=DateValue(lead.value, lead.precision, lead.text), why=why))
    return tuple(out)


_PERFECT_AUX = frozenset({"avoir", "être", "have"})

# the clause a verb heads goes up to the verb it depends on only through these (an infinitive or
# participle takes its tense from the verb above: « a décidé d'intervenir », "killed in a raid")
_NONFINITE_UP = frozenset({"xcomp", "acl", "advcl", "obj", "dobj", "nmod", "obl", "obl:arg", "obl:mod",
                           "pobj", "prep", "pcomp", "conj", "ccomp", "nsubj", "nsubj:pass", "appos"})

_PERCEPTION = frozenset({"see", "hear", "observe", "watch", "spot", "notice", "witness"})

_MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})


def told_in_past(linked: LinkedDocument, i: int, cues) -> bool:
    """The event's own verb is in a past tense: the passé composé (« ont manifesté », « s'est
    propagé »), the simple past (« annonça », "attacked", "was killed"), the English present perfect
    ("have banned"). Not a present, whether the tagger saw it (« multiplie les voyages ») or not
    (« est prête à intervenir »), not an imperfect or a conditional, and not a verb inside someone's
    opinion (« l'avis de X, pour qui les États-Unis ont ordonné »)."""
    tokens = linked.parse.tokens
    t = tokens[i]
    for _ in range(10):
        kids = linked.children(t.i)
        auxes = [c for c in kids if c.dep.startswith("aux") or c.dep == "cop"]
        finite = [v for v in (t, *auxes) if "VerbForm=Fin" in v.morph or v.lemma.lower() in _MODALS]
        if finite:
            if in_opinion(linked, t, cues):
                return False
            if any("Tense=Past" in v.morph or passe_simple(v) for v in finite):
                return True
            if t.lemma.lower() in _PERCEPTION and any(v.lemma.lower() == "could" for v in finite):
                return True  # "could be seen surrounding the hotel": what was witnessed then
            # passé composé / present perfect: a present auxiliary of the perfect on a past participle
            return "VerbForm=Part" in t.morph and "Tense=Past" in t.morph and any(
                a.lemma.lower() in _PERFECT_AUX and a.dep.startswith("aux") for a in finite)
        if t.head == t.i or (t.pos in {"VERB", "AUX"} and t.dep not in _NONFINITE_UP):
            return False
        t = tokens[t.head]
    return False


def passe_simple(v) -> bool:
    """« arrêta », « annonça », « mangea », « arrêtèrent »: the French simple past of a verb in -er,
    which the tagger reads as a present (the present is « arrête »)."""
    lemma, text = v.lemma.lower(), v.text.lower()
    if v.pos not in {"VERB", "AUX"} or not lemma.endswith("er") or len(lemma) < 4:
        return False
    stem = lemma[:-2]
    stems = {stem, stem[:-1] + "ç" if stem.endswith("c") else stem, stem + "e" if stem.endswith("g") else stem}
    return any(text in {s + "a", s + "èrent"} for s in stems)


def in_opinion(linked: LinkedDocument, verb, cues) -> bool:
    """A clause that says what someone thinks: the relative clause or complement of an opinion
    noun (« c'est l'avis de X, pour qui ... », "the view of X, who believes ...")."""
    if not verb.dep.startswith(("acl", "advcl", "ccomp")) or verb.head == verb.i:
        return False
    return "opinion" in cues.kinds(linked.parse.tokens[verb.head].lemma.lower())


def own_date(linked: LinkedDocument, head: int, dates: tuple[DateValue, ...]) -> DateValue | None:
    """An explicit date (a day or year in figures) inside the noun's own phrase (« la destruction
    des mausolées depuis le 30 juin », "the 2015 attack"), not across a clause of its own; not a
    relative one ("last month's invasion"), which situates rather than dates."""
    parse = linked.parse
    noun = parse.tokens[head]
    sent = parse.sentences[noun.sent]
    for d in dates:
        if d.start is None or not sent.start <= d.start < sent.end or not any(c.isdigit() for c in d.text or ""):
            continue
        words = linked.tokens_in(d.start, d.end if d.end is not None else d.start + 1)
        for w in words:
            t = w
            for _ in range(4):
                if t.i == head:
                    return d
                if t.head == t.i or (t.pos in {"VERB", "AUX"} and t.i != w.i):
                    break
                t = parse.tokens[t.head]
    return None


def period_end(date: DateValue) -> dt.date | None:
    """The last day the date's value covers (a year's 31 December, a month's last day)."""
    value = date.value or ""
    try:
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day + dt.timedelta(days=6) if date.precision == "week" else day
