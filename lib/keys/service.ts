import 'server-only';
/** Key management as the console does it: AIMS calls for the signed-in user, shaped for the page. */
import { aims } from '../aims';
import { isAimsError } from '../aims/errors';
import { AppError } from '../api/errors';
import type { AccessKey } from '../aims/types';
import { MAX_ACCESS_KEYS } from '../aims/types';
import type { ConsoleSession } from '../auth/session';
import { logger } from '../log';
import { recordAudit } from '../store/audit';
import type { CreatedKeyView, KeyListView, KeyView } from '../schemas/keys';

function ref(session: ConsoleSession) {
  return { token: session.aimsToken, accountId: session.accountId, userId: session.userId };
}

function toView(k: AccessKey): KeyView {
  return {
    id: k.id,
    label: k.label ?? null,
    createdAt: k.createdAt ?? null,
    createdBy: k.createdBy ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
  };
}

export async function listKeys(session: ConsoleSession): Promise<KeyListView> {
  const keys = await aims().listAccessKeys(ref(session));
  return { keys: keys.map(toView), limit: MAX_ACCESS_KEYS };
}

export async function createKey(session: ConsoleSession, label: string): Promise<CreatedKeyView> {
  const created = await aims().createAccessKey(ref(session), label);
  logger.info('access key created', { user: session.email, account: session.accountId, keyId: created.key.id });
  recordAudit({
    alAccountId: session.accountId,
    actor: session.email,
    action: 'key.create',
    subject: `key:${created.key.id}`,
    outcome: 'ok',
    detail: { label },
  });
  return { key: toView(created.key), secretKey: created.secretKey };
}

export async function deleteKey(session: ConsoleSession, keyId: string): Promise<void> {
  await aims().deleteAccessKey(ref(session), keyId);
  logger.info('access key deleted', { user: session.email, account: session.accountId, keyId });
  recordAudit({
    alAccountId: session.accountId,
    actor: session.email,
    action: 'key.delete',
    subject: `key:${keyId}`,
    outcome: 'ok',
  });
}

export async function relabelKey(session: ConsoleSession, keyId: string, label: string): Promise<KeyView> {
  // AIMS relabels by id alone; check first that the key is this user's.
  await aims().getAccessKey(ref(session), keyId);
  const key = await aims().relabelAccessKey(session.aimsToken, keyId, label);
  logger.info('access key relabelled', { user: session.email, keyId });
  return toView(key);
}

export type KeyChoice = { mode: 'new'; label: string } | { mode: 'existing'; keyId: string; secretKey: string };

/**
 * The key a collector will use: a new labelled key (created now, audited), or an existing one whose
 * secret Alert Logic accepts for this account. Shared by the wizard, the status page and rotation.
 */
export async function resolveKey(
  session: ConsoleSession,
  choice: KeyChoice,
): Promise<{ keyId: string; secretKey: string; label: string | null }> {
  if (choice.mode === 'new') {
    const created = await createKey(session, choice.label);
    return { keyId: created.key.id, secretKey: created.secretKey, label: choice.label };
  }
  const secretKey = choice.secretKey.toLowerCase();
  try {
    const identity = await aims().authenticateAccessKey({ accessKeyId: choice.keyId, secretKey });
    if (identity.accountId !== session.accountId) {
      throw new AppError(
        'bad_request',
        `That key belongs to Alert Logic account ${identity.accountId}, not ${session.accountId}.`,
        422,
      );
    }
  } catch (err) {
    if (isAimsError(err, 'invalid_credentials')) {
      throw new AppError(
        'bad_request',
        'Alert Logic did not accept that key id and secret. Check both, or create a new key.',
        422,
      );
    }
    throw err;
  }
  const label = (
    await aims()
      .listAccessKeys(ref(session))
      .catch(() => [])
  ).find((k) => k.id === choice.keyId)?.label;
  return { keyId: choice.keyId, secretKey, label: label ?? null };
}
