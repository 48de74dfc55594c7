import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useBusy } from '../../components/useBusy';
import { downloadBase64 } from '../setup/files';

/** The 分发/收回选票情况报告单: previewed as it will print, then saved as PDF. */
export function SheetDialog(props: {
  open: boolean;
  roundId: number;
  title: string;
  onClose: () => void;
}) {
  const { open, roundId } = props;
  const [html, setHtml] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, run] = useBusy();

  useEffect(() => {
    if (!open) return;
    let current = true;
    setHtml(null);
    setProblem(null);
    void api['printouts.preview']({ kind: 'issuance', roundId }).then((result) => {
      if (!current) return;
      if (result.ok) setHtml(result.value.html);
      else setProblem(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [open, roundId]);

  const save = () =>
    run(async () => {
      const result = await api['issuance.pdf']({ roundId });
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      downloadBase64(result.value.pdf, result.value.fileName, 'application/pdf');
    });

  return (
    <Modal
      open={open}
      title={props.title}
      width={900}
      onCancel={props.onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        <Button key="pdf" type="primary" loading={busy} disabled={html === null} onClick={save}>
          保存为 PDF 打印
        </Button>,
      ]}
    >
      {problem && <Alert type="error" showIcon title={problem} />}
      {html === null && !problem && <Spin />}
      {html !== null && (
        <iframe
          title="报告单预览"
          className="sheet-preview"
          srcDoc={html}
          sandbox=""
          data-testid="sheet-preview"
        />
      )}
    </Modal>
  );
}
