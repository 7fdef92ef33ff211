import { isAlias, isCollection, isMap, isScalar, isSeq, visit, type Document, type Node, type YAMLMap } from 'yaml'
import type { Resource } from '../resources/classify.js'
import { report } from './context.js'
import type { PlanContext } from './types.js'

/** What each key of `map` gets from its merge keys (`<<: *a`, `<<: [*a, *b]`), as Kubernetes resolves them. */
function mergedKeys(map: YAMLMap, doc: Document): Map<string, Node> {
  const out = new Map<string, Node>()
  for (const pair of map.items) {
    // With merge keys on (YAML 1.1), the yaml library gives `<<` a symbol value.
    const key = isScalar(pair.key) ? pair.key.value : undefined
    if (key !== '<<' && !(typeof key === 'symbol' && key.description === '<<')) continue
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
    for (const s of sources) {
      const source = isAlias(s) ? s.resolve(doc) : s
      if (!isMap(source)) continue
      for (const p of source.items)
        if (isScalar(p.key) && !out.has(String(p.key.value))) out.set(String(p.key.value), pair.key as Node)
    }
  }
  return out
}

/**
 * A field we may have to change that the map takes from a merge key (`<<: *defaults` supplying `env`): the change
 * would land in the merged-in node, which its anchor shares with every other use. Refused, at the `<<`; returns
 * whether it was. A field the map writes out itself wins over the merged one and is edited as usual.
 */
export function refuseMergedFields(
  ctx: PlanContext,
  doc: Document,
  map: unknown,
  fields: readonly string[],
  label: string,
): boolean {
  if (!isMap(map)) return false
  const merged = mergedKeys(map, doc)
  let refused = false
  for (const field of fields) {
    const at = merged.get(field)
    if (at === undefined || map.has(field)) continue
    report(
      ctx,
      'error',
      'UNSUPPORTED',
      `${label}: ${field} comes from a merge key (<<), and delegate-mtls must change it; changing the merged-in ` +
        `anchor would change its other uses too: write ${field} out in full here`,
      at,
    )
    refused = true
  }
  return refused
}

/**
 * Edits are splices on the text: one that lands inside a node whose anchor is aliased elsewhere in its document
 * (`env: &env` that a sidecar reuses as `env: *env`) would change every use of it. Each such node is refused once,
 * at its anchor.
 */
export function refuseEditsInShared(ctx: PlanContext, resources: Resource[]): void {
  for (const res of resources) {
    const aliased = new Set<string>()
    visit(res.doc, { Alias: (_, n) => void aliased.add(n.source) })
    if (aliased.size === 0) continue
    const shared: Node[] = []
    visit(res.doc, {
      Node: (_, n) => {
        if (n.anchor !== undefined && aliased.has(n.anchor) && n.range) shared.push(n)
      },
    })
    const label = `${res.ref.kind} ${res.ref.name ?? ''}`.trim()
    const reported = new Set<Node>()
    for (const edit of ctx.edits) {
      if (edit.change.resource.document !== res.ref.document) continue
      for (const s of edit.splices) {
        for (const n of shared) {
          const [start, valueEnd, end] = n.range!
          const hit =
            s.start === s.end
              ? start < s.start && s.start <= (isCollection(n) ? end : valueEnd - 1)
              : s.start < valueEnd && s.end > start
          if (!hit || reported.has(n)) continue
          reported.add(n)
          report(
            ctx,
            'error',
            'UNSUPPORTED',
            `${label}: &${n.anchor} is used again as *${n.anchor}, and delegate-mtls must change what it holds ` +
              `(${edit.change.path}); that would change its other uses too: write it out in full where it is used`,
            n,
          )
        }
      }
    }
  }
}
