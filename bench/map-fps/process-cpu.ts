// CPU used over a window, from /proc: this process (server, embedded engine worker, feed),
// Chromium (our descendant processes, by Chromium process type) and the whole machine,
// which is shared.
import { readdirSync, readFileSync } from 'node:fs';
import { round } from '../shared/numbers.ts';

const CLOCK_TICKS = 100;

function machineJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1);
  const n = fields.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - n[3]! - (n[4] ?? 0), total };
}

/**
 * CPU seconds used so far by each descendant process of this one (Chromium's), with its
 * Chromium process type (--type=renderer, gpu-process, utility, ...; none: the browser).
 */
function childrenCpu(): Map<number, { type: string; seconds: number }> {
  const parentOf = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(rest[1]));
      cpu.set(Number(entry), (Number(rest[11]) + Number(rest[12])) / CLOCK_TICKS);
    } catch {
      // gone meanwhile
    }
  }
  const ours = new Map<number, { type: string; seconds: number }>();
  for (const [pid, seconds] of cpu) {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) {
      if (p !== process.pid) continue;
      let type = 'browser';
      try {
        // Chromium rewrites its argv into one string: no NUL separators to split on.
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        type = /--type=([\w-]+)/.exec(args)?.[1] ?? 'browser';
      } catch {
        // gone meanwhile
      }
      ours.set(pid, { type, seconds });
      break;
    }
  }
  return ours;
}

export function cpuMark() {
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    selfS: (usage.user + usage.system) / 1e6,
    chromium: childrenCpu(),
    machine: machineJiffies(),
  };
}

/** Cores used since the mark; a process that ended meanwhile (a closed page's) is left out. */
export function cpuSince(mark: ReturnType<typeof cpuMark>) {
  const now = cpuMark();
  const seconds = (now.atMs - mark.atMs) / 1000;
  const byType: Record<string, number> = {};
  let chromiumS = 0;
  for (const [pid, { type, seconds: used }] of now.chromium) {
    const delta = used - (mark.chromium.get(pid)?.seconds ?? 0);
    chromiumS += delta;
    byType[type] = (byType[type] ?? 0) + delta;
  }
  return {
    benchProcessCores: round((now.selfS - mark.selfS) / seconds),
    chromiumCores: round(chromiumS / seconds),
    chromiumCoresByProcess: Object.fromEntries(
      Object.entries(byType).map(([type, s]) => [type, round(s / seconds)]),
    ),
    machineBusyPct: round(
      (100 * (now.machine.busy - mark.machine.busy)) / (now.machine.total - mark.machine.total),
      0,
    ),
  };
}
