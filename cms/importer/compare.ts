/** How the importer compares text: one definition, so every rule treats a line the same way. */

/** Without whitespace (full-width and no-break spaces too): menus are often letter-spaced. */
export const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '')

/** Titles compare without spaces and punctuation: `主题 : X` and `X` are the same title. */
export const titleKey = (s: string) => s.replace(/[\s\p{P}\p{S}]+/gu, '')
