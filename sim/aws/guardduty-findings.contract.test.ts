/** Contract tests of GuardDuty findings (ListFindings, GetFindings, CreateSampleFindings) through the real SDK client. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BadRequestException,
  CreateSampleFindingsCommand,
  GetFindingsCommand,
  GuardDutyClient,
  ListDetectorsCommand,
  ListFindingsCommand,
  paginateListFindings,
  type FindingCriteria,
} from '@aws-sdk/client-guardduty';
import { clientConfig, control, failure, startSims, type Sims } from './contract-support';

let sims: Sims;
beforeAll(async () => {
  sims = await startSims();
});
afterAll(() => sims.close());
beforeEach(async () => {
  await control(sims, 'reset');
});

const DAY = 86_400_000;

async function detector(region: string) {
  const gd = new GuardDutyClient(clientConfig(sims, region));
  const [id = ''] = (await gd.send(new ListDetectorsCommand({}))).DetectorIds ?? [];
  return { gd, id };
}

async function list(
  region: string,
  criteria?: FindingCriteria,
  sort?: { AttributeName: string; OrderBy: 'ASC' | 'DESC' },
) {
  const { gd, id } = await detector(region);
  const out = await gd.send(new ListFindingsCommand({ DetectorId: id, FindingCriteria: criteria, SortCriteria: sort }));
  const ids = out.FindingIds ?? [];
  if (ids.length === 0) return [];
  const found = (await gd.send(new GetFindingsCommand({ DetectorId: id, FindingIds: ids }))).Findings ?? [];
  return ids.map((fid) => found.find((f) => f.Id === fid)!);
}

describe('ListFindings and GetFindings', () => {
  it('returns full findings, with HTML in titles kept as text and a very long description', async () => {
    const findings = await list('us-east-1', undefined, { AttributeName: 'updatedAt', OrderBy: 'DESC' });
    expect(findings.map((f) => f.Type)).toEqual([
      'Recon:EC2/PortProbeUnprotectedPort',
      'UnauthorizedAccess:EC2/SSHBruteForce',
      'CryptoCurrency:EC2/BitcoinTool.B!DNS',
      'Recon:EC2/PortProbeUnprotectedPort',
    ]);
    const html = findings[1]!;
    expect(html.Title).toContain('<script>alert(1)</script>');
    expect(html).toMatchObject({
      AccountId: '111111111111',
      Region: 'us-east-1',
      SchemaVersion: '2.0',
      Severity: 5,
      Resource: { ResourceType: 'Instance' },
      Service: { ServiceName: 'guardduty', Archived: false, Count: 1 },
    });
    expect(html.Arn).toBe(
      `arn:aws:guardduty:us-east-1:111111111111:detector/${html.Service!.DetectorId}/finding/${html.Id}`,
    );
    expect(html.Resource!.InstanceDetails!.InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(html.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(Date.parse(html.UpdatedAt!)).toBeGreaterThan(Date.now() - DAY);
    expect(findings[2]!.Service!.Count).toBe(14);
    const [long] = await list('us-west-2', {
      Criterion: { type: { Eq: ['Policy:S3/BucketBlockPublicAccessDisabled'] } },
    });
    expect(long!.Description!.length).toBeGreaterThan(5000);
    expect(long!.Resource!.S3BucketDetails![0]!.Name).toBe('logs-111111111111-us-west-2');
  });

  it('filters on updatedAt (epoch ms), severity, type and service.archived, and sorts', async () => {
    const recent = await list('us-east-1', { Criterion: { updatedAt: { GreaterThanOrEqual: Date.now() - DAY } } });
    expect(recent).toHaveLength(3);
    const old = await list('us-east-1', { Criterion: { updatedAt: { LessThan: Date.now() - DAY } } });
    expect(old.map((f) => f.Type)).toEqual(['Recon:EC2/PortProbeUnprotectedPort']);
    const high = await list('us-east-1', { Criterion: { severity: { GreaterThanOrEqual: 7 } } });
    expect(high.map((f) => f.Severity)).toEqual([8]);
    const bySeverity = await list('us-west-2', undefined, { AttributeName: 'severity', OrderBy: 'ASC' });
    expect(bySeverity.map((f) => f.Severity)).toEqual([2, 2, 9.2]);
    const live = await list('us-west-2', { Criterion: { 'service.archived': { Eq: ['false'] } } });
    expect(live.map((f) => f.Service!.Archived)).toEqual([false, false]);
    const archived = await list('us-west-2', { Criterion: { 'service.archived': { Eq: ['true'] } } });
    expect(archived.map((f) => f.Type)).toEqual(['Stealth:IAMUser/CloudTrailLoggingDisabled']);
    const { gd, id } = await detector('us-east-1');
    const bad = await failure(gd.send(new ListFindingsCommand({ DetectorId: id, MaxResults: 51 })));
    expect([bad.name, bad.$metadata.httpStatusCode]).toEqual(['BadRequestException', 400]);
    const tooMany = await failure(
      gd.send(new GetFindingsCommand({ DetectorId: id, FindingIds: Array.from({ length: 51 }, (_, i) => `f${i}`) })),
    );
    expect(tooMany).toBeInstanceOf(BadRequestException);
  });

  it('pages with maxResults and nextToken until the last page', async () => {
    const { gd, id } = await detector('us-east-1');
    const pages = paginateListFindings({ client: gd, pageSize: 3 }, { DetectorId: id });
    const sizes: number[] = [];
    const ids = new Set<string>();
    for await (const page of pages) {
      sizes.push(page.FindingIds?.length ?? 0);
      for (const f of page.FindingIds ?? []) ids.add(f);
    }
    expect([sizes, ids.size]).toEqual([[3, 1], 4]);
  });
});

describe('CreateSampleFindings', () => {
  it('makes marked samples, bumps count and updatedAt on repeat, and refuses an unknown type', async () => {
    const { gd, id } = await detector('us-west-2');
    const type = 'Backdoor:EC2/C&CActivity.B!DNS';
    const out = await gd.send(new CreateSampleFindingsCommand({ DetectorId: id, FindingTypes: [type] }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    const [first] = await list('us-west-2', { Criterion: { type: { Eq: [type] } } });
    expect(first).toMatchObject({
      Severity: 8,
      Service: { Count: 1, AdditionalInfo: { Value: '{"sample":true}', Type: 'default' } },
    });
    expect(first!.Resource!.InstanceDetails!.InstanceId).toBe('i-99999999');
    await new Promise((r) => setTimeout(r, 5));
    await gd.send(new CreateSampleFindingsCommand({ DetectorId: id, FindingTypes: [type] }));
    const [again] = await list('us-west-2', { Criterion: { type: { Eq: [type] } } });
    expect([again!.Id, again!.Service!.Count]).toEqual([first!.Id, 2]);
    expect(Date.parse(again!.UpdatedAt!)).toBeGreaterThan(Date.parse(first!.UpdatedAt!));

    const err = await failure(
      gd.send(new CreateSampleFindingsCommand({ DetectorId: id, FindingTypes: ['Nope:EC2/X'] })),
    );
    expect(err).toBeInstanceOf(BadRequestException);
    expect([err.message, err.$metadata.httpStatusCode]).toEqual(['An invalid finding type is specified.', 400]);

    const before = (await list('us-east-1')).length;
    const east = await detector('us-east-1');
    await east.gd.send(new CreateSampleFindingsCommand({ DetectorId: east.id }));
    const samples = await list('us-east-1', { Criterion: { 'service.additionalInfo.sample': { Eq: ['true'] } } });
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(samples.length).toBeLessThanOrEqual(10);
    expect((await list('us-east-1')).length).toBe(before + samples.length);
    expect(
      new Set(
        samples.map((f) =>
          f.Severity! >= 9 ? 'Critical' : f.Severity! >= 7 ? 'High' : f.Severity! >= 4 ? 'Medium' : 'Low',
        ),
      ).size,
    ).toBe(4);
  });
});
