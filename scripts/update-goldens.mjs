#!/usr/bin/env node
// Regenerates the golden files of test/corpus.test.ts: every expected output or expected error of the
// project's fixtures (test/fixtures/manifests) and, when the corpus is beside the clone, of the corpus and
// of the inputs derived from it (test/fixtures/derived/*.yaml, see the README there). Run through tsx:
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
  FIXTURES_DIR,
  DERIVED,
  DERIVED_DIR,
  REPO_ROOT,
  corpusPresent,
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

// Without the corpus the derived inputs cannot be rederived; they and their goldens stay as committed.
const corpus = corpusPresent()
for (const name of corpus ? DERIVED : []) {
  write(join(DERIVED_DIR, `${name}.yaml`), deriveInput(readFileSync(join(CORPUS_DIR, `${name}.yaml`), 'utf8')))
}

const keep = new Set()
for (const c of goldenCases()) {
  if (c.goldenInShapes) continue
  if (!corpus && c.id.startsWith('derived/')) continue
  const golden = renderGolden(c)
  write(golden.path, golden.text)
  keep.add(golden.path)
  remove(golden.kind === 'output' ? c.expectedError : c.expectedOutput)
}
// Goldens of fixtures (and corpus files) that no longer exist.
for (const dir of corpus ? [FIXTURES_DIR, CORPUS_GOLDENS] : [FIXTURES_DIR]) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file)
    if (/\.expected(-error\.txt|\.yaml)$/.test(file) && !keep.has(path)) remove(path)
  }
}

console.log(changed.length > 0 ? changed.join('\n') : 'goldens are up to date')
