import type { Node } from 'yaml'
import type { DiagnosticCode, Severity } from '../errors.js'
import type { Resource, ResourceRef } from '../resources/classify.js'
import type { EditContext } from '../yaml/edit.js'
import { indentUnit } from '../yaml/layout.js'
import { formatPath, type PathSeg } from '../yaml/lookup.js'
import { linePos } from '../yaml/source.js'
import type { Splice } from '../yaml/splice.js'
import { render } from './render.js'
import type { Change, ChangeOp, Edit, FieldRole, Placement, PlanContext } from './types.js'

/** Records a diagnostic at a node (or an offset) of the stream. */
export function report(
  ctx: PlanContext,
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  at?: Node | number,
  about: { role?: FieldRole; subject?: string } = {},
): void {
  const offset = typeof at === 'number' ? at : at?.range?.[0]
  const pos = offset === undefined ? {} : linePos(ctx.src, offset)
  ctx.diagnostics.push({ code, severity, message, file: ctx.file, ...pos, ...about })
}

/**
 * The edit context for one document: the stream's text and line ending, the document's indent step.
 * The steps are kept on the plan's context, not in a module-level WeakMap: V8 promotes what such a map
 * holds to its old generation, which made every file's syntax trees outlive their plan in a batch.
 */
export function editContext(ctx: PlanContext, resource: Resource): EditContext {
  ctx.units ??= new Map()
  let unit = ctx.units.get(resource.doc)
  if (unit === undefined) {
    unit = indentUnit(ctx.src, resource.doc.contents)
    ctx.units.set(resource.doc, unit)
  }
  return { src: ctx.src, eol: ctx.eol, unit }
}

/** Display path parts: a key, an index, or `[name=x]` for an item found by name. */
export type DisplaySeg = PathSeg | { name: string }

/** One planned change as a rule states it: the change, where it lands, and the splices that make it. */
export interface Step {
  resource: ResourceRef
  op: ChangeOp
  /** Index-based path in the decoded document (see Edit.ptr). */
  ptr: PathSeg[]
  /** The path as reports show it, items found by name as `[name=x]`. */
  display: DisplaySeg[]
  before?: unknown
  after?: unknown
  role: FieldRole
  reason: string
  /** The text splices that make the change; none when `place` says where its text goes. */
  splices: Splice[]
  /** Where the new text goes when other steps write into the same place (src/mtls/render.ts). */
  place?: Placement
  /** Path inside the YAML document held as a string at `ptr` (the upgrader's `config.yaml`). */
  inner?: PathSeg[]
  /** The real new value when `after` is redacted (Secret data); only the guard reads it. */
  value?: unknown
  /** For `insert`: the new document goes right before this input document. */
  insertBefore?: number
}

/** Records one planned change and the splices that make it. */
export function plan(ctx: PlanContext, step: Step): void {
  const { resource, op, ptr, display, role, reason, splices, inner, place } = step
  const change: Change = {
    resource,
    path: formatPath(display),
    op,
    ...('before' in step ? { before: step.before } : {}),
    ...('after' in step ? { after: step.after } : {}),
    role,
    reason,
  }
  const edit: Edit = inner ? { change, ptr, inner, splices: [...splices] } : { change, ptr, splices: [...splices] }
  if ('value' in step) edit.value = step.value
  if (step.insertBefore !== undefined) edit.insertBefore = step.insertBefore
  ctx.edits.push(edit)
  if (place) (ctx.pending ??= []).push({ edit, place })
}

/** Makes the splices of the steps that named a placement (src/mtls/render.ts): once, after every rule has run. */
export function renderPlaced(ctx: PlanContext): void {
  if (ctx.pending === undefined) return
  render(ctx.pending)
  delete ctx.pending
}
