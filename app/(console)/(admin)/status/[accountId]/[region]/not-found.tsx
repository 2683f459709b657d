import Link from 'next/link';

export default function RegionNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">No such account or region</h1>
      <p className="text-sm text-slate-700">
        The account is not registered in GuardLink, or the region is not an AWS region.
      </p>
      <Link href="/status" className="text-brand-700 text-sm underline">
        Back to the status matrix
      </Link>
    </div>
  );
}
