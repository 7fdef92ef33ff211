/**
 * A small PEM scanner (RFC 7468 framing, RFC 1421 headers) used by the certificate checks.
 * It reports where blocks are and what they are labelled; it never interprets the base64 body.
 * Internal to `src/secret/`.
 */

export interface PemBlock {
  /** The label between `BEGIN ` and `-----`, e.g. `CERTIFICATE`, `RSA PRIVATE KEY`. */
  label: string
  /** The whole block from `-----BEGIN` to the end of the `-----END ...-----` line. */
  text: string
  /** True when RFC 1421 headers mark the block encrypted (`Proc-Type: 4,ENCRYPTED`). */
  procTypeEncrypted: boolean
}

export interface PemScan {
  blocks: PemBlock[]
  /** Framing problems, already phrased for a message (labels only, never body text). */
  problems: string[]
}

const BOUNDARY = /-----(BEGIN|END) ([A-Z0-9][A-Z0-9 ]*?)?-----/g

export function scanPem(text: string): PemScan {
  const blocks: PemBlock[] = []
  const problems: string[] = []
  let open: { label: string; start: number } | undefined
  for (const m of text.matchAll(BOUNDARY)) {
    const kind = m[1]
    const label = m[2] ?? ''
    const at = m.index ?? 0
    if (kind === 'BEGIN') {
      if (open) problems.push(`the "BEGIN ${open.label}" block has no END line before the next BEGIN line`)
      open = { label, start: at }
      continue
    }
    if (!open) {
      problems.push(`an "END ${label}" line has no matching BEGIN line`)
      continue
    }
    if (label !== open.label) {
      problems.push(`the "BEGIN ${open.label}" block is closed by "END ${label}"`)
      open = undefined
      continue
    }
    const inner = text.slice(open.start, at)
    blocks.push({
      label,
      text: text.slice(open.start, at + m[0].length),
      procTypeEncrypted: /^[ \t]*Proc-Type:[ \t]*4[ \t]*,[ \t]*ENCRYPTED/im.test(inner),
    })
    open = undefined
  }
  if (open) problems.push(`the "BEGIN ${open.label}" block has no END line (is the file truncated?)`)
  return { blocks, problems }
}

/**
 * Labels of unencrypted private keys that node:crypto reads, so that the checks can tell which algorithm a key
 * is before judging it (the delegate itself loads only `PRIVATE KEY` holding an RSA key).
 */
export const READABLE_KEY_LABELS: readonly string[] = [
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
]

export function isPrivateKeyLabel(label: string): boolean {
  return label === 'PRIVATE KEY' || label.endsWith(' PRIVATE KEY')
}

export function isCertificateLabel(label: string): boolean {
  return label === 'CERTIFICATE'
}
