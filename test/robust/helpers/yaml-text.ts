// A tiny YAML *text* builder for the property tests: a tree of nodes that carry their own style
// (flow or block, compact or indented sequences, anchors, quoting), rendered to source text by hand so
// that every formatting decision is ours, not a library's. Random decisions (comments, blank lines,
// quoted keys) are taken at render time through `Choices`, seeded by fast-check.
import { parseDocument } from 'yaml'

/** Random decisions (a seeded PRNG: see manifestArb for why not fc.gen()). */
export interface Choices {
  pick<T>(xs: readonly T[]): T
  /** True with `percent`% probability. */
  chance(percent: number): boolean
  int(min: number, max: number): number
}

/** A deterministic `Choices` from a seed (mulberry32), for fixtures that must be the same every run. */
export function seededChoices(seed: number): Choices {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() * 100 < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  }
}

// ------------------------------------------------------------------------------------------------
// Nodes

/** A scalar: its source in block context (one line, or a block scalar) and in flow context. */
export interface ScalarN {
  t: 'scalar'
  /** What a YAML 1.1 reader decodes it to (the model the tests compare against). */
  value: unknown
  src: string
  /** A block scalar (`|-`, `>-`, `|`): header and content lines (without indentation). */
  block?: { header: string; lines: string[] }
  flowSrc: string
  anchor?: string
  /** A tag written before the value (`!!str`). */
  tag?: string
  /** Block context: the value on the line below its key, indented. */
  nextLine?: boolean
  /** Block context: a plain scalar folded over several lines (decodes joined by spaces). */
  multiPlain?: string[]
}
export interface PairN {
  key: string
  value: Node
}
export interface MapN {
  t: 'map'
  pairs: PairN[]
  flow?: 'inline' | 'multiline'
  padded?: boolean
  anchor?: string
}
export interface SeqN {
  t: 'seq'
  items: Node[]
  flow?: 'inline' | 'multiline'
  padded?: boolean
  /** `key:\n- a` (true) or `key:\n  - a` (false). */
  compact?: boolean
  /** Spaces after `-`. */
  gap?: number
  anchor?: string
}
export interface AliasN {
  t: 'alias'
  name: string
}
export type Node = ScalarN | MapN | SeqN | AliasN

export const map = (...pairs: [string, Node | undefined][]): MapN => ({
  t: 'map',
  pairs: pairs.filter((p): p is [string, Node] => p[1] !== undefined).map(([key, value]) => ({ key, value })),
})
export const seq = (...items: Node[]): SeqN => ({ t: 'seq', items })
export const alias = (name: string): AliasN => ({ t: 'alias', name })
const rawCache = new Map<string, unknown>()
/** A number, boolean or other non-string scalar, written as given (`0400` is 256: YAML 1.1). */
export const raw = (src: string): ScalarN => {
  if (!rawCache.has(src))
    rawCache.set(src, (parseDocument(`k: ${src}\n`, { version: '1.1' }).toJS() as { k: unknown }).k)
  return { t: 'scalar', value: rawCache.get(src), src, flowSrc: src }
}
/** A string written as a block scalar (`|`, `|-`): `lines` without indentation. */
export const blockString = (header: '|' | '|-', lines: string[]): ScalarN => {
  const value = lines.join('\n') + (header === '|' && lines.length > 0 ? '\n' : '')
  return { t: 'scalar', value, src: doubleQuoted(value), flowSrc: doubleQuoted(value), block: { header, lines } }
}

/** The decoded value of a node (aliases resolved), as a YAML 1.1 reader gives it. */
export function toValue(n: Node, anchors = new Map<string, unknown>()): unknown {
  let v: unknown
  switch (n.t) {
    case 'alias':
      if (!anchors.has(n.name)) throw new Error(`generator bug: alias *${n.name} before its anchor`)
      return anchors.get(n.name)
    case 'scalar':
      v = n.value
      break
    case 'map': {
      // YAML 1.1 merge keys (`<<: *base`): the base's keys, unless the mapping sets them itself.
      const own = Object.fromEntries(
        n.pairs.filter((p) => p.key !== '<<').map((p) => [p.key, toValue(p.value, anchors)]),
      )
      const merged = n.pairs
        .filter((p) => p.key === '<<')
        .map((p) => toValue(p.value, anchors) as Record<string, unknown>)
      v = Object.assign({}, ...merged.reverse(), own)
      break
    }
    case 'seq':
      v = n.items.map((i) => toValue(i, anchors))
      break
  }
  if (n.anchor) anchors.set(n.anchor, v)
  return v
}

