/** Dates on the site are Beijing dates, whatever the build machine's time zone. */
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000)

export const ymd = (iso: string) => beijing(iso).toISOString().slice(0, 10)
export const year = (iso: string) => beijing(iso).getUTCFullYear()
export const month = (iso: string) => beijing(iso).getUTCMonth() + 1
export const chineseDate = (iso: string) => {
  const d = beijing(iso)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/** `tel:` wants digits only; keep + for international and the extension after a comma pause. */
export const telHref = (number: string) => {
  const [main, ext] = number.split(/转|ext\.?|#/i)
  const digits = (main ?? '').replace(/[^\d+]/g, '')
  return `tel:${digits}${ext ? `,${ext.replace(/\D/g, '')}` : ''}`
}

/** `sms:` takes the number alone: no extension pause. */
export const smsHref = (number: string) => telHref(number).replace(/^tel:/, 'sms:').split(',', 1)[0]

/** An http(s) address, the only kind a page may link to as 原文出处 (not `javascript:`, not a file path). */
export const isWebUrl = (value: string | null | undefined): value is string => !!value && /^https?:\/\/[^\s/?#]+/i.test(value)
