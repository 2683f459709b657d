/** Test-controlled conditions of the AWS simulator (not world state): timing, throttles, broken regions. */
import { type ServiceName } from './services';

export type RegionFailureMode = 'error' | 'timeout';

/** How a region's collector is broken on purpose (POST /_sim/collector-fault). */
export const COLLECTOR_FAULTS = ['bad_key', 'kms_denied', 'rule_disabled', 'timeout'] as const;
export type CollectorFault = (typeof COLLECTOR_FAULTS)[number];

export const DEFAULT_STACK_DURATION_MS = 15_000;
export const DEFAULT_REGISTRATION_TIMEOUT_MS = 10_000;
/** The collector checks in every 15 minutes; time-scaled, a minute. */
export const DEFAULT_CHECKIN_INTERVAL_MS = 60_000;
/** From a finding to the Lambda invocation that forwards it (half to Kinesis, half to the Lambda poll). */
export const DEFAULT_PIPELINE_DELAY_MS = 500;

const cellKey = (account: string, region: string): string => `${account}/${region}`;

export class SimSettings {
  stackDurationMs: number;
  latencyMs = 0;
  /** How long the collector's registration call to AIMS may take before the Lambda times out. */
  registrationTimeoutMs = DEFAULT_REGISTRATION_TIMEOUT_MS;
  /** Service → fraction (0..1] of its calls answered with its throttling error. */
  throttles = new Map<ServiceName, number>();
  failRegions = new Map<string, RegionFailureMode>();
  checkinIntervalMs = DEFAULT_CHECKIN_INTERVAL_MS;
  pipelineDelayMs = DEFAULT_PIPELINE_DELAY_MS;
  /** `account/region` → the collector fault switched on there. */
  collectorFaults = new Map<string, CollectorFault>();

  constructor(private readonly initialStackDurationMs = DEFAULT_STACK_DURATION_MS) {
    this.stackDurationMs = initialStackDurationMs;
  }

  reset(): void {
    this.stackDurationMs = this.initialStackDurationMs;
    this.latencyMs = 0;
    this.registrationTimeoutMs = DEFAULT_REGISTRATION_TIMEOUT_MS;
    this.throttles.clear();
    this.failRegions.clear();
    this.checkinIntervalMs = DEFAULT_CHECKIN_INTERVAL_MS;
    this.pipelineDelayMs = DEFAULT_PIPELINE_DELAY_MS;
    this.collectorFaults.clear();
  }

  collectorFault(account: string, region: string): CollectorFault | undefined {
    return this.collectorFaults.get(cellKey(account, region));
  }

  setCollectorFault(account: string, region: string, fault: CollectorFault | 'off'): void {
    if (fault === 'off') this.collectorFaults.delete(cellKey(account, region));
    else this.collectorFaults.set(cellKey(account, region), fault);
  }

  shouldThrottle(service: ServiceName): boolean {
    const rate = this.throttles.get(service) ?? 0;
    return rate > 0 && Math.random() < rate;
  }
}
