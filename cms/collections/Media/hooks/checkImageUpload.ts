import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

import { maxImagePixels } from '../../../../content-models/collections/Media'

const formats = 'JPEG、PNG、WebP、GIF、AVIF'
/**
 * Named explicitly: in the compiled admin the class name is minified to '', and Payload's
 * error formatter then answers "An unknown error occurred." instead of this message.
 */
const refuse = (message: string) => Object.assign(new APIError(message, 400, { field: 'file' }, true), { name: 'APIError' })
/** sharp's names for the formats Media accepts (AVIF is reported as heif). */
const accepted = new Set(['jpeg', 'png', 'webp', 'gif', 'heif'])

/**
 * Reads the image header, then decodes the image once at a tiny size, before Payload resizes
 * anything, so staff get a message that says what to fix instead of Payload's generic upload error.
 */
export const checkImageUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const file = req.file as { data: Buffer; name: string; mimetype?: string }
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>
  try {
    meta = await sharp(file.data, { limitInputPixels: false }).metadata()
  } catch {
    throw refuse(`“${file.name}”不是有效的图片文件：请上传 ${formats} 格式的照片。`)
  }
  if (!meta.format || !accepted.has(meta.format)) {
    throw refuse(`“${file.name}”是 ${meta.format ?? '未知'} 格式，不能使用：请上传 ${formats} 格式的照片。`)
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0)
  if (pixels > maxImagePixels) {
    throw refuse(
      `“${file.name}”尺寸过大（${meta.width}×${meta.height}，约 ${Math.round(pixels / 1e6)} 百万像素）：请缩小到 ${Math.round(maxImagePixels / 1e6)} 百万像素以内（如 8000×6000）再上传。`,
    )
  }
  // A file cut short (an interrupted upload from a phone) has a sound header; only decoding it
  // all finds the break, which Payload's resizing would report as a generic upload error.
  try {
    await sharp(file.data, { limitInputPixels: maxImagePixels }).resize(16, 16, { fit: 'inside' }).raw().toBuffer()
  } catch {
    throw refuse(`“${file.name}”不完整或已损坏，无法读取：请重新导出或重新拍摄后再上传。`)
  }
  return args
}
