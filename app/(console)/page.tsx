import Link from 'next/link';
import { RoleRefusal } from '@/components/console/role-refusal';
import { Card } from '@/components/ui/card';
import { residencyOf } from '@/lib/aims/residency';
import { requirePageSession } from '@/lib/auth/session';

export default async function OverviewPage() {
  const session = await requirePageSession();
  const residency = residencyOf(session.location ?? undefined);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {session.name}</h1>
      <Card title="Your Alert Logic account">
        <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Account</dt>
            <dd className="font-medium">
              {session.accountName} ({session.accountId})
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Data residency</dt>
            <dd className="font-medium">
              {residency.caption}
              {residency.location && <span className="text-slate-500"> · {residency.location}</span>}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Signed in as</dt>
            <dd className="font-medium">{session.email}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Role</dt>
            <dd className="font-medium">{session.roles.join(', ') || 'None'}</dd>
          </div>
        </dl>
      </Card>
      {session.isAdmin ? (
        <Card title="You can onboard">
          <p className="text-sm text-slate-700">
            Your Administrator role lets GuardLink create Alert Logic access keys for you and deploy the GuardDuty
            collector.
          </p>
          <p className="mt-4">
            <Link href="/keys" className="text-brand-700 text-sm font-medium underline">
              Manage your access keys
            </Link>
          </p>
        </Card>
      ) : (
        <RoleRefusal roles={session.roles} />
      )}
    </div>
  );
}
