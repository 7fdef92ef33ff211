import { normalizeEndpoint } from '../mtls/endpoint.js'
import { checkMountPath } from '../mtls/mount-path.js'

/** The group, version and kind of the typed functionConfig (schemas/delegate-mtls-function.schema.json). */
export const FN_API_VERSION = 'delegate-mtls.harness.io/v1alpha1'
export const FN_KIND = 'DelegateMtls'

/** What a function run may set: the migration's options, as `migrate` names them. */
export interface FnSettings {
  endpoint?: string
  secretName?: string
  mountPath?: string
  tiService?: boolean
  grpcAuthority?: boolean
}

const STRINGS = ['endpoint', 'secretName', 'mountPath'] as const
const BOOLEANS = ['tiService', 'grpcAuthority'] as const
const KEYS: readonly string[] = [...STRINGS, ...BOOLEANS]

/** A functionConfig we cannot use: said as the user can fix it. */
export class FunctionConfigError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * The settings a functionConfig holds: a ConfigMap's `data` (what `kpt fn eval --exec … -- key=value`
 * passes; every value a string, booleans as "true"/"false") or a DelegateMtls object's `spec`.
 * No functionConfig: no settings. Throws FunctionConfigError, or a UsageError for an endpoint or mount
 * path in the wrong form.
 */
export function settingsFromConfig(fc: unknown): FnSettings {
  if (fc === undefined || fc === null) return {}
  if (!isObject(fc)) throw new FunctionConfigError('functionConfig must be an object: a ConfigMap or a ' + FN_KIND)
  const { apiVersion, kind } = fc
  let fields: unknown
  let where: string
  if (kind === 'ConfigMap' && apiVersion === 'v1') {
    fields = fc.data ?? {}
    where = 'functionConfig data'
  } else if (kind === FN_KIND && apiVersion === FN_API_VERSION) {
    fields = fc.spec ?? {}
    where = 'functionConfig spec'
  } else {
    throw new FunctionConfigError(
      `functionConfig is ${String(apiVersion)} ${String(kind)}: expected a ConfigMap (apiVersion v1, the fields in ` +
        `data, as "kpt fn eval … -- endpoint=https://…" passes them) or apiVersion ` +
        `${FN_API_VERSION}, kind ${FN_KIND} (the fields in spec)`,
    )
  }
  if (!isObject(fields)) throw new FunctionConfigError(`${where} must be a mapping of ${KEYS.join(', ')}`)
  const out: FnSettings = {}
  for (const [key, value] of Object.entries(fields)) {
    if ((STRINGS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value === '')
        throw new FunctionConfigError(`${where}: ${key} must be a non-empty string, found ${JSON.stringify(value)}`)
      // Checked here, to name where the value came from; kept as written, for mergeSettings to compare.
      if (key === 'endpoint') normalizeEndpoint(value, `${where}: endpoint`)
      if (key === 'mountPath') checkMountPath(value, `${where}: mountPath`)
      out[key as (typeof STRINGS)[number]] = value
    } else if ((BOOLEANS as readonly string[]).includes(key)) {
      // A ConfigMap's data holds strings only; kpt passes `tiService=true` as the string "true".
      if (value === true || value === 'true') out[key as (typeof BOOLEANS)[number]] = true
      else if (value === false || value === 'false') out[key as (typeof BOOLEANS)[number]] = false
      else throw new FunctionConfigError(`${where}: ${key} must be true or false, found ${JSON.stringify(value)}`)
    } else {
      throw new FunctionConfigError(`${where}: unknown key "${key}"; expected one of ${KEYS.join(', ')}`)
    }
  }
  return out
}

/**
 * The functionConfig's settings over the command line's. A field given in both, with different
 * values, is an error: the run would otherwise silently ignore one of them.
 */
export function mergeSettings(config: FnSettings, flags: FnSettings): FnSettings {
  const out: FnSettings = { ...flags }
  for (const key of KEYS as (keyof FnSettings)[]) {
    const c = config[key]
    if (c === undefined) continue
    const f = flags[key]
    if (f !== undefined && f !== c)
      throw new FunctionConfigError(
        `${key} is ${JSON.stringify(c)} in the functionConfig but ${JSON.stringify(f)} on the command line: ` +
          'give it in one place',
      )
    ;(out as Record<string, unknown>)[key] = c
  }
  return out
}
