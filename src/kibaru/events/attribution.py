"""Who says so: "selon X", "d'après X", "according to X", a speech verb above the event, a quotation
and its speaker, "lit-on dans le communiqué", "la même source", a following sentence that only
names the source ("L'information a été donnée par une source proche de la présidence."), what a
source describes an event as, a pronoun going on for the speaker before ("He added that ..."), the
rest of a quotation, and a sentence restated by a quotation of its own subject right after it.
"""
from __future__ import annotations

import re

from kibaru.link.arguments import resolve_argument
from kibaru.link.linked import LinkedDocument
from kibaru.model import Attribution, Sentence, Token

_QUOTES = re.compile(r"«([^»]{3,})»|“([^”]{3,})”|\"([^\"]{3,})\"")
_SAME_SOURCE = re.compile(r"(?i)\b(la même source|the same source)\b")
_SOURCE_PREPS = frozenset({"selon", "d'après", "according", "citing"})
# how far up from the trigger a speech verb may stand: "Kenyan authorities have since banned
# civilians from traveling, says the commissioner" hangs the ban five words below "says"
_HOPS = 6
_THIRD_PERSON = frozenset({"he", "she", "they", "il", "elle", "ils", "elles"})
# verbs that name an event for what it is said to be: "what officials describe as ..."
_DESCRIBE = frozenset({"describe", "characterize", "characterise", "décrire", "qualifier", "présenter"})
_CONTINUATION = frozenset({"aussi", "également", "ailleurs", "outre", "plus", "also", "moreover",
                           "furthermore", "additionally"})


def sentence_sources(linked: LinkedDocument, cues, event_sentences: set[int] = frozenset()) -> list[Attribution | None]:
    """The explicit source of each sentence, carried where the text carries it.

    A sentence that only names a source ("L'information a été donnée par une source proche de la
    présidence.") is the source of the sentence before it."""
    out: list[Attribution | None] = []
    speakers: list[Attribution | None] = []
    last: Attribution | None = None
    for n, sent in enumerate(linked.parse.sentences):
        reporting = _reporting_clause(linked, sent, cues)
        if reporting is not None and n not in event_sentences and n and out[-1] is None:
            out[-1] = reporting
        text = linked.parse.document.text[sent.start:sent.end]
        same = _SAME_SOURCE.search(text) if last is not None else None
        if same:  # "selon la même source": the words here, the source named before
            local = _selon(linked, sent)
            words = local.text if local is not None and _SAME_SOURCE.search(local.text or "") else same.group()
            found = Attribution(last.source, words, None)
        else:
            found = _selon(linked, sent) or reporting or _lit_on(linked, sent)
        if found is None and n and out[-1] is not None and _continues(linked, sent):
            found = out[-1]
        if found is None and n:
            found = _carried(linked, sent, cues, out[-1], speakers[-1])
        out.append(found)
        speakers.append(found or _named_speaker(linked, sent, cues))
        if found is not None:
            last = found
    for n, sent in enumerate(linked.parse.sentences[:-1]):
        if out[n] is None:
            out[n] = _restated_next(linked, sent, linked.parse.sentences[n + 1], cues)
    return out


def _speech_of(linked: LinkedDocument, sent: Sentence, cues) -> tuple[Token, Token] | None:
    """The speech verb heading the sentence ("X said ...", "“...,” X said", « ..., a déclaré X »)
    and its subject."""
    tokens = linked.parse.tokens
    for root in (t for t in tokens[sent.first:sent.last] if t.head == t.i):
        for v in (root, *(c for c in linked.children(root.i) if c.dep == "parataxis" or _set_off(linked, c))):
            if v.pos != "VERB" or "speech" not in cues.verb_kinds(v):
                continue
            kids = linked.children(v.i)
            subject = next((c for c in kids if c.dep == "nsubj"), None)
            if subject is None and _set_off(linked, v):
                subject = next((c for c in kids if c.dep == "obj" and c.i > v.i), None)
            if subject is not None:
                return v, subject
    return None


