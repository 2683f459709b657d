/**
 * What collectors did at Alert Logic (reference/alertlogic-api.md §5, §6): azcollect
 * registrations and check-ins, collectors_status reports, ingested message counts, and the iris
 * incidents made from GuardDuty findings. Held by AimsWorld and emptied by its seed.
 */
import { randomUUID } from 'node:crypto';

export interface Registration {
  id: string;
  cid: string;
  awsAccountId: string;
  region: string;
  functionName: string;
  properties: Record<string, unknown>;
  /** Epoch ms. */
  registeredAt: number;
  deregisteredAt?: number;
  lastCheckin?: { at: number; status: string; errorCode?: string; details?: unknown };
  checkins: number;
}

/** A collectors_status object (§5.3): the reported body plus the fields the service fills in. */
export type StatusObject = Record<string, unknown> & {
  status: string;
  stream: string;
  status_id: string;
  account_id: string;
  /** Epoch ms. */
  timestamp: number;
};

export type Incident = Record<string, unknown> & {
  incidentId: string;
  accountId: string;
  createTime: number;
  updateTime: number;
  guardduty_finding_id: string;
};

const regKey = (cid: string, account: string, region: string, fn: string) => `${cid}|${account}|${region}|${fn}`;

export class CollectionStore {
  /** Live registrations by (cid, AWS account, region, function). */
  registrations = new Map<string, Registration>();
  deregistered: Registration[] = [];
  /** `cid/status_id` → statuses, oldest first. */
  statuses = new Map<string, StatusObject[]>();
  incidents: Incident[] = [];
  /** `cid` → ingested counts: secmsgs messages, logmsgs bodies, lmcstats entries. */
  ingested = new Map<string, { secmsgs: number; logmsgs: number; lmcstats: number }>();
  private friendlyIds = 0;

  clear(): void {
    this.registrations.clear();
    this.deregistered = [];
    this.statuses.clear();
    this.incidents = [];
    this.ingested.clear();
    this.friendlyIds = 0;
  }

  /** The same (cid, account, region, function) keeps its id for as long as it stays registered. */
  register(
    cid: string,
    account: string,
    region: string,
    fn: string,
    properties: Record<string, unknown>,
  ): Registration {
    const key = regKey(cid, account, region, fn);
    const existing = this.registrations.get(key);
    if (existing) {
      existing.properties = properties;
      return existing;
    }
    const reg: Registration = {
      id: randomUUID().toUpperCase(),
      cid,
      awsAccountId: account,
      region,
      functionName: fn,
      properties,
      registeredAt: Date.now(),
      checkins: 0,
    };
    this.registrations.set(key, reg);
    return reg;
  }

  find(cid: string, account: string, region: string, fn: string): Registration | undefined {
    return this.registrations.get(regKey(cid, account, region, fn));
  }

  deregister(reg: Registration): void {
    this.registrations.delete(regKey(reg.cid, reg.awsAccountId, reg.region, reg.functionName));
    reg.deregisteredAt = Date.now();
    this.deregistered.push(reg);
  }

  /** Stores a report; false (HTTP 304) when the stream's latest status is the same, whose time is then refreshed. */
  putStatus(cid: string, statusId: string, stream: string, body: Record<string, unknown>): boolean {
    const key = `${cid}/${statusId}`;
    const list = this.statuses.get(key) ?? [];
    this.statuses.set(key, list);
    const now = Date.now();
    const reported = typeof body.timestamp === 'number' && Number.isFinite(body.timestamp) ? body.timestamp : now;
    // The collector's own clock is kept (it sends epoch ms), but never one in the future.
    const timestamp = Math.min(reported, now);
    const status = typeof body.status === 'string' ? body.status : 'ok';
    const latest = [...list].reverse().find((s) => s.stream === stream);
    if (latest && latest.status === status && JSON.stringify(latest.errorinfo) === JSON.stringify(body.errorinfo)) {
      latest.timestamp = Math.max(latest.timestamp, timestamp);
      return false;
    }
    list.push({ ...body, status, stream, status_id: statusId, account_id: cid, timestamp });
    list.sort((a, b) => a.timestamp - b.timestamp);
    return true;
  }

  /** Newest first; `fromMs`/`untilMs` bound the timestamps. */
  statusHistory(cid: string, statusId: string, fromMs?: number, untilMs?: number): StatusObject[] {
    return [...(this.statuses.get(`${cid}/${statusId}`) ?? [])]
      .filter(
        (s) => (fromMs === undefined || s.timestamp >= fromMs) && (untilMs === undefined || s.timestamp <= untilMs),
      )
      .reverse();
  }

  countIngested(cid: string, type: 'secmsgs' | 'logmsgs' | 'lmcstats', n: number): void {
    const counts = this.ingested.get(cid) ?? { secmsgs: 0, logmsgs: 0, lmcstats: 0 };
    counts[type] += n;
    this.ingested.set(cid, counts);
  }

  nextFriendlyId(): number {
    return 1000 + ++this.friendlyIds;
  }

  incidentForFinding(cid: string, findingId: string): Incident | undefined {
    return this.incidents.find((i) => i.accountId === cid && i.guardduty_finding_id === findingId);
  }
}
