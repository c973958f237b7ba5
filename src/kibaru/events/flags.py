"""PLOVER's auxiliary modes from morphology, auxiliaries and governing words.

negated: a negation on the trigger or the verb above it, or a denial verb governing it;
hypothetical: conditional mood, "si"/"if", modal "pouvoir"/could/would/might/may;
future: future tense, "aller" + infinitive, will/shall, a plan or intention verb governing it;
historical: pluperfect ("avait affirmé"), "déjà", "rappeler que", "à la suite de"/"after", or a
trigger inside the clause of a historical event.
Sequence of tenses: under a speech verb told in the past ("said it had killed", « a affirmé qu'il
avait tué »), the pluperfect is the reported event itself, not background, and "would" or the
French conditional ("announced it would close", « a annoncé qu'il fermerait ») is the future seen
from the past: future, not hypothetical (an "if"/« si » clause keeps it hypothetical).
The French journalistic conditional (« l'armée aurait tué dix civils ») reports an unconfirmed past
event: not hypothetical, unless a « si » clause, a modal (« aurait pu ») or « sans ... » makes it one.
The cue words are data (``lexicons/cues_*.tsv``); the grammar is here.
"""
from __future__ import annotations

from kibaru.link.linked import LinkedDocument
from kibaru.model import Flags, Token

_NEG_WORDS = frozenset({"pas", "jamais", "aucun", "aucune", "nullement", "not", "never", "n't", "no"})
_CLAUSE_UP = frozenset({"xcomp", "ccomp", "obj", "dobj", "nmod", "acl", "advcl", "pobj", "prep",
                        "obl", "obl:arg", "obl:mod", "conj"})
_BACKGROUND_PREPS = frozenset({"après", "suite", "after", "following", "since", "depuis"})
# "could be seen surrounding the hotel", "can be heard", « on pouvait voir »: a modal of ability on a
# verb of perception says what was witnessed, not what might happen
_ABILITY_MODALS = frozenset({"could", "can", "pouvoir"})
_PERCEPTION = frozenset({"see", "hear", "observe", "watch", "spot", "notice", "witness", "feel",
                         "voir", "entendre", "observer", "apercevoir", "remarquer", "constater"})


def compute_flags(linked: LinkedDocument, head: int, cues, trigger_flag: str = "") -> tuple[Flags, tuple[str, ...]]:
    chain = _governing_chain(linked, head)
    why: list[str] = []
    neg = hyp = fut = hist = False
    reported = _reported_in_past(linked, chain, cues)
    for depth, t in enumerate(chain):
        kids = linked.children(t.i)
        if depth == 0 or t.pos in {"VERB", "AUX"}:
            if any(c.lemma.lower() in _NEG_WORDS or c.dep == "neg" for c in kids) and depth <= 1:
                neg = True
                why.append(f"negation on {t.text!r}")
        if depth > 0 and "negation" in cues.kinds(t.lemma.lower()):
            neg = True
            why.append(f"denial verb {t.text!r}")
        auxes = [c for c in kids if c.dep.startswith("aux")] + ([t] if t.pos == "AUX" else [])
        if t.lemma.lower() in _PERCEPTION:
            auxes = [c for c in auxes if c.lemma.lower() not in _ABILITY_MODALS]
            if any(c.lemma.lower() in _ABILITY_MODALS for c in kids if c.dep.startswith("aux")):
                why.append(f"{t.text!r} with a modal of ability: witnessed, not hypothetical")
        if depth <= 1:
            conditional = [x for x in (t, *auxes) if _conditional(x) and (
                x.lemma.lower() not in _ABILITY_MODALS or t.lemma.lower() not in _PERCEPTION)]
            conditional += [c for c in auxes if c.lemma.lower() in {"could", "would", "might", "may"}]
            if_clause = any(c.dep == "mark" and c.lemma.lower() in {"si", "if", "unless"} for c in kids)
            if conditional and reported is not None and not if_clause and all(
                    _future_in_past(x, t) for x in conditional) and not _condition_above(linked, t) \
                    and not any(c.lemma.lower() == "have" for c in auxes):
                fut = True
                why.append(f"{conditional[0].text!r} under {reported.text!r}: the future seen from the past")
            elif conditional and not if_clause and _hearsay(linked, t, auxes, conditional):
                why.append(f"{conditional[0].text!r} {t.text!r}: the journalistic conditional, a reported "
                           f"past event, not a hypothesis")
            elif conditional:
                hyp = True
                why.append(f"conditional {t.text!r}")
            if if_clause:
                hyp = True
                why.append("'si'/'if' clause")
            if any("Tense=Fut" in x.morph for x in (t, *auxes)) or any(
                    c.lemma.lower() in {"will", "shall", "'ll"} for c in auxes):
                fut = True
                why.append(f"future tense {t.text!r}")
            if any(c.lemma.lower() == "aller" and "Tense=Pres" in c.morph for c in auxes):
                fut = True
                why.append("'aller' + infinitive")
            if _pluperfect(t, auxes):
                if reported is None:
                    hist = True
                    why.append(f"pluperfect {t.text!r}")
                else:
                    why.append(f"pluperfect {t.text!r} under {reported.text!r}: the reported event itself")
            if any(c.lemma.lower() in {"déjà", "previously", "already"} for c in kids):
                hist = True
                why.append("'déjà'/'previously'")
        if depth > 0:
            kinds = cues.kinds(t.lemma.lower())
            if "hypothetical" in kinds and depth <= 2 and not (
                    t.lemma.lower() in _ABILITY_MODALS and chain[depth - 1].lemma.lower() in _PERCEPTION):
                hyp = True
                why.append(f"modal {t.text!r}")
            if "future" in kinds and depth <= 2 and not _past(linked, t):
                fut = True
                why.append(f"plan verb {t.text!r}")
            if "historical" in kinds:
                hist = True
                why.append(f"recall verb {t.text!r}")
    if in_background_phrase(linked, head):
        hist = True
        why.append("inside 'à la suite de'/'after' phrase")
    if trigger_flag == "future":
        fut = True
        why.append("trigger implies future")
    elif trigger_flag == "negated":
        neg = True
        why.append("trigger implies denial")
    return Flags(negated=neg, hypothetical=hyp, future=fut, historical=hist), tuple(why)


