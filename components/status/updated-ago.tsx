'use client';

import { useEffect, useState } from 'react';

/** "updated N s ago", ticking, so a stale picture is visible as such. */
export function UpdatedAgo({ at }: { at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const s = Math.max(0, Math.round((now - at) / 1000));
  return <span data-testid="updated-ago">updated {s < 60 ? `${s} s` : `${Math.round(s / 60)} min`} ago</span>;
}
