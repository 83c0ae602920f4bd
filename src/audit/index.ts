// The audit logic, bundled as dist/audit.js and loaded by the Access feature on first use.
export { HISTORY_DAYS, HistoryReader, PAGE_SIZE, type CallFilter, type HistorySubject, type ReadResult } from './history';
export { lastReadText } from './lastRead';
export { filterWords, presentAccessNode, type AccessNode } from './presentation';
export { priceNote, SECRET_PRICE } from './pricing';
export { findUnusedSecrets, REVIEWED_TAG, type UnusedReport, type UnusedSecret } from './unused';
export { accessKeyIdIn, ACCESS_KEY_ID, deactivationCommand, ownerMessage, TEMPORARY_KEY_ADVICE, type KeyOwner } from './accessKeys';
