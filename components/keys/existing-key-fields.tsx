import type { KeyView } from '@/lib/schemas/keys';

const input = 'mt-1 block w-full max-w-md rounded-md border border-slate-300 px-3 py-2 text-sm';

/** Choosing a key the user already has: its id from the list, and its secret (never stored in the browser). */
export function ExistingKeyFields({
  keys,
  keyId,
  secret,
  onKeyId,
  onSecret,
}: {
  keys: KeyView[];
  keyId: string;
  secret: string;
  onKeyId: (id: string) => void;
  onSecret: (secret: string) => void;
}) {
  return (
    <>
      <label className="block text-sm font-medium">
        Access key id
        <select className={input} value={keyId} onChange={(e) => onKeyId(e.target.value)}>
          <option value="">Choose a key…</option>
          {keys.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label ?? 'No label'} ({k.id})
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Secret key
        <input
          className={input}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => onSecret(e.target.value)}
        />
      </label>
    </>
  );
}
