// The pre-commit hooks (.pre-commit-hooks.yaml) installed and run by a real pre-commit, the way a
// user's repository does it: `repo:` a local clone of this repository, `rev:` the commit under test.
//
// What "the commit under test" is: the test clones this repository (found from this file's location)
// into a temp folder. When the working tree is clean (CI's fresh clone), rev is HEAD itself. When it
// has uncommitted changes (a developer's checkout), the clone's tree is replaced by the working tree
// (tracked and untracked files that .gitignore does not exclude) and committed there as one snapshot,
// so the hooks, package.json and dist/ under test are exactly the working tree's. This repository is
// never written to.
//
// pre-commit installs a `language: node` hook with `npm install` (so the npm registry must be
// reachable) and, in 3.x, parses `npm pack`'s output; PRE_COMMIT_HOME points into the temp folder so
// ~/.cache/pre-commit is never touched. Without pre-commit on PATH the suite is skipped, unless CI is
// set: then it fails (.ci/run installs pre-commit from Debian).
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import {
  ENDPOINT,
  NOT_A_DELEGATE,
  REPO_ROOT,
  SAMPLE,
  SAMPLE_MTLS,
  makeTmp,
  smallDelegate,
  smallDelegateMtls,
} from './helpers/cli.js'

/** An environment without the caller's git state (we may run inside a git hook) and with git identity set. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')) env[k] = v
  return {
    ...env,
    GIT_AUTHOR_NAME: 'delegate-mtls test',
    GIT_AUTHOR_EMAIL: 'test@delegate-mtls.invalid',
    GIT_COMMITTER_NAME: 'delegate-mtls test',
    GIT_COMMITTER_EMAIL: 'test@delegate-mtls.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  }
}

let env: NodeJS.ProcessEnv = {}

/** Runs a command; returns its exit code and stdout+stderr. Throws when it cannot start at all. */
function sh(cmd: string, args: string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  return { code: r.status ?? -1, out: (r.stdout ?? '') + (r.stderr ?? '') }
}
function must(cmd: string, args: string[], cwd: string): string {
  const r = sh(cmd, args, cwd)
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.code}:\n${r.out}`)
  return r.out
}
const git = (cwd: string, ...args: string[]) =>
  must('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], cwd)

const onPath = (exe: string) => spawnSync('sh', ['-c', `command -v ${exe}`], { encoding: 'utf8' }).status === 0

/** NUL-separated `git ls-files` output of the repository at `cwd`. */
const lsFiles = (cwd: string, ...args: string[]) =>
  git(cwd, 'ls-files', '-z', ...args)
    .split('\0')
    .filter(Boolean)

/**
 * A clone of this repository whose HEAD is exactly the working tree: HEAD itself when the tree is
 * clean, else one snapshot commit on top. Returns the clone's path and the commit.
 */
function hookRepository(into: string): { repo: string; rev: string; snapshot: boolean } {
  if (sh('git', ['rev-parse', '--is-inside-work-tree'], REPO_ROOT).code !== 0) {
    throw new Error(
      `${REPO_ROOT} is not a git checkout: the pre-commit test needs one (pre-commit installs hooks ` +
        `from a git repository)`,
    )
  }
  const repo = join(into, 'delegate-mtls')
  git(into, 'clone', '--quiet', '--no-hardlinks', REPO_ROOT, repo)
  const dirty = git(REPO_ROOT, 'status', '--porcelain', '--untracked-files=normal').trim() !== ''
  if (dirty) {
    for (const f of lsFiles(repo)) rmSync(join(repo, f), { force: true })
    for (const f of lsFiles(REPO_ROOT, '--cached', '--others', '--exclude-standard')) {
      const from = join(REPO_ROOT, f)
      let st
      try {
        st = lstatSync(from)
      } catch {
        continue // deleted in the working tree
      }
      mkdirSync(dirname(join(repo, f)), { recursive: true })
      if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), join(repo, f))
      else if (st.isFile()) copyFileSync(from, join(repo, f)) // keeps the mode (bin/ stays executable)
    }
    git(repo, 'add', '--all')
    git(repo, 'commit', '--quiet', '--allow-empty', '-m', 'snapshot of the working tree under test')
  }
  return { repo, rev: git(repo, 'rev-parse', 'HEAD').trim(), snapshot: dirty }
}

const test = suite('pre-commit: the hooks under a real pre-commit')
const missing = !onPath('pre-commit') || !onPath('git')

if (missing && !process.env.CI) {
  const why = `pre-commit${onPath('git') ? '' : ' or git'} is not on PATH (apt-get install pre-commit git); CI runs it`
  console.log(`  pre-commit suite SKIPPED: ${why}`)
  test.skip(`SKIPPED: ${why}`, () => {})
} else {
  let tmp: ReturnType<typeof makeTmp>
  let work = ''
  test.before(() => {
    tmp = makeTmp('dmtls-precommit-')
    env = cleanEnv({ PRE_COMMIT_HOME: join(tmp.dir, 'pre-commit-home') })
  })
  test.after(() => tmp?.remove())

  test('pre-commit and git are installed (CI must run this suite)', () => {
    assert.not.ok(
      missing,
      'CI is set but pre-commit or git is not on PATH: .ci/run installs them from Debian (apt-get ' +
        'install pre-commit git)',
    )
    assert.match(must('pre-commit', ['--version'], tmp.dir), /^pre-commit \d+\.\d+/)
  })

  test(
    'set up: a repository with delegate manifests, a non-delegate YAML, and ' +
      '.pre-commit-config.yaml pointing at this repository',
    () => {
      const { repo, rev } = hookRepository(tmp.dir)
      assert.ok(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8').includes('id: delegate-mtls-check'))
      const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))
      assert.is(pkg.scripts?.prepare, undefined, 'a prepare script breaks pre-commit 3.x (it parses npm pack output)')
      work = join(tmp.dir, 'gitops')
      mkdirSync(join(work, 'k8s', 'prod'), { recursive: true })
      mkdirSync(join(work, 'ci'))
      git(work, 'init', '--quiet')
      writeFileSync(join(work, 'k8s', 'prod', 'delegate.yaml'), SAMPLE)
      writeFileSync(join(work, 'k8s', 'edge.yml'), smallDelegate('edge'))
      writeFileSync(join(work, 'ci', 'pipeline.yaml'), NOT_A_DELEGATE)
      writeFileSync(
        join(work, '.pre-commit-config.yaml'),
        `repos:
  - repo: ${repo}
    rev: ${rev}
    hooks:
      - id: delegate-mtls-check
        args: [--endpoint, ${ENDPOINT}]
      - id: delegate-mtls
        args: [--endpoint, ${ENDPOINT}]
