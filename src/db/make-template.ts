import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, PGLITE_EXTENSIONS } from './connect';
import { migrateToLatest } from './migrate';
import { ensureTemplate, TEMPLATE_DIR, TEMPLATE_TAR } from './template';

/** Entry of the build (scripts/build-server.mjs): the empty, migrated PGlite database fresh directories copy. */
export async function makePgliteTemplate(): Promise<{ dir: string; status: 'current' | 'made' }> {
  const status = await ensureTemplate(Object.keys(PGLITE_EXTENSIONS), async (dataDir) => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      // Uncompressed: loading is what counts (tests open dozens of in-memory databases from it).
      const tar = await database.pglite!.dumpDataDir('none');
      writeFileSync(join(dataDir, TEMPLATE_TAR), Buffer.from(await tar.arrayBuffer()));
    } finally {
      await database.close();
    }
  });
  return { dir: TEMPLATE_DIR, status };
}
