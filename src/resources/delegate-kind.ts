import { classifyTag, delegate3Version, parseImage } from './image.js'
import { DELEGATE_SIGNS, DELEGATE3_MIN_VERSION, WATCHER_ENV, type DelegateKind } from './wanted-state.js'

/** What a delegate container (or compose service) shows of itself. */
export interface DelegateSigns {
  image: string
  /** Its env var names. */
  env: string[]
  /** The ports of its http probes (numbers only). */
  probePorts: number[]
}

export interface DelegateKindVerdict {
  kind: DelegateKind
  /** Delegate 3.x with a version tag before DELEGATE3_MIN_VERSION: mTLS cannot work. */
  tooOld?: string
  /** The image tag says one kind and the env the other: the tag won; said in a warning. */
  disagreement?: string
}

/** What a refusal of a Delegate 3.x before DELEGATE3_MIN_VERSION tells the user to do. */
export const delegate3UpgradeAdvice =
  `mTLS exists from Delegate 3.x ${DELEGATE3_MIN_VERSION}: ` +
  `upgrade the image to ${DELEGATE3_MIN_VERSION} or later first`

const signsOf = (kind: DelegateKind, s: DelegateSigns) => ({
  env: s.env.filter((n) => DELEGATE_SIGNS[kind].env.includes(n)),
  probe: s.probePorts.includes(DELEGATE_SIGNS[kind].probePort),
})

/**
 * Classic delegate or Delegate 3.x. The image tag decides when it is clearly one (`yy.mm.xxxxx` or a semantic
 * version); otherwise (a placeholder, a digest, `latest`, an unknown tag) env vars only one of them has decide,
 * then the port of its http probes; with no sign, or signs of both, it is the classic delegate (as before
 * Delegate 3.x existed).
 */
export function delegateKindOf(s: DelegateSigns): DelegateKindVerdict {
  const tag = classifyTag(s.image)
  const d3 = signsOf('delegate3', s)
  const classic = signsOf('classic', s)
  if (tag === 'delegate3') {
    const version = delegate3Version(s.image)!
    const verdict: DelegateKindVerdict = { kind: 'delegate3' }
    if (!versionAtLeastMin(version)) verdict.tooOld = parseImage(s.image).tag!
    if (classic.env.length > 0 && d3.env.length === 0)
      verdict.disagreement =
        `image "${s.image}" is Delegate 3.x, but env ${classic.env.join(', ')} ` +
        `belong to the classic delegate: migrated as Delegate 3.x (the image tag decides)`
    return verdict
  }
  if (tag === 'immutable' || tag === 'early-immutable') {
    if (d3.env.length > 0 && classic.env.length === 0)
      return {
        kind: 'classic',
        disagreement:
          `image "${s.image}" is a classic delegate, but env ${d3.env.join(', ')} ` +
          `belong to Delegate 3.x: migrated as a classic delegate (the image tag decides)`,
      }
    return { kind: 'classic' }
  }
  if (d3.env.length > 0 && classic.env.length === 0) return { kind: 'delegate3' }
  if (classic.env.length > 0 && d3.env.length === 0) return { kind: 'classic' }
  if (d3.probe && !classic.probe) return { kind: 'delegate3' }
  return { kind: 'classic' }
}

function versionAtLeastMin(v: NonNullable<ReturnType<typeof delegate3Version>>): boolean {
  const want = DELEGATE3_MIN_VERSION.split('.').map(Number)
  for (let i = 0; i < 3; i++) if (v.core[i] !== want[i]) return v.core[i]! > want[i]!
  return v.pre === undefined
}

/**
 * Why a delegate of `kind` with this image and these env var names is a legacy delegate, which has no mTLS: its
 * image tag (`latest`; on a classic delegate only: Delegate 3.x env with `latest` is not the legacy tag) or a
 * watcher env var. The one test behind every refusal: manifests, compose services, values files and audit.
 */
export function legacyReason(
  image: string | undefined,
  env: readonly string[],
  kind: DelegateKind,
): { reason: string; by: 'image' | 'env' } | undefined {
  if (image !== undefined && kind === 'classic' && classifyTag(image) === 'legacy')
    return { reason: `image "${image}" is a legacy delegate image`, by: 'image' }
  const watcher = env.find((n) => WATCHER_ENV.includes(n))
  if (watcher) return { reason: `env ${watcher} belongs to a legacy (watcher) delegate`, by: 'env' }
  return undefined
}

/**
 * What a delegate's image leaves in doubt about mTLS, as a warning's text (undefined when nothing): a Delegate 3.x
 * whose tag shows no version, a classic tag that shows no immutable build, or an early immutable build.
 */
export function imageDoubt(image: string, kind: DelegateKind): string | undefined {
  const tag = classifyTag(image)
  if (kind === 'delegate3')
    return tag === 'delegate3'
      ? undefined
      : `cannot tell from image "${image}" which Delegate 3.x version this is; mTLS needs ` +
          `${DELEGATE3_MIN_VERSION} or later`
  if (tag === 'unverifiable')
    return `cannot tell from image "${image}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`
  if (tag === 'early-immutable')
    return `image "${image}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`
  return undefined
}
