import Link from 'next/link';
import { RoleRefusal } from '@/components/console/role-refusal';
import { Card } from '@/components/ui/card';
import { residencyOf } from '@/lib/aims/residency';
import { requirePageSession } from '@/lib/auth/session';
import { listAudit } from '@/lib/store/audit';
import { TableHead } from '@/components/ui/table-head';

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
      {session.isAdmin && <RecentActivity accountId={session.accountId} />}
    </div>
  );
}

/** The audit log's latest entries for this Alert Logic account: who did what, where, with what outcome. */
function RecentActivity({ accountId }: { accountId: string }) {
  const events = listAudit(accountId, 15);
  return (
    <Card title="Recent activity">
      {events.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <TableHead columns={['When', 'Who', 'What', 'Where', 'Outcome']} />
          <tbody>
            {events.map((e) => (
              <tr key={e.id} className="border-b border-slate-100">
                <td className="py-1.5 pr-4 whitespace-nowrap">
                  {new Date(e.at).toISOString().replace('T', ' ').slice(0, 19)} UTC
                </td>
                <td className="py-1.5 pr-4">{e.actor}</td>
                <td className="py-1.5 pr-4 font-mono text-xs">{e.action}</td>
                <td className="py-1.5 pr-4 font-mono text-xs">{e.subject}</td>
                <td className={`py-1.5 ${e.outcome === 'ok' ? 'text-emerald-800' : 'text-red-800'}`}>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
