export { writeBackup } from './backup'
export { BackupError, SKIPPED_COLLECTIONS, type BackupManifest } from './format'
export { readManifest, restoreBackup, type RestoreResult } from './restore'
