/**
 * A small tree of new YAML to insert, rendered in the style of the place it goes to. Scalars are
 * already source text (see `formatScalar`), so rendering never re-decides quoting.
 */
export type Fragment = ScalarFragment | MapFragment | SeqFragment
export interface ScalarFragment {
  scalar: string
  /** A line comment written after the value in block style (`# 0400`); dropped in flow style. */
  comment?: string
}
export interface MapFragment {
  map: [string, Fragment][]
}
export interface SeqFragment {
  seq: Fragment[]
}

export const scalar = (text: string, comment?: string): ScalarFragment =>
  comment ? { scalar: text, comment } : { scalar: text }
export const map = (...pairs: [string, Fragment][]): MapFragment => ({ map: pairs })
export const seq = (...items: Fragment[]): SeqFragment => ({ seq: items })

/** How block collections are laid out where the fragment goes. */
export interface BlockLayout {
  /** Spaces a nested mapping is indented by. */
  unit: number
  /** `key:\n- item` (true) or `key:\n  - item` (false). */
  compactSeq: boolean
  /** Spaces between `-` and an item's content (1 in `- a`, 2 in the `-  a` style). */
  dashGap: number
}

const pad = (n: number) => ' '.repeat(n)

/** Lines (without line breaks) of a block mapping whose keys start at column `col`. */
export function renderBlockMap(frag: MapFragment, col: number, layout: BlockLayout): string[] {
  const lines: string[] = []
  for (const [key, value] of frag.map) {
    if ('scalar' in value) {
      lines.push(`${pad(col)}${key}: ${value.scalar}${value.comment ? ` # ${value.comment}` : ''}`)
    } else if ('map' in value) {
      lines.push(`${pad(col)}${key}:`, ...renderBlockMap(value, col + layout.unit, layout))
    } else {
      lines.push(`${pad(col)}${key}:`, ...renderBlockSeq(value, layout.compactSeq ? col : col + layout.unit, layout))
    }
  }
  return lines
}

/** Lines of a block sequence whose dashes stand at column `dashCol`. */
export function renderBlockSeq(frag: SeqFragment, dashCol: number, layout: BlockLayout): string[] {
  const lines: string[] = []
  const contentCol = dashCol + 1 + layout.dashGap
  for (const item of frag.seq) {
    const inner =
      'scalar' in item
        ? [`${pad(contentCol)}${item.scalar}`]
        : 'map' in item
          ? renderBlockMap(item, contentCol, layout)
          : renderBlockSeq(item, contentCol, layout)
    inner[0] = `${pad(dashCol)}-${pad(layout.dashGap)}${inner[0]!.slice(contentCol)}`
    lines.push(...inner)
  }
  return lines
}

/** A scalar's source as JSON: numbers, booleans, null and double-quoted strings stand; a plain string is quoted. */
export const jsonScalar = (text: string): string =>
  /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|"(?:[^"\\]|\\.)*")$/.test(text) ? text : JSON.stringify(text)

/**
 * One-line flow rendering: `{name: X, value: "Y"}`; `padded` gives `{ name: X }`; `json` gives
 * `{"name": "X", "value": "Y"}`, for a file written in JSON (which must stay JSON: kubectl reads a
 * file that starts with `{` as JSON).
 */
export function renderFlow(frag: Fragment, padded = false, json = false): string {
  if ('scalar' in frag) return json ? jsonScalar(frag.scalar) : frag.scalar
  const [open, close] = 'map' in frag ? ['{', '}'] : ['[', ']']
  const key = (k: string) => (json ? JSON.stringify(k) : k)
  const parts =
    'map' in frag
      ? frag.map.map(([k, v]) => `${key(k)}: ${renderFlow(v, padded, json)}`)
      : frag.seq.map((v) => renderFlow(v, padded, json))
  if (parts.length === 0) return open + close
  return padded ? `${open} ${parts.join(', ')} ${close}` : `${open}${parts.join(', ')}${close}`
}
