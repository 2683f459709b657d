import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">There is no GuardLink page at this address.</p>
      <p className="mt-6 text-sm">
        <Link href="/" className="text-brand-700 underline">
          Go to the overview
        </Link>
      </p>
    </main>
  );
}
