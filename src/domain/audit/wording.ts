// The audit log in words (German, the language of the trade): what the CSV export prints and what the web
// catalogue's `auditViewer` group says in German. A unit test keeps both the same.

/** Every action code the server writes, in the words of a reader of the log. */
export const AUDIT_ACTION_WORDS: Record<string, string> = {
  read: 'Lesen',
  read_for_update: 'Lesen zum Ändern',
  read_history: 'Änderungsverlauf lesen',
  statistics: 'Kennzahlen abrufen',
  read_status_card: 'Statuskarte lesen',
  read_consents: 'Einwilligungen lesen',
  read_handovers: 'Übergaben lesen',
  read_course_participant: 'Teilnehmende lesen',
  read_audit: 'Zugriffsprotokoll lesen',
  read_audit_log: 'Protokoll durchsuchen',
  export_audit_log: 'Protokoll exportieren',
  audit_person_lookup: 'Person für das Protokoll suchen',
  search: 'Suche',
  duplicate_check: 'Dublettenprüfung',
  duplicate_review_run: 'Dublettenprüfung der Region',
  duplicate_review: 'Dublettenvorschläge angesehen',
  duplicate_distinct: 'Als verschiedene Personen bestätigt',
  create: 'Anlegen',
  update: 'Ändern',
  change: 'Ändern',
  delete: 'Löschen',
  delete_retention: 'Löschen nach Aufbewahrungsfrist',
  export: 'Auskunft nach Art. 15 DSGVO',
  merge: 'Zusammenführen',
  add_consent: 'Einwilligung erfassen',
  withdraw_consent: 'Einwilligung widerrufen',
  withdraw: 'Widerruf',
  add_residence_status: 'Aufenthaltsstatus erfassen',
  add_household_member: 'Haushaltsmitglied erfassen',
  remove_household_member: 'Haushaltsmitglied entfernen',
  request: 'Übergabe anfragen',
  request_handover: 'Übergabe anfragen',
  handover_accept: 'Übergabe annehmen',
  handover_reject: 'Übergabe ablehnen',
  handover_complete: 'Übergabe abschließen',
  handover_revoke: 'Übergabe zurücknehmen',
  exit_check: 'Austrittsprüfung',
  impact: 'Auswirkung einer Rechtsänderung',
  enrol: 'Kursanmeldung',
  confirm: 'Bestätigen',
  import: 'Import',
  print_course_letter: 'Kursbrief drucken',
  attendance: 'Anwesenheit erfassen',
  read_attendance: 'Anwesenheitsliste lesen',
  login: 'Anmeldung',
  logout: 'Abmeldung',
  logout_all: 'Abmeldung auf allen Geräten',
  disable: 'Konto sperren',
  reset_password: 'Passwort zurücksetzen',
  read_tasks: 'Aufgaben einer Person lesen',
  create_task: 'Aufgabe zu einer Person anlegen',
  deadline_sync: 'Fristen neu berechnen',
  read_appointments: 'Termine einer Person lesen',
  book_appointment: 'Termin buchen',
  calendar_feed: 'Kalender-Adresse erzeugen',
  read_plan: 'Kooperationsplan lesen',
  update_plan: 'Kooperationsplan speichern',
  print_plan: 'Kooperationsplan drucken',
  read_fitting_measures: 'Passende Maßnahmen ansehen',
  read_notes: 'Fallnotizen lesen',
  add_note: 'Fallnotiz schreiben',
  read_conference: 'Fallbesprechung lesen',
  put_on_conference: 'Fall auf eine Fallbesprechung setzen',
  print_appointment_letter: 'Terminbrief drucken',
  read_recognition: 'Anerkennungsverfahren lesen',
  add_recognition: 'Anerkennungsverfahren erfassen',
  update_recognition: 'Anerkennungsverfahren fortschreiben',
  password_change: 'Eigenes Passwort ändern',
  second_factor_on: 'Zweiten Faktor einrichten',
  second_factor_off: 'Zweiten Faktor abschalten',
  second_factor_reset: 'Zweiten Faktor zurücksetzen',
  recovery_codes_renewed: 'Neue Wiederherstellungscodes',
  settings_change: 'Einstellungen ändern',
};

/** A code written by a newer module than this list: still words, never the code. */
export const AUDIT_ACTION_FALLBACK = 'Sonstige Aktion';

export const AUDIT_OUTCOME_WORDS = { allowed: 'erlaubt', denied: 'verweigert' } as const;

/** Why an access was refused (the access rule's reasons). */
export const AUDIT_REASON_WORDS = {
  tenant: 'andere Region',
  permission: 'Rolle ohne Berechtigung',
  scope: 'nicht im eigenen Zuständigkeitsbereich',
  no_consent: 'keine Einwilligung',
  other: 'Zugriff nicht zulässig',
} as const;

/** On what ground an access was allowed. `{{date}}` is the day the consent was given. */
export const AUDIT_GROUND_WORDS = {
  consent: 'Einwilligung vom {{date}}',
  consentUndated: 'Einwilligung',
  shared_task: 'gemeinsame Aufgabe im Integration Point (§§ 67d, 69 SGB X)',
  other: 'gesetzliche Aufgabe',
} as const;

export function auditActionWords(code: string): string {
  return AUDIT_ACTION_WORDS[code] ?? AUDIT_ACTION_FALLBACK;
}
