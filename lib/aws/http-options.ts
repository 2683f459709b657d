import { env } from '../env';

/**
 * Per-request limits for every AWS client. Without throwOnRequestTimeout the SDK's handler only
 * logs a warning and keeps waiting, so a silent region would hold its item forever.
 */
export function requestHandlerOptions() {
  return {
    requestTimeout: env().AWS_TIMEOUT_MS,
    connectionTimeout: Math.min(5000, env().AWS_TIMEOUT_MS),
    throwOnRequestTimeout: true,
  };
}
