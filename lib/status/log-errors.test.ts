import { describe, expect, it } from 'vitest';
import { groupErrors, parseErrorLine } from './log-errors';

const line = (ts: number, message: string) => ({ timestamp: ts, message, stream: '2026/12/04/[$LATEST]abc' });

describe('collector error lines', () => {
  it('strips Lambda prefixes from ERROR and timeout lines', () => {
    expect(
      parseErrorLine(
        '2026-12-04T10:00:00.000Z\tb1c2d3e4-0000-1111-2222-333344445555\tERROR\tAWSC0003 registration error: 401\n',
      ),
    ).toEqual({
      requestId: 'b1c2d3e4-0000-1111-2222-333344445555',
      message: 'AWSC0003 registration error: 401',
    });
    expect(
      parseErrorLine(
        '2026-12-04T10:00:00.000Z b1c2d3e4-0000-1111-2222-333344445555 Task timed out after 3.00 seconds\n',
      ).message,
    ).toBe('Task timed out after 3.00 seconds');
    expect(parseErrorLine('<script>alert(1)</script>').message).toBe('<script>alert(1)</script>');
  });

  it('groups by message with counts, first/last seen and request ids, newest group first', () => {
    const groups = groupErrors([
      line(1000, '2026-12-04T10:00:00.000Z\taaaaaaaa-1\tERROR\tboom'),
      line(3000, '2026-12-04T10:00:02.000Z\tbbbbbbbb-2\tERROR\tboom'),
      line(2000, '2026-12-04T10:00:01.000Z cccccccc-3 Task timed out after 3.00 seconds'),
    ]);
    expect(groups).toEqual([
      { message: 'boom', count: 2, firstSeen: 1000, lastSeen: 3000, requestIds: ['aaaaaaaa-1', 'bbbbbbbb-2'] },
      {
        message: 'Task timed out after 3.00 seconds',
        count: 1,
        firstSeen: 2000,
        lastSeen: 2000,
        requestIds: ['cccccccc-3'],
      },
    ]);
  });
});
