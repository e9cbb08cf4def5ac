import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared';

describe('which statements run prepared', () => {
  it('names a text on its second sighting and keeps the name', () => {
    const names = new StatementNames();
    const text = 'select "id" from "person" where "tenant_id" = $1 and "id" = $2';
    expect(names.nameFor(text)).toBeUndefined();
    const name = names.nameFor(text);
    expect(name).toMatch(/^lotse_\d+$/);
    expect(names.nameFor(text)).toBe(name);
    expect(names.nameFor(`${text} `)).toBeUndefined();
  });

  it('gives different texts different names', () => {
    const names = new StatementNames();
    const a = 'select 1 where $1::int = 1';
    const b = 'select 2 where $1::int = 1';
    for (const t of [a, b, a, b]) names.nameFor(t);
    expect(names.nameFor(a)).not.toBe(names.nameFor(b));
    expect(names.size).toBe(2);
  });

  it.each([
    ['DDL', 'create table x (a int)'],
    ['SET', 'SET LOCAL session_replication_role = replica'],
    ['transaction control', 'begin'],
    ['a lock statement', 'lock table audit_log in exclusive mode'],
  ])('never prepares %s', (_what, text) => {
    const names = new StatementNames();
    for (let i = 0; i < 5; i++) expect(names.nameFor(text)).toBeUndefined();
  });

  it.each([
    ['select', 'SELECT * FROM person WHERE id = $1'],
    ['insert', 'insert into "audit_log" ("a") values ($1)'],
    ['update', 'update "person" set "a" = $1'],
    ['delete', 'delete from "task" where "id" = $1'],
    ['with', '  with x as (select 1) select * from x'],
  ])('prepares repeated %s statements', (_what, text) => {
    const names = new StatementNames();
    names.nameFor(text);
    expect(names.nameFor(text)).toBeDefined();
  });

  it('stops naming at its bound: the 401st repeated text runs unprepared', () => {
    const names = new StatementNames();
    for (let i = 0; i < 401; i++) {
      names.nameFor(`select ${i}`);
      names.nameFor(`select ${i}`);
    }
    expect(names.size).toBe(400);
    expect(names.nameFor('select 400')).toBeUndefined();
    expect(names.nameFor('select 399')).toBe('lotse_400');
  });
});
