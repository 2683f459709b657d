'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HealthState } from '@/lib/status/health';
import { apiFetch } from './api-fetch';

export interface CellView {
  accountId: string;
  region: string;
  state: HealthState;
  reason: string;
  guardDuty: string;
  stack: { name: string; id: string; status: string; managedByGuardLink: boolean; accessKeyId: string | null } | null;
  collectorId: string | null;
  invocations24h: number;
  errors24h: number;
  findings24h: number;
  lastCheckinMs: number | null;
}

export interface MatrixView {
  generatedAt: number;
  durationMs: number;
  accounts: { accountId: string; label: string; error: string | null; regions: string[] }[];
  regions: string[];
  cells: CellView[];
  counts: Record<HealthState, number>;
}

export interface RegionDetail {
  accountId: string;
  region: string;
  label: string;
  cell: CellView;
  events: {
    eventId: string;
    timestamp: string;
    logicalId: string;
    resourceType: string;
    status: string;
    reason: string | null;
  }[];
  diagnosis: {
    code: string;
    cause: string;
    remedy: string;
    link?: { label: string; url: string };
    detail?: string;
  } | null;
  errors: { message: string; count: number; firstSeen: number; lastSeen: number; requestIds: string[] }[];
  findings: {
    id: string;
    type: string;
    title: string;
    severity: number;
    resourceType: string;
    resourceId: string | null;
    updatedAt: string;
    consoleUrl: string;
    sample: boolean;
  }[];
  pipeline: {
    matched: number;
    delivered: number;
    invoked: number;
    errors: number;
    failedDeliveries: number;
    iteratorAgeMaxMs: number;
  } | null;
  incidents: {
    id: string;
    friendlyId: string | null;
    summary: string;
    threatRating: string | null;
    createdAt: number | null;
    region: string | null;
    findingId: string | null;
  }[];
  incidentsError: string | null;
}

export type StatusAction =
  | { action: 'sendTestFinding' }
  | { action: 'removeCollector'; confirm: string }
  | {
      action: 'updateKey';
      key: { mode: 'new'; label: string } | { mode: 'existing'; keyId: string; secretKey: string };
    }
  | { action: 'redeploy' };

export const STATUS_POLL_MS = 15_000;

export function useStatus() {
  return useQuery({
    queryKey: ['status'],
    queryFn: () => apiFetch<MatrixView>('/api/status'),
    refetchInterval: STATUS_POLL_MS,
  });
}

export function useRefreshStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<MatrixView>('/api/status?fresh=1'),
    onSuccess: (data) => qc.setQueryData(['status'], data),
  });
}

export function useRegionDetail(accountId: string, region: string, fast: boolean) {
  return useQuery({
    queryKey: ['status', accountId, region],
    queryFn: () => apiFetch<RegionDetail>(`/api/status/${accountId}/${region}`),
    refetchInterval: fast ? 3000 : STATUS_POLL_MS,
  });
}

export function useStatusAction(accountId: string, region: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: StatusAction) =>
      apiFetch<Record<string, unknown>>(`/api/status/${accountId}/${region}`, { method: 'POST', json: action }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['status'] }),
  });
}

export function useKeyUsage() {
  return useQuery({
    queryKey: ['keys', 'usage'],
    queryFn: () =>
      apiFetch<{
        usage: Record<string, { accountId: string; region: string; stackName: string; managedByGuardLink: boolean }[]>;
        generatedAt: number;
      }>('/api/keys/usage'),
  });
}

export interface RotationJob {
  id: string;
  oldKeyId: string;
  newKeyId: string | null;
  newLabel: string;
  status: 'running' | 'done' | 'failed';
  stacks: {
    accountId: string;
    region: string;
    stackName: string;
    state: 'pending' | 'updating' | 'updated' | 'failed';
    message: string | null;
  }[];
  oldKeyDeleted: boolean;
  message: string | null;
}

export function useStartRotation() {
  return useMutation({
    mutationFn: (input: { keyId: string; label: string }) =>
      apiFetch<{ job: RotationJob }>(`/api/keys/${input.keyId}/rotate`, {
        method: 'POST',
        json: { label: input.label },
      }),
  });
}

export function useRotation(jobId: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ['rotation', jobId],
    enabled: jobId !== null,
    queryFn: async () => {
      const res = await apiFetch<{ job: RotationJob }>(`/api/keys/rotations/${jobId}`);
      if (res.job.status !== 'running') void qc.invalidateQueries({ queryKey: ['keys'] });
      return res;
    },
    refetchInterval: (q) => (q.state.data?.job.status === 'running' ? 1500 : false),
  });
}
