import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`wording_rules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`kind\` text DEFAULT 'wrong' NOT NULL,
  	\`find\` text NOT NULL,
  	\`suggestion\` text NOT NULL,
  	\`note\` text,
  	\`topic\` text DEFAULT 'other',
  	\`added_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`added_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`wording_rules_find_idx\` ON \`wording_rules\` (\`find\`);`)
  await db.run(sql`CREATE INDEX \`wording_rules_added_by_idx\` ON \`wording_rules\` (\`added_by_id\`);`)
  await db.run(sql`CREATE INDEX \`wording_rules_updated_at_idx\` ON \`wording_rules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`wording_rules_created_at_idx\` ON \`wording_rules\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`workers_homes\` ADD \`wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`_workers_homes_v\` ADD \`version_wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`labor_models\` ADD \`wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`_labor_models_v\` ADD \`version_wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_wording_confirmations\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`wording_rules_id\` integer REFERENCES wording_rules(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_wording_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`wording_rules_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`wording_rules\`;`)
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
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_build_lease_id\`) REFERENCES \`site_build_lease\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`import_batches_id\`) REFERENCES \`import_batches\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "workers_homes_id", "labor_models_id", "services_id", "organizations_id", "regions_id", "categories_id", "media_id", "users_id", "site_builds_id", "site_build_lease_id", "import_batches_id") SELECT "id", "order", "parent_id", "path", "articles_id", "workers_homes_id", "labor_models_id", "services_id", "organizations_id", "regions_id", "categories_id", "media_id", "users_id", "site_builds_id", "site_build_lease_id", "import_batches_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_build_lease_id_idx\` ON \`payload_locked_documents_rels\` (\`site_build_lease_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_batches_id_idx\` ON \`payload_locked_documents_rels\` (\`import_batches_id\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`workers_homes\` DROP COLUMN \`wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`_workers_homes_v\` DROP COLUMN \`version_wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`labor_models\` DROP COLUMN \`wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`_labor_models_v\` DROP COLUMN \`version_wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`wording_confirmations\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_wording_confirmations\`;`)
}
