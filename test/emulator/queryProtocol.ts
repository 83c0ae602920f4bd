/**
 * The AWS Query protocol (RDS, STS, IAM…): a form-encoded POST naming `Action` and `Version`,
 * answered with XML. This file has the two halves every Query service needs — reading the
 * flattened form parameters (`Filters.Filter.1.Values.Value.2=…`) and writing the
 * `<ActionResponse><ActionResult>…` and `<ErrorResponse>` documents — so a service adds only its
 * handlers and its XML namespace (`queryServices` in server.ts). Only `node:` modules.
 */
import { randomUUID } from 'node:crypto';
import { AwsError, type RequestContext } from './protocol';

/** Typed, validating view of a form-encoded Query request, or of one structure inside it. */
export class QueryInput {
  private constructor(
    private readonly params: URLSearchParams,
    private readonly prefix: string,
  ) {}

  static parse(body: string): QueryInput {
    return new QueryInput(new URLSearchParams(body), '');
  }

  /** The operation: `Action=DescribeDBInstances`. */
  action(): string | undefined {
    return this.params.get('Action') ?? undefined;
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  optString(name: string): string | undefined {
    return this.params.get(this.key(name)) ?? undefined;
  }

  string(name: string): string {
    const value = this.optString(name);
    if (value === undefined) throw new AwsError('MissingParameter', `The request must contain the parameter ${name}.`);
    return value;
  }

  optInt(name: string): number | undefined {
    const value = this.optString(name);
    if (value === undefined) return undefined;
    if (!/^-?\d+$/.test(value)) throw new AwsError('InvalidParameterValue', `Invalid value for parameter ${name}: it must be an integer.`);
    return Number(value);
  }

  optBool(name: string): boolean | undefined {
    const value = this.optString(name);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw new AwsError('InvalidParameterValue', `Invalid value for parameter ${name}: it must be true or false.`);
    return value === 'true';
  }

  /** A list of strings, `Name.Member.1`, `Name.Member.2`… (`member` for most services; RDS names each list's member). */
  stringList(name: string, member: string): string[] {
    const values: string[] = [];
    for (let i = 1; ; i++) {
      const value = this.params.get(this.key(`${name}.${member}.${i}`));
      if (value === null) return values;
      values.push(value);
    }
  }

  /** A list of structures, each read through its own QueryInput. */
  objectList(name: string, member: string): QueryInput[] {
    const items: QueryInput[] = [];
    for (let i = 1; ; i++) {
      const prefix = this.key(`${name}.${member}.${i}.`);
      if (![...this.params.keys()].some((key) => key.startsWith(prefix))) return items;
      items.push(new QueryInput(this.params, prefix));
    }
  }
}

/** An element list in a response: `<DBInstances><DBInstance>…</DBInstance></DBInstances>`. */
export class XmlList {
  constructor(
    readonly member: string,
    readonly items: readonly XmlValue[],
  ) {}
}

export type XmlValue = string | number | boolean | Date | undefined | XmlList | { readonly [name: string]: XmlValue };

export function xmlList(member: string, items: readonly XmlValue[]): XmlList {
  return new XmlList(member, items);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Members in order, absent ones left out (as AWS does); timestamps in ISO 8601, the Query protocol's default. */
function render(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof XmlList) return `<${name}>${value.items.map((item) => render(value.member, item)).join('')}</${name}>`;
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') return `<${name}>${renderMembers(value)}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

function renderMembers(members: { readonly [name: string]: XmlValue }): string {
  return Object.entries(members)
    .map(([name, member]) => render(name, member))
    .join('');
}

/** A successful answer: `<ActionResponse xmlns><ActionResult>…</ActionResult><ResponseMetadata>`. */
export function queryResponse(namespace: string, action: string, result: { readonly [name: string]: XmlValue }): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${renderMembers(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** An error the SDK maps to its exception class by `Code`; `Type` is Sender for the caller's faults, Receiver for the service's. */
export function queryErrorResponse(namespace: string, error: AwsError): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${namespace}">` +
    `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}

export type QueryHandler = (input: QueryInput, ctx: RequestContext) => { readonly [name: string]: XmlValue };

/** A Query service as the server routes it: its XML namespace and one handler per Action. */
export interface QueryService {
  readonly namespace: string;
  readonly handlers: Readonly<Record<string, QueryHandler>>;
}
