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

/** Milliseconds of renderer main-thread time spent in scripts whose URL starts with `origin` (chrome-extension://<id>/). */
export function ownScriptMs(events: readonly TraceEvent[], origin: string): number {
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
  let total = 0;
  for (const spans of byThread.values()) {
    // A function call inside an evaluation of the same script (nested events) is one moment, not two.
    spans.sort((a, b) => a[0] - b[0]);
    let end = -Infinity;
    for (const [start, stop] of spans) {
      if (stop <= end) continue;
      total += stop - Math.max(start, end);
      end = stop;
    }
  }
  return total / 1000;
}
