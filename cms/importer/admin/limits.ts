/**
 * What an upload to the admin import may be. The defaults fit an old portal's archive (a few
 * thousand pages with their images); the lead's settings module passes other values in.
 */
export interface ImportLimits {
  /** The whole upload (all files and zips together). */
  maxUploadBytes: number
  /** Any one page, image or other file, uploaded or inside a zip, once unpacked. */
  maxFileBytes: number
  /** Everything one upload unpacks to: all its zips and files together. */
  maxUnpackedBytes: number
  /** Everything waiting in the staging area, this upload included. */
  maxStagingBytes: number
  /** Free space the disk must keep after an upload is unpacked (the database and the site live there too). */
  minFreeBytes: number
  /** Entries in one zip. */
  maxEntries: number
  /**
   * Unpacked to packed size, of every entry and of the upload as a whole; text compresses
   * about 5–10×, a zip bomb 1000×. An entry's packed size counts as at least `RATIO_FLOOR`
   * bytes, since deflate's few bytes for a tiny file say nothing; the whole upload's ratio
   * bounds what many such entries add up to.
   */
  maxRatio: number
  /** Staged uploads not imported within this time are removed (the batch then asks for a new upload). */
  stagingTtlMs: number
  /** Pages at or under this count are previewed while the request waits; more go to the background. */
  inlinePages: number
}

export const defaultImportLimits: ImportLimits = {
  maxUploadBytes: 200 * 1024 * 1024,
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxStagingBytes: 5 * 1024 * 1024 * 1024,
  minFreeBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxRatio: 100,
  stagingTtlMs: 24 * 3600_000,
  inlinePages: 50,
}

/** Packed size an entry counts as at least when its ratio is checked. */
export const RATIO_FLOOR = 1024

const mb = (bytes: number) =>
  bytes >= 1024 * 1024 || bytes === 0 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
const hours = (ms: number) => `${Math.round(ms / 3600_000)} 小时`

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
  unpackedTooLarge: (bytes: number, l: ImportLimits) =>
    `这次上传解压后共 ${mb(bytes)}，超过每次上传解压后 ${mb(l.maxUnpackedBytes)} 的上限，请分成几次上传。`,
  tooManyEntries: (l: ImportLimits) => `压缩包里的文件超过 ${l.maxEntries} 个，请分成几个压缩包上传。`,
  bomb: (name: string, l: ImportLimits) =>
    `压缩包里的“${name}”解压后超过压缩大小的 ${l.maxRatio} 倍（疑似“压缩炸弹”），已拒绝整个上传。请检查文件来源。`,
  uploadBomb: (bytes: number, l: ImportLimits) =>
    `这次上传解压后共 ${mb(bytes)}，超过上传大小的 ${l.maxRatio} 倍（疑似“压缩炸弹”），已拒绝整个上传。请检查文件来源。`,
  stagingFull: (waiting: number, bytes: number, l: ImportLimits) =>
    `等待导入的上传已占用 ${mb(waiting)}，加上这次的 ${mb(bytes)} 会超过暂存区 ${mb(l.maxStagingBytes)} 的上限。请先导入或删除已试运行的批次（未导入的上传 ${hours(l.stagingTtlMs)}后自动清理），再上传。`,
  diskFull: (bytes: number, l: ImportLimits) =>
    `服务器磁盘空间不足：这次上传解压后需要 ${mb(bytes)}，之后剩余空间会少于必须保留的 ${mb(l.minFreeBytes)}。请联系管理员清理磁盘，或分批上传较小的压缩包。`,
  expired: (l: ImportLimits) => `这个批次上传的文件已不在服务器上（试运行后 ${hours(l.stagingTtlMs)}内未导入的上传会被清理），请重新上传。`,
  unsafePath: (name: string) => `压缩包里的路径“${name}”指向压缩包以外的位置，已拒绝整个压缩包。请重新打包后上传。`,
  badZip: (name: string) => `“${name}”不是有效的 zip 压缩包（可能已损坏或是 rar/7z 格式），请用 zip 格式重新打包。`,
  nothing: '没有收到文件：请选择 .html、.htm、.txt 网页文件或 .zip 压缩包。',
  noPages: '上传的内容里没有 .html、.htm 或 .txt 网页文件。',
}
