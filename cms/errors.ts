/** An error with the errors that caused it, one per line, as staff read it in the build record. */
export const explain = (error: unknown): string => {
  const lines: string[] = []
  for (let e: unknown = error; e !== undefined && lines.length < 10; e = e instanceof Error ? e.cause : undefined) {
    lines.push(e instanceof Error ? e.message : String(e))
  }
  return lines.join('\n由于：')
}
