import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`articles_review_state_idx\` ON \`articles\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_state_idx\` ON \`_articles_v\` (\`version_review_state\`);`)
  await db.run(sql`ALTER TABLE \`workers_homes\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`workers_homes_review_state_idx\` ON \`workers_homes\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_workers_homes_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`_workers_homes_v_version_version_review_state_idx\` ON \`_workers_homes_v\` (\`version_review_state\`);`)
  await db.run(sql`ALTER TABLE \`labor_models\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`labor_models_review_state_idx\` ON \`labor_models\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_labor_models_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`_labor_models_v_version_version_review_state_idx\` ON \`_labor_models_v\` (\`version_review_state\`);`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`services_review_state_idx\` ON \`services\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_review_state_idx\` ON \`_services_v\` (\`version_review_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_state\`;`)
  await db.run(sql`DROP INDEX \`workers_homes_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`workers_homes\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`DROP INDEX \`_workers_homes_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_workers_homes_v\` DROP COLUMN \`version_review_state\`;`)
  await db.run(sql`DROP INDEX \`labor_models_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`labor_models\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`DROP INDEX \`_labor_models_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_labor_models_v\` DROP COLUMN \`version_review_state\`;`)
  await db.run(sql`DROP INDEX \`services_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`DROP INDEX \`_services_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_review_state\`;`)
}
