// Snowball French stemmer, written from the Snowball algorithm as whoosh.lang.snowball.french
// implements it, quirks included (its region tests are substring tests: "suffix in r2"), so
// the browser produces exactly the index terms Whoosh stores for a French index.

const FR_VOWELS = new Set("aeiouy\u00e2\u00e0\u00eb\u00e9\u00ea\u00e8\u00ef\u00ee\u00f4\u00fb\u00f9");
const frVowel = (char) => char !== undefined && FR_VOWELS.has(char);
const frWords = (text) => text.split(" ");

// Suffix lists, longest first within each step, in the order the algorithm tries them.
const FR_STEP1 = frWords("issements issement atrices atrice ateurs ations logies usions utions " +
  "ements amment emment ances iqUes ismes ables istes ateur ation logie usion ution ences " +
  "ement euses ments ance iqUe isme able iste ence it\u00e9s ives eaux euse ment eux " +
  "it\u00e9 ive ifs aux if");
const FR_STEP2A = frWords("issaIent issantes iraIent issante issants issions irions issais " +
  "issait issant issent issiez issons irais irait irent iriez irons iront isses issez " +
  "\u00eemes \u00eetes irai iras irez isse ies ira \u00eet ie ir is it i");
const FR_STEP2B = frWords("eraIent assions erions assent assiez \u00e8rent erais erait eriez " +
  "erons eront aIent antes asses ions erai eras erez \u00e2mes \u00e2tes ante ants asse " +
  "\u00e9es era iez ais ait ant \u00e9e \u00e9s er ez \u00e2t ai as \u00e9 a");
const FR_STEP4 = ["i\u00e8re", "I\u00e8re", "ion", "ier", "Ier", "e", "\u00eb"];

// Step 2b endings that are simply deleted, and those deleted with a preceding "e" in RV.
const FR_STEP2B_DELETE = new Set(frWords("eraIent erions \u00e8rent erais erait eriez erons " +
  "eront erai eras erez \u00e9es era iez \u00e9e \u00e9s er ez \u00e9"));
const FR_STEP2B_DELETE_E = new Set(frWords("assions assent assiez aIent antes asses \u00e2mes " +
  "\u00e2tes ante ants asse ais ait ant \u00e2t ai as a"));
const FR_STEP1_R2 = new Set(frWords("ance iqUe isme able iste eux ances iqUes ismes ables istes"));
const FR_STEP1_ATION = new Set(frWords("atrice ateur ation atrices ateurs ations"));

/** Python's s[i] for a possibly negative i (undefined when out of range). */
const frAt = (text, index) => text.at(index);
/** Everything but the last n characters (n > 0). */
const frCut = (text, n) => text.slice(0, text.length - n);

/** Mark u/i between vowels, y next to a vowel and u after q as consonants (upper case). */
function frMark(word) {
  const chars = [...word];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i - 1] === "q" && chars[i] === "u") chars[i] = "U";
  }
  for (let i = 1; i < chars.length - 1; i++) {
    const before = frVowel(chars[i - 1]);
    const after = frVowel(chars[i + 1]);
    if (before && after) {
      if (chars[i] === "u") chars[i] = "U";
      else if (chars[i] === "i") chars[i] = "I";
    }
    if ((before || after) && chars[i] === "y") chars[i] = "Y";
  }
  return chars.join("");
}

/** The region after the first non-vowel that follows a vowel ("" if none). */
function frRegion(text) {
  const chars = [...text];
  for (let i = 1; i < chars.length; i++) {
    if (!frVowel(chars[i]) && frVowel(chars[i - 1])) return chars.slice(i + 1).join("");
  }
  return "";
}

/** RV: after the third letter if the word starts with two vowels or par/col/tap, else after
 * the first vowel that is not the first letter. */
function frRegionRV(word) {
  const chars = [...word];
  if (chars.length < 2) return "";
  if (/^(par|col|tap)/u.test(word) || (frVowel(chars[0]) && frVowel(chars[1]))) {
    return chars.slice(3).join("");
  }
  for (let i = 1; i < chars.length; i++) {
    if (frVowel(chars[i])) return chars.slice(i + 1).join("");
  }
  return "";
}

