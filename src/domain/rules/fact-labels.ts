/**
 * The facts a review names, in the words of the trade. The engine reports situation paths
 * ("status.since"), contradiction codes ("conflict.entryAfterStatus") and uncovered cases
 * ("status.paragraph=18b"); explanations and the status card show these sentences instead, so no
 * caseworker ever reads a field name. The web catalogues carry the same words (group caseFacts) in
 * every UI language; this table serves the explanations, which the law data writes in German and English.
 */

type Words = { de: string; en: string };

export const FACT_LABELS: Record<string, Words> = {
  asOf: { de: 'Stichtag der Bewertung', en: 'day of the evaluation' },
  'status.kind': { de: 'Art des Aufenthaltsstatus', en: 'kind of residence status' },
  'status.paragraph': {
    de: 'Rechtsgrundlage (Paragraph) des Titels',
    en: 'legal basis (paragraph) of the title',
  },
  'status.since': { de: 'Beginn des Aufenthaltsstatus', en: 'start of the residence status' },
  'status.until': { de: 'Gültigkeit des Dokuments', en: 'validity of the document' },
  'status.livesInReceptionCentre': {
    de: 'Wohnpflicht in einer Aufnahmeeinrichtung',
    en: 'obligation to live in a reception centre',
  },
  'status.asylumApplicationDate': { de: 'Datum des Asylantrags', en: 'date of the asylum application' },
  'status.asylumDecision': { de: 'Stand des Asylverfahrens', en: 'state of the asylum procedure' },
  'status.decisionDate': { de: 'Datum der Asylentscheidung', en: 'date of the asylum decision' },
  'status.ownFaultObstacle': {
    de: 'selbst zu vertretendes Abschiebungshindernis',
    en: 'self-caused obstacle to removal',
  },
  'status.identityUnclear': {
    de: 'ungeklärte Identität (§ 60b AufenthG)',
    en: 'unclear identity (§ 60b AufenthG)',
  },
  'status.registered': { de: 'erkennungsdienstliche Registrierung', en: 'registration (fingerprinting)' },
  'status.dublinCase': {
    de: 'Dublin-Fall oder Schutz in einem anderen Mitgliedstaat',
    en: 'Dublin case or protection in another member state',
  },
  'status.suspensiveEffectRestored': {
    de: 'aufschiebende Wirkung durch das Verwaltungsgericht angeordnet',
    en: 'suspensive effect restored by the court',
  },
  'status.suspensionDecisionDate': {
    de: 'Datum der Entscheidung über die Aussetzung der Abschiebung',
    en: 'date of the decision suspending removal',
  },
  'status.becauseOfWar': {
    de: 'Titel nach § 23 Abs. 1 AufenthG wegen des Krieges im Heimatland',
    en: '§ 23(1) AufenthG title because of the war in the home country',
  },
  'status.benefitMotivatedEntry': {
    de: 'Einreise, um Leistungen zu erhalten',
    en: 'entry to obtain benefits',
  },
  'status.employmentPermitted': {
    de: 'Nebenbestimmung „Erwerbstätigkeit erlaubt“',
    en: 'annotation “Erwerbstätigkeit erlaubt”',
  },
  nationality: { de: 'Staatsangehörigkeit', en: 'nationality' },
  entryDate: { de: 'Datum der Einreise', en: 'date of entry' },
  germanLevel: { de: 'Deutschkenntnisse (Sprachstand)', en: 'German level' },
  literacy: { de: 'Alphabetisierung', en: 'literacy' },
  employed: { de: 'Beschäftigung', en: 'employment' },
  jobOffer: { de: 'Arbeitsangebot', en: 'job offer' },
  ableToWork: { de: 'Erwerbsfähigkeit', en: 'ability to work' },
  birthDate: { de: 'Geburtsdatum', en: 'date of birth' },
  gender: { de: 'Geschlecht', en: 'gender' },
  parent: { de: 'Kinder zu betreuen', en: 'children to care for' },
  integrationCourseCompleted: { de: 'Integrationskurs abgeschlossen', en: 'integration course completed' },
  integrationCourseObliged: {
    de: 'Verpflichtung zum Integrationskurs',
    en: 'obligation to attend an integration course',
  },
  recognitionProcedure: { de: 'Anerkennungsverfahren', en: 'recognition procedure' },
  permittedStaySince: {
    de: 'Beginn des erlaubten, geduldeten oder gestatteten Aufenthalts',
    en: 'start of permitted, tolerated or gestattet stay',
  },
  permitRequestedOn: {
    de: 'Tag der Anfrage der Ausländerbehörde bei der BA',
    en: 'day the Ausländerbehörde asked the BA',
  },
  'conflict.statusStartsLater': {
    de: 'der Aufenthaltsstatus beginnt erst nach dem Stichtag',
    en: 'the residence status begins after the day of the evaluation',
  },
  'conflict.applicationLater': {
    de: 'der Asylantrag liegt nach dem Stichtag',
    en: 'the asylum application is dated after the day of the evaluation',
  },
  'conflict.arrivalLater': {
    de: 'der Ankunftsnachweis liegt nach dem Stichtag',
    en: 'the arrival certificate is dated after the day of the evaluation',
  },
  'conflict.entryAfterArrival': {
    de: 'die Einreise liegt nach dem Ankunftsnachweis',
    en: 'the entry is dated after the arrival certificate',
  },
  'conflict.entryLater': {
    de: 'die Einreise liegt nach dem Stichtag',
    en: 'the entry is dated after the day of the evaluation',
  },
  'conflict.entryAfterStatus': {
    de: 'die Einreise liegt nach dem Beginn des Aufenthaltsstatus',
    en: 'the entry is dated after the start of the residence status',
  },
  'conflict.entryAfterApplication': {
    de: 'die Einreise liegt nach dem Asylantrag',
    en: 'the entry is dated after the asylum application',
  },
  'conflict.stayStartLater': {
    de: 'der Beginn des erlaubten Aufenthalts liegt nach dem Stichtag',
    en: 'the start of permitted stay is after the day of the evaluation',
  },
  'conflict.untilBeforeSince': {
    de: 'das Dokument endet vor seinem Beginn',
    en: 'the document ends before it begins',
  },
  'conflict.decisionLater': {
    de: 'die Asylentscheidung liegt nach dem Stichtag',
    en: 'the asylum decision is dated after the day of the evaluation',
  },
  'conflict.withdrawnGestattung': {
    de: 'Aufenthaltsgestattung trotz zurückgenommenem Asylantrag (§ 67 Abs. 1 Nr. 3 AsylG)',
    en: 'Aufenthaltsgestattung although the asylum application was withdrawn (§ 67(1) no. 3 AsylG)',
  },
  'conflict.recognisedDuldung': {
    de: 'Duldung trotz Anerkennung im Asylverfahren',
    en: 'Duldung although the asylum application was granted',
  },
  'conflict.identity60b': {
    de: 'Duldung nach § 60b AufenthG, aber Identität als geklärt erfasst',
    en: 'Duldung under § 60b AufenthG, but identity recorded as clarified',
  },
  'coverage.beforeStart': {
    de: 'Stichtag vor Beginn der Regeldaten',
    en: 'day before the start of the rule data',
  },
  'status.kind=none': {
    de: 'kein Aufenthaltsstatus erfasst (§ 1 Abs. 1 Nr. 5 AsylbLG prüfen)',
    en: 'no residence status recorded (check § 1(1) no. 5 AsylbLG)',
  },
};

