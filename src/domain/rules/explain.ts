import type { CompiledRule } from './compile';
import { civilFromDay, type Day, formatDayDe } from './dates';
import { factLabel, factList } from './fact-labels';
import type { Cite, Vars } from './outcome';

/**
 * Explanations are the rules' own texts (law data) with the case's values filled in, so a
 * caseworker reads why — and the rule ids in the decision point to the legal basis.
 */

export type Lang = 'de' | 'en';

const DATE_VARS = new Set(['end', 'date']);

/** English readers get the British day/month/year form the web app uses, never an ISO date. */
function formatDayEn(day: Day): string {
  const [y, m, d] = civilFromDay(day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

function value(rule: CompiledRule, vars: Vars | undefined, name: string, lang: Lang): string {
  if (DATE_VARS.has(name)) {
    const d = vars?.[name as 'end' | 'date'];
    if (d === undefined || Number.isNaN(d)) return '?';
    return lang === 'de' ? formatDayDe(d) : formatDayEn(d);
  }
  // Facts are reported as paths and codes; the reader gets them in words.
  if (name === 'missing') return vars?.missing ? factList(vars.missing, lang) : '?';
  if (name === 'paragraph' || name === 'country') return vars?.[name] ?? '?';
  const p = rule.def.params;
  if (p) {
    const v = p[name as keyof typeof p];
    if (typeof v === 'number' || typeof v === 'string') return String(v);
  }
  return '?';
}

export function render(rule: CompiledRule, vars: Vars | undefined, lang: Lang): string {
  const parts = lang === 'de' ? rule.de : rule.en;
  if (parts.length === 1) return parts[0];
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += value(rule, vars, parts[i], lang) + parts[i + 1];
  return out;
}

const IRRELEVANT = {
  de: 'Unbekannt, aber ohne Einfluss auf das Ergebnis: ',
  en: 'Unknown, but without influence on the result: ',
};

/** The same rule with the same values cited earlier (e.g. one review for employment and benefits). */
function isRepeat(cites: Cite[], i: number): boolean {
  const c = cites[i];
  for (let j = 0; j < i; j++) {
    const d = cites[j];
    if (d.rule !== c.rule) continue;
    const a = c.vars;
    const b = d.vars;
    if (a === b) return true;
    if (
      a &&
      b &&
      a.end === b.end &&
      a.date === b.date &&
      a.missing === b.missing &&
      a.paragraph === b.paragraph &&
      a.country === b.country
    ) {
      return true;
    }
  }
  return false;
}

/** Joins the cited rules' texts; identical sentences (the same rule cited twice) appear once. */
export function explain(cites: Cite[], irrelevant: string[], lang: Lang): string {
  let out = '';
  for (let i = 0; i < cites.length; i++) {
    const c = cites[i];
    if (isRepeat(cites, i)) continue;
    const s = render(c.rule, c.vars, lang);
    out = out === '' ? s : `${out} ${s}`;
  }
  if (irrelevant.length > 0)
    out += `${out === '' ? '' : ' '}${IRRELEVANT[lang]}${irrelevant.map((x) => factLabel(x, lang)).join(', ')}.`;
  return out;
}
