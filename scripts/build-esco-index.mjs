#!/usr/bin/env node
// Builds the compact ESCO occupation index the app ships (assets/esco/occupations.json.gz) from the original
// ESCO CSV exports (../shared/data/esco by default, or the folder given as the first argument).
// Reproducible: same input, same bytes (sorted by URI, no timestamps). Modified from ESCO: only conceptUri
// (shortened to its id), ISCO-08 unit group, preferred and alternative labels in de, en, ar, uk, with the
// "m/f" labels split into their forms. ESCO notice: "This service uses the ESCO classification of the
// European Commission." (assets/esco/NOTICE.md)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'data', 'esco');
const LANGS = ['de', 'en', 'ar', 'uk'];
const PREFIX = 'http://data.europa.eu/esco/occupation/';

/** "Bäcker/Bäckerin" → both forms; "Technischer Leiter für Bühne, Film und Fernsehen/Technische Leiterin …" too. */
function forms(label) {
  const parts = label
    .split(/\s*\/\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
  // "Import-/Exportkaufmann" is one word with a shared ending, not two forms: not split.
  if (parts.length < 2 || parts.some((p) => p.endsWith('-') || p.length < 3)) return [label.trim()];
  return [label.trim(), ...parts];
}

const occ = new Map();
for (const lang of LANGS) {
  const text = readFileSync(join(source, `occupations_${lang}.csv`), 'utf8');
  const rows = Papa.parse(text, { header: true, skipEmptyLines: true }).data;
  // Some concepts appear twice (en): the newest modifiedDate wins.
  const newest = new Map();
  for (const r of rows) {
    if (r.conceptType !== 'Occupation' || !r.conceptUri?.startsWith(PREFIX)) continue;
    const prev = newest.get(r.conceptUri);
    if (!prev || (r.modifiedDate ?? '') > (prev.modifiedDate ?? '')) newest.set(r.conceptUri, r);
  }
  for (const r of newest.values()) {
    const id = r.conceptUri.slice(PREFIX.length);
    const o = occ.get(id) ?? { id, isco: '', labels: {} };
    if (!o.isco && /^\d{4}$/.test(r.iscoGroup ?? '')) o.isco = r.iscoGroup;
    const preferred = forms(r.preferredLabel ?? '');
    const alt = (r.altLabels ?? '').split('\n').flatMap((l) => (l.trim() ? forms(l) : []));
    o.labels[lang] = [...new Set([...preferred, ...alt])];
    occ.set(id, o);
  }
}
const list = [...occ.values()]
  .filter((o) => o.labels.de || o.labels.en)
  .sort((a, b) => (a.id < b.id ? -1 : 1));
const json = JSON.stringify({
  version: 'ESCO 1.2 (modified: labels only, m/f forms split)',
  prefix: PREFIX,
  occupations: list,
});
const out = join(root, 'assets', 'esco', 'occupations.json.gz');
writeFileSync(out, gzipSync(Buffer.from(json), { level: 9, mtime: 0 }));
process.stdout.write(`${list.length} Berufe, ${(json.length / 1e6).toFixed(1)} MB JSON → ${out}\n`);
