// npm run dev: the API with reload (tsx watch) and Vite's dev server with HMR, which proxies
// /api to it. Both stop together.
import { spawn } from 'node:child_process';

const apiPort = process.env.SHOUWANG_DEV_API_PORT ?? '8787';
const env = { ...process.env, PORT: apiPort, SHOUWANG_SERVE_WEB: '0' };
const children = [
  spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'watch', 'server/main.ts'], { stdio: 'inherit', env }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit', env }),
];
const stop = () => { for (const c of children) c.kill('SIGTERM'); };
for (const c of children) c.on('exit', (code) => { stop(); process.exitCode = code ?? 0; });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
