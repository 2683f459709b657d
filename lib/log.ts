/**
 * Server-side structured logging with secrets removed: any field whose name suggests a credential
 * is replaced, and sealed MFA challenges in messages are cut off.
 */
const SECRET_KEY = /token|secret|password|challenge|authorization|cookie/i;

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactMessage(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)]),
  );
}

function redactMessage(message: string): string {
  return message.replace(/mfa_required:\S+/g, 'mfa_required:[redacted]');
}

function write(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: redactMessage(message),
    ...(redact(fields ?? {}) as object),
  });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const logger = {
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};

export { redact, redactMessage };
