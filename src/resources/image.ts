/** What an image reference says about a Harness delegate. Users mirror images: match the tag, not the registry. */
export interface ImageInfo {
  repository: string
  tag?: string
  digest?: string
}

export function parseImage(ref: string): ImageInfo {
  const [nameTag, digest] = ref.split('@', 2) as [string, string | undefined]
  const slash = nameTag.lastIndexOf('/')
  const colon = nameTag.lastIndexOf(':')
  const info: ImageInfo =
    colon > slash ? { repository: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1) } : { repository: nameTag }
  if (digest) info.digest = digest
  return info
}

const lastSegment = (repo: string) => repo.slice(repo.lastIndexOf('/') + 1)

/** `harness/delegate`, `…/harness/delegate`, `harness/delegate-immutable`, a mirror's `…/delegate`. */
export const isDelegateImage = (ref: string) => /^delegate(-immutable)?$/.test(lastSegment(parseImage(ref).repository))

/** `harness/upgrader` in any registry. */
export const isUpgraderImage = (ref: string) => lastSegment(parseImage(ref).repository) === 'upgrader'

export type TagKind = 'immutable' | 'early-immutable' | 'legacy' | 'delegate3' | 'unverifiable'

const CLASSIC_TAG = /^(\d{2})\.(\d{2})\.\d{5}(\.minimal)?$/

/**
 * A Delegate 3.x tag: a semantic version as Harness publishes them, without a `v` (`1.40.2`, `3.3.1`), optionally
 * with a pre-release suffix (`1.41.0-rc1`; a Docker tag cannot hold semver's `+build`). A classic `yy.mm.xxxxx` number
 * never is one, with a
 * suffix or not. `v1.40.2` is not Harness's spelling: it is not taken as a version (the env then decides).
 */
export function delegate3Version(ref: string): { core: [number, number, number]; pre?: string } | undefined {
  const { tag } = parseImage(ref)
  const m = tag === undefined ? null : /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(tag)
  if (!m || /^\d{2}\.\d{2}\.\d{5}$/.test(`${m[1]}.${m[2]}.${m[3]}`)) return undefined
  const core: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return m[4] === undefined ? { core } : { core, pre: m[4] }
}

/**
 * `yy.mm.xxxxx` (optionally `.minimal`) is an immutable delegate, `latest` a legacy one. Builds before 22.07
 * (and the 2022 `delegate-immutable:75275` numbering) are immutable but may predate mTLS support. A semantic
 * version is Delegate 3.x. Anything else (a placeholder, a digest, an unknown tag) cannot be verified.
 */
export function classifyTag(ref: string): TagKind {
  const { tag } = parseImage(ref)
  if (tag === undefined) return 'unverifiable'
  const m = CLASSIC_TAG.exec(tag)
  if (m) return Number(m[1]) * 100 + Number(m[2]) < 2207 ? 'early-immutable' : 'immutable'
  if (/^\d{5}(\.minimal)?$/.test(tag)) return 'early-immutable'
  if (tag === 'latest') return 'legacy'
  if (delegate3Version(ref)) return 'delegate3'
  return 'unverifiable'
}
