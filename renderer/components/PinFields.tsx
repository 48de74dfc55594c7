import { Form, type InputRef } from 'antd';
import type { ReactNode, Ref } from 'react';
import { confirmPinRules, PinInput, pinRules } from './PinInput';

/** One PIN form field with the PIN rules: sign-in, unlock, the current PIN. */
export function PinField(props: {
  name: string;
  label: string;
  extra?: ReactNode;
  autoFocus?: boolean;
  inputRef?: Ref<InputRef>;
}) {
  return (
    <Form.Item name={props.name} label={props.label} rules={pinRules} extra={props.extra}>
      <PinInput autoFocus={props.autoFocus} ref={props.inputRef} />
    </Form.Item>
  );
}

/** A new PIN and the field named `confirm` that must repeat it. */
export function PinFields(props: {
  name: string;
  label: string;
  confirmLabel: string;
  extra?: ReactNode;
  autoFocus?: boolean;
}) {
  return (
    <>
      <PinField
        name={props.name}
        label={props.label}
        extra={props.extra}
        autoFocus={props.autoFocus}
      />
      <Form.Item
        name="confirm"
        label={props.confirmLabel}
        dependencies={[props.name]}
        rules={confirmPinRules(props.name)}
      >
        <PinInput placeholder="与上面相同" />
      </Form.Item>
    </>
  );
}
