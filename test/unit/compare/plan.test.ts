import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Environment } from '../../../src/compare/environment';
import type { ItemFacts } from '../../../src/compare/facts';
import { createHasher } from '../../../src/compare/fingerprint';
import { countPlan, planCopy, type PlanOptions } from '../../../src/compare/plan';

const hash = createHasher();
const staging: Environment = { profile: 'demo', region: 'us-east-1', service: 'secretsmanager', prefix: 'staging/' };
const prod: Environment = { ...staging, prefix: 'prod/' };
const ssmProd: Environment = { profile: 'demo', region: 'us-east-1', service: 'ssm', prefix: '/app/prod/' };

function facts(env: Environment, relative: string, value: { text?: string; binary?: Uint8Array }, extra: Partial<ItemFacts> = {}): ItemFacts {
  return { name: env.prefix + relative, relative, fingerprint: hash(value), ...extra };
}

const options = (overrides: Partial<PlanOptions> = {}): PlanOptions => ({ from: staging, to: prod, kms: { kind: 'default' }, ...overrides });

describe('planning a copy', () => {
  it('creates what is missing, overwrites what differs and leaves what is the same', () => {
    const plan = planCopy(
      [
        { source: facts(staging, 'new', { text: 'n' }) },
        { source: facts(staging, 'db', { text: 'one' }), target: facts(prod, 'db', { text: 'two' }) },
        { source: facts(staging, 'same', { text: 's' }), target: facts(prod, 'same', { text: 's' }) },
      ],
      options(),
    );
    assert.deepEqual(
      plan.map((p) => [p.targetName, p.action]),
      [
        ['prod/new', 'create'],
        ['prod/db', 'overwrite'],
        ['prod/same', 'leave'],
      ],
    );
    assert.deepEqual(countPlan(plan), { create: 1, overwrite: 1, leave: 1, blocked: 0 });
  });

  it('encrypts new copies with the chosen key, or keeps each item’s key where the target can use it', () => {
    const items = [{ source: facts(staging, 'a', { text: 'a' }, { kmsKeyId: 'alias/payments' }) }, { source: facts(staging, 'b', { text: 'b' }) }];
    assert.deepEqual(
      planCopy(items, options({ kms: { kind: 'key', keyId: 'alias/prod-secrets' } })).map((p) => p.kmsKeyId),
      ['alias/prod-secrets', 'alias/prod-secrets'],
    );
    const kept = planCopy(items, options({ kms: { kind: 'keep' }, to: { ...prod, region: 'eu-west-1' }, targetAliases: ['alias/other'] }));
    assert.equal(kept[0]?.action, 'blocked');
    assert.match(kept[0]?.reason ?? '', /alias\/payments does not exist in eu-west-1/);
    assert.deepEqual([kept[1]?.action, kept[1]?.kmsKeyId], ['create', undefined]);
  });

  it('says before sending that another account’s customer-managed key is not usable in the target', () => {
    const [planned] = planCopy(
      [{ source: facts(staging, 'a', { text: 'a' }, { kmsKeyId: 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' }) }],
      options({ kms: { kind: 'keep' }, to: { ...prod, profile: 'prod-account' }, sourceAccount: '111111111111', targetAccount: '222222222222' }),
    );
    assert.equal(planned?.action, 'blocked');
    assert.match(planned?.reason ?? '', /account 222222222222 can't use it/);
  });

  it('refuses what the target service can’t hold: binary secrets and too-large values in Parameter Store, invalid names', () => {
    const plan = planCopy(
      [
        { source: facts(staging, 'keystore', { binary: new Uint8Array([1, 2]) }) },
        { source: facts(staging, 'big', { text: 'x'.repeat(8193) }) },
        { source: facts(staging, 'large', { text: 'x'.repeat(5000) }) },
        { source: facts(staging, 'bad name+', { text: 'v' }) },
      ],
      options({ to: ssmProd }),
    );
    assert.deepEqual(
      plan.map((p) => p.action),
      ['blocked', 'blocked', 'create', 'blocked'],
    );
    assert.match(plan[0]?.reason ?? '', /binary secret/);
    assert.match(plan[1]?.reason ?? '', /8,193 bytes/);
    assert.deepEqual([plan[2]?.tier, plan[2]?.parameterType, plan[2]?.targetName], ['Advanced', 'SecureString', '/app/prod/large']);
    assert.match(plan[3]?.reason ?? '', /not a valid parameter name/);
  });

  it('never writes a secret value into a plain String parameter, and keeps an existing parameter’s type and key', () => {
    const ssmStaging: Environment = { ...ssmProd, prefix: '/app/staging/' };
    const plan = planCopy(
      [
        {
          source: facts(ssmStaging, 'token', { text: 'secret' }, { parameterType: 'SecureString' }),
          target: facts(ssmProd, 'token', { text: 'old' }, { parameterType: 'String' }),
        },
        {
          source: facts(ssmStaging, 'url', { text: 'new' }, { parameterType: 'String' }),
          target: facts(ssmProd, 'url', { text: 'old' }, { parameterType: 'SecureString', kmsKeyId: 'alias/app-config' }),
        },
      ],
      options({ from: ssmStaging, to: ssmProd }),
    );
    assert.equal(plan[0]?.action, 'blocked');
    assert.match(plan[0]?.reason ?? '', /SecureString.*is a String/);
    assert.deepEqual([plan[1]?.action, plan[1]?.parameterType, plan[1]?.targetKeyId], ['overwrite', 'SecureString', 'alias/app-config']);
  });

  it('refuses to write into a read-only replica or over an item it could not read', () => {
    const plan = planCopy(
      [
        { source: facts(staging, 'db', { text: 'a' }), target: facts(prod, 'db', { text: 'b' }, { primaryRegion: 'eu-west-1' }) },
        { source: facts(staging, 'old', { text: 'a' }), targetUnreadable: 'scheduled for deletion' },
      ],
      options(),
    );
    assert.match(plan[0]?.reason ?? '', /read-only replica of the secret in eu-west-1/);
    assert.match(plan[1]?.reason ?? '', /scheduled for deletion/);
  });
});
