/** Lambda (restJson1, PascalCase wire names): reading the collector function (GetFunction, GetFunctionConfiguration). */
import { AwsError } from './errors';
import { lambdaTimestamp } from './ids';
import { functionArn } from './lambda-function';
import { type CallContext, type RestRoute } from './operation';
import { type JsonReply } from './respond';
import { type LambdaFunction } from './world-types';

/** `name`, `account:function:name` or the full ARN, each optionally `:qualifier`. */
const FUNCTION_REF =
  /^(?:arn:aws:lambda:([a-z0-9-]+):)?(?:(\d{12}):function:)?([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9$_-]+))?$/;

function notFound(ctx: CallContext, name: string): AwsError {
  const message = `Function not found: ${functionArn(ctx.region, ctx.identity.account, name)}`;
  return new AwsError('ResourceNotFoundException', message, 404, { body: { Type: 'User', Message: message } });
}

function resolveFunction(ctx: CallContext): LambdaFunction {
  const ref = ctx.pathParams[0] ?? '';
  const m = FUNCTION_REF.exec(ref);
  if (!m) throw notFound(ctx, ref);
  const [, region, account, name = '', inlineQualifier] = m;
  const qualifier = inlineQualifier ?? ctx.query.get('Qualifier') ?? undefined;
  const shown = qualifier ? `${name}:${qualifier}` : name;
  if ((region && region !== ctx.region) || (account && account !== ctx.identity.account)) throw notFound(ctx, shown);
  // Only $LATEST exists: CloudFormation never publishes versions of the collector.
  if (qualifier && qualifier !== '$LATEST') throw notFound(ctx, shown);
  const fn = ctx.world.functionIn(ctx.identity.account, ctx.region, name);
  if (!fn) throw notFound(ctx, shown);
  return fn;
}

function configuration(fn: LambdaFunction): Record<string, unknown> {
  return {
    FunctionName: fn.name,
    FunctionArn: functionArn(fn.region, fn.account, fn.name),
    Runtime: 'nodejs20.x',
    Role: fn.role,
    Handler: 'index.handler',
    CodeSize: 1_843_207,
    Description: 'Alert Logic CloudWatch Events collector (GuardDuty findings)',
    Timeout: 300,
    MemorySize: 256,
    LastModified: lambdaTimestamp(fn.lastModified),
    CodeSha256: fn.codeSha256,
    Version: '$LATEST',
    Environment: { Variables: fn.environment },
    KMSKeyArn: fn.kmsKeyArn,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.revisionId,
    State: 'Active',
    LastUpdateStatus: 'Successful',
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` },
  };
}

function getFunction(ctx: CallContext): JsonReply {
  const fn = resolveFunction(ctx);
  return {
    body: {
      Configuration: configuration(fn),
      Code: {
        RepositoryType: 'S3',
        Location:
          `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${fn.account}/` +
          `${fn.name}-${fn.revisionId}?versionId=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600`,
      },
      Tags: fn.tags,
    },
  };
}

function getFunctionConfiguration(ctx: CallContext): JsonReply {
  return { body: configuration(resolveFunction(ctx)) };
}

const resource = (ctx: CallContext): string =>
  functionArn(ctx.region, ctx.identity.account, FUNCTION_REF.exec(ctx.pathParams[0] ?? '')?.[3] ?? '*');

export const LAMBDA_ROUTES: RestRoute[] = [
  {
    method: 'GET',
    pattern: /^\/2015-03-31\/functions\/([^/]+)$/,
    name: 'GetFunction',
    action: 'lambda:GetFunction',
    resource,
    run: getFunction,
  },
  {
    method: 'GET',
    pattern: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/,
    name: 'GetFunctionConfiguration',
    action: 'lambda:GetFunctionConfiguration',
    resource,
    run: getFunctionConfiguration,
  },
];
