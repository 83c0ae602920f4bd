import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachLimited, Pacer, retryThrottled, type Clock } from '../../../src/compare/pacing';

/** A clock that only moves when something sleeps on it. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('pacing bulk writes', () => {
  it('spaces calls so that no more than the rate start in any second', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(20, clock);
    const starts: number[] = [];
    for (let i = 0; i < 50; i++) {
      await pacer.turn();
      starts.push(clock.now());
    }
    for (let i = 20; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 20]! >= 1000, `call ${i} started within a second of call ${i - 20}`);
    assert.equal(starts[0], 1_000_000, 'the first call goes at once');
  });

  it('retries a throttled call with doubling waits, and gives up after the retries', async () => {
    const clock = fakeClock();
    let calls = 0;
    const throttled = Object.assign(new Error('Rate exceeded'), { kind: 'throttled' });
    const result = await retryThrottled(
      async () => {
        calls += 1;
        if (calls < 3) throw throttled;
        return 'ok';
      },
      { retries: 3, baseDelayMs: 500, isThrottled: (e) => (e as { kind?: string }).kind === 'throttled', clock },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(clock.slept, [500, 1000]);
    await assert.rejects(
      retryThrottled(
        async () => {
          throw throttled;
        },
        { retries: 2, baseDelayMs: 10, isThrottled: () => true, clock: fakeClock() },
      ),
      /Rate exceeded/,
    );
  });

  it('does not retry other failures', async () => {
    let calls = 0;
    await assert.rejects(
      retryThrottled(
        async () => {
          calls += 1;
          throw new Error('Access denied');
        },
        { retries: 5, baseDelayMs: 10, isThrottled: () => false, clock: fakeClock() },
      ),
    );
    assert.equal(calls, 1);
  });

  it('runs at most the given number of workers at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      done.push(n);
    });
    assert.equal(most, 3);
    assert.deepEqual(done.sort(), [1, 2, 3, 4, 5, 6, 7]);
  });
});
