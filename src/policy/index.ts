/**
 * Least-privilege policies from code: the names a workspace reads (targets.ts), their ARNs and
 * KMS keys looked up through the AWS layer's interfaces (resolve.ts), the smallest policy that
 * allows exactly those reads (build.ts), as IAM JSON, Terraform or CloudFormation (render.ts).
 * Pure: the editor's Access feature and the `aws-secrets-lens policy` CLI share it.
 */
export { buildPolicy, type GeneratedPolicy, type IamPolicy, type IamStatement } from './build';
export { POLICY_FORMATS, noteLines, renderPolicy, summaryLine, type PolicyFormat } from './render';
export { parameterArn, partitionOf, resolveTargets, secretArnPattern, type PolicyNote, type Resolution, type ResolvedItem } from './resolve';
export { isDotenvName, mergeTargets, targetOf, targetsInFile, type Place, type PolicyTarget } from './targets';
export { findingSpans, policyText, starterPolicy, syntaxProblems, type PolicyProblem, type TextSpan } from './resourcePolicy';
