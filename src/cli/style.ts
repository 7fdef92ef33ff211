import type { Io } from './io.js'

/** Wraps text in one colour, or returns it as is when colour is off. */
export type Paint = Record<'green' | 'yellow' | 'red' | 'dim' | 'cyan' | 'bold', (s: string) => string>

const CODES: Record<keyof Paint, [number, number]> = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  dim: [2, 22],
  cyan: [36, 39],
  bold: [1, 22],
}

/**
 * Colour on stderr only when it is a terminal, `NO_COLOR` is unset or empty (no-color.org) and the
 * terminal is not `dumb`. stdout never gets colour: it carries manifests, diffs and reports.
 */
export function stderrPaint(io: Io): Paint {
  const on = io.stderr.isTTY === true && !io.env.NO_COLOR && io.env.TERM !== 'dumb'
  const paint = {} as Paint
  for (const [name, [open, close]] of Object.entries(CODES) as [keyof Paint, [number, number]][]) {
    paint[name] = on ? (s) => `\x1b[${open}m${s}\x1b[${close}m` : String
  }
  return paint
}

/** Batches larger than this get a progress bar (on a terminal). */
export const PROGRESS_MIN_FILES = 50

/**
 * A one-line progress bar on stderr, redrawn in place with `\r`, for large batches on a terminal.
 * `undefined` (no bar) when stderr is not a TTY, with `--quiet`, or for `PROGRESS_MIN_FILES` files or fewer.
 */
export class Progress {
  private drawn = ''
  private lastCells = -1
  private lastAt = 0
  private count = 0

  private constructor(
    private readonly io: Io,
    private readonly paint: Paint,
    private readonly label: string,
    private readonly total: number,
    private readonly now: () => number,
  ) {}

  static create(
    io: Io,
    opts: { quiet: boolean; total: number; label: string; now?: () => number },
  ): Progress | undefined {
    if (io.stderr.isTTY !== true || opts.quiet || opts.total <= PROGRESS_MIN_FILES) return undefined
    const bar = new Progress(io, stderrPaint(io), opts.label, opts.total, opts.now ?? Date.now)
    bar.draw()
    return bar
  }

  /** One more item done. Redraws when the bar grows, every 100 ms, and at the end. */
  tick(): void {
    this.count++
    const cells = this.cells()
    const t = this.now()
    if (cells !== this.lastCells || t - this.lastAt >= 100 || this.count === this.total) this.draw()
  }

  /** Erases the bar, so that what follows starts on a clean line. */
  clear(): void {
    if (this.drawn === '') return
    this.io.stderr.write('\r' + ' '.repeat(this.drawn.length) + '\r')
    this.drawn = ''
  }

  private cells(): number {
    return this.total === 0 ? BAR : Math.floor((this.count * BAR) / this.total)
  }

  private draw(): void {
    const cells = this.cells()
    this.lastCells = cells
    this.lastAt = this.now()
    const text =
      `delegate-mtls: ${this.label} [${'#'.repeat(cells)}${'-'.repeat(BAR - cells)}] ` +
      `${this.count}/${this.total} files`
    const pad = this.drawn.length > text.length ? ' '.repeat(this.drawn.length - text.length) : ''
    this.drawn = text
    const [head, rest] = [text.slice(0, text.indexOf('[')), text.slice(text.indexOf('['))]
    this.io.stderr.write('\r' + head + this.paint.cyan(rest) + pad)
  }
}

const BAR = 30
