#!/usr/bin/env python3
"""Counts a JFR recording's CPU samples (jdk.ExecutionSample) in a time window, as docs/benchmarks.md reads them.

usage: jfr_samples.py RECORDING START END [MODE [ARG]]
  START, END  HH:MM:SS as `jfr print` shows the samples' startTime (the JVM's time zone; UTC on the benchmarks' machine)
  MODE        frames (default): samples per thread, per top frame, and per frame anywhere in the stack (ARG: rows)
              libraries: samples per library doing the work (the first frame from the top outside java.*, jdk.*, sun.*)
              callers: for samples whose top frame matches the regular expression ARG, the chains of their callers
JFR_TOOL names the jfr command (default: jfr of the JDK on PATH; JDK 17's reads JDK 17 recordings).
"""
import collections
import os
import re
import subprocess
import sys

LIBRARIES = [
    ('micrometer and opentelemetry (observation, tracing, metrics)',
     r'io\.micrometer|io\.opentelemetry|org\.springframework\.boot\.micrometer'
     r'|org\.springframework\.cloud\.gateway\.filter\.headers\.observation'),
    ('jackson', r'tools\.jackson|com\.fasterxml'),
    ('mongodb driver', r'com\.mongodb|org\.bson'),
    ('spring data', r'org\.springframework\.data'),
    ('kafka client', r'org\.apache\.kafka'),
    ('spring kafka, integration, stream, messaging, function',
     r'org\.springframework\.(kafka|integration|cloud\.stream|messaging|cloud\.function)'),
    ('tomcat', r'org\.apache\.(catalina|coyote|tomcat)'),
    ('netty and reactor', r'io\.netty|reactor'),
    ('spring security', r'org\.springframework\.security'),
    ('spring cloud gateway and loadbalancer', r'org\.springframework\.cloud\.(gateway|loadbalancer)'),
    ('spring web', r'org\.springframework\.(web|http)'),
    ('hibernate validator', r'org\.hibernate'),
    ('lucene', r'org\.apache\.lucene'),
    ('logback and slf4j', r'ch\.qos|org\.slf4j'),
    ('inovasi', r'id\.go\.bangka'),
    ('spring, other', r'org\.springframework'),
]


def samples(recording, start, end):
    """Yields (thread, frames from the top) of each sample whose startTime lies in [start, end]."""
    jfr = os.environ.get('JFR_TOOL', 'jfr')
    out = subprocess.Popen([jfr, 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', recording],
                           stdout=subprocess.PIPE, text=True).stdout
    time, thread, frames = None, None, None
    for line in out:
        text = line.strip()
        if text.startswith('jdk.ExecutionSample'):
            if frames and time and start <= time <= end:
                yield thread, frames
            time, thread, frames = None, None, None
        elif text.startswith('startTime'):
            time = text.split('=')[1].strip()[:8]
        elif text.startswith('sampledThread'):
            thread = re.sub(r'\d+', 'N', text.split('"')[1]) if '"' in text else '?'
        elif text.startswith('stackTrace'):
            frames = []
        elif frames is not None and text and text not in (']', '}', '...'):
            frames.append(re.sub(r'\s+line:.*$', '', text))
    if frames and time and start <= time <= end:
        yield thread, frames


def library(frames):
    for frame in frames:
        if re.match(r'(java|jdk|sun)\.', frame):
            continue
        for name, pattern in LIBRARIES:
            if re.match(pattern, frame):
                return name
        return 'other: ' + '.'.join(frame.split('.')[:3])
    return 'the JDK only'


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    recording, start, end = sys.argv[1:4]
    mode = sys.argv[4] if len(sys.argv) > 4 else 'frames'
    arg = sys.argv[5] if len(sys.argv) > 5 else None
    if mode not in ('frames', 'libraries', 'callers') or (mode == 'callers' and arg is None):
        sys.exit(__doc__)
    counts = collections.defaultdict(collections.Counter)
    total = 0
    for thread, frames in samples(recording, start, end):
        total += 1
        if mode == 'frames':
            counts['threads'][thread] += 1
            counts['top frames'][frames[0]] += 1
            for frame in set(frames):
                counts['anywhere in the stack'][frame] += 1
        elif mode == 'libraries':
            counts['libraries'][library(frames)] += 1
        elif mode == 'callers' and re.search(arg, frames[0]):
            counts['callers of ' + arg][' <- '.join(re.sub(r'\(.*$', '', f) for f in frames[1:7])] += 1
    rows = int(arg) if mode == 'frames' and arg else 40
    print(f'{recording}: {total} samples from {start} to {end}')
    for title, counter in counts.items():
        print(f'-- {title}')
        for key, count in counter.most_common(rows * (3 if title == 'anywhere in the stack' else 1)):
            print(f'{100.0 * count / max(total, 1):5.1f} % {key}')


if __name__ == '__main__':
    main()
