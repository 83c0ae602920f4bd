/**
 * References files: dotenv syntax whose values may be references to AWS values (CloudFormation
 * dynamic references, ECS `valueFrom` ARNs). Pure: the extension's Run feature, the
 * `aws-secrets-lens exec` CLI and anything that reads these files (an IAM policy builder, a
 * linter) share it. Parse gives the entries and references with their lines and columns;
 * resolve gives the values, through the AWS layer's store interfaces.
 */
export { parseDotenv, type DotenvEntry, type Position, type Quote, type Range } from './dotenv';
export {
  effectiveEntries,
  isReferencesFile,
  parseReferencesFile,
  type FileEntry,
  type FileHeader,
  type FileProblem,
  type FoundReference,
  type ReferencesFile,
} from './file';
export { describeReference, findReferences, formatReference, type AwsReference, type ParameterReference, type SecretReference } from './grammar';
export {
  describeFailure,
  planReads,
  resolveReferencesFile,
  ResolveError,
  type ReadPlan,
  type ResolveFailure,
  type ResolveOptions,
  type Scope,
} from './resolve';
export { dotenvLine } from './serialize';
