"""Arbitrary text never crashes milestone extraction, and what comes out keeps the contract."""

import datetime
import random
import re

from dateline.facts.extraction import extract_html, extract_text
from dateline.facts.milestones import KEYS

# Pieces of the phrasings extraction keys on, shuffled into nonsense.
PIECES = (
    'drilling began commenced on May 3, 2013 Q3 2014 the September quarter 2H26 H1 " “ ” \' today '
    "once permit allows the Company to , which , and ; while 80% complete installed, tested "
    "commercial production declared Ministry approved licence agreement no agreement has been "
    "reached bulk sample underway appointed engaged to lead feasibility study Mr. Dr. He said: "
    "26 September Saturday 12th July 2018 2013-05-27 Q2 CY2017 3Q14 mid-2015 since 2009 between "
    "2001 and 2003 % percent placing IPO tranche spud first gold pour . ! ? \n\n # ** <p> </p> <li>"
).split(" ")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12])?$")


def test_random_text_keeps_the_contract():
    rng = random.Random(12)
    for number in range(1500):
        body = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 50)))
        title = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))
        day = None if number % 4 == 0 else datetime.date(1990 + number % 40, 1 + number % 12, 1)
        reader = extract_html if number % 2 else extract_text
        found = reader(body, release_date=day, exchanges=["TSXV"], title=title)
        for milestone in found["milestones"]:
            assert tuple(milestone) == KEYS
            assert milestone["status"] in ("achieved", "planned")
            assert (milestone["date"] is None) == (milestone["precision"] is None)
            assert milestone["date"] is None or DATE.match(milestone["date"]), milestone
            assert milestone["status"] == "achieved" or milestone["date"] is not None
            assert isinstance(milestone["review"], list)
