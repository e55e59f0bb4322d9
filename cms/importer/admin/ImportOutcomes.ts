import type { CollectionConfig } from 'payload'

import { nobody, signedIn } from '../../access'

/**
 * Outcomes per stored piece, and so the rows of one page of the admin's table. A batch of
 * 20,000 pages kept all its outcomes (about 7 MB) in one field: saving it was one task of
 * 166 ms on the event loop, and every poll of the batch's progress read it whole.
 */
export const OUTCOMES_PER_PIECE = 200

/**
 * Every page's outcome of an import batch, in pieces of `OUTCOMES_PER_PIECE` in the batch's
 * order: the admin reads one piece per page of its table (`sort=first&limit=1&page=N`).
 * Written only by the import (runBatch.ts), deleted with the batch; staff read it.
 */
export const ImportOutcomes: CollectionConfig = {
  slug: 'import-outcomes',
  labels: { singular: '导入结果', plural: '导入结果' },
  admin: { hidden: true },
  access: {
    read: signedIn,
    create: nobody,
    update: nobody,
    delete: nobody,
  },
  fields: [
    { name: 'batch', type: 'relationship', relationTo: 'import-batches', label: '导入批次', required: true, index: true },
    { name: 'first', type: 'number', label: '第一个文件的序号', required: true, admin: { description: '从 0 起。' } },
    { name: 'outcomes', type: 'json', label: '每页结果', required: true },
  ],
}
