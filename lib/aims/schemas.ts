/** Wire shapes of the AIMS answers GuardLink reads; extra fields are tolerated. */
import { z } from 'zod';

const stamp = z.object({ at: z.number(), by: z.string().optional() }).partial();

export const roleWireSchema = z.object({
  id: z.string(),
  name: z.string(),
  account_id: z.string().optional(),
});

export const authenticationWireSchema = z.object({
  authentication: z.object({
    user: z.object({ id: z.string(), account_id: z.string(), name: z.string(), email: z.string() }),
    account: z.object({
      id: z.string(),
      name: z.string(),
      default_location: z.string().optional(),
      accessible_locations: z.array(z.string()).optional(),
    }),
    token: z.string().min(1),
    token_expiration: z.number(),
  }),
});

export const tokenInfoWireSchema = z.object({
  account: z.object({ id: z.string(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  roles: z.array(roleWireSchema),
  token_expiration: z.number(),
});

export const rolesWireSchema = z.object({ roles: z.array(roleWireSchema) });

export const accessKeyWireSchema = z.object({
  access_key_id: z.string(),
  label: z.string().optional(),
  created: stamp.optional(),
  modified: stamp.optional(),
  last_login: z.number().optional(),
});

export const accessKeyListWireSchema = z.object({ access_keys: z.array(accessKeyWireSchema) });

export const createdAccessKeyWireSchema = accessKeyWireSchema.extend({ secret_key: z.string().min(1) });

export const userWithKeysWireSchema = z.object({
  id: z.string(),
  access_keys: z.array(accessKeyWireSchema).optional(),
});

export type AccessKeyWire = z.infer<typeof accessKeyWireSchema>;
