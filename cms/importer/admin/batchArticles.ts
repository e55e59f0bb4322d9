/**
 * The news list narrowed to one batch's articles (they carry the batch name in
 * `importBatch`): where staff go from a finished batch to check its drafts and, as reviewers,
 * select them all and publish. Batch names are not unique, so batches that share a name share
 * this list.
 */
export const batchArticlesUrl = (batchName: string) =>
  `/admin/collections/articles?${new URLSearchParams({ 'where[importBatch][equals]': batchName })}`
