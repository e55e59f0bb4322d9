import fs from 'node:fs'
import path from 'node:path'

/**
 * The data folder holds what only the CMS may read: the SQLite file (password hashes), the
 * local secret, staged uploads. Backups were already 0600/0700 while the database was 0644
 * and the imports 0755; from the first start on, and at every start after, the folder is
 * 0700 and the database file 0600 (SQLite gives its -wal and -shm files the file's mode).
 * Media inside it are copied into the public site by the build, so nothing public depends
 * on the folder being readable.
 */
export const protectDataFiles = (dataDir: string, databaseFile?: string): void => {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dataDir, 0o700)
  const imports = path.join(dataDir, 'imports')
  if (fs.existsSync(imports)) fs.chmodSync(imports, 0o700)
  if (!databaseFile) return
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true, mode: 0o700 })
  // Created empty before libsql opens it (an empty file is an empty database), so it is never readable by others.
  fs.closeSync(fs.openSync(databaseFile, 'a', 0o600))
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) if (fs.existsSync(file)) fs.chmodSync(file, 0o600)
}
