import type { ComponentChildren } from 'preact';
import { CARD_KEY_ANSWERS, MONEY_TAKEN_ANSWERS, setEvidenceHeld, setStep, type CaseProgress, type StepId } from '../checklist/case-progress';
import type { EvidenceItem, RefundChecklist } from '../checklist/refund-checklist';
import type { CaseFacts } from '../export/case-facts';
import { t } from '../shared/i18n';
import { shortTime } from './format-time';
import { SupportMessage } from './support-message-box';

export interface ChecklistViewProps {
  facts: CaseFacts;
  checklist: RefundChecklist;
  progress: CaseProgress;
  supportDeadlineHours: number;
  onChange(next: CaseProgress): void;
}

/** The refund checklist: evidence held, what the verdict means, and the steps to take. */
export function ChecklistView({ facts, checklist, progress, supportDeadlineHours, onChange }: ChecklistViewProps) {
  const now = () => new Date().toISOString();
  const toggleStep = (id: StepId, checked: boolean) => onChange(setStep(progress, id, checked ? now() : null));
  return (
    <>
      {checklist.evidence.length > 0 && (
        <section class="card" aria-labelledby="evidence-heading">
          <h3 id="evidence-heading">
            {t('evidenceHeading')}{' '}
            <span class="muted">{t('evidenceCompleteness', [String(checklist.completeness.done), String(checklist.completeness.total)])}</span>
          </h3>
          <ul class="checklist">
            {checklist.evidence.map((item) => (
              <EvidenceRow
                key={item.id}
                item={item}
                onMark={(held) => onChange(setEvidenceHeld(progress, item.id, held ? now() : null))}
              />
            ))}
          </ul>
        </section>
      )}

      {checklist.meaning && (
      <section class="card" aria-labelledby="meaning-heading">
        <h3 id="meaning-heading">{t('meaningHeading')}</h3>
        <p>{t(checklist.meaning)}</p>
        {checklist.fix && <p class="note">{t(checklist.fix)}</p>}
        {checklist.askMoneyTaken && (
          <RadioQuestion
            name="money-taken"
            legend={t('moneyTakenQuestion')}
            answers={MONEY_TAKEN_ANSWERS}
            value={progress.moneyTaken}
            label={(answer) => t(`moneyTaken_${answer}`)}
            onPick={(answer) => onChange({ ...progress, moneyTaken: answer })}
          />
        )}
        {checklist.noClaim && <p class="note no-claim">{t(checklist.noClaim)}</p>}
        {checklist.askCardKey && (
          <RadioQuestion
            name="card-key"
            legend={t('cardKeyQuestion')}
            answers={CARD_KEY_ANSWERS}
            value={progress.cardKey}
            label={(answer) => t(`cardKey_${answer}`)}
            onPick={(answer) => onChange({ ...progress, cardKey: answer })}
          >
            {progress.cardKey && <p class="note">{t(`cardKeyNote_${progress.cardKey}`)}</p>}
          </RadioQuestion>
        )}
      </section>
      )}

      {checklist.steps.length > 0 && (
        <section class="card" aria-labelledby="steps-heading">
          <h3 id="steps-heading">{t('stepsHeading')}</h3>
          {checklist.askShopVanished && (
            <label class="question">
              <input
                type="checkbox"
                checked={progress.shopVanished}
                onChange={(event) => onChange({ ...progress, shopVanished: event.currentTarget.checked })}
              />
              {t('shopVanishedQuestion')}
            </label>
          )}
          <ol class="checklist steps">
            {checklist.steps.map((step) => (
              <li key={step.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={step.checkedAt !== null}
                    onChange={(event) => toggleStep(step.id, event.currentTarget.checked)}
                  />
                  <strong>{t(`step_${step.id}`)}</strong>
                </label>
                <p class="how">{t(`stepHow_${step.id}`)}</p>
                {step.checkedAt && <p class="done-at">{t('doneAt', shortTime(step.checkedAt))}</p>}
                {step.id === 'contact_support' && (
                  <SupportMessage
                    facts={facts}
                    deadline={checklist.supportDeadline}
                    deadlineHours={supportDeadlineHours}
                    onSent={(at) => onChange(setStep(progress, 'contact_support', at))}
                  />
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

interface RadioQuestionProps<T extends string> {
  name: string;
  legend: string;
  answers: readonly T[];
  value: T | null;
  label(answer: T): string;
  onPick(answer: T): void;
  children?: ComponentChildren;
}

/** A question the shopper answers once (money taken? card key used?), as labelled radios. */
function RadioQuestion<T extends string>({ name, legend, answers, value, label, onPick, children }: RadioQuestionProps<T>) {
  return (
    <fieldset class={name}>
      <legend>{legend}</legend>
      {answers.map((answer) => (
        <label key={answer}>
          <input type="radio" name={name} checked={value === answer} onChange={() => onPick(answer)} />
          {label(answer)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

function EvidenceRow({ item, onMark }: { item: EvidenceItem; onMark(held: boolean): void }) {
  const label = t(`evidence_${item.base}`, item.subject ?? '');
  return (
    <li class={item.done ? 'done' : 'missing'}>
      <span class="state">{item.done ? t('evidenceDone') : t('evidenceMissing')}</span>
      {item.auto ? (
        <strong>{label}</strong>
      ) : (
        <label>
          <input type="checkbox" checked={item.done} onChange={(event) => onMark(event.currentTarget.checked)} />
          <strong>{label}</strong>
        </label>
      )}
      {!item.done && <p class="how">{t(`evidenceHow_${item.base}`)}</p>}
    </li>
  );
}
