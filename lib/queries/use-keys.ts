'use client';
/** react-query hooks for the access-key routes; components use these, never fetch. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedKeyView, KeyListView } from '@/lib/schemas/keys';
import { apiFetch } from './api-fetch';

export const keyQueryKeys = { all: ['keys'] as const };

export function useKeys() {
  return useQuery({ queryKey: keyQueryKeys.all, queryFn: () => apiFetch<KeyListView>('/api/keys') });
}

/** The answer holds the secret: it lives only in this mutation's state, never in the query cache. */
export function useCreateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => apiFetch<CreatedKeyView>('/api/keys', { method: 'POST', json: { label } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyQueryKeys.all }),
  });
}

export function useDeleteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keyQueryKeys.all }),
  });
}
