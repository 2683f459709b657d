import { describe, expect, it } from 'vitest';
import { seal, unseal } from './seal';

const SECRET = 's'.repeat(32);

describe('seal', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = seal('c189b933c26ace44', SECRET, 'key-secret');
    expect(sealed).not.toContain('c189b933c26ace44');
    expect(unseal(sealed, SECRET, 'key-secret')).toBe('c189b933c26ace44');
  });

  it('refuses another secret, another purpose, or a tampered text', () => {
    const sealed = seal('x', SECRET, 'a');
    expect(unseal(sealed, 't'.repeat(32), 'a')).toBeNull();
    expect(unseal(sealed, SECRET, 'b')).toBeNull();
    expect(unseal(sealed.slice(0, -2) + 'AA', SECRET, 'a')).toBeNull();
    expect(unseal('garbage', SECRET, 'a')).toBeNull();
  });
});
