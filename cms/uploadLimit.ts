import { settings } from '../content-models/settings'

/** Uploads larger than this are refused before they reach sharp. */
export const maxUploadBytes = () => settings().maxUploadBytes

export const uploadTooLargeMessage = () => `文件过大：单个图片不能超过 ${maxUploadBytes() / 1024 / 1024} MB，请压缩后再上传。`
