import { isMap, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import { UsageError } from '../errors.js'
import { composeEnv, type ComposeFile, type ComposeService } from '../resources/compose.js'
import { imageDoubt } from '../resources/delegate-kind.js'
import { CERT_FILE, KEY_FILE } from '../resources/wanted-state.js'
import { addPairs, removeItem, setScalar } from '../yaml/edit.js'
import { removePair, setPairValue } from '../yaml/edit-pairs.js'
import { scalar } from '../yaml/fragment.js'
import { layoutFor } from '../yaml/layout.js'
import { pairOf, stringAt, type PathSeg } from '../yaml/lookup.js'
import { formatScalar } from '../yaml/scalar.js'
import { replaceRange } from '../yaml/splice.js'
import { editContext, plan, report, type DisplaySeg } from './context.js'
import { wantedEnv } from './plan-env.js'
import { layoutIn } from './plan-pod.js'
import type { FieldRole, PlanContext } from './types.js'

export const DEFAULT_CERT_PATH = './client.crt'
export const DEFAULT_KEY_PATH = './client.key'

/** A compose bind source: absolute, `./`, `../` or `~/` (a bare name would be a named volume). */
const isHostPath = (p: string) => /^(\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(p)

/** Validates `--cert-path` / `--key-path`; returns only the ones given, so options stay minimal. */
export function composeHostPaths(opts: { certPath?: string; keyPath?: string }): {
  certPath?: string
  keyPath?: string
} {
  const out: { certPath?: string; keyPath?: string } = {}
  for (const [key, flag] of [
    ['certPath', '--cert-path'],
    ['keyPath', '--key-path'],
  ] as const) {
    const v = opts[key]
    if (v === undefined) continue
    if (!isHostPath(v) || /[:\s]/.test(v.replace(/^[A-Za-z]:/, ''))) {
      throw new UsageError(
        `${flag} "${v}" must be a host path such as ./client.crt or /etc/harness/client.crt (a bare ` +
          `name is a named volume in compose; no ':' or spaces)`,
      )
    }
    out[key] = v
  }
  return out
}

/** A volume of a compose service, in short (`src:dst[:mode]`) or long (`{source, target, read_only}`) syntax. */
export interface ComposeVolume {
  index: number
  node: Node
  source?: string
  target: string
  readOnly: boolean
  /** Short syntax: the mode field (`ro`, `rw,z` …). */
  mode?: string
}

/** Splits short syntax, keeping a Windows drive letter with its path. */
export function parseShortVolume(text: string): { source?: string; target: string; mode?: string } {
  const parts = text.split(':')
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0]!) && /^[\\/]/.test(parts[1]!))
    parts.splice(0, 2, `${parts[0]}:${parts[1]}`)
  if (parts.length === 1) return { target: parts[0]! }
  const out: { source?: string; target: string; mode?: string } = { source: parts[0]!, target: parts[1]! }
  if (parts[2] !== undefined) out.mode = parts.slice(2).join(':')
  return out
}

const trimSlash = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p)

/** The volumes of a service, with their targets normalised (no trailing `/`). */
export function composeVolumes(service: YAMLMap): ComposeVolume[] {
  const vols = service.get('volumes', true)
  if (!isSeq(vols)) return []
  const out: ComposeVolume[] = []
  vols.items.forEach((item, index) => {
    if (isScalar(item) && typeof item.value === 'string') {
      const v = parseShortVolume(item.value)
      const entry: ComposeVolume = {
        index,
        node: item as Node,
        target: trimSlash(v.target),
        readOnly: (v.mode ?? '').split(',').includes('ro'),
      }
      if (v.source !== undefined) entry.source = v.source
      if (v.mode !== undefined) entry.mode = v.mode
      out.push(entry)
    } else if (isMap(item)) {
      const target = stringAt(item, 'target')
      if (target === undefined) return
      const entry: ComposeVolume = {
        index,
        node: item as Node,
        target: trimSlash(target),
        readOnly: item.get('read_only') === true,
      }
      const source = stringAt(item, 'source')
      if (source !== undefined) entry.source = source
      out.push(entry)
    }
  })
  return out
}

/**
 * docker-compose files of immutable delegates: the same env changes as a manifest, and the cert and key bind-mounted
 * read-only.
 */
export function planCompose(ctx: PlanContext, res: ComposeFile): void {
  for (const d of res.delegates) {
    const image = d.node.get('image', true) as Node | undefined
    const ref = stringAt(d.node, 'image') ?? ''
    if (d.kindDisagreement)
      report(ctx, 'warning', 'IMAGE', d.kindDisagreement, image ?? d.node, { subject: `service ${d.service}` })
    const doubt = imageDoubt(ref, d.delegateKind ?? 'classic')
    if (doubt)
      report(ctx, 'warning', 'IMAGE', `service ${d.service}: ${doubt}`, image ?? d.node, {
        subject: `service ${d.service}`,
      })
    ensureComposeEnv(ctx, res, d)
    ensureComposeMounts(ctx, res, d)
  }
  for (const u of res.upgraders) {
    report(
      ctx,
      'warning',
      'UNSUPPORTED',
      `service ${u.service} is the Docker upgrader, which has no documented mTLS settings: left ` +
        `unchanged (under STRICT it cannot reach Harness; upgrade this delegate by hand)`,
      u.node,
      { subject: `service ${u.service}` },
    )
  }
}

