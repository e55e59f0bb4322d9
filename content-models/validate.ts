/**
 * Validators shared by the CMS and the importer. Each returns true or a message in Chinese
 * that tells staff exactly what to fix, because these messages surface in the admin form.
 */

const SEPARATORS = /[\s\-()（）]/g

/**
 * Accepts the phone forms a union actually publishes: service short codes (12351, 12345),
 * mobiles, landlines with area code, 400/800 numbers, optionally with +86 and an extension.
 */
export const PHONE_PATTERN = /^(?:\+?86)?(?:1\d{4}|1[3-9]\d{9}|0\d{9,11}|[48]00\d{7}|[2-9]\d{6,7})(?:(?:转|ext\.?|#)\d{1,6})?$/i

export const isPhoneNumber = (value: string): boolean => PHONE_PATTERN.test(value.trim().replace(SEPARATORS, ''))

export const validatePhone = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string' || !isPhoneNumber(value)) {
    return `电话号码“${String(value)}”格式不正确：请填写如 12351、0571-85123456、13800138000 或 400-800-1234 的号码，分机可写“转123”。`
  }
  return true
}

const inRange = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max

export const validateLatitude = (value: unknown): true | string =>
  value === null || value === undefined || inRange(value, -90, 90)
    ? true
    : `纬度 ${String(value)} 超出范围：纬度须在 -90 到 90 之间（WGS84，如杭州约 30.27）。`

export const validateLongitude = (value: unknown): true | string =>
  value === null || value === undefined || inRange(value, -180, 180)
    ? true
    : `经度 ${String(value)} 超出范围：经度须在 -180 到 180 之间（WGS84，如杭州约 120.15）。`

export const validateTime = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value))
    ? true
    : `时间“${String(value)}”格式不正确：请用 24 小时制，如 08:30 或 17:00。`

export const validateDivisionCode = (value: unknown): true | string =>
  typeof value === 'string' && /^\d{6}(\d{3})?$/.test(value)
    ? true
    : `行政区划代码“${String(value ?? '')}”不正确：应为 6 位（区县及以上）或 9 位（街道乡镇）数字，如 330106。`

export const validateUrl = (value: unknown): true | string => {
  if (value === null || value === undefined || value === '') return true
  try {
    const url = new URL(String(value))
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // fall through to the message
  }
  return `网址“${String(value)}”不正确：请填写以 http:// 或 https:// 开头的完整地址。`
}

export const validateSlug = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value))
    ? true
    : `链接名“${String(value)}”只能包含小写字母、数字和连字符，如 2025-labor-day。`
