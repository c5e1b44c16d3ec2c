// A static file server for a built site: what `./dev serve` runs when the app reads a sharded archive
// (trunk serve cannot serve the archive beside its dev build). No dependencies.
//
//   node tools/serve.mjs DIR [PORT]      serves DIR at http://127.0.0.1:PORT/ (default 8080)
//
// Serves DIR's files with their content types (application/wasm for instantiateStreaming), the
// precompressed `<file>.gz` the release build writes when the browser accepts gzip, and
// `Cache-Control: no-cache` (every reload revalidates: a rebuilt archive shows at once). Nothing
// outside DIR is served; a folder serves its index.html.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { MIME } from './mime.mjs';


const [dirArg, portArg = '8080'] = process.argv.slice(2);
if (!dirArg) {
  console.error('usage: node tools/serve.mjs DIR [PORT]');
  process.exit(2);
}
const root = path.resolve(dirArg);
const port = Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: ${portArg} is not a port number`);
  process.exit(2);
}
if (!(await stat(root).catch(() => null))?.isDirectory()) {
  console.error(`serve: ${root} is not a folder (build the site first)`);
  process.exit(1);
}

const isFile = async (f) => (await stat(f).catch(() => null))?.isFile() ?? false;

createServer(async (req, res) => {
  try {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    let file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
    if (!(await isFile(file))) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      console.log(`404 ${pathname}`);
      return;
    }
    const headers = {
      'content-type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      // Any origin may read the files (a widget on another site fetching the app and its archive).
      'access-control-allow-origin': '*',
    };
    let body = file;
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && (await isFile(`${file}.gz`))) {
      body = `${file}.gz`;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = (await stat(body)).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(body).pipe(res);
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
  }
}).listen(port, '127.0.0.1', function () {
  console.log(`serving ${root} at http://127.0.0.1:${this.address().port}/ (Ctrl+C to stop)`);
});
