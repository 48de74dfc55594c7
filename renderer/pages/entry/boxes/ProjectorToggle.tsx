import { App, Button } from 'antd';
import { api } from '../../../api';
import { openProjector } from '../../../components/projector';

export function ProjectorToggle({
  roundId,
  projected,
  onChanged,
}: {
  roundId: number;
  projected: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const toggle = async () => {
    const result = await api['entry.project']({ roundId: projected ? null : roundId });
    if (!result.ok) return void message.error(result.error.message);
    if (!projected) await openProjector();
    onChanged();
  };
  return (
    <Button onClick={() => void toggle()}>{projected ? '停止投影计票板' : '投影计票板'}</Button>
  );
}
