const MARKER = /^---(?:[ \t\r\n]|$)/
const END_OR_DIRECTIVE = /^(?:\.\.\.(?:[ \t\r\n]|$)|%)/
const BLANK_OR_COMMENT = /^[ \t]*(?:#[^\n]*)?\r?\n?$/

/**
 * Where each document of a stream starts, found from the text alone: a line that begins with `---`
 * (then a space, a tab or the line's end) starts a document — YAML forbids such a line inside any
 * content, so no parser is needed to find them. Comment-only text before the first marker belongs to
 * the first document, as the yaml library reads it. Streams with directives (`%YAML`) or end markers
 * (`...`) return undefined: they need the real parser.
 */
export function documentStarts(src: string): number[] | undefined {
  const starts: number[] = []
  let prefixContent = false
  for (let at = 0; at < src.length;) {
    const nl = src.indexOf('\n', at)
    const end = nl < 0 ? src.length : nl + 1
    const line = src.slice(at, Math.min(end, at + 4))
    if (MARKER.test(line)) {
      starts.push(starts.length === 0 && !prefixContent ? 0 : at)
    } else if (END_OR_DIRECTIVE.test(line)) {
      return undefined
    } else if (starts.length === 0 && !prefixContent && !BLANK_OR_COMMENT.test(src.slice(at, end))) {
      prefixContent = true
      starts.push(0)
    }
    at = end
  }
  return starts
}

/**
 * The stream with every document for which `keep(i)` is false blanked out: same length, same line
 * breaks, one (empty) document where there was one, so every offset of a kept document is unchanged
 * and a blanked one costs the parser next to nothing.
 */
export function maskDocuments(src: string, starts: number[], keep: (i: number) => boolean): string {
  if (starts.length === 0) return src
  let out = ''
  for (let i = 0; i < starts.length; i++) {
    const text = src.slice(starts[i]!, starts[i + 1] ?? src.length)
    if (keep(i)) out += text
    else {
      const head = text.startsWith('---') ? '---' : '~'
      out += head + text.slice(head.length).replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length))
    }
  }
  return out
}
