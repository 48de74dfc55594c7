import { Button, Space } from 'antd';
import type { BoxRecord } from '../../../../shared/api/entry';
import { tellerActionOf } from './teller-action';

export function TellerAction(props: {
  box: BoxRecord;
  personId: number;
  doubleEntry: boolean;
  autoFocus: boolean;
  onEnter: (boxId: number) => void;
  /** The same pass, entered from scanned sheets. */
  onScan: (boxId: number) => void;
}) {
  const label = tellerActionOf(props.box, props.personId, props.doubleEntry);
  if (!label) return null;
  return (
    <Space size={4}>
      <Button
        type="primary"
        autoFocus={props.autoFocus}
        onClick={() => props.onEnter(props.box.id)}
        aria-label={`${label}：${props.box.label}`}
      >
        {label}
      </Button>
      <Button
        onClick={() => props.onScan(props.box.id)}
        aria-label={`扫描录入：${props.box.label}`}
      >
        扫描录入
      </Button>
    </Space>
  );
}
