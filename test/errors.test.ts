// Diagnostic codes are a closed list (src/errors.ts): the type checker refuses a code that is not declared;
// these tests refuse one that is declared but never used, and JSON schemas that list other codes.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { DIAGNOSTIC_CODES } from '../src/errors.js'

const codes = suite('diagnostic codes')
const root = fileURLToPath(new URL('..', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'generated' ? [] : sources(path)
    return e.name.endsWith('.ts') ? [path] : []
  })
}

codes('every declared code is used by some module of src/', () => {
  const text = sources(join(root, 'src'))
    .filter((f) => !f.endsWith(join('src', 'errors.ts')))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')
  const unused = DIAGNOSTIC_CODES.filter((c) => !text.includes(`'${c}'`))
  assert.equal(unused, [])
})

codes('the codes are distinct and SCREAMING_SNAKE', () => {
  assert.is(new Set(DIAGNOSTIC_CODES).size, DIAGNOSTIC_CODES.length)
  for (const c of DIAGNOSTIC_CODES) assert.match(c, /^[A-Z][A-Z0-9_]*$/)
})

codes('the JSON report and audit schemas list exactly these codes', () => {
  for (const name of ['report.schema.json', 'audit.schema.json']) {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8'))
    assert.equal(schema.definitions.diagnostic.properties.code.enum, [...DIAGNOSTIC_CODES], name)
  }
})

codes.run()
