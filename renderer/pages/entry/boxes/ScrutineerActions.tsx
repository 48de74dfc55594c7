import { App, Button } from 'antd';
import type { BoxRecord } from '../../../../shared/api/entry';
import { api } from '../../../api';

export function ScrutineerActions(props: {
  box: BoxRecord;
  counting: boolean;
  /** The 总监票人, while the round is being counted, counted or certified (refused, explained). */
  canReopen: boolean;
  onExpected: (box: BoxRecord) => void;
  onSendBack: (box: BoxRecord) => void;
  onReopen: (box: BoxRecord) => void;
  onReconcile: (boxId: number) => void;
  onRemoved: () => void;
}) {
  const { box, counting } = props;
  const { modal, message } = App.useApp();
  const empty = box.passes.every((p) => p.live === 0);
  const remove = () => {
    modal.confirm({
      title: `删除票箱“${box.label}”？`,
      content: '只能删除从未录入过选票的票箱。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const result = await api['entry.removeBox']({ boxId: box.id });
        if (result.ok) props.onRemoved();
        else message.error(result.error.message);
      },
    });
  };
  return (
    <>
      {(box.state === 'comparing' || (box.state === 'reconciled' && box.passes.length === 2)) && (
        <Button
          type={box.state === 'comparing' ? 'primary' : 'default'}
          onClick={() => props.onReconcile(box.id)}
        >
          {box.state === 'comparing' ? '核对差异' : '查看核对'}
        </Button>
      )}
      {counting && box.state === 'entering' && (
        <Button onClick={() => props.onExpected(box)}>更正张数</Button>
      )}
      {counting && (box.state === 'entered' || box.state === 'second-entry') && (
        <Button onClick={() => props.onSendBack(box)}>退回更正</Button>
      )}
      {props.canReopen && box.state === 'reconciled' && (
        <Button onClick={() => props.onReopen(box)}>重开票箱</Button>
      )}
      {counting && box.state === 'entering' && empty && (
        <Button danger onClick={remove}>
          删除
        </Button>
      )}
    </>
  );
}
