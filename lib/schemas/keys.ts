/** Access-key inputs and outputs, shared by the route handlers and the keys page. */
import { z } from 'zod';

export const KEY_LABEL_MAX = 100;

export const keyIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{16}$/, 'An access key id is 16 hexadecimal characters')
  .transform((s) => s.toLowerCase());

export const keyParamsSchema = z.object({ id: keyIdSchema });

export const keyLabelSchema = z
  .string({ error: 'The label must be text' })
  .trim()
  .min(1, 'Give the key a label so you can recognise it later')
  .max(KEY_LABEL_MAX, `Keep the label to ${KEY_LABEL_MAX} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'The label cannot contain control characters');

export const createKeyBodySchema = z.object({ label: keyLabelSchema }).strict();
export const relabelKeyBodySchema = createKeyBodySchema;

export const keyViewSchema = z.object({
  id: z.string(),
  label: z.string().nullable(),
  createdAt: z.number().nullable(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.number().nullable(),
});

export const keyListViewSchema = z.object({ keys: z.array(keyViewSchema), limit: z.number() });
export const createdKeyViewSchema = z.object({ key: keyViewSchema, secretKey: z.string() });

export type KeyView = z.infer<typeof keyViewSchema>;
export type KeyListView = z.infer<typeof keyListViewSchema>;
export type CreatedKeyView = z.infer<typeof createdKeyViewSchema>;

/** A default label that says who made the key and when, e.g. `guardlink-2026-12-04`. */
export function suggestedKeyLabel(now = new Date()): string {
  return `guardlink-${now.toISOString().slice(0, 10)}`;
}
