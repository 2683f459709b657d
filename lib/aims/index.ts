import 'server-only';
import { env } from '../env';
import { createAimsClient, type AimsClient } from './client';

let client: AimsClient | undefined;

/** The console's AIMS client, configured from the environment. */
export function aims(): AimsClient {
  client ??= createAimsClient({ baseUrl: env().AIMS_API_URL, timeoutMs: env().AIMS_TIMEOUT_MS });
  return client;
}

export { AimsError, isAimsError } from './errors';
export type { AccessKey, AimsRole } from './types';
