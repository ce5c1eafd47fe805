"""Typo correction: a query word the index lacks, or holds in very few releases, becomes the
closest index term.

The same rule runs in Python (`dateline search`) and in the browser (correct.js), so both
correct a query alike. Candidates are the index's own terms (any text field, live releases
only) that are letters only, at least MIN_LENGTH long and start with the word's first
SHARED letters (two: a typo is rarely in the first two, and a lexicon file per two letters stays
small even for a dictionary-sized vocabulary); the nearest by edit distance (at most 1 for words up
to 4 letters, else 2) wins,
then the one in more releases, then the first in code-point order. A stem such as "commiss"
is shown as a real word: each release stores, per stem, the word its text uses most
("commissioning"), and the word most releases use is the term's surface form. The export
writes the candidates as lexicon files, one per first two letters, with document frequency and
surface form, so the browser fetches one small file for a misspelt word.

A misspelling that made it into a release ("drillling" once, "drilling" everywhere) is a
word the index holds, so the first rule would never offer the word the visitor meant. So a
word held by at most FEW releases is corrected too, but only to a term held by at least
RATIO times as many (`least_holders`): a rare real word with no frequent neighbour stays.
The export precomputes these few-match corrections (`few_fixes`) into the shard rows of the
terms files, which the browser reads for a word anyway: knowing a rare word's correction costs
no extra request.
"""

import re
from collections import Counter, defaultdict

from dateline.search.fold import fold
from dateline.search.schema import _ANALYZER, TEXT_FIELDS, WORD_PATTERN

MIN_LENGTH = 3
SHARED = 2  # leading characters a correction shares with the word
FEW = 1  # a word held by at most this many releases is checked for a far commoner neighbour
RATIO = 10  # ... which must be held by at least RATIO times as many releases
_WORDS = re.compile(WORD_PATTERN)


def is_candidate(term: str) -> bool:
    """Whether a term can be a correction (and so belongs in the lexicon)."""
    return len(term) >= MIN_LENGTH and term.isalpha()


def least_holders(holders: int) -> int:
    """Releases a correction must be in, for a word held by `holders` (0: the index lacks it)."""
    return max(1, RATIO * holders)