/** "ic" at the end: deleted when in R2, else replaced by "iqU". */
const frDropIc = (word, r2) => (r2.includes("ic") ? frCut(word, 2) : frCut(word, 2) + "iqU");

/** Step 1, the standard suffixes. Returns {word, rv, success, rvEnding}. */
function frStep1(state) {
  let { word, rv } = state;
  const { r1, r2 } = state;
  const suffix = FR_STEP1.find((s) => word.endsWith(s));
  if (suffix === undefined) return state;
  const n = suffix.length;
  let success = false;
  let rvEnding = false;
  if (suffix === "eaux") {
    word = frCut(word, 1);
    success = true;
  } else if (suffix === "euse" || suffix === "euses") {
    if (r2.includes(suffix)) [word, success] = [frCut(word, n), true];
    else if (r1.includes(suffix)) [word, success] = [frCut(word, n) + "eux", true];
  } else if ((suffix === "ement" || suffix === "ements") && rv.includes(suffix)) {
    word = frCut(word, n);
    success = true;
    word = frAfterEment(word, r1, r2, rv);
  } else if (suffix === "amment" && rv.includes(suffix)) {
    word = frCut(word, 6) + "ant";
    rv = frCut(rv, 6) + "ant";
    rvEnding = true;
  } else if (suffix === "emment" && rv.includes(suffix)) {
    word = frCut(word, 6) + "ent";
    rvEnding = true;
  } else if ((suffix === "ment" || suffix === "ments") && rv.includes(suffix) &&
             !rv.startsWith(suffix) && frVowel(frAt(rv, rv.lastIndexOf(suffix) - 1))) {
    word = frCut(word, n);
    rv = frCut(rv, n);
    rvEnding = true;
  } else if (suffix === "aux" && r1.includes(suffix)) {
    word = frCut(word, 2) + "l";
    success = true;
  } else if ((suffix === "issement" || suffix === "issements") && r1.includes(suffix) &&
             !frVowel(frAt(word, -n - 1))) {
    word = frCut(word, n);
    success = true;
  } else if (FR_STEP1_R2.has(suffix) && r2.includes(suffix)) {
    word = frCut(word, n);
    success = true;
  } else if (FR_STEP1_ATION.has(suffix) && r2.includes(suffix)) {
    word = frCut(word, n);
    success = true;
    if (word.endsWith("ic")) word = frDropIc(word, r2);
  } else if ((suffix === "logie" || suffix === "logies") && r2.includes(suffix)) {
    word = frCut(word, n) + "log";
    success = true;
  } else if (["usion", "ution", "usions", "utions"].includes(suffix) && r2.includes(suffix)) {
    word = frCut(word, n) + "u";
    success = true;
  } else if ((suffix === "ence" || suffix === "ences") && r2.includes(suffix)) {
    word = frCut(word, n) + "ent";
    success = true;
  } else if ((suffix === "it\u00e9" || suffix === "it\u00e9s") && r2.includes(suffix)) {
    word = frCut(word, n);
    success = true;
    if (word.endsWith("abil")) word = r2.includes("abil") ? frCut(word, 4) : frCut(word, 2) + "l";
    else if (word.endsWith("ic")) word = frDropIc(word, r2);
    else if (word.endsWith("iv") && r2.includes("iv")) word = frCut(word, 2);
  } else if (["if", "ive", "ifs", "ives"].includes(suffix) && r2.includes(suffix)) {
    word = frCut(word, n);
    success = true;
    if (word.endsWith("at") && r2.includes("at")) {
      word = frCut(word, 2);
      if (word.endsWith("ic")) word = frDropIc(word, r2);
    }
  }
  return { ...state, word, rv, success, rvEnding };
}

