/**
 * Turns a failed collector stack, or a failed AWS call around it, into a plain cause and a concrete
 * remedy with a link to the right console page (collector-template.md "How it fails").
 */
import type { AwsFailure } from '../aws/errors';
import { COLLECTOR_FUNCTION_NAME } from './template';

export type DiagnosisCode =
  | 'alert_logic_key_rejected'
  | 'collector_exists'
  | 'code_bucket_missing'
  | 'missing_capability'
  | 'missing_permission'
  | 'assume_role_denied'
  | 'throttled'
  | 'region_not_enabled'
  | 'aws_unreachable'
  | 'no_aws_credentials'
  | 'invalid_parameters'
  | 'stack_failed';

export interface Diagnosis {
  code: DiagnosisCode;
  cause: string;
  remedy: string;
  link?: { label: string; url: string };
  /** The raw reason AWS gave, for the curious and for support. */
  detail?: string;
}

export interface FailedEvent {
  logicalId: string;
  resourceType: string;
  status: string;
  reason: string | null;
}

const enc = encodeURIComponent;

export const consoleLinks = {
  logGroup: (region: string) => ({
    label: `Log group /aws/lambda/${COLLECTOR_FUNCTION_NAME} (${region})`,
    url: `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(enc(`/aws/lambda/${COLLECTOR_FUNCTION_NAME}`))}`,
  }),
  stack: (region: string, stackId: string) => ({
    label: 'The stack in the CloudFormation console',
    url: `https://${region}.console.aws.amazon.com/cloudformation/home?region=${region}#/stacks/stackinfo?stackId=${enc(stackId)}`,
  }),
  iamRole: (roleName: string) => ({
    label: `IAM role ${roleName}`,
    url: `https://console.aws.amazon.com/iam/home#/roles/details/${enc(roleName)}`,
  }),
  regions: () => ({
    label: 'AWS Regions in Account settings',
    url: 'https://console.aws.amazon.com/billing/home#/account',
  }),
  guardDutyAccounts: (region: string) => ({
    label: 'GuardDuty accounts (delegated administrator)',
    url: `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/linked-accounts`,
  }),
  keys: () => ({ label: 'Access keys in GuardLink', url: '/keys' }),
};

const REGISTRATION_RESOURCES = new Set(['RegistrationResource', 'EndpointAPIs', 'GetEndpointsLambdaFunction']);

/** The first resource that failed in the stack's latest operation (events come newest first). */
export function firstFailure(eventsNewestFirst: FailedEvent[]): FailedEvent | undefined {
  const chronological = [...eventsNewestFirst].reverse();
  let start = 0;
  chronological.forEach((e, i) => {
    if (
      e.resourceType === 'AWS::CloudFormation::Stack' &&
      /^(CREATE|UPDATE|DELETE)_IN_PROGRESS$/.test(e.status) &&
      e.reason === 'User Initiated'
    )
      start = i;
  });
  return chronological
    .slice(start)
    .find((e) => e.resourceType !== 'AWS::CloudFormation::Stack' && /_FAILED$/.test(e.status));
}

export function diagnoseStackFailure(input: {
  region: string;
  stackId: string;
  failed: FailedEvent | undefined;
  stackReason: string | null;
}): Diagnosis {
  const { region, stackId, failed } = input;
  const reason = failed?.reason ?? input.stackReason ?? '';
  const detail = reason || undefined;
  if (failed && REGISTRATION_RESOURCES.has(failed.logicalId)) {
    return {
      code: 'alert_logic_key_rejected',
      cause: `The collector could not sign in to Alert Logic with its access key (${failed.logicalId} failed): the key was deleted, its secret is wrong, or its user is not an Administrator.`,
      remedy:
        'Check the key on the Access keys page (or create a new one), then retry this region. GuardLink deletes the rolled-back stack before creating it again.',
      link: consoleLinks.logGroup(region),
      detail,
    };
  }
  const exists = /already exists in stack (arn:aws:cloudformation:\S+)/.exec(reason);
  if (exists) {
    return {
      code: 'collector_exists',
      cause: `A GuardDuty collector already runs in this account and region (stack ${exists[1]!.split('/')[1] ?? exists[1]}). Only one is possible, because its function name is fixed.`,
      remedy:
        'Adopt the existing collector instead of deploying a second one, or delete that stack first if it is broken.',
      link: consoleLinks.stack(region, exists[1]!),
      detail,
    };
  }
  if (
    /NoSuchBucket|S3 Error|code location|does not exist.*bucket/i.test(reason) &&
    failed?.logicalId === 'CollectLambdaFunction'
  ) {
    return {
      code: 'code_bucket_missing',
      cause: `Alert Logic does not publish the collector's code in ${region} (no alertlogic-collectors-${region} bucket).`,
      remedy:
        'Skip this region, or send its findings to a GuardDuty delegated administrator in a region Alert Logic supports and collect them there.',
      link: consoleLinks.guardDutyAccounts(region),
      detail,
    };
  }
  const denied = /not authorized to perform:? ([\w-]+:[\w*]+)/.exec(reason);
  if (denied) {
    return {
      code: 'missing_permission',
      cause: `The deploying identity is not allowed ${denied[1]}, so ${failed?.logicalId ?? 'a resource'} could not be created.`,
      remedy: `Add ${denied[1]} to the deploying role's permission policy (Targets shows the full policy), then retry this region.`,
      detail,
    };
  }
  return {
    code: 'stack_failed',
    cause: failed
      ? `${failed.logicalId} (${failed.resourceType}) failed: ${reason}`
      : `The stack failed: ${reason || 'no reason given'}`,
    remedy: 'Read the stack events and the collector log group, fix the cause, then retry this region.',
    link: consoleLinks.stack(region, stackId),
    detail,
  };
}