def max_distance(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of code points, or limit + 1 once it must exceed limit.

    Only the band of cells within `limit` of the diagonal is computed (a cell further off
    is more than `limit` already), so a check costs about (2 * limit + 1) * len(a) steps:
    the export checks every rare term against its common neighbours."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if a == b:
        return 0
    over, width = limit + 1, len(b)
    previous = list(range(width + 1))
    for column in range(limit + 1, width + 1):
        previous[column] = over
    for i, x in enumerate(a, 1):
        low, high = max(1, i - limit), min(width, i + limit)
        current = [over] * (width + 1)
        current[0] = i if i <= limit else over
        best = current[0]
        for j in range(low, high + 1):
            cost = previous[j - 1] + (x != b[j - 1])
            if previous[j] + 1 < cost:
                cost = previous[j] + 1
            if current[j - 1] + 1 < cost:
                cost = current[j - 1] + 1
            current[j] = over if cost > over else cost
            if cost < best:
                best = cost
        if best > limit:
            return over
        previous = current
    return previous[-1]


def best_surface(counts: dict) -> str:
    """The word most releases use; ties: the shorter, then code-point order."""
    return min(counts, key=lambda word: (-counts[word], len(word), word))


def surface_words(*texts) -> dict:
    """{stem: the word this release uses most for it}, where that word is not the stem itself.

    Words are counted first and analysed once per distinct word (a release repeats most of
    its words), in the order they first appear."""
    seen = Counter()
    for text in texts:
        seen.update(_WORDS.findall(fold(text)))
    used, stoplist, stem = defaultdict(Counter), _ANALYZER.stoplist, _ANALYZER.stem
    for word, times in seen.items():
        word = word.lower()
        if len(word) < 2 or word in stoplist:
            continue
        used[stem(word)][word] += times
    chosen = {stem: best_surface(words) for stem, words in used.items()}
    return {stem: word for stem, word in chosen.items() if word != stem}


def surface_of(term: str, holders: int, chosen: Counter) -> str:
    """The surface form of a term held by `holders` releases, `chosen` counting the other
    words releases chose for it (the rest use the term itself)."""
    counts = dict(chosen)
    rest = holders - sum(chosen.values())
    if rest > 0:
        counts[term] = counts.get(term, 0) + rest
    return best_surface(counts) if counts else term


# --- the index side (dateline search) ---------------------------------------------------


def live_holders(reader, term: str) -> set:
    """Docnums of the live releases holding term in any text field."""
    found = set()
    for fieldname in TEXT_FIELDS:
        if (fieldname, term) in reader:
            found.update(reader.postings(fieldname, term).all_ids())
    return found


def nearest_terms(reader, word: str) -> list:
    """(distance, term) of the candidates within reach of word, nearest first."""
    limit, seen, near = max_distance(word), set(), []
    for fieldname in TEXT_FIELDS:
        for raw in reader.expand_prefix(fieldname, word[:SHARED]):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if term in seen or not is_candidate(term):
                continue
            seen.add(term)
            distance = edit_distance(word, term, limit)
            if 0 < distance <= limit:
                near.append((distance, term))
    return sorted(near)


def correction(reader, word: str, at_least: int = 1):
    """(term, surface) the index offers for a word, among terms in at least `at_least` live
    releases, or None."""
    near = nearest_terms(reader, word)
    holders = {term: live_holders(reader, term) for _, term in near}
    ranked = [(distance, -len(holders[term]), term) for distance, term in near
              if len(holders[term]) >= at_least]
    if not ranked:
        return None
    term = min(ranked)[2]
    chosen = Counter(reader.stored_fields(d).get("surfaces", {}).get(term) for d in holders[term])
    chosen.pop(None, None)
    return term, surface_of(term, len(holders[term]), chosen)


def correct_words(reader, words: list) -> list:
    """[typed stem, index term, surface] for each distinct word that matches nothing, or
    matches at most FEW releases while a close term is in RATIO times as many."""
    out = []
    for word in dict.fromkeys(words):
        if not is_candidate(word):
            continue
        holders = len(live_holders(reader, word))
        if holders > FEW:
            continue
        found = correction(reader, word, least_holders(holders))
        if found:
            out.append([word, *found])
    return out


# --- the export side ------------------------------------------------------------------


def lexicon(numbers: dict, surfaces) -> dict:
    """{first SHARED letters: [[term, releases holding it, surface], ...] by term} for the export.

    numbers: {term: export numbers holding it}; surfaces: each live release's stored
    `surfaces` map.
    """
    chosen = defaultdict(Counter)
    for per_release in surfaces:
        for stem, word in per_release.items():
            chosen[stem][word] += 1
    files = defaultdict(list)
    for term in sorted(numbers):
        if is_candidate(term):
            holders = len(numbers[term])
            files[term[:SHARED]].append(
                [term, holders, surface_of(term, holders, chosen.get(term, Counter()))]
            )
    return dict(files)


def best_row(rows, word: str, at_least: int = 1):
    """The lexicon row [term, releases, surface] correction() would choose, or None."""
    limit = max_distance(word)
    ranked = []
    for term, holders, surface in rows:
        if holders >= at_least:
            distance = edit_distance(word, term, limit)
            if 0 < distance <= limit:
                ranked.append((distance, -holders, term, surface))
    return min(ranked)[2:] if ranked else None


def few_fixes(files: dict) -> dict:
    """{term held by 1..FEW releases: [correction, surface]} from the lexicon files, for the
    manifest: the browser corrects such a word without fetching a lexicon file.

    A term is compared only with the common terms it shares a deletion variant with (two
    words within edit distance 2 become the same string once at most two characters are
    deleted from each): best_row would pass any other over, so the result is the same as
    comparing with every common term, at a fraction of the cost."""
    fixes = {}
    for rows in files.values():
        common = [row for row in rows if row[1] >= least_holders(1)]
        if not common:
            continue
        variants = defaultdict(set)
        for number, row in enumerate(common):
            for variant in _deletions(row[0]):
                variants[variant].add(number)
        for term, holders, _ in rows:
            if 1 <= holders <= FEW:
                near = set()
                for variant in _deletions(term):
                    near |= variants.get(variant, set())
                found = best_row([common[n] for n in sorted(near)], term,
                                 least_holders(holders))
                if found:
                    fixes[term] = list(found)
    return fixes


def _deletions(word: str) -> set:
    """word with any 0, 1 or 2 of its characters deleted."""
    once = {word[:i] + word[i + 1:] for i in range(len(word))}
    twice = {variant[:i] + variant[i + 1:] for variant in once for i in range(len(variant))}
    return {word} | once | twice
