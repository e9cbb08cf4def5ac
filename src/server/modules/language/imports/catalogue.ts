import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { type CatalogueRow, parseCatalogue, type RowError } from '../../../../domain/language';
import { badRequest } from '../../../http/errors';
import { writeAudit } from '../../audit/audit-writer';
import { courseTypesOf } from '../course-types';
import { courseScope, ensureMunicipalityPlaces, ensureProviders, takenSeats } from '../scope';
import { type FileBody, readTable } from './tabular';

export interface CataloguePreview {
  rows: (CatalogueRow & { action: 'create' | 'update'; courseId: string | null })[];
  errors: RowError[];
  summary: {
    rows: number;
    valid: number;
    invalid: number;
    create: number;
    update: number;
    newPlaces: number;
  };
}

/** Parses and checks the whole file against the live catalogue, without storing anything. */
export async function previewCatalogue(
  db: Kysely<DB>,
  actor: Actor,
  file: FileBody,
): Promise<CataloguePreview> {
  const scope = await courseScope(db, actor);
  const table = await readTable(file);
  await ensureProviders(db, actor.tenantId);
  await ensureMunicipalityPlaces(db, actor.tenantId);
  const [types, municipalities, places, providers] = await Promise.all([
    courseTypesOf(db, actor.tenantId),
    db.selectFrom('municipality').select(['id', 'name']).where('tenant_id', '=', actor.tenantId).execute(),
    db
      .selectFrom('course_place')
      .select(['id', 'name', 'municipality_id', 'kind'])
      .where('tenant_id', '=', actor.tenantId)
      .execute(),
    db
      .selectFrom('course_provider as p')
      .innerJoin('agency as a', 'a.id', 'p.agency_id')
      .select(['p.id', 'a.name'])
      .where('p.tenant_id', '=', actor.tenantId)
      .execute(),
  ]);
  const { rows, errors } = parseCatalogue(table, {
    courseTypes: types,
    municipalities,
    places: places.map((p) => ({ id: p.id, name: p.name, municipalityId: p.municipality_id, kind: p.kind })),
    providers,
    ownProviderId: scope.kind === 'provider' ? scope.providerId : undefined,
  });
  const existing = rows.length
    ? await db
        .selectFrom('course')
        .select(['id', 'provider_id', 'ref'])
        .where('tenant_id', '=', actor.tenantId)
        .where(
          'ref',
          'in',
          rows.map((r) => r.ref),
        )
        .execute()
    : [];
  const byKey = new Map(existing.map((c) => [`${c.provider_id}|${c.ref}`, c.id]));
  const taken = await takenSeats(
    db,
    actor.tenantId,
    existing.map((c) => c.id),
  );
  const out: CataloguePreview['rows'] = [];
  const seatsHeader = table[0]?.find((h) => /pl(ä|ae)tze|seats/i.test(h)) ?? 'Plätze';
  for (const r of rows) {
    const courseId = byKey.get(`${r.providerId}|${r.ref}`) ?? null;
    const already = courseId ? (taken.get(courseId) ?? 0) : 0;
    if (courseId && r.seats < already) {
      errors.push({
        row: r.row,
        column: seatsHeader,
        message: `${already} Plätze sind in diesem Kurs schon vergeben`,
      });
      continue;
    }
    out.push({ ...r, action: courseId ? 'update' : 'create', courseId });
  }
  errors.sort((a, b) => a.row - b.row);
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const newPlaces = new Set(out.filter((r) => r.newVenue).map((r) => r.newVenue!.name.toLowerCase())).size;
  return {
    rows: out,
    errors,
    summary: {
      rows: out.length + invalidRows,
      valid: out.length,
      invalid: invalidRows,
      create: out.filter((r) => r.action === 'create').length,
      update: out.filter((r) => r.action === 'update').length,
      newPlaces,
    },
  };
}

/** Row errors as a 400 answer: each issue names row and column (path "rows.<row>.<column>"). */
export function rowIssues(errors: readonly RowError[]) {
  return errors.map((e) => ({
    path: `rows.${e.row}.${e.column || '(Zeile)'}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));
}

/** All or nothing: any row error → 400 and nothing stored; otherwise every row in one transaction. */
export async function commitCatalogue(db: Kysely<DB>, actor: Actor, file: FileBody, requestId?: string) {
  const preview = await previewCatalogue(db, actor, file);
  if (preview.errors.length > 0)
    throw badRequest(
      `Import abgelehnt: ${preview.summary.invalid} fehlerhafte Zeile(n), nichts wurde gespeichert.`,
      rowIssues(preview.errors),
    );
  const municipalities = await db
    .selectFrom('municipality')
    .select(['id', 'lat', 'lon'])
    .where('tenant_id', '=', actor.tenantId)
    .execute();
  const coords = new Map(municipalities.map((m) => [m.id, m]));
  return db.transaction().execute(async (tx) => {
    const newPlace = new Map<string, string>();
    let created = 0;
    let updated = 0;
    for (const r of preview.rows) {
      let placeId = r.placeId;
      if (!placeId && r.newVenue) {
        const key = r.newVenue.name.toLowerCase();
        placeId = newPlace.get(key) ?? null;
        if (!placeId) {
          const m = coords.get(r.municipalityId)!;
          const p = await tx
            .insertInto('course_place')
            .values({
              tenant_id: actor.tenantId,
              kind: 'venue',
              name: r.newVenue.name,
              municipality_id: r.municipalityId,
              address: r.newVenue.address,
              lat: m.lat,
              lon: m.lon,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          placeId = p.id;
          newPlace.set(key, placeId);
        }
      }
      const values = {
        place_id: placeId!,
        course_type: r.type,
        entry_levels: r.entryLevels,
        target_level: r.targetLevel,
        hours: r.hours,
        schedule: r.schedule,
        start_date: r.startDate,
        end_date: r.endDate,
        seats: r.seats,
        childcare: r.childcare,
        women_only: r.womenOnly,
      };
      if (r.courseId) {
        await tx
          .updateTable('course')
          .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
          .where('id', '=', r.courseId)
          .execute();
        updated++;
      } else {
        await tx
          .insertInto('course')
          .values({
            ...values,
            tenant_id: actor.tenantId,
            provider_id: r.providerId,
            ref: r.ref,
            created_by: actor.userId,
          })
          .execute();
        created++;
      }
    }
    await writeAudit(
      tx,
      actor,
      {
        action: 'import',
        entity: 'course',
        details: { format: file.format, created, updated, places: newPlace.size },
      },
      requestId,
    );
    return { created, updated, places: newPlace.size };
  });
}