function ensureComposeEnv(ctx: PlanContext, res: ComposeFile, d: ComposeService): void {
  const ectx = editContext(ctx, res)
  const svcPtr: PathSeg[] = ['services', d.service]
  const envPtr: PathSeg[] = [...svcPtr, 'environment']
  const envDisplay: DisplaySeg[] = [...envPtr]
  const envNode = d.node.get('environment', true) as unknown
  const { form, entries } = composeEnv(d.node)
  const hasEnvFile = d.node.has('env_file')
  const appended: { name: string; value: string; role: FieldRole; reason: string }[] = []
  for (const want of wantedEnv(ctx, d.delegateKind)) {
    const found = entries.find((e) => e.name === want.name)
    const old = want.oldName ? entries.find((e) => e.name === want.oldName) : undefined
    const entry = found ?? old
    if (!entry) {
      if (!want.addIfMissing) continue
      if (want.unlessPresent && entries.some((e) => e.name === want.unlessPresent)) continue
      if (want.manager) {
        if (hasEnvFile) {
          report(
            ctx,
            'warning',
            'NOT_CHANGED',
            `service ${d.service}: ${want.name} may come from its env_file, which is not in the ` +
              `input: set it to "${want.value}" there`,
            d.node.get('env_file', true) as Node,
            { role: want.role, subject: `service ${d.service}` },
          )
          continue
        }
        report(ctx, 'warning', 'ADDED_ENDPOINT', `service ${d.service} had no ${want.name}; added it`, d.node, {
          subject: `service ${d.service}`,
        })
      }
      appended.push({ name: want.name, value: want.value, role: want.role, reason: want.reason })
      continue
    }
    const display = [...envDisplay, { name: entry.name }]
    if (found && old) {
      const reason = `${want.oldName} is ignored by the delegate; ${want.name} is set`
      if (form === 'list')
        plan(ctx, {
          resource: res.ref,
          op: 'remove',
          ptr: [...envPtr, old.index!],
          display: display.slice(0, -1).concat({ name: old.name }),
          before: `${old.name}${old.value === undefined ? '' : `=${old.value}`}`,
          role: want.role,
          reason: reason,
          splices: [removeItem(ectx, envNode as YAMLSeq, old.index!)],
        })
      else
        plan(ctx, {
          resource: res.ref,
          op: 'remove',
          ptr: [...envPtr, old.name],
          display: [...envPtr, old.name],
          before: old.value ?? null,
          role: want.role,
          reason: reason,
          splices: [removePair(ectx, envNode as YAMLMap, pairOf(envNode, old.name)!)],
        })
    }
    if (entry.value === undefined && want.kind === 'endpoint') {
      report(
        ctx,
        'warning',
        'NOT_CHANGED',
        `service ${d.service}: ${want.name} is passed through from the host environment: set it to ` +
          `"${want.value}" there (or in .env)`,
        entry.node,
        { role: want.role, subject: `service ${d.service}` },
      )
      continue
    }
    if (entry.value !== undefined && want.kind === 'endpoint' && /\$\{?[A-Za-z_]/.test(entry.value)) {
      report(
        ctx,
        'warning',
        'NOT_CHANGED',
        `service ${d.service}: ${want.name} comes from a variable (${entry.value}): set it to ` +
          `"${want.value}" in .env or the shell`,
        entry.node,
        { role: want.role, subject: `service ${d.service}` },
      )
      continue
    }
    const renamed = entry !== found
    if (!renamed && entry.value === want.value) continue
    const reason = renamed ? `the delegate reads only ${want.name}; ${want.oldName} is ignored` : want.reason
    if (form === 'list') {
      const text = `${want.name}=${want.value}`
      const before = `${entry.name}${entry.value === undefined ? '' : `=${entry.value}`}`
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: [...envPtr, entry.index!],
        display: [...envDisplay, { name: want.name }],
        before,
        after: text,
        role: want.role,
        reason: reason,
        splices: [setScalar(ectx, entry.node as Scalar, text)],
      })
    } else {
      const pair = pairOf(envNode, entry.name)! as Pair
      const valueSplice = setPairValue(ectx, pair, want.value, formatScalar(want.value))
      if (renamed) {
        plan(ctx, {
          resource: res.ref,
          op: 'remove',
          ptr: [...envPtr, entry.name],
          display: [...envPtr, entry.name],
          before: entry.value ?? null,
          role: want.role,
          reason: reason,
          splices: [setScalar(ectx, pair.key as Scalar, want.name)],
        })
        plan(ctx, {
          resource: res.ref,
          op: 'add',
          ptr: [...envPtr, want.name],
          display: [...envPtr, want.name],
          after: want.value,
          role: want.role,
          reason: reason,
          splices: entry.value === want.value ? [] : [valueSplice],
        })
      } else {
        plan(ctx, {
          resource: res.ref,
          op: 'set',
          ptr: [...envPtr, entry.name],
          display: [...envPtr, entry.name],
          before: entry.value ?? null,
          after: want.value,
          role: want.role,
          reason: reason,
          splices: [valueSplice],
        })
      }
    }
  }
  if (appended.length === 0) return
  if (form === 'map') {
    const layout = layoutFor(ectx.unit, true)
    for (const a of appended)
      plan(ctx, {
        resource: res.ref,
        op: 'add',
        ptr: [...envPtr, a.name],
        display: [...envPtr, a.name],
        after: a.value,
        role: a.role,
        reason: a.reason,
        splices: [],
        place: {
          kind: 'add',
          ectx,
          owner: envNode as YAMLMap,
          key: a.name,
          value: scalar(formatScalar(a.value)),
          layout,
        },
      })
    return
  }
  const lastItem = isSeq(envNode) ? envNode.items[envNode.items.length - 1] : undefined
  const style = isScalar(lastItem) && lastItem.type === Scalar.QUOTE_DOUBLE ? 'double' : 'plain'
  const layout = layoutIn(ectx, d.node, ['environment', 'volumes', 'ports'], false)
  for (const a of appended)
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: envPtr,
      display: envDisplay,
      after: `${a.name}=${a.value}`,
      role: a.role,
      reason: a.reason,
      splices: [],
      place: {
        kind: 'append',
        ectx,
        owner: d.node,
        key: 'environment',
        item: scalar(formatScalar(`${a.name}=${a.value}`, style)),
        layout,
      },
    })
}

