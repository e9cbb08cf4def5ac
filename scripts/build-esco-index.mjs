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
import { strFromU8, unzipSync } from 'fflate';
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

// Essential skills per occupation (ESCO 1.1.1 relations, the newest relation table in ../shared): matching
// counts shared essential skills as occupational closeness (issue 14). Skills are numbered in URI order;
// only essential links are kept. Occupations missing from the relations (newer than 1.1.1) get none.
const relZip = unzipSync(new Uint8Array(readFileSync(join(source, 'esco-v1.1.1-relations-csv.zip'))), {
  filter: (f) => f.name === 'occupationSkillRelations.csv',
});
const relText = strFromU8(relZip['occupationSkillRelations.csv']);
const relRows = Papa.parse(relText, { header: true, skipEmptyLines: true }).data;
const known = new Set(list.map((o) => o.id));
const SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
const essential = new Map();
const skillIds = new Set();
for (const r of relRows) {
  if (r.relationType !== 'essential' || !r.occupationUri?.startsWith(PREFIX)) continue;
  const occId = r.occupationUri.slice(PREFIX.length);
  if (!known.has(occId) || !r.skillUri?.startsWith(SKILL_PREFIX)) continue;
  const skill = r.skillUri.slice(SKILL_PREFIX.length);
  skillIds.add(skill);
  const s = essential.get(occId) ?? new Set();
  s.add(skill);
  essential.set(occId, s);
}
const skillList = [...skillIds].sort();
const skillNo = new Map(skillList.map((s, i) => [s, i]));
const links = {};
for (const id of [...essential.keys()].sort())
  links[id] = [...essential.get(id)].map((s) => skillNo.get(s)).sort((a, b) => a - b);
const skillsJson = JSON.stringify({
  version: 'ESCO 1.1.1 occupationSkillRelations (modified: essential links only, skills numbered)',
  skillPrefix: SKILL_PREFIX,
  skills: skillList,
  essential: links,
});
const skillsOut = join(root, 'assets', 'esco', 'occupation-skills.json.gz');
writeFileSync(skillsOut, gzipSync(Buffer.from(skillsJson), { level: 9, mtime: 0 }));
process.stdout.write(
  `${Object.keys(links).length} Berufe mit ${skillList.length} Kernkompetenzen, ${(skillsJson.length / 1e6).toFixed(1)} MB JSON → ${skillsOut}\n`,
);
