import { Alert } from '@/components/ui/alert';

/** Tells a user without Administrator what they have, what is needed, and how to get it. */
export function RoleRefusal({ roles }: { roles: string[] }) {
  const held = roles.length ? roles.join(', ') : 'no role';
  return (
    <Alert tone="warning" title="Administrator role required">
      <p>
        Your Alert Logic role is <strong>{held}</strong>. Creating access keys and onboarding AWS accounts needs the{' '}
        <strong>Administrator</strong> role, because GuardLink acts in Alert Logic on your behalf.
      </p>
      <p className="mt-2">
        Ask an Administrator of your Alert Logic account to grant you the role (Alert Logic console → Manage → Users),
        then sign out and sign in again.
      </p>
    </Alert>
  );
}
