import 'server-only';
/**
 * The onboarding wizard's server side: each step is an action on the deployment record, so the
 * state survives reloads, second tabs and restarts. Nothing here returns a secret.
 */
import { AppError } from '../api/errors';
import type { ConsoleSession } from '../auth/session';
import { getTemplateSummary, listStackEvents } from '../aws/cloudformation';
import { listAccountRegions } from '../aws/ec2';
import { classifyAwsError } from '../aws/errors';
import { enableGuardDuty } from '../aws/guardduty';
import { targetScope } from '../aws/scope';
import { diagnoseAwsFailure } from '../collector/diagnosis';
import { COLLECTOR_CAPABILITIES, COLLECTOR_TEMPLATE_URL, GUARDLINK_STACK_NAME } from '../collector/template';
import { env } from '../env';
import { resolveKey } from '../keys/service';
import type { WizardAction } from '../schemas/onboarding';
import { recordAudit } from '../store/audit';
import {
  activeItemElsewhere,
  createDeployment,
  getDeployment,
  getItem,
  latestDeployment,
  listItems,
  openDeployment,
  purgeExpiredSecrets,
  replacePlannedItems,
  updateDeployment,
  type Deployment,
  type DeploymentItem,
} from '../store/deployments';
import { getTarget, listTargets, type Target } from '../store/targets';
import { settleAll } from './limit';
import { resumeDeployment, retryItem, sealSecret, startDeployment, type Actor } from './deploy';
import { preflightOne, runPreflight, type PreflightResult } from './preflight';

const SECRET_KEEP_MS = 24 * 60 * 60 * 1000;

export interface WizardView {
  deployment: Omit<Deployment, 'secretSealed' | 'alAccountId'> & { holdsSecret: boolean };
  items: (Omit<DeploymentItem, 'preflight'> & { preflight: PreflightResult | null })[];
  targets: { accountId: string; label: string; hub: boolean }[];
}

const actorOf = (s: ConsoleSession): Actor => ({ alAccountId: s.accountId, email: s.email });

function view(session: ConsoleSession, d: Deployment): WizardView {
  const { secretSealed, alAccountId: _al, ...rest } = d;
  return {
    deployment: { ...rest, holdsSecret: secretSealed !== null },
    items: listItems(d.id).map((i) => ({ ...i, preflight: i.preflight as PreflightResult | null })),
    targets: listTargets(session.accountId).map((t) => ({
      accountId: t.accountId,
      label: t.label,
      hub: t.roleArn === null,
    })),
  };
}

function mustGet(session: ConsoleSession, id: string): Deployment {
  const d = getDeployment(session.accountId, id);
  if (!d) throw new AppError('not_found', 'No such deployment. It may have been discarded.', 404);
  return d;
}

function targetsOf(session: ConsoleSession, accountIds: string[]): Target[] {
  return accountIds.map((a) => {
    const t = getTarget(session.accountId, a);
    if (!t) throw new AppError('bad_request', `Account ${a} is not registered. Add it on the Targets page first.`, 400);
    return t;
  });
}

export function currentWizard(session: ConsoleSession): WizardView | null {
  purgeExpiredSecrets();
  const d = latestDeployment(session.accountId);
  if (!d) return null;
  if (d.status === 'deploying') resumeDeployment(actorOf(session), d.id);
  return view(session, d);
}

export function wizardById(session: ConsoleSession, id: string): WizardView {
  purgeExpiredSecrets();
  const d = mustGet(session, id);
  if (d.status === 'deploying') resumeDeployment(actorOf(session), d.id);
  return view(session, d);
}

export function startWizard(session: ConsoleSession): WizardView {
  const open = openDeployment(session.accountId);
  return view(session, open ?? createDeployment(session.accountId, session.email));
}

export function discardWizard(session: ConsoleSession, id: string): void {
  const d = mustGet(session, id);
  if (d.status === 'deploying' && listItems(id).some((i) => ['queued', 'deleting', 'deploying'].includes(i.state))) {
    throw new AppError('conflict', 'Stacks are still being deployed. Wait until every region has finished.', 409);
  }
  if (d.status === 'finished')
    throw new AppError('conflict', 'This deployment has finished; there is nothing to discard.', 409);
  updateDeployment(id, { status: 'discarded', secretSealed: null, secretExpiresAt: null });
}

function assertDraft(d: Deployment): void {
  if (d.status !== 'draft')
    throw new AppError('conflict', 'This deployment has started; its choices can no longer change.', 409);
}

/** The key may change before deploying, and during it (for retries after a rejected key). */
function assertKeyChangeable(d: Deployment): void {
  if (d.status !== 'draft' && d.status !== 'deploying') {
    throw new AppError('conflict', 'This deployment is over; start a new one.', 409);
  }
}