const plainCache = new Map<string, [boolean, boolean]>()
/** Whether `s` written bare reads back (YAML 1.1 and 1.2) as the string `s`, in block and in flow context. */
export function plainSafe(s: string): { block: boolean; flow: boolean } {
  let hit = plainCache.get(s)
  if (!hit) {
    const ok = (text: string) =>
      (['1.1', '1.2'] as const).every((version) => {
        const d = parseDocument(text, { version })
        return d.errors.length === 0 && (d.toJS() as { k?: unknown } | null)?.k === s
      })
    const block = s !== '' && !/\s$|^\s|#|\n/.test(s) && ok(`k: ${s}\n`)
    hit = [block, block && ok(`{k: ${s}}\n`)]
    plainCache.set(s, hit)
  }
  return { block: hit[0], flow: hit[1] }
}

export const singleQuoted = (s: string) => `'${s.replace(/'/g, "''")}'`
export const doubleQuoted = (s: string) => JSON.stringify(s)

export type QuoteStyle = 'plain' | 'single' | 'double' | 'double-escaped' | 'literal' | 'folded'

/**
 * A string scalar in a random style: plain (when safe), 'single', "double", "double with \/ escapes",
 * `|-` literal or `>-` folded block (one-line values, block context only; flow falls back to "double").
 */