def _set_off(linked: LinkedDocument, v: Token) -> bool:
    """« ..., ont déclaré les dirigeants »: a speech verb after a comma, its auxiliaries included."""
    if v.dep not in {"parataxis", "advcl", "conj"}:
        return False
    tokens = linked.parse.tokens
    first = min([v.i] + [c.i for c in linked.children(v.i) if c.dep.startswith("aux") and c.i < v.i])
    return first > 0 and tokens[first - 1].text == ","


def _named_speaker(linked: LinkedDocument, sent: Sentence, cues) -> Attribution | None:
    found = _speech_of(linked, sent, cues)
    if found is None or found[1].pos == "PRON":
        return None
    ids = _speaker_ids(linked, found[1].i)
    return Attribution(_speaker_id(linked, ids), _phrase_text(linked, found[1].i), None)


def _carried(linked: LinkedDocument, sent: Sentence, cues, before: Attribution | None,
             speaker: Attribution | None) -> Attribution | None:
    """What a sentence with no source of its own takes from the one before: the rest of a quotation
    opened there ("According to the army, “... . The soldiers then ...”"); the speaker named there
    when a pronoun goes on speaking ("He added that ...", « Il a ajouté que ... ») or goes on
    being quoted ("They called on Chad “to close its border.”")."""
    text = linked.parse.document.text
    if before is not None and any(m.start() < sent.start < m.end()
                                  for m in _QUOTES.finditer(text, max(0, sent.start - 2000), min(len(text), sent.end + 2000))
                                  if m.start() < sent.start):
        return before
    if speaker is None:
        return None
    said = _speech_of(linked, sent, cues)
    if said is not None:
        verb, subject = said
        if subject.text.lower() in _THIRD_PERSON:
            start, end = min(subject.start, verb.start), max(subject.end, verb.end)
            return Attribution(speaker.source, text[start:end], None)
        return None
    tokens = linked.parse.tokens
    subjects = [c for t in tokens[sent.first:sent.last] if t.head == t.i for c in linked.children(t.i)
                if c.dep.startswith("nsubj")]
    if subjects and subjects[0].text.lower() in _THIRD_PERSON and _QUOTES.search(text, sent.start, sent.end):
        return speaker
    return None


def _restated_next(linked: LinkedDocument, sent: Sentence, after: Sentence, cues) -> Attribution | None:
    """"Leaders of the African Union urged Sudan to accept a truce. “We asked ...,” the leaders said
    in a statement.": a sentence followed by a quotation of its own subject reports that quotation."""
    text = linked.parse.document.text
    if not text[after.start:after.end].lstrip().startswith(("“", "«", '"')):
        return None
    said = _speech_of(linked, after, cues)
    if said is None or said[1].pos == "PRON":
        return None
    speaker = said[1]
    tokens = linked.parse.tokens
    subject = next((c for t in tokens[sent.first:sent.last] if t.head == t.i for c in linked.children(t.i)
                    if c.dep == "nsubj" and c.pos != "PRON"), None)
    if subject is None:
        return None
    mine, _ = resolve_argument(linked, subject.i)
    theirs, _ = resolve_argument(linked, speaker.i)
    if subject.lemma.lower() == speaker.lemma.lower():
        source = _speaker_id(linked, mine) or _speaker_id(linked, theirs)
    elif set(mine) & set(theirs):
        source = _speaker_id(linked, theirs)
    else:
        return None
    return Attribution(source, _phrase_text(linked, speaker.i), None)


def quote_for(linked: LinkedDocument, sent: Sentence, trigger_start: int) -> str | None:
    text = linked.parse.document.text
    for m in _QUOTES.finditer(text, sent.start, sent.end):
        if m.start() <= trigger_start < m.end():
            return next(g for g in m.groups() if g).strip()
    return None


