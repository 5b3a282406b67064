// Servers a test starts itself on 127.0.0.1 and stops by the PID it started.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

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

/**
 * Serves a copy of the built site under a sub-path (`/facteur/` by default) with Python's
 * http.server, as a school's web server would: `root` gets a folder named after the path
 * whose content is `dist`, copied so a test may deploy another build into it.
 */
export async function serveUnderPath(dist, { path = 'facteur' } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'facteur-host-'));
  const site = join(root, path);
  await cp(dist, site, { recursive: true });
  const port = await freePort();
  const proc = startProcess('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root]);
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/${path}/`;
  await waitForHttp(url, 15000, proc);
  return {
    origin,
    url,
    site,
    /** The paths asked for so far, from http.server's log, in order. */
    requested: () => [...proc.log().matchAll(/"GET (\S+) HTTP/g)].map((m) => m[1]),
    async stop() {
      await proc.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` at the root with every response carrying `headers` (a Content-Security-Policy,
 * say): the few lines of a static server, since Python's cannot add a header.
 */
export async function serveWithHeaders(dir, headers) {
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The first fenced block of `lang` in the README, exactly as a reader copies it. */
export async function readmeBlock(root, lang) {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const found = readme.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  if (!found) throw new Error(`the README has no \`\`\`${lang} block`);
  return found[1];
}

/**
 * Serves a copy of `dist` with nginx and the README's nginx lines, pasted into a server
 * block as the README says, with `/var/www` moved to a temporary folder.
 */
export async function serveWithNginx(nginx, dist, lines) {
  const root = await mkdtemp(join(tmpdir(), 'facteur-nginx-'));
  const www = join(root, 'www');
  await cp(dist, join(www, 'facteur'), { recursive: true });
  // nginx's workers read the files as an unprivileged user.
  await chmod(root, 0o755);
  const port = await freePort();
  const conf = join(root, 'nginx.conf');
  await writeFile(
    conf,
    `daemon off;
worker_processes 1;
pid ${root}/nginx.pid;
error_log stderr;
events {}
http {
  access_log off;
  client_body_temp_path ${root}/body;
  proxy_temp_path ${root}/proxy;
  fastcgi_temp_path ${root}/fastcgi;
  uwsgi_temp_path ${root}/uwsgi;
  scgi_temp_path ${root}/scgi;
  server {
    listen 127.0.0.1:${port};
${lines.replaceAll('/var/www', www)}
  }
}
`,
  );
  const proc = startProcess(nginx, ['-p', root, '-c', conf, '-e', 'stderr']);
  const url = `http://127.0.0.1:${port}/facteur/`;
  await waitForHttp(url, 15000, proc);
  return {
    url,
    async stop() {
      await proc.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
