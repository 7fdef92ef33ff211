import type { Diagnostic } from '../errors.js'
import type { Change } from '../mtls/types.js'
import type { ResourceRef } from '../resources/classify.js'

/** What the caller gives: the endpoint and the optional knobs of SPEC §8. */
export interface MigrateOptions {
  /** The mTLS endpoint, e.g. `https://acme.harness.io:8443`. Required. */
  endpoint: string
  /** Secret name; may contain `{delegate}`. Default: `client-certificate`. */
  secretName?: string
  /** Mount path of the client certificate. Default: `/etc/mtls`. */
  mountPath?: string
  /** Add `TI_SERVICE_URL` when missing. Default: `false`. */
  tiService?: boolean
  /** Ensure `GRPC_AUTHORITY_MODIFICATION_DISABLED="true"`. Default: `true`. */
  grpcAuthority?: boolean
  /** docker-compose: host path of the client certificate. Default: `./client.crt`. */
  certPath?: string
  /** docker-compose: host path of the client key. Default: `./client.key`. */
  keyPath?: string
  /** The input's name in messages. Default: `<input>`. */
  file?: string
}

/**
 * `migrated`: changes planned; `already`: a delegate or upgrader needing nothing; `none`: no delegate
 * resource at all (passes through); `error`: nothing may be written.
 */
export type MigrateStatus = 'migrated' | 'already' | 'none' | 'error'

export interface MigrateResult {
  status: MigrateStatus
  /** The migrated text (the input itself when nothing changes or on error). */
  output: string
  changes: Change[]
  diagnostics: Diagnostic[]
  /** True when a value could not be changed here (it lives outside the input): `--check` fails. */
  unresolved: boolean
  /** The delegate-related resources found. */
  resources: (ResourceRef & { type: string })[]
}

/** How a migration runs, beyond what it changes. */
export interface MigrateHooks {
  /** @internal Test seam: lets a test corrupt the spliced text to prove the guard catches it. */
  afterSplice?: (text: string) => string
  /**
   * Run the semantic guard on the output. Default: `true`. Callers that only report whether a file
   * would change (`--check`, `-l`) may skip it: they write nothing, and `--write` guards the same plan.
   */
  verify?: boolean
  /**
   * Plan a group of related documents at a time (src/mtls/plan-groups.ts), holding only one group's
   * syntax trees. Default: for inputs of at least `GROUPED_FROM` characters. Tests force either way.
   */
  grouped?: boolean
}
