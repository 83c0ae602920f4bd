/**
 * Groups names that contain `/` into folders, one level at a time, from whatever has been
 * loaded so far. Works for both Secrets Manager names (`prod/payments/db`) and Parameter
 * Store paths (`/app/prod/db`), where the leading slash belongs to the folder.
 */
export interface FolderLevel<T> {
  /** Sub-folders at this level: full prefix (with trailing slash) and label, sorted by label. */
  readonly folders: { prefix: string; label: string }[];
  /** Items directly at this level with their short label, sorted by label. */
  readonly items: { item: T; label: string }[];
}

export function folderLevel<T>(entries: readonly T[], nameOf: (item: T) => string, prefix: string): FolderLevel<T> {
  const folders = new Map<string, string>();
  const items: { item: T; label: string }[] = [];
  for (const entry of entries) {
    const name = nameOf(entry);
    if (!name.startsWith(prefix)) continue;
    const remainder = name.slice(prefix.length);
    const lead = remainder.startsWith('/') ? '/' : '';
    const rest = remainder.slice(lead.length);
    const slash = rest.indexOf('/');
    if (slash > 0) {
      const folderPrefix = prefix + lead + rest.slice(0, slash + 1);
      if (!folders.has(folderPrefix)) folders.set(folderPrefix, rest.slice(0, slash));
    } else {
      items.push({ item: entry, label: rest || name });
    }
  }
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base', numeric: true });
  return {
    folders: [...folders].map(([p, label]) => ({ prefix: p, label })).sort(byLabel),
    items: items.sort(byLabel),
  };
}
