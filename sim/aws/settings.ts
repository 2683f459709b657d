/** Test-controlled conditions of the AWS simulator (not world state): timing, throttles, broken regions. */
import { type ServiceName } from './services';

export type RegionFailureMode = 'error' | 'timeout';

export const DEFAULT_STACK_DURATION_MS = 15_000;
export const DEFAULT_REGISTRATION_TIMEOUT_MS = 10_000;

export class SimSettings {
  stackDurationMs: number;
  latencyMs = 0;
  /** How long the collector's registration call to AIMS may take before the Lambda times out. */
  registrationTimeoutMs = DEFAULT_REGISTRATION_TIMEOUT_MS;
  /** Service → fraction (0..1] of its calls answered with its throttling error. */
  throttles = new Map<ServiceName, number>();
  failRegions = new Map<string, RegionFailureMode>();

  constructor(private readonly initialStackDurationMs = DEFAULT_STACK_DURATION_MS) {
    this.stackDurationMs = initialStackDurationMs;
  }

  reset(): void {
    this.stackDurationMs = this.initialStackDurationMs;
    this.latencyMs = 0;
    this.registrationTimeoutMs = DEFAULT_REGISTRATION_TIMEOUT_MS;
    this.throttles.clear();
    this.failRegions.clear();
  }

  shouldThrottle(service: ServiceName): boolean {
    const rate = this.throttles.get(service) ?? 0;
    return rate > 0 && Math.random() < rate;
  }
}
