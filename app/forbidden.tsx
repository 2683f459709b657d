import Link from 'next/link';
import { RoleRefusal } from '@/components/console/role-refusal';
import { getSessionState } from '@/lib/auth/session';

export default async function Forbidden() {
  const state = await getSessionState();
  const roles = state.kind === 'active' ? state.session.roles : [];
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <RoleRefusal roles={roles} />
      <p className="mt-6 text-sm">
        <Link href="/" className="text-brand-700 underline">
          Back to the overview
        </Link>
      </p>
    </main>
  );
}
