import { describe, expect, it } from 'vitest';
import { ownScriptTime, type TraceEvent } from '../../../bench/trace-attribution';

const PW = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const call = (pid: number, tid: number, ts: number, dur: number, url: string, name = 'FunctionCall'): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur, args: { data: { url } } });

describe('an extension’s own main-thread time from a trace', () => {
  it('adds up its script evaluations and calls on renderer main threads, in milliseconds', () => {
    const events = [thread(1, 1, 'CrRendererMain'), call(1, 1, 1000, 2500, `${PW}content/page-gate.js`, 'EvaluateScript'), call(1, 1, 9000, 500, `${PW}content/page-gate.js`)];
    expect(ownScriptTime(events, PW).ms).toBe(3);
  });

  it('counts a call nested in an evaluation, or overlapping one, once', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      call(1, 1, 0, 10_000, `${PW}content/page-reader.js`, 'EvaluateScript'),
      call(1, 1, 2_000, 3_000, `${PW}content/page-reader.js`),
      call(1, 1, 8_000, 4_000, `${PW}content/page-reader.js`),
    ];
    expect(ownScriptTime(events, PW).ms).toBe(12);
  });

  it('leaves out other scripts, other extensions, other threads and events without a duration', () => {
    const events = [
      thread(1, 1, 'CrRendererMain'),
      thread(1, 2, 'DedicatedWorker thread'),
      thread(2, 7, 'CrRendererMain'),
      call(1, 1, 0, 1_000, 'https://shop.example/app.js'),
      call(1, 1, 0, 1_000, 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/empty.js'),
      call(1, 2, 0, 1_000, `${PW}content/page-gate.js`),
      { ...call(1, 1, 0, 0, `${PW}content/page-gate.js`), dur: undefined },
      call(2, 7, 0, 1_500, `${PW}content/page-gate.js`),
      call(3, 3, 0, 1_000, `${PW}content/page-gate.js`),
    ];
    expect(ownScriptTime(events, PW).ms).toBe(1.5);
  });

  it('tells apart the garbage collections that ran inside its scripts, and only those', () => {
    const gc = (pid: number, tid: number, ts: number, dur: number, name = 'MinorGC'): TraceEvent => ({ name, ph: 'X', pid, tid, ts, dur });
    const events = [
      thread(1, 1, 'CrRendererMain'),
      thread(1, 2, 'DedicatedWorker thread'),
      call(1, 1, 0, 10_000, `${PW}content/page-reader.js`, 'EvaluateScript'),
      call(1, 1, 20_000, 5_000, `${PW}content/page-reader.js`),
      call(1, 1, 40_000, 8_000, 'https://shop.example/app.js'),
      gc(1, 1, 2_000, 3_000),
      gc(1, 1, 21_000, 1_000, 'MajorGC'),
      // In the page's own script, between the extension's calls, on another thread, or not a collection.
      gc(1, 1, 41_000, 4_000),
      gc(1, 1, 12_000, 2_000),
      gc(1, 2, 3_000, 1_000),
      { ...gc(1, 1, 6_000, 1_000), name: 'Layout' },
      // Begun inside, ended after: not inside the script.
      gc(1, 1, 9_000, 2_000),
    ];
    expect(ownScriptTime(events, PW)).toEqual({ ms: 15, cpuMs: 15, gcMs: 4 });
    expect(ownScriptTime(events, 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/')).toEqual({ ms: 0, cpuMs: 0, gcMs: 0 });
  });

  it('gives the thread’s CPU time in those spans: a nested call’s once, an overlapping one’s outside part, and wall time where none was recorded', () => {
    const cpu = (event: TraceEvent, tdur: number): TraceEvent => ({ ...event, tdur });
    const events = [
      thread(1, 1, 'CrRendererMain'),
      // 10 ms of wall, 4 of CPU; the call inside it ran within those 4.
      cpu(call(1, 1, 0, 10_000, `${PW}content/page-reader.js`, 'EvaluateScript'), 4_000),
      cpu(call(1, 1, 2_000, 3_000, `${PW}content/page-reader.js`), 2_500),
      // Starts inside the evaluation, ends 2 ms after it: half of its 4 ms wall and so half its 3 ms CPU is new.
      cpu(call(1, 1, 8_000, 4_000, `${PW}content/page-reader.js`), 3_000),
      // Starts with the next one and is held by it: the longer one counts, whichever the trace lists first.
      cpu(call(1, 1, 20_000, 1_000, `${PW}content/page-gate.js`), 900),
      cpu(call(1, 1, 20_000, 2_000, `${PW}content/page-gate.js`, 'EvaluateScript'), 1_200),
      // No CPU time recorded: its wall time.
      call(1, 1, 30_000, 500, `${PW}content/page-gate.js`),
    ];
    expect(ownScriptTime(events, PW)).toEqual({ ms: 14.5, cpuMs: 4 + 1.5 + 1.2 + 0.5, gcMs: 0 });
  });
});
