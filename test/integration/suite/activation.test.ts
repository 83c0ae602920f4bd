import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateProduct, emulatorEndpoint, productExtension, PRODUCT_ID } from './helpers';

describe('activation', () => {
  it('the product extension is installed from its VSIX', () => {
    const extension = productExtension();
    assert.equal(extension.id, PRODUCT_ID);
    const manifest = extension.packageJSON as { main?: string; activationEvents?: string[] };
    assert.match(manifest.main ?? '', /^\.\/dist\//, 'main points into the bundled dist/ folder');
    assert.ok(manifest.activationEvents?.length, 'the manifest declares activation events');
    assert.ok(!manifest.activationEvents.includes('*'), 'activation is never "*"');
  });

  it('activates without throwing', async () => {
    await activateProduct();
    assert.equal(productExtension().isActive, true);
  });

  it('sees the emulator profiles through AWS_CONFIG_FILE', () => {
    // The launcher passes these to code-server, and so to this extension host.
    assert.ok(process.env.AWS_CONFIG_FILE, 'AWS_CONFIG_FILE is set');
    assert.ok(process.env.AWS_SHARED_CREDENTIALS_FILE, 'AWS_SHARED_CREDENTIALS_FILE is set');
    assert.match(emulatorEndpoint(), /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('runs in a workbench with a folder open', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });
});
