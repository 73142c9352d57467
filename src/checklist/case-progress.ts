// What the shopper has done about one case: steps checked (with when), evidence they say they
// hold, and three answers the rules need. Plain JSON so any storage can keep it; parsed defensively
// because storage is input like any other.

export const STEP_IDS = [
  'contact_support',
  'contact_payment_provider',
  'escalate_alipay',
  'escalate_wechat',
  'complaint_12315',
  'report_police',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const CARD_KEY_ANSWERS = ['not_delivered', 'delivered_unused', 'used'] as const;
export type CardKeyAnswer = (typeof CARD_KEY_ANSWERS)[number];

export const MONEY_TAKEN_ANSWERS = ['yes', 'no'] as const;
export type MoneyTakenAnswer = (typeof MONEY_TAKEN_ANSWERS)[number];

export interface CaseProgress {
  /** ISO time each step was checked; absent = not done. */
  steps: Partial<Record<StepId, string>>;
  /** Evidence item id → ISO time the shopper marked it as held. */
  evidence: Record<string, string>;
  cardKey: CardKeyAnswer | null;
  shopVanished: boolean;
  /** Whether money left the shopper's account: their bill says, the pages often do not. */
  moneyTaken: MoneyTakenAnswer | null;
}

export const EMPTY_PROGRESS: CaseProgress = { steps: {}, evidence: {}, cardKey: null, shopVanished: false, moneyTaken: null };

export function parseProgress(stored: unknown): CaseProgress {
  if (!stored || typeof stored !== 'object') return EMPTY_PROGRESS;
  const value = stored as Record<string, unknown>;
  const steps: Partial<Record<StepId, string>> = {};
  const rawSteps = isRecord(value.steps) ? value.steps : {};
  for (const id of STEP_IDS) {
    const at = rawSteps[id];
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) steps[id] = at;
  }
  const evidence: Record<string, string> = {};
  for (const [id, at] of Object.entries(isRecord(value.evidence) ? value.evidence : {})) {
    if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) evidence[id] = at;
  }
  const cardKey = CARD_KEY_ANSWERS.find((answer) => answer === value.cardKey) ?? null;
  const moneyTaken = MONEY_TAKEN_ANSWERS.find((answer) => answer === value.moneyTaken) ?? null;
  return { steps, evidence, cardKey, shopVanished: value.shopVanished === true, moneyTaken };
}

export function setStep(progress: CaseProgress, id: StepId, at: string | null): CaseProgress {
  const steps = { ...progress.steps };
  if (at) steps[id] = at;
  else delete steps[id];
  return { ...progress, steps };
}

export function setEvidenceHeld(progress: CaseProgress, id: string, at: string | null): CaseProgress {
  const evidence = { ...progress.evidence };
  if (at) evidence[id] = at;
  else delete evidence[id];
  return { ...progress, evidence };
}

const HOUR = 3_600_000;

/** The deadline given to support starts when the shopper marks the message as sent. */
export function supportDeadline(progress: CaseProgress, deadlineHours: number, now: number): { at: string; overdue: boolean } | null {
  const sent = progress.steps.contact_support;
  if (!sent) return null;
  const at = Date.parse(sent) + deadlineHours * HOUR;
  return { at: new Date(at).toISOString(), overdue: now > at };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}
