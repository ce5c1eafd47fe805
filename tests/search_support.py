"""A small deterministic generator of fictional releases for the search tests."""

import random
from datetime import datetime, timedelta, timezone

from dateline.search.index import SearchDocument

ISSUERS = [("Brackenridge Tungsten", "TSXV: BKT"), ("Corvane Lithium", "TSX: CVL"),
           ("Oriel Gold Mines", "NASDAQ: ORGM"), ("Pellstone Copper", "ASX: PLC"),
           ("Quillon Uranium", "NYSE: QLU")]
TAGS = ["drilling", "financing", "stock-options", "production", "exploration", "agm",
        "management", "acquisition", "results", "permits"]
WORDS = """mine mining mined drill drilling drilled drills results resource resources reserve
ore grade grades tonnes ounces gold copper tungsten lithium uranium plant processing processed
commissioning commissioned production producing produced expansion expanding financing financed
private placement shares options option granted grant director directors officer officers
exercise price expiry vesting vested board meeting annual general shareholders approval
approved permit permits permitting environmental assessment feasibility study studies
preliminary economic estimate estimates estimated quarterly revenue revenues cash flow
operations operating operational concentrate concentrates shipment shipments contract
contracts agreement agreements acquisition acquire acquired property properties claims
exploration program programs sampling samples assay assays intercept intercepts metres
running runs ran generously generalization communication national nationalities happily
happiness relational conditional hopefully hoping hoped care careful carefully caring
investors investment invested invest strategic strategy partnership partners partner
royalty royalties stream streaming offtake market markets marketing price prices pricing
electricity power water road roads access camp geology geological geologist survey surveys
qualified person technical report reports announce announces announced pleased provide
update updates updated continue continues continued successful success successfully
première café naïve über résumé façade Zürich""".split()
STOPS = ["the", "of", "and", "to", "in", "is", "for", "with", "a", "an", "on", "by", "at"]
HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>',
           'javascript:alert(3)']


def sentence(rng, length):
    """Return a sentence mixing vocabulary, stop words and numbers."""
    words = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.25:
            words.append(rng.choice(STOPS))
        elif roll < 0.3:
            words.append("%d.%02d" % (rng.randint(0, 9), rng.randint(0, 99)))
        elif roll < 0.31:
            words.append("%d,%03d" % (rng.randint(1, 999), rng.choice([0, 500, 250])))
        else:
            words.append(rng.choice(WORDS))
    return " ".join(words).capitalize() + "."


# Every MISSPELT_EVERY-th release carries one misspelt word, as real releases sometimes do:
# a word in one release next to a far commoner one (the few-match corrections).
MISSPELT_EVERY = 41


def misspelling(number):
    """The misspelt word release `number` carries (its own generator: the rest stays as it was)."""
    rng = random.Random(number)
    word = rng.choice([w for w in WORDS if len(w) >= 6 and w.isascii() and w != "commissioning"])
    return typo(rng, word)


def make_release(rng, number, start):
    """Return one fictional release."""
    issuer, ticker = rng.choice(ISSUERS)
    tickers = (ticker,) if rng.random() < 0.8 else (ticker, "OTCQX: %sF" % ticker[-3:])
    date = start + timedelta(days=rng.randint(0, 3650), hours=rng.randint(0, 23))
    title = "%s %s" % (issuer, sentence(rng, rng.randint(3, 9)).rstrip("."))
    body = " ".join(sentence(rng, rng.randint(5, 25)) for _ in range(rng.randint(2, 14)))
    if number % 97 == 5:
        title += " " + rng.choice(HOSTILE)
        body += " " + " ".join(HOSTILE)
    if number % MISSPELT_EVERY == 3:
        body += " " + misspelling(number)
    slug = "release-%05d" % number
    url = "releases/%d/%s/" % (date.year, slug)
    tags = tuple(sorted(rng.sample(TAGS, rng.randint(1, 3))))
    if number % 97 == 5:
        tags += ("x-onerror-tag",)
    return SearchDocument(id=url, title=title, body=body, tags=tags, tickers=tickers,
                          date=date, url=url, summary=sentence(rng, 8))


