'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Overview', adminOnly: false },
  { href: '/onboard', label: 'Onboard', adminOnly: true },
  { href: '/status', label: 'Status', adminOnly: true },
  { href: '/targets', label: 'AWS accounts', adminOnly: true },
  { href: '/keys', label: 'Access keys', adminOnly: true },
];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="flex gap-1">
        {LINKS.filter((l) => isAdmin || !l.adminOnly).map((l) => {
          const current = l.href === '/' ? pathname === '/' : pathname.startsWith(l.href);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? 'page' : undefined}
                className={`rounded-md px-3 py-1.5 text-sm ${current ? 'bg-brand-50 text-brand-700 font-medium' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {l.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
