import type { ArrayField } from 'payload'

/** Longest note: a correction says what was wrong and what is right, not a second article. */
export const CORRECTION_NOTE_MAX = 500

/**
 * 更新说明: public notes a reviewer adds when a live piece changes in substance
 * (更正：第二段中的日期应为…). The page shows each with its date and 更新 beside 首发; the
 * latest note's date is the piece's dateModified (JSON-LD, feed). A typo fixed needs no note
 * and changes neither. Shown once a piece has a publish date, since only a published piece
 * has readers to tell.
 */
export const corrections = (): ArrayField => ({
  name: 'corrections',
  type: 'array',
  label: '更新说明',
  labels: { singular: '更新说明', plural: '更新说明' },
  admin: {
    condition: (data) => Boolean(data?.publishedAt),
    description:
      '修改已发布的稿件时，如有实质性更正或补充，请点“添加更新说明”写明改了什么（如“更正：第二段中的日期应为3月12日”）。说明和更新日期会显示在文章页上。改错别字等小修改不必填写，页面也不显示“更新”。',
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'note',
          type: 'textarea',
          label: '说明（公开显示）',
          required: true,
          maxLength: CORRECTION_NOTE_MAX,
          admin: { width: '70%', placeholder: '更正：第二段中的日期应为…' },
        },
        {
          name: 'date',
          type: 'date',
          label: '更新时间',
          required: true,
          defaultValue: () => new Date().toISOString(),
          admin: { width: '30%', date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
})
