import type { Diagnostic } from '../errors.js'
import { classify, mayMatter, type Resource } from '../resources/classify.js'
import { parseDocumentsAt, toPlain, type Doc } from '../yaml/parse.js'
import { planResources, type StreamPlan } from './plan.js'
import { configDelegateName } from './plan-upgrader.js'
import { GroupEscape, indexByName, namesOfDeployments, type PlanScope, type ResourceSummary } from './scope.js'
import type { Edit, MtlsOptions, PlanContext } from './types.js'
import { sameNamespace } from '../resources/namespace.js'

export type GroupedPlan = Omit<StreamPlan, 'resources'> & {
  resources: ResourceSummary[]
  /** The documents planned together, each group in document order (the unparsed ones are not listed). */
  groups: number[][]
}

/**
 * Plans a large stream a group of related documents at a time, so that only one group's syntax trees
 * are held at once (a 10,000-document Helm render would otherwise need hundreds of MB).
 *
 * 1. Every document that may matter is parsed on its own, recognised and decoded; only a summary
 *    (kind, name, namespace, type) and the names it mentions are kept.
 * 2. Documents are grouped by the names they mention: a delegate with the ConfigMaps and Secrets it
 *    names, its upgrader's ConfigMap and CronJob.
 * 3. Each group is parsed again and planned. Every lookup of another document goes through
 *    src/mtls/scope.ts: one that would find a document outside the group adds it to the group, which is
 *    then planned again, so the grouping is never trusted, only checked.
 * 4. Edits and diagnostics are put back in the order planning the whole stream at once gives.
 *
 * The result equals `planStream` on the whole stream (test/mtls/plan-groups.test.ts). Returns undefined
 * when a document does not parse on its own: the caller then parses the whole stream, which reports it.
 */
