/** One line of a line diff: kept, removed from `a`, or added in `b` (with its 0-based line index). */
export type DiffLine =
  | { kind: 'same'; line: string; a: number; b: number }
  | { kind: 'del'; line: string; a: number }
  | { kind: 'add'; line: string; b: number }

/** A run of removed and added lines between two kept lines. */
export interface Hunk {
  del: { line: string; a: number }[]
  add: { line: string; b: number }[]
}

/** Splits a text into lines without their terminators (`\n` or `\r\n`); a final line break adds no line. */
export const linesOf = (text: string): string[] => {
  const lines = text.split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/**
 * A shortest line diff by longest common subsequence (quadratic; manifests are a few hundred lines).
 * Ties prefer removing before adding, like `diff -u`.
 */
export function lineDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the LCS of a[i..] and b[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ kind: 'same', line: a[i]!, a: i++, b: j++ })
    else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: 'del', line: a[i]!, a: i++ })
    else out.push({ kind: 'add', line: b[j]!, b: j++ })
  }
  return out
}

/** Groups a diff's changed lines into hunks (runs with no kept line between them). */
export function hunksOf(diff: readonly DiffLine[]): Hunk[] {
  const hunks: Hunk[] = []
  let cur: Hunk | undefined
  for (const d of diff) {
    if (d.kind === 'same') {
      cur = undefined
      continue
    }
    if (!cur) hunks.push((cur = { del: [], add: [] }))
    if (d.kind === 'del') cur.del.push({ line: d.line, a: d.a })
    else cur.add.push({ line: d.line, b: d.b })
  }
  return hunks
}

/** `diff -u`-like text of the changed lines only (for failure messages and exact-diff assertions). */
export function renderHunks(hunks: readonly Hunk[]): string {
  return hunks
    .map((h) =>
      [...h.del.map((d) => `-${d.a + 1}: ${d.line}`), ...h.add.map((x) => `+${x.b + 1}: ${x.line}`)].join('\n'),
    )
    .join('\n')
}
