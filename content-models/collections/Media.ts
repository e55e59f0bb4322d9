import type { CollectionConfig } from 'payload'

/** Only raster formats sharp can re-encode; SVG is refused because it can carry script. */
export const imageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

/** Refuses decompression bombs before sharp allocates memory for them (about 8000 × 6000). */
export const maxImagePixels = 48_000_000

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '图片', plural: '图片' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'credit'], group: '内容' },
  upload: {
    mimeTypes: imageMimeTypes,
    focalPoint: true,
    crop: true,
    constructorOptions: { limitInputPixels: maxImagePixels },
    // Each size is re-encoded to WebP with its own quality: thumbnails tolerate more loss.
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, position: 'centre', formatOptions: { format: 'webp', options: { quality: 65 } } },
      { name: 'card', width: 640, height: 400, position: 'centre', formatOptions: { format: 'webp', options: { quality: 72 } } },
      { name: 'hero', width: 1280, height: 640, position: 'centre', formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: '替代文字',
      required: true,
      admin: { description: '为视障读者描述图片内容，如：“劳模工作室成员在车间调试设备”。' },
    },
    { name: 'caption', type: 'text', label: '图片说明' },
    { name: 'credit', type: 'text', label: '摄影 / 来源' },
  ],
}
