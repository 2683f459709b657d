import { describe, expect, it } from 'vitest';
import { createKeyBodySchema, keyIdSchema, suggestedKeyLabel } from './keys';

describe('key schemas', () => {
  it('normalises key ids and refuses anything but 16 hex characters', () => {
    expect(keyIdSchema.parse('61FB235617960503')).toBe('61fb235617960503');
    expect(keyIdSchema.safeParse('61fb23561796050').success).toBe(false);
    expect(keyIdSchema.safeParse('../../etc/passwd').success).toBe(false);
  });

  it('trims labels and refuses empty, long, control-character and extra-field bodies', () => {
    expect(createKeyBodySchema.parse({ label: '  prod  ' })).toEqual({ label: 'prod' });
    for (const bad of [
      { label: '' },
      { label: 'x'.repeat(101) },
      { label: 'a\u0007b' },
      { label: 'a', extra: 1 },
      {},
    ]) {
      expect(createKeyBodySchema.safeParse(bad).success).toBe(false);
    }
  });

  it('suggests a dated label', () => {
    expect(suggestedKeyLabel(new Date('2026-12-04T10:00:00Z'))).toBe('guardlink-2026-12-04');
  });
});