export function planInGroups(
  src: string,
  eol: string,
  file: string,
  options: MtlsOptions,
  starts: number[],
): GroupedPlan | undefined {
  const n = starts.length
  const end = (i: number) => starts[i + 1] ?? src.length
  const summaries: ResourceSummary[] = []
  const parsed: boolean[] = []
  const mentions: string[][] = []
  for (let i = 0; i < n; i++) {
    parsed[i] = mayMatter(src.slice(starts[i]!, end(i)))
    mentions[i] = []
    if (!parsed[i]) {
      summaries.push({ ref: { document: i, kind: '' }, type: 'other' })
      continue
    }
    const doc = parseOne(src, starts[i]!, end(i), false)
    if (!doc) return undefined
    const res = classify(doc, i)
    summaries.push({ ref: res.ref, type: res.type })
    if (res.type === 'other') continue
    const plain = toPlain(doc)
    if ('error' in plain) continue
    // Not kept: the group's planning decodes it again, and the guard too (src/pipeline/guard.ts), so
    // that the decoded documents of a large stream are never all held at once.
    mentions[i] = mentionedNames(res, plain.value, options)
  }

  // Likely groups: documents joined by the names they mention (checked while planning, see above).
  const byName = indexByName(summaries)
  const parent = Array.from({ length: n }, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)]
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y)
  }
  for (let i = 0; i < n; i++) {
    const ns = summaries[i]!.ref.namespace
    for (const name of mentions[i]!) {
      for (const other of byName.get(name) ?? []) {
        const ons = other.ref.namespace
        if (parsed[other.ref.document] && sameNamespace(ns, ons)) union(i, other.ref.document)
      }
    }
  }
  mentions.length = 0 // every string of every document: not held while the groups are planned
  const groups = new Map<number, number[]>()
  for (let i = 0; i < n; i++) {
    if (!parsed[i]) continue
    const g = find(i)
    const list = groups.get(g)
    if (list) list.push(i)
    else groups.set(g, [i])
  }

  const scope: PlanScope = {
    byName,
    delegates: summaries.filter((s) => s.type === 'delegate'),
    deployments: namesOfDeployments(summaries),
    members: new Map(),
  }
  const base: Pick<PlanContext, 'src' | 'eol' | 'file' | 'options' | 'starts'> = { src, eol, file, options, starts }
  const lint = summaries.some((s) => s.type !== 'other')
  const tags = new Map<object, number>()
  const results = new Map<number, { edits: Edit[]; diagnostics: Diagnostic[] }>()
  // The group each document is planned in (it changes when groups merge).
  const groupOf = new Map<number, number>()
  for (const [g, docs] of groups) for (const i of docs) groupOf.set(i, g)

  for (const [g, initial] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (groupOf.get(initial[0]!) !== g) continue // merged into an earlier group
    let docs = initial
    for (;;) {
      const resources = docs.map((i) => classify(parseOne(src, starts[i]!, end(i), true)!, i))
      scope.members = new Map(resources.map((r) => [r.ref.document, r]))
      try {
        const plan = planResources(base, resources, { lint, scope, tags })
        results.set(g, { edits: plan.edits, diagnostics: plan.diagnostics })
        break
      } catch (e) {
        if (!(e instanceof GroupEscape)) throw e
        const joined = new Set(docs)
        for (const d of e.documents) {
          const other = groupOf.get(d)!
          results.delete(other)
          for (const i of groups.get(other) ?? [d]) joined.add(i)
        }
        docs = [...joined].sort((a, b) => a - b)
        for (const i of docs) groupOf.set(i, g)
        groups.set(g, docs)
      }
    }
  }
  const planned = [...results.keys()].sort((a, b) => a - b).map((g) => groups.get(g)!)
  scope.members = new Map()
  // Documents that were not parsed are linted from their text, all in one go.
  const unparsed: Resource[] = summaries
    .filter((s) => !parsed[s.ref.document])
    .map((s) => ({ ...s, type: 'other', doc: EMPTY }))
  const rest = planResources(base, unparsed, { lint, scope, tags })
  results.set(-1, { edits: rest.edits, diagnostics: rest.diagnostics })

  const byStep = <T extends object>(list: T[]) =>
    list
      .map((x, k) => ({ x, k, t: tags.get(x)! }))
      .sort((a, b) => a.t - b.t || a.k - b.k)
      .map((e) => e.x)
  const all = [...results.values()]
  const placeholders = new Set<string>()
  // A placeholder is reported once per stream: at its first occurrence, as the whole-stream lint does. A
  // placeholder's lint is the one LINT with a subject (the placeholder itself).
  const diagnostics = byStep(all.flatMap((r) => r.diagnostics)).filter((d) => {
    if (d.code !== 'LINT' || d.subject === undefined) return true
    if (placeholders.has(d.subject)) return false
    placeholders.add(d.subject)
    return true
  })
  return { groups: planned, resources: summaries, edits: byStep(all.flatMap((r) => r.edits)), diagnostics }
}

/** A document without a syntax tree worth keeping: what an unparsed (masked) document is planned with. */
const EMPTY = { contents: null, range: [0, 0, 0], errors: [], warnings: [] } as unknown as Doc

function parseOne(src: string, start: number, end: number, keepSourceTokens: boolean): Doc | undefined {
  const docs = parseDocumentsAt(src, start, end, keepSourceTokens)
  return docs.length === 1 && docs[0]!.errors.length === 0 ? docs[0] : undefined
}

/**
 * Names a document may refer to: every string in it, and the names derived from it (a delegate's
 * `{delegate}` Secret, the delegate of an upgrader CronJob or ConfigMap).
 */
function mentionedNames(res: Resource, value: unknown, options: MtlsOptions): string[] {
  const out: string[] = []
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(value)
  const name = res.ref.name ?? 'delegate'
  if (res.type === 'delegate') out.push(options.secretName.replaceAll('{delegate}', name))
  if (res.type === 'upgrader-cronjob') out.push(name.replace(/-upgrader-job$/, ''))
  if (res.type === 'upgrader-config') out.push(configDelegateName(String(res.config.value), res.ref.name))
  return out
}
