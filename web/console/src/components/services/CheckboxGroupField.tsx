// A Checkbox.Group for Form.Item: a labelled role="group" (Form.Item's aria-required is not allowed on a
// plain group, so it is dropped here; the label still shows the required mark).
import { Checkbox } from 'antd';

export default function CheckboxGroupField({
  id,
  value,
  onChange,
  options,
  label,
  disabled,
}: {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  options: Array<{ value: string; label: string }>;
  label: string;
  disabled?: boolean;
  'aria-required'?: boolean | 'true' | 'false';
}) {
  return (
    <div id={id} role="group" aria-label={label}>
      <Checkbox.Group value={value} onChange={(next) => onChange?.(next as string[])} options={options} disabled={disabled} />
    </div>
  );
}