/** What follows a deleted "ement(s)": iv, ativ, eus, abl, iqU, ièr. */
function frAfterEment(word, r1, r2, rv) {
  if (word.endsWith("iv") && r2.includes("iv")) {
    word = frCut(word, 2);
    if (word.endsWith("at") && r2.includes("at")) word = frCut(word, 2);
  } else if (word.endsWith("eus")) {
    if (r2.includes("eus")) word = frCut(word, 3);
    else if (r1.includes("eus")) word = frCut(word, 1) + "x";
  } else if (word.endsWith("abl") || word.endsWith("iqU")) {
    if (r2.includes("abl") || r2.includes("iqU")) word = frCut(word, 3);
  } else if (word.endsWith("i\u00e8r") || word.endsWith("I\u00e8r")) {
    if (rv.includes("i\u00e8r") || rv.includes("I\u00e8r")) word = frCut(word, 3) + "i";
  }
  return word;
}

/** Step 2a, verb endings in i; returns [word, success]. */
function frStep2a(word, rv) {
  const suffix = FR_STEP2A.find((s) => word.endsWith(s));
  if (suffix === undefined) return [word, false];
  if (rv.includes(suffix) && [...rv].length > [...suffix].length &&
      !frVowel(frAt(rv, rv.lastIndexOf(suffix) - 1))) {
    return [frCut(word, suffix.length), true];
  }
  return [word, false];
}

/** Step 2b, the other verb endings (tested on RV); returns [word, success]. */
function frStep2b(word, rv, r2) {
  const suffix = FR_STEP2B.find((s) => rv.endsWith(s));
  if (suffix === undefined) return [word, false];
  if (suffix === "ions") {
    return r2.includes("ions") ? [frCut(word, 4), true] : [word, false];
  }
  if (FR_STEP2B_DELETE.has(suffix)) return [frCut(word, suffix.length), true];
  if (FR_STEP2B_DELETE_E.has(suffix)) {
    word = frCut(word, suffix.length);
    if (frCut(rv, suffix.length).endsWith("e")) word = frCut(word, 1);
    return [word, true];
  }
  return [word, false];
}

/** Step 4, residual endings, when no earlier step removed anything. */
function frStep4(word, rv, r2) {
  if ([...word].length >= 2 && word.endsWith("s") && !"aiou\u00e8s".includes(frAt(word, -2))) {
    word = frCut(word, 1);
  }
  // the first ending that ends the word and lies in RV (one outside RV does not stop the search)
  const suffix = FR_STEP4.find((s) => word.endsWith(s) && rv.includes(s));
  if (suffix === undefined) return word;
  if (suffix === "ion") {
    const before = frAt(rv, -4);
    return r2.includes("ion") && before !== undefined && "st".includes(before)
      ? frCut(word, 3) : word;
  }
  if (suffix === "ier" || suffix === "i\u00e8re" || suffix === "Ier" || suffix === "I\u00e8re") {
    return frCut(word, suffix.length) + "i";
  }
  if (suffix === "e") return frCut(word, 1);
  if (suffix === "\u00eb" && word.slice(-3, -1) === "gu") return frCut(word, 1);
  return word;
}

/** Step 6: the last vowel, if é or è and not the last letter, loses its accent. */
function frUnaccent(word) {
  const chars = [...word];
  for (let i = 1; i < chars.length; i++) {
    const char = chars[chars.length - i];
    if (!frVowel(char)) continue;
    if (i !== 1 && (char === "\u00e9" || char === "\u00e8")) chars[chars.length - i] = "e";
    break;
  }
  return chars.join("");
}

/** The Snowball French stem of word. */
export function stemFrench(word) {
  word = frMark(word.toLowerCase());
  const r1 = frRegion(word);
  const r2 = frRegion(r1);
  const first = frStep1({ word, rv: frRegionRV(word), r1, r2, success: false, rvEnding: false });
  ({ word } = first);
  let changed = first.success;
  if (!first.success || first.rvEnding) {
    let done;
    [word, done] = frStep2a(word, first.rv);
    if (!done) [word, done] = frStep2b(word, first.rv, r2);
    changed = changed || done;
  }
  if (changed) {
    if (word.endsWith("Y")) word = frCut(word, 1) + "i";
    else if (word.endsWith("\u00e7")) word = frCut(word, 1) + "c";
  } else {
    word = frStep4(word, first.rv, r2);
  }
  if (/(enn|onn|ett|ell|eill)$/u.test(word)) word = frCut(word, 1);
  return frUnaccent(word).replace(/I/g, "i").replace(/U/g, "u").replace(/Y/g, "y");
}
