import { Input, type InputRef } from 'antd';
import type { ComponentProps, Ref } from 'react';

type Props = Omit<ComponentProps<typeof Input.Password>, 'ref'> & { ref?: Ref<InputRef> };

/** A PIN: 4 to 8 digits, hidden, never remembered by the browser. */
export function PinInput(props: Props) {
  return (
    <Input.Password
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      visibilityToggle={false}
      placeholder="4 至 8 位数字"
      {...props}
    />
  );
}

/** The same rules main checks, so most mistakes are caught before the call. */
export const pinRules = [
  { required: true, message: '请输入 PIN' },
  { pattern: /^[0-9]{4,8}$/, message: 'PIN 应为 4 至 8 位数字' },
];

/** "Type it again": must equal the field named `pinField`. */
export function confirmPinRules(pinField: string) {
  return [
    { required: true, message: '请再次输入 PIN' },
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: (_rule: unknown, value: unknown) =>
        value === getFieldValue(pinField)
          ? Promise.resolve()
          : Promise.reject(new Error('两次输入的 PIN 不一致')),
    }),
  ];
}
