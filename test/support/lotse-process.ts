import { type ChildProcess, spawn } from 'node:child_process';

/** `lotse serve` as a child process (the way an operator runs it), with its output kept for assertions. */
export interface LotseProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

export async function spawnLotse(env: Record<string, string>, args: string[] = ['serve', '--no-demo']) {
  const { DATABASE_URL: _shared, ...base } = process.env;
  const child = spawn('node', ['bin/lotse.mjs', ...args], {
    env: { ...base, PORT: '0', HOST: '127.0.0.1', LOTSE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exitCode: number | null | undefined;
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lotse did not start:\n${out}`)), 120_000);
    const check = () => {
      const m = /Lotse läuft auf (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`lotse exited during start-up:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    exited: () => exitCode !== undefined,
    stop: async () => {
      if (exitCode === undefined) {
        child.kill('SIGTERM');
        await exitedPromise;
      }
    },
  } satisfies LotseProcess;
}
