#!/usr/bin/env node
// Runs every uvu suite under test/ (TypeScript through tsx) in one process and ends with the
// one-line summary CI reads: `N passed, N failed`. Extra arguments narrow the file pattern.
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// The library bundle (dist/index.js) is built, not committed; suites compare it with the sources.
const lib = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--lib'], { stdio: ['ignore', 2, 2] })
if (lib.status !== 0) {
  console.log('0 passed, 1 failed')
  process.exit(1)
}
const pattern = process.argv[2] ?? '\\.test\\.ts$'
const child = spawn(
  process.execPath,
  // test/fixtures (goldens, e.g. fixtures/corpus/*.txt) and test/helpers are never suites, whatever the pattern.
  [
    '--import',
    'tsx',
    join(root, 'node_modules/uvu/bin.js'),
    'test',
    pattern,
    '--ignore',
    '^(fixtures|helpers)([\\\\/]|$)',
    '--color',
    'false',
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, FORCE_COLOR: '0' } },
)
let out = ''
child.stdout.on('data', (chunk) => {
  out += chunk
  process.stdout.write(chunk)
})
child.on('close', (code) => {
  // uvu prints "Total:  N", "Passed: N", "Skipped: N"; a crash before the summary prints neither.
  const num = (label) => {
    const m = out.match(new RegExp(`${label}:\\s+(\\d+)`))
    return m ? Number(m[1]) : NaN
  }
  const total = num('Total')
  const passed = num('Passed')
  const skipped = num('Skipped')
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    console.log(`0 passed, 1 failed`)
    process.exit(code || 1)
  }
  const failed = total - passed // uvu's Total already leaves skipped tests out
  console.log(`${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : ''))
  process.exit(code !== 0 ? code : failed > 0 ? 1 : 0)
})
