// Which part of a renderer's main-thread time was an extension's own: from the events of a Chromium
// trace (categories devtools.timeline and v8.execute), the script evaluations and function calls
// whose script is one of the extension's files, with everything they caused inside them (compiling,
// style and layout a getComputedStyle forced, garbage collection), each moment counted once. Pure:
// own-script-time.ts records the traces.
//
// Two measures of that time: wall (the span from an event's start to its end) and CPU (the thread's
// own time inside it, Chromium's `tdur`). On a loaded 2-core machine a renderer's main thread is
// often taken off the core in the middle of a script — by the browser process, the trace's own
// writer, the page's compositor — and the wall span then holds milliseconds in which the script did
// nothing (a 4.4 kB script's parse: 0.5–1 ms of CPU in spans of 1.9–4.5 ms). Those milliseconds
// delay the page whatever runs in it, so the wall span is what a page waits and the CPU time is the
// work the extension did; a comparison of two builds is fairer on the second.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event, microseconds (Chromium records it for most events). */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/** An extension's time in its own scripts, ms: wall spans, the CPU time in them, and collections in them. */
export interface OwnTime {
  ms: number;
  cpuMs: number;
  gcMs: number;
}

/**
 * Garbage collections as the timeline names them. One inside an extension's script ran there
 * because the young generation filled up then: the page's own garbage and survivors fill it too,
 * so it is part of the extension's time without being only its cost (reported apart, not taken off).
 */
const GC_EVENTS = new Set(['MinorGC', 'MajorGC']);

/**
 * Milliseconds of renderer main-thread time spent in scripts whose URL starts with `origin`
 * (chrome-extension://<id>/), its CPU time, and the milliseconds of it that were garbage collection
 * run inside those scripts.
 */
export function ownScriptTime(events: readonly TraceEvent[], origin: string): OwnTime {
  const byThread = ownSpans(events, origin);
  let total = 0;
  let cpu = 0;
  for (const spans of byThread.values()) {
    for (const [start, stop, spanCpu] of spans) {
      total += stop - start;
      cpu += spanCpu;
    }
  }
  let gc = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur || !GC_EVENTS.has(event.name)) continue;
    const spans = byThread.get(`${event.pid}:${event.tid}`);
    if (spans?.some(([start, stop]) => event.ts >= start && event.ts + event.dur! <= stop)) gc += event.dur;
  }
  return { ms: total / 1000, cpuMs: cpu / 1000, gcMs: gc / 1000 };
}

/** A span of the extension's script time: start and stop in trace microseconds, and the CPU microseconds in it. */
type Span = [start: number, stop: number, cpu: number];

/**
 * The extension's script time on each renderer main thread, as disjoint spans. The CPU time of a
 * span is that of the events it was made of that no other one holds (a call nested in an
 * evaluation ran inside its CPU time); of one that overlaps the span only in part, the part outside
 * it, in proportion. An event without a CPU time counts its wall time.
 */
function ownSpans(events: readonly TraceEvent[], origin: string): Map<string, Span[]> {
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, Span[]>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
    if (!url.startsWith(origin)) continue;
    let spans = byThread.get(thread);
    if (!spans) byThread.set(thread, (spans = []));
    spans.push([event.ts, event.ts + event.dur, event.tdur ?? event.dur]);
  }
  for (const [thread, spans] of byThread) {
    // A function call inside an evaluation of the same script (nested events) is one moment, not two.
    // Longest first among those that start together, so that the outer event is the one counted.
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: Span[] = [];
    for (const [start, stop, cpu] of spans) {
      const last = merged[merged.length - 1];
      if (!last || start > last[1]) merged.push([start, stop, cpu]);
      else if (stop > last[1]) {
        last[2] += (cpu * (stop - last[1])) / (stop - start);
        last[1] = stop;
      }
    }
    byThread.set(thread, merged);
  }
  return byThread;
}
