"""Fixed word lists for the corpus generator: names, places, sectors, syllables, tags.

Everything here is made up or generic. The open-ended part of the vocabulary
(the long tail that makes the distinct-word count grow with the corpus) is not
listed here: `model.lexicon_word` builds it from `ONSETS`, `VOWELS` and
`CODAS` on demand.
"""

from __future__ import annotations

# --- tags: the ~25 slugs releases are tagged with ---------------------------
TAGS = tuple(
    """
    stock-options operations exploration drilling production financing private-placement
    corporate management board agm financial-results acquisition permitting
    resource-estimate feasibility-study construction commissioning esg clinical-trials
    regulatory product-launch partnerships guidance listing
    """.split()
)

# --- issuers ----------------------------------------------------------------
ISSUER_PREFIXES = tuple(
    """
    Northgate Silverpine Redcliff Harrowfield Bluewater Stonebridge Kestrel Ironvale
    Copperline Westmarch Greyhaven Lanternrock Ashcombe Falconridge Brackenhill Cinderlake
    Marlowe Thornbury Quillfeather Eastwind Granitefall Hollowmere Juniperstone Ravenscar
    Oakhurst Pinecrest Saltmarsh Tamarack Umberfield Wolfsden Yellowhammer Arrowmead
    Birchmont Coldwater Driftwood Emberlyn Frostvale Glenhollow Highmoor Inkwell Larkspur
    Moonstone
    """.split()
)

# sector -> (weight, industry words usable in an issuer name)
SECTORS = {
    "mining": (
        60,
        (
            "Tungsten",
            "Lithium",
            "Copper",
            "Gold",
            "Silver",
            "Nickel",
            "Zinc",
            "Uranium",
            "Graphite",
            "Cobalt",
            "Vanadium",
            "Minerals",
            "Metals",
            "Resources",
            "Mining",
        ),
    ),
    "energy": (14, ("Energy", "Petroleum", "Solar", "Hydrogen", "Power", "Geothermal")),
    "biotech": (13, ("Therapeutics", "Biosciences", "Pharma", "Biologics")),
    "tech": (13, ("Technologies", "Systems", "Software", "Robotics", "Networks")),
}

COMMODITIES = (
    "tungsten",
    "lithium",
    "copper",
    "gold",
    "silver",
    "nickel",
    "zinc",
    "uranium",
    "graphite",
    "cobalt",
    "vanadium",
    "rare earth",
)

# listing plans: tuples of exchange codes, primary first, with a weight
LISTINGS = (
    (("TSXV",), 22),
    (("TSX",), 10),
    (("CSE",), 7),
    (("TSX", "NYSE American"), 6),
    (("TSX", "NYSE"), 4),
    (("TSXV", "OTCQX"), 8),
    (("CSE", "OTCQB"), 3),
    (("NYSE",), 6),
    (("NASDAQ",), 9),
    (("NYSE American",), 5),
    (("ASX",), 6),
    (("ASX", "OTCQX"), 3),
    (("AIM",), 5),
    (("AIM", "TSXV"), 2),
    (("OTCQX",), 2),
    (("TSX", "NASDAQ"), 2),
)

# every one of these exchanges is listed by at least one issuer
REQUIRED_EXCHANGES = (
    "TSXV",
    "TSX",
    "CSE",
    "NYSE",
    "NASDAQ",
    "NYSE American",
    "ASX",
    "AIM",
    "OTCQX",
)

# country -> (city, region, short region, phone area code)
HEAD_OFFICES = {
    "Canada": (
        ("Toronto", "Ontario", "ON", "416"),
        ("Vancouver", "British Columbia", "BC", "604"),
        ("Calgary", "Alberta", "AB", "403"),
        ("Montreal", "Quebec", "QC", "514"),
        ("Sudbury", "Ontario", "ON", "705"),
        ("Halifax", "Nova Scotia", "NS", "902"),
    ),
    "United States": (
        ("Denver", "Colorado", "Colo.", "303"),
        ("Reno", "Nevada", "Nev.", "775"),
        ("Boston", "Massachusetts", "Mass.", "617"),
        ("Houston", "Texas", "Texas", "713"),
        ("San Diego", "California", "Calif.", "619"),
        ("New York", "New York", "N.Y.", "212"),
    ),
    "Australia": (
        ("Perth", "Western Australia", "WA", "8"),
        ("Brisbane", "Queensland", "QLD", "7"),
        ("Sydney", "New South Wales", "NSW", "2"),
    ),
    "United Kingdom": (("London", "England", "England", "20"),),
}