def _governing_chain(linked: LinkedDocument, head: int) -> list[Token]:
    """The trigger, then the words it depends on up to the clause's verb and one verb above."""
    tokens = linked.parse.tokens
    out = [tokens[head]]
    t = tokens[head]
    verbs = 0
    while t.head != t.i and len(out) < 6:
        if t.dep not in _CLAUSE_UP and not t.dep.startswith("obl") and not t.dep.startswith("advcl"):
            break
        t = tokens[t.head]
        out.append(t)
        if t.pos in {"VERB", "AUX"}:
            verbs += 1
            if verbs >= 2:
                break
    return out


_COMPOUND_AUX = frozenset({"avoir", "être", "have", "be"})
_CONDITIONAL_ENDINGS = ("ait", "aient", "ais", "ions", "iez")


def _conditional(t: Token) -> bool:
    """The conditional mood; the French tagger reads « fermerait » as an imperfect, so also a verb
    built on its infinitive (« fermer-ait », « prendr-ait »), which the imperfect never is."""
    if "Mood=Cnd" in t.morph:
        return True
    if t.pos not in {"VERB", "AUX"} or "VerbForm=Fin" not in t.morph or "Tense=Imp" not in t.morph:
        return False
    text, lemma = t.text.lower(), t.lemma.lower()
    if not lemma.endswith(("er", "ir", "re")):
        return False
    stem = lemma[:-1] if lemma.endswith("re") else lemma
    return text.startswith(stem) and text[len(stem):] in _CONDITIONAL_ENDINGS


def _future_in_past(x: Token, verb: Token) -> bool:
    """"would" or a plain conditional verb; not could/might/may or « pourrait » (possibility), and
    not a compound conditional ("would have", « aurait tué »: what might have been, or hearsay)."""
    lemma = x.lemma.lower()
    if lemma in {"could", "might", "may", "pouvoir", "devoir", "should"}:
        return False
    if x is not verb and lemma in _COMPOUND_AUX and x.lemma.lower() != "would":
        return False
    return not (x is verb and "VerbForm=Part" in verb.morph)


def _reported_in_past(linked: LinkedDocument, chain: list[Token], cues) -> Token | None:
    """The speech verb told in the past ("said", « a affirmé », « annonçait ») whose complement
    clause holds the trigger, or None."""
    tokens = linked.parse.tokens
    clause = next((t for t in chain if t.pos in {"VERB", "AUX"}), None)
    if clause is None or clause.dep not in {"ccomp"} or clause.head == clause.i:
        return None
    speech = tokens[clause.head]
    if "speech" not in cues.kinds(speech.lemma.lower()) or "historical" in cues.kinds(speech.lemma.lower()):
        return None
    if _past(linked, speech) or ("Tense=Imp" in speech.morph and "VerbForm=Fin" in speech.morph):
        return speech
    return None