def make_releases(count, seed=7):
    """Return count fictional releases, deterministic for a seed."""
    rng = random.Random(seed)
    start = datetime(2010, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    return [make_release(rng, n, start) for n in range(count)]


# Spellings that fold to the corpus's words: accents, decomposed, upper case, full width.
FOLDED = ["premiere", "Zurich", "cafe", "CAFÉ", "cafe\u0301", "naive", "ZÜRICH", "résume",
          "facade", "\uff47\uff4f\uff4c\uff44", "uber", "ﬁnancing", "Qu\u00e9bec"]


def typo(rng, word):
    """word with one letter dropped, doubled or swapped."""
    i = rng.randrange(1, len(word) - 1)
    return rng.choice([word[:i] + word[i + 1:], word[:i] + word[i] + word[i:],
                       word[:i] + word[i + 1] + word[i] + word[i + 2:]])


def more_queries(rng, kind, words, releases):
    """The issue-15 kinds: finished words while typing, folding, typos, numbers, curly quotes."""
    case = {"query": words[0], "prefix": False, "filters": {}, "sort": "relevance"}
    if kind == 8:
        case["query"] = rng.choice([words[0] + " " + words[1], words[0] + " of", words[0],
                                    "board of", words[0] + " the"])
        case["prefix"] = True
    elif kind == 9:
        case["query"] = rng.choice(FOLDED) + rng.choice(["", " " + words[1]])
        case["prefix"] = rng.random() < 0.3
    elif kind == 10:
        long_words = [w for w in words if len(w) >= 5] or ["commissioning"]
        case["query"] = typo(rng, long_words[0]) + rng.choice(["", " " + words[1]])
        present = [misspelling(n) for n in range(3, len(releases), MISSPELT_EVERY)]
        if present and rng.random() < 0.5:  # a misspelling some release holds
            case["query"] = rng.choice(present) + rng.choice(["", " " + words[1]])
    elif kind == 11:
        body = rng.choice(releases).body.split()
        start = rng.randrange(max(1, len(body) - 3))
        case["query"] = rng.choice(['\u201c%s\u201d', '\u201e%s\u201c',
                                    "%s"]) % " ".join(body[start:start + 2])
    return case


def parity_queries(releases, seed=11, count=240):
    """Return query cases of every kind: words, several words, phrases, prefixes, filters,
    and (issue 15) finished words while typing, folding, typos, numbers, curly quotes."""
    rng = random.Random(seed)
    years = sorted({r.date.year for r in releases})
    cases = []
    for n in range(count):
        kind = n % 12
        if kind >= 8:
            cases.append(more_queries(rng, kind, [rng.choice(WORDS) for _ in range(3)], releases))
            continue
        words = [rng.choice(WORDS) for _ in range(3)]
        case = {"query": words[0], "prefix": False, "filters": {}, "sort": "relevance"}
        if kind == 1:
            case["query"] = " ".join(words[: rng.randint(2, 3)])
        elif kind == 2:
            body = rng.choice(releases).body.split()
            start = rng.randrange(max(1, len(body) - 3))
            case["query"] = '"%s"' % " ".join(body[start:start + rng.randint(2, 3)])
        elif kind == 3:
            case["query"] = words[0] + " " + words[1][: rng.randint(2, 4)]
            case["prefix"] = True
        elif kind == 4:
            case["filters"] = {"ticker": rng.choice(ISSUERS)[1]}
        elif kind == 5:
            case["filters"] = {"year": str(rng.choice(years)), "tag": rng.choice(TAGS)}
            case["query"] = words[0][: rng.randint(2, 5)]
            case["prefix"] = True
        elif kind == 6:
            case["sort"] = "date"
            case["query"] = "%s %s" % (words[0], rng.choice(STOPS))
        elif kind == 7:
            case["query"] = rng.choice([words[0].upper(), words[0] + "s", '"%s' % words[0],
                                        "the of", "zzqx", "<img src=x>", words[0] + "-" + words[1]])
        cases.append(case)
    return cases


def expected_results(ix, cases):
    """Run each case through the Python (Whoosh) search and attach ranked ids and scores."""
    from dateline.search.query import search

    out = []
    for case in cases:
        filters = case["filters"]
        hits = search(ix, case["query"], prefix=case["prefix"], sort=case["sort"],
                      ticker=filters.get("ticker"), year=filters.get("year"),
                      tag=filters.get("tag"))
        out.append(dict(case, ids=[h.doc for h in hits], scores=[h.score for h in hits],
                        corrections=hits.parsed.corrections))
    return out
