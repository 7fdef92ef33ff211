// The real bin (bin/delegate-mtls.js → the committed dist/ bundle) in child processes: what users and
// pre-commit run. Also: a cheap start (--help and usage errors never load the YAML pipeline) and a
// quiet exit when the reader closes the pipe early.
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BIN, ENDPOINT, REPO_ROOT, SAMPLE, SAMPLE_MTLS, makeTmp, runBin, type Ran } from './helpers/cli.js'

const E = ['--endpoint', ENDPOINT]
let tmp: ReturnType<typeof makeTmp>

const bin = suite('bin: end to end')
bin.before(() => {
  tmp = makeTmp()
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
})
bin.after(() => tmp.remove())

bin('stdin → stdout: the golden, exit 0, stderr empty', async () => {
  const r = await runBin(E, { cwd: tmp.dir, stdin: SAMPLE })
  assert.equal(r, { code: 0, stdout: SAMPLE_MTLS, stderr: '' })
})

bin('one file → stdout (the README quick start), DELEGATE_MTLS_ENDPOINT from the environment', async () => {
  const r = await runBin(['harness-delegate.yaml'], { cwd: tmp.dir, env: { DELEGATE_MTLS_ENDPOINT: ENDPOINT } })
  assert.equal(r, { code: 0, stdout: SAMPLE_MTLS, stderr: '' })
})

bin('--check exits 1 and names the file; a usage error exits 2', async () => {
  const c = await runBin([...E, '--check', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.equal(c, { code: 1, stdout: 'harness-delegate.yaml: needs migrating (12 changes)\n', stderr: '1 file: 1 to migrate\nrun with --write to migrate them\n' })
  const u = await runBin(['-e', 'http://acme.harness.io', 'harness-delegate.yaml'], { cwd: tmp.dir })
  assert.is(u.code, 2)
  assert.is(u.stdout, '')
  assert.match(u.stderr, /^delegate-mtls: --endpoint "http:\/\/acme\.harness\.io" .*expected an https:\/\/ URL/)
})

bin('--help: exit 0, examples on stdout', async () => {
  const r = await runBin(['--help'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stderr, '')
  assert.ok(r.stdout.includes('Examples:\n'))
  assert.ok(r.stdout.includes('delegate-mtls -e https://acme.harness.io:8443 --check k8s/'))
})

bin('--version matches package.json', async () => {
  const r = await runBin(['--version'], { cwd: tmp.dir })
  assert.is(r.code, 0)
  assert.is(r.stdout, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version + '\n')
})

bin('a reader that closes the pipe early (| head) ends the run quietly, no EPIPE stack trace', async () => {
  // ~40 delegates: far more than a pipe buffer, so the write meets the closed pipe.
  const big = Array.from({ length: 40 }, () => SAMPLE).join('---\n')
  const r = await new Promise<Ran>((done) => {
    const child = spawn(process.execPath, [BIN, ...E], { cwd: tmp.dir, env: { PATH: process.env.PATH } })
    let stderr = ''
    child.stderr.on('data', (s) => (stderr += s))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('close', (code) => done({ code: code ?? -1, stdout: '', stderr }))
    child.stdin.end(big)
  })
  assert.is(r.stderr, '')
  assert.is(r.code, 0)
})
bin.run()

// ---------------------------------------------------------------------------------------------
const start = suite('bin: a cheap start')
start.before(() => {
  tmp = makeTmp()
  // A module hook that records every module the process loads.
  writeFileSync(join(tmp.dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  appendFileSync(process.env.DMTLS_LOADED, url + '\\n')
  return next(url, context)
}
`)
  writeFileSync(join(tmp.dir, 'register.mjs'), `import { register } from 'node:module'
register(${JSON.stringify(pathToFileURL(join(tmp.dir, 'hooks.mjs')).href)})
`)
  writeFileSync(join(tmp.dir, 'harness-delegate.yaml'), SAMPLE)
})
start.after(() => tmp.remove())

/** Runs the bin and returns the dist/ files it loaded, and whether any holds the yaml library's code. */
async function loaded(argv: string[], name: string): Promise<{ r: Ran; files: string[]; yaml: boolean }> {
  const log = join(tmp.dir, `${name}.log`)
  writeFileSync(log, '')
  const r = await new Promise<Ran>((done) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(tmp.dir, 'register.mjs')).href, BIN, ...argv], {
      cwd: tmp.dir,
      env: { PATH: process.env.PATH, DMTLS_LOADED: log },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (s) => (stdout += s))
    child.stderr.on('data', (s) => (stderr += s))
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }))
    child.stdin.end()
  })
  const distUrl = pathToFileURL(join(REPO_ROOT, 'dist')).href + '/'
  const files = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(distUrl)).map((u) => u.slice(distUrl.length))
  const yaml = files.some((f) => readFileSync(join(REPO_ROOT, 'dist', f), 'utf8').includes('node_modules/yaml/dist/'))
  return { r, files, yaml }
}

start('--help, --version and usage errors never load the YAML pipeline', async () => {
  for (const [argv, code] of [[['--help'], 0], [['--version'], 0], [['--frobnicate'], 2], [['-e', 'http://x', 'a.yaml'], 2], [['a.yaml', 'b.yaml', '-e', ENDPOINT], 2]] as [string[], number][]) {
    const { r, files, yaml } = await loaded(argv, 'help')
    assert.is(r.code, code, `${argv.join(' ')}: ${r.stderr}`)
    assert.ok(files.includes('cli.js'), `the hook saw no dist/cli.js for ${argv.join(' ')}: ${files.join(', ')}`)
    assert.not.ok(yaml, `${argv.join(' ')} loaded the yaml library: ${files.join(', ')}`)
  }
})

start('a migration does load it (the check above is not vacuous)', async () => {
  const { r, yaml } = await loaded([...E, 'harness-delegate.yaml'], 'run')
  assert.is(r.code, 0, r.stderr)
  assert.is(r.stdout, SAMPLE_MTLS)
  assert.ok(yaml)
})
start.run()
