import { isMap, isScalar, isSeq, parseDocument, type Node, type Scalar, type YAMLMap } from 'yaml'
import { formatPath, lookup, pairOf, stringAt, type PathSeg } from '../yaml/lookup.js'
import { K8S_PARSE, type Doc } from '../yaml/parse.js'
import { linePos } from '../yaml/source.js'
import {
  CHART_NAME,
  helmImage,
  legacyValues,
  looksLikeChartValues,
  type HelmValues,
  type ValuesHost,
} from './helm-values.js'
import type { LegacyDelegate, ResourceRef } from './types.js'

const FLUX_API = /^helm\.toolkit\.fluxcd\.io\/v2(beta[12])?$/
const ARGO_API = /^argoproj\.io\/v1alpha1$/

/** A chart field names the chart: `harness-delegate-ng`, or a path or URL whose last part it is. */
const namesChart = (s: string | undefined) => s !== undefined && s.replace(/\/+$/, '').split('/').pop() === CHART_NAME

/** A values path under one of the keys the migration sets. */
export const OUR_KEYS = /^(managerEndpoint|mTLS|custom_envs)([.[]|$)/

/** A key that is absent, or present with no value (`values:`, `values: ~`). */
const isAbsent = (n: unknown) => n === undefined || n === null || (isScalar(n) && n.value === null)

/**
 * A Flux HelmRelease or an Argo CD Application of the harness-delegate-ng chart: its values, to be
 * migrated as a values file is. Undefined for any other document (another chart included).
 */
export function recogniseGitOpsValues(doc: Doc, ref: ResourceRef): HelmValues | LegacyDelegate | undefined {
  const root = doc.contents
  const api = stringAt(root, 'apiVersion') ?? ''
  if (ref.kind === 'HelmRelease' && FLUX_API.test(api)) return helmRelease(doc, ref)
  if (ref.kind === 'Application' && ARGO_API.test(api)) return application(doc, ref)
  return undefined
}

/**
 * `spec.chart.spec.chart` names the chart; a `spec.chartRef` (an OCIRepository or HelmChart, which may
 * live in another file or only in the cluster) does not, so there the values must show the chart's keys
 * as a values file's do.
 */
function helmRelease(doc: Doc, ref: ResourceRef): HelmValues | LegacyDelegate | undefined {
  const spec = lookup(doc.contents, ['spec'])
  const values = pairOf(spec, 'values')?.value
  const named = namesChart(stringAt(lookup(spec, ['chart', 'spec']), 'chart'))
  if (!named && !(isMap(lookup(spec, ['chartRef'])) && isMap(values) && looksLikeChartValues(values))) return undefined
  const host: ValuesHost = {}
  const from = lookup(spec, ['valuesFrom'])
  // An entry with a targetPath sets that one value: only one of the keys the migration sets matters.
  const relevant = isSeq(from)
    ? from.items.filter((i) => {
        const target = stringAt(i, 'targetPath')
        return target === undefined || OUR_KEYS.test(target)
      })
    : []
  if (relevant.length > 0)
    host.outside = {
      what: 'spec.valuesFrom',
      items: relevant.map((i) => `${stringAt(i, 'kind') ?? 'object'} ${stringAt(i, 'name') ?? '?'}`),
      at: from!,
    }
  return withValues(doc, ref, ['spec', 'values'], values, host)
}

/**
 * The one source (`spec.source`, or an item of `spec.sources`) whose `chart` is the chart (or, for a
 * chart in Git, whose `path` ends in it). Argo CD renders `helm.valuesObject` alone when it is set, else
 * the `helm.values` string; `helm.valueFiles` come before either, `helm.parameters` after.
 */
function application(doc: Doc, ref: ResourceRef): HelmValues | LegacyDelegate | undefined {
  const spec = lookup(doc.contents, ['spec'])
  const sources: { source: YAMLMap; path: PathSeg[] }[] = []
  const single = lookup(spec, ['source'])
  if (isMap(single)) sources.push({ source: single, path: ['spec', 'source'] })
  const multi = lookup(spec, ['sources'])
  if (isSeq(multi))
    multi.items.forEach((s, i) => {
      if (isMap(s)) sources.push({ source: s, path: ['spec', 'sources', i] })
    })
  const ours = sources.filter(
    ({ source }) =>
      namesChart(stringAt(source, 'chart')) || (!source.has('chart') && namesChart(stringAt(source, 'path'))),
  )
  if (ours.length === 0) return undefined
  const { source, path } = ours[0]!
  const helmPath = [...path, 'helm']
  const helm = source.get('helm', true)
  const host: ValuesHost = {}
  if (ours.length > 1) {
    host.problem = {
      code: 'UNSUPPORTED',
      message:
        `${ours.length} sources use chart ${CHART_NAME}; delegate-mtls migrates the values ` +
        `of one delegate per Application: give each delegate its own Application`,
      at: ours[1]!.source,
    }
  }
  const files = lookup(helm, ['valueFiles'])
  if (isSeq(files) && files.items.length > 0)
    host.outside = {
      what: formatPath([...helmPath, 'valueFiles']),
      items: files.items.map((f) => (isScalar(f) ? String(f.value) : '?')),
      at: files,
    }
  const parameters = lookup(helm, ['parameters'])
  if (isSeq(parameters) && parameters.items.length > 0) host.parameters = parameters
  const object = isMap(helm) ? (helm.get('valuesObject', true) as Node | null | undefined) : undefined
  const string = isMap(helm) ? (helm.get('values', true) as Node | null | undefined) : undefined
  if (!isAbsent(object)) {
    if (!isAbsent(string)) host.ignored = string!
    return withValues(doc, ref, [...helmPath, 'valuesObject'], object, host)
  }
  if (isAbsent(string)) return withValues(doc, ref, [...helmPath, 'valuesObject'], undefined, host)
  const at = [...helmPath, 'values']
  if (!isScalar(string) || typeof string.value !== 'string') {
    host.problem ??= {
      code: 'SCHEMA',
      message: `${formatPath(at)} must be a string holding YAML (values: |); a mapping belongs in valuesObject`,
      at: string!,
    }
    return withValues(doc, ref, at, undefined, host)
  }
  const inner = parseDocument(string.value, K8S_PARSE) as Doc
  const error = inner.errors[0]
  if (error) {
    host.problem ??= {
      code: 'YAML_SYNTAX',
      message:
        `invalid YAML in ${formatPath(at)} (line ${linePos(string.value, error.pos[0]).line} ` +
        `of the string): ${error.message.split('\n')[0]}`,
      at: string,
    }
    return withValues(doc, ref, at, undefined, host)
  }
  const values = withValues(doc, ref, at, inner.contents, host, string)
  if (values.type === 'helm-values') values.text = { node: string, doc: inner }
  return values
}

/**
 * The values at `path` (a mapping; absent or empty: none), refused like a values file when they are a
 * legacy delegate's. `scalar` is the string they were read from, where a refusal is reported.
 */
function withValues(
  doc: Doc,
  ref: ResourceRef,
  path: PathSeg[],
  node: unknown,
  host: ValuesHost,
  scalar?: Scalar,
): HelmValues | LegacyDelegate {
  let root: YAMLMap | undefined
  // An empty mapping (`values: {}`) holds no delegate settings, as no values do.
  if (isMap(node)) root = node.items.length > 0 ? node : undefined
  else if (!isAbsent(node))
    host.problem ??= {
      code: 'SCHEMA',
      message: `${formatPath(path)} must be a mapping of chart values`,
      at: scalar ?? (node as Node),
    }
  if (root && !host.problem) {
    const legacy = legacyValues(root)
    if (legacy) {
      const image = legacy.image ?? helmImage(root)?.ref
      return {
        type: 'legacy',
        ref,
        doc,
        ...legacy,
        reason: `${formatPath(path)}: ${legacy.reason}`,
        at: scalar ?? legacy.at,
        ...(image ? { image } : {}),
      }
    }
  }
  return { type: 'helm-values', ref, doc, root, path, host }
}
