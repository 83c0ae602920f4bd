/**
 * One secret is fetched once, however many of its keys the file reads: an access key id and its
 * secret key become one JSON secret, and the rewritten file — composed exactly as the quick fix
 * composes it — runs in the real interpreter against a stand-in AWS client that counts the calls.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { composeEdit } from '../../../src/protect/composeEdit';
import { applyEdits, literalReplacement } from '../../../src/snippets/index';
import { hasTool } from '../../fixtures/snippets/harness/syntaxCheck';

const KEY_ID = 'AKIA2OGYBAH6QXLV7D4R';
const SECRET_KEY = 'q8Vx3bN1fT6yK0mR4sW9eZ2uH7jL5pC1aG8dE3iO';
const STORED = JSON.stringify({ access_key_id: KEY_ID, secret_access_key: SECRET_KEY });

/** Both literals replaced by lookups of one secret, one key each, as one edit. */
function fixPair(languageId: string, fileName: string, text: string): string {
  const literals = [KEY_ID, SECRET_KEY].map((value, i) => {
    const start = text.indexOf(`"${value}"`);
    return {
      start,
      end: start + value.length + 2,
      target: { service: 'secretsmanager' as const, name: 'prod/aws', region: 'us-east-1', jsonKey: ['access_key_id', 'secret_access_key'][i] },
    };
  });
  const composed = composeEdit(text, { languageId, fileName }, literals, literalReplacement);
  assert.ok(composed.ok, composed.ok ? '' : composed.reason);
  return applyEdits(text, [composed.edit]);
}

function runIn(files: Record<string, string>, command: string, args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fetch-once-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const r = spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}\n--- app ---\n${Object.values(files)[0]}`);
    return r.stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a key pair is one fetch', () => {
  it('Python: both values read, get_secret_value called once', (t) => {
    if (!hasTool('python3')) return t.skip('python3 is not installed');
    const app = fixPair('python', 'app.py', `import os\n\nAWS_ACCESS_KEY_ID = "${KEY_ID}"\nAWS_SECRET_ACCESS_KEY = "${SECRET_KEY}"\n`);
    assert.equal((app.match(/secrets_manager_value\(/g) ?? []).length, 3, 'one helper, called for each key');
    const boto3 = [
      'calls = []',
      '',
      'class _Client:',
      '    def get_secret_value(self, SecretId):',
      '        calls.append(SecretId)',
      `        return {"SecretString": ${JSON.stringify(STORED)}}`,
      '',
      'def client(service, region_name=None):',
      '    return _Client()',
    ].join('\n');
    const main = `import boto3, app\nprint(app.AWS_ACCESS_KEY_ID, app.AWS_SECRET_ACCESS_KEY, len(boto3.calls))\n`;
    assert.equal(runIn({ 'app.py': app, 'boto3.py': boto3, 'main.py': main }, 'python3', ['main.py']), `${KEY_ID} ${SECRET_KEY} 1`);
  });

  it('Ruby: both values read, get_secret_value called once', (t) => {
    if (!hasTool('ruby')) return t.skip('ruby is not installed');
    const app = fixPair('ruby', 'app.rb', `AWS_ACCESS_KEY_ID = "${KEY_ID}"\nAWS_SECRET_ACCESS_KEY = "${SECRET_KEY}"\n`);
    const sdk = [
      'module Aws',
      '  module SecretsManager',
      '    class Client',
      '      @calls = 0',
      '      class << self',
      '        attr_accessor :calls',
      '      end',
      '      def initialize(**) = nil',
      '      def get_secret_value(secret_id:)',
      '        Client.calls += 1',
      `        Struct.new(:secret_string).new(${JSON.stringify(STORED)})`,
      '      end',
      '    end',
      '  end',
      'end',
    ].join('\n');
    const main = 'require_relative "app"\nputs [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, Aws::SecretsManager::Client.calls].join(" ")\n';
    assert.equal(
      runIn({ 'app.rb': app, 'stubs/aws-sdk-secretsmanager.rb': sdk, 'main.rb': main }, 'ruby', ['-I', 'stubs', 'main.rb']),
      `${KEY_ID} ${SECRET_KEY} 1`,
    );
  });
});
