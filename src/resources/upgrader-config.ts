import { parseDocument } from 'yaml'
import { K8S_PARSE } from '../yaml/parse.js'
import { UPGRADER_HOST_KEY } from './wanted-state.js'

/** What recognition, grouping and `audit` read of an upgrader's `config.yaml`. */
export interface UpgraderConfigFacts {
  /** The Deployment the upgrader upgrades (`workloadName`), when it is a string. */
  workloadName?: string
  /** `delegateConfig.managerHost` (or a top-level `managerHost`), when it is a string. */
  managerHost?: string
}

/**
 * The upgrader's `config.yaml` read as YAML (JSON is YAML too: what Terraform's `jsonencode` writes),
 * not matched line by line, so quoted keys, flow mappings and comments read as the upgrader reads them.
 * `undefined` when the text does not parse to a mapping.
 */
function readConfig(text: string): Record<string, unknown> | undefined {
  // Recognition, grouping and planning each ask about the same config.yaml within moments: the last few
  // answers are kept (a handful of short strings), so a stream of thousands parses each one once.
  if (recent.has(text)) return recent.get(text)
  const value = parseConfig(text)
  recent.set(text, value)
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!)
  return value
}

const RECENT = 64
const recent = new Map<string, Record<string, unknown> | undefined>()

function parseConfig(text: string): Record<string, unknown> | undefined {
  const doc = parseDocument(text, { ...K8S_PARSE, keepSourceTokens: false })
  if (doc.errors.length > 0) return undefined
  const value: unknown = doc.toJS({ maxAliasCount: 100 })
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Is this `config.yaml` the upgrader's: `mode: Delegate`, or a `delegateConfig` mapping? A text that does not
 * parse is taken for one when a line says so, so that planning reports its syntax error at its place instead of
 * passing it through.
 */
export function isUpgraderConfigText(text: string): boolean {
  const config = readConfig(text)
  if (config) return config['mode'] === 'Delegate' || isMapping(config['delegateConfig'])
  return /^\s*["']?(mode["']?\s*:\s*["']?Delegate\b|delegateConfig["']?\s*:)/m.test(text)
}

/** The facts of an upgrader's `config.yaml`; none when it does not parse. */
export function upgraderConfigFacts(text: string): UpgraderConfigFacts {
  const config = readConfig(text)
  if (!config) return {}
  const out: UpgraderConfigFacts = {}
  if (typeof config['workloadName'] === 'string') out.workloadName = config['workloadName']
  const delegateConfig = config['delegateConfig']
  const host = isMapping(delegateConfig) ? delegateConfig[UPGRADER_HOST_KEY] : config[UPGRADER_HOST_KEY]
  if (typeof host === 'string') out.managerHost = host
  return out
}
