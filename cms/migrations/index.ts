import * as migration_20261121_134031_initial from './20261121_134031_initial';
import * as migration_20261121_141254_site_builds from './20261121_141254_site_builds';

export const migrations = [
  {
    up: migration_20261121_134031_initial.up,
    down: migration_20261121_134031_initial.down,
    name: '20261121_134031_initial',
  },
  {
    up: migration_20261121_141254_site_builds.up,
    down: migration_20261121_141254_site_builds.down,
    name: '20261121_141254_site_builds'
  },
];
