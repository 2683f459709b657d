import type { ReactNode } from 'react';
import { ConsoleHeader } from '@/components/console/console-header';
import { residencyOf } from '@/lib/aims/residency';
import { requirePageSession } from '@/lib/auth/session';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  return (
    <div className="min-h-screen">
      <ConsoleHeader
        name={session.name}
        email={session.email}
        accountName={session.accountName}
        accountId={session.accountId}
        residency={residencyOf(session.location ?? undefined).caption}
        roles={session.roles}
        isAdmin={session.isAdmin}
      />
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
