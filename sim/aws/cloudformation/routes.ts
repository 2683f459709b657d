/** The CloudFormation operations (awsQuery 2010-05-15) and the IAM actions that guard them. */
import { type CallContext, type Operation } from '../operation';
import { createStack, deleteStack, updateStack } from './operations';
import { describeStackEvents, describeStackResources, describeStacks, getTemplateSummary, listStacks } from './queries';
import { isStackArn } from './stacks';

/** The stack ARN pattern an AccessDenied message names. */
function stackResource(ctx: CallContext): string {
  const name = ctx.form.get('StackName');
  if (name && isStackArn(name)) return name;
  return `arn:aws:cloudformation:${ctx.region}:${ctx.identity.account}:stack/${name ?? '*'}/*`;
}

const op = (name: string, run: Operation['run']): Operation => ({
  name,
  action: `cloudformation:${name}`,
  resource: stackResource,
  run,
});

export const CLOUDFORMATION_OPERATIONS: Operation[] = [
  op('CreateStack', createStack),
  op('UpdateStack', updateStack),
  op('DeleteStack', deleteStack),
  op('DescribeStacks', describeStacks),
  op('DescribeStackEvents', describeStackEvents),
  op('DescribeStackResources', describeStackResources),
  op('ListStacks', listStacks),
  op('GetTemplateSummary', getTemplateSummary),
];
