/** IAM (awsQuery 2010-05-08): SimulatePrincipalPolicy against the simulator's deny list (§7.6). */
import { AwsError } from './errors';
import { type CallContext, type Operation } from './operation';
import { memberList } from './query-params';
import { xmlFields } from './wire-xml';

const PRINCIPAL_ARN = /^arn:aws:iam::(\d{12}):(role|user)\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

function simulatePrincipalPolicy(ctx: CallContext): string {
  const { world, form, identity } = ctx;
  const source = form.get('PolicySourceArn') ?? '';
  const m = PRINCIPAL_ARN.exec(source);
  if (!m) throw new AwsError('InvalidInput', `ARN ${source} is not valid.`);
  const [, account, kind, name] = m as unknown as [string, string, 'role' | 'user', string];
  // IAM looks the name up in the caller's own account: another account's principal is unknown here.
  const record = world.accounts.get(identity.account);
  const known =
    account === identity.account &&
    (kind === 'role' ? record?.roles.get(name) : record?.users.get(name))?.arn === source;
  if (!known) throw new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`, 404);
  const actions = memberList(form, 'ActionNames');
  if (actions.length === 0) {
    throw new AwsError(
      'ValidationError',
      "1 validation error detected: Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
    );
  }
  const resource = memberList(form, 'ResourceArns')[0] ?? '*';
  return xmlFields({
    EvaluationResults: actions.map((action) => ({
      EvalActionName: action,
      EvalResourceName: resource,
      EvalDecision: world.isDenied(account, name, action) ? 'implicitDeny' : 'allowed',
      MatchedStatements: [],
      MissingContextValues: [],
    })),
    IsTruncated: false,
  });
}

export const IAM_OPERATIONS: Operation[] = [
  {
    name: 'SimulatePrincipalPolicy',
    action: 'iam:SimulatePrincipalPolicy',
    resource: (ctx) => ctx.form.get('PolicySourceArn') ?? '*',
    run: simulatePrincipalPolicy,
  },
];