async function applyPreflight(session: ConsoleSession, d: Deployment, regions: string[]): Promise<void> {
  const targets = targetsOf(session, d.accountIds);
  const results = await runPreflight(session, targets, regions);
  replacePlannedItems(
    d.id,
    results.map((r) => ({ accountId: r.accountId, region: r.region, state: 'planned' as const, preflight: r })),
  );
}

export async function applyWizardAction(
  session: ConsoleSession,
  id: string,
  action: WizardAction,
): Promise<WizardView> {
  const d = mustGet(session, id);
  switch (action.action) {
    case 'setTargets': {
      assertDraft(d);
      targetsOf(session, action.accountIds);
      updateDeployment(id, { accountIds: [...new Set(action.accountIds)], step: 'regions' });
      break;
    }
    case 'setRegions': {
      assertDraft(d);
      const regions = [...new Set(action.regions)];
      for (const accountId of d.accountIds) {
        for (const region of regions) {
          const busy = activeItemElsewhere(session.accountId, id, accountId, region);
          if (busy)
            throw new AppError(
              'conflict',
              `Another deployment is already working on ${accountId} / ${region}. Wait for it to finish.`,
              409,
            );
        }
      }
      updateDeployment(id, { regions });
      await applyPreflight(session, { ...d, regions }, regions);
      updateDeployment(id, { step: 'preflight' });
      break;
    }
    case 'rerunPreflight':
      assertDraft(d);
      await applyPreflight(session, d, d.regions);
      break;
    case 'enableGuardDuty': {
      assertDraft(d);
      const target = targetsOf(session, [action.accountId])[0]!;
      const subject = `aws:${action.accountId}/${action.region}`;
      try {
        const detectorId = await enableGuardDuty(targetScope(session, target, action.region));
        recordAudit({
          alAccountId: session.accountId,
          actor: session.email,
          action: 'guardduty.enable',
          subject,
          outcome: 'ok',
          detail: { detectorId },
        });
      } catch (err) {
        recordAudit({
          alAccountId: session.accountId,
          actor: session.email,
          action: 'guardduty.enable',
          subject,
          outcome: 'failed',
        });
        const diag = diagnoseAwsFailure(classifyAwsError(err), {
          region: action.region,
          accountId: action.accountId,
          during: 'check',
        });
        throw new AppError('upstream_unavailable', `GuardDuty could not be enabled: ${diag.cause} ${diag.remedy}`, 502);
      }
      const fresh = await preflightOne(session, target, action.region);
      const others = listItems(id).filter((i) => !(i.accountId === action.accountId && i.region === action.region));
      replacePlannedItems(id, [
        ...others.map((i) => ({ accountId: i.accountId, region: i.region, state: i.state, preflight: i.preflight })),
        { accountId: action.accountId, region: action.region, state: 'planned', preflight: fresh },
      ]);
      break;
    }
    case 'useNewKey':
    case 'useExistingKey': {
      assertKeyChangeable(d);
      const key = await resolveKey(
        session,
        action.action === 'useNewKey'
          ? { mode: 'new', label: action.label }
          : { mode: 'existing', keyId: action.keyId, secretKey: action.secretKey },
      );
      updateDeployment(id, {
        keyId: key.keyId,
        keyLabel: key.label,
        secretSealed: sealSecret(key.secretKey),
        secretExpiresAt: Date.now() + SECRET_KEEP_MS,
        step: d.status === 'draft' ? 'review' : d.step,
      });
      break;
    }
    case 'deploy': {
      // A second click, or a second tab, finds the deployment already started: same answer, nothing new.
      if (d.status !== 'draft') break;
      if (!d.keyId || !d.secretSealed) throw new AppError('bad_request', 'Choose the Alert Logic key first.', 400);
      const items = listItems(id);
      if (!items.some((i) => ['ready', 'adopt'].includes((i.preflight as PreflightResult | null)?.verdict ?? ''))) {
        throw new AppError('bad_request', 'No region passed preflight. Fix what it reports first.', 400);
      }
      updateDeployment(id, { status: 'deploying', step: 'deploy' });
      recordAudit({
        alAccountId: session.accountId,
        actor: session.email,
        action: 'deployment.start',
        subject: `deployment:${id}`,
        outcome: 'ok',
        detail: { accounts: d.accountIds, regions: d.regions, keyId: d.keyId },
      });
      startDeployment(actorOf(session), id);
      break;
    }
    case 'retry': {
      const item = getItem(id, action.accountId, action.region);
      if (!item) throw new AppError('not_found', 'That account and region are not part of this deployment.', 404);
      if (item.state === 'failed') retryItem(actorOf(session), item);
      else if (!['queued', 'deleting', 'deploying'].includes(item.state)) {
        throw new AppError(
          'conflict',
          `Nothing to retry: ${action.accountId} / ${action.region} is ${item.state}.`,
          409,
        );
      }
      break;
    }
    case 'back':
      assertDraft(d);
      updateDeployment(id, { step: action.step });
      break;
  }
  return view(session, mustGet(session, id));
}

