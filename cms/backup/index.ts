export { writeBackup } from './backup'
export { BackupError, SKIPPED_COLLECTIONS, type BackupManifest } from './format'
export { checkBackup, readManifest, restoreBackup, type CheckedBackup, type RestoreResult } from './restore'
