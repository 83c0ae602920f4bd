/** Command, view and context-key ids in one place, so menus, code and tests agree. */
export const EXTENSION_ID = 'secrets-lens.aws-secrets-lens';
export const LOG_NAME = 'AWS Secrets Lens';

export const Views = {
  container: 'awsSecrets',
  explorer: 'awsSecrets.explorer',
  /** The Environments panel and its comparison view. */
  environments: 'awsSecretsEnvironments',
  comparison: 'awsSecrets.comparison',
  /** The AWS Access panel: access histories and unused secrets. */
  accessContainer: 'awsSecretsAccess',
  access: 'awsSecrets.access',
} as const;

export const Commands = {
  refresh: 'awsSecrets.refresh',
  filter: 'awsSecrets.filter',
  clearFilter: 'awsSecrets.clearFilter',
  loadMore: 'awsSecrets.loadMore',
  openConfigFile: 'awsSecrets.openConfigFile',
  ssoLogin: 'awsSecrets.ssoLogin',
  showLog: 'awsSecrets.showLog',
  copyValue: 'awsSecrets.copyValue',
  copyJsonKey: 'awsSecrets.copyJsonKey',
  revealValue: 'awsSecrets.revealValue',
  copyArn: 'awsSecrets.copyArn',
  copyName: 'awsSecrets.copyName',
  openInConsole: 'awsSecrets.openInConsole',
  createSecret: 'awsSecrets.createSecret',
  createParameter: 'awsSecrets.createParameter',
  editValue: 'awsSecrets.editValue',
  rotateNow: 'awsSecrets.rotateNow',
  configureRotation: 'awsSecrets.configureRotation',
  cancelRotation: 'awsSecrets.cancelRotation',
  generateNewValue: 'awsSecrets.generateNewValue',
  delete: 'awsSecrets.delete',
  restore: 'awsSecrets.restore',
  compareWithPrevious: 'awsSecrets.compareWithPrevious',
  compareVersions: 'awsSecrets.compareVersions',
  labelVersion: 'awsSecrets.labelVersion',
  editTags: 'awsSecrets.editTags',
  insertSnippet: 'awsSecrets.insertSnippet',
  moveToSecretsManager: 'awsSecrets.moveToSecretsManager',
  moveToParameterStore: 'awsSecrets.moveToParameterStore',
  useExisting: 'awsSecrets.useExisting',
  ignoreFinding: 'awsSecrets.ignoreFinding',
  scanWorkspace: 'awsSecrets.scanWorkspace',
  checkLookups: 'awsSecrets.checkLookups',
  compareWithItem: 'awsSecrets.compareWithItem',
  setExpiration: 'awsSecrets.setExpiration',
  compareWith: 'awsSecrets.compareWith',
  compareAgain: 'awsSecrets.compareAgain',
  clearComparison: 'awsSecrets.clearComparison',
  swapComparison: 'awsSecrets.swapComparison',
  showDifference: 'awsSecrets.showDifference',
  copyAToB: 'awsSecrets.copyAToB',
  copyBToA: 'awsSecrets.copyBToA',
  copyTo: 'awsSecrets.copyTo',
  replicateToRegions: 'awsSecrets.replicateToRegions',
  removeReplicaRegion: 'awsSecrets.removeReplicaRegion',
  promoteReplica: 'awsSecrets.promoteReplica',
  openTerminalWithSecrets: 'awsSecrets.openTerminalWithSecrets',
  checkReferences: 'awsSecrets.checkReferences',
  copyAsReference: 'awsSecrets.copyAsReference',
  addToReferencesFile: 'awsSecrets.addToReferencesFile',
  importEnv: 'awsSecrets.importEnv',
  exportEnv: 'awsSecrets.exportEnv',
  showAccessHistory: 'awsSecrets.showAccessHistory',
  filterAccessHistory: 'awsSecrets.filterAccessHistory',
  loadMoreAccessHistory: 'awsSecrets.loadMoreAccessHistory',
  refreshAccessView: 'awsSecrets.refreshAccessView',
  generateWorkspacePolicy: 'awsSecrets.generateWorkspacePolicy',
  copyReadPolicy: 'awsSecrets.copyReadPolicy',
  editResourcePolicy: 'awsSecrets.editResourcePolicy',
  deleteResourcePolicy: 'awsSecrets.deleteResourcePolicy',
  findUnusedSecrets: 'awsSecrets.findUnusedSecrets',
  tagAsReviewed: 'awsSecrets.tagAsReviewed',
  deleteUnusedSecret: 'awsSecrets.deleteUnusedSecret',
  whoOwnsKey: 'awsSecrets.whoOwnsKey',
  showKeyActivity: 'awsSecrets.showKeyActivity',
} as const;

/** The task type whose processes get a references file's values (package.json taskDefinitions). */
export const TASK_TYPE = 'awsSecrets';
/** The launch configuration attribute that names a references file. */
export const LAUNCH_ATTRIBUTE = 'awsSecrets';

export const ContextKeys = {
  noProfiles: 'awsSecrets.noProfiles',
  filtered: 'awsSecrets.filtered',
  /** A comparison is shown in the Environments panel. */
  comparing: 'awsSecrets.comparing',
  /** What the Access view shows: `history` or `unused` (unset when empty). */
  accessShowing: 'awsSecrets.accessShowing',
} as const;

/** Where the extension's hard-coded-secret diagnostics come from, and the rule of an AWS access key id (src/detect's catalog). */
export const FINDINGS = { source: 'AWS Secrets Lens', accessKeyRule: 'aws-access-key-id' } as const;

export const Settings = {
  section: 'awsSecrets',
  profiles: 'profiles',
  regions: 'regions',
  pageSize: 'pageSize',
  clipboardClearSeconds: 'clipboardClearSeconds',
} as const;
