/** The shape GuardLink keeps in its encrypted session cookie (next-auth JWT, A256GCM). */
import { z } from 'zod';

export const sessionTokenSchema = z.object({
  email: z.string(),
  name: z.string(),
  userId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  location: z.string().nullable(),
  roles: z.array(z.string()),
  /** Server-side only: never copied into the session object the browser can fetch. */
  aimsToken: z.string().min(1),
  /** Epoch seconds. */
  aimsExp: z.number(),
});

export type SessionToken = z.infer<typeof sessionTokenSchema>;

declare module 'next-auth' {
  interface User extends SessionToken {
    id: string;
  }
  interface Session {
    accountName: string;
    residency: string;
    roles: string[];
    isAdmin: boolean;
  }
}

declare module 'next-auth/jwt' {
  // Module augmentation needs an interface, even one that only adds a supertype.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JWT extends Partial<SessionToken> {}
}
