import 'server-only';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { awsClient, type AwsScope } from './clients';

/** The actions (of those asked) that the principal is not allowed. */
export async function deniedActions(
  scope: AwsScope,
  principalArn: string,
  actions: readonly string[],
): Promise<string[]> {
  const out = await awsClient(IAMClient, scope).send(
    new SimulatePrincipalPolicyCommand({ PolicySourceArn: principalArn, ActionNames: [...actions] }),
  );
  return (out.EvaluationResults ?? []).filter((r) => r.EvalDecision !== 'allowed').map((r) => r.EvalActionName ?? '');
}

/** SimulatePrincipalPolicy wants the role, not the session: arn:aws:sts::A:assumed-role/R/s → arn:aws:iam::A:role/R. */
export function principalArnFor(callerArn: string): string {
  const m = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(callerArn);
  return m ? `arn:aws:iam::${m[1]}:role/${m[2]}` : callerArn;
}
