import { Button } from 'antd';
import type { BoxRecord } from '../../../../shared/api/entry';
import { tellerActionOf } from './teller-action';

export function TellerAction(props: {
  box: BoxRecord;
  personId: number;
  doubleEntry: boolean;
  autoFocus: boolean;
  onEnter: (boxId: number) => void;
}) {
  const label = tellerActionOf(props.box, props.personId, props.doubleEntry);
  if (!label) return null;
  return (
    <Button
      type="primary"
      autoFocus={props.autoFocus}
      onClick={() => props.onEnter(props.box.id)}
      aria-label={`${label}：${props.box.label}`}
    >
      {label}
    </Button>
  );
}
