import { App, Button, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { idleLockBounds } from '../../../shared/idle-lock';
import { api } from '../../api';
import { useAppStatus } from '../../stores/app-status';
import { useBusy } from '../../components/useBusy';

/** How long a session may sit idle before the screen locks; the administrator sets it. */
export function IdleLockSetting({ editable }: { editable: boolean }) {
  const current = useAppStatus((s) => s.status?.idleLockMinutes);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [saving, run] = useBusy();
  const { message } = App.useApp();

  if (current === undefined) return null;
  const value = minutes ?? current;

  const save = async () => {
    const result = await api['app.setIdleLockMinutes']({ minutes: value });
    if (!result.ok) {
      message.error(result.error.message);
      return;
    }
    setMinutes(null);
    await useAppStatus.getState().refresh();
    message.success(`已设置为无操作 ${result.value.idleLockMinutes} 分钟后锁定`);
  };

  return (
    <>
      <Typography.Paragraph>
        无人操作 {current} 分钟后屏幕自动锁定，需输入本人 PIN 才能继续。离开座位时也可随时按{' '}
        <kbd>Alt+L</kbd> 锁定。
      </Typography.Paragraph>
      {editable && (
        <Space>
          <label htmlFor="idle-minutes">锁定前等待</label>
          <InputNumber
            id="idle-minutes"
            min={idleLockBounds.min}
            max={idleLockBounds.max}
            precision={0}
            value={value}
            onChange={(next) => setMinutes(next)}
            suffix="分钟"
          />
          <Button onClick={() => run(save)} loading={saving} disabled={value === current}>
            保存
          </Button>
        </Space>
      )}
    </>
  );
}
