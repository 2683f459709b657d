/** What every simulated operation receives and answers. */
import { type JsonReply } from './respond';
import { type SimSettings } from './settings';
import { type AwsWorld } from './world';
import { type Identity } from './world-types';
import { type StackEngine } from './cloudformation/engine';
import { type CollectorPipeline } from './collector/pipeline';

export interface CallContext {
  world: AwsWorld;
  engine: StackEngine;
  /** Carries new and updated GuardDuty findings to the collector (EventBridge → Kinesis → Lambda). */
  pipeline: CollectorPipeline;
  settings: SimSettings;
  /** From the SigV4 credential scope. */
  region: string;
  /** The signing access key id (STS sessions are looked up by it). */
  accessKeyId: string;
  identity: Identity;
  requestId: string;
  /** Form parameters of query-protocol calls (empty for JSON calls). */
  form: URLSearchParams;
  /** Parsed JSON body of REST calls (empty object for form calls). */
  json: Record<string, unknown>;
  /** Decoded path captures of REST routes. */
  pathParams: string[];
  query: URLSearchParams;
  /** An operation may name its own outcome for the control state (CreateStack does). */
  outcome?: string;
}

/** Query operations answer the XML inside `<OpResult>` (null: no Result element); REST ones a JSON reply. */
export type OperationResult = string | null | JsonReply;

export interface Operation {
  name: string;
  /** IAM action checked against the deny list first; absent when none applies or the op checks itself. */
  action?: string;
  /** The resource an AccessDenied message names; `*` when absent. */
  resource?: (ctx: CallContext) => string;
  run(ctx: CallContext): OperationResult | Promise<OperationResult>;
}

export interface RestRoute extends Operation {
  method: string;
  pattern: RegExp;
}

export const isJsonReply = (value: OperationResult): value is JsonReply => typeof value === 'object' && value !== null;
