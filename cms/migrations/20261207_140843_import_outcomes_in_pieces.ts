import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`import_outcomes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`batch_id\` integer NOT NULL,
  	\`first\` numeric NOT NULL,
  	\`outcomes\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`batch_id\`) REFERENCES \`import_batches\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`import_outcomes_batch_idx\` ON \`import_outcomes\` (\`batch_id\`);`)
  await db.run(sql`CREATE INDEX \`import_outcomes_updated_at_idx\` ON \`import_outcomes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`import_outcomes_created_at_idx\` ON \`import_outcomes\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`import_outcomes_id\` integer REFERENCES import_outcomes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_outcomes_id_idx\` ON \`payload_locked_documents_rels\` (\`import_outcomes_id\`);`)
  // A batch imported before keeps its outcomes, as one piece.
  await db.run(sql`INSERT INTO \`import_outcomes\` (\`batch_id\`, \`first\`, \`outcomes\`, \`updated_at\`, \`created_at\`)
    SELECT \`id\`, 0, \`outcomes\`, \`updated_at\`, \`created_at\` FROM \`import_batches\` WHERE \`outcomes\` IS NOT NULL;`)
  await db.run(sql`ALTER TABLE \`import_batches\` DROP COLUMN \`outcomes\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // The pieces joined again, in order, before their table goes.
  await db.run(sql`ALTER TABLE \`import_batches\` ADD \`outcomes\` text;`)
  await db.run(sql`UPDATE \`import_batches\` SET \`outcomes\` = (
    SELECT json_group_array(json(\`value\`)) FROM (
      SELECT j.\`value\` FROM \`import_outcomes\` o, json_each(o.\`outcomes\`) j
      WHERE o.\`batch_id\` = \`import_batches\`.\`id\` ORDER BY o.\`first\`, j.\`key\`))
    WHERE EXISTS (SELECT 1 FROM \`import_outcomes\` o WHERE o.\`batch_id\` = \`import_batches\`.\`id\`);`)
  await db.run(sql`DROP TABLE \`import_outcomes\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`workers_homes_id\` integer,
  	\`labor_models_id\` integer,
  	\`services_id\` integer,
  	\`organizations_id\` integer,
  	\`regions_id\` integer,
  	\`categories_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`wording_rules_id\` integer,
  	\`site_builds_id\` integer,
  	\`site_build_lease_id\` integer,
  	\`import_batches_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workers_homes_id\`) REFERENCES \`workers_homes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`labor_models_id\`) REFERENCES \`labor_models\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`organizations_id\`) REFERENCES \`organizations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`wording_rules_id\`) REFERENCES \`wording_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_build_lease_id\`) REFERENCES \`site_build_lease\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`import_batches_id\`) REFERENCES \`import_batches\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "workers_homes_id", "labor_models_id", "services_id", "organizations_id", "regions_id", "categories_id", "media_id", "users_id", "wording_rules_id", "site_builds_id", "site_build_lease_id", "import_batches_id") SELECT "id", "order", "parent_id", "path", "articles_id", "workers_homes_id", "labor_models_id", "services_id", "organizations_id", "regions_id", "categories_id", "media_id", "users_id", "wording_rules_id", "site_builds_id", "site_build_lease_id", "import_batches_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workers_homes_id_idx\` ON \`payload_locked_documents_rels\` (\`workers_homes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_labor_models_id_idx\` ON \`payload_locked_documents_rels\` (\`labor_models_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_organizations_id_idx\` ON \`payload_locked_documents_rels\` (\`organizations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wording_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`wording_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_build_lease_id_idx\` ON \`payload_locked_documents_rels\` (\`site_build_lease_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_batches_id_idx\` ON \`payload_locked_documents_rels\` (\`import_batches_id\`);`)
}