export function diagnoseAwsFailure(
  f: AwsFailure,
  ctx: { region: string; accountId: string; roleName?: string; during: 'assume_role' | 'deploy' | 'check' },
): Diagnosis {
  const detail = `${f.code}: ${f.message}`;
  switch (f.kind) {
    case 'no_credentials':
      return {
        code: 'no_aws_credentials',
        cause: 'GuardLink has no AWS credentials of its own (the hub identity).',
        remedy:
          'Give the GuardLink server credentials through the default chain: environment keys, a profile, SSO, or an instance/task role.',
        detail,
      };
    case 'region_disabled':
      return {
        code: 'region_not_enabled',
        cause: `${ctx.region} is an opt-in region that account ${ctx.accountId} has not enabled.`,
        remedy: 'Enable the region in the account (Account settings → AWS Regions), or leave it out.',
        link: consoleLinks.regions(),
        detail,
      };
    case 'throttled':
      return {
        code: 'throttled',
        cause: 'AWS kept throttling the calls (rate exceeded), even after GuardLink backed off and retried.',
        remedy: 'Retry this region in a minute; nothing was left half-done.',
        detail,
      };
    case 'timeout':
    case 'network':
      return {
        code: 'aws_unreachable',
        cause: `AWS did not answer in ${ctx.region} in time.`,
        remedy: 'Retry this region; the other regions are not affected.',
        detail,
      };
    case 'access_denied':
      if (ctx.during === 'assume_role') {
        return {
          code: 'assume_role_denied',
          cause: `GuardLink's AWS identity may not assume ${ctx.roleName ?? 'the role'} in account ${ctx.accountId}: the role does not exist, does not trust GuardLink's account, or expects another ExternalId.`,
          remedy:
            "Create or fix the role with the trust policy shown on the Targets page (it names GuardLink's account and the ExternalId).",
          link: consoleLinks.iamRole(ctx.roleName ?? 'GuardLinkDeployer'),
          detail,
        };
      }
      return {
        code: 'missing_permission',
        cause: `AWS refused the call: ${f.message}`,
        remedy: "Add the named action to the role's permission policy (Targets shows the full policy), then retry.",
        detail,
      };
    case 'validation':
      if (f.code === 'InsufficientCapabilitiesException') {
        return {
          code: 'missing_capability',
          cause:
            'CloudFormation refused the stack because it creates IAM roles and CAPABILITY_IAM was not acknowledged.',
          remedy: 'Acknowledge that the stack creates IAM resources on the review step, then deploy again.',
          detail,
        };
      }
      return {
        code: 'invalid_parameters',
        cause: `CloudFormation rejected the request: ${f.message}`,
        remedy: 'Correct the value named in the message, then retry.',
        detail,
      };
    default:
      return {
        code: 'stack_failed',
        cause: `AWS answered with an error: ${f.message}`,
        remedy: 'Retry this region; if it keeps failing, check the stack in the AWS console.',
        detail,
      };
  }
}

/** What the collector Lambda's own error lines say is wrong with it, when they say it clearly. */
export function diagnoseCollectorErrors(messages: string[], region: string): Diagnosis | null {
  const text = messages.join('\n');
  if (/AWSC0003|AIMS authentication failed|authenticate.*401|401 Unauthorized|invalid_credentials/i.test(text)) {
    return {
      code: 'alert_logic_key_rejected',
      cause: 'The collector cannot sign in to Alert Logic: its access key was deleted, or its secret is wrong.',
      remedy: 'Switch the stack to a valid key (button above); findings stay queued in Kinesis for up to 24 hours.',
      link: consoleLinks.logGroup(region),
      detail: messages[0],
    };
  }
  if (/KMS|kms:Decrypt|AccessDeniedException.*Decrypt/i.test(text)) {
    return {
      code: 'missing_permission',
      cause: "The collector cannot decrypt its Alert Logic secret: KMS refused the Lambda's role.",
      remedy: "Restore kms:Decrypt on the collector's key for its role (or redeploy the stack, which recreates both).",
      link: consoleLinks.logGroup(region),
      detail: messages.find((m) => /KMS|Decrypt/i.test(m)),
    };
  }
  if (/Task timed out/.test(text)) {
    return {
      code: 'aws_unreachable',
      cause: 'Collector runs time out before they finish (usually Alert Logic slow or unreachable from the Lambda).',
      remedy: 'Check the Lambda can reach Alert Logic (VPC egress, proxy); runs are retried from Kinesis.',
      link: consoleLinks.logGroup(region),
      detail: messages.find((m) => /Task timed out/.test(m)),
    };
  }
  return null;
}
