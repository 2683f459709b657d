/**
 * Validation of CreateStack/UpdateStack inputs against the collector template, with
 * CloudFormation's own error texts (aws-semantics §2.2).
 */
import { AwsError, validationError } from '../errors';
import { isTrue, memberList, memberStructs } from '../query-params';
import { type Tag } from '../world-types';
import { COLLECTOR_TEMPLATE_URL, REQUIRED_CAPABILITY, TEMPLATE_PARAMETERS } from './template';

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;
const TOKEN = /^[a-zA-Z0-9][-a-zA-Z0-9]{0,127}$/;

export function checkStackName(name: string | null): string {
  if (name === null || name === '') {
    throw validationError(
      "1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!STACK_NAME.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*',
    );
  }
  return name;
}

export function readToken(form: URLSearchParams): string | undefined {
  const token = form.get('ClientRequestToken');
  if (token === null) return undefined;
  if (!TOKEN.test(token)) {
    throw validationError(
      `1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [a-zA-Z0-9][-a-zA-Z0-9]*',
    );
  }
  return token;
}

/** Only Alert Logic's published template exists for this simulator. */
export function checkTemplateUrl(url: string): void {
  if (!url.startsWith('https://')) throw validationError('TemplateURL must be a supported URL.');
  if (url !== COLLECTOR_TEMPLATE_URL) {
    throw validationError('TemplateURL must reference a valid S3 object to which you have access.');
  }
}

/** CreateStack: exactly one template source, and it must be the collector's URL. */
export function checkTemplateSource(form: URLSearchParams, allowPrevious: boolean): void {
  const url = form.get('TemplateURL');
  const body = form.get('TemplateBody');
  const previous = allowPrevious && isTrue(form.get('UsePreviousTemplate'));
  const given = [url !== null, body !== null, previous].filter(Boolean).length;
  if (given === 0) {
    throw validationError(
      allowPrevious
        ? 'Either Template URL or Template Body or UsePreviousTemplate must be specified.'
        : 'Either Template URL or Template Body must be specified.',
    );
  }
  if (given > 1)
    throw validationError('Exactly one of TemplateBody, TemplateURL or UsePreviousTemplate must be specified.');
  // The simulator cannot parse arbitrary templates; a body is treated as unreadable.
  if (body !== null) throw validationError('Template format error: unsupported structure.');
  if (url !== null) checkTemplateUrl(url);
}

export function requireCapabilities(form: URLSearchParams): string[] {
  const capabilities = memberList(form, 'Capabilities');
  if (!capabilities.includes(REQUIRED_CAPABILITY) && !capabilities.includes('CAPABILITY_NAMED_IAM')) {
    throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${REQUIRED_CAPABILITY}]`);
  }
  return capabilities;
}

export function readTags(form: URLSearchParams): Tag[] | undefined {
  if (![...form.keys()].some((k) => k.startsWith('Tags.member.'))) return undefined;
  const tags = memberStructs(form, 'Tags').map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
  if (tags.length > 50) {
    throw validationError(
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
  }
  return tags;
}

/**
 * Resolves every template parameter: given values, UsePreviousValue (update only), and
 * template defaults for the omitted ones (an update does NOT keep an omitted value).
 */
export function resolveParameters(form: URLSearchParams, previous?: Record<string, string>): Record<string, string> {
  const inputs = memberStructs(form, 'Parameters');
  const known = new Set(TEMPLATE_PARAMETERS.map((p) => p.key));
  const unknown = inputs.map((i) => i.ParameterKey ?? '').filter((k) => !known.has(k));
  if (unknown.length > 0) throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);

  const given = new Map<string, string | undefined>();
  for (const input of inputs) {
    const key = input.ParameterKey ?? '';
    if (isTrue(input.UsePreviousValue ?? null)) {
      if (input.ParameterValue) {
        throw validationError(
          `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true and non empty value for a parameter`,
        );
      }
      given.set(key, previous?.[key]);
    } else {
      given.set(key, input.ParameterValue ?? '');
    }
  }

  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const p of TEMPLATE_PARAMETERS) {
    const value = given.has(p.key) ? given.get(p.key) : p.defaultValue;
    if (value === undefined || (value === '' && p.defaultValue === undefined)) missing.push(p.key);
    values[p.key] = value ?? '';
  }
  if (missing.length > 0) throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  for (const p of TEMPLATE_PARAMETERS) {
    const value = values[p.key] ?? '';
    if (p.allowedValues && !p.allowedValues.includes(value)) {
      throw validationError(`Parameter '${p.key}' must be one of AllowedValues`);
    }
    if (p.type === 'Number' && (value.trim() === '' || !Number.isFinite(Number(value)))) {
      throw validationError(`Parameter '${p.key}' must be a number.`);
    }
  }
  return values;
}
