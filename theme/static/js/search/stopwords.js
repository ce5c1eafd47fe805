// Whoosh's English stop list (whoosh.analysis.filters.STOP_WORDS); tests compare it to Python's.
export const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
  "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
  "when", "will", "with", "yet", "you", "your",
]);
