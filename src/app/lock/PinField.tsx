/** A PIN input: digits keypad on phones, never autofilled or remembered, large for one thumb. */
interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}

export function PinField({ id, label, value, onInput, describedBy, invalid, autoFocus }: Props) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class="input--pin"
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        autocomplete="off"
        maxLength={12}
        autoFocus={autoFocus}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value.replace(/\D/g, ''))}
      />
    </div>
  );
}
