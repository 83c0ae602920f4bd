/**
 * The emulator's own fidelity tests for Parameter Store: server-side validation and behaviour
 * AWS documents but the extension does not depend on (it checks sizes and names itself, always
 * reads with WithDecryption, and filters only by name). Independent implementations differ here
 * (moto accepts oversized values and bad names, echoes the plaintext in SecureString values…),
 * so these run only against the bundled emulator, whatever TEST_AWS_ENDPOINT says. Each test
 * cites the section of the AWS Systems Manager API Reference it copies.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  DescribeParametersCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  HierarchyLevelLimitExceededException,
  LabelParameterVersionCommand,
  ParameterPatternMismatchException,
  PutParameterCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import type { ParameterStore } from '../../src/aws/types';
import { failure } from './awsFailure';
import { Cleanup, errorOf, openEmulatorEndpoint, type TestEndpoint, uniquePrefix } from './endpoint';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

describe('emulator fidelity: Parameter Store', () => {
  let ep: TestEndpoint;
  let cleanup: Cleanup;
  let ssm: SSMClient;

  before(async () => {
    ep = await openEmulatorEndpoint();
    cleanup = new Cleanup(ep);
    ssm = ep.ssm();
  });

  after(async () => {
    await cleanup.run();
    await ep.close();
  });

  function name(label: string, leaf = 'value'): string {
    return cleanup.parameter(`/${uniquePrefix(label)}/${leaf}`);
  }

  // GetParameter › WithDecryption: "Return decrypted values for secure string parameters"; without it the value is the
  // encrypted form (Parameter › Value), which reveals nothing of the plaintext.
  it('never shows any of a SecureString plaintext without WithDecryption', async () => {
    const secure = name('secure', 'password');
    const plaintext = 'correct-horse-battery-staple-42';
    await ssm.send(new PutParameterCommand({ Name: secure, Type: 'SecureString', Value: plaintext }));
    const hidden = (await ssm.send(new GetParameterCommand({ Name: secure }))).Parameter!;
    assert.ok(!hidden.Value!.includes(plaintext));
    const path = secure.slice(0, secure.lastIndexOf('/'));
    assert.ok(!(await ssm.send(new GetParametersByPathCommand({ Path: path }))).Parameters?.[0]?.Value?.includes(plaintext));
  });

  // PutParameter › Tier: "Standard parameters have a content size limit of 4 KB… Advanced parameters have a content size limit
  // of 8 KB"; you can't revert an advanced parameter to standard; Intelligent-Tiering picks Standard unless the request needs
  // an advanced parameter (a value over 4 KB).
  it('enforces 4 KB for Standard and 8 KB for Advanced, and picks a tier for Intelligent-Tiering', async () => {
    const standard = name('tiers', 'standard');
    assert.equal((await ssm.send(new PutParameterCommand({ Name: standard, Type: 'String', Value: 'a'.repeat(4096) }))).Tier, 'Standard');
    const tooBig = await errorOf(() => ssm.send(new PutParameterCommand({ Name: standard, Value: 'a'.repeat(4097), Overwrite: true })));
    assert.equal(tooBig.name, 'ValidationException');
    assert.match(tooBig.message, /4096/);

    const advanced = name('tiers', 'advanced');
    assert.equal((await ssm.send(new PutParameterCommand({ Name: advanced, Type: 'String', Tier: 'Advanced', Value: 'a'.repeat(8192) }))).Tier, 'Advanced');
    const tooBigAdvanced = await errorOf(() =>
      ssm.send(new PutParameterCommand({ Name: advanced, Tier: 'Advanced', Value: 'a'.repeat(8193), Overwrite: true })),
    );
    assert.equal(tooBigAdvanced.name, 'ValidationException');
    const downgrade = await errorOf(() => ssm.send(new PutParameterCommand({ Name: advanced, Tier: 'Standard', Value: 'small', Overwrite: true })));
    assert.equal(downgrade.name, 'ValidationException');

    const smart = name('tiers', 'intelligent');
    assert.equal((await ssm.send(new PutParameterCommand({ Name: smart, Type: 'String', Tier: 'Intelligent-Tiering', Value: 'small' }))).Tier, 'Standard');
    assert.equal(
      (await ssm.send(new PutParameterCommand({ Name: smart, Tier: 'Intelligent-Tiering', Value: 'b'.repeat(5000), Overwrite: true }))).Tier,
      'Advanced',
    );
  });

  // PutParameter › Name: only a-zA-Z0-9_.-/; can't be prefixed with "aws" or "ssm"; a hierarchy has at most 15 levels;
  // a name with a hierarchy must be fully qualified (start with /).
  it('validates names: hierarchy depth, reserved prefixes, fully qualified paths', async () => {
    const base = `/${uniquePrefix('names')}`;
    const baseLevels = base.split('/').filter(Boolean).length;
    const fifteen = cleanup.parameter(`${base}${'/l'.repeat(15 - baseLevels)}`);
    await ssm.send(new PutParameterCommand({ Name: fifteen, Type: 'String', Value: 'deep' }));
    const sixteen = cleanup.parameter(`${base}${'/l'.repeat(16 - baseLevels)}`);
    const tooDeep = await errorOf(() => ssm.send(new PutParameterCommand({ Name: sixteen, Type: 'String', Value: 'deeper' })));
    assert.ok(tooDeep instanceof HierarchyLevelLimitExceededException, `got ${tooDeep.name}`);

    const reserved = await errorOf(() => ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`/aws${base.slice(1)}`), Type: 'String', Value: 'x' })));
    assert.equal(reserved.name, 'ValidationException');
    const relative = await errorOf(() => ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`${base.slice(1)}/x`), Type: 'String', Value: 'x' })));
    assert.equal(relative.name, 'ValidationException');
    const badChar = await errorOf(() => ssm.send(new PutParameterCommand({ Name: cleanup.parameter(`${base}/bad name`), Type: 'String', Value: 'x' })));
    assert.equal(badChar.name, 'ValidationException');
  });

  // PutParameter › AllowedPattern: "A regular expression used to validate the parameter value"; › Errors › ParameterPatternMismatchException.
  it('checks values against AllowedPattern', async () => {
    const param = name('pattern');
    await ssm.send(new PutParameterCommand({ Name: param, Type: 'String', Value: '42', AllowedPattern: '^\\d+$' }));
    const mismatch = await errorOf(() => ssm.send(new PutParameterCommand({ Name: param, Value: 'forty-two', Overwrite: true })));
    assert.ok(mismatch instanceof ParameterPatternMismatchException, `got ${mismatch.name}`);
  });

  // GetParametersByPath › ParameterFilters: "The following Key values are supported for GetParametersByPath: Type, KeyId, and
  // Label"; a Label filter returns the version that carries the label.
  it('GetParametersByPath with a Label filter returns the labelled version', async () => {
    const root = `/${uniquePrefix('by-label')}`;
    const nested = cleanup.parameter(`${root}/child/nested`);
    await ssm.send(new PutParameterCommand({ Name: nested, Type: 'String', Value: 'nested-1' }));
    await ssm.send(new PutParameterCommand({ Name: nested, Value: 'nested-2', Overwrite: true }));
    await ssm.send(new LabelParameterVersionCommand({ Name: nested, ParameterVersion: 1, Labels: ['old'] }));
    const page = await ssm.send(
      new GetParametersByPathCommand({ Path: root, Recursive: true, ParameterFilters: [{ Key: 'Label', Option: 'Equals', Values: ['old'] }] }),
    );
    assert.deepEqual(
      page.Parameters?.map((p) => [p.Name, p.Value]),
      [[nested, 'nested-1']],
    );
  });

  // DescribeParameters › ParameterFilters, ParameterStringFilter › Key: Tier (Standard | Advanced | Intelligent-Tiering).
  it('DescribeParameters filters by tier', async () => {
    const root = `/${uniquePrefix('tier-filter')}`;
    const plain = cleanup.parameter(`${root}/plain`);
    const deep = cleanup.parameter(`${root}/nested/flags`);
    await ssm.send(new PutParameterCommand({ Name: plain, Type: 'String', Value: 'x' }));
    await ssm.send(new PutParameterCommand({ Name: deep, Type: 'StringList', Value: 'a,b', Tier: 'Advanced' }));
    const described = await ssm.send(
      new DescribeParametersCommand({
        ParameterFilters: [
          { Key: 'Path', Option: 'Recursive', Values: [root] },
          { Key: 'Tier', Option: 'Equals', Values: ['Advanced'] },
        ],
      }),
    );
    assert.deepEqual(
      described.Parameters?.map((p) => p.Name),
      [deep],
    );
  });

  describe('through the extension’s ParameterStore', () => {
    let fixture: RuntimeFixture;
    let store: ParameterStore;

    before(async () => {
      fixture = await openRuntime(ep);
      store = await fixture.runtime.parameters(PROFILE, ep.region);
    });
    afterEach(() => cleanup.run());
    after(() => fixture.close());

    // PutParameter › Tier (4 KB Standard limit), the ValidationException AWS answers with; the message must not echo the value.
    it('reports a value over the Standard tier limit without echoing it, and stores it as Advanced', async () => {
      const parameter = cleanup.parameter(`/${uniquePrefix('big')}/blob`);
      const big = 'x'.repeat(5000);
      const error = await failure(() => store.put({ name: parameter, value: big, type: 'String', tier: 'Standard', overwrite: false }));
      assert.equal(error.kind, 'invalidInput');
      assert.ok(!error.message.includes(big.slice(0, 100)));
      const advanced = await store.put({ name: parameter, value: big, type: 'String', tier: 'Advanced', overwrite: false });
      assert.equal(advanced.tier, 'Advanced');
    });
  });
});
