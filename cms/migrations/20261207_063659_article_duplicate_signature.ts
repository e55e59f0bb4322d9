import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { storedSignature } from '../importer/storedSignature'

/** Rows signed per statement batch: the bodies of a page are held at once. */
const PAGE = 500

/**
 * Signs the bodies already stored (the article and its latest version, the one an import reads),
 * so the first import after this migration does not sign the whole archive itself.
 */
const signStored = async (db: MigrateUpArgs['db'], table: 'articles' | '_articles_v'): Promise<void> => {
  const [bodyColumn, signatureColumn, latestOnly] =
    table === 'articles'
      ? [sql`body`, sql`duplicate_signature`, sql`1`]
      : [sql`version_body`, sql`version_duplicate_signature`, sql`latest = 1`]
  for (let after = -1; ; ) {
    const rows = (await db.all(
      sql`SELECT id, ${bodyColumn} AS body FROM ${sql.identifier(table)} WHERE id > ${after} AND ${latestOnly} ORDER BY id LIMIT ${PAGE}`,
    )) as { id: number; body: string | null }[]
    if (!rows.length) return
    // One transaction a page: Payload writes SQLite without them, and a commit per row took minutes at 50k.
    await db.run(sql`BEGIN`)
    try {
      for (const row of rows) {
        const signature = JSON.stringify(storedSignature(row.body ? JSON.parse(row.body) : null))
        await db.run(sql`UPDATE ${sql.identifier(table)} SET ${signatureColumn} = ${signature} WHERE id = ${row.id}`)
      }
      await db.run(sql`COMMIT`)
    } catch (error) {
      await db.run(sql`ROLLBACK`)
      throw error
    }
    after = rows.at(-1)!.id
  }
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`duplicate_signature\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_duplicate_signature\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_parent_idx\` ON \`_articles_v\` (\`latest\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_workers_homes_v_latest_parent_idx\` ON \`_workers_homes_v\` (\`latest\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_labor_models_v_latest_parent_idx\` ON \`_labor_models_v\` (\`latest\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_latest_parent_idx\` ON \`_services_v\` (\`latest\`,\`parent_id\`);`)
  await signStored(db, 'articles')
  await signStored(db, '_articles_v')
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_articles_v_latest_parent_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_duplicate_signature\`;`)
  await db.run(sql`DROP INDEX \`_workers_homes_v_latest_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_labor_models_v_latest_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_services_v_latest_parent_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`duplicate_signature\`;`)
}
