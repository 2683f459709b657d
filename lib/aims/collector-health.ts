/**
 * The Alert Logic side of a collector's health: its last collectors_status report and the
 * incidents that came from GuardDuty (reference/alertlogic-api.md sections 5.3 and 6.2). Hosts are
 * resolved through the endpoints service and cached per account.
 */
import { z } from 'zod';
import type { AimsClient } from './client';
import { AimsError, errorForStatus } from './errors';
import { aimsFetch, type TransportOptions } from './transport';

const statusWireSchema = z.object({
  statuses: z
    .array(
      z.object({ status: z.string(), timestamp: z.number().optional(), stream: z.string().optional() }).passthrough(),
    )
    .optional(),
});

const incidentWireSchema = z
  .object({
    incidentId: z.string().optional(),
    humanFriendlyId: z.union([z.string(), z.number()]).optional(),
    createTime: z.number().optional(),
    updateTime: z.number().optional(),
    incident_threat_rating: z.string().optional(),
    incident: z.object({ summary: z.string().optional(), description: z.string().optional() }).partial().optional(),
    detection_source: z.string().optional(),
    sources: z.array(z.string()).optional(),
    aws_region: z.string().optional(),
    guardduty_finding_id: z.string().optional(),
  })
  .passthrough();

export interface CollectorReport {
  status: 'new' | 'offline' | 'ok' | 'error' | 'warning' | string;
  /** Epoch milliseconds. */
  timestamp: number | null;
}

export interface IncidentView {
  id: string;
  friendlyId: string | null;
  summary: string;
  threatRating: string | null;
  /** Epoch seconds. */
  createdAt: number | null;
  region: string | null;
  findingId: string | null;
}

/** The one place that decides whether an incident came from GuardDuty (the field is not documented). */
export function isGuardDutyIncident(i: z.infer<typeof incidentWireSchema>): boolean {
  const fields = [i.detection_source ?? '', ...(i.sources ?? [])];
  return fields.some((f) => f.toLowerCase().includes('guardduty'));
}

export function createCollectorHealthClient(aims: AimsClient, transport: Omit<TransportOptions, 'baseUrl'>) {
  const hosts = new Map<string, string>();
  async function host(token: string, accountId: string, service: string): Promise<string> {
    const key = `${accountId}|${service}`;
    let url = hosts.get(key);
    if (!url) {
      url = await aims.resolveEndpoint(token, accountId, service);
      hosts.set(key, url);
    }
    return url;
  }

  return {
    /** Null when Alert Logic has no status for that collector yet. */
    async collectorReport(token: string, accountId: string, collectorId: string): Promise<CollectorReport | null> {
      const baseUrl = await host(token, accountId, 'collector_status');
      const res = await aimsFetch(
        { ...transport, baseUrl },
        {
          method: 'GET',
          path: `/collectors_status/v1/${encodeURIComponent(accountId)}/statuses/${encodeURIComponent(collectorId)}`,
          token,
          idempotent: true,
        },
      );
      if (res.status === 404) return null;
      if (res.status !== 200) throw errorForStatus(res.status, res.body);
      const parsed = statusWireSchema.safeParse(res.body);
      if (!parsed.success) throw new AimsError('bad_response', 'Unreadable collector status from Alert Logic', 200);
      const latest = parsed.data.statuses?.[0];
      return latest ? { status: latest.status, timestamp: latest.timestamp ?? null } : null;
    },

    /** GuardDuty incidents created in the window (epoch seconds), newest first. */
    async guardDutyIncidents(token: string, accountId: string, startS: number, endS: number): Promise<IncidentView[]> {
      const baseUrl = await host(token, accountId, 'iris');
      const res = await aimsFetch(
        { ...transport, baseUrl },
        {
          method: 'GET',
          path: `/iris/v3/${encodeURIComponent(accountId)}/incidents_by_time?start_time=${Math.floor(startS)}&end_time=${Math.ceil(endS)}`,
          token,
          idempotent: true,
        },
      );
      if (res.status !== 200) throw errorForStatus(res.status, res.body);
      const list = z.array(incidentWireSchema).safeParse(res.body);
      if (!list.success) throw new AimsError('bad_response', 'Unreadable incident list from Alert Logic', 200);
      return list.data
        .filter(isGuardDutyIncident)
        .map((i) => ({
          id: i.incidentId ?? '',
          friendlyId: i.humanFriendlyId === undefined ? null : String(i.humanFriendlyId),
          summary: i.incident?.summary ?? '',
          threatRating: i.incident_threat_rating ?? null,
          createdAt: i.createTime ?? null,
          region: i.aws_region ?? null,
          findingId: i.guardduty_finding_id ?? null,
        }))
        .sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
    },
  };
}
