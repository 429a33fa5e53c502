/** One filter as a row of radio "chips": real radios with labels, large enough for a thumb. */
export interface ChipOption {
  value: string;
  label: string;
}

interface Props {
  name: string;
  legend: string;
  options: readonly ChipOption[];
  value: string;
  onChange: (value: string) => void;
}

export function FilterChips({ name, legend, options, value, onChange }: Props) {
  return (
    <fieldset class="chips">
      <legend>{legend}</legend>
      <div class="chips__row">
        {options.map((option) => (
          <label key={option.value} class={`chip${option.value === value ? ' chip--on' : ''}`}>
            <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
