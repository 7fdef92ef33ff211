import type { ScalarTag, Tags } from 'yaml'

/*
 * What a plain scalar means to Kubernetes. `kubectl` and the API server read manifests through
 * sigs.k8s.io/yaml, whose fork of goyaml.v2 (`goyaml.v2/resolve.go`) resolves plain scalars differently
 * from the YAML 1.1 schema of the yaml library: `0o400`, `0B1` and `0X10` are integers (Go's
 * `strconv.ParseInt(s, 0, 64)` after removing `_`), `12:30` is a string (no base-60), and a timestamp
 * decoded into an untyped value stays the string that was written. The tags below replace the
 * library's YAML 1.1 scalar tags so that every reader of a manifest here (planners, audit, guard)
 * decodes exactly what Kubernetes decodes; explicit tags (`!!binary`, `!!set` …) and `<<` merges are
 * kept from the YAML 1.1 schema.
 */

const INT = 'tag:yaml.org,2002:int'
const FLOAT = 'tag:yaml.org,2002:float'

/** Go's `ParseInt(s, 0, 64)` / `ParseUint` syntax, once `_` is removed: sign, then base prefix or leading 0. */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/
/** goyaml.v2's `yamlStyleFloat`. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const INT64_MIN = -(2n ** 63n)
const UINT64_MAX = 2n ** 64n - 1n

/** The integer Go reads from `s` (underscores already removed), or undefined when it is none or out of range. */
function goInt(s: string): number | undefined {
  if (!GO_INT.test(s)) return undefined
  const neg = s.startsWith('-')
  let body = s.replace(/^[-+]/, '')
  // BigInt reads 0x/0o/0b (lower case only) and decimal; a bare leading 0 means octal to Go.
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`
  else body = body.replace(/^0([XOB])/, (_m, p: string) => `0${p.toLowerCase()}`)
  const n = neg ? -BigInt(body) : BigInt(body)
  // int64, else (non-negative) uint64; beyond that goyaml.v2 tries a float, which these forms are not.
  return n < INT64_MIN || n > UINT64_MAX ? undefined : Number(n)
}

/** The underscores goyaml.v2 removes before reading a number; only scalars that start with a digit or sign. */
const numeric = (s: string): string | undefined => (/^[-+0-9]/.test(s) ? s.replace(/_/g, '') : undefined)

const nullTag: ScalarTag = {
  identify: (v) => v == null,
  default: true,
  tag: 'tag:yaml.org,2002:null',
  test: /^(?:~|null|Null|NULL)?$/,
  resolve: () => null,
}

const boolTag = (value: boolean, test: RegExp): ScalarTag => ({
  identify: (v) => v === value,
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test,
  resolve: () => value,
})

/** The `resolve_map` floats: `.inf`, `-.Inf`, `.NaN` … in three spellings each. */
const specialFloat: ScalarTag = {
  identify: (v) => typeof v === 'number' && !Number.isFinite(v),
  default: true,
  tag: FLOAT,
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: (s) => (/nan/i.test(s) ? NaN : s.startsWith('-') ? -Infinity : Infinity),
}

const intTag: ScalarTag = {
  identify: (v) => typeof v === 'number' && Number.isInteger(v),
  default: true,
  tag: INT,
  // Says yes exactly when Go parses an integer (a timestamp never does).
  test: { test: (s: string) => goInt(numeric(s) ?? '') !== undefined } as RegExp,
  resolve: (s) => goInt(numeric(s)!)!,
}

const floatTag: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: FLOAT,
  test: {
    test: (s: string) => {
      if (s.startsWith('.')) return GO_FLOAT.test(s)
      const plain = numeric(s)
      return plain !== undefined && GO_FLOAT.test(plain)
    },
  } as RegExp,
  resolve: (s) => Number(s.startsWith('.') ? s : numeric(s)!),
}

/** goyaml.v2's plain-scalar resolvers, in the order it tries them; everything else is a string. */
const K8S_SCALARS: ScalarTag[] = [
  nullTag,
  boolTag(true, /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/),
  boolTag(false, /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/),
  specialFloat,
  intTag,
  floatTag,
]

/**
 * The yaml library's YAML 1.1 tags with its implicit scalar resolvers replaced by goyaml.v2's. A
 * `!!timestamp` written out keeps the library's reading; `!!str`, `!!binary`, `!!set` … and the `<<`
 * merge key are the library's own.
 */
export function k8sTags(tags: Tags): Tags {
  const replaced = new Set(['null', 'bool', 'int', 'float'].map((t) => `tag:yaml.org,2002:${t}`))
  const kept: Tags = []
  for (const t of tags) {
    if (typeof t === 'string' || replaced.has(t.tag)) continue
    kept.push(t.tag === 'tag:yaml.org,2002:timestamp' ? ({ ...t, default: false } as ScalarTag) : t)
  }
  return [...K8S_SCALARS, ...kept]
}