def speaker_of(linked: LinkedDocument, head: int, cues, actor: tuple[str, ...],
               triggers: frozenset[int] | set[int] = frozenset()) -> Attribution | None:
    """A speech verb above the trigger ("X a déclaré que ..."), the actor citing itself included."""
    tokens = linked.parse.tokens
    t = tokens[head]
    for _ in range(_HOPS):
        if t.head == t.i:
            return _root_speaker(linked, head, cues, triggers)
        dep, child = t.dep, t
        t = tokens[t.head]
        if t.i in triggers:  # "accusé de ...": an event verb, not a reporting one
            return None
        if dep in {"ccomp", "parataxis", "xcomp", "advcl", "conj"} and "speech" in cues.verb_kinds(t):
            for c in linked.children(t.i):
                if c.dep in {"nsubj", "obl:agent"}:
                    if c.pos == "PRON" or c.lemma.lower() in {"dernier", "dernière", "latter"}:
                        return None  # a pronoun names no source
                    # "the army said it killed ...": a party citing its own act is still the source
                    ids = _speaker_ids(linked, c.i)
                    phrase = _phrase_text(linked, c.i)
                    return Attribution(_speaker_id(linked, ids), phrase, None)
            return None
        if _described_as(linked, child, t):
            # "killed in what U.S. and Iraqi officials describe as a joint operation"
            subject = next((c for c in linked.children(t.i) if c.dep == "nsubj" and c.pos != "PRON"), None)
            if subject is None:
                return None
            ids = _speaker_ids(linked, subject.i)
            return Attribution(_speaker_id(linked, ids), _phrase_text(linked, subject.i), None)
    return _root_speaker(linked, head, cues, triggers)


def _described_as(linked: LinkedDocument, child: Token, verb: Token) -> bool:
    """The event named as what someone calls it: "what officials describe as a joint operation",
    « ce que les autorités décrivent comme une opération conjointe »."""
    if verb.lemma.lower() not in _DESCRIBE:
        return False
    if child.dep == "prep":
        return child.text.lower() == "as"
    return child.dep.startswith("obl") and any(k.dep == "case" and k.text.lower() in {"comme", "de"}
                                               for k in linked.children(child.i))


def _root_speaker(linked: LinkedDocument, head: int, cues, triggers) -> Attribution | None:
    """"Rubio told reporters during a visit to Dakar that he believes the two will meet": when the
    parse hangs the reported clause off a noun, the named subject of the sentence's speech verb is
    still the source of what follows it in a clause below it."""
    tokens = linked.parse.tokens
    t, clause = tokens[head], False
    for _ in range(_HOPS + 2):
        if t.head == t.i:
            break
        clause = clause or t.dep in {"ccomp", "relcl", "advcl", "acl", "acl:relcl"}
        t = tokens[t.head]
        if t.i in triggers:
            return None
    else:
        return None
    if t.i == head or t.i > head or not clause or t.pos != "VERB" or "speech" not in cues.verb_kinds(t):
        return None
    subject = next((c for c in linked.children(t.i) if c.dep == "nsubj"), None)
    if subject is None or subject.pos == "PRON":
        return None
    ids = _speaker_ids(linked, subject.i)
    return Attribution(_speaker_id(linked, ids), _phrase_text(linked, subject.i), None)


def quoted_speaker(linked: LinkedDocument, head: int, cues) -> Attribution | None:
    """"“They stormed the hotel at dawn. Five people were killed,” the lawmaker said.": a quotation
    running over several sentences is the words of the speaker named right after it closes."""
    parse = linked.parse
    text, tokens = parse.document.text, parse.tokens
    at = tokens[head].start
    sent = parse.sentences[tokens[head].sent]
    for m in _QUOTES.finditer(text, max(0, sent.start - 2000), min(len(text), sent.end + 2000)):
        if m.end() <= at:
            continue
        if m.start() > at:
            return None
        words = next(g for g in m.groups() if g)
        if "\n" in words or "“" in words or "«" in words:
            return None
        after = linked.tokens_in(m.end(), min(len(text), m.end() + 80))
        after = [t for t in after if t.sent == after[0].sent]
        for t in after[:6]:
            if t.pos == "VERB" and "speech" in cues.verb_kinds(t):
                for c in linked.children(t.i):
                    if c.dep in {"nsubj", "nsubj:pass"} and c.i > tokens[head].i:
                        if c.pos == "PRON":
                            return None
                        ids = _speaker_ids(linked, c.i)
                        return Attribution(_speaker_id(linked, ids), _phrase_text(linked, c.i), words.strip(" ,"))
                return None
        return None
    return None


