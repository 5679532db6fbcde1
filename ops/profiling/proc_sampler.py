#!/usr/bin/env python3
"""Samples every Java process's CPU and run-queue wait once a second, as docs/benchmarks.md section 2 reads them.

usage: proc_sampler.py sample LOG            append a line a second to LOG until stopped (Ctrl-C, kill)
       proc_sampler.py average LOG START END  mean per process over [START, END] (HH:MM:SS, UTC)

Each line: the UTC second, the machine's busy and idle CPU ms in that second (/proc/stat), the speed of a fixed
loop per CPU second of this script relative to its first ten seconds (below 1: the machine ran slow), and per Java
process name=cpu/wait: CPU ms (/proc/<pid>/stat) and its threads' run-queue waits summed, ms
(/proc/<pid>/task/*/schedstat). A process is named by its main class or jar. The script itself takes about 50 ms of
CPU a second, reported as sampler=<its CPU ms so far>.
"""
import collections
import os
import re
import sys
import time

TICK_MS = 1000 // os.sysconf('SC_CLK_TCK')


def name(pid):
    """The main class's simple name or the jar's file name of a Java process; None for anything else."""
    try:
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            args = f.read().decode(errors='replace').split('\0')
    except OSError:
        return None
    if not args or not args[0].endswith('java'):
        return None
    if any('plexus-classworlds' in a for a in args):
        return 'maven'
    i = 1
    while i < len(args):
        if args[i] == '-jar':
            return args[i + 1].split('/')[-1]
        if args[i] in ('-cp', '-classpath'):
            i += 2
        elif args[i].startswith('-'):
            i += 1
        else:
            return args[i].split('.')[-1]
    return '?'


def cpu_ms(pid):
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK_MS


def wait_ms(pid):
    total = 0
    for task in os.listdir(f'/proc/{pid}/task'):
        try:
            with open(f'/proc/{pid}/task/{task}/schedstat') as f:
                total += int(f.read().split()[1])
        except OSError:
            pass
    return total / 1e6


def machine_ms():
    with open('/proc/stat') as f:
        v = list(map(int, f.readline().split()[1:]))
    return (v[0] + v[1] + v[2] + v[5] + v[6]) * TICK_MS, v[3] * TICK_MS


def loop_speed():
    """Iterations of a fixed loop per ms of this thread's CPU, over 3 ms of CPU."""
    began, n, x = time.thread_time_ns(), 0, 0
    while time.thread_time_ns() - began < 3_000_000:
        for i in range(200):
            x = (x * 31 + i) & 0xffff
        n += 1
    return n / ((time.thread_time_ns() - began) / 1e6)


def sample(log):
    known, machine, baseline, speeds = {}, machine_ms(), [], []
    due = time.time()
    with open(log, 'a') as out:
        while True:
            speeds.append(loop_speed())
            if time.time() < due:
                time.sleep(min(0.1, due - time.time()))
                continue
            due += 1.0
            now = machine_ms()
            busy, idle, machine = now[0] - machine[0], now[1] - machine[1], now
            speed = sorted(speeds)[len(speeds) // 2]
            speeds = []
            if len(baseline) < 10:
                baseline.append(speed)
            columns = []
            for pid in filter(str.isdigit, os.listdir('/proc')):
                try:
                    if pid not in known:
                        process = name(pid)
                        if process:
                            known[pid] = (process, cpu_ms(pid), wait_ms(pid))
                        continue
                    process, cpu, wait = known[pid]
                    known[pid] = (process, cpu_ms(pid), wait_ms(pid))
                    columns.append(f'{process}={known[pid][1] - cpu}/{known[pid][2] - wait:.0f}')
                except (OSError, IndexError, ValueError):
                    # Gone, or caught mid-start or mid-exit (its /proc files empty or partly written): an exception
                    # here once ended a run's sampling 40 s in, silently.
                    known.pop(pid, None)
            own = os.times()
            columns.append(f'sampler={int((own.user + own.system) * 1000)}')
            relative = speed / sorted(baseline)[len(baseline) // 2]
            out.write(f"{time.strftime('%H:%M:%S', time.gmtime())} busy={busy} idle={idle} speed={relative:.2f} "
                      + ' '.join(sorted(columns)) + '\n')
            out.flush()


def average(log, start, end):
    cpu, wait, busy, speed = collections.defaultdict(int), collections.defaultdict(float), [], []
    with open(log) as f:
        for line in f:
            if not start <= line[:8] <= end:
                continue
            busy.append(int(re.search(r'busy=(\d+)', line).group(1)))
            speed.append(float(re.search(r'speed=([\d.]+)', line).group(1)))
            for process, c, w in re.findall(r'(\S+?)=(-?\d+)/(-?[\d.]+)', line):
                cpu[process] += int(c)
                wait[process] += float(w)
    seconds = len(busy)
    if not seconds:
        sys.exit(f'no line from {start} to {end} in {log}')
    print(f'{seconds} s: the machine busy {sum(busy) / seconds:.0f} ms a second, '
          f'loop speed median {sorted(speed)[seconds // 2]:.2f}')
    for process in sorted(cpu, key=lambda p: -cpu[p]):
        print(f'  {process:40s} CPU {cpu[process] / seconds:6.0f} ms/s, run-queue wait {wait[process] / seconds:6.0f} ms/s')


def main():
    if len(sys.argv) == 3 and sys.argv[1] == 'sample':
        sample(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == 'average':
        average(*sys.argv[2:5])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
