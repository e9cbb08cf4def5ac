import {
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresQueryCompiler,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import type { DB } from './schema';

/**
 * Every statement on a tenant table names the tenant (issue 10.3): a SELECT, UPDATE or DELETE whose
 * main table has a `tenant_id` column must compare that column in its WHERE, and an INSERT must set it.
 * Matching by a bare id is not enough — an id from another tenant (a forged reference, a bug) would
 * reach that tenant's row. Subqueries are checked like statements of their own; joined tables are
 * reached through a row already scoped.
 *
 * The few statements that really cross tenants (a session found by its token hash before the tenant
 * is known, the audit-chain check over all regions, retention) say so with `crossTenant('why')`
 * appended via `.modifyEnd(...)`: a comment in the SQL that the guard accepts and a reviewer can grep.
 *
 * The integration suites run every statement through this guard (test/support/databases.ts), so a
 * new route that forgets the tenant fails its own tests.
 */
export const CROSS_TENANT_MARK = 'cross-tenant:';

/** Marks a statement as deliberately crossing tenants: `.modifyEnd(crossTenant('session by token'))`. */
export function crossTenant(reason: string) {
  return sql.raw(`/* ${CROSS_TENANT_MARK} ${reason.replaceAll('*/', '')} */`);
}

export interface TenantViolation {
  table: string;
  kind: 'select' | 'update' | 'delete' | 'insert';
  sql: string;
}

type Node = OperationNode & Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && 'kind' in v;

/**
 * Whether `test` holds for a child node (stops at the first). No arrays are built: the guard runs on every
 * statement of every request, and the allocations of a collecting walk were most of its cost (profiled).
 */
function someChild(node: Node, test: (child: Node) => boolean): boolean {
  for (const key in node) {
    const v = node[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x) && test(x)) return true;
    } else if (isNode(v) && test(v)) return true;
  }
  return false;
}

function forEachChild(node: Node, fn: (child: Node) => void): void {
  someChild(node, (c) => {
    fn(c);
    return false;
  });
}

function identifier(node: unknown): string | undefined {
  return isNode(node) && node.kind === 'IdentifierNode' ? (node.name as string) : undefined;
}

/** The table name and the name it is referred to by (alias or name) of a FROM item. */
function tableOf(item: Node): { table: string; ref: string } | undefined {
  if (item.kind === 'TableNode') {
    const name = identifier((item.table as Node).identifier);
    return name ? { table: name, ref: name } : undefined;
  }
  if (item.kind === 'AliasNode' && isNode(item.node) && item.node.kind === 'TableNode') {
    const inner = tableOf(item.node);
    const alias = identifier(item.alias);
    return inner && alias ? { table: inner.table, ref: alias } : undefined;
  }
  return undefined;
}

/** Whether `tenant_id` of `ref` (or unqualified) is compared anywhere in the subtree, subqueries excluded. */
function namesTenant(node: Node | undefined, ref: string): boolean {
  if (!node) return false;
  if (node.kind === 'ReferenceNode') {
    const column = node.column as Node;
    const col = column.kind === 'ColumnNode' ? identifier(column.column) : undefined;
    if (col !== 'tenant_id') return false;
    const table = node.table ? identifier(((node.table as Node).table as Node).identifier) : undefined;
    return table === undefined || table === ref;
  }
  if (node.kind === 'ColumnNode') return identifier(node.column) === 'tenant_id';
  if (node.kind === 'SelectQueryNode') return false;
  return someChild(node, (c) => namesTenant(c, ref));
}

function isMarked(node: Node): boolean {
  const mods = node.endModifiers as Node[] | undefined;
  if (!mods || mods.length === 0) return false;
  const marks = (n: Node): boolean =>
    n.kind === 'RawNode'
      ? ((n.sqlFragments as string[] | undefined) ?? []).some((t) => t.includes(CROSS_TENANT_MARK))
      : someChild(n, marks);
  return mods.some(marks);
}

/** Violations in one statement tree (the statement and each of its subqueries). */
export function findViolations(
  root: Node,
  tenantTables: ReadonlySet<string>,
): Omit<TenantViolation, 'sql'>[] {
  const out: Omit<TenantViolation, 'sql'>[] = [];
  const visit = (node: Node, marked: boolean) => {
    const here = marked || isMarked(node);
    if (!here) {
      if (node.kind === 'SelectQueryNode' || node.kind === 'DeleteQueryNode') {
        const froms = ((node.from as Node | undefined)?.froms as Node[] | undefined) ?? [];
        for (const f of froms) {
          const t = tableOf(f);
          if (t && tenantTables.has(t.table) && !namesTenant(node.where as Node | undefined, t.ref)) {
            out.push({ table: t.table, kind: node.kind === 'SelectQueryNode' ? 'select' : 'delete' });
          }
        }
      } else if (node.kind === 'UpdateQueryNode' && isNode(node.table)) {
        const t = tableOf(node.table);
        if (t && tenantTables.has(t.table) && !namesTenant(node.where as Node | undefined, t.ref)) {
          out.push({ table: t.table, kind: 'update' });
        }
      } else if (node.kind === 'InsertQueryNode' && isNode(node.into)) {
        const t = tableOf(node.into);
        const columns = ((node.columns as Node[] | undefined) ?? []).map((c) => identifier(c.column));
        if (t && tenantTables.has(t.table) && !columns.includes('tenant_id')) {
          out.push({ table: t.table, kind: 'insert' });
        }
      }
    }
    forEachChild(node, (c) => visit(c, here));
  };
  visit(root, false);
  return out;
}

/**
 * The guard as a Kysely plugin. `onViolation` decides what happens: the test suites throw (the
 * statement fails, so does the test); a report mode can collect instead.
 */
export function tenantGuard(
  tenantTables: ReadonlySet<string>,
  onViolation: (v: TenantViolation) => void,
): KyselyPlugin {
  const compiler = new PostgresQueryCompiler();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      const found = findViolations(node as unknown as Node, tenantTables);
      if (found.length > 0) {
        const text = compiler.compileQuery(node, queryId).sql;
        for (const v of found) onViolation({ ...v, sql: text });
      }
      return node;
    },
    async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      return result;
    },
  };
}

/** The tables of the current schema that carry a tenant_id column. */
export async function loadTenantTables(db: Kysely<DB>): Promise<Set<string>> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where column_name = 'tenant_id' and table_schema = current_schema()`.execute(db);
  return new Set(r.rows.map((x) => x.table_name));
}
