/**
 * Vowel agreement of two Latin spellings: the secondary signal beside the consonant skeleton.
 *
 * The skeleton is vowel-blind on purpose (محمد has no vowels; Yusuf = Youssef), but within Latin
 * it also joins different names: Olena / Uliana (both "aln"), Mahmoud / Mohammed (both "mhmd"),
 * Hussein / Hassan. Transliterations vary the vowels in a few regular ways only — a/e
 * (Mohammed / Mohammad), e/i (Nesrin / Nisreen), o/u (Omar / Umar), a diphthong written ei/ai/ay
 * — so two spellings of one name have vowel sequences that align at low cost, and two different
 * names usually do not.
 */

/** Vowel runs of a Latin token in comparable form: ou/oo → u, ee → i, ue/oe/ae (German umlauts) → u/o/e, ei/ai/ay/ey → ai. */
export function vowelRuns(text: string): string[] {
  const s = text
    .toLowerCase()
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/ue/g, 'u')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'e')
    // An i followed by y/j is one i (Natalija = Nataliia, Mareeya = Mariia); otherwise y/j before a
    // vowel (or first) is a consonant, elsewhere an i (Andriy, Sergej, Mykola).
    .replace(/i[yj](?=[aeiou])/g, 'i')
    .replace(/^[yj]|[yj](?=[aeiou])/g, '-')
    .replace(/[yj]/g, 'i')
    .replace(/([aeiou])\1+/g, '$1');
  const runs = s.match(/[aeiou]+/g) ?? [];
  return runs.map(canonicalRun);
}

function canonicalRun(run: string): string {
  if (run.length === 1) return run;
  if (/^(?:ai|ei|ay|ey)$/.test(run)) return 'ai';
  if (/^(?:ii|iy|ij)$/.test(run)) return 'i';
  return run;
}

/** Cost of reading one vowel run as another: 0 for equal, small for the usual transliteration swaps. */
const SWAP: Record<string, number> = {
  'a|e': 0.3,
  'e|i': 0.3,
  'o|u': 0.2,
  'e|u': 0.6,
  'a|o': 0.6,
  'e|o': 0.7,
  'ai|e': 0.3,
  'ai|a': 0.5,
  'ai|i': 0.4,
  'au|o': 0.4,
  'au|u': 0.5,
};

function first(run: string): string {
  return run[0];
}

function swapCost(x: string, y: string): number {
  if (x === y) return 0;
  const k = x < y ? `${x}|${y}` : `${y}|${x}`;
  const direct = SWAP[k];
  if (direct !== undefined) return direct;
  // Runs of two or more vowels (ia, ua, ie …): compare by their first vowel, a little dearer.
  if (x.length > 1 || y.length > 1) {
    const a = first(x);
    const b = first(y);
    if (a === b) return 0.3;
    const k1 = a < b ? `${a}|${b}` : `${b}|${a}`;
    return Math.min(1, (SWAP[k1] ?? 1) + 0.5);
  }
  return 1;
}

/** A vowel written by one spelling only; an e (a reduced vowel) costs less. */
function indelCost(x: string): number {
  return x === 'e' ? 0.6 : 1;
}

/**
 * Agreement (0..1) of the vowel runs of two tokens: 1 − (cheapest alignment cost / number of runs
 * of the longer). 1 when neither has vowels. `strict` for two transliterations of one original
 * script (Уляна / Олена, محمود / محمد): the vowels written there do not vary between desks, so
 * any other vowel costs in full.
 */
export function vowelAgreement(a: string, b: string, strict = false): number {
  const cost = strict ? (x: string, y: string) => (x === y ? 0 : 1) : swapCost;
  const indel = strict ? () => 1 : indelCost;
  const x = vowelRuns(a);
  const y = vowelRuns(b);
  const n = x.length;
  const m = y.length;
  if (n === 0 && m === 0) return 1;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + indel(y[j - 1]);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + indel(x[i - 1]);
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(
        prev[j - 1] + cost(x[i - 1], y[j - 1]),
        prev[j] + indel(x[i - 1]),
        cur[j - 1] + indel(y[j - 1]),
      );
    }
    [prev, cur] = [cur, prev];
  }
  return Math.max(0, 1 - prev[m] / Math.max(n, m));
}