def postposed_speaker(linked: LinkedDocument, head: int, cues, actor: tuple[str, ...]) -> Attribution | None:
    """"Le Niger a attaqué le Bénin, a indiqué Reuters": a speech verb after the event's clause,
    hanging from it (parataxis) or heading it, with its subject after it."""
    tokens = linked.parse.tokens
    t = tokens[head]
    while t.pos not in {"VERB", "AUX"} and t.head != t.i:
        t = tokens[t.head]
    candidates = [c for c in linked.children(t.i) if c.i > head and c.dep in {"parataxis", "conj", "advcl", "ccomp"}]
    if t.head != t.i and tokens[t.head].i > head:
        candidates.append(tokens[t.head])
    for v in candidates:
        if "speech" not in cues.verb_kinds(v):
            continue
        kids = linked.children(v.i)
        # « ..., affirme le gouverneur »: the parser often takes the inverted subject of an
        # incise for an object; a speech verb with no subject of its own speaks through it
        subject_deps = {"nsubj", "nsubj:pass"} if any(c.dep.startswith("nsubj") for c in kids) \
            or not _incise(linked, v, governs=v.i == t.head) else {"obj", "xcomp"}
        for c in kids:
            if c.dep in subject_deps and c.pos != "PRON" and c.i > head \
                    and c.lemma.lower() not in {"dernier", "dernière", "latter"}:
                ids = _speaker_ids(linked, c.i)
                return Attribution(_speaker_id(linked, ids), _phrase_text(linked, c.i), None)
    return None


def _speaker_ids(linked: LinkedDocument, i: int) -> tuple[str, ...]:
    """Who a speaker phrase names. "Leaders of the African Union met on Monday. “...,” the leaders
    said": a speaker named by a common noun alone, which would go to the document's main state
    for want of one named in its phrase, is the same noun named with its body just before."""
    ids, why = resolve_argument(linked, i)
    if "the document's main state" not in why:
        return ids
    tokens = linked.parse.tokens
    t = tokens[i]
    if t.pos != "NOUN":
        return ids
    first = linked.parse.sentences[max(0, t.sent - 2)].first
    for k in range(i - 1, first - 1, -1):
        other = tokens[k]
        if other.pos == "NOUN" and other.lemma.lower() == t.lemma.lower():
            theirs, how = resolve_argument(linked, k)
            if theirs and "the document's main state" not in how:
                return theirs
            break
    return ids


def _speaker_id(linked: LinkedDocument, ids) -> str | None:
    """"the governor of Gao said": a place named inside the speaker's title is not who speaks."""
    return next((e for e in ids if linked.entity_type(e) not in {"location", "facility"}), None)


def _incise(linked: LinkedDocument, v: Token, governs: bool = False) -> bool:
    """", affirme le gouverneur", ", a indiqué le ministre", ", said the minister": a speech verb
    set off by a comma, its auxiliaries included, its subject after it; or heading the sentence,
    the event's clause before it (``governs``)."""
    if _set_off(linked, v):
        return True
    tokens = linked.parse.tokens
    first = min([v.i] + [c.i for c in linked.children(v.i) if c.dep.startswith("aux") and c.i < v.i])
    return governs and first > 0 and tokens[first - 1].text == ","


def _selon(linked: LinkedDocument, sent: Sentence) -> Attribution | None:
    tokens = linked.parse.tokens
    text = linked.parse.document.text
    for t in tokens[sent.first:sent.last]:
        low = t.text.lower()
        if low in _SOURCE_PREPS or (low == "après" and t.i > 0 and tokens[t.i - 1].text.lower() in {"d'", "d’"}):
            start = tokens[t.i - 1].start if low == "après" else t.start
            noun = _object_of(linked, t)
            if noun is None:
                continue
            ids, _ = resolve_argument(linked, noun)
            end = _first_apposition_end(text, start, _subtree_end(linked, noun, sent))
            return Attribution(ids[0] if ids else _inner_entity(linked, noun, sent), text[start:end].strip(" ,"), None)
    return None


