import type { Node } from 'yaml'
import type { Diagnostic } from '../errors.js'
import { classify, type DelegateWorkload, type Resource } from '../resources/classify.js'
import { validate, type SchemaName } from '../validate/index.js'
import { lookup, type PathSeg } from '../yaml/lookup.js'
import { toPlain, type Doc } from '../yaml/parse.js'
import { report } from './context.js'
import { lint } from './lint.js'
import { planDelegate } from './plan-delegate.js'
import { planSecrets } from './plan-secret.js'
import { planUpgraderConfig, planUpgraderCronJob } from './plan-upgrader.js'
import { planHelmValues } from './plan-helm-values.js'
import { planCompose } from './plan-compose.js'
import type { Edit, MtlsOptions, PlanContext } from './types.js'

export interface StreamPlan {
  resources: Resource[]
  edits: Edit[]
  diagnostics: Diagnostic[]
}

/** Validates the part of a resource we rely on; problems are errors at the offending node. */
function validateAt(ctx: PlanContext, schema: SchemaName, base: unknown, basePath: PathSeg[], data: unknown, what: string): boolean {
  const problems = validate(schema, data)
  for (const p of problems) {
    let node: unknown
    for (let i = p.path.length; i >= 0 && !node; i--) node = lookup(base, p.path.slice(0, i))
    const path = [...basePath, ...p.path].join('.')
    report(ctx, 'error', 'SCHEMA', `${what}: ${path} ${p.message}`, (node as Node | undefined) ?? (base as Node))
  }
  return problems.length === 0
}

/** Plans the whole stream (SPEC §2–6): recognise, validate, plan, lint. */
export function planStream(src: string, eol: string, file: string, docs: Doc[], options: MtlsOptions): StreamPlan {
  const resources = docs.map((doc, i) => classify(doc, i))
  const ctx: PlanContext = { src, eol, file, options, resources, edits: [], diagnostics: [], secretByDelegate: new Map(), modeByDelegate: new Map() }
  const plannable: Resource[] = []
  for (const res of resources) {
    const label = `${res.ref.kind} ${res.ref.name ?? ''}`.trim()
    // Only documents that matter are decoded (an alias bomb elsewhere passes through untouched, unexpanded).
    const plain = res.type === 'other' ? { value: undefined } : toPlain(res.doc)
    if ('error' in plain) {
      report(ctx, 'error', 'YAML_SYNTAX', `${label}: cannot be decoded: ${plain.error}`, (res.doc.contents as Node | null) ?? 0)
      continue
    }
    switch (res.type) {
      case 'legacy':
        report(ctx, 'error', 'LEGACY_DELEGATE', `${label}: ${res.reason}; Harness supports mTLS only on immutable delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first`, res.at)
        break
      case 'upgrader-config-invalid':
        report(ctx, 'error', 'CONFIG_YAML_NOT_STRING', `${label}: data."config.yaml" is a mapping, but ConfigMap data values must be strings (the API server rejects it); write it as a block string: config.yaml: |`, res.at)
        break
      case 'delegate':
      case 'upgrader-cronjob': {
        const pod = lookup(res.doc.contents, res.podPath)
        const data = res.podPath.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], plain.value)
        if (validateAt(ctx, 'podSpec', pod, res.podPath, data, label)) plannable.push(res)
        break
      }
      case 'upgrader-config':
      case 'helm-values':
      case 'compose':
        plannable.push(res)
        break
    }
  }
  const order = ['delegate', 'upgrader-config', 'upgrader-cronjob', 'helm-values', 'compose']
  for (const type of order) {
    for (const res of plannable) {
      if (res.type !== type) continue
      if (res.type === 'delegate') planDelegate(ctx, res)
      else if (res.type === 'upgrader-config') planUpgraderConfig(ctx, res)
      else if (res.type === 'upgrader-cronjob') planUpgraderCronJob(ctx, res)
      else if (res.type === 'helm-values') planHelmValues(ctx, res)
      else if (res.type === 'compose') planCompose(ctx, res)
    }
  }
  planSecrets(ctx, plannable.filter((r): r is DelegateWorkload => r.type === 'delegate'))
  if (resources.some((r) => r.type !== 'other')) lint(ctx)
  return { resources, edits: ctx.edits, diagnostics: ctx.diagnostics }
}
