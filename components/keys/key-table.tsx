import { Button } from '@/components/ui/button';
import type { KeyView } from '@/lib/schemas/keys';
import { formatEpoch } from './format-time';
import { TableHead } from '@/components/ui/table-head';

export type KeyUsageMap = Record<string, { accountId: string; region: string; stackName: string }[]>;

export function KeyTable({
  keys,
  usage,
  onDelete,
  onRotate,
}: {
  keys: KeyView[];
  /** Undefined while the stacks are being read. */
  usage: KeyUsageMap | undefined;
  onDelete: (key: KeyView) => void;
  onRotate: (key: KeyView) => void;
}) {
  if (keys.length === 0) {
    return <p className="text-sm text-slate-600">You have no access keys yet. Create one below.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your Alert Logic access keys</caption>
        <TableHead
          columns={['Label', 'Key id', 'Created', 'Last used', 'Used by', 'Actions']}
          srOnly={{ Actions: true }}
        />
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2.5 pr-4 font-medium text-slate-900">
                {k.label ?? <span className="font-normal text-slate-500 italic">No label</span>}
              </th>
              <td className="py-2.5 pr-4 font-mono">{k.id}</td>
              <td className="py-2.5 pr-4">{formatEpoch(k.createdAt)}</td>
              <td className="py-2.5 pr-4">{formatEpoch(k.lastUsedAt)}</td>
              <td className="py-2.5 pr-4 text-xs" data-testid={`usage-${k.id}`}>
                {usage === undefined
                  ? '…'
                  : (usage[k.id] ?? []).length === 0
                    ? 'No collector'
                    : (usage[k.id] ?? []).map((u) => `${u.accountId}/${u.region}`).join(', ')}
              </td>
              <td className="flex justify-end gap-2 py-2.5 text-right">
                {(usage?.[k.id] ?? []).length > 0 && (
                  <Button variant="secondary" onClick={() => onRotate(k)} aria-label={`Rotate key ${k.label ?? k.id}`}>
                    Rotate
                  </Button>
                )}
                <Button variant="secondary" onClick={() => onDelete(k)} aria-label={`Delete key ${k.label ?? k.id}`}>
                  Delete
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
