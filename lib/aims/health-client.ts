import 'server-only';
import { env } from '../env';
import { aims } from './index';
import { createCollectorHealthClient } from './collector-health';

let client: ReturnType<typeof createCollectorHealthClient> | undefined;

/** The console's reader of collectors_status and iris, sharing the AIMS settings. */
export function aimsHealth() {
  client ??= createCollectorHealthClient(aims(), { timeoutMs: env().AIMS_TIMEOUT_MS, retries: 1, retryBaseMs: 300 });
  return client;
}
