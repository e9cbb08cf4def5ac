import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exitDueOn } from '../../../domain/handover/exit';
import { todayInGermany } from '../../../domain/reference/dates';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams } from '../common-schema';
import { personScope } from '../persons/scope';
import { authorizePerson } from '../persons/service';
import { readSettings } from '../settings/service';
import { handoverRecordFor } from './record-facts';

async function maxStayMonths(ctx: AppContext, tenantId: string): Promise<number> {
  return (await readSettings(ctx.db, tenantId)).ipMaxStayMonths;
}

export async function exitRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/exit-check', {
    schema: {
      tags: ['handover'],
      summary:
        'Übergang in die Regelorganisation: Fälligkeit nach der Höchstverweildauer und Vollständigkeits-Checkliste',
      params: idParams,
      response: {
        200: z.object({
          ipEntryDate: z.string().nullable(),
          maxStayMonths: z.number(),
          dueOn: z.string().nullable(),
          due: z.boolean(),
          missing: z.array(z.object({ key: z.string(), label: z.string() })),
        }),
      },
    },
    config: { access: { permission: 'handover:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { row } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'exit_check',
        requestId: req.id,
      });
      const months = await maxStayMonths(ctx, actor.tenantId);
      const dueOn = row.ip_entry_date ? exitDueOn(row.ip_entry_date, months) : null;
      const record = await handoverRecordFor(ctx.db, actor.tenantId, row.id, null);
      return {
        ipEntryDate: row.ip_entry_date,
        maxStayMonths: months,
        dueOn,
        due: dueOn !== null && dueOn <= todayInGermany(),
        missing: record.missing,
      };
    },
  });

  r.get('/api/exits/due', {
    schema: {
      tags: ['handover'],
      summary:
        'Fälle, deren Höchstverweildauer im IP erreicht ist (oder in den nächsten Tagen erreicht wird)',
      querystring: z.object({ withinDays: z.coerce.number().int().min(0).max(365).default(30) }),
      response: {
        200: z.object({
          maxStayMonths: z.number(),
          items: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              ipEntryDate: z.string(),
              dueOn: z.string(),
              owner: z.string().nullable(),
            }),
          ),
        }),
      },
    },
    config: { access: { permission: 'handover:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const today = todayInGermany();
      const months = await maxStayMonths(ctx, actor.tenantId);
      const rows = await ctx.db
        .selectFrom('person')
        .leftJoin('app_user as o', 'o.id', 'person.owner_user_id')
        .select([
          'person.id',
          'person.given_names',
          'person.family_name',
          'person.ip_entry_date',
          'o.display_name',
        ])
        .where(personScope(actor, today))
        .where('person.case_status', 'in', ['intake', 'active'])
        .where('person.ip_entry_date', 'is not', null)
        .execute();
      const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + req.query.withinDays * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const items = rows
        .map((p) => ({
          id: p.id,
          name: `${p.given_names} ${p.family_name}`,
          ipEntryDate: p.ip_entry_date!,
          dueOn: exitDueOn(p.ip_entry_date!, months),
          owner: p.display_name,
        }))
        .filter((p) => p.dueOn <= horizon)
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
      await writeAudit(
        ctx.db,
        actor,
        { action: 'search', entity: 'person', details: { list: 'exits_due', results: items.length } },
        req.id,
      );
      return { maxStayMonths: months, items };
    },
  });
}
