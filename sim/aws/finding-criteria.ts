/**
 * ListFindings' `findingCriteria.criterion` and `sortCriteria` (§5): each criterion maps a field
 * to a Condition with `eq/neq/equals/notEquals` (string lists) and `gt/gte/lt/lte` (Integer,
 * deprecated) or `greaterThan/greaterThanOrEqual/lessThan/lessThanOrEqual` (Long; epoch ms for
 * times). `service.archived` takes `"true"`/`"false"`; unset, both are listed.
 */
import { badRequest, INVALID_INPUT } from './guardduty';
import { type Finding } from './world-types';

type FieldValue = string | number;

const FIELDS: Record<string, (f: Finding) => FieldValue | undefined> = {
  id: (f) => f.id,
  type: (f) => f.type,
  severity: (f) => f.severity,
  region: (f) => f.region,
  accountId: (f) => f.account,
  updatedAt: (f) => f.updatedAt.getTime(),
  createdAt: (f) => f.createdAt.getTime(),
  confidence: () => 0,
  'service.archived': (f) => String(f.archived),
  'service.count': (f) => f.count,
  'service.additionalInfo.sample': (f) => String(f.sample),
  'resource.resourceType': (f) => f.resource.resourceType as string,
  'resource.instanceDetails.instanceId': (f) =>
    ((f.resource.instanceDetails as Record<string, unknown> | undefined)?.instanceId as string | undefined) ??
    undefined,
};

const LISTS = { eq: true, equals: true, neq: false, notEquals: false } as const;
const COMPARISONS: Record<string, (a: number, b: number) => boolean> = {
  gt: (a, b) => a > b,
  greaterThan: (a, b) => a > b,
  gte: (a, b) => a >= b,
  greaterThanOrEqual: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lessThan: (a, b) => a < b,
  lte: (a, b) => a <= b,
  lessThanOrEqual: (a, b) => a <= b,
};

function sameValue(actual: FieldValue, wanted: unknown): boolean {
  return typeof actual === 'number' ? Number(wanted) === actual : String(wanted) === actual;
}

function conditionHolds(actual: FieldValue | undefined, condition: Record<string, unknown>): boolean {
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === undefined || operand === null) continue;
    if (op in LISTS) {
      if (!Array.isArray(operand)) throw badRequest(INVALID_INPUT);
      const hit = actual !== undefined && operand.some((w) => sameValue(actual, w));
      if (hit !== LISTS[op as keyof typeof LISTS]) return false;
      continue;
    }
    const compare = COMPARISONS[op];
    if (!compare || typeof operand !== 'number') throw badRequest(INVALID_INPUT);
    if (actual === undefined || !compare(Number(actual), operand)) return false;
  }
  return true;
}

/** Builds the filter; an unknown field or operator is GuardDuty's invalid-input error. */
export function findingFilter(criteria: unknown): (f: Finding) => boolean {
  if (criteria === undefined || criteria === null) return () => true;
  const criterion = (criteria as { criterion?: unknown }).criterion;
  if (criterion === undefined) return () => true;
  if (!criterion || typeof criterion !== 'object') throw badRequest(INVALID_INPUT);
  const checks = Object.entries(criterion as Record<string, unknown>).map(([field, condition]) => {
    const read = FIELDS[field];
    if (!read || !condition || typeof condition !== 'object') throw badRequest(INVALID_INPUT);
    return (f: Finding) => conditionHolds(read(f), condition as Record<string, unknown>);
  });
  return (f) => checks.every((check) => check(f));
}

/** Orders by `sortCriteria` (ASC unless DESC); without one, newest update first. Ties by id, so pages are stable. */
export function findingOrder(sort: unknown): (a: Finding, b: Finding) => number {
  const s = (sort ?? {}) as { attributeName?: unknown; orderBy?: unknown };
  const attribute = typeof s.attributeName === 'string' ? s.attributeName : 'updatedAt';
  const read = FIELDS[attribute];
  if (!read) throw badRequest(INVALID_INPUT);
  const descending = sort === undefined || sort === null ? true : s.orderBy === 'DESC';
  if (s.orderBy !== undefined && s.orderBy !== 'ASC' && s.orderBy !== 'DESC') throw badRequest(INVALID_INPUT);
  return (a, b) => {
    const x = read(a) ?? '';
    const y = read(b) ?? '';
    const base = x < y ? -1 : x > y ? 1 : a.id.localeCompare(b.id);
    return descending ? -base : base;
  };
}
