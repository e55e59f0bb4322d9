const DISK_FULL = '服务器磁盘已满（ENOSPC）：请管理员清理磁盘。'

/**
 * An error with the errors that caused it, one per line, as staff read it in the build record.
 * A full disk, whichever step hit it (often deep in Astro's output), is said first in Chinese.
 */
export const explain = (error: unknown): string => {
  const lines: string[] = []
  for (let e: unknown = error; e !== undefined && lines.length < 10; e = e instanceof Error ? e.cause : undefined) {
    lines.push(e instanceof Error ? e.message : String(e))
  }
  const text = lines.join('\n由于：')
  return /\bENOSPC\b|no space left on device/i.test(text) ? `${DISK_FULL}\n${text}` : text
}
