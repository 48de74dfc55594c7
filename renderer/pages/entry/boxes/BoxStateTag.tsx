import { Space, Tag } from 'antd';
import type { BoxRecord } from '../../../../shared/api/entry';
import { boxStateLabel } from '../../../../shared/strings/entry';
import './box-state-tag.css';

export function BoxStateTag({ box, doubleEntry }: { box: BoxRecord; doubleEntry: boolean }) {
  const color = box.counts ? 'green' : box.state === 'comparing' ? 'orange' : 'blue';
  return (
    <Space size={4}>
      <Tag color={color}>{boxStateLabel(box.state, doubleEntry)}</Tag>
      {box.unresolved !== null && box.unresolved > 0 && (
        <span className="boxes-unresolved">{box.unresolved} 处不一致</span>
      )}
    </Space>
  );
}
