import sharp from 'sharp'

/** A small real PNG, drawn on the fly so fixtures carry no binary files. */
export const pngImage = (width = 800, height = 500) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .png()
    .toBuffer()

export const fileForm = (name: string, type: string, data: Buffer | string, fields: Record<string, unknown>) => {
  const form = new FormData()
  form.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name)
  form.append('_payload', JSON.stringify(fields))
  return form
}

export { blocksToLexical } from '../../cms/seed/richText'
import { blocksToLexical } from '../../cms/seed/richText'

export const paragraph = (text: string) => blocksToLexical([text])
