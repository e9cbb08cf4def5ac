import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rechtskreisChangeReason } from '../../../domain/handover/record';
import { todayInGermany } from '../../../domain/reference/dates';
import { evaluate, situationFromCaseFile } from '../../../domain/rules';
import type { AppContext } from '../../context';
import { badRequest, forbidden } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams, isoDate, pastDate } from '../common-schema';
import { requestHandover } from '../handovers/service';
import { setRechtskreis } from '../persons/case-writes';
import { personOut } from '../persons/schema';
import { authorizePerson, readPerson } from '../persons/service';
import { lawFor } from '../rules/law-store';
import { loadCaseFiles, personSituation } from '../rules/situation';
import { deadlinesChanged } from '../tasks/triggers';

const firstOfNextMonth = (d: string): string => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const laterDay = (a: string, b: string): string => (a > b ? a : b);

const statusBody = z
  .object({
    kind: z.enum([
      'gestattung',
      'duldung',
      'aufenthaltserlaubnis',
      'niederlassungserlaubnis',
      'fiktionsbescheinigung',
      'eu_freizuegigkeit',
      'none',
    ]),
    paragraph: z
      .string()
      .trim()
      .regex(/^\d{1,3}[a-z]?(\(\d+\))?$/, 'Paragraph wie "25(2)", "24" oder "60a"')
      .optional(),
    since: pastDate,
    until: isoDate.optional(),
    document: z.string().trim().max(100).optional(),
    workAnnotation: z.string().trim().max(300).optional(),
    asylumApplicationDate: pastDate.optional(),
    asylumDecision: z
      .enum([
        'pending',
        'recognised',
        'rejected',
        'rejected_manifestly_unfounded',
        'rejected_inadmissible',
        'withdrawn',
        'none',
      ])
      .optional(),
    asylumDecisionDate: pastDate.optional(),
    livesInReceptionCentre: z.boolean().optional(),
    ownFaultObstacle: z.boolean().optional(),
    identityUnclear: z.boolean().optional(),
    registered: z.boolean().optional(),
    dublinCase: z.boolean().optional(),
    /**
     * Herford model: the advisor keeps the case across the Rechtskreiswechsel. A choice, never a default:
     * left out, the Jobcenter assigns the advisor as on any handover.
     */
    keepAdvisor: z.boolean().optional(),
  })
  .refine((b) => !b.until || b.until >= b.since, { path: ['until'], message: 'liegt vor dem Beginn' });

export async function residenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/persons/:id/residence-status', {
    schema: {
      tags: ['residence'],
      summary:
        'Neuen Aufenthaltsstatus erfassen (der Verlauf bleibt); löst bei Wechsel in SGB II die Übergabe an das Jobcenter aus',
      params: idParams,
      body: statusBody,
      response: {
        201: personOut.extend({
          rechtskreisChange: z
            .object({ from: z.string(), to: z.string(), handoverId: z.string().nullable() })
            .nullable(),
        }),
      },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const { row, decision } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'add_residence_status',
        requestId: req.id,
      });
      if (!decision.categories.includes('residence')) throw forbidden();
      const b = req.body;
      const today = todayInGermany();
      const { law } = await lawFor(ctx.db, actor.tenantId, today);
      const before = evaluate(await personSituation(ctx.db, actor.tenantId, row, today), law);
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('residence_status')
          .values({
            tenant_id: actor.tenantId,
            person_id: row.id,
            kind: b.kind,
            paragraph: b.paragraph ?? null,
            since: b.since,
            until: b.until ?? null,
            document: b.document ?? null,
            work_annotation: b.workAnnotation ?? null,
            asylum_application_date: b.asylumApplicationDate ?? null,
            asylum_decision: b.asylumDecision ?? null,
            asylum_decision_date: b.asylumDecisionDate ?? null,
            lives_in_reception_centre: b.livesInReceptionCentre ?? null,
            own_fault_obstacle: b.ownFaultObstacle ?? null,
            identity_unclear: b.identityUnclear ?? null,
            registered: b.registered ?? null,
            dublin_case: b.dublinCase ?? null,
            recorded_by: actor.userId,
          })
          .execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'residence_status',
            personId: row.id,
            legalBasis: decision.basis,
            details: { kind: b.kind, paragraph: b.paragraph ?? null },
          },
          req.id,
        );
      });
      await deadlinesChanged(ctx.db, actor.tenantId, [row.id], req.log);
      const file = (await loadCaseFiles(ctx.db, actor.tenantId, [row])).get(row.id) ?? {
        person: row,
        residence: [],
      };
      const now = evaluate(situationFromCaseFile(file, today), law);
      // AsylbLG ends at the end of the month in which its basis falls away (§ 1 Abs. 3 AsylbLG): judge the
      // switch on the first day after that, so the handover is prepared before the month ends.
      const effective = laterDay(today, firstOfNextMonth(b.asylumDecisionDate ?? b.since));
      const after = evaluate(situationFromCaseFile(file, effective), law);
      await setRechtskreis(ctx.db, { tenantId: actor.tenantId, personId: row.id, rechtskreis: now.benefits });

      let change: { from: string; to: string; handoverId: string | null } | null = null;
      if (before.benefits !== after.benefits) {
        change = { from: before.benefits, to: after.benefits, handoverId: null };
        // Rechtskreiswechsel AsylbLG/AA → SGB II/JC: the handover to the Jobcenter is created, pre-filled.
        if (after.benefits === 'sgb2' && after.agency === 'JC') {
          const jc = await ctx.db
            .selectFrom('agency')
            .select('id')
            .where('tenant_id', '=', actor.tenantId)
            .where('kind', '=', 'jobcenter')
            .orderBy('name')
            .executeTakeFirst();
          if (!jc) throw badRequest('In dieser Region ist kein Jobcenter angelegt.');
          const open = await ctx.db
            .selectFrom('handover')
            .where('tenant_id', '=', actor.tenantId)
            .select('id')
            .where('person_id', '=', row.id)
            .where('kind', '=', 'rechtskreiswechsel')
            .where('state', 'in', ['requested', 'accepted'])
            .executeTakeFirst();
          change.handoverId =
            open?.id ??
            (await requestHandover(
              ctx.db,
              actor,
              row.id,
              {
                kind: 'rechtskreiswechsel',
                toAgencyId: jc.id,
                toUserId:
                  b.keepAdvisor === true && row.owner_user_id && row.owner_agency_id === jc.id
                    ? row.owner_user_id
                    : undefined,
                reason: rechtskreisChangeReason({
                  from: before.benefits,
                  kind: b.kind,
                  paragraph: b.paragraph,
                  since: b.since,
                }),
                keepAdvisor: b.keepAdvisor ?? false,
                decision: after,
              },
              req.id,
            ));
        }
      }
      return reply
        .code(201)
        .send({ ...(await readPerson(ctx.db, actor, row.id, req.id)), rechtskreisChange: change });
    },
  });
}
