import { stringify } from 'yaml'
import type { Diagnostic } from '../errors.js'
import type { Change } from '../mtls/types.js'
import { redactSecretData } from '../resources/secret-manifest.js'
import { lineEndAfter, lineStartOf } from '../yaml/source.js'
import { insertAt, replaceRange, type Splice } from '../yaml/splice.js'
import type { ItemSpan, ResourceListText } from './resource-list.js'

/** One entry of a ResourceList's `results` (KRM Functions Specification, `Result`). */
export interface KrmResult {
  message: string
  severity: 'error' | 'warning' | 'info'
  resourceRef?: { apiVersion: string; kind: string; name: string; namespace?: string }
  field?: { path: string; currentValue?: unknown; proposedValue?: unknown }
  file?: { path: string; index: number }
}

/** Where a result points: the item's identity and the file the orchestrator read it from. */
function about(item: ItemSpan | undefined): Pick<KrmResult, 'resourceRef' | 'file'> {
  const out: Pick<KrmResult, 'resourceRef' | 'file'> = {}
  if (item?.apiVersion && item.kind && item.name) {
    out.resourceRef = { apiVersion: item.apiVersion, kind: item.kind, name: item.name }
    if (item.namespace) out.resourceRef.namespace = item.namespace
  }
  if (item?.path) out.file = { path: item.path, index: item.index ?? 0 }
  return out
}

const OP: Record<Change['op'], string> = {
  set: 'set',
  add: 'add',
  append: 'append to',
  remove: 'remove',
  insert: 'insert',
}

/** One `info` result per planned change. The values are the plan's, already redacted for Secret data. */
export function changeResult(change: Change, item: ItemSpan | undefined): KrmResult {
  const where = about(item)
  const out: KrmResult = {
    message: redactSecretData(`${OP[change.op]}: ${change.reason}`),
    severity: 'info',
    ...where,
  }
  // The specification ties a field to a resource: without a name there is no resourceRef, so no field.
  if (where.resourceRef) {
    out.field = { path: change.path }
    if (change.before !== undefined) out.field.currentValue = change.before
    if (change.after !== undefined) out.field.proposedValue = change.after
  }
  return out
}

export function diagnosticResult(d: Diagnostic, item: ItemSpan | undefined): KrmResult {
  return { message: redactSecretData(d.message), severity: d.severity, ...about(item) }
}

/**
 * The splice that sets the list's `results`: an existing `results` is replaced (results are the
 * function's output, not its input), else they are added at the end. A list written as JSON gets
 * them as JSON.
 */
export function resultsSplice(list: ResourceListText, results: KrmResult[], eol: string): Splice | undefined {
  const { root, src } = list
  const range = (n: unknown) => (n as { range: [number, number, number] }).range
  if (results.length === 0) {
    // The results of an earlier run are not this run's: a second run that changes nothing says nothing.
    if (!list.results || root.flow) return undefined
    const start = lineStartOf(src, range(list.results.key)[0])
    const value = list.results.value as { range: [number, number, number] } | null
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start + 1) - 1)), '')
  }
  if (root.flow) {
    const json = `"results": ${JSON.stringify(results)}`
    if (list.results) return replaceRange(range(list.results.key)[0], range(list.results.value)[1], json)
    const close = root.range![1] - 1
    let at = close
    while (at > 0 && /\s/.test(src[at - 1]!)) at--
    return insertAt(at, (src[at - 1] === '{' ? '' : ', ') + json)
  }
  const block = stringify({ results }, { version: '1.1', lineWidth: 0 }).replace(/\n/g, eol)
  if (list.results) {
    const start = range(list.results.key)[0]
    const value = list.results.value as { range: [number, number, number] } | null
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start) - 1)), block)
  }
  return insertAt(src.length, (src === '' || src.endsWith('\n') ? '' : eol) + block)
}
