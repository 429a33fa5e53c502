/** One question: real radio buttons, and right after a choice, whether it was right and why. */
import type { QuizQuestion } from '../../../domain/service-levels';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';

interface Props {
  question: QuizQuestion;
  n: number;
  total: number;
  chosen: string | undefined;
  onChoose: (optionId: string) => void;
}

export function QuizQuestionView({ question, n, total, chosen, onChoose }: Props) {
  const { t, lang } = useI18n();
  const right = question.options.find((o) => o.id === question.correctOptionId);
  const correct = chosen === question.correctOptionId;
  const feedbackId = `quiz-${question.id}-feedback`;
  return (
    <fieldset class="quiz__question" aria-describedby={chosen ? feedbackId : undefined}>
      <legend>
        <span class="quiz__n">{t('quiz.question', { n, total })}</span>
        <span class="quiz__text">{pick(question.question, lang)}</span>
      </legend>
      <div class="quiz__options">
        {question.options.map((option) => (
          <label key={option.id} class="choice quiz__option">
            <input
              type="radio"
              name={`quiz-${question.id}`}
              value={option.id}
              checked={chosen === option.id}
              onChange={() => onChoose(option.id)}
            />
            <span>{pick(option.label, lang)}</span>
          </label>
        ))}
      </div>
      {/* Always present, so screen readers announce the verdict when it appears. */}
      <div
        id={feedbackId}
        class={`quiz__feedback${chosen ? (correct ? ' quiz__feedback--ok' : ' quiz__feedback--bad') : ''}`}
        aria-live="polite"
      >
        {chosen && (
          <>
            <p class="quiz__verdict">
              <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
              {correct ? t('quiz.correct') : t('quiz.wrong')}
              {!correct && right && ` ${t('quiz.answerWas', { answer: pick(right.label, lang) })}`}
            </p>
            <p>{pick(question.explanation, lang)}</p>
          </>
        )}
      </div>
    </fieldset>
  );
}
