import {
  DummyDriver,
  Kysely,
  type OperationNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from './schema';
import { crossTenant, findViolations } from './tenant-guard';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const tables = new Set(['person', 'consent', 'audit_log']);
const check = (q: { toOperationNode(): OperationNode }) =>
  findViolations(q.toOperationNode() as never, tables).map((v) => `${v.kind} ${v.table}`);

describe('tenant guard: every statement on a tenant table names the tenant', () => {
  it('refuses a read, update and delete by bare id', () => {
    expect(check(db.selectFrom('person').select('id').where('id', '=', 'x'))).toEqual(['select person']);
    expect(check(db.updateTable('person').set({ phone: '1' }).where('id', '=', 'x'))).toEqual([
      'update person',
    ]);
    expect(check(db.deleteFrom('consent').where('id', '=', 'x'))).toEqual(['delete consent']);
  });

  it('accepts them with the tenant, qualified or not, also under OR/AND nesting', () => {
    expect(
      check(db.selectFrom('person').select('id').where('tenant_id', '=', 't').where('id', '=', 'x')),
    ).toEqual([]);
    expect(check(db.selectFrom('person as p').select('p.id').where('p.tenant_id', '=', 't'))).toEqual([]);
    expect(
      check(
        db
          .updateTable('person')
          .set({ phone: '1' })
          .where((w) => w.and([w('tenant_id', '=', 't'), w('id', '=', 'x')])),
      ),
    ).toEqual([]);
  });

  it('a tenant column of another alias does not count for the main table', () => {
    expect(
      check(
        db
          .selectFrom('person as p')
          .innerJoin('consent as c', 'c.person_id', 'p.id')
          .select('p.id')
          .where('c.tenant_id', '=', 't'),
      ),
    ).toEqual(['select person']);
  });

  it('checks subqueries as statements of their own', () => {
    const q = db
      .selectFrom('person')
      .select('id')
      .where('tenant_id', '=', 't')
      .where((eb) =>
        eb.exists(eb.selectFrom('consent as c').select('c.id').whereRef('c.person_id', '=', 'person.id')),
      );
    expect(check(q)).toEqual(['select consent']);
  });

  it('an insert must set tenant_id', () => {
    expect(check(db.insertInto('consent').values({ id: 'x' } as never))).toEqual(['insert consent']);
    expect(check(db.insertInto('consent').values({ id: 'x', tenant_id: 't' } as never))).toEqual([]);
  });

  it('tables without a tenant and statements marked as crossing tenants pass', () => {
    expect(check(db.selectFrom('tenant').select('id').where('id', '=', 'x'))).toEqual([]);
    expect(
      check(db.selectFrom('audit_log').select('id').modifyEnd(crossTenant('chain check over all regions'))),
    ).toEqual([]);
  });
});
