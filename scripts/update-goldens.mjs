#!/usr/bin/env node
// Regenerates the golden files of test/corpus.test.ts: the derived inputs (test/fixtures/derived/*.yaml,
// see the README there) and every expected output or expected error. Run through tsx:
//
//   node --import tsx scripts/update-goldens.mjs
//
// Then review `git diff test/fixtures` line by line against SPEC §3/§4/§6 before committing: a golden
// records what the tool does, not what it should do.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  CORPUS_DIR,
  CORPUS_GOLDENS,
  DERIVED,
  DERIVED_DIR,
  REPO_ROOT,
  deriveInput,
  goldenCases,
  renderGolden,
} from '../test/helpers/corpus.ts'

const changed = []
const write = (path, text) => {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return
  writeFileSync(path, text)
  changed.push(`wrote   ${relative(REPO_ROOT, path)}`)
}
const remove = (path) => {
  if (!existsSync(path)) return
  rmSync(path)
  changed.push(`removed ${relative(REPO_ROOT, path)}`)
}

for (const name of DERIVED) {
  write(join(DERIVED_DIR, `${name}.yaml`), deriveInput(readFileSync(join(CORPUS_DIR, `${name}.yaml`), 'utf8')))
}

const keep = new Set()
for (const c of goldenCases()) {
  if (c.passThrough) continue
  const golden = renderGolden(c)
  write(golden.path, golden.text)
  keep.add(golden.path)
  remove(golden.kind === 'output' ? c.expectedError : c.expectedOutput)
}
// Goldens of corpus files that no longer exist.
for (const file of readdirSync(CORPUS_GOLDENS)) {
  const path = join(CORPUS_GOLDENS, file)
  if (/\.expected(-error\.txt|\.yaml)$/.test(file) && !keep.has(path)) remove(path)
}

console.log(changed.length > 0 ? changed.join('\n') : 'goldens are up to date')
