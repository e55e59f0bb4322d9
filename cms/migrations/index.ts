import * as migration_20261121_134031_initial from './20261121_134031_initial';
import * as migration_20261121_141254_site_builds from './20261121_141254_site_builds';
import * as migration_20261121_143710_review_state from './20261121_143710_review_state';
import * as migration_20261121_161740_site_build_mode from './20261121_161740_site_build_mode';
import * as migration_20261121_165826_media_storage_fields from './20261121_165826_media_storage_fields';
import * as migration_20261121_184345_values_by_parent from './20261121_184345_values_by_parent';
import * as migration_20261201_203347_import_batches from './20261201_203347_import_batches';
import * as migration_20261201_212002_build_queue from './20261201_212002_build_queue';
import * as migration_20261207_004939_import_batches_skipped from './20261207_004939_import_batches_skipped';
import * as migration_20261207_032148_import_batch_renamed_files from './20261207_032148_import_batch_renamed_files';
import * as migration_20261207_032434_wording_rules from './20261207_032434_wording_rules';
import * as migration_20261207_032832_users_sign_in_throttle from './20261207_032832_users_sign_in_throttle';
import * as migration_20261207_032957_article_corrections from './20261207_032957_article_corrections';
import * as migration_20261207_063659_article_duplicate_signature from './20261207_063659_article_duplicate_signature';
import * as migration_20261207_140843_import_outcomes_in_pieces from './20261207_140843_import_outcomes_in_pieces';

export const migrations = [
  {
    up: migration_20261121_134031_initial.up,
    down: migration_20261121_134031_initial.down,
    name: '20261121_134031_initial',
  },
  {
    up: migration_20261121_141254_site_builds.up,
    down: migration_20261121_141254_site_builds.down,
    name: '20261121_141254_site_builds',
  },
  {
    up: migration_20261121_143710_review_state.up,
    down: migration_20261121_143710_review_state.down,
    name: '20261121_143710_review_state',
  },
  {
    up: migration_20261121_161740_site_build_mode.up,
    down: migration_20261121_161740_site_build_mode.down,
    name: '20261121_161740_site_build_mode',
  },
  {
    up: migration_20261121_165826_media_storage_fields.up,
    down: migration_20261121_165826_media_storage_fields.down,
    name: '20261121_165826_media_storage_fields',
  },
  {
    up: migration_20261121_184345_values_by_parent.up,
    down: migration_20261121_184345_values_by_parent.down,
    name: '20261121_184345_values_by_parent',
  },
  {
    up: migration_20261201_203347_import_batches.up,
    down: migration_20261201_203347_import_batches.down,
    name: '20261201_203347_import_batches',
  },
  {
    up: migration_20261201_212002_build_queue.up,
    down: migration_20261201_212002_build_queue.down,
    name: '20261201_212002_build_queue',
  },
  {
    up: migration_20261207_004939_import_batches_skipped.up,
    down: migration_20261207_004939_import_batches_skipped.down,
    name: '20261207_004939_import_batches_skipped',
  },
  {
    up: migration_20261207_032148_import_batch_renamed_files.up,
    down: migration_20261207_032148_import_batch_renamed_files.down,
    name: '20261207_032148_import_batch_renamed_files',
  },
  {
    up: migration_20261207_032434_wording_rules.up,
    down: migration_20261207_032434_wording_rules.down,
    name: '20261207_032434_wording_rules',
  },
  {
    up: migration_20261207_032832_users_sign_in_throttle.up,
    down: migration_20261207_032832_users_sign_in_throttle.down,
    name: '20261207_032832_users_sign_in_throttle',
  },
  {
    up: migration_20261207_032957_article_corrections.up,
    down: migration_20261207_032957_article_corrections.down,
    name: '20261207_032957_article_corrections',
  },
  {
    up: migration_20261207_063659_article_duplicate_signature.up,
    down: migration_20261207_063659_article_duplicate_signature.down,
    name: '20261207_063659_article_duplicate_signature',
  },
  {
    up: migration_20261207_140843_import_outcomes_in_pieces.up,
    down: migration_20261207_140843_import_outcomes_in_pieces.down,
    name: '20261207_140843_import_outcomes_in_pieces'
  },
];
