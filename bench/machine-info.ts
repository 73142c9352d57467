import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { findBrowser } from '../scripts/find-browser.mjs';

// What the numbers were taken on. Absolute times only compare within one run; the load average
// says whether other work shared the machine.

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  chromium: string;
  node: string;
  loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const browser = findBrowser();
  return {
    nproc: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    chromium: browser ? execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() : 'not found',
    node: process.version,
    loadAverage1m: loadavg()[0] ?? 0,
  };
}