EXCHANGE_COUNTRY = {
    "TSX": "Canada",
    "TSXV": "Canada",
    "CSE": "Canada",
    "NYSE": "United States",
    "NYSE American": "United States",
    "NASDAQ": "United States",
    "OTCQX": "United States",
    "ASX": "Australia",
    "AIM": "United Kingdom",
}

PROJECT_REGIONS = (
    "northern Nevada",
    "western Spain",
    "the Abitibi region of Quebec",
    "northern Ontario",
    "the Yukon",
    "central British Columbia",
    "the Atacama region of Chile",
    "southern Peru",
    "the Pilbara region of Western Australia",
    "northern Portugal",
    "the Sonora region of Mexico",
    "Nunavut",
    "the Labrador Trough",
    "eastern Finland",
    "northern Sweden",
    "central Idaho",
)

# --- people -----------------------------------------------------------------
FIRST_NAMES = tuple(
    """
    James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
    Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa
    Anthony Margaret Mark Sandra Paul Ashley Steven Emily Andrew Donna Kenneth Michelle
    Brian Carol Kevin Amanda Gary Melissa Timothy Deborah Ronald Stephanie Jason Rebecca
    Ryan Laura Jacob Helen Nicholas Sharon Eric Cynthia Stephen Kathleen Jonathan Amy Larry
    Angela Scott Anna Frank Ruth Justin Brenda Brandon Pamela Raymond Nicole Gregory
    Katherine Samuel Virginia Patrick Catherine Alexander Christine Graham Fiona Hamish
    Priya Rajesh Mei Wei Sofia Mateo Ingrid Lars Aisha Omar Yuki Kenji Chloe Liam Isla
    """.split()
)

SURNAMES = tuple(
    """
    Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore
    Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright
    Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell
    Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson
    Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes
    Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Fraser
    MacLeod Tremblay Gagnon Bouchard Lavoie Chen Nguyen Patel Singh Kowalski Lindqvist
    Okafor Haddad Moreau Ferreira Novak
    """.split()
)

OFFICER_TITLES = (
    "President and Chief Executive Officer",
    "Chief Executive Officer",
    "Chief Financial Officer",
    "Chief Operating Officer",
    "Executive Chairman",
    "Vice President, Exploration",
    "Vice President, Corporate Development",
)

CONTACT_TITLES = (
    "Investor Relations",
    "Vice President, Investor Relations",
    "Director, Corporate Communications",
    "Chief Financial Officer",
    "Manager, Investor Relations",
)

# --- the open-ended lexicon: syllables and per-kind endings ------------------
ONSETS = tuple(
    """
    b br c ch d dr f g gr h k l m n p pr r s st t tr v w z sh th bl cl fl sl qu j
    """.split()
)
SIMPLE_ONSETS = tuple(
    """
    b d f g h k l m n p r s t v w z
    """.split()
)
VOWELS = tuple(
    """
    a e i o u ai ea ou a e o i
    """.split()
)
CODAS = ("", "", "", "", "", "n", "r", "l", "s", "m", "nd", "rk", "st", "th", "ll", "x")

# kind -> endings; lowercase kinds get English-like suffixes so stemmers have work
LEXICON_ENDINGS = {
    "place": (
        "",
        "ville",
        "ton",
        "burg",
        "ford",
        "mere",
        "dale",
        "wick",
        "a",
        "o",
        "field",
        "ridge",
        "haven",
        "brook",
    ),
    "proper": ("", "", "ar", "en", "is", "or", "ia", "us"),
    "surname": ("", "son", "er", "ley", "ov", "ez", "stein", "man", "ing", "ard"),
    "mineral": ("ite", "ine", "ate", "ide", "olite", "yte", "ites", "ides"),
    "term": (
        "ic",
        "ous",
        "ized",
        "ing",
        "ness",
        "ation",
        "ies",
        "ful",
        "ment",
        "ally",
        "ations",
        "ers",
        "ingly",
        "ised",
        "ent",
        "ency",
    ),
    "drug": ("inib", "mab", "stat", "vir", "zumab", "tide", "parin", "olol"),
    "product": ("ix", "ora", "ium", "ly", "io", "ex", "ara", "on"),
}

