import { findDate } from './date'

/**
 * The line old forums and blog hosts print under a post, naming who posted it and when:
 * `〓 江南论坛 职工之家 发布时间 2005/05/17 22:11:42 by 林晓燕 〓`,
 * `本贴由林晓燕于2005年8月12日16:12:21在〖职工心声〗发表.` The post ends there: what follows
 * is the board's statement, the replies and the other threads.
 */
export interface PostSignature {
  iso: string
  poster?: string
}

const MAX_CHARS = 100
/** The label before the date; read by position, so no pattern scans the line's spaces twice. */
const postedLabel = /发布时间|发表时间|发布于|发表于|posted on/i
/** `by 林晓燕 〓`: the poster after the date, up to the frame the board draws around the line. */
const byPoster = /^\s*by\s*([^\s〓]{1,24})/i
/** `本贴由林晓燕于…`: the poster first; names hold no `于` and no space. */
const postedBy = /^本[贴帖文]由\s*([^\s于]{1,20})\s*于/u

/** `发布时间 2005/05/17 22:11:42 by 林晓燕`: the label, the date right after it, then `by` and the poster. */
const labelledBy = (line: string): PostSignature | undefined => {
  const label = postedLabel.exec(line)
  if (!label) return undefined
  const rest = line.slice(label.index + label[0].length).replace(/^\s*[:：]?\s*/, '')
  const date = findDate(rest)
  if (!date || !rest.startsWith(date.match)) return undefined
  const poster = byPoster.exec(rest.slice(date.match.length))?.[1]
  return poster ? { iso: date.iso, poster } : undefined
}

/** `本贴由林晓燕于2005年8月12日16:12:21在〖职工心声〗发表`: the poster, the date, then where. */
const postedIn = (line: string): PostSignature | undefined => {
  const by = postedBy.exec(line)
  if (!by) return undefined
  const rest = line.slice(by[0].length)
  const date = findDate(rest)
  if (!date || !rest.trimStart().startsWith(date.match) || !rest.includes('发表')) return undefined
  return { iso: date.iso, poster: by[1] }
}

/** The post's signature a line is (its Simplified form), or undefined. */
export const postSignature = (line: string): PostSignature | undefined => {
  const t = line.trim()
  if (t.length > MAX_CHARS) return undefined
  return postedIn(t) ?? labelledBy(t)
}
