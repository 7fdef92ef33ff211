import type { Node } from 'yaml'
import type { DiagnosticCode, Severity } from '../errors.js'
import type { Resource, ResourceRef } from '../resources/classify.js'
import type { EditContext } from '../yaml/edit.js'
import { indentUnit } from '../yaml/layout.js'
import { formatPath, type PathSeg } from '../yaml/lookup.js'
import { linePos } from '../yaml/source.js'
import type { Splice } from '../yaml/splice.js'
import type { ChangeOp, PlanContext } from './types.js'

/** Records a diagnostic at a node (or an offset) of the stream. */
export function report(
  ctx: PlanContext,
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  at?: Node | number,
): void {
  const offset = typeof at === 'number' ? at : at?.range?.[0]
  const pos = offset === undefined ? {} : linePos(ctx.src, offset)
  ctx.diagnostics.push({ code, severity, message, file: ctx.file, ...pos })
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

/** Records one planned change and the splices that make it. */
export function plan(
  ctx: PlanContext,
  resource: ResourceRef,
  op: ChangeOp,
  ptr: PathSeg[],
  display: DisplaySeg[],
  values: { before?: unknown; after?: unknown },
  reason: string,
  splices: Splice[],
  inner?: PathSeg[],
): void {
  const change = { resource, path: formatPath(display), op, ...values, reason }
  ctx.edits.push(inner ? { change, ptr, inner, splices } : { change, ptr, splices })
}
