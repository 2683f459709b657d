'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetInput } from '@/lib/schemas/targets';
import { apiFetch } from './api-fetch';

export interface TargetView {
  accountId: string;
  label: string;
  roleArn: string | null;
  externalId: string | null;
  createdBy: string;
  verifiedAt: number | null;
  verifiedArn: string | null;
}

export interface RoleSetup {
  hubAccountId: string | null;
  hubError: string | null;
  roleName: string;
  suggestedExternalId: string;
  trustPolicy: string;
  permissionPolicy: string;
  cloudFormationTemplate: string;
  cliCommands: string;
}

const KEY = ['targets'] as const;

export function useTargets() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<{ targets: TargetView[]; setup: RoleSetup }>('/api/targets'),
  });
}

export function useRegisterTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TargetInput) =>
      apiFetch<{ target: TargetView }>('/api/targets', { method: 'POST', json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRemoveTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => apiFetch<void>(`/api/targets/${accountId}`, { method: 'DELETE' }),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
