/** CloudFormation reads: DescribeStacks, DescribeStackEvents, DescribeStackResources, ListStacks, GetTemplateSummary. */
import { validationError } from '../errors';
import { type CallContext } from '../operation';
import { memberList } from '../query-params';
import { xmlFields } from '../wire-xml';
import { type Stack } from '../world-types';
import { checkTemplateUrl } from './inputs';
import { findStack, isLive } from './stacks';
import {
  CAPABILITIES_REASON,
  PARAMETER_GROUPS,
  REQUIRED_CAPABILITY,
  TEMPLATE_DESCRIPTION,
  TEMPLATE_PARAMETERS,
  TEMPLATE_RESOURCES,
  resourceTypes,
} from './template';
import { eventView, pageNewestFirst, resourceView, stackSummaryView, stackView } from './views';

const STACKS_PAGE = 50;
const EVENTS_PAGE = 50;
const SUMMARIES_PAGE = 100;

const inCallerRegion = (ctx: CallContext) => (s: Stack) =>
  s.account === ctx.identity.account && s.region === ctx.region;

function stackOrFail(ctx: CallContext, nameOrArn: string | null, wording: 'id' | 'brackets'): Stack {
  const stack = nameOrArn ? findStack(ctx.world.stacks, ctx.identity.account, ctx.region, nameOrArn) : undefined;
  if (stack) return stack;
  // CloudFormation words the same miss two ways depending on the operation (§2.2).
  throw validationError(
    wording === 'id' ? `Stack with id ${nameOrArn ?? ''} does not exist` : `Stack [${nameOrArn ?? ''}] does not exist`,
  );
}

export function describeStacks(ctx: CallContext): string {
  const name = ctx.form.get('StackName');
  if (name) return xmlFields({ Stacks: [stackView(stackOrFail(ctx, name, 'id'))] });
  const mine = inCallerRegion(ctx);
  const { page, next } = pageNewestFirst(
    ctx.world.stacks,
    (s) => mine(s) && isLive(s),
    STACKS_PAGE,
    ctx.form.get('NextToken'),
  );
  return xmlFields({ Stacks: page.map(stackView), NextToken: next });
}

export function describeStackEvents(ctx: CallContext): string {
  const stack = stackOrFail(ctx, ctx.form.get('StackName'), 'brackets');
  const { page, next } = pageNewestFirst(stack.events, () => true, EVENTS_PAGE, ctx.form.get('NextToken'));
  return xmlFields({ StackEvents: page.map((e) => eventView(stack, e)), NextToken: next });
}

export function describeStackResources(ctx: CallContext): string {
  const name = ctx.form.get('StackName');
  if (!name) throw validationError('StackName is required');
  const stack = stackOrFail(ctx, name, 'id');
  const resources = TEMPLATE_RESOURCES.flatMap((r) => {
    const record = stack.resources.get(r.logicalId);
    return record ? [resourceView(stack, record)] : [];
  });
  return xmlFields({ StackResources: resources });
}

export function listStacks(ctx: CallContext): string {
  const filter = new Set(memberList(ctx.form, 'StackStatusFilter'));
  const mine = inCallerRegion(ctx);
  const keep = (s: Stack) => mine(s) && (filter.size === 0 || filter.has(s.status));
  const { page, next } = pageNewestFirst(ctx.world.stacks, keep, SUMMARIES_PAGE, ctx.form.get('NextToken'));
  return xmlFields({ StackSummaries: page.map(stackSummaryView), NextToken: next });
}

export function getTemplateSummary(ctx: CallContext): string {
  const url = ctx.form.get('TemplateURL');
  const stackName = ctx.form.get('StackName');
  if (url !== null) checkTemplateUrl(url);
  else if (stackName !== null) stackOrFail(ctx, stackName, 'id');
  else if (ctx.form.get('TemplateBody') !== null)
    throw validationError('Template format error: unsupported structure.');
  else throw validationError('Either Template URL or Template Body must be specified.');
  return xmlFields({
    Parameters: TEMPLATE_PARAMETERS.map((p) => ({
      ParameterKey: p.key,
      DefaultValue: p.defaultValue,
      ParameterType: p.type,
      NoEcho: p.noEcho,
      Description: p.description,
      ParameterConstraints: p.allowedValues ? { AllowedValues: p.allowedValues } : {},
    })),
    Description: TEMPLATE_DESCRIPTION,
    Capabilities: [REQUIRED_CAPABILITY],
    CapabilitiesReason: CAPABILITIES_REASON,
    ResourceTypes: resourceTypes(),
    Version: '2010-09-09',
    Metadata: JSON.stringify({ 'AWS::CloudFormation::Interface': { ParameterGroups: PARAMETER_GROUPS } }),
    DeclaredTransforms: [],
  });
}
