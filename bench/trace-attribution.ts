// Which part of a renderer's main-thread time was an extension's own: from the events of a Chromium
// trace (categories devtools.timeline and v8.execute), the script evaluations and function calls
// whose script is one of the extension's files, with everything they caused inside them (compiling,
// style and layout a getComputedStyle forced, garbage collection), each moment counted once. Pure:
// own-script-time.ts records the traces.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string } };
}

/**
 * Garbage collections as the timeline names them. One inside an extension's script ran there
 * because the young generation filled up then: the page's own garbage and survivors fill it too,
 * so it is part of the extension's time without being only its cost (reported apart, not taken off).
 */
const GC_EVENTS = new Set(['MinorGC', 'MajorGC']);

/** Milliseconds of renderer main-thread time spent in scripts whose URL starts with `origin` (chrome-extension://<id>/). */
export function ownScriptMs(events: readonly TraceEvent[], origin: string): number {
  return ownScriptTime(events, origin).ms;
}

/** ownScriptMs, and the milliseconds of it that were garbage collection run inside those scripts. */
export function ownScriptTime(events: readonly TraceEvent[], origin: string): { ms: number; gcMs: number } {
  const byThread = ownSpans(events, origin);
  let total = 0;
  for (const spans of byThread.values()) for (const [start, stop] of spans) total += stop - start;
  let gc = 0;
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur || !GC_EVENTS.has(event.name)) continue;
    const spans = byThread.get(`${event.pid}:${event.tid}`);
    if (spans?.some(([start, stop]) => event.ts >= start && event.ts + event.dur! <= stop)) gc += event.dur;
  }
  return { ms: total / 1000, gcMs: gc / 1000 };
}

/** The extension's script time on each renderer main thread, as disjoint [start, stop] spans in trace microseconds. */
function ownSpans(events: readonly TraceEvent[], origin: string): Map<string, Array<[number, number]>> {
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`),
  );
  const byThread = new Map<string, Array<[number, number]>>();
  for (const event of events) {
    if (event.ph !== 'X' || !event.dur) continue;
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    const url = event.args?.data?.url ?? event.args?.data?.scriptName ?? '';
    if (!url.startsWith(origin)) continue;
    let spans = byThread.get(thread);
    if (!spans) byThread.set(thread, (spans = []));
    spans.push([event.ts, event.ts + event.dur]);
  }
  for (const [thread, spans] of byThread) {
    // A function call inside an evaluation of the same script (nested events) is one moment, not two.
    spans.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const [start, stop] of spans) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], stop);
      else merged.push([start, stop]);
    }
    byThread.set(thread, merged);
  }
  return byThread;
}
