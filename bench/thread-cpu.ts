// CPU time of a process's threads, from /proc (Linux): it shows which thread set the pace. On a
// shared machine it swells with the neighbours' load too, though less than wall time (two runs
// of the benchmark an hour apart: import 8.1 and 11.5 s, writer thread 6.8 and 9.0 s of CPU).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of one /proc/.../stat line, in milliseconds; null when unreadable. */
export function statCpuMs(statPath: string): number | null {
  let line: string;
  try {
    line = fs.readFileSync(statPath, 'utf8');
  } catch {
    return null;
  }
  // The command name, in parentheses, may hold spaces: fields are counted after its ')'.
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : null;
}

/** This thread's CPU time so far, or null off Linux. */
export const ownThreadCpuMs = (): number | null => statCpuMs('/proc/thread-self/stat');

export interface ThreadSampler {
  /** The last CPU time seen for each thread other than the main one, highest first (ms). */
  stop(): number[];
}

/**
 * Reads the CPU time of each thread of `pid` every `everyMs` until stopped. A thread that ends
 * keeps the last figure read (up to `everyMs` short). Off Linux it reports nothing.
 */
export function sampleThreads(pid: number, everyMs = 50): ThreadSampler {
  const last = new Map<number, number>();
  const read = (): void => {
    let tids: string[];
    try {
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tids) {
      const ms = statCpuMs(`/proc/${pid}/task/${tid}/stat`);
      if (ms !== null) last.set(Number(tid), ms);
    }
  };
  const timer = setInterval(read, everyMs);
  return {
    stop() {
      clearInterval(timer);
      last.delete(pid);
      return [...last.values()].sort((a, b) => b - a);
    },
  };
}
