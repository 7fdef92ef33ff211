/** Lines of a text, each with its own line break, so CRLF and a missing final newline survive. */
const splitLines = (s: string): string[] => s.match(/[^\n]*\n|[^\n]+$/g) ?? []

/** Longest common subsequence of two line lists as pairs of indices (Myers would be faster; inputs are small). */
function commonLines(a: string[], b: string[]): [number, number][] {
  // Trim the common head and tail first: migrations touch few lines.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const n = a.length - head - tail
  const m = b.length - head - tail
  const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] = a[head + i] === b[head + j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!)
  const pairs: [number, number][] = []
  for (let i = 0; i < head; i++) pairs.push([i, i])
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[head + i] === b[head + j]) pairs.push([head + i++, head + j++])
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++
    else j++
  }
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t])
  return pairs
}

/**
 * A file name as a `---`/`+++` line holds it, the way git writes it: GNU patch takes a name to end at
 * the first tab, or else at the first space, so a name with a space is followed by a tab; a name
 * with a control character (a tab, a newline), `"` or `\` is C-quoted (`"a/x\ty.yaml"`), which patch and
 * git apply read.
 */
function headerName(name: string): string {
  if (/[\x00-\x1f\x7f"\\]/.test(name)) {
    const escapes: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '"': '\\"', '\\': '\\\\' }
    const quoted = name.replace(
      /[\x00-\x1f\x7f"\\]/g,
      (c) => escapes[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`,
    )
    return `"${quoted}"`
  }
  return name.includes(' ') ? `${name}\t` : name
}

/** A unified diff (`diff -u` / `git diff` style) of two texts, with 3 lines of context. */
export function unifiedDiff(before: string, after: string, nameA: string, nameB: string, context = 3): string {
  if (before === after) return ''
  const a = splitLines(before)
  const b = splitLines(after)
  const ops: { t: ' ' | '-' | '+'; line: string; ai: number; bi: number }[] = []
  let ai = 0
  let bi = 0
  for (const [x, y] of [...commonLines(a, b), [a.length, b.length] as [number, number]]) {
    while (ai < x) ops.push({ t: '-', line: a[ai]!, ai: ai++, bi })
    while (bi < y) ops.push({ t: '+', line: b[bi]!, ai, bi: bi++ })
    if (x < a.length) ops.push({ t: ' ', line: a[ai]!, ai: ai++, bi: bi++ })
  }
  const out = [`--- ${headerName(nameA)}\n`, `+++ ${headerName(nameB)}\n`]
  for (let i = 0; i < ops.length;) {
    if (ops[i]!.t === ' ') {
      i++
      continue
    }
    let start = Math.max(0, i - context)
    let end = i
    while (end < ops.length) {
      if (ops[end]!.t !== ' ') {
        end++
        continue
      }
      let run = end
      while (run < ops.length && ops[run]!.t === ' ') run++
      if (run === ops.length || run - end > 2 * context) {
        end = Math.min(run, end + context)
        break
      }
      end = run
    }
    const hunk = ops.slice(start, end)
    const aCount = hunk.filter((o) => o.t !== '+').length
    const bCount = hunk.filter((o) => o.t !== '-').length
    const aStart = aCount ? hunk.find((o) => o.t !== '+')!.ai + 1 : hunk[0]!.ai
    const bStart = bCount ? hunk.find((o) => o.t !== '-')!.bi + 1 : hunk[0]!.bi
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@\n`)
    for (const o of hunk) out.push(o.t + o.line + (o.line.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'))
    i = end
    start = end
  }
  return out.join('')
}
