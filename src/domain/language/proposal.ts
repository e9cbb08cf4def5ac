import { type Allocation, type Assignment, type Instance, pairScore } from '../allocation';

/** Why a client cannot take a course (the rules of CONTRACTS §3), in the advisor's words; null = feasible. */
export function infeasibility(instance: Instance, clientId: string, courseId: string): string | null {
  const client = instance.clients.find((c) => c.id === clientId);
  const course = instance.courses.find((c) => c.id === courseId);
  if (!client) return 'Person ist nicht Teil dieses Laufs';
  if (!course) return 'Kurs ist nicht Teil dieses Laufs';
  if (!client.courseTypes.includes(course.type)) return `kein Anspruch auf die Kursart ${course.type}`;
  if (!course.entryLevels.includes(client.level))
    return `Niveau ${client.level} passt nicht zum Kurs (${course.entryLevels.join(', ')})`;
  if (client.needsChildcare && !course.childcare) return 'Kinderbetreuung nötig, der Kurs bietet keine';
  if (course.womenOnly && client.gender !== 'f') return 'Frauenkurs';
  if (client.needsWomenOnly && !course.womenOnly) return 'braucht einen Frauenkurs';
  const minutes = instance.travelMinutes[client.home]?.[course.place];
  if (minutes === undefined) return 'Kursort ist vom Wohnort aus nicht erreichbar';
  if (minutes > instance.maxTravelMinutes)
    return `Fahrzeit ${minutes} min über der Grenze von ${instance.maxTravelMinutes} min`;
  return null;
}

/** Applies changes (client → course, or null to leave unplaced) to an allocation; checks seats. */
export function applyChanges(
  instance: Instance,
  base: Allocation,
  changes: readonly { client: string; course: string | null }[],
): { ok: true; allocation: Allocation } | { ok: false; issues: { path: string; message: string }[] } {
  const issues: { path: string; message: string }[] = [];
  const courseOf = new Map(base.assignments.map((a) => [a.client, a.course]));
  const clientIds = new Set(instance.clients.map((c) => c.id));
  changes.forEach((ch, i) => {
    if (!clientIds.has(ch.client)) {
      issues.push({ path: `changes.${i}.client`, message: 'Person ist nicht Teil dieses Laufs' });
      return;
    }
    if (ch.course === null) {
      courseOf.delete(ch.client);
      return;
    }
    const why = infeasibility(instance, ch.client, ch.course);
    if (why) issues.push({ path: `changes.${i}.course`, message: why });
    else courseOf.set(ch.client, ch.course);
  });
  if (issues.length) return { ok: false, issues };
  const used = new Map<string, number>();
  for (const c of courseOf.values()) used.set(c, (used.get(c) ?? 0) + 1);
  instance.courses.forEach((c) => {
    const n = used.get(c.id) ?? 0;
    if (n > c.seats)
      issues.push({
        path: 'changes',
        message: `Kurs ${c.id}: ${n} Zuweisungen, aber nur ${c.seats} freie Plätze`,
      });
  });
  if (issues.length) return { ok: false, issues };
  const clients = new Map(instance.clients.map((c) => [c.id, c]));
  const courses = new Map(instance.courses.map((c) => [c.id, c]));
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  let score = 0;
  for (const c of instance.clients) {
    const course = courseOf.get(c.id);
    if (course === undefined) {
      unassigned.push(c.id);
      continue;
    }
    assignments.push({ client: c.id, course });
    const client = clients.get(c.id)!;
    score += pairScore(client, instance.travelMinutes[client.home][courses.get(course)!.place]);
  }
  return { ok: true, allocation: { assignments, unassigned, score, optimal: false, seconds: 0 } };
}
