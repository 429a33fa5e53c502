/** The benefits of filing online that the commune's outreach plan names. */
import { BENEFITS } from '../../../content/benefits';
import { pick } from '../../../domain/localized';
import { useI18n } from '../../i18n-context';

export function BenefitList() {
  const { lang } = useI18n();
  return (
    <ul class="benefits">
      {BENEFITS.map((benefit) => (
        <li key={benefit.id} class="benefit">
          <h3>{pick(benefit.title, lang)}</h3>
          <p>{pick(benefit.body, lang)}</p>
        </li>
      ))}
    </ul>
  );
}
