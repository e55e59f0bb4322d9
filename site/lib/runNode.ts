import { spawn, type ChildProcess } from 'node:child_process'

/** Collects what a child process writes to stdout and stderr, for the error that names its failure. */
export const keepOutput = (child: ChildProcess, output: string[] = []) => {
  child.stdout?.on('data', (d) => output.push(String(d)))
  child.stderr?.on('data', (d) => output.push(String(d)))
  return output
}

export interface NodeRun {
  /** The exit code; -1 when a signal ended it; null when it could not start (`error` says why). */
  code: number | null
  output: string
  error?: Error
}

/**
 * Runs `node <args>` in a child process and resolves when it ends, with its exit code and
 * everything it wrote. `running` holds the child while it runs (so its owner can stop it);
 * `signal` kills it.
 */
export const runNode = (
  args: string[],
  options: {
    cwd?: string
    env?: NodeJS.ProcessEnv
    signal?: AbortSignal
    running?: Set<ChildProcess>
  } = {},
): Promise<NodeRun> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env,
      signal: options.signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    options.running?.add(child)
    const output = keepOutput(child)
    let error: Error | undefined
    const done = (code: number | null) => {
      options.running?.delete(child)
      resolve({ code, output: output.join(''), error })
    }
    child.on('error', (e) => {
      error = e
      // It never started, so it will not close.
      if (child.pid === undefined) done(null)
    })
    // On close, not exit: a child's last lines (the JSON its caller reads) may still be in the
    // pipe when it exits.
    child.on('close', (code, signal) => done(code ?? (signal ? -1 : null)))
  })