export function str(c: Choices, value: string, weights: Partial<Record<QuoteStyle, number>> = {}): ScalarN {
  const safe = plainSafe(value)
  const w: Record<QuoteStyle, number> = {
    plain: 50,
    single: 15,
    double: 25,
    'double-escaped': 3,
    literal: 4,
    folded: 3,
    ...weights,
  }
  if (!safe.block) w.plain = 0
  if (!value.includes('/')) w['double-escaped'] = 0
  // A folded block joins lines and a block scalar cannot start with spaces: keep block styles to simple values.
  // An empty one would take the next more-indented line (say a comment) as its content.
  if (/^\s|\s$|\n/.test(value) || value === '') w.literal = w.folded = 0
  const total = Object.values(w).reduce((a, b) => a + b, 0)
  let r = c.int(0, total - 1)
  let style: QuoteStyle = 'double'
  for (const [k, v] of Object.entries(w) as [QuoteStyle, number][]) {
    if (r < v) {
      style = k
      break
    }
    r -= v
  }
  const flowSrc =
    safe.flow && style === 'plain' ? value : style === 'single' ? singleQuoted(value) : doubleQuoted(value)
  switch (style) {
    case 'plain':
      return { t: 'scalar', value, src: value, flowSrc }
    case 'single':
      return { t: 'scalar', value, src: singleQuoted(value), flowSrc }
    case 'double':
      return { t: 'scalar', value, src: doubleQuoted(value), flowSrc }
    case 'double-escaped': {
      const src = doubleQuoted(value).replace(/\//g, '\\/')
      return { t: 'scalar', value, src, flowSrc: src }
    }
    case 'literal':
      return { t: 'scalar', value, src: doubleQuoted(value), flowSrc, block: { header: '|-', lines: [value] } }
    case 'folded':
      return { t: 'scalar', value, src: doubleQuoted(value), flowSrc, block: { header: '>-', lines: [value] } }
  }
}

// ------------------------------------------------------------------------------------------------
// Rendering

/** How a whole file is written. */
export interface FileStyle {
  /** Spaces a nested block mapping is indented by. */
  unit: number
  /** Default for block sequences that did not choose (`key:\n- a`). */
  compact: boolean
  /** Percent chances per place. */
  comments: number
  blanks: number
  quoteKeys: number
  /** Percent of trailing comments separated by a tab instead of spaces. */
  tabs?: number
}

/** Keeps the comment tokens written, so a test can check every one survives. */
export interface RenderState {
  c: Choices
  style: FileStyle
  comments: string[]
}

const pad = (n: number) => ' '.repeat(n)
const COMMENT_TEXTS = [
  '',
  ' keep me',
  ' value: "not yaml"',
  ' - not an item',
  ' TODO(ops): rotate',
  ' ünïcödé ✓',
  ' key: [x, y]',
  ' ---',
]

/** A fresh comment text `# cN…` (unique token, random tail) and records it. */
export function comment(st: RenderState): string {
  const token = `c${st.comments.length}x`
  st.comments.push(token)
  return `# ${token}${st.c.pick(COMMENT_TEXTS)}`
}

const trailing = (st: RenderState) =>
  st.c.chance(st.style.comments / 2)
    ? (st.c.chance(st.style.tabs ?? 0) ? '\t' : ` ${st.c.pick(['', ' ', '   '])}`) + comment(st)
    : ''

/** Blank lines and full-line comments that may go before a line at column `col`. */
function before(st: RenderState, col: number): string[] {
  const out: string[] = []
  // A whitespace-only line never has more spaces than the next line's column: more could be read as
  // content of a block scalar above it.
  if (st.c.chance(st.style.blanks)) out.push(st.c.chance(20) ? pad(st.c.int(1, Math.max(1, col))) : '')
  if (st.c.chance(st.style.comments)) out.push(pad(st.c.pick([col, col, 0, col + 1])) + comment(st))
  return out
}

function keySrc(st: RenderState, key: string): string {
  if (key === '<<') return key // a merge key only when plain
  if (st.c.chance(st.style.quoteKeys)) return st.c.chance(50) ? doubleQuoted(key) : singleQuoted(key)
  return plainSafe(key).block ? key : doubleQuoted(key)
}

const props = (n: Node) => ('anchor' in n && n.anchor ? `&${n.anchor} ` : '') + ('tag' in n && n.tag ? `${n.tag} ` : '')

/** A node in flow context, on one line. */
export function flowText(st: RenderState, n: Node): string {
  switch (n.t) {
    case 'alias':
      return `*${n.name}`
    case 'scalar':
      return props(n) + n.flowSrc
    case 'map': {
      const parts = n.pairs.map((p) => `${keySrc(st, p.key)}: ${flowText(st, p.value)}`)
      return props(n) + (parts.length === 0 ? '{}' : n.padded ? `{ ${parts.join(', ')} }` : `{${parts.join(', ')}}`)
    }
    case 'seq': {
      const parts = n.items.map((i) => flowText(st, i))
      return props(n) + (parts.length === 0 ? '[]' : n.padded ? `[ ${parts.join(', ')} ]` : `[${parts.join(', ')}]`)
    }
  }
}

/** A flow collection spread over lines, items at `col + unit`, the closing bracket at `col`. */
function multilineFlow(st: RenderState, n: MapN | SeqN, col: number): string[] {
  const inner =
    n.t === 'map'
      ? n.pairs.map((p) => `${keySrc(st, p.key)}: ${flowText(st, p.value)}`)
      : n.items.map((i) => flowText(st, i))
  const [open, close] = n.t === 'map' ? ['{', '}'] : ['[', ']']
  if (inner.length === 0) return [`${props(n)}${open}${close}`]
  const trailingComma = st.c.chance(30)
  const lines = [`${props(n)}${open}`]
  inner.forEach((text, i) => {
    // Comments are legal inside a multi-line flow collection too: on their own line, or after a comma.
    if (st.c.chance(st.style.comments / 2)) lines.push(`${pad(col + st.style.unit)}${comment(st)}`)
    const comma = i < inner.length - 1 || trailingComma
    lines.push(
      `${pad(col + st.style.unit)}${text}${comma ? ',' : ''}` +
        `${comma && st.c.chance(st.style.comments / 2) ? ` ${comment(st)}` : ''}`,
    )
  })
  lines.push(`${pad(col)}${close}`)
  return lines
}

const isEmptyCollection = (n: Node) =>
  (n.t === 'map' && n.pairs.length === 0) || (n.t === 'seq' && n.items.length === 0)

/** Lines of `key: value` at column `col` (the value's own lines follow). */
function pairLines(st: RenderState, key: string, v: Node, col: number): string[] {
  const head = `${pad(col)}${keySrc(st, key)}:`
  if (v.t === 'alias') return [`${head} *${v.name}${trailing(st)}`]
  if (v.t === 'scalar') {
    if (v.multiPlain)
      return [
        `${head} ${props(v)}${v.multiPlain[0]}`,
        ...v.multiPlain.slice(1).map((l) => pad(col + st.style.unit) + l),
      ]
    if (v.nextLine && !v.block)
      return [`${head}${trailing(st)}`, `${pad(col + st.style.unit)}${props(v)}${v.src}${trailing(st)}`]
    if (v.block)
      return [
        `${head} ${props(v)}${v.block.header}${trailing(st)}`,
        ...v.block.lines.map((l) => (l === '' ? '' : pad(col + st.style.unit) + l)),
      ]
    return [`${head} ${props(v)}${v.src}${trailing(st)}`]
  }
  if (v.flow === 'multiline' && !isEmptyCollection(v)) {
    const lines = multilineFlow(st, v, col)
    lines[0] = `${head} ${lines[0]}`
    return lines
  }
  if (v.flow || isEmptyCollection(v)) return [`${head} ${flowText(st, v)}${trailing(st)}`]
  const anchor = v.anchor ? ` &${v.anchor}` : ''
  if (v.t === 'map') return [`${head}${anchor}${trailing(st)}`, ...mapLines(st, v, col + st.style.unit)]
  const compact = v.compact ?? st.style.compact
  return [`${head}${anchor}${trailing(st)}`, ...seqLines(st, v, compact ? col : col + st.style.unit)]
}

/** A block mapping whose keys stand at `col`. `inline`: the first key goes on a `- ` line (no lines before it). */
export function mapLines(st: RenderState, m: MapN, col: number, inline = false): string[] {
  const out: string[] = []
  m.pairs.forEach((p, i) => {
    if (!(inline && i === 0)) out.push(...before(st, col))
    out.push(...pairLines(st, p.key, p.value, col))
  })
  return out
}

/** A block sequence whose dashes stand at `dashCol`. */
export function seqLines(st: RenderState, s: SeqN, dashCol: number): string[] {
  const out: string[] = []
  const gap = s.gap ?? 1
  const contentCol = dashCol + 1 + gap
  const dash = `${pad(dashCol)}-${pad(gap)}`
  for (const item of s.items) {
    out.push(...before(st, dashCol))
    if (item.t === 'map' && !item.flow && !item.anchor && item.pairs.length > 0) {
      const lines = mapLines(st, item, contentCol, true)
      lines[0] = dash + lines[0]!.slice(contentCol)
      out.push(...lines)
    } else if (item.t === 'seq' && !item.flow && item.items.length > 0) {
      out.push(`${pad(dashCol)}-`, ...seqLines(st, item, contentCol))
    } else if (item.t === 'scalar' && item.block) {
      out.push(
        `${dash}${props(item)}${item.block.header}`,
        ...item.block.lines.map((l) => (l === '' ? '' : pad(contentCol + st.style.unit) + l)),
      )
    } else if (item.t === 'map' && !item.flow && item.pairs.length > 0) {
      // An anchored mapping item: `- &a` then the mapping below.
      out.push(`${dash}&${item.anchor}`, ...mapLines(st, { ...item, anchor: undefined } as MapN, contentCol))
    } else {
      out.push(`${dash}${flowText(st, item)}${trailing(st)}`)
    }
  }
  return out
}

/** A whole document's lines: the root mapping at column 0. */
export function documentLines(st: RenderState, root: MapN): string[] {
  if (root.flow) return multilineOrInline(st, root)
  return mapLines(st, root, 0)
}

function multilineOrInline(st: RenderState, root: MapN): string[] {
  return root.flow === 'multiline' ? multilineFlow(st, root, 0) : [flowText(st, root)]
}
