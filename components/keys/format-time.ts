/** Epoch seconds to a readable local time; 0 means AIMS recorded no use. */
export function formatEpoch(seconds: number | null, never = 'Never'): string {
  if (seconds === null) return 'Not reported';
  if (seconds === 0) return never;
  return new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