# « aurait pu attaquer », « aurait dû », « aurait voulu »: what might have been, not hearsay
_MODAL_VERBS = frozenset({"pouvoir", "devoir", "vouloir", "falloir", "aimer", "préférer", "souhaiter"})
# « sans l'intervention de la France, Bamako serait tombé », « sinon », « autrement »: a counterfactual
_COUNTERFACTUAL = frozenset({"sans", "sinon", "autrement", "faute"})


def _hearsay(linked: LinkedDocument, t: Token, auxes: list[Token], conditional: list[Token]) -> bool:
    """The French journalistic conditional: « l'armée aurait tué dix civils », « des soldats
    auraient exécuté trois bergers » report an unconfirmed past event, they do not suppose one.
    Only the compound conditional (« avoir »/« être » in the conditional + past participle), with no
    « si » clause on it or on the clause above, no counterfactual « sans ... »/« sinon », and not a
    modal (« aurait pu frapper » is what might have been). English "would have" is counterfactual."""
    if "VerbForm=Part" not in t.morph or t.lemma.lower() in _MODAL_VERBS:
        return False
    if not conditional or any(x is t or x.lemma.lower() not in {"avoir", "être"} for x in conditional):
        return False
    if not any(a.lemma.lower() in {"avoir", "être"} and _conditional(a) for a in auxes):
        return False
    tokens = linked.parse.tokens
    if any(w.sent == t.sent and w.dep == "mark" and w.lemma.lower() in {"si", "if"} for w in tokens):
        return False  # « Si le Bénin avait refusé, le Niger aurait bombardé »: however it is parsed
    k = t
    for _ in range(4):
        # « sinon » on the verb, or « sans » on one of its phrases
        if _condition_above(linked, k) or any(w.lemma.lower() in _COUNTERFACTUAL and w.dep in {"case", "mark", "advmod"}
                                              for c in linked.children(k.i) for w in (c, *linked.children(c.i))):
            return False
        if k.head == k.i:
            break
        k = tokens[k.head]
    return True


def _condition_above(linked: LinkedDocument, t: Token) -> bool:
    """An "if"/« si » clause hanging from the verb: "said it would attack if Kyiv joined"."""
    for c in linked.children(t.i):
        if c.dep.startswith("advcl") and any(k.dep == "mark" and k.lemma.lower() in {"si", "if", "unless"}
                                              for k in linked.children(c.i)):
            return True
    return False


def _past(linked: LinkedDocument, t: Token) -> bool:
    """"a annoncé", "annonça", "announced": a plan told in the past is not a future event."""
    if "Tense=Past" in t.morph and "VerbForm=Part" not in t.morph:
        return True
    if any(c.dep.startswith("aux") for c in linked.children(t.i)) and "VerbForm=Part" in t.morph:
        return True
    return t.text.lower().endswith("ed") and "Tense=Past" in t.morph


def _pluperfect(t: Token, auxes: list[Token]) -> bool:
    if "VerbForm=Part" not in t.morph and t.pos != "VERB":
        return False
    for a in auxes:
        lemma = a.lemma.lower()
        if lemma in {"avoir", "être"} and "Tense=Imp" in a.morph:
            return True
        if lemma == "have" and a.text.lower() in {"had", "'d"}:
            return True
    return False


def in_background_phrase(linked: LinkedDocument, head: int) -> bool:
    tokens = linked.parse.tokens
    t = tokens[head]
    if t.pos not in {"NOUN", "PROPN"}:
        return False
    for c in linked.children(t.i):
        if c.dep in {"case", "mark"} and c.lemma.lower() in _BACKGROUND_PREPS:
            return True
    # "à la suite de X": X hangs from "suite"
    parent = tokens[t.head]
    if parent.lemma.lower() in _BACKGROUND_PREPS or (t.dep == "pobj" and parent.lemma.lower() in _BACKGROUND_PREPS):
        return True
    return any(tokens[k].lemma.lower() == "suite" and tokens[k + 1].lemma.lower() in {"de", "à"}
               for k in range(max(0, head - 4), head - 1) if k + 1 < len(tokens))
