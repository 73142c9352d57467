import { noneVerdict, type Verdict } from './verdict';

// A capture the shopper asked for (context menu, shortcut, popup) is kept whatever the detectors
// say. When they found something, the capture is filed as that. When they found nothing, a page
// showing an order is a neutral `order_status` snapshot of it; any other page is kind `manual`
// (a v1 extension value): "the shopper kept this page", with no claim about fault.

export function manualVerdict(detected: Verdict): Verdict {
  if (detected.kind !== 'none') return detected;
  const base = noneVerdict(detected);
  if (detected.orderId) return { ...base, kind: 'order_status', reasonCode: 'manual_capture_order' };
  return { ...base, kind: 'manual', reasonCode: 'manual_capture' };
}
