/**
 * What an upload to the admin import may be. The defaults fit an old portal's archive (a few
 * thousand pages with their images); the lead's settings module passes other values in.
 */
export interface ImportLimits {
  /** The whole upload (all files and zips together). */
  maxUploadBytes: number
  /** Any one page, image or other file, uploaded or inside a zip, once unpacked. */
  maxFileBytes: number
  /** Everything a zip unpacks to. */
  maxUnpackedBytes: number
  /** Entries in one zip. */
  maxEntries: number
  /** Unpacked to packed size of one entry; text compresses about 5–10×, a zip bomb 1000×. */
  maxRatio: number
  /** Pages at or under this count are previewed while the request waits; more go to the background. */
  inlinePages: number
}

export const defaultImportLimits: ImportLimits = {
  maxUploadBytes: 200 * 1024 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxRatio: 100,
  inlinePages: 50,
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** A refused upload: the message says what to do, `status` is the HTTP answer. */
export class UploadRefused extends Error {
  override name = 'UploadRefused'
  constructor(
    message: string,
    readonly status = 400,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

export const messages = {
  tooLarge: (l: ImportLimits) => `上传内容过大：一次最多 ${mb(l.maxUploadBytes)}，请把存档分成几个压缩包分批导入。`,
  fileTooLarge: (name: string, l: ImportLimits) => `文件“${name}”超过 ${mb(l.maxFileBytes)}，不像是网页或网页配图，请去掉后重新上传。`,
  unpackedTooLarge: (l: ImportLimits) => `压缩包解压后超过 ${mb(l.maxUnpackedBytes)}，请分成几个较小的压缩包上传。`,
  tooManyEntries: (l: ImportLimits) => `压缩包里的文件超过 ${l.maxEntries} 个，请分成几个压缩包上传。`,
  bomb: (name: string) => `压缩包里的“${name}”压缩比异常（疑似“压缩炸弹”），已拒绝整个压缩包。请检查文件来源。`,
  unsafePath: (name: string) => `压缩包里的路径“${name}”指向压缩包以外的位置，已拒绝整个压缩包。请重新打包后上传。`,
  badZip: (name: string) => `“${name}”不是有效的 zip 压缩包（可能已损坏或是 rar/7z 格式），请用 zip 格式重新打包。`,
  nothing: '没有收到文件：请选择 .html、.htm、.txt 网页文件或 .zip 压缩包。',
  noPages: '上传的内容里没有 .html、.htm 或 .txt 网页文件。',
}
