'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WizardAction } from '@/lib/schemas/onboarding';
import { apiFetch } from './api-fetch';

export interface Diagnosis {
  code: string;
  cause: string;
  remedy: string;
  link?: { label: string; url: string };
  detail?: string;
}

export interface Preflight {
  verdict: 'ready' | 'adopt' | 'enable_guardduty' | 'blocked';
  guardDuty: 'enabled' | 'disabled' | 'none' | 'unknown';
  existing: {
    stackName: string | null;
    stackStatus: string | null;
    managedByGuardLink: boolean;
    accessKeyId: string | null;
  } | null;
  leftover: { stackId: string; status: string } | null;
  missingActions: string[];
  diagnosis: Diagnosis | null;
}

export interface ItemView {
  accountId: string;
  region: string;
  state: 'planned' | 'skipped' | 'adopted' | 'queued' | 'deleting' | 'deploying' | 'complete' | 'failed';
  preflight: Preflight | null;
  stackName: string | null;
  stackId: string | null;
  attempt: number;
  stackStatus: string | null;
  diagnosis: Diagnosis | null;
  progress: { done: number; total: number; last: { logicalId: string; status: string } | null } | null;
}

export interface WizardView {
  deployment: {
    id: string;
    status: 'draft' | 'deploying' | 'finished' | 'discarded';
    step: 'targets' | 'regions' | 'preflight' | 'key' | 'review' | 'deploy';
    accountIds: string[];
    regions: string[];
    keyId: string | null;
    keyLabel: string | null;
    holdsSecret: boolean;
    createdBy: string;
    createdAt: number;
  };
  items: ItemView[];
  targets: { accountId: string; label: string; hub: boolean }[];
}

export interface StackEventView {
  eventId: string;
  timestamp: string;
  logicalId: string;
  resourceType: string;
  status: string;
  reason: string | null;
}

const KEY = ['onboard'] as const;
const ACTIVE = new Set(['queued', 'deleting', 'deploying']);

export function useWizard() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<{ wizard: WizardView | null }>('/api/onboard'),
    // Live progress while stacks are being created; quiet otherwise.
    refetchInterval: (q) => (q.state.data?.wizard?.items.some((i) => ACTIVE.has(i.state)) ? 1500 : false),
  });
}

export function useStartWizard() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ wizard: WizardView }>('/api/onboard', { method: 'POST' }),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}

export function useWizardAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: WizardAction) =>
      apiFetch<{ wizard: WizardView }>(`/api/onboard/${id}`, { method: 'POST', json: action }),
    onSuccess: (data) => qc.setQueryData(KEY, data),
  });
}

export function useDiscardWizard(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>(`/api/onboard/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.setQueryData(KEY, { wizard: null }),
  });
}

export function useRegionChoices(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['onboard', id, 'regions'],
    enabled,
    queryFn: () =>
      apiFetch<{
        accounts: {
          accountId: string;
          label: string;
          regions: { name: string; optInStatus: string; enabled: boolean }[];
          error: string | null;
        }[];
      }>(`/api/onboard/${id}/regions`),
  });
}

export function useReview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['onboard', id, 'review'],
    enabled,
    queryFn: () =>
      apiFetch<{
        templateUrl: string;
        stackName: string;
        capabilities: string[];
        capabilitiesReason: string;
        description: string;
        parameters: { key: string; description: string; noEcho: boolean; allowedValues: string[]; value: string }[];
        cliCommand: string;
      }>(`/api/onboard/${id}/review`),
  });
}

export function useItemEvents(id: string, accountId: string, region: string, live: boolean) {
  return useQuery({
    queryKey: ['onboard', id, 'events', accountId, region],
    queryFn: () =>
      apiFetch<{ events: StackEventView[] }>(`/api/onboard/${id}/events?accountId=${accountId}&region=${region}`),
    refetchInterval: live ? 2000 : false,
  });
}
