/** A page we cannot import; the message is shown to staff in the import summary. */
export class ImportError extends Error {
  override name = 'ImportError'
}
