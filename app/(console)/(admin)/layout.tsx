import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { requirePageSession } from '@/lib/auth/session';

/** Onboarding and key pages: refused on the server (HTTP 403) to anyone without Administrator. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  if (!session.isAdmin) forbidden();
  return children;
}
