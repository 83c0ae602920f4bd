import * as vscode from 'vscode';
import type { SecretRef } from '../aws/items';
import { Commands } from '../constants';

/** How long the status bar offers to undo a deletion. */
const OFFER_MS = 2 * 60_000;

/**
 * "Undo" for a scheduled deletion, as a status bar item: unlike a notification it can be
 * taken away, so it goes as soon as the secret is restored (from here, the explorer or the
 * palette) or after two minutes. The explorer's Restore stays available until AWS deletes it.
 */
export class RestoreOffers implements vscode.Disposable {
  private readonly offers = new Map<string, { item: vscode.StatusBarItem; timer: ReturnType<typeof setTimeout> }>();

  offer(target: SecretRef): void {
    this.withdraw(target);
    const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 100);
    item.text = `$(discard) Restore ${target.name}`;
    item.tooltip = `Undo: restore ${target.name} (${target.region}), which is scheduled for deletion`;
    item.command = { command: Commands.restore, title: 'Restore', arguments: [target] };
    item.show();
    this.offers.set(keyOf(target), { item, timer: setTimeout(() => this.withdraw(target), OFFER_MS) });
  }

  withdraw(target: SecretRef): void {
    const key = keyOf(target);
    const offer = this.offers.get(key);
    if (!offer) return;
    clearTimeout(offer.timer);
    offer.item.dispose();
    this.offers.delete(key);
  }

  dispose(): void {
    for (const { item, timer } of this.offers.values()) {
      clearTimeout(timer);
      item.dispose();
    }
    this.offers.clear();
  }
}

function keyOf(target: SecretRef): string {
  return `${target.profile}\u0000${target.region}\u0000${target.name}`;
}
