#!/usr/bin/env node
// House style: no line of the project's own code (src/, test/, scripts/, bin/) is longer than 120 characters.
// Prettier keeps code within that width but leaves long strings, comments and regular expressions alone; this
// check holds them too. Prints each offending line as file:line (its length) and exits 1 if there is one.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

const MAX = 120
const files = execFileSync('git', ['ls-files', '-z', 'src', 'test', 'scripts', 'bin'], { encoding: 'utf8' })
  .split('\0')
  // Fixtures are inputs as found; the validators are generated.
  .filter((f) => /\.(ts|mjs|cjs|js)$/.test(f) && !/^(test\/fixtures|src\/validate\/generated)\//.test(f))
let long = 0
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const width = [...line].length
      if (width > MAX) {
        long++
        console.log(`${file}:${i + 1}: ${width} characters (at most ${MAX})`)
      }
    })
}
if (long > 0) {
  console.log(`${long} line${long === 1 ? '' : 's'} longer than ${MAX} characters`)
  process.exit(1)
}
