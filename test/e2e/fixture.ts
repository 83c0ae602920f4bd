// Wires a harness session into a node:test scenario file: one session (code-server + emulator
// + chromium) per file, shared by that file's tests, which run in order like a person's steps.
// Files get fresh sessions, so one scenario's state (settings, faults, expanded nodes) never
// leaks into another. After every test a screenshot goes to test/e2e/artifacts/<scenario>/.
import { after, afterEach, before } from 'node:test';
import type { Page } from 'playwright-core';
import { startSession, type Session, type SessionOptions } from '../harness/session';
import { screenshot } from './workbench';

export interface Workbench {
  readonly session: Session;
  readonly page: Page;
}

/**
 * Call at the top of a describe(): starts the session before its tests, screenshots after
 * each, disposes after all. `scenario` names the screenshot folder.
 */
export function useWorkbench(scenario: string, options: Omit<SessionOptions, 'browser'> = {}): Workbench {
  let session: Session | undefined;
  let step = 0;
  before(async () => {
    session = await startSession({ ...options, browser: true });
  });
  afterEach(async (context) => {
    if (!session?.page) return;
    step += 1;
    const name = (context as { name?: string }).name ?? 'step';
    await screenshot(session.page, `${scenario}/${String(step).padStart(2, '0')}-${slug(name)}`);
  });
  after(async () => {
    await session?.dispose();
  });
  return {
    get session() {
      if (!session) throw new Error('the session is not started yet (use it inside a test or hook)');
      return session;
    },
    get page() {
      const page = this.session.page;
      if (!page) throw new Error('the session has no browser page');
      return page;
    },
  };
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
