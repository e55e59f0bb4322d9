import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { blocksToLexical, type RichBlock } from '../seed/richText'
import { isImageBlock, type ImageBlock, type PageBlock } from './blocks'

/**
 * Where a page's image is on disk, if it was saved with it. Browsers saving "网页，全部"
 * rewrite `src` to `<page>_files/<name>` and leave `data-src`/`file` pointing at the old
 * site; so each address is tried as written (relative to the page) and by its file name in
 * the `_files` folder beside the page.
 */
export const findImageFile = (pageFile: string, image: ImageBlock['image']): string | undefined => {
  const dir = path.dirname(pageFile)
  const filesDir = path.join(dir, `${path.basename(pageFile).replace(/\.[^.]+$/, '')}_files`)
  for (const source of image.sources) {
    const query = source.search(/[?#]/)
    const bare = query < 0 ? source : source.slice(0, query)
    let decoded = bare
    try {
      decoded = decodeURIComponent(bare)
    } catch {
      // a stray % in an old address: try it as written
    }
    const candidates: string[] = []
    if (!/^[a-z][a-z0-9+.-]*:/i.test(decoded) && !decoded.startsWith('/')) candidates.push(path.resolve(dir, decoded))
    const name = path.basename(decoded)
    if (name) candidates.push(path.join(filesDir, name))
    for (const candidate of candidates) {
      // Never outside the page's folder: an address like ../../etc/passwd names nothing of the page.
      if (!candidate.startsWith(dir + path.sep)) continue
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
    }
  }
  return undefined
}

/** `IMG_2031.JPG`, `640.jpeg`, `opening.jpg`: an alt attribute that is only a file name says nothing. */
const fileNameLike = /^[\w\s().-]+\.(?:jpe?g|png|gif|webp|bmp)$/i

export const altText = (block: ImageBlock, title: string): string =>
  block.caption?.trim() || (block.image.alt && !fileNameLike.test(block.image.alt) ? block.image.alt : '') || `${title}（配图）`

export interface PlacedImages {
  /** Lexical body with an upload node where each found image stood. */
  body: ReturnType<typeof blocksToLexical>
  /** The first image found, as the article's cover. */
  cover?: number | string
  /** Addresses of images the page shows but whose file was not saved with it. */
  missing: string[]
}

/**
 * Creates a media document for each image saved with the page (one per file per batch,
 * through `known`) and writes the body with the images in place. An image whose file is
 * missing, or that the media collection refuses (not an image, too large), is listed in
 * `missing` and left out; the article is still written.
 */
export const placeImages = async (
  payload: Payload,
  pageFile: string,
  title: string,
  blocks: PageBlock[],
  known: Map<string, Promise<number | string | undefined>>,
): Promise<PlacedImages> => {
  const missing: string[] = []
  const nodes: unknown[] = []
  let cover: number | string | undefined
  for (const block of blocks) {
    if (!isImageBlock(block)) {
      nodes.push(blocksToLexical([block as RichBlock]).root.children[0])
      continue
    }
    const file = findImageFile(pageFile, block.image)
    if (!file) {
      missing.push(block.image.sources[0])
      continue
    }
    if (!known.has(file)) {
      const alt = altText(block, title)
      known.set(
        file,
        payload.create({ collection: 'media', data: { alt, caption: block.caption }, filePath: file, context: { importing: true } }).then(
          (doc) => doc.id as number | string,
          () => undefined,
        ),
      )
    }
    const id = await known.get(file)
    if (id === undefined) {
      missing.push(`${block.image.sources[0]}（无法作为图片保存）`)
      continue
    }
    cover ??= id
    nodes.push({
      type: 'upload',
      version: 3,
      format: '',
      id: crypto.randomBytes(12).toString('hex'),
      fields: {},
      relationTo: 'media',
      value: id,
    })
  }
  const body = blocksToLexical([])
  ;(body.root.children as unknown[]).push(...nodes)
  return { body, cover, missing }
}
