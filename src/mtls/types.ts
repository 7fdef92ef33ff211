import type { Diagnostic, FieldRole } from '../errors.js'
import type { Resource, ResourceRef } from '../resources/classify.js'
import type { PathSeg } from '../yaml/lookup.js'
import type { Splice } from '../yaml/splice.js'

export type { FieldRole } from '../errors.js'

/** How a planned change acts on the decoded document. */
export type ChangeOp = 'set' | 'add' | 'append' | 'remove' | 'insert'

/**
 * One intended change, as data: what `--check`, `--diff`, the JSON report and the semantic guard
 * all read. It holds no YAML nodes.
 */
export interface Change {
  /** The resource the change is made in. */
  resource: ResourceRef
  /** kyaml-style path of the changed field, e.g. `spec.template.spec.containers[name=delegate].env[name=X].value`. */
  path: string
  /** `set` a value, `add` a mapping key, `append` a sequence item, `remove` a sequence item or a mapping key, `insert` a document. */
  op: ChangeOp
  /** The decoded value before the change (absent for `add` and `append`). */
  before?: unknown
  /** The decoded value after the change (absent for `remove`). */
  after?: unknown
  /** What part of a ready delegate it is about. */
  role: FieldRole
  /** Why, in a few words a reviewer understands. */
  reason: string
}

/** A change with what it takes to make it: where it lands in the decoded document, and the text splices. */
export interface Edit {
  change: Change
  /** Index-based path in the decoded document (for `add`, ending in the new key; for `append`, the sequence). */
  ptr: PathSeg[]
  /** Path inside the YAML document held as a string at `ptr` (the upgrader's `config.yaml`). */
  inner?: PathSeg[]
  /** The real new value when `change.after` is redacted (Secret data); only the guard reads it. */
  value?: unknown
  /** With `inner`: the embedded document's input text and what planning decoded it to, which the guard reuses. */
  embedded?: { text: string; value: unknown }
  /** For `insert`: the new document goes right before this input document. */
  insertBefore?: number
  splices: Splice[]
}

/** Options of one migration, resolved and validated. */
export interface MtlsOptions {
  /** The mTLS endpoint `E`, normalised: `https://host[:port]`, no path. */
  endpoint: string
  /** Secret name template `S`; may contain `{delegate}`. Default: `client-certificate`. */
  secretName: string
  /** True when the user gave `--secret-name`: an existing volume's secretName is then replaced. */
  secretNameExplicit: boolean
  /** Mount path `M`. Default: `/etc/mtls`. */
  mountPath: string
  /** Add `TI_SERVICE_URL` when the delegate has none. Default: `false`. */
  tiService: boolean
  /** Ensure `GRPC_AUTHORITY_MODIFICATION_DISABLED="true"`. Default: `true`. */
  grpcAuthority: boolean
  /** docker-compose: host path of the client certificate. Default: `./client.crt`. */
  certPath?: string
  /** docker-compose: host path of the client key. Default: `./client.key`. */
  keyPath?: string
  /** Certificate and key (PEM, already validated) to put into the Secret `S`. Default: none. */
  secret?: { certPem: string; keyPem: string }
}

/** Everything the rules of one stream share. */
export interface PlanContext {
  src: string
  /** Where each document starts in `src`, when the stream was split without the parser (src/yaml/spans.ts). */
  starts?: number[]
  eol: string
  file: string
  options: MtlsOptions
  resources: Resource[]
  edits: Edit[]
  diagnostics: Diagnostic[]
  /** Secret name in effect for each delegate name, so its upgrader mounts the same Secret. */
  secretByDelegate: Map<string, string>
  /** File mode of the secret volume for each delegate name (256 root, 288 non-root). */
  modeByDelegate: Map<string, number>
  /** When a large stream is planned a group at a time: the group and the whole stream (src/mtls/scope.ts). */
  scope?: PlanScope
  /** The resources by name, built on the first lookup (src/mtls/scope.ts). */
  byName?: Map<string | undefined, Resource[]>
  /** Each edited document's indentation step, found on its first edit (src/mtls/context.ts). */
  units?: Map<object, number>
}

/** What a lookup between documents may read of a resource: no YAML nodes. */
export interface ResourceSummary {
  ref: ResourceRef
  type: Resource['type']
}

/**
 * A large stream is planned a group of related documents at a time (src/mtls/plan-groups.ts). The
 * scope says which documents are being planned now and what the whole stream holds, so that a lookup
 * that would find a document outside the group is noticed instead of silently missing it.
 */
export interface PlanScope {
  /** Every document of the stream, by name (`undefined` for nameless ones), in document order. */
  byName: Map<string | undefined, ResourceSummary[]>
  /** Every delegate workload of the stream, in document order. */
  delegates: ResourceSummary[]
  /** Names of every Deployment in the stream. */
  deployments: Set<string | undefined>
  /** The documents planned together now. */
  members: Map<number, Resource>
  /** The delegates by name (`delegate` for a nameless one) and by namespace, indexed on first use: one scan, not one a lookup. */
  delegatesByName?: Map<string, ResourceSummary[]>
  delegatesByNamespace?: Map<string | undefined, ResourceSummary[]>
  /** The stream's cert-manager Certificates, found on the first lookup (src/mtls/tls-secret.ts): one scan, not one a delegate. */
  certificates?: ResourceSummary[]
}
