import { openDatabase, PGLITE_EXTENSIONS } from './connect';
import { migrateToLatest } from './migrate';
import { ensureTemplate, TEMPLATE_DIR } from './template';

/** Entry of the build (scripts/build-server.mjs): the empty, migrated PGlite database fresh directories copy. */
export async function makePgliteTemplate(): Promise<{ dir: string; status: 'current' | 'made' }> {
  const status = await ensureTemplate(Object.keys(PGLITE_EXTENSIONS), async (dataDir) => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
  });
  return { dir: TEMPLATE_DIR, status };
}
