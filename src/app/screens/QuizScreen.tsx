/**
 * The short check staff run with a resident after the explainer. Answers live in this component's
 * state only: they are not personal data, and nothing is stored or sent.
 */
import { useState } from 'preact/hooks';
import { QUIZ } from '../../content/quiz';
import { useI18n } from '../i18n-context';
import { EXPLAINER_PATH } from '../router';
import { Link } from '../components/Link';
import { QuizQuestionView } from '../components/quiz/QuizQuestionView';
import '../components/quiz/quiz.css';

export default function QuizScreen() {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const total = QUIZ.length;
  const answered = QUIZ.filter((q) => answers[q.id] !== undefined).length;
  const correct = QUIZ.filter((q) => answers[q.id] === q.correctOptionId).length;
  const done = answered === total;

  return (
    <div class="quiz">
      <h1>{t('quiz.title')}</h1>
      <p class="lead">{t('quiz.intro', { count: total })}</p>
      <form class="quiz__form" onSubmit={(e) => e.preventDefault()}>
        {QUIZ.map((question, i) => (
          <QuizQuestionView
            key={question.id}
            question={question}
            n={i + 1}
            total={total}
            chosen={answers[question.id]}
            onChoose={(optionId) => setAnswers((prev) => ({ ...prev, [question.id]: optionId }))}
          />
        ))}
      </form>
      <div class={`quiz__score${done ? ' quiz__score--done' : ''}`} role="status" data-testid="quiz-score">
        {done ? (
          <>
            <p>
              <strong>{t('quiz.score', { correct, total })}</strong>
            </p>
            <p>{correct === total ? t('quiz.allCorrect') : t('quiz.review')}</p>
          </>
        ) : (
          <p>{t('quiz.progress', { answered, total })}</p>
        )}
      </div>
      <p class="link-row">
        <button type="button" class="btn" onClick={() => setAnswers({})} disabled={answered === 0}>
          {t('quiz.restart')}
        </button>
        <Link href={EXPLAINER_PATH} class="btn">
          {t('quiz.back')}
        </Link>
      </p>
    </div>
  );
}