const OTHER: Words = { de: 'diese Fallgestaltung', en: 'this kind of case' };

/** A title paragraph the rule data do not cover: "Titel nach § 18b AufenthG". */
function paragraphWords(p: string, lang: 'de' | 'en'): string {
  const m = /^(\d+[a-z]?)(?:\((\d+[a-z]?)\))?(\d+)?$/.exec(p);
  const law = m ? `§ ${m[1]}${m[2] ? (lang === 'de' ? ` Abs. ${m[2]}` : `(${m[2]})`) : ''}` : `§ ${p}`;
  return lang === 'de' ? `Titel nach ${law} AufenthG` : `title under ${law} AufenthG`;
}

/** One reported fact in words; a rule family without rule data on that day reads "diese Fallgestaltung". */
export function factLabel(item: string, lang: 'de' | 'en'): string {
  const known = FACT_LABELS[item] ?? FACT_LABELS[item.replace(/ \(.*\)$/, '')];
  if (known) return known[lang];
  const paragraph = /^status\.paragraph=(.+)$/.exec(item);
  if (paragraph) return paragraphWords(paragraph[1], lang);
  return OTHER[lang];
}

/** "a, b" (the engine's joined list) in words. */
export function factList(items: string, lang: 'de' | 'en'): string {
  return items
    .split(', ')
    .map((x) => factLabel(x, lang))
    .join(', ');
}
