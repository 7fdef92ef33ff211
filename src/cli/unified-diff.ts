import { commonLines, splitLines } from '../yaml/item-text.js'

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
  for (const [x, y] of [...commonLines(a, b), [a.length, b.length] as const]) {
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
