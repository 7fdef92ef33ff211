import type { Node } from 'yaml'
import type { Doc } from '../yaml/parse.js'

/** Which document of the input a resource is, for reports and messages. */
export interface ResourceRef {
  /** 0-based index of the document in its file. */
  document: number
  /** When the document is a List (`kubectl get -o yaml|json`): the 0-based index of the resource in its `items`. */
  item?: number
  kind: string
  name?: string
  namespace?: string
}

export interface ResourceBase {
  ref: ResourceRef
  doc: Doc
}
/** A delegate that cannot do mTLS: refused. */
export interface LegacyDelegate extends ResourceBase {
  type: 'legacy'
  reason: string
  at: Node
  /** Chart values: the delegate image they name, for the audit. */
  image?: string
  /** The diagnostic code of the refusal when it is not a legacy delegate's (`LEGACY_DELEGATE`). */
  code?: 'DELEGATE3_VERSION' | 'DELEGATE3_CHART'
  /** What to do instead, when it is not "upgrade to an immutable delegate first". */
  advice?: string
  /** Delegate 3.x: the audit says so. */
  delegateKind?: 'delegate3'
}
