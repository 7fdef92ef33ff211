/**
 * One regular expression from several, read one after the other (the flags are the first's): a long expected line
 * written as parts that each fit the line width. Each part must be a whole regular expression on its own.
 */
export const re = (...parts: RegExp[]): RegExp => new RegExp(parts.map((p) => p.source).join(''), parts[0]!.flags)
