import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'

/** A step in a path: a mapping key or a sequence index. */
export type PathSeg = string | number

/** The node at `path` below `node`, or undefined (kyaml's `Lookup`, without creation). */
export function lookup(node: unknown, path: readonly PathSeg[]): Node | undefined {
  let cur: unknown = node
  for (const seg of path) {
    if (typeof seg === 'number') cur = isSeq(cur) ? cur.items[seg] : undefined
    else cur = isMap(cur) ? cur.get(seg, true) : undefined
    if (cur === undefined || cur === null) return undefined
  }
  return cur as Node
}

/** The pair of `key` in a mapping. */
export function pairOf(mapNode: unknown, key: string): Pair | undefined {
  return isMap(mapNode) ? mapNode.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined
}

/** The string value of `key` in a mapping node, when it is a string scalar. */
export function stringAt(mapNode: unknown, key: string): string | undefined {
  const v = isMap(mapNode) ? mapNode.get(key, true) : undefined
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined
}

/** Index and node of the first mapping item of a sequence whose `field` is `value` (`[name=x]`). */
export function findItem(seq: unknown, field: string, value: string): { index: number; node: YAMLMap } | undefined {
  if (!isSeq(seq)) return undefined
  const index = seq.items.findIndex((item) => stringAt(item, field) === value)
  return index < 0 ? undefined : { index, node: (seq as YAMLSeq).items[index] as YAMLMap }
}

/** kyaml-style display of a path: `spec.template.spec.containers[name=delegate].env[name=X].value`. */
export function formatPath(parts: readonly (PathSeg | { name: string })[]): string {
  let out = ''
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`
    else if (typeof p === 'object') out += `[name=${p.name}]`
    else out += (out ? '.' : '') + (/^[\w-]+$/.test(p) ? p : `"${p}"`)
  }
  return out
}