`,
      )
      git(work, 'add', '--all')
    },
  )

  test('the check hook fails on unmigrated manifests and names them; nothing is changed', () => {
    const r = sh('pre-commit', ['run', 'delegate-mtls-check', '--all-files', '--color', 'never'], work)
    assert.is(r.code, 1, r.out)
    assert.match(r.out, /delegate manifests use mTLS\.+Failed/)
    assert.ok(r.out.includes('- exit code: 1'), r.out)
    assert.ok(r.out.includes('k8s/prod/delegate.yaml: needs migrating (12 changes)\n'), r.out)
    assert.ok(r.out.includes('k8s/edge.yml: needs migrating (6 changes)\n'), r.out)
    assert.not.ok(r.out.includes('pipeline.yaml:'), 'the non-delegate YAML is not named')
    assert.is(readFileSync(join(work, 'k8s', 'prod', 'delegate.yaml'), 'utf8'), SAMPLE)
  })

  test('the fix hook migrates them in place; pre-commit reports the files as modified', () => {
    const r = sh('pre-commit', ['run', 'delegate-mtls', '--all-files', '--color', 'never'], work)
    assert.is(r.code, 1, r.out)
    assert.match(r.out, /migrate delegate manifests to mTLS\.+Failed/)
    assert.ok(r.out.includes('- files were modified by this hook'), r.out)
    assert.is(readFileSync(join(work, 'k8s', 'prod', 'delegate.yaml'), 'utf8'), SAMPLE_MTLS)
    assert.is(readFileSync(join(work, 'k8s', 'edge.yml'), 'utf8'), smallDelegateMtls('edge'))
    assert.is(readFileSync(join(work, 'ci', 'pipeline.yaml'), 'utf8'), NOT_A_DELEGATE)
    assert.is(readFileSync(join(work, '.pre-commit-config.yaml'), 'utf8').startsWith('repos:\n'), true)
  })

  test('a second run passes: both hooks', () => {
    git(work, 'add', '--all')
    const r = sh('pre-commit', ['run', '--all-files', '--color', 'never'], work)
    assert.is(r.code, 0, r.out)
    assert.match(r.out, /delegate manifests use mTLS\.+Passed/)
    assert.match(r.out, /migrate delegate manifests to mTLS\.+Passed/)
  })
}

test.run()
