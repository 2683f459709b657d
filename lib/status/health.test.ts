import { describe, expect, it } from 'vitest';
import { latestRuns } from './cell';
import { decideHealth, type CellFacts } from './health';

const now = Date.parse('2026-12-04T12:00:00Z');
const base: CellFacts = {
  guardDuty: 'enabled',
  collector: { stackStatus: 'CREATE_COMPLETE', collectorId: 'C1' },
  invocations24h: 40,
  errors24h: 0,
  invocationsRecent: 2,
  errorsRecent: 0,
  findings24h: 10,
  alertLogic: { status: 'ok', timestampMs: now - 60_000 },
  nowMs: now,
};

describe('decideHealth', () => {
  it.each([
    ['healthy', {}],
    ['degraded', { errors24h: 3 }],
    ['failing', { collector: { stackStatus: 'ROLLBACK_COMPLETE', collectorId: null } }],
    ['failing', { errorsRecent: 2, invocationsRecent: 2, errors24h: 2 }],
    ['failing', { alertLogic: { status: 'error', timestampMs: now } }],
    ['silent', { invocations24h: 0, invocationsRecent: 0 }],
    ['silent', { alertLogic: { status: 'ok', timestampMs: now - 31 * 60_000 } }],
    ['not_installed', { collector: null }],
    ['guardduty_off', { collector: null, guardDuty: 'none' }],
    ['guardduty_off', { guardDuty: 'disabled' }],
  ] as const)('%s when %j', (state, patch) => {
    expect(decideHealth({ ...base, ...(patch as Partial<CellFacts>) }).state).toBe(state);
  });

  it('does not call a collector silent when GuardDuty found nothing to forward', () => {
    expect(
      decideHealth({ ...base, invocations24h: 0, invocationsRecent: 0, findings24h: 0, alertLogic: null }).state,
    ).toBe('healthy');
  });
});

describe('latestRuns', () => {
  it('reads the newest minute that had runs, within 30 minutes', () => {
    const t = (min: number) => now - min * 60_000;
    expect(
      latestRuns(
        [
          [t(0), 0],
          [t(1), 4],
          [t(2), 5],
        ],
        [
          [t(1), 4],
          [t(2), 0],
        ],
        now,
      ),
    ).toEqual({ invocationsRecent: 4, errorsRecent: 4 });
    expect(latestRuns([[t(45), 3]], [[t(45), 3]], now)).toEqual({ invocationsRecent: 0, errorsRecent: 0 });
  });
});
