// What the browser test and the workspace benchmark share: `diplograph serve` started on a free
// port, and the flags Debian's Chromium runs headless with here.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Headless as root in a closed network: without the background-networking flags Chromium's
// own connections are refused, many at a time.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts `BINARY serve --db DB --port 0`. `ready` resolves with the base URL read from its first
// line, or rejects with an ErrorType whose message says why it did not start.
export function startServer(binary, db, { waitMs = 30_000, ErrorType = Error } = {}) {
  const server = spawn(binary, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (chunk) => { stderr += chunk; });
  const ready = new Promise((resolve, reject) => {
    const fail = (why) => reject(new ErrorType(`the server did not start: ${why}`));
    const timer = setTimeout(() => fail(`no "listening on" line within ${waitMs} ms; stderr: ${stderr}`), waitMs);
    createInterface({ input: server.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^listening on (http:\/\/\S+\/)$/.exec(line);
      if (match) resolve(match[1]);
      else fail(`its first line is not "listening on http://HOST:PORT/": ${JSON.stringify(line)}`);
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(`it exited (${signal ?? code}); stderr: ${stderr}`);
    });
  });
  return { server, ready };
}
