import type { ScanSheet } from '../../../../shared/api/scan';
import { api } from '../../../api';
import { ReasonPanel } from '../InvalidPanel';

const TWICE = '同一张选票扫描了两次（略过这一份）';
const REASONS = [TWICE, '不是本票箱的选票', '缺页或破损，无法识别'] as const;

/**
 * 拒收: a scanned sheet that must never count — scanned twice, from another box, torn — set aside
 * with its reason. The paper is looked at, not the machine: the teller says why.
 */
export function RefusePanel(props: {
  sheet: ScanSheet;
  onDone: (words: string | null, problem: string | null) => void;
  onCancel: () => void;
}) {
  const { sheet } = props;
  const settle = async (reason: string) => {
    const result =
      reason === TWICE
        ? await api['scan.skip']({ sheetId: sheet.id })
        : await api['scan.refuse']({ sheetId: sheet.id, reason });
    if (result.ok)
      props.onDone(
        `第 ${sheet.place} 张扫描件已${reason === TWICE ? '略过' : '拒收'}：${reason}`,
        null,
      );
    else props.onDone(null, result.error.message);
  };
  return (
    <ReasonPanel
      className="refuse-panel"
      label="拒收这张扫描件的原因"
      title={`拒收第 ${sheet.place} 张扫描件 · 它不会计入本票箱`}
      reasons={REASONS}
      placeholder="原因，如：选票被水浸湿"
      onDone={(reason) => void settle(reason)}
      onCancel={props.onCancel}
    />
  );
}
