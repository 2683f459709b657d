import type { HealthState } from '@/lib/status/health';

/** Colour plus a word for every state, so the matrix never relies on colour alone. */
export const HEALTH_STYLE: Record<HealthState, { label: string; short: string; className: string }> = {
  healthy: { label: 'Healthy', short: 'OK', className: 'bg-emerald-100 text-emerald-900 border-emerald-300' },
  degraded: { label: 'Degraded', short: 'Degraded', className: 'bg-amber-100 text-amber-900 border-amber-300' },
  failing: { label: 'Failing', short: 'Failing', className: 'bg-red-100 text-red-900 border-red-300' },
  silent: { label: 'Silent', short: 'Silent', className: 'bg-violet-100 text-violet-900 border-violet-300' },
  not_installed: { label: 'Not installed', short: 'None', className: 'bg-slate-50 text-slate-600 border-slate-200' },
  guardduty_off: { label: 'GuardDuty off', short: 'GD off', className: 'bg-slate-200 text-slate-700 border-slate-300' },
  unreachable: {
    label: 'Unreachable',
    short: 'Unreach.',
    className: 'bg-orange-100 text-orange-900 border-orange-300',
  },
};

export const HEALTH_ORDER: HealthState[] = [
  'failing',
  'silent',
  'degraded',
  'unreachable',
  'healthy',
  'guardduty_off',
  'not_installed',
];
