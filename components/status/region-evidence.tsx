import type { RegionDetail } from '@/lib/queries/use-status';
import { DiagnosisBox } from '@/components/onboard/diagnosis-box';
import { Card } from '@/components/ui/card';
import { LongText } from './long-text';
import { Severity } from './severity';
import { TableHead } from '@/components/ui/table-head';

const time = (ms: number) => new Date(ms).toLocaleString();

export function StackSection({ d }: { d: RegionDetail }) {
  const s = d.cell.stack;
  return (
    <Card title="Collector stack">
      {!s ? (
        <p className="text-sm text-slate-600">No collector stack in this account and region.</p>
      ) : (
        <>
          <p className="text-sm">
            <span className="font-mono">{s.name}</span> · <strong data-testid="stack-status">{s.status}</strong>
            {s.managedByGuardLink ? ' · deployed by GuardLink' : ' · made outside GuardLink'}
            {s.accessKeyId && (
              <>
                {' '}
                · key <span className="font-mono">{s.accessKeyId}</span>
              </>
            )}
          </p>
          {d.diagnosis && <DiagnosisBox diagnosis={d.diagnosis} />}
          <ol
            className="mt-3 max-h-72 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs"
            aria-label="Stack events, newest first"
          >
            {d.events.map((e) => (
              <li key={e.eventId} className={e.status.endsWith('FAILED') ? 'text-red-800' : ''}>
                {new Date(e.timestamp).toLocaleString()} {e.logicalId} {e.status}
                {e.reason ? (
                  <>
                    {' '}
                    – <LongText text={e.reason} max={200} />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

export function ErrorsSection({ d }: { d: RegionDetail }) {
  return (
    <Card title="Collector errors, last 24 h">
      {d.errors.length === 0 ? (
        <p className="text-sm text-slate-600">No ERROR or timeout lines in /aws/lambda/alertlogic-cwe-collector.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Collector errors grouped by message">
          <TableHead columns={['Message', 'Count', 'First seen', 'Last seen', 'Request ids']} />
          <tbody>
            {d.errors.map((g) => (
              <tr key={g.message} className="border-b border-slate-100 align-top">
                <td className="max-w-xl py-2 pr-3 font-mono text-xs">
                  <LongText text={g.message} />
                </td>
                <td className="py-2 pr-3">{g.count}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{time(g.firstSeen)}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{time(g.lastSeen)}</td>
                <td className="py-2 font-mono text-xs">{g.requestIds.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function PipelineSection({ d }: { d: RegionDetail }) {
  const p = d.pipeline;
  const items = p
    ? [
        ['Matched by the EventBridge rule', p.matched],
        ['Delivered to Kinesis', p.delivered],
        ['Collector runs', p.invoked],
        ['Collector errors', p.errors],
        ['Failed rule deliveries', p.failedDeliveries],
      ]
    : [];
  return (
    <Card title="Pipeline, last 24 h">
      {!p ? (
        <p className="text-sm text-slate-600">No collector here, so no pipeline counters.</p>
      ) : (
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5" data-testid="pipeline">
          {items.map(([label, value]) => (
            <div key={label as string} className="rounded border border-slate-200 p-2">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="mt-3 text-sm">
        Last check-in with Alert Logic:{' '}
        <strong data-testid="last-checkin">
          {d.cell.lastCheckinMs ? time(d.cell.lastCheckinMs) : 'none recorded'}
        </strong>
      </p>
    </Card>
  );
}

export function FindingsSection({ d }: { d: RegionDetail }) {
  return (
    <Card title="Recent GuardDuty findings">
      {d.findings.length === 0 ? (
        <p className="text-sm text-slate-600">No findings in the last 7 days (or GuardDuty is off).</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="Recent findings">
          <TableHead columns={['Severity', 'Finding', 'Resource', 'Updated', 'In Alert Logic']} />
          <tbody>
            {d.findings.map((f) => {
              const incident = d.incidents.find((i) => i.findingId === f.id);
              return (
                <tr key={f.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">
                    <Severity value={f.severity} />
                  </td>
                  <td className="max-w-lg py-2 pr-3">
                    <a
                      href={f.consoleUrl}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="text-brand-700 underline"
                    >
                      <LongText text={f.title} max={160} />
                    </a>
                    <span className="block font-mono text-xs text-slate-500">{f.type}</span>
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    {f.resourceType}
                    {f.resourceId && <span className="block font-mono">{f.resourceId}</span>}
                  </td>
                  <td className="py-2 pr-3 whitespace-nowrap">{new Date(f.updatedAt).toLocaleString()}</td>
                  <td className="py-2 text-xs">{incident ? `Incident ${incident.friendlyId ?? incident.id}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function IncidentsSection({ d }: { d: RegionDetail }) {
  return (
    <Card title="Alert Logic incidents from GuardDuty, last 24 h">
      {d.incidentsError && (
        <p className="text-sm text-amber-800">Alert Logic incidents could not be read: {d.incidentsError}</p>
      )}
      {d.incidents.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Alert Logic incidents">
          {d.incidents.map((i) => (
            <li key={i.id}>
              <span className="font-mono text-xs">{i.friendlyId ?? i.id}</span> · {i.threatRating ?? 'unrated'} ·{' '}
              <LongText text={i.summary} max={160} />
              {i.createdAt && <span className="text-xs text-slate-500"> · {time(i.createdAt * 1000)}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
