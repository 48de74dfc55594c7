import { Input } from 'antd';

/** A labelled one-line text field, as the county's forms ask for names, reasons and paths. */
export function TextField({
  label,
  value,
  onChange,
  width,
  placeholder,
  onEnter,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  width: number;
  placeholder?: string;
  onEnter?: () => void;
}) {
  return (
    <label>
      {label}：
      <Input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        style={{ width }}
        aria-label={label}
        {...(placeholder === undefined ? {} : { placeholder })}
        {...(onEnter === undefined ? {} : { onPressEnter: onEnter })}
      />
    </label>
  );
}
