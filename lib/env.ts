/**
 * The one validated view of GuardLink's configuration. Read lazily so `next build` works without
 * secrets; `instrumentation.ts` reads it at server start so a bad value stops the server with
 * the variable's name.
 */
import { z } from 'zod';

const emptyAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  AIMS_API_URL: z.preprocess(
    emptyAsUnset,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .default('https://api.global-services.global.alertlogic.com'),
  ),
  AIMS_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(120_000).default(10_000)),
  AUTH_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string({ error: 'is required (32+ random characters; `openssl rand -base64 32`)' })
      .min(32, 'must be at least 32 characters'),
  ),
  NEXTAUTH_URL: z.preprocess(emptyAsUnset, z.url().optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(
        /^file:.+/,
        'only SQLite is supported in this version: use file:<path> (or leave unset for ./data/guardlink.sqlite)',
      )
      .optional(),
  ),
  AWS_REGION: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region name')
      .default('us-east-1'),
  ),
  AWS_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(500).max(120_000).default(15_000)),
  AWS_MAX_ATTEMPTS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(10).default(5)),
  DEPLOY_POLL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(60_000).default(2_000)),
  STATUS_CACHE_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(600_000).default(15_000)),
  STATUS_CELL_DEADLINE_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(500).max(120_000).default(10_000)),
  STATUS_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(128).default(16)),
  STATUS_TEST_FINDING_WAIT_MS: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number()
      .int()
      .min(5_000)
      .max(3_600_000)
      .default(6 * 60_000),
  ),
  DEPLOY_CONCURRENCY: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(64).default(8)),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
}

/** next-auth reads NEXTAUTH_SECRET; Auth.js spells it AUTH_SECRET. Either works. */
export function loadEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse({ ...source, AUTH_SECRET: source.AUTH_SECRET ?? source.NEXTAUTH_SECRET });
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const name = i.path.join('.') === 'AUTH_SECRET' ? 'AUTH_SECRET (or NEXTAUTH_SECRET)' : i.path.join('.');
      return `  ${name}: ${i.message}`;
    });
    throw new EnvError(`Invalid GuardLink configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}
