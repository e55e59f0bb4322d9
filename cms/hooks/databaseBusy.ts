import type { AfterErrorHook } from 'payload'

/** SQLite's answer once its busy timeout (cms/database.ts) has passed with another process still writing. */
const isDatabaseBusy = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown }
    if (code === 'SQLITE_BUSY' || (typeof message === 'string' && /database is locked/i.test(message))) return true
  }
  return false
}

export const DATABASE_BUSY_MESSAGE =
  '数据库正忙（另一个程序正在写入，例如备份或导入），这次保存没有生效，内容仍在您的页面上。请过几秒钟再点一次保存。'

/**
 * A save that waited out the busy timeout changed nothing (its transaction, with the build
 * request it would have queued, is rolled back): staff are told so in words, with 503 and
 * Retry-After, instead of Payload's "Something went wrong."
 */
export const explainDatabaseBusy: AfterErrorHook = ({ error, req }) => {
  if (!isDatabaseBusy(error)) return
  req.responseHeaders = new Headers({ 'Retry-After': '5' })
  return { status: 503, response: { errors: [{ message: DATABASE_BUSY_MESSAGE }] } }
}
