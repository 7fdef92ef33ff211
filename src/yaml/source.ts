/** Byte-level facts about an input that every output must keep: BOM and line ending. */
export interface SourceText {
  /** The text without its BOM. All offsets in this program are UTF-16 indices into it. */
  text: string
  bom: boolean
  /** The line ending new lines are written with: the file's first one, `\n` when it has none. */
  eol: '\n' | '\r\n'
}

export function readSource(raw: string): SourceText {
  const bom = raw.charCodeAt(0) === 0xfeff
  const text = bom ? raw.slice(1) : raw
  const nl = text.indexOf('\n')
  const eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n'
  return { text, bom, eol }
}

export function writeSource(source: SourceText, text: string): string {
  return source.bom ? '\uFEFF' + text : text
}

/** 0-based column of `offset`: its distance from the start of its line. */
export function columnOf(src: string, offset: number): number {
  return offset - (src.lastIndexOf('\n', offset - 1) + 1)
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(src: string, offset: number): number {
  return src.lastIndexOf('\n', offset - 1) + 1
}

/** Offset just past the line break that ends the line holding `offset` (or the end of the text). */
export function lineEndAfter(src: string, offset: number): number {
  const nl = src.indexOf('\n', offset)
  return nl < 0 ? src.length : nl + 1
}

/** The line starts of the last text asked about: a large stream's diagnostics all share one. */
let lineIndex: { src: string; starts: number[] } | undefined

/**
 * 1-based line and column of an offset, as editors show them. The text's line starts are found once
 * and searched (thousands of diagnostics over a large stream would otherwise rescan it from the top).
 */
export function linePos(src: string, offset: number): { line: number; col: number } {
  if (lineIndex?.src !== src) {
    const starts = [0]
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1)
    lineIndex = { src, starts }
  }
  const { starts } = lineIndex
  // The last line start at or before the offset (a line break at offset - 1 starts a line at offset).
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 }
}