/** What the review step shows: the template's own parameters, the values GuardLink will pass. */
export async function reviewOf(session: ConsoleSession, id: string) {
  const d = mustGet(session, id);
  const item =
    listItems(id).find((i) => (i.preflight as PreflightResult | null)?.verdict === 'ready') ?? listItems(id)[0];
  const target = item ? getTarget(session.accountId, item.accountId) : undefined;
  if (!item || !target) throw new AppError('bad_request', 'Choose accounts and regions first.', 400);
  const summary = await getTemplateSummary(targetScope(session, target, item.region), COLLECTOR_TEMPLATE_URL);
  const values: Record<string, string> = {
    AccessKeyId: d.keyId ?? '',
    SecretKey: '**** (sent from the server, never shown)',
    AlApiEndpoint: 'api.global-services.global.alertlogic.com',
    AlDataResidency: 'default',
  };
  return {
    templateUrl: COLLECTOR_TEMPLATE_URL,
    stackName: GUARDLINK_STACK_NAME,
    capabilities: summary.capabilities.length ? summary.capabilities : COLLECTOR_CAPABILITIES,
    capabilitiesReason: summary.capabilitiesReason,
    description: summary.description,
    parameters: summary.parameters.map((p) => ({ ...p, value: values[p.key] ?? p.defaultValue ?? '' })),
    cliCommand: [
      'aws cloudformation create-stack --region <region> \\',
      `  --stack-name ${GUARDLINK_STACK_NAME} \\`,
      `  --template-url ${COLLECTOR_TEMPLATE_URL} \\`,
      '  --capabilities CAPABILITY_IAM \\',
      `  --parameters ParameterKey=AccessKeyId,ParameterValue=${d.keyId ?? '<key id>'} ParameterKey=SecretKey,ParameterValue=<secret key>`,
    ].join('\n'),
  };
}

/** The regions each chosen account can use (opt-in regions show their status). */
export async function regionChoices(session: ConsoleSession, id: string) {
  const d = mustGet(session, id);
  const targets = targetsOf(session, d.accountIds);
  const settled = await settleAll(
    8,
    targets.map((t) => () => listAccountRegions(targetScope(session, t, env().AWS_REGION))),
  );
  return targets.map((t, i) => {
    const s = settled[i]!;
    if (s.status === 'fulfilled') return { accountId: t.accountId, label: t.label, regions: s.value, error: null };
    const diag = diagnoseAwsFailure(classifyAwsError(s.reason), {
      region: env().AWS_REGION,
      accountId: t.accountId,
      roleName: t.roleArn?.split('/').pop(),
      during: 'assume_role',
    });
    return { accountId: t.accountId, label: t.label, regions: [], error: `${diag.cause} ${diag.remedy}` };
  });
}

/** The latest stack events of one item, newest first. */
export async function itemEvents(session: ConsoleSession, id: string, accountId: string, region: string) {
  mustGet(session, id);
  const item = getItem(id, accountId, region);
  if (!item) throw new AppError('not_found', 'That account and region are not part of this deployment.', 404);
  if (!item.stackId) return { events: [] };
  const target = targetsOf(session, [accountId])[0]!;
  try {
    return { events: await listStackEvents(targetScope(session, target, region), item.stackId, 60) };
  } catch (err) {
    const diag = diagnoseAwsFailure(classifyAwsError(err), { region, accountId, during: 'check' });
    throw new AppError('upstream_unavailable', `${diag.cause} ${diag.remedy}`, 502);
  }
}

/** "Redeploy" from the status page: a new deployment for one account and region, preflight done. */
export async function startWizardFor(session: ConsoleSession, accountId: string, region: string): Promise<WizardView> {
  const open = openDeployment(session.accountId);
  if (open) {
    throw new AppError(
      'conflict',
      'An onboarding is already open. Finish or discard it on the Onboard page first.',
      409,
    );
  }
  const d = createDeployment(session.accountId, session.email);
  targetsOf(session, [accountId]);
  updateDeployment(d.id, { accountIds: [accountId], regions: [region] });
  await applyPreflight(session, { ...d, accountIds: [accountId], regions: [region] }, [region]);
  updateDeployment(d.id, { step: 'preflight' });
  return view(session, mustGet(session, d.id));
}
