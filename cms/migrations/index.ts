import * as migration_20261121_134031_initial from './20261121_134031_initial';

export const migrations = [
  {
    up: migration_20261121_134031_initial.up,
    down: migration_20261121_134031_initial.down,
    name: '20261121_134031_initial'
  },
];
