/** STS (awsQuery 2011-06-15): GetCallerIdentity and AssumeRole with trust and ExternalId checks (§4). */
import { AwsError, validationError } from './errors';
import { secretAccessKey, sessionAccessKeyId, sessionToken } from './ids';
import { type CallContext, type Operation } from './operation';
import { xmlFields } from './wire-xml';
import { type Identity } from './world-types';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const MIN_DURATION = 900;
const MAX_DURATION = 43200;
const CHAINED_MAX_DURATION = 3600;

/** STS's own wording for a request that breaks a member constraint. */
const constraint = (value: string | null, member: string, rule: string): AwsError =>
  validationError(
    `1 validation error detected: Value ${value === null ? 'null' : `'${value}'`} at '${member}' failed to satisfy constraint: ${rule}`,
  );

function getCallerIdentity(ctx: CallContext): string {
  const { arn, userId, account } = ctx.identity;
  return xmlFields({ Arn: arn, UserId: userId, Account: account });
}

function validated(form: URLSearchParams): {
  roleArn: string;
  session: string;
  externalId?: string;
  duration?: number;
} {
  const roleArn = form.get('RoleArn');
  if (roleArn === null) throw constraint(null, 'roleArn', 'Member must not be null');
  if (roleArn.length < 20) throw constraint(roleArn, 'roleArn', 'Member must have length greater than or equal to 20');
  const session = form.get('RoleSessionName');
  if (session === null) throw constraint(null, 'roleSessionName', 'Member must not be null');
  if (session.length < 2) {
    throw constraint(session, 'roleSessionName', 'Member must have length greater than or equal to 2');
  }
  if (session.length > 64)
    throw constraint(session, 'roleSessionName', 'Member must have length less than or equal to 64');
  if (!SESSION_NAME.test(session)) {
    throw constraint(session, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
  }
  const externalId = form.get('ExternalId') ?? undefined;
  if (externalId !== undefined) {
    if (externalId.length < 2) {
      throw constraint(externalId, 'externalId', 'Member must have length greater than or equal to 2');
    }
    if (externalId.length > 1224) {
      throw constraint(externalId, 'externalId', 'Member must have length less than or equal to 1224');
    }
    if (!EXTERNAL_ID.test(externalId)) {
      throw constraint(externalId, 'externalId', 'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*');
    }
  }
  const rawDuration = form.get('DurationSeconds');
  let duration: number | undefined;
  if (rawDuration !== null) {
    duration = Number(rawDuration);
    if (!Number.isInteger(duration)) throw constraint(rawDuration, 'durationSeconds', 'Member must be an integer');
    if (duration < MIN_DURATION) {
      throw constraint(
        rawDuration,
        'durationSeconds',
        `Member must have value greater than or equal to ${MIN_DURATION}`,
      );
    }
    if (duration > MAX_DURATION) {
      throw constraint(rawDuration, 'durationSeconds', `Member must have value less than or equal to ${MAX_DURATION}`);
    }
  }
  return { roleArn, session, externalId, duration };
}

function assumeRole(ctx: CallContext): string {
  const { world, identity: caller } = ctx;
  world.assumeRoleCalls += 1;
  const input = validated(ctx.form);
  const m = ROLE_ARN.exec(input.roleArn);
  const role = m ? world.accounts.get(m[1] ?? '')?.roles.get(m[2] ?? '') : undefined;
  // AWS answers every trust failure alike, unknown roles included, so a probe learns nothing.
  const refused =
    !role ||
    role.arn !== input.roleArn ||
    caller.account !== role.trustedAccount ||
    role.externalId !== input.externalId ||
    world.isDenied(caller.account, caller.principal, 'sts:AssumeRole');
  if (refused) {
    throw new AwsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`,
      403,
    );
  }
  const duration = input.duration ?? 3600;
  if (caller.kind === 'assumed-role' && duration > CHAINED_MAX_DURATION) {
    throw validationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (duration > role.maxSessionDuration) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  const identity: Identity = {
    account: role.arn.split(':')[4] ?? '',
    arn: `arn:aws:sts::${role.arn.split(':')[4]}:assumed-role/${role.name}/${input.session}`,
    userId: `${role.roleId}:${input.session}`,
    principal: role.name,
    kind: 'assumed-role',
  };
  const session = {
    accessKeyId: sessionAccessKeyId(),
    secretAccessKey: secretAccessKey(),
    sessionToken: sessionToken(),
    expiration: new Date(Date.now() + duration * 1000),
    identity,
  };
  world.sessions.set(session.accessKeyId, session);
  return xmlFields({
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    AssumedRoleUser: { AssumedRoleId: identity.userId, Arn: identity.arn },
  });
}

export const STS_OPERATIONS: Operation[] = [
  // GetCallerIdentity needs no permission: it works even when everything is denied.
  { name: 'GetCallerIdentity', run: getCallerIdentity },
  // AssumeRole folds the caller's own sts:AssumeRole permission into the trust check above.
  { name: 'AssumeRole', run: assumeRole },
];
