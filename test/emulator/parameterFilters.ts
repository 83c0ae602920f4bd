/**
 * DescribeParameters / GetParametersByPath filters, per the SSM API reference
 * (ParameterStringFilter): Name supports Equals, BeginsWith and Contains; Path
 * supports OneLevel (default) and Recursive; the other keys Equals and
 * BeginsWith. Values within a filter are ORed, filters are ANDed.
 * GetParametersByPath accepts only Type, KeyId and Label.
 */
import { AwsError, type Input } from './protocol';
import { isUnderPath, normalizePath } from './parameterNames';
import type { Parameter, ParameterVersion } from './state';

export interface ParameterFilter {
  key: string;
  option: string;
  values: string[];
}

const PARAMETER_TYPES = ['String', 'StringList', 'SecureString'];
const TIERS = ['Standard', 'Advanced', 'Intelligent-Tiering'];
const INVALID_OPTION = 'The filter option is not valid. Valid options are Equals and BeginsWith. For Path filter, valid options are Recursive and OneLevel.';

function invalidKey(key: string, valid: string[]): AwsError {
  return new AwsError('InvalidFilterKey', `The following filter key is not valid: ${key}. Valid filter keys include: [${valid.join(', ')}].`);
}

/** A Path filter value, reported as a bad filter value (not a bad name) when it is malformed. */
function filterPath(value: string): string {
  try {
    return normalizePath(value);
  } catch {
    throw new AwsError('InvalidFilterValue', `The following filter value is not valid: ${value}. A Path value must begin with a forward slash (/).`);
  }
}

function readFilter(filter: Input, mode: 'describe' | 'byPath'): ParameterFilter {
  const key = filter.string('Key');
  const option = filter.optString('Option');
  const values = filter.optStringList('Values');
  const isTag = /^tag:.{1,128}$/.test(key);
  if (mode === 'describe') {
    if (!isTag && !['Name', 'Type', 'KeyId', 'Path', 'Tier', 'DataType'].includes(key)) {
      throw invalidKey(key, ['Path', 'Name', 'Type', 'KeyId', 'Tier', 'DataType', 'tag:<key>']);
    }
  } else if (!['Type', 'KeyId', 'Label'].includes(key)) {
    throw invalidKey(key, ['Type', 'KeyId', 'Label']);
  }
  const allowed =
    key === 'Path'
      ? ['OneLevel', 'Recursive']
      : key === 'Name'
        ? ['Equals', 'BeginsWith', 'Contains']
        : key === 'Label'
          ? ['Equals']
          : ['Equals', 'BeginsWith'];
  const chosen = option ?? allowed[0]!;
  if (!allowed.includes(chosen)) throw new AwsError('InvalidFilterOption', INVALID_OPTION);
  if (!isTag && (values === undefined || values.length === 0)) {
    throw new AwsError('InvalidFilterValue', `The following filter values are missing : null for filter key ${key}`);
  }
  const list = values ?? [];
  if (list.length > 50) throw new AwsError('InvalidFilterValue', `A filter can have at most 50 values; ${key} has ${list.length}.`);
  for (const value of list) {
    if (value.length < 1 || value.length > 1024) throw new AwsError('InvalidFilterValue', `The following filter value is not valid: ${value}.`);
    if (key === 'Type' && !PARAMETER_TYPES.includes(value)) {
      throw new AwsError('InvalidFilterValue', `The following filter value is not valid: ${value}. Valid values include: [${PARAMETER_TYPES.join(', ')}].`);
    }
    if (key === 'Tier' && !TIERS.includes(value)) {
      throw new AwsError('InvalidFilterValue', `The following filter value is not valid: ${value}. Valid values include: [${TIERS.join(', ')}].`);
    }
  }
  return { key, option: chosen, values: key === 'Path' ? list.map(filterPath) : list };
}

/** DescribeParameters: ParameterFilters, or the deprecated Filters (Name / Type / KeyId), not both. */
export function readDescribeFilters(input: Input): ParameterFilter[] {
  const modern = input.optObjectList('ParameterFilters');
  const legacy = input.optObjectList('Filters');
  if (modern && legacy) throw new AwsError('ValidationException', 'You can use either Filters or ParameterFilters in a single request.');
  if (legacy) {
    return legacy.map((filter) => {
      const key = filter.string('Key');
      if (!['Name', 'Type', 'KeyId'].includes(key)) throw invalidKey(key, ['Name', 'Type', 'KeyId']);
      const values = filter.stringList('Values');
      return { key, option: key === 'Name' ? 'BeginsWith' : 'Equals', values };
    });
  }
  return (modern ?? []).map((filter) => readFilter(filter, 'describe'));
}

export function readByPathFilters(input: Input): ParameterFilter[] {
  return (input.optObjectList('ParameterFilters') ?? []).map((filter) => readFilter(filter, 'byPath'));
}

function compare(actual: string | undefined, option: string, value: string): boolean {
  if (actual === undefined) return false;
  if (option === 'BeginsWith') return actual.startsWith(value);
  if (option === 'Contains') return actual.includes(value);
  return actual === value;
}

function matchesOne(parameter: Parameter, current: ParameterVersion, filter: ParameterFilter): boolean {
  if (filter.key.startsWith('tag:')) {
    const tag = parameter.tags.find((candidate) => candidate.Key === filter.key.slice(4));
    if (!tag) return false;
    return filter.values.length === 0 || filter.values.some((value) => compare(tag.Value, filter.option, value));
  }
  return filter.values.some((value) => {
    switch (filter.key) {
      case 'Name':
        return compare(parameter.name, filter.option, value);
      case 'Path':
        return isUnderPath(parameter.name, value, filter.option === 'Recursive');
      case 'Type':
        return compare(current.type, filter.option, value);
      case 'KeyId':
        return compare(current.keyId, filter.option, value);
      case 'Tier':
        return compare(current.tier, filter.option, value);
      case 'DataType':
        return compare(current.dataType, filter.option, value);
      default:
        return true;
    }
  });
}

/** Tests the parameter's current version against every filter except Label (a version selector). */
export function matchesParameterFilters(parameter: Parameter, filters: readonly ParameterFilter[]): boolean {
  const current = parameter.versions[parameter.versions.length - 1]!;
  return filters.every((filter) => filter.key === 'Label' || matchesOne(parameter, current, filter));
}
