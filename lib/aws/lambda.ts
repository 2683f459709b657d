import 'server-only';
import { GetFunctionConfigurationCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { awsClient, type AwsScope } from './clients';

export interface CollectorFunction {
  functionArn: string;
  stackName: string | null;
  accessKeyId: string | null;
  collectorId: string | null;
  lastModified: string | null;
}

/** The collector's Lambda, whose fixed name means at most one collector per account and region. */
export async function getCollectorFunction(scope: AwsScope, functionName: string): Promise<CollectorFunction | null> {
  try {
    const out = await awsClient(LambdaClient, scope).send(
      new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    );
    const vars = out.Environment?.Variables ?? {};
    return {
      functionArn: out.FunctionArn ?? '',
      stackName: vars.stack_name ?? null,
      accessKeyId: vars.aims_access_key_id ?? null,
      collectorId: vars.collector_id ?? null,
      lastModified: out.LastModified ?? null,
    };
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') return null;
    throw err;
  }
}
