// Whoosh's English stop list (whoosh.analysis.filters.STOP_WORDS); tests compare it to Python's.
export const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
  "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
  "when", "will", "with", "yet", "you", "your",
]);

// Whoosh's French stop list with its English words, folded, "or" (gold) kept
// (dateline.search.schema.french_stop_words); tests compare it to Python's.
export const FRENCH_STOP_WORDS = new Set([
  "a", "ai", "aie", "aient", "aies", "ait", "an", "and", "are", "as", "at", "au", "aura", "aurai",
  "auraient", "aurais", "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront",
  "aux", "avaient", "avais", "avait", "avec", "avez", "aviez", "avions", "avons", "ayant",
  "ayante", "ayantes", "ayants", "ayez", "ayons", "be", "by", "c", "can", "ce", "ces", "d",
  "dans", "de", "des", "du", "elle", "en", "es", "est", "et", "etaient", "etais", "etait",
  "etant", "etante", "etantes", "etants", "ete", "etee", "etees", "etes", "etiez", "etions", "eu",
  "eue", "eues", "eumes", "eurent", "eus", "eusse", "eussent", "eusses", "eussiez", "eussions",
  "eut", "eutes", "eux", "for", "from", "fumes", "furent", "fus", "fusse", "fussent", "fusses",
  "fussiez", "fussions", "fut", "futes", "have", "if", "il", "in", "is", "it", "j", "je", "l",
  "la", "le", "leur", "lui", "m", "ma", "mais", "may", "me", "meme", "mes", "moi", "mon", "n",
  "ne", "nos", "not", "notre", "nous", "of", "on", "ont", "ou", "par", "pas", "pour", "qu", "que",
  "qui", "s", "sa", "se", "sera", "serai", "seraient", "serais", "serait", "seras", "serez",
  "seriez", "serions", "serons", "seront", "ses", "soient", "sois", "soit", "sommes", "son",
  "sont", "soyez", "soyons", "suis", "sur", "t", "ta", "tbd", "te", "tes", "that", "the", "this",
  "to", "toi", "ton", "tu", "un", "une", "us", "vos", "votre", "vous", "we", "when", "will",
  "with", "y", "yet", "you", "your",
]);
