import { type core, z } from 'zod';

/**
 * Zod's own messages are English developer text ("Too big: expected string to have <=200 characters").
 * Every schema without its own message gets a short German one instead, the way a form names a
 * problem on its field. Installed once by the server (and wherever else schemas judge user input).
 */
export function germanMessage(issue: core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `höchstens ${max} Zeichen`;
      if (issue.origin === 'array' || issue.origin === 'set') return `höchstens ${max} Einträge`;
      if (issue.origin === 'date') return 'Datum liegt zu spät';
      return `höchstens ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'darf nicht leer sein' : `mindestens ${min} Zeichen`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'mindestens ein Eintrag' : `mindestens ${min} Einträge`;
      if (issue.origin === 'date') return 'Datum liegt zu früh';
      return `mindestens ${min}`;
    }
    case 'invalid_type':
      return issue.input === undefined ? 'Pflichtangabe fehlt' : 'ungültige Angabe';
    case 'invalid_value':
      // Nothing chosen from a list (an empty select sends "" or null): the field is missing, not wrong.
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? 'Bitte auswählen'
        : 'kein zulässiger Wert';
    case 'invalid_format':
      if (issue.format === 'email') return 'keine gültige E-Mail-Adresse';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'keine gültige Kennung';
      if (issue.format === 'date' || issue.format === 'datetime') return 'kein gültiges Datum';
      return 'ungültiges Format';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1
        ? 'muss eine ganze Zahl sein'
        : `muss ein Vielfaches von ${issue.divisor} sein`;
    case 'unrecognized_keys':
      return 'unbekannte Angabe';
    default:
      return 'ungültige Angabe';
  }
}

let installed = false;

/** Makes the German messages the default for every zod schema of this process. */
export function installGermanMessages(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: germanMessage });
}
