// Porter2 English stemmer, a step-by-step port of whoosh.lang.porter2 (quirks included),
// so the browser produces exactly the index terms Whoosh stores.

const R_EXP = /^[^aeiouy]*[aeiouy]+[^aeiouy]/u;
const EWSS_EXP1 = /^[aeiouy][^aeiouy]$/u;
const EWSS_EXP2 = /[^aeiouy][aeiouy][^aeiouywxY]$/u;
const VOWEL_THEN_ANY = /[aeiouy]./u;
const VOWEL = /[aeiouy]/u;

/** Length in code points, as Python's len() counts. */
const cpLength = (word) => [...word].length;

/** Start of the region after the first non-vowel that follows a vowel, from offset. */
function regionAfter(word, offset) {
  const match = R_EXP.exec(word.slice(offset));
  return match ? offset + match[0].length : word.length;
}

function getR1(word) {
  if (word.startsWith("gener") || word.startsWith("arsen")) return 5;
  if (word.startsWith("commun")) return 6;
  return regionAfter(word, 0);
}

const getR2 = (word) => regionAfter(word, getR1(word));

function endsWithShortSyllable(word) {
  if (cpLength(word) === 2 && EWSS_EXP1.test(word)) return true;
  return EWSS_EXP2.test(word);
}

const isShortWord = (word) => endsWithShortSyllable(word) && getR1(word) === word.length;

const removeInitialApostrophe = (word) => (word.startsWith("'") ? word.slice(1) : word);

function capitalizeConsonantYs(word) {
  if (word.startsWith("y")) word = "Y" + word.slice(1);
  return word.replace(/([aeiouy])y/gu, "$1Y");
}

function step0(word) {
  if (word.endsWith("'s'")) return word.slice(0, -3);
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith("'")) return word.slice(0, -1);
  return word;
}

function step1a(word) {
  if (word.endsWith("sses")) return word.slice(0, -4) + "ss";
  if (word.endsWith("ied") || word.endsWith("ies")) {
    return cpLength(word) > 4 ? word.slice(0, -3) + "i" : word.slice(0, -3) + "ie";
  }
  if (word.endsWith("us") || word.endsWith("ss")) return word;
  if (word.endsWith("s")) {
    const preceding = word.slice(0, -1);
    return VOWEL_THEN_ANY.test(preceding) ? preceding : word;
  }
  return word;
}

const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

function step1bHelper(word) {
  if (word.endsWith("at") || word.endsWith("bl") || word.endsWith("iz")) return word + "e";
  if (DOUBLES.some((d) => word.endsWith(d))) return word.slice(0, -1);
  if (isShortWord(word)) return word + "e";
  return word;
}

const S1B_SUFFIXES = ["ed", "edly", "ing", "ingly"];

function step1b(word, r1) {
  if (word.endsWith("eedly")) return word.length - 5 >= r1 ? word.slice(0, -3) : word;
  if (word.endsWith("eed")) return word.length - 3 >= r1 ? word.slice(0, -1) : word;
  for (const suffix of S1B_SUFFIXES) {
    if (word.endsWith(suffix)) {
      const preceding = word.slice(0, -suffix.length);
      return VOWEL.test(preceding) ? step1bHelper(preceding) : word;
    }
  }
  return word;
}

function step1c(word) {
  if (word.endsWith("y") || (word.endsWith("Y") && cpLength(word) > 1)) {
    if (!"aeiouy".includes(word.at(-2)) && cpLength(word) > 2) {
      return word.slice(0, -1) + "i";
    }
  }
  return word;
}

const S2_TRIPLES = [
  ["ization", "ize", []], ["ational", "ate", []], ["fulness", "ful", []],
  ["ousness", "ous", []], ["iveness", "ive", []], ["tional", "tion", []],
  ["biliti", "ble", []], ["lessli", "less", []], ["entli", "ent", []], ["ation", "ate", []],
  ["alism", "al", []], ["aliti", "al", []], ["ousli", "ous", []], ["iviti", "ive", []],
  ["fulli", "ful", []], ["enci", "ence", []], ["anci", "ance", []], ["abli", "able", []],
  ["izer", "ize", []], ["ator", "ate", []], ["alli", "al", []], ["bli", "ble", []],
  ["ogi", "og", ["l"]], ["li", "", ["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]],
];

function step2(word, r1) {
  for (const [end, repl, prev] of S2_TRIPLES) {
    if (!word.endsWith(end)) continue;
    const stem = word.slice(0, -end.length);
    if (stem.length >= r1 && (prev.length === 0 || prev.some((p) => stem.endsWith(p)))) {
      return stem + repl || word;
    }
    return word;
  }
  return word;
}

const S3_TRIPLES = [
  ["ational", "ate", false], ["tional", "tion", false], ["alize", "al", false],
  ["icate", "ic", false], ["iciti", "ic", false], ["ative", "", true], ["ical", "ic", false],
  ["ness", "", false], ["ful", "", false],
];

function step3(word, r1, r2) {
  for (const [end, repl, needsR2] of S3_TRIPLES) {
    if (!word.endsWith(end)) continue;
    const stem = word.slice(0, -end.length);
    if (stem.length >= r1 && (!needsR2 || stem.length >= r2)) return stem + repl || word;
    return word;
  }
  return word;
}

const S4_DELETE = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
  "ent", "ism", "ate", "iti", "ous", "ive", "ize"];

function step4(word, r2) {
  for (const end of S4_DELETE) {
    if (word.endsWith(end)) {
      return word.length - end.length >= r2 ? word.slice(0, -end.length) : word;
    }
  }
  if ((word.endsWith("sion") || word.endsWith("tion")) && word.length - 3 >= r2) {
    return word.slice(0, -3);
  }
  return word;
}

function step5(word, r1, r2) {
  if (word.endsWith("l")) {
    return word.length - 1 >= r2 && word.at(-2) === "l" ? word.slice(0, -1) : word;
  }
  if (word.endsWith("e")) {
    if (word.length - 1 >= r2) return word.slice(0, -1);
    if (word.length - 1 >= r1 && !endsWithShortSyllable(word.slice(0, -1))) {
      return word.slice(0, -1);
    }
  }
  return word;
}

const EXCEPTIONAL_FORMS = new Map(Object.entries({
  skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
  gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky",
  news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes",
}));

const EARLY_EXIT_POST_1A = new Set(["inning", "outing", "canning", "herring", "earring",
  "proceed", "exceed", "succeed"]);

/** Stem one lowercased word the way whoosh.lang.porter2.stem does. */
export function stem(word) {
  if (cpLength(word) <= 2) return word;
  word = removeInitialApostrophe(word);
  if (EXCEPTIONAL_FORMS.has(word)) return EXCEPTIONAL_FORMS.get(word);
  word = capitalizeConsonantYs(word);
  const r1 = getR1(word);
  const r2 = getR2(word);
  word = step1a(step0(word));
  if (EARLY_EXIT_POST_1A.has(word)) return word;
  word = step1c(step1b(word, r1));
  word = step5(step4(step3(step2(word, r1), r1, r2), r2), r1, r2);
  return word.replaceAll("Y", "y");
}
