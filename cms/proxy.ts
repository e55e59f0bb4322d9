import { NextResponse, type NextRequest } from 'next/server'

import { maxUploadBytes, uploadTooLargeMessage } from './uploadLimit'

/**
 * Answers an oversized upload before Payload reads it. Payload's own size limit turns into a
 * generic "unknown error" in production, which tells staff nothing; this says the limit.
 * Multipart overhead is a few hundred bytes, so a small allowance avoids false refusals.
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > maxUploadBytes() + 64 * 1024) {
    return NextResponse.json({ errors: [{ message: uploadTooLargeMessage() }] }, { status: 413 })
  }
  return NextResponse.next()
}

export const config = { matcher: ['/api/media', '/api/media/:path*'] }
