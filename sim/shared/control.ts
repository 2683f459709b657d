/** Shared parsing of the simulators' test-only control requests. */
import { z } from 'zod';

export const faultSchema = z.object({
  kind: z.enum(['status', 'html', 'garbage', 'reset', 'hang']),
  match: z.string().max(500).optional(),
  status: z.number().int().min(100).max(599).optional(),
  times: z.number().int().positive().optional(),
});

export const CONTROL_PREFIX = '/_sim/';