def _first_apposition_end(text: str, start: int, end: int) -> int:
    """"selon X, un média proche de Moscou, la porte-parole ...": the source and one apposition."""
    commas = [k for k in range(start, end) if text[k] == ","]
    return commas[1] if len(commas) >= 2 else end


def _reporting_clause(linked: LinkedDocument, sent: Sentence, cues) -> Attribution | None:
    """'L'information a été donnée par une source ...', 'a indiqué une source ...'."""
    tokens = linked.parse.tokens
    for t in tokens[sent.first:sent.last]:
        if t.lemma.lower() in {"source", "sources"} and t.pos == "NOUN":
            start = t.start
            for c in linked.children(t.i):
                if c.dep == "det" and c.i < t.i:
                    start = min(start, c.start)
            end = _subtree_end(linked, t.i, sent)
            ids, _ = resolve_argument(linked, t.i)
            return Attribution(ids[0] if ids else None, linked.parse.document.text[start:end].strip(" ,."), None)
    return None


def _lit_on(linked: LinkedDocument, sent: Sentence) -> Attribution | None:
    text = linked.parse.document.text[sent.start:sent.end]
    m = re.search(r"(?i)(lit-on|peut-on lire|indique-t-on)[^.«»\"]*|said in a (?:joint )?statement|according to a statement", text)
    if not m:
        return None
    phrase = m.group().strip(" ,.")  # the English phrases end at "statement", not at the clause's end
    start = sent.start + m.start()
    ids = [linked.token_entity[t.i] for t in linked.tokens_in(start, start + len(phrase))
           if t.i in linked.token_entity]
    return Attribution(ids[-1] if ids else None, phrase, None)


def _continues(linked: LinkedDocument, sent: Sentence) -> bool:
    first = [t for t in linked.parse.tokens[sent.first:min(sent.last, sent.first + 3)] if t.pos != "PUNCT"]
    return bool(first) and first[0].text.lower() in _CONTINUATION


def _object_of(linked: LinkedDocument, prep: Token) -> int | None:
    tokens = linked.parse.tokens
    if prep.dep == "case":
        return prep.head
    for c in linked.children(prep.i):
        if c.dep == "pobj":
            return c.i
        if c.dep == "prep":  # "according to X"
            for g in linked.children(c.i):
                if g.dep == "pobj":
                    return g.i
    # "D'après une source sécuritaire": the first noun after the preposition
    for k in range(prep.i + 1, min(len(tokens), prep.i + 5)):
        if tokens[k].sent != prep.sent:
            break
        if tokens[k].pos in {"NOUN", "PROPN"}:
            return k
    return None


def _subtree_end(linked: LinkedDocument, i: int, sent: Sentence) -> int:
    end = linked.parse.tokens[i].end
    stack = [i]
    while stack:
        for c in linked.children(stack.pop()):
            if c.dep == "punct" and c.text in {".", "»", "«"}:
                continue
            end = max(end, c.end)
            stack.append(c.i)
    return min(end, sent.end)


def _phrase_text(linked: LinkedDocument, i: int) -> str:
    tokens = linked.parse.tokens
    sent = linked.parse.sentences[tokens[i].sent]
    start = tokens[i].start
    stack = [i]
    while stack:
        for c in linked.children(stack.pop()):
            start = min(start, c.start)
            stack.append(c.i)
    return linked.parse.document.text[start:_subtree_end(linked, i, sent)]


def _inner_entity(linked: LinkedDocument, i: int, sent: Sentence) -> str | None:
    start, end = linked.parse.tokens[i].start, _subtree_end(linked, i, sent)
    for t in linked.tokens_in(start, end):
        if t.i in linked.token_entity:
            return linked.token_entity[t.i]
    return None
