import type { DefaultServerCellComponentProps } from 'payload'
import React from 'react'

import { batchArticlesUrl } from './batchArticles'

/**
 * The 导入 column of the batch list: once a batch is imported, its count links to those
 * articles in the news list, so a reviewer can go from the batch to publishing it.
 */
export function ImportedCell({ cellData, rowData }: DefaultServerCellComponentProps) {
  if (typeof cellData !== 'number') return null
  if (rowData.status !== 'done' || cellData === 0 || typeof rowData.name !== 'string') return <>{cellData}</>
  return (
    <a href={batchArticlesUrl(rowData.name)} aria-label={`查看批次“${rowData.name}”导入的 ${cellData} 篇文章`}>
      {cellData} 篇
    </a>
  )
}
