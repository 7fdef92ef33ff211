import { stringify } from 'yaml'
import { InternalError, UsageError, formatDiagnostic } from '../errors.js'
import type { Io } from './io.js'
import type { FnArgs } from './args.js'
import { readStdin } from '../io/read-input.js'
import { resolveOptions } from '../pipeline/migrate.js'
import { normalizeEndpoint } from '../mtls/endpoint.js'
import { readSource, writeSource } from '../yaml/source.js'
import { applySplices, replaceRange, type Splice } from '../yaml/splice.js'
import { FunctionConfigError, mergeSettings, settingsFromConfig } from '../krm/function-config.js'
import { InvalidResourceList, readResourceList, type ItemSpan } from '../krm/resource-list.js'
import { changeResult, diagnosticResult, resultsSplice, type KrmResult } from '../krm/results.js'
import { itemDocument, migrateItems } from '../krm/splice-items.js'

/**
 * `delegate-mtls fn`: a KRM function (kustomize's functions-spec.md). A ResourceList on stdin, one on
 * stdout: the items migrated in place (an item with nothing to change keeps its exact text), a result
 * per planned change and per warning. Any error: exit 1, every item as it came, the errors as results
 * (and on stderr). Never exits the process; returns the exit code.
 */
export async function runFn(args: FnArgs, io: Io): Promise<0 | 1> {
  const read = await readStdin(io.stdin, args.maxBytes)
  if ('error' in read) return invalid(io, read.error.message)
  const source = readSource(read.text)
  let list
  try {
    list = readResourceList(source.text)
  } catch (e) {
    if (!(e instanceof InvalidResourceList)) throw e
    const where = e.line !== undefined ? `<stdin>:${e.line}:${e.col}: ` : ''
    return invalid(io, `${where}${e.message}`)
  }
  const { src, items } = list
  const eol = source.eol
  const refuse = (results: KrmResult[]): 1 => {
    for (const r of results.filter((r) => r.severity === 'error')) io.stderr.write(`delegate-mtls fn: ${r.message}\n`)
    const splice = resultsSplice(list, results, eol)
    io.stdout.write(writeSource(source, splice ? applySplices(src, [splice]) : src))
    return 1
  }

  let options
  try {
    const settings = mergeSettings(settingsFromConfig(list.functionConfig), args.settings)
    const endpoint = settings.endpoint ?? args.envEndpoint
    if (!endpoint)
      throw new FunctionConfigError(
        'no endpoint: set endpoint in the functionConfig (kpt fn eval … -- endpoint=https://acme.harness.io:8443), ' +
          'or give --endpoint, or set DELEGATE_MTLS_ENDPOINT',
      )
    if (settings.endpoint === undefined && args.envEndpointFrom) normalizeEndpoint(endpoint, args.envEndpointFrom)
    options = resolveOptions({ ...settings, endpoint })
  } catch (e) {
    if (!(e instanceof FunctionConfigError || e instanceof UsageError)) throw e
    return refuse([{ message: e.message, severity: 'error' }])
  }

  const migrated = migrateItems(src, items, options, eol)
  const { result, firstLines } = migrated
  const itemOfLine = (line: number | undefined): ItemSpan | undefined => {
    if (line === undefined) return undefined
    let i = firstLines.length - 1
    while (i > 0 && firstLines[i]! > line) i--
    return items[i]
  }
  const diagnostics = result.diagnostics.map((d) => diagnosticResult(d, itemOfLine(d.line)))
  if (result.status === 'error') {
    // Without line and column: they are places in the stream migrate read, not in any file the user has.
    for (const d of result.diagnostics.filter((d) => d.severity === 'error'))
      io.stderr.write(
        `delegate-mtls fn: ${formatDiagnostic({
          code: d.code,
          severity: d.severity,
          message: d.message,
          file: describe(itemOfLine(d.line)),
        })}\n`,
      )
    const splice = resultsSplice(list, diagnostics, eol)
    io.stdout.write(writeSource(source, splice ? applySplices(src, [splice]) : src))
    return 1
  }
  const results = [...result.changes.map((c) => changeResult(c, items[c.resource.document])), ...diagnostics]
  const splices: Splice[] = [...migrated.changed].map(([i, c]) => replaceRange(items[i]!.start, items[i]!.end, c.text))
  const last = resultsSplice(list, results, eol)
  if (last) splices.push(last)
  const out = applySplices(src, splices)
  verify(out, migrated.changed, items.length, eol)
  io.stdout.write(writeSource(source, out))
  return 0
}

/**
 * The list we are about to write must read back as the same number of items, each changed one
 * holding exactly the document migrate made (and so passed its guard).
 */
function verify(out: string, changed: Map<number, { document: string }>, count: number, eol: string): void {
  if (changed.size === 0) return
  let again
  try {
    again = readResourceList(out)
  } catch (e) {
    throw new InternalError(`the ResourceList written would not read back: ${(e as Error).message}`)
  }
  if (again.items.length !== count) throw new InternalError(`the ResourceList written has ${again.items.length} items`)
  for (const [i, c] of changed)
    if (itemDocument(out, again.items[i]!, eol) !== c.document)
      throw new InternalError(`item ${i} of the ResourceList written is not the migrated document`)
}

const describe = (item: ItemSpan | undefined): string =>
  item
    ? `${item.path ?? 'item'}${item.index !== undefined ? `[${item.index}]` : ''} ${item.kind ?? ''}/${item.name ?? ''}`
    : '<stdin>'

/** Not a ResourceList we can read: exit 1, the reason on stderr and as the one result of an empty list. */
function invalid(io: Io, message: string): 1 {
  io.stderr.write(`delegate-mtls fn: ${message}\n`)
  const list = {
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    items: [],
    results: [{ message, severity: 'error' }],
  }
  io.stdout.write(stringify(list, { version: '1.1', lineWidth: 0 }))
  return 1
}
