import type { S3ClientConfig } from '@aws-sdk/client-s3'

/**
 * S3-compatible media storage (AWS S3, MinIO, Aliyun OSS, Tencent COS…), on when S3_BUCKET
 * is set. Without it, media stay on the CMS server's disk (MEDIA_DIR).
 */
export interface S3Settings {
  bucket: string
  /** Object key prefix inside the bucket, e.g. `portal/`. */
  prefix: string
  client: S3ClientConfig
}

export const s3Settings = (env: Record<string, string | undefined> = process.env): S3Settings | undefined => {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) return undefined
  const accessKeyId = env.S3_ACCESS_KEY_ID
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('S3_BUCKET 已设置，但缺少 S3_ACCESS_KEY_ID 或 S3_SECRET_ACCESS_KEY：请补上访问密钥，或去掉 S3_BUCKET 改用本地存储。')
  }
  return {
    bucket,
    prefix: (env.S3_PREFIX ?? '').replace(/^\/+/, ''),
    client: {
      region: env.S3_REGION || 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      // MinIO and most self-hosted stores address buckets by path, not by subdomain.
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true' || Boolean(env.S3_ENDPOINT && env.S3_FORCE_PATH_STYLE !== 'false'),
      credentials: { accessKeyId, secretAccessKey },
    },
  }
}
