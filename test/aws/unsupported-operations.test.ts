/**
 * An AWS-compatible endpoint that lacks an operation (moto has no CloudTrail LookupEvents nor
 * Secrets Manager ValidateResourcePolicy and answers them with an HTML "500 Internal Server
 * Error"): the AWS layer says the endpoint does not implement it, naming the operation and the
 * endpoint, instead of "an internal error, try again later". The endpoint here is a tiny local
 * server that answers every request like that, so this always runs.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { TestEndpoint } from './endpoint';
import { failure } from './awsFailure';
import { openRuntime, PROFILE, type RuntimeFixture } from './runtimeFixture';

const HTML_500 = '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n';

describe('an endpoint without the operation', () => {
  let server: http.Server;
  let fixture: RuntimeFixture;
  let url: string;

  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        res.end(HTML_500);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fixture = await openRuntime(new TestEndpoint(url, 'us-east-1', 'eu-west-1', { accessKeyId: 'test', secretAccessKey: 'test' }, true), '', {
      maxAttempts: 1,
    });
  });
  after(async () => {
    await fixture.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('CloudTrail LookupEvents: "does not implement", with the endpoint', async () => {
    const trail = await fixture.runtime.trail(PROFILE, 'us-east-1');
    const error = await failure(() => trail.lookupEvents({ attribute: { key: 'EventSource', value: 'secretsmanager.amazonaws.com' } }));
    assert.equal(error.kind, 'unsupported');
    assert.equal(
      error.message,
      `The endpoint ${url} does not implement CloudTrail LookupEvents (profile ${PROFILE}, us-east-1). AWS itself does; use a profile without a custom endpoint_url for it.`,
    );
  });

  it('Secrets Manager ValidateResourcePolicy: the same', async () => {
    const secrets = await fixture.runtime.secrets(PROFILE, 'us-east-1');
    const error = await failure(() => secrets.validateResourcePolicy('prod/db', '{}'));
    assert.equal(error.kind, 'unsupported');
    assert.match(error.message, /does not implement Secrets Manager ValidateResourcePolicy/);
  });
});
