import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextTokenOf } from '../../../src/aws/call';
import { sortVersions } from '../../../src/aws/secretsManagerStore';
import type { SecretVersion } from '../../../src/aws/types';

const at = (iso: string) => new Date(iso);

describe('secret version order', () => {
  it('puts AWSCURRENT, AWSPENDING, AWSPREVIOUS, custom labels, then unlabelled versions first, newest first within each', () => {
    const versions: SecretVersion[] = [
      { versionId: 'old-unlabelled', stages: [], createdDate: at('2026-01-01T00:00:00Z') },
      { versionId: 'previous', stages: ['AWSPREVIOUS'], createdDate: at('2026-03-01T00:00:00Z') },
      { versionId: 'blue', stages: ['blue'], createdDate: at('2026-02-01T00:00:00Z') },
      { versionId: 'new-unlabelled', stages: [], createdDate: at('2026-02-15T00:00:00Z') },
      { versionId: 'current', stages: ['AWSCURRENT', 'green'], createdDate: at('2026-04-01T00:00:00Z') },
      { versionId: 'pending', stages: ['AWSPENDING'], createdDate: at('2026-05-01T00:00:00Z') },
    ];
    assert.deepEqual(
      sortVersions(versions).map((v) => v.versionId),
      ['current', 'pending', 'previous', 'blue', 'new-unlabelled', 'old-unlabelled'],
    );
  });

  it('orders by label when every version reports the same date (moto reports the time of the call)', () => {
    const same = at('2026-06-01T12:00:00Z');
    const versions: SecretVersion[] = [
      { versionId: 'a', stages: ['AWSPREVIOUS'], createdDate: same },
      { versionId: 'b', stages: [], createdDate: same },
      { versionId: 'c', stages: ['AWSCURRENT'], createdDate: same },
      { versionId: 'd', stages: [], createdDate: same },
    ];
    // Ties keep the server's order.
    assert.deepEqual(
      sortVersions(versions).map((v) => v.versionId),
      ['c', 'a', 'b', 'd'],
    );
  });
});

describe('listing tokens', () => {
  it('treats an empty or repeated token as the end of the listing', () => {
    assert.equal(nextTokenOf('abc', undefined), 'abc');
    assert.equal(nextTokenOf('', undefined), undefined);
    assert.equal(nextTokenOf(undefined, 'abc'), undefined);
    assert.equal(nextTokenOf('abc', 'abc'), undefined);
  });
});
