import type { Scalar } from 'yaml'
import { embeddedPos, embeddedSplices } from '../yaml/embedded.js'
import type { PathSeg } from '../yaml/lookup.js'
import { renderPlaced } from './context.js'
import type { Edit, PlanContext } from './types.js'

/** A YAML document held as a string (the upgrader's `config.yaml`, Argo CD's `helm.values`) and where it is. */
export interface Embedded {
  /** The scalar holding the text. */
  node: Scalar
  text: string
  /** Path of the scalar in its outer document. */
  ptr: PathSeg[]
  /** The text decoded, for the guard to reuse; absent when it is not to be reused. */
  decoded?: { value: unknown }
  /** The reported path of an inner change, from the change as the inner rule recorded it. */
  path: (inner: Edit) => string
}

/**
 * Runs `rule` on the embedded document as a stream of its own: its steps name paths inside the text and splice
 * the text. They are then filed under the outer document (`ptr` the scalar, `inner` the path inside), their
 * splices mapped onto the file in one go (a non-literal block scalar is rewritten once), and the rule's
 * diagnostics onto the file's lines.
 */
export function planInside<C extends PlanContext>(ctx: C, at: Embedded, rule: (inner: C) => void): void {
  const inner = { ...ctx, src: at.text, eol: '\n', edits: [], diagnostics: [], units: new Map() } as C
  delete inner.starts
  delete inner.pending
  rule(inner)
  for (const d of inner.diagnostics)
    ctx.diagnostics.push(
      d.line === undefined ? d : { ...d, ...embeddedPos(ctx.src, at.node, { line: d.line, col: d.col ?? 1 }) },
    )
  if (inner.edits.length === 0) return
  renderPlaced(inner)
  const splices = inner.edits.flatMap((e) => e.splices).filter((s) => s.text !== '' || s.end > s.start)
  const outer = embeddedSplices(ctx.src, ctx.eol, at.node, splices)
  inner.edits.forEach((e, i) => {
    ctx.edits.push({
      change: { ...e.change, path: at.path(e) },
      ptr: at.ptr,
      inner: e.ptr,
      ...('value' in e ? { value: e.value } : {}),
      ...(at.decoded ? { embedded: { text: at.text, value: at.decoded.value } } : {}),
      splices: i === 0 ? outer : [],
    })
  })
}
