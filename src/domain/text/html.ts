/**
 * The few pieces every printed letter needs (course letter, cooperation plan, appointment letter): escaping,
 * isolating a value from the sentence around it, and filling a catalogue template. Self-contained HTML, no
 * framework: the letters print anywhere.
 */

export const esc = (v: unknown): string =>
  String(v ?? '—').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * A value isolated from the sentence around it (<bdi>, the markup twin of Unicode FSI…PDI): a Latin name
 * or a course number inside an Arabic sentence keeps its order, and the sentence's punctuation stays
 * where the language puts it — no reordering by hand.
 */
export const bdi = (v: unknown, dir?: 'ltr'): string => `<bdi${dir ? ` dir="${dir}"` : ''}>${esc(v)}</bdi>`;

/** A template's {{placeholders}} filled with already isolated values; the template itself is escaped. */
export const fill = (template: string, vars: Record<string, string>): string =>
  esc(template).replace(/\{\{(\w+)\}\}/g, (_m, k: string) => vars[k] ?? '');
