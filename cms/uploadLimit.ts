/** Uploads larger than this are refused before they reach sharp. */
export const MAX_UPLOAD_BYTES = Number(process.env.MAX_UPLOAD_MB ?? 10) * 1024 * 1024

export const uploadTooLargeMessage = `文件过大：单个图片不能超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请压缩后再上传。`
