import { InternalError, type Diagnostic } from '../errors.js'
import { migrate, type MigrateResult } from '../pipeline/migrate.js'
import type { MtlsOptions } from '../mtls/types.js'
import { documentStarts } from '../yaml/spans.js'
import { reindent, unindent } from '../yaml/item-text.js'
import type { ItemSpan } from './resource-list.js'

export interface MigratedItems {
  result: MigrateResult
  /** Each item that changed, by item index: its new text, and the document migrate made of it. */
  changed: Map<number, { text: string; document: string }>
  /** The first line of each item's document in the stream given to migrate (1-based), to place diagnostics. */
  firstLines: number[]
}

/**
 * Migrates the items of a ResourceList together, as one stream of documents (so that a delegate finds
 * its ConfigMaps and its upgrader), and gives back the new text of each item that changed. Items are
 * moved to column 0 for migrate and moved back line by line, so an unchanged line keeps its exact bytes.
 */
export function migrateItems(src: string, items: ItemSpan[], options: MtlsOptions, eol: string): MigratedItems {
  const docs = items.map((item) => unindent(src, item, eol))
  const separator = `---${eol}`
  const stream = docs.map((d) => d.lines.join('')).join(separator)
  const firstLines: number[] = []
  for (let i = 0, line = 1; i < docs.length; line += docs[i]!.lines.length + 1, i++) firstLines.push(line)
  const result = migrate(stream, { ...options, file: '<items>' })
  const changed: MigratedItems['changed'] = new Map()
  if (result.status === 'error' || result.output === stream) return { result, changed, firstLines }
  const starts = documentStarts(result.output)
  if (!starts || starts.length !== items.length)
    throw new InternalError(`the migrated items came back as ${starts?.length ?? 'an unknown number of'} documents`)
  const inputs = docs.map((d) => d.lines.join(''))
  starts.forEach((start, i) => {
    let doc = result.output.slice(start, starts[i + 1] ?? result.output.length)
    if (i > 0) {
      if (!doc.startsWith(separator)) throw new InternalError('a migrated item lost its document separator')
      doc = doc.slice(separator.length)
    }
    if (doc !== inputs[i]) changed.set(i, { text: reindent(docs[i]!, doc, items[i]!.col), document: doc })
  })
  return { result, changed, firstLines }
}

/** The item's text as migrate saw it: a check that the list we write holds exactly what migrate made. */
export function itemDocument(src: string, item: ItemSpan, eol: string): string {
  return unindent(src, item, eol).lines.join('')
}

export type { Diagnostic }
