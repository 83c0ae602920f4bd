// Runs last (files run in name order): nothing the suite did left an unhandled rejection behind.
import assert from 'node:assert/strict';
import { unhandledRejections } from './helpers';

describe('extension host health', () => {
  it('saw no unhandled promise rejection during the whole suite', () => {
    assert.deepEqual(unhandledRejections, []);
  });
});
