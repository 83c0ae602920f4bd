/** References files: entries, where each reference is, the header, and what is wrong with the text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveEntries, parseReferencesFile } from '../../../src/references/file';
import { planReads, SECRET_BATCH_LIMIT } from '../../../src/references/resolve';
import type { AwsReference } from '../../../src/references/grammar';

describe('references file', () => {
  it('reads the header, plain entries and references with their lines and columns', () => {
    const file = parseReferencesFile(
      [
        '# aws-secrets-lens: profile=dev region=eu-west-1',
        '# local settings',
        'PORT=8080',
        'DB_PASSWORD="{{resolve:secretsmanager:prod/db:SecretString:password}}"',
        'export URL=postgres://app:{{resolve:ssm-secure:/app/db}}@db/app # comment',
      ].join('\n'),
    );
    assert.deepEqual(file.header, { profile: 'dev', region: 'eu-west-1' });
    assert.deepEqual(file.problems, []);
    assert.deepEqual(
      file.entries.map((e) => [e.key, e.references.length]),
      [
        ['PORT', 0],
        ['DB_PASSWORD', 1],
        ['URL', 1],
      ],
    );
    assert.deepEqual(file.entries[0]!.parts, [{ text: '8080' }]);
    assert.deepEqual(file.references[0]!.range, { start: { line: 3, character: 13 }, end: { line: 3, character: 69 } });
    assert.deepEqual(file.references[1]!.range, { start: { line: 4, character: 26 }, end: { line: 4, character: 56 } });
    assert.deepEqual(
      file.entries[2]!.parts.map((p) => ('reference' in p ? `<${p.reference.name}>` : p.text)),
      ['postgres://app:', '</app/db>', '@db/app'],
    );
  });

  it('reports malformed references where they are, and bad headers', () => {
    const file = parseReferencesFile('# aws-secrets-lens: profile= region=mars-1 colour=blue\nA={{resolve:ssm:/x:latest}}\nB=ok\n  C={{resolve:nope:x}}\n');
    assert.deepEqual(
      file.problems.map((p) => [p.range.start.line, p.range.start.character, p.severity, p.message.slice(0, 40)]),
      [
        [0, 20, 'error', 'Give profile a value: profile=…'],
        [0, 29, 'error', '“mars-1” is not a region code such as eu'],
        [0, 43, 'error', '“colour=blue” is not a setting of the he'],
        [1, 2, 'error', 'The version must be a whole number such '],
        [3, 4, 'error', '“nope” is not a service a reference can '],
      ],
    );
    assert.deepEqual(
      file.entries.map((e) => e.valid),
      [false, true, false],
    );
  });

  it('only a comment before the first entry is a header', () => {
    assert.deepEqual(parseReferencesFile('A=1\n# aws-secrets-lens: profile=dev\n').header, {});
  });

  it('a key set twice: the later one is used, the earlier one is flagged', () => {
    const file = parseReferencesFile('A=1\nB=2\nA=3\n');
    assert.deepEqual(
      effectiveEntries(file).map((e) => [e.key, e.entry.value]),
      [
        ['B', '2'],
        ['A', '3'],
      ],
    );
    assert.deepEqual(
      file.problems.map((p) => [p.range.start.line, p.severity, p.message]),
      [[0, 'warning', 'A is set again on line 3; that later value is the one used.']],
    );
  });

  it('references in a multiline quoted value are placed on their line', () => {
    const file = parseReferencesFile('KEY="line one\n  {{resolve:ssm:/a}} two"\n');
    assert.deepEqual(file.references[0]!.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 20 } });
  });
});

describe('read plan', () => {
  const scope = { profile: 'dev', region: 'us-east-1' };
  const secret = (name: string, extra: Partial<AwsReference> = {}) => ({ service: 'secretsmanager' as const, secretId: name, name, ...extra }) as AwsReference;
  const parameter = (name: string, extra: Partial<AwsReference> = {}) =>
    ({ service: 'ssm' as const, parameterName: name, name, secure: true, ...extra }) as AwsReference;

  it('21 references to 21 secrets make 2 BatchGetSecretValue calls', () => {
    const plan = planReads(
      Array.from({ length: 21 }, (_, i) => secret(`app/s${i}`)),
      scope,
    );
    assert.deepEqual(
      plan.secretBatches.map((b) => b.ids.length),
      [SECRET_BATCH_LIMIT, 1],
    );
    assert.deepEqual(plan.secretVersions, []);
    assert.deepEqual(plan.parameterBatches, []);
  });

  it('fetches each secret once however many keys use it', () => {
    const plan = planReads(
      [
        secret('db', { jsonKey: 'user' } as never),
        secret('db', { jsonKey: 'password' } as never),
        secret('db'),
        secret('db', { versionStage: 'AWSCURRENT' } as never),
      ],
      scope,
    );
    assert.deepEqual(plan.secretBatches, [{ ...scope, ids: ['db'] }]);
  });

  it('reads chosen versions one by one, since BatchGetSecretValue reads only AWSCURRENT', () => {
    const plan = planReads(
      [secret('db', { versionStage: 'AWSPREVIOUS' } as never), secret('db', { versionStage: 'AWSPREVIOUS', jsonKey: 'x' } as never), secret('db')],
      scope,
    );
    assert.deepEqual(plan.secretVersions, [{ ...scope, id: 'db', versionStage: 'AWSPREVIOUS', versionId: undefined }]);
    assert.equal(plan.secretBatches.length, 1);
  });

  it('an ARN’s region gets its own call, with the same profile', () => {
    const plan = planReads([secret('a'), secret('arn:aws:secretsmanager:eu-west-1:123456789012:secret:b', { region: 'eu-west-1' } as never)], scope);
    assert.deepEqual(
      plan.secretBatches.map((b) => [b.profile, b.region, b.ids.length]),
      [
        ['dev', 'us-east-1', 1],
        ['dev', 'eu-west-1', 1],
      ],
    );
  });

  it('parameters go 10 to a GetParameters call, each version once', () => {
    const plan = planReads(
      [...Array.from({ length: 11 }, (_, i) => parameter(`/p/${i}`)), parameter('/p/0'), parameter('/p/0', { version: 2 } as never)],
      scope,
    );
    assert.deepEqual(
      plan.parameterBatches.map((b) => b.names),
      [
        ['/p/0', '/p/1', '/p/2', '/p/3', '/p/4', '/p/5', '/p/6', '/p/7', '/p/8', '/p/9'],
        ['/p/10', '/p/0:2'],
      ],
    );
  });
});
