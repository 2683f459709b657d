/**
 * The Alert Logic side of a scenario, done through the Alert Logic simulator's public API as the
 * console would: sign in as the demo administrator, create an access key, and open a session with
 * that key (which is what the scenario's collectors then hold).
 */
import {
  AL_SERVICES,
  type AlContext,
  type AlHosts,
  type AlSession,
  AlertLogicError,
  authenticate,
  hostUrl,
  resolveEndpoint,
} from '../collector/alertlogic';

const SCENARIO_ADMIN = { email: 'admin@example.com', password: 'Demo-Admin-1' };

/** A scenario that cannot be built: `status` is what the control call answers. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface ScenarioKey {
  accessKeyId: string;
  secretKey: string;
  session: AlSession;
  hosts: AlHosts;
}

async function send(ctx: AlContext, path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`${hostUrl(ctx.aimsUrl)}${path}`, { ...init, signal: ctx.signal });
  } catch (err) {
    throw new ScenarioError(`Alert Logic simulator unreachable at ${ctx.aimsUrl}: ${String(err)}`, 502);
  }
}

/** Signs in as the administrator and creates the key the scenario's collectors use (AIMS allows 5 per user). */
export async function createScenarioKey(ctx: AlContext, label: string): Promise<ScenarioKey> {
  const basic = Buffer.from(`${SCENARIO_ADMIN.email}:${SCENARIO_ADMIN.password}`).toString('base64');
  const auth = await send(ctx, '/aims/v1/authenticate', {
    method: 'POST',
    headers: { authorization: `Basic ${basic}` },
  });
  if (auth.status !== 200) throw new ScenarioError(`AIMS refused ${SCENARIO_ADMIN.email}: ${auth.status}`, 502);
  const { authentication } = (await auth.json()) as {
    authentication: { token: string; user: { id: string; account_id: string } };
  };
  const { token, user } = authentication;
  const created = await send(ctx, `/aims/v1/${user.account_id}/users/${user.id}/access_keys`, {
    method: 'POST',
    headers: { 'x-aims-auth-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  if (created.status === 400) {
    throw new ScenarioError(`${SCENARIO_ADMIN.email} already has 5 access keys: reset the Alert Logic simulator`, 409);
  }
  if (created.status !== 201) throw new ScenarioError(`AIMS refused to create an access key: ${created.status}`, 502);
  const key = (await created.json()) as { access_key_id: string; secret_key: string };
  try {
    const session = await authenticate(ctx, key.access_key_id, key.secret_key);
    const hosts: Partial<AlHosts> = {};
    for (const service of AL_SERVICES) hosts[service] = await resolveEndpoint(ctx, session, service);
    return { accessKeyId: key.access_key_id, secretKey: key.secret_key, session, hosts: hosts as AlHosts };
  } catch (err) {
    if (err instanceof AlertLogicError) throw new ScenarioError(err.message, 502);
    throw err;
  }
}
