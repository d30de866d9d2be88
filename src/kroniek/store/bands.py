"""Locality-sensitive band keys of a MinHash signature, kept in the store (``minhash_bands``).

A near-duplicate's candidates are the stored originals that share a band key with it; the store
answers that with an index lookup, so ingest holds no in-memory LSH index that grows with the
store, and every process sees every other process's originals as soon as they commit.

The layout is fixed (16 bands of 4 values for a 64-value signature), whatever ``--near-threshold``
says: a pair with Jaccard 0.8 shares a band with probability 0.9998, 0.5 with 0.64, 0.3 with
0.12 (candidates are then checked on their whole signature, so a looser layout costs only a few
comparisons).
"""

from __future__ import annotations

import hashlib

BANDS = 16


def band_keys(signature: bytes, bands: int = BANDS) -> list[int]:
    """One signed 64-bit key per band (fits SQLite INTEGER and PostgreSQL BIGINT)."""
    if not signature:
        return []
    width = max(4, (len(signature) // bands) // 4 * 4)
    out = []
    for i, start in enumerate(range(0, len(signature), width)):
        digest = hashlib.blake2b(bytes([i]) + signature[start : start + width], digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out
