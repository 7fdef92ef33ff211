import type { Diagnostic, FieldRole } from '../errors.js'
import type { Resource, ResourceRef } from '../resources/classify.js'
import type { PathSeg } from '../yaml/lookup.js'
import type { Splice } from '../yaml/splice.js'
import type { EditContext } from '../yaml/edit.js'
import type { BlockLayout, Fragment } from '../yaml/fragment.js'
import type { YAMLMap } from 'yaml'

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
  /**
   * `set` a value, `add` a mapping key, `append` a sequence item, `remove` a sequence item or a mapping key, `insert` a
   * document.
   */
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

/**
 * Where a step's new text goes when several steps share one place. Items appended to one list, or keys added to
 * one mapping, must be written as one block in the list's own layout, and whole-line removals that touch must be
 * merged: so a rule states the placement and the renderer (`src/mtls/render.ts`) makes the splices once every rule has
 * run.
 */
export type Placement =
  | {
      /** One item appended to the list under `key` of `owner` (the key is created when missing). */
      kind: 'append'
      ectx: EditContext
      owner: YAMLMap
      key: string
      item: Fragment
      layout: BlockLayout
      /** A created key goes right after this one instead of at the end of `owner`. */
      createAfter?: string
    }
  | {
      /** One key added to the mapping `owner`. */
      kind: 'add'
      ectx: EditContext
      owner: YAMLMap
      key: string
      value: Fragment
      layout: BlockLayout
    }
  | {
      /** Whole lines of the text taken out. */
      kind: 'remove-lines'
      ectx: EditContext
      ranges: [number, number][]
    }

/** Steps whose splices the renderer makes, in the order they were planned. */
export type Pending = { edit: Edit; place: Placement }[]

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
  /**
   * Secret name in effect for each delegate (`namespacedKey` of its namespace and name), so its upgrader mounts the
   * same Secret.
   */
  secretByDelegate: Map<string, string>
  /** File mode of the secret volume for each delegate (`namespacedKey`): 256 root, 288 non-root. */
  modeByDelegate: Map<string, number>
  /** When a large stream is planned a group at a time: the group and the whole stream (src/mtls/scope.ts). */
  scope?: PlanScope
  /** The resources by name, built on the first lookup (src/mtls/scope.ts). */
  byName?: Map<string | undefined, Resource[]>
  /** Each edited document's indentation step, found on its first edit (src/mtls/context.ts). */
  units?: Map<object, number>
  /** Steps whose splices are made once every rule has run (src/mtls/render.ts). */
  pending?: Pending
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
  /** Every Deployment of the stream, by `namespacedKey`. */
  deployments: Set<string>
  /** The documents planned together now. */
  members: Map<number, Resource>
  /** The delegates by `namespacedKey` (name `delegate` for a nameless one) and by namespace, indexed on first use. */
  delegatesByName?: Map<string, ResourceSummary[]>
  delegatesByNamespace?: Map<string | undefined, ResourceSummary[]>
  /**
   * The stream's cert-manager Certificates, found on the first lookup (src/mtls/tls-secret.ts): one scan, not one a
   * delegate.
   */
  certificates?: ResourceSummary[]
}
