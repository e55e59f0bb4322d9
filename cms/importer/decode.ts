import chardet from 'chardet'
import iconv from 'iconv-lite'

import { ImportError } from './errors'

export interface Decoded {
  text: string
  /** The encoding the bytes were read as, e.g. `UTF-8` or `GB18030`. */
  encoding: string
}

/** Magic numbers of files that old sites saved beside their pages and that get misnamed. */
const signatures: [string, number[]][] = [
  ['PNG 图片', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG 图片', [0xff, 0xd8, 0xff]],
  ['GIF 图片', [0x47, 0x49, 0x46, 0x38]],
  ['PDF 文档', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP 压缩包（或 Office 文档）', [0x50, 0x4b, 0x03, 0x04]],
  ['RAR 压缩包', [0x52, 0x61, 0x72, 0x21]],
  ['Word 97-2003 文档', [0xd0, 0xcf, 0x11, 0xe0]],
]

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/**
 * Text never holds NUL or most C0 control bytes; a few per cent of them means the file is
 * not a page at all, whatever its name says (random data has about 10%).
 */
const looksBinary = (bytes: Uint8Array): boolean => {
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++
  return control > sample.length * 0.01
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

const replacementRatio = (text: string) => {
  let bad = 0
  for (const ch of text) if (ch === '\ufffd') bad++
  return bad / Math.max(1, text.length)
}

/**
 * Old Chinese sites saved pages as GBK/GB2312/GB18030 or Big5 and often declared the wrong
 * charset in their meta tag, so the bytes decide: a BOM, then strict UTF-8 (which GBK text
 * practically never passes), then chardet among the encodings those sites used.
 */
export const decodeBuffer = (bytes: Uint8Array): Decoded => {
  if (bytes.length === 0) throw new ImportError('文件为空')
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'UTF-16LE' }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'UTF-16BE' }
  const kind = signatures.find(([, magic]) => startsWith(bytes, magic))
  if (kind) throw new ImportError(`这是${kind[0]}，不是网页或文本文件`)
  if (looksBinary(bytes)) throw new ImportError('文件含有二进制内容，不是网页或文本文件')

  try {
    return { text: strictUtf8.decode(bytes), encoding: 'UTF-8' }
  } catch {
    // not UTF-8: fall through to detection
  }
  const candidates = chardet.analyse(bytes)
  // GB18030 is a superset of GB2312 and GBK, so one decoder serves all three.
  const chinese = candidates.find((c) => c.name === 'GB18030' || c.name === 'Big5')
  const encoding = chinese?.name ?? 'GB18030'
  const text = iconv.decode(Buffer.from(bytes), encoding)
  if (replacementRatio(text) > 0.02) throw new ImportError(`无法识别文件编码（既不是 UTF-8，也不像 ${encoding}）`)
  return { text, encoding }
}
