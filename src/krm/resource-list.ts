import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml'
import { K8S_PARSE } from '../yaml/parse.js'
import { itemText, type ItemText } from '../yaml/item-text.js'
import { linePos } from '../yaml/source.js'

/** The group/versions of the KRM Functions Specification's wire format. */
export const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1beta1']

/** One item of the list: where its text is, and what the results need to name it. */
export interface ItemSpan extends ItemText {
  apiVersion?: string
  kind?: string
  name?: string
  namespace?: string
  /** `config.kubernetes.io/path` (else the internal one): the file the orchestrator read the item from. */
  path?: string
  /** `config.kubernetes.io/index` (else the internal one): the item's document index in that file. */
  index?: number
}

export interface ResourceListText {
  /** The text without its BOM; every offset points into it. */
  src: string
  items: ItemSpan[]
  /** The decoded `functionConfig`, when there is one. */
  functionConfig?: unknown
  /** The root mapping, to place `results` in. */
  root: YAMLMap
  /** The existing `results` pair, which ours replace. */
  results?: Pair
}

/** Why the input is not a ResourceList we can read, with where, when there is a place. */
export class InvalidResourceList extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message)
  }
}

const annotation = (meta: unknown, ...keys: string[]): string | undefined => {
  const annotations = isMap(meta) ? meta.get('annotations', true) : undefined
  for (const key of keys) {
    const v = isMap(annotations) ? annotations.get(key, true) : undefined
    if (isScalar(v) && v.value !== null && v.value !== undefined) return String(v.value)
  }
  return undefined
}

const text = (map: unknown, key: string): string | undefined => {
  const v = isMap(map) ? map.get(key, true) : undefined
  return isScalar(v) && typeof v.value === 'string' ? v.value : undefined
}

/**
 * Reads a ResourceList (config.kubernetes.io/v1) as text: the items' spans in it, so that each can be
 * edited in place and every other byte kept, and the decoded functionConfig. Throws InvalidResourceList.
 */
export function readResourceList(src: string): ResourceListText {
  const doc = parseDocument(src, { ...K8S_PARSE, keepSourceTokens: false })
  const at = (offset: number) => linePos(src, offset)
  const err = doc.errors[0]
  if (err) {
    const { line, col } = at(err.pos[0])
    throw new InvalidResourceList(
      `invalid YAML: ${err.message.split('\n')[0]!.replace(/ at line \d+.*$/, '')}`,
      line,
      col,
    )
  }
  const root = doc.contents
  if (!isMap(root)) {
    const found = isSeq(root) ? 'a list' : isScalar(root) && root.value !== null ? 'a scalar' : 'an empty document'
    throw new InvalidResourceList(expected(found))
  }
  const apiVersion = text(root, 'apiVersion')
  const kind = text(root, 'kind')
  if (kind !== 'ResourceList' || !RESOURCE_LIST_VERSIONS.includes(apiVersion ?? '')) {
    const where = root.range ? at(root.range[0]) : undefined
    throw new InvalidResourceList(
      expected(`apiVersion ${apiVersion ?? '(none)'}, kind ${kind ?? '(none)'}`),
      where?.line,
      where?.col,
    )
  }
  const itemsNode = root.get('items', true)
  if (itemsNode !== undefined && !isSeq(itemsNode) && !(isScalar(itemsNode) && itemsNode.value === null)) {
    const where = at((itemsNode as Node).range![0])
    throw new InvalidResourceList('items must be a list of objects', where.line, where.col)
  }
  const items: ItemSpan[] = []
  for (const item of isSeq(itemsNode) ? itemsNode.items : []) {
    const node = item as Node
    const where = at(node.range![0])
    if (!isMap(node)) throw new InvalidResourceList('every item must be an object (a mapping)', where.line, where.col)
    const meta = node.get('metadata', true)
    const index = annotation(meta, 'config.kubernetes.io/index', 'internal.config.kubernetes.io/index')
    items.push({
      ...itemText(src, node),
      apiVersion: text(node, 'apiVersion'),
      kind: text(node, 'kind'),
      name: text(meta, 'name'),
      namespace: text(meta, 'namespace'),
      path: annotation(meta, 'config.kubernetes.io/path', 'internal.config.kubernetes.io/path'),
      index: index !== undefined && /^[0-9]+$/.test(index) ? Number(index) : undefined,
    })
  }
  const fc = root.get('functionConfig', true)
  const results = root.items.find((p) => isScalar(p.key) && p.key.value === 'results')
  const out: ResourceListText = { src, items, root }
  if (fc !== undefined && !(isScalar(fc) && fc.value === null)) out.functionConfig = (fc as Node).toJS(doc)
  if (results) out.results = results
  return out
}

const expected = (found: string) =>
  `expected a ResourceList (apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [...]) on standard ` +
  `input, as kpt and kustomize send it; found ${found}`
