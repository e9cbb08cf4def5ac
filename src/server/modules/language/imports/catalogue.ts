import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import { type CatalogueRow, catalogueSteps, type RowError } from '../../../../domain/language';
import { runYielding } from '../../../http/yielding';
import { writeAudit } from '../../audit/audit-writer';
import { courseTypesOf } from '../course-types';
import { courseScope, ensureMunicipalityPlaces, ensureProviders, takenSeats } from '../scope';
import { digestErrors, type ErrorDigest, refuseImport } from './errors';
import { withImportSlot } from './limits';
import { type FileBody, readTable } from './tabular';

interface CheckedCatalogue {
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

export type CataloguePreview = Omit<CheckedCatalogue, 'errors'> & ErrorDigest;

/** Parses and checks the whole file against the live catalogue, without storing anything. */
export function previewCatalogue(db: Kysely<DB>, actor: Actor, file: FileBody): Promise<CataloguePreview> {
  return withImportSlot(async () => {
    const { errors, ...rest } = await checkCatalogue(db, actor, file);
    return { ...rest, ...digestErrors(errors) };
  });
}

async function checkCatalogue(db: Kysely<DB>, actor: Actor, file: FileBody): Promise<CheckedCatalogue> {
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
  const { rows, errors } = await runYielding(
    catalogueSteps(table, {
      courseTypes: types,
      municipalities,
      places: places.map((p) => ({
        id: p.id,
        name: p.name,
        municipalityId: p.municipality_id,
        kind: p.kind,
      })),
      providers,
      ownProviderId: scope.kind === 'provider' ? scope.providerId : undefined,
    }),
  );
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
  const out: CheckedCatalogue['rows'] = [];
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

/** All or nothing: any row error → 400 and nothing stored; otherwise every row in one transaction. */
export function commitCatalogue(db: Kysely<DB>, actor: Actor, file: FileBody, requestId?: string) {
  return withImportSlot(() => storeCatalogue(db, actor, file, requestId));
}

async function storeCatalogue(db: Kysely<DB>, actor: Actor, file: FileBody, requestId?: string) {
  const preview = await checkCatalogue(db, actor, file);
  if (preview.errors.length > 0) throw refuseImport(preview.errors);
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
          .where('tenant_id', '=', actor.tenantId)
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