function ensureComposeMounts(ctx: PlanContext, res: ComposeFile, d: ComposeService): void {
  const ectx = editContext(ctx, res)
  const m = ctx.options.mountPath
  const volPtr: PathSeg[] = ['services', d.service, 'volumes']
  const volumes = composeVolumes(d.node)
  const wanted = [
    { target: `${m}/${CERT_FILE}`, source: ctx.options.certPath ?? DEFAULT_CERT_PATH, what: 'client certificate' },
    { target: `${m}/${KEY_FILE}`, source: ctx.options.keyPath ?? DEFAULT_KEY_PATH, what: 'client key' },
  ]
  const seen = new Set<number>()
  const appended: string[] = []
  for (const w of wanted) {
    const existing = volumes.find((v) => v.target === w.target) ?? volumes.find((v) => v.target === m)
    if (!existing) {
      appended.push(`${w.source}:${w.target}:ro`)
      continue
    }
    if (existing.readOnly || seen.has(existing.index)) continue
    seen.add(existing.index)
    const reason = `the ${w.what} mount is read-only`
    if (isScalar(existing.node)) {
      const modes = (existing.mode ?? '').split(',').filter((x) => x !== '' && x !== 'rw')
      const before = String(existing.node.value)
      const after = `${existing.source ?? ''}:${existing.target}:${['ro', ...modes].join(',')}`
      plan(ctx, {
        resource: res.ref,
        op: 'set',
        ptr: [...volPtr, existing.index],
        display: [...volPtr, existing.index],
        before,
        after,
        role: 'mount',
        reason: reason,
        splices: [setScalar(ectx, existing.node as Scalar, after)],
      })
    } else {
      const item = existing.node as unknown as YAMLMap
      const ro = item.get('read_only', true)
      if (isScalar(ro))
        plan(ctx, {
          resource: res.ref,
          op: 'set',
          ptr: [...volPtr, existing.index, 'read_only'],
          display: [...volPtr, existing.index, 'read_only'],
          before: ro.value,
          after: true,
          role: 'mount',
          reason: reason,
          splices: [replaceRange(ro.range![0], ro.range![1], 'true')],
        })
      else
        plan(ctx, {
          resource: res.ref,
          op: 'add',
          ptr: [...volPtr, existing.index, 'read_only'],
          display: [...volPtr, existing.index, 'read_only'],
          after: true,
          role: 'mount',
          reason: reason,
          splices: [addPairs(ectx, item, [['read_only', scalar('true')]], layoutFor(ectx.unit, true))],
        })
    }
  }
  if (appended.length === 0) return
  const layout = layoutIn(ectx, d.node, ['volumes', 'environment', 'ports'], false)
  for (const a of appended)
    plan(ctx, {
      resource: res.ref,
      op: 'append',
      ptr: volPtr,
      display: volPtr,
      after: a,
      role: 'mount',
      reason:
        `bind-mount the ${a.includes(KEY_FILE) ? 'client key' : 'client certificate'} ` +
        `read-only where the delegate reads it`,
      splices: [],
      place: {
        kind: 'append',
        ectx,
        owner: d.node,
        key: 'volumes',
        item: scalar(formatScalar(a)),
        layout,
        ...(d.node.has('image') ? { createAfter: 'image' } : {}),
      },
    })
}