MONTHS = tuple(
    """
    January February March April May June July August September October November December
    """.split()
)

NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


# --- phrase banks used by corpus.py ---------------------------------------------------

SMALL_WORDS = {"a", "an", "and", "at", "for", "from", "in", "of", "on", "or", "the", "to", "with"}

DIRECTIONS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")

CONTRACTORS = ("Engineering", "Contracting", "Mining Services", "Drilling Ltd.", "Constructors")

ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}

# sector -> (kind, subject, achieved verb phrase, planned verb phrase)
MILESTONE_EVENTS = {
    "mining": (
        (
            "commissioning",
            "the final pieces of {commodity} recovery equipment",
            "were commissioned",
            "are expected to be commissioned",
        ),
        (
            "production",
            "commercial production at the {project} mine",
            "was declared",
            "is expected to be declared",
        ),
        (
            "drilling",
            "the {n},000-metre diamond drill program at {project}",
            "commenced",
            "is scheduled to commence",
        ),
        (
            "permit",
            "the water licence for the {project} Project",
            "was granted",
            "is expected to be granted",
        ),
        (
            "completion",
            "the feasibility study for the {project} Project",
            "was completed",
            "is targeted for completion",
        ),
        (
            "completion",
            "construction of the {place} access road",
            "was completed",
            "is expected to be completed",
        ),
        ("acquisition", "the purchase of the {place} claims", "closed", "is expected to close"),
        (
            "agreement",
            "the offtake agreement with {partner}",
            "was signed",
            "is expected to be signed",
        ),
        (
            "other",
            "an updated mineral resource estimate for {project}",
            "was published",
            "is planned to be published",
        ),
    ),
    "energy": (
        (
            "production",
            "first oil from the {place} {n}-{m} well",
            "was achieved",
            "is expected to be achieved",
        ),
        ("drilling", "the {place} {n}-{m} well", "was spud", "is expected to be spud"),
        (
            "commissioning",
            "the {n} MW {place} solar facility",
            "was commissioned",
            "is scheduled to be commissioned",
        ),
        (
            "permit",
            "the pipeline licence for the {project} field",
            "was issued",
            "is expected to be issued",
        ),
        (
            "agreement",
            "the gas sales agreement with {partner}",
            "was signed",
            "is expected to be signed",
        ),
    ),
    "biotech": (
        (
            "other",
            "the first patient in the Phase 2 trial of {project}",
            "was dosed",
            "is expected to be dosed",
        ),
        (
            "completion",
            "enrolment in the Phase 1b study of {project}",
            "was completed",
            "is expected to be completed",
        ),
        (
            "permit",
            "orphan drug designation for {project}",
            "was granted",
            "is expected to be granted",
        ),
        (
            "agreement",
            "the manufacturing agreement with {partner}",
            "was signed",
            "is expected to be signed",
        ),
    ),
    "tech": (
        (
            "completion",
            "certification of the {project} platform",
            "was completed",
            "is expected to be completed",
        ),
        ("other", "the launch of {project} in {place}", "took place", "is planned"),
        (
            "agreement",
            "the reseller agreement with {partner}",
            "was signed",
            "is expected to be signed",
        ),
        (
            "listing",
            "the Company's shares",
            "began trading on the OTCQX",
            "are expected to begin trading on the OTCQX",
        ),
    ),
}

# recipient group as written -> role recorded (None for a mixed group)
GRANT_GROUPS = (
    ("directors, officers and consultants", None),
    ("directors, officers, employees and consultants", None),
    ("certain directors and officers", None),
    ("officers and employees", None),
    ("consultants", "consultant"),
    ("employees", "employee"),
    ("non-executive directors", "director"),
)

PERSON_ROLES = (
    ("a director of the Company", "director"),
    ("the newly appointed Chief Financial Officer", "officer"),
    ("a consultant to the Company", "consultant"),
    ("the Company's Vice President, Exploration", "officer"),
    ("a newly elected director", "director"),
)

# (sentence, vesting as the grant contract records it: docs/extraction.md)
VESTING = (
    ("The options vest immediately.", "immediately"),
    (
        "The options vest in thirds on each of the first three anniversaries of the grant.",
        "thirds",
    ),
    (
        "One third of the options vest on grant and one third on each of the next two"
        " anniversaries.",
        "thirds",
    ),
    ("The options vest over 24 months of service.", "staged over 24 months"),
    ("The options vest quarterly over 18 months.", "staged over 18 months"),
    ("", None),
)

