/**
 * YAML written inline in a test. Drops the line break after the opening backtick and the
 * whitespace-only line before the closing one, strips the indentation all lines share, and ends the
 * text with exactly one `\n`. The template's raw text is used, so a backslash means a backslash (as in
 * a YAML file); only `\`` and `\$` are unescaped. No interpolation: a spliced value would not be
 * re-indented, so every test spells its input and expected output out in full.
 */
export function dedent(strings: TemplateStringsArray | string): string {
  const text = typeof strings === 'string' ? strings : strings.raw.join('').replace(/\\([`$])/g, '$1')
  const lines = text.split('\n')
  if (lines[0]!.trim() === '') lines.shift()
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length)
  const cut = indents.length > 0 ? Math.min(...indents) : 0
  return lines.map((l) => l.slice(cut)).join('\n') + '\n'
}

/** Tagged-template form: yaml`\n  a: 1\n` is `'a: 1\n'`. */
export const yaml = (strings: TemplateStringsArray): string => dedent(strings)

/** `text` with `n` spaces before each non-empty line. */
export const indent = (n: number, text: string): string => text.replace(/^(?=.)/gm, ' '.repeat(n))

/** A tag that dedents and then indents by `n`: a fragment written at column 0 for a place at column `n`. */
export const at =
  (n: number) =>
  (strings: TemplateStringsArray): string =>
    indent(n, dedent(strings))
