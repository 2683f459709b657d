import 'server-only';
/** What the Targets page shows for creating the deploying role in a new account. */
import type { ConsoleSession } from '../auth/session';
import { AppError } from '../api/errors';
import { hubIdentity, suggestedExternalId } from './targets';
import { DEFAULT_ROLE_NAME, permissionPolicy, roleCliCommands, roleTemplateYaml, trustPolicy } from './role-setup';

export async function roleSetupInfo(session: ConsoleSession) {
  const externalId = suggestedExternalId(session.accountId);
  let hubAccountId: string | null = null;
  let hubError: string | null = null;
  try {
    hubAccountId = (await hubIdentity(session)).account;
  } catch (err) {
    hubError = err instanceof AppError ? err.message : 'GuardLink could not read its own AWS identity.';
  }
  const hub = hubAccountId ?? '<GuardLink account id>';
  return {
    hubAccountId,
    hubError,
    roleName: DEFAULT_ROLE_NAME,
    suggestedExternalId: externalId,
    trustPolicy: JSON.stringify(trustPolicy(hub, externalId), null, 2),
    permissionPolicy: JSON.stringify(permissionPolicy(), null, 2),
    cloudFormationTemplate: roleTemplateYaml(hub, externalId),
    cliCommands: roleCliCommands(hub, externalId),
  };
}
