/** Writes successes and errors in each protocol's wire form (aws-semantics §1.2-1.5). */
import { type ServerResponse } from 'node:http';
import { sendJson } from '../shared/http';
import { type AwsError } from './errors';
import { type Protocol, type ServiceName, XML_NAMESPACE } from './services';
import { escapeXml } from './wire-xml';

/** What a REST JSON handler answers. */
export interface JsonReply {
  status?: number;
  body: unknown;
}

function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(text).toString(),
    'x-amzn-requestid': requestId,
  });
  res.end(text);
}

const xmlns = (service: ServiceName): string => {
  const ns = XML_NAMESPACE[service];
  return ns ? ` xmlns="${ns}"` : '';
};

/** awsQuery: `<OpResponse><OpResult>…</OpResult><ResponseMetadata/></OpResponse>`; no Result when the op has none. */
export function sendQueryResult(
  res: ServerResponse,
  service: ServiceName,
  op: string,
  result: string | null,
  requestId: string,
): void {
  const inner = result === null ? '' : `<${op}Result>${result}</${op}Result>`;
  const meta = `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>`;
  sendXml(res, 200, `<${op}Response${xmlns(service)}>${inner}${meta}</${op}Response>`, requestId);
}

/** EC2 query: no Result wrapper, lower-camel `requestId` first. */
export function sendEc2Result(res: ServerResponse, op: string, body: string, requestId: string): void {
  sendXml(
    res,
    200,
    `<${op}Response${xmlns('ec2')}><requestId>${requestId}</requestId>${body}</${op}Response>`,
    requestId,
  );
}

export function sendJsonReply(res: ServerResponse, reply: JsonReply, requestId: string): void {
  sendJson(res, reply.status ?? 200, reply.body, { 'x-amzn-requestid': requestId });
}

const RPC_CONTENT_TYPE = { json: 'application/x-amz-json-1.1', json10: 'application/x-amz-json-1.0' };

function sendRpc(
  res: ServerResponse,
  protocol: 'json' | 'json10',
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': RPC_CONTENT_TYPE[protocol],
    'content-length': Buffer.byteLength(text).toString(),
    ...headers,
  });
  res.end(text);
}

/** JSON RPC successes (CloudWatch Logs 1.1, CloudWatch 1.0): the body is the output shape itself. */
export function sendRpcReply(res: ServerResponse, protocol: 'json' | 'json10', reply: JsonReply, requestId: string) {
  sendRpc(res, protocol, reply.status ?? 200, reply.body, { 'x-amzn-requestid': requestId });
}

export function sendAwsError(
  res: ServerResponse,
  service: ServiceName,
  protocol: Protocol,
  err: AwsError,
  requestId: string,
): void {
  const code = escapeXml(err.code);
  const message = escapeXml(err.message);
  switch (protocol) {
    case 'query':
      return sendXml(
        res,
        err.status,
        `<ErrorResponse${xmlns(service)}><Error><Type>${err.options.fault ?? 'Sender'}</Type><Code>${code}</Code>` +
          `<Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
        requestId,
      );
    case 'ec2':
      return sendXml(
        res,
        err.status,
        `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
          `<RequestID>${requestId}</RequestID></Response>`,
        requestId,
      );
    case 'restJson':
      // The SDK takes the error name from this header; without it GuardDuty errors lose their class.
      return sendJson(res, err.status, err.options.body ?? { message: err.message }, {
        'x-amzn-errortype': err.code,
        'x-amzn-requestid': requestId,
      });
    case 'json':
      return sendRpc(
        res,
        'json',
        err.status,
        { __type: err.code, message: err.message, ...err.options.body },
        { 'x-amzn-errortype': err.code, 'x-amzn-requestid': requestId },
      );
    case 'json10':
      // awsQueryCompatible: the SDK takes `name` from __type, `Code`/`Type` from x-amzn-query-error (§1.1).
      return sendRpc(
        res,
        'json10',
        err.status,
        { __type: `com.amazonaws.cloudwatch#${err.code}`, Message: err.message },
        {
          'x-amzn-query-error': `${err.options.queryCode ?? err.code};${err.options.fault ?? 'Sender'}`,
          'x-amzn-requestid': requestId,
        },
      );
  }
}
