"""Near-duplicate articles: MinHash over word shingles, LSH to find candidates, then a check.

A wire story reprinted by several sites, with a changed headline or a trimmed last paragraph, has a
different content hash but is one source. Such a document is stored with ``duplicate_of`` pointing to
the original (the first one stored), so counts of articles and outlets do not count it again.

Candidates among stored documents come from the ``doc_bands`` table (the same LSH bands that
``datasketch.MinHashLSH`` would index), candidates within the batch from a ``MinHashLSH``; in both
cases the estimated Jaccard similarity must then reach the threshold.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from kibaru.store.keys import fold_name


@dataclass(frozen=True, slots=True)
class DedupSettings:
    num_perm: int = 128
    threshold: float = 0.8  # estimated Jaccard similarity of word shingles
    shingle_words: int = 5
    min_words: int = 20  # shorter texts share too many shingles by chance to call them reprints
    # Pinned: stored signatures are only comparable with signatures made by the same scheme and seed.
    scheme: str = "affine32"
    seed: int = 1


@dataclass(frozen=True, slots=True)
class Signed:
    """A new document with its MinHash signature and LSH band hashes (empty when too short)."""

    doc_key: str
    signature: np.ndarray | None
    bands: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored near-duplicate candidate: its signature and the original it already points to."""

    doc_key: str
    signature: np.ndarray
    root: str


@lru_cache(maxsize=8)
def lsh_shape(settings: DedupSettings) -> tuple[int, int]:
    """(bands, rows per band) that MinHashLSH picks for the threshold: one place decides it.

    Cached: MinHashLSH finds them by numerical integration, ~25 ms a call."""
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    return lsh.b, lsh.r


def shingles(text: str, size: int) -> set[bytes]:
    words = fold_name(text).split()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(1, len(words) - size + 1))}


def sign(doc_key: str, text: str, settings: DedupSettings) -> Signed:
    if len(text.split()) < settings.min_words:
        return Signed(doc_key, None, ())
    minhash = _minhash(settings)
    minhash.update_batch(list(shingles(text, settings.shingle_words)))
    signature = minhash.hashvalues.astype(np.uint32)
    return Signed(doc_key, signature, band_hashes(signature, *lsh_shape(settings)))


@lru_cache(maxsize=8)
def _permutations(settings: DedupSettings) -> object:
    """Drawn once per settings; MinHash would otherwise redraw them for every document."""
    return MinHash(num_perm=settings.num_perm, seed=settings.seed,
                   scheme=settings.scheme).permutations


def _minhash(settings: DedupSettings, signature: np.ndarray | None = None) -> MinHash:
    return MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme=settings.scheme,
                   hashvalues=signature, permutations=_permutations(settings))


def band_hashes(signature: np.ndarray, bands: int, rows: int) -> tuple[int, ...]:
    """One signed 64-bit hash per band; the band number is hashed in so bands never collide."""
    out = []
    for b in range(bands):
        chunk = signature[b * rows:(b + 1) * rows].tobytes() + b.to_bytes(2, "little")
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little",
                                  signed=True))
    return tuple(out)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def link_duplicates(new: list[Signed], stored: list[Stored],
                    settings: DedupSettings) -> dict[str, tuple[str, float]]:
    """``{doc_key: (original doc_key, similarity)}`` for each new document that reprints another.

    New documents are taken in order, so within a batch the first copy is the original; a document
    that matches a reprint points to that reprint's original, never to a chain.
    """
    bands, rows = lsh_shape(settings)
    lsh = MinHashLSH(num_perm=settings.num_perm, params=(bands, rows))
    signatures: dict[str, np.ndarray] = {}
    roots: dict[str, str] = {}
    for s in stored:
        lsh.insert(s.doc_key, _minhash(settings, s.signature))
        signatures[s.doc_key], roots[s.doc_key] = s.signature, s.root
    found: dict[str, tuple[str, float]] = {}
    for doc in new:
        if doc.signature is None:
            continue
        minhash = _minhash(settings, doc.signature)
        best: tuple[float, str] | None = None
        for candidate in lsh.query(minhash):
            score = similarity(doc.signature, signatures[candidate])
            if score >= settings.threshold and (best is None or (score, candidate) > best):
                best = (score, candidate)
        if best is not None:
            found[doc.doc_key] = (roots[best[1]], best[0])
        roots[doc.doc_key] = found[doc.doc_key][0] if doc.doc_key in found else doc.doc_key
        signatures[doc.doc_key] = doc.signature
        if doc.doc_key not in lsh:
            lsh.insert(doc.doc_key, minhash)
    return found
