import { InternalError } from '../errors.js'

/** Replace `src.slice(start, end)` with `text` (ESLint's fix shape). Offsets are UTF-16 indices. */
export interface Splice {
  start: number
  end: number
  text: string
}

export const insertAt = (offset: number, text: string): Splice => ({ start: offset, end: offset, text })
export const replaceRange = (start: number, end: number, text: string): Splice => ({ start, end, text })

/**
 * Applies splices to `src`. Insertions at one offset keep the order they were given in; two splices
 * that overlap are a bug in the planner, never silently dropped.
 */
export function applySplices(src: string, splices: readonly Splice[]): string {
  const ordered = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || a.i - b.i)
  let out = ''
  let pos = 0
  for (const { s } of ordered) {
    if (s.start < pos || s.end < s.start || s.end > src.length) {
      throw new InternalError(`overlapping or out-of-range edit at offset ${s.start}`)
    }
    out += src.slice(pos, s.start) + s.text
    pos = s.end
  }
  return out + src.slice(pos)
}