UNIT_NAMES = {
    "rsu": ("restricted share units", "RSUs"),
    "dsu": ("deferred share units", "DSUs"),
    "psu": ("performance share units", "PSUs"),
}

NON_GRANTS = (
    "A total of {n} previously granted stock options held by a former consultant were cancelled.",
    "Following this grant, {n} options remain available for grant under the Plan.",
    "The {place} claims remain available for option or sale to third parties.",
    "Under the option agreement, the Company may earn a 70% interest in the {place} property by"
    " funding exploration.",
    "{person} currently holds {n} stock options of the Company.",
    "Directors who received DSUs this year will not receive options.",
)

FLS_CANADA = (
    "This news release contains forward-looking statements and forward-looking information"
    " within the meaning of {laws}. Words such as"
    ' "anticipate", "expect", "plan", "estimate", "intend", "may" and "should" identify'
    " forward-looking statements.",
    "Forward-looking statements in this news release include statements about the timing of"
    " work at the {project} Project, planned milestones and the use of proceeds. They reflect"
    " the current beliefs of management of {short} and are based on assumptions that management"
    " believes are reasonable.",
    "Forward-looking statements involve known and unknown risks, uncertainties and other"
    " factors that may cause actual results, performance or achievements to differ materially"
    " from those expressed or implied, including commodity prices, permitting, the availability"
    " of financing, and general economic conditions.",
    "Forward-looking statements are based on assumptions that include the continued"
    " availability of skilled personnel, equipment and supplies, stable exchange rates, no"
    " material adverse change in the price of {commodity}, and the receipt of permits and"
    " approvals on acceptable terms and on the expected schedule.",
    "Although management of {short} believes that the expectations reflected in these"
    " statements are reasonable, it can give no assurance that they will prove correct, and the"
    " list of factors above is not exhaustive. Investors should consider these factors and"
    " other uncertainties carefully when relying on forward-looking statements to make"
    " decisions.",
    "Readers are cautioned not to place undue reliance on forward-looking statements. {short}"
    " undertakes no obligation to update them, except as required by applicable securities"
    " laws.",
)

FLS_US = (
    "This press release contains forward-looking statements within the meaning of the safe"
    " harbor provisions of the Private Securities Litigation Reform Act of 1995. These"
    " statements relate to future events and the future performance of {short}.",
    "Actual results may differ materially from those indicated by these forward-looking"
    " statements as a result of risks and uncertainties, including those described in the"
    " Company's filings with the Securities and Exchange Commission.",
    "These risks include the timing and outcome of development work, the ability of {short} to"
    " raise additional capital on acceptable terms, competition, reliance on third parties,"
    " changes in regulation, and general market and economic conditions, any of which could"
    " cause results to differ from expectations.",
    "Forward-looking statements speak only as of the date of this press release, and {short}"
    " assumes no obligation to update them.",
)

LAWS = {
    "Canada": "applicable Canadian securities legislation",
}

SPELLINGS = {
    "TSXV": ("TSXV", "TSX-V", "TSX Venture", "TSX.V"),
    "NYSE American": ("NYSE American", "NYSE MKT", "NYSE American"),
    "NASDAQ": ("NASDAQ", "Nasdaq"),
}

GROUP_NAMES = ("Harbourline", "Meridian Bay", "Kestrel Harbour", "Northwind", "Lakeshore")

DEFAULT_DISCLAIMER = (
    "This news release contains forward-looking statements and forward-looking information"
    " within the meaning of applicable securities legislation, including statements about"
    " planned work, milestones and the use of proceeds.",
    "Forward-looking statements are based on the beliefs and assumptions of management and"
    " involve known and unknown risks that may cause actual results to differ materially."
    " Readers should not place undue reliance on them, and the issuer undertakes no obligation"
    " to update them except as required by law.",
)

SAFE_HARBOR = (
    "This press release contains forward-looking statements within the meaning of the safe"
    " harbor provisions of the Private Securities Litigation Reform Act of 1995.",
    "Actual results may differ materially from those indicated by these statements as a result"
    " of risks and uncertainties described in the issuer's filings with the Securities and"
    " Exchange Commission.",
)

QP_ROLES = ("Vice President, Exploration", "a consultant to the Company", "Chief Geologist")
