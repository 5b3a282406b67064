// Servers a test starts itself on 127.0.0.1 and stops by the PID it started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts a command in its own process group and returns a handle whose stop() ends that
 * group (the command and anything it started), then waits for it to exit.
 */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    log: () => log,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      await exited;
    },
  };
}

/** Waits until an HTTP GET of url answers 200, or fails after timeoutMs. */
export async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && proc.child.exitCode !== null) {
      throw new Error(`server exited early (${proc.child.exitCode}):\n${proc.log()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms${proc ? `:\n${proc.log()}` : ''}`);
}

/** Serves a folder as plain static files with Python's http.server, as a teacher might. */
export async function serveStatic(dir) {
  const port = await freePort();
  const proc = startProcess('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir]);
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, 15000, proc);
  return { url, stop: () => proc.stop() };
}
