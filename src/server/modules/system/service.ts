import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { isDatabaseUnavailable } from '../../plugins/db-unavailable';
import { ping } from './repo';

/**
 * Whether the database answers now, for the health check. False when it is busy or away (a load balancer
 * takes the instance out until it answers again); any other error is a fault and is thrown.
 */
export async function databaseReachable(db: Kysely<DB>): Promise<boolean> {
  try {
    await ping(db);
    return true;
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return false;
  }
}
