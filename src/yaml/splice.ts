import { InternalError } from '../errors.js'

/** Replace `src.slice(start, end)` with `text` (ESLint's fix shape). Offsets are UTF-16 indices. */
export interface Splice {
  start: number
  end: number
  text: string
  /**
   * For an insertion that extends a block collection: where that collection starts. A nested
   * collection ends where its parent ends, so several insertions can share one offset (items for a
   * container's last list, and a new key for the container itself); the one extending the inner
   * (later-starting) collection must come first, or its items would land under the new key.
   */
  nest?: number
}

export const insertAt = (offset: number, text: string): Splice => ({ start: offset, end: offset, text })
export const replaceRange = (start: number, end: number, text: string): Splice => ({ start, end, text })

/**
 * Applies splices to `src`. Insertions at one offset go innermost collection first (see `nest`), else
 * keep the order they were given in; two splices that overlap are a bug in the planner, never
 * silently dropped.
 */
export function applySplices(src: string, splices: readonly Splice[]): string {
  const nested = (a: Splice, b: Splice) =>
    a.nest !== undefined && b.nest !== undefined && a.start === a.end && b.start === b.end ? b.nest - a.nest : 0
  const ordered = splices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || nested(a.s, b.s) || a.i - b.i)
  // Parts joined once: `+=` over a large stream's thousands of splices builds a tree of string pieces
  // that is flattened (copied) only at the end, holding both at once.
  const parts: string[] = []
  let pos = 0
  for (const { s } of ordered) {
    if (s.start < pos || s.end < s.start || s.end > src.length) {
      throw new InternalError(`overlapping or out-of-range edit at offset ${s.start}`)
    }
    parts.push(src.slice(pos, s.start), s.text)
    pos = s.end
  }
  parts.push(src.slice(pos))
  return parts.join('')
}
