import { execFileSync } from 'node:child_process';

// The browser's main process for one profile, found by the unique profile folder on its command
// line (never by name), so a test can kill exactly the browser it started.

export function browserPidFor(userDataDir: string): number | null {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  for (const line of lines) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const args = match[2]!;
    if (args.includes(`--user-data-dir=${userDataDir}`) && !args.includes('--type=')) return Number(match[1]);
  }
  return null;
}

export async function killAndWait(pid: number, timeoutMs = 10_000): Promise<void> {
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`browser ${pid} did not exit`);
}
