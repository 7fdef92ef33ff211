import type { Diagnostic } from '../errors.js'
import { ioDiagnostic } from './io-diagnostic.js'

/** `ignoreBOM: true` keeps a leading U+FEFF in the text, so the file round-trips byte for byte. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const lenient = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Bytes of one input → its text, exactly (BOM and CRLF kept), or an IO diagnostic saying why
 * it is not a UTF-8 text file: a UTF-16/32 byte order mark, a NUL byte, or invalid UTF-8.
 */
export function decodeInput(file: string, bytes: Uint8Array): { text: string } | { error: Diagnostic } {
  const wide = wideBomName(bytes)
  if (wide)
    return {
      error: ioDiagnostic(file, `is encoded as ${wide} (it starts with a ${wide} byte order mark); save it as UTF-8`),
    }

  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return {
      error: ioDiagnostic(
        file,
        `contains a NUL byte at byte ${nul}; it looks like a binary file, not YAML`,
        position(bytes, nul),
      ),
    }
  }

  try {
    return { text: strict.decode(bytes) }
  } catch {
    const bad = firstInvalidUtf8(bytes)
    const where = bad === -1 ? '' : ` at byte ${bad}`
    return {
      error: ioDiagnostic(
        file,
        `is not valid UTF-8${where}; save it as UTF-8`,
        bad === -1 ? undefined : position(bytes, bad),
      ),
    }
  }
}

function wideBomName(b: Uint8Array): string | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32'
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32'
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 'UTF-16'
  return undefined
}

/**
 * Offset of the first byte of the first malformed UTF-8 sequence, or -1. Follows the WHATWG
 * decoder: no overlongs, no surrogates (ED A0..), nothing above U+10FFFF, no truncated tail.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0
  while (i < b.length) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      if (c === 0xe0) lo = 0xa0
      else if (c === 0xed) hi = 0x9f
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      if (c === 0xf0) lo = 0x90
      else if (c === 0xf4) hi = 0x8f
    } else return i
    for (let k = 1; k <= need; k++) {
      const d = b[i + k]
      if (d === undefined || d < lo || d > hi) return i
      lo = 0x80
      hi = 0xbf
    }
    i += need + 1
  }
  return -1
}

/** 1-based line and column (UTF-16 code units, BOM not counted) of a byte offset. */
function position(b: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (b[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  let prefix = lenient.decode(b.subarray(lineStart, offset))
  if (lineStart === 0 && prefix.startsWith('\uFEFF')) prefix = prefix.slice(1)
  return { line, col: prefix.length + 1 }
}
