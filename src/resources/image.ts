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

export type TagKind = 'immutable' | 'early-immutable' | 'legacy' | 'unverifiable'

/**
 * `yy.mm.xxxxx` (optionally `.minimal`) is an immutable delegate, `latest` a legacy one. Builds before 22.07
 * (and the 2022 `delegate-immutable:75275` numbering) are immutable but may predate mTLS support. Anything else
 * (a placeholder, a digest, an unknown tag) cannot be verified.
 */
export function classifyTag(ref: string): TagKind {
  const { tag } = parseImage(ref)
  if (tag === undefined) return 'unverifiable'
  const m = /^(\d{2})\.(\d{2})\.\d{5}(\.minimal)?$/.exec(tag)
  if (m) return Number(m[1]) * 100 + Number(m[2]) < 2207 ? 'early-immutable' : 'immutable'
  if (/^\d{5}(\.minimal)?$/.test(tag)) return 'early-immutable'
  if (tag === 'latest') return 'legacy'
  return 'unverifiable'
}
