import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite/types'

/**
 * Payload indexes the tables of hasMany text and number fields (`articles_texts`, ...) on
 * (order, parent_id), so reading a document's values by parent_id scans the whole table.
 * Every list query reads them per row: at 50k articles a page of 1,000 took 34 s in SQLite
 * (50k × 100k rows visited). An index led by parent_id makes it a lookup.
 */
export const indexValuesByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/_(texts|numbers)$/.test(name) || !('parent' in table)) continue
    extendTable({ table, extraConfig: (t) => ({ parentLookup: index(`${name}_parent_idx`).on(t.parent, t.order) }) })
  }
  return schema
}

/**
 * A draft-aware list (`draft: true`) reads the versions table `WHERE latest = 1`, ordered by
 * parent. With an index on `latest` alone SQLite sorted every latest version for each page it
 * returned: reading an archive's articles 250 at a time (the import's duplicate index) took
 * 130–250 ms a page at 10k articles and grew with the archive. Led by (latest, parent_id), it
 * walks the index and stops at the page's end.
 */
export const indexLatestVersionsByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/^_.+_v$/.test(name) || !('latest' in table) || !('parent' in table)) continue
    extendTable({ table, extraConfig: (t) => ({ latestByParent: index(`${name}_latest_parent_idx`).on(t.latest, t.parent) }) })
  }
  return schema
}
