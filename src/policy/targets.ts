/**
 * What a workspace reads: every secret and parameter named by a literal in its code (the
 * detector's lookups) or in a references file, with where it is named. Pure text in, plain data
 * out; the caller passes the detector's `findLookups` so this layer never bundles the detector.
 */
import type { ItemService } from '../aws/items';
import type { Lookup } from '../detect';
import { findReferences, isReferencesFile, parseReferencesFile } from '../references';

export interface Place {
  /** Workspace-relative path, `/` separated. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/** One secret or parameter the code reads. */
export interface PolicyTarget {
  readonly service: ItemService;
  /** The secret's or parameter's name (from the ARN when it was written as one, without the secret's 6-character suffix). */
  readonly name: string;
  /** The ARN as written, when the code names it by ARN. */
  readonly arn?: string;
  /** The Region and account an ARN names: they win over the profile's. */
  readonly region?: string;
  readonly account?: string;
  readonly partition?: string;
  readonly places: readonly Place[];
}

const SECRET_ARN = /^arn:([a-z-]+):secretsmanager:([a-z0-9-]+):(\d{12}):secret:([^:]+)/;
const PARAMETER_ARN = /^arn:([a-z-]+):ssm:([a-z0-9-]+):(\d{12}):parameter(\/[^:]+)/;

/** A name as the code writes it (name, partial or full ARN; a parameter's `name:version` selector) → the target. */
export function targetOf(service: ItemService, written: string, place: Place): PolicyTarget {
  if (service === 'secretsmanager') {
    const arn = SECRET_ARN.exec(written);
    if (arn) {
      return { service, name: arn[4]!.replace(/-[A-Za-z0-9]{6}$/, ''), arn: written, partition: arn[1], region: arn[2], account: arn[3], places: [place] };
    }
    return { service, name: written, places: [place] };
  }
  const arn = PARAMETER_ARN.exec(written);
  if (arn) {
    const path = arn[4]!;
    const name = path.split('/').filter(Boolean).length > 1 ? path : path.slice(1);
    return {
      service,
      name,
      arn: `arn:${arn[1]}:ssm:${arn[2]}:${arn[3]}:parameter${path}`,
      partition: arn[1],
      region: arn[2],
      account: arn[3],
      places: [place],
    };
  }
  // GetParameter accepts `name:3` and `name:label`: the policy is about the parameter.
  return { service, name: written.replace(/:[^:/]*$/, ''), places: [place] };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Whether a file is read as dotenv (and so may be a references file): `.env`, `.env.*`, `*.env`, `*.env.aws`. */
export function isDotenvName(file: string): boolean {
  const base = file.split('/').pop() ?? file;
  return /^\.env(\..+)?$/.test(base) || /\.env(\.aws)?$/.test(base);
}

/**
 * CloudFormation dynamic references anywhere in a file (templates, serverless.yml…), read with the
 * references grammar, which knows a secret's ARN has colons of its own; with the spans they cover.
 */
function dynamicReferences(file: string, text: string): { targets: PolicyTarget[]; spans: [number, number][] } {
  const targets: PolicyTarget[] = [];
  const spans: [number, number][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (line.includes('{{resolve:')) {
      for (const found of findReferences(line)) {
        if (!found.ok) continue;
        const ref = found.reference;
        targets.push(targetOf(ref.service, ref.service === 'secretsmanager' ? ref.secretId : ref.parameterName, { file, line: lineOf(text, lineStart) }));
        spans.push([lineStart + found.offset, lineStart + found.offset + found.text.length]);
      }
    }
    lineStart += line.length + 1;
  }
  return { targets, spans };
}

/** The targets one file names: its literal lookups, its dynamic references, and the references of a references file. */
export function targetsInFile(file: string, text: string, findLookups: (text: string) => Lookup[]): PolicyTarget[] {
  const dynamic = dynamicReferences(file, text);
  const found = [
    ...dynamic.targets,
    ...findLookups(text)
      .filter((lookup) => !dynamic.spans.some(([start, end]) => lookup.start >= start && lookup.start < end))
      .map((lookup) => targetOf(lookup.service, lookup.name, { file, line: lineOf(text, lookup.start) })),
  ];
  if (isReferencesFile({ languageId: isDotenvName(file) ? 'dotenv' : '', fileName: file, getText: () => text })) {
    for (const reference of parseReferencesFile(text).references) {
      const ref = reference.reference;
      const written = ref.service === 'secretsmanager' ? ref.secretId : ref.parameterName;
      found.push(targetOf(ref.service, written, { file, line: reference.range.start.line + 1 }));
    }
  }
  return found;
}

function keyOf(target: PolicyTarget): string {
  return `${target.service}\u0000${target.partition ?? ''}\u0000${target.region ?? ''}\u0000${target.account ?? ''}\u0000${target.name}`;
}

/** One target per item, with every place that names it, in a stable order (service, name). */
export function mergeTargets(targets: readonly PolicyTarget[]): PolicyTarget[] {
  const merged = new Map<string, PolicyTarget>();
  for (const target of targets) {
    const key = keyOf(target);
    const known = merged.get(key);
    if (!known) merged.set(key, target);
    else {
      const places = [...known.places, ...target.places.filter((p) => !known.places.some((k) => k.file === p.file && k.line === p.line))];
      merged.set(key, { ...known, arn: known.arn ?? target.arn, places });
    }
  }
  return [...merged.values()].sort(
    (a, b) => a.service.localeCompare(b.service) || a.name.localeCompare(b.name) || (a.region ?? '').localeCompare(b.region ?? ''),
  );
}
