import fs from 'node:fs/promises'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'

import { settings, type S3Settings } from '../../content-models/settings'

/**
 * Where uploaded files and their generated sizes live, for the code that reads them outside
 * an upload request: the snapshot export, incremental publishing, backup and restore.
 */
export interface MediaStore {
  describe: string
  read(file: string): Promise<Buffer>
  /** The file's bytes, or undefined when there is no such file. */
  tryRead(file: string): Promise<Buffer | undefined>
  write(file: string, data: Buffer): Promise<void>
  /** Every file, as paths relative to the store. */
  list(): Promise<string[]>
}

const missing = (error: unknown) =>
  (error as NodeJS.ErrnoException)?.code === 'ENOENT' ||
  (error as { name?: string })?.name === 'NoSuchKey' ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404

export const localMediaStore = (dir: string): MediaStore => ({
  describe: dir,
  read: (file) => fs.readFile(path.join(dir, file)),
  tryRead: (file) =>
    fs.readFile(path.join(dir, file)).catch((error) => {
      if (missing(error)) return undefined
      throw error
    }),
  async write(file, data) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await fs.writeFile(path.join(dir, file), data)
  },
  async list() {
    const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch((error) => {
      if (missing(error)) return []
      throw error
    })
    return entries
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort()
  },
})

export const s3MediaStore = (settings: S3Settings): MediaStore => {
  const client = new S3Client(settings.client)
  const key = (file: string) => `${settings.prefix ? `${settings.prefix.replace(/(?<!\/)\/+$/, '')}/` : ''}${file}`
  const read = async (file: string) => {
    const object = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key(file) }))
    return Buffer.from(await object.Body!.transformToByteArray())
  }
  return {
    describe: `s3://${settings.bucket}/${settings.prefix}`,
    read,
    tryRead: (file) =>
      read(file).catch((error) => {
        if (missing(error)) return undefined
        throw error
      }),
    async write(file, data) {
      await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: key(file), Body: data }))
    },
    async list() {
      const files: string[] = []
      const prefix = key('')
      let token: string | undefined
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
        )
        for (const o of page.Contents ?? []) if (o.Key) files.push(o.Key.slice(prefix.length))
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
      return files.sort()
    },
  }
}

/** The store this process is configured for: S3 when S3_BUCKET is set, else the media folder. */
export const configuredMediaStore = (s = settings()): MediaStore => (s.s3 ? s3MediaStore(s.s3) : localMediaStore(s.mediaDir))

/** A folder path stands for the local store in that folder. */
export const asMediaStore = (media: MediaStore | string): MediaStore => (typeof media === 'string' ? localMediaStore(media) : media)
